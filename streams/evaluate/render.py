"""What ``liveblog eval`` prints: a table per page and per split, the misses, JSON, and the floors check."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from streams.evaluate.matching import ClaimMatch
from streams.evaluate.report import PageScore, Totals
from streams.evaluate.run import EvalResult

# Floors are minima, except these, which are maxima.
_CEILINGS = {"failed_pages", "entries_invented", "trap_hits", "claims_false", "paragraph_trap_hits"}


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def page_table(scores: Sequence[PageScore]) -> Table:
    table = Table(title="pages", show_lines=False)
    for column in ("page", "split", "entries found/expected", "invented", "claims recalled/expected",
                   "read", "false", "traps"):
        table.add_column(column, justify="left" if column in ("page", "split") else "right")
    for s in scores:
        entries = "error" if s.error else f"{s.entries.found}/{s.entries.expected}"
        table.add_row(s.page.name, s.page.split, entries, str(len(s.entries.invented)),
                      f"{s.claims.recalled}/{s.claims.expected}", str(s.claims.read), str(len(s.claims.false)),
                      str(len(s.claims.trapped)))
    return table


def totals_table(totals: dict[str, Totals]) -> Table:
    table = Table(title="totals")
    for column in ("split", "pages", "failed", "entries found/expected", "recall", "invented",
                   "claim recall", "claim precision", "trap hits"):
        table.add_column(column, justify="left" if column == "split" else "right")
    for name, t in sorted(totals.items()):
        table.add_row(name, str(t.pages), str(t.failed), f"{t.entries_found}/{t.entries_expected}",
                      _pct(t.entry_recall), str(t.entries_invented),
                      f"{_pct(t.claim_recall)} ({t.claims_recalled}/{t.claims_expected})",
                      f"{_pct(t.claim_precision)} ({t.claims_correct}/{t.claims_read})", str(t.trap_hits))
    return table


def paragraph_table(totals: dict[str, Totals]) -> Table:
    table = Table(title="news paragraphs (claims only)")
    for column in ("split", "paragraphs", "claim recall", "claim precision", "trap hits"):
        table.add_column(column, justify="left" if column == "split" else "right")
    for name, t in sorted(totals.items()):
        table.add_row(name, str(t.pages), f"{_pct(t.claim_recall)} ({t.claims_recalled}/{t.claims_expected})",
                      f"{_pct(t.claim_precision)} ({t.claims_correct}/{t.claims_read})", str(t.trap_hits))
    return table


def rule_table(totals: Totals) -> Table:
    table = Table(title="claims by rule")
    for column in ("rule", "hits", "false", "traps", "precision"):
        table.add_column(column, justify="left" if column == "rule" else "right")
    rules = sorted({rule for rule, _ in totals.by_rule})
    for rule in rules:
        hit, false, trap = (totals.by_rule[(rule, k)] for k in ("hit", "false", "trap"))
        table.add_row(rule, str(hit), str(false), str(trap), _pct(hit / (hit + false + trap)))
    return table


def _claim_misses(name: str, claims: ClaimMatch) -> list[str]:
    lines = [f"{name}: missed claim {g.outcome} {g.min}..{g.max} {g.parties[0]} {g.text!r}" for g in claims.missed]
    lines += [f"{name}: false claim [{r.rule}] {r.claim.outcome} {r.claim.min}..{r.claim.max} {r.claim.party} "
              f"{r.claim.text[:90]!r}" for r in claims.false]
    return lines + [f"{name}: trap [{r.rule}] {t.number} ({t.why}) {t.text!r}" for r, t in claims.trapped]


def misses(scores: Sequence[PageScore]) -> list[str]:
    """One line per error, missed or invented entry, missed, false or trapped claim."""
    lines: list[str] = []
    for s in scores:
        name = s.page.name
        if s.error:
            lines.append(f"{name}: cannot parse: {s.error}")
        lines += [f"{name}: missed entry {g.utc:%Y-%m-%dT%H:%MZ} {g.stamp!r} {g.text!r}" for g in s.entries.missed]
        lines += [f"{name}: invented entry {e.published_at:%Y-%m-%dT%H:%MZ} {e.headline[:70]!r}"
                  for e in s.entries.invented]
        lines += _claim_misses(name, s.claims)
    return lines


def roles_table(result: EvalResult) -> Table:
    table = Table(title="actor roles (dev)")
    for column in ("role", "labelled", "read", "right", "precision", "recall"):
        table.add_column(column, justify="left" if column == "role" else "right")
    assert result.roles is not None
    for role, f in result.roles.figures().items():
        table.add_row(role, str(f["expected"]), str(f["read"]), str(f["correct"]), _pct(f["precision"]),
                      _pct(f["recall"]))
    return table


def pairs_line(result: EvalResult) -> str:
    assert result.pairs is not None
    p = result.pairs
    return (f"same-event pairs (dev): {p.judged} judged ({p.same} same), {p.merged} merged, precision "
            f"{_pct(p.precision)}, recall {_pct(p.recall)}" + (f"; {p.missing} with an unfound entry" if p.missing else ""))


def as_json(result: EvalResult) -> dict:
    scores, totals = result.scores, result.totals
    pages = [{"page": s.page.name, "split": s.page.split, "error": s.error, "entries_expected": s.entries.expected,
              "entries_found": s.entries.found, "entries_invented": len(s.entries.invented),
              "claims_expected": s.claims.expected, "claims_recalled": s.claims.recalled,
              "claims_read": s.claims.read, "claims_false": len(s.claims.false),
              "trap_hits": len(s.claims.trapped)} for s in scores]
    rules: dict[str, dict[str, int]] = {}
    for (rule, outcome), count in (totals["all"].by_rule.items() if "all" in totals else ()):
        rules.setdefault(rule, {"hit": 0, "false": 0, "trap": 0})[outcome] = count
    return {"splits": result.figures(), "pages": pages, "rules": rules,
            "roles": result.roles.figures() if result.roles else None,
            "pairs": result.pairs.figures() if result.pairs else None,
            "paragraphs": [{"id": s.paragraph.id, "split": s.paragraph.split, "claims_expected": s.claims.expected,
                            "claims_recalled": s.claims.recalled, "claims_read": s.claims.read,
                            "claims_false": len(s.claims.false), "trap_hits": len(s.claims.trapped)}
                           for s in result.paragraphs]}


def check_floors(figures: dict[str, dict[str, float | int]], floors_path: Path) -> list[str]:
    """Every floor the figures fall below (or ceiling they exceed), as readable lines; [] if all hold."""
    floors = tomllib.loads(floors_path.read_text(encoding="utf-8"))
    broken = []
    for split, limits in floors.items():
        if split not in figures:
            continue
        for name, limit in limits.items():
            if name not in figures[split]:
                continue  # a figure this run did not measure (actor roles and pairs on --split test)
            value = figures[split][name]
            if (value > limit) if name in _CEILINGS else (value < limit):
                relation = "above the ceiling" if name in _CEILINGS else "below the floor"
                broken.append(f"{split}: {name} {value} is {relation} {limit} ({floors_path.name})")
    return broken


def print_report(console: Console, result: EvalResult, *, verbose: bool, by_rule: bool) -> None:
    console.print(page_table(result.scores))
    console.print(totals_table(result.totals))
    if by_rule and "all" in result.totals:
        console.print(rule_table(result.totals["all"]))
    if result.paragraph_totals:
        console.print(paragraph_table(result.paragraph_totals))
    if result.roles is not None:
        console.print(roles_table(result))
    if result.pairs is not None:
        console.print(pairs_line(result), highlight=False)
    if verbose:
        for line in misses(result.scores) + [line for p in result.paragraphs
                                             for line in _claim_misses(p.paragraph.id, p.claims)]:
            console.print(line, markup=False, highlight=False)
        for pair, verdict in (result.pairs.wrong if result.pairs else ()):
            console.print(f"pair judged {verdict}, labelled {'same' if pair.same else 'not same'}: "
                          f"{pair.a.page} {pair.a.text[:40]!r} ~ {pair.b.page} {pair.b.text[:40]!r}",
                          markup=False, highlight=False)
