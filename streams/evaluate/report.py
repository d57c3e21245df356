"""``liveblog eval``: parse every page of a split, extract its claims, and score both against the labels."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from schemas import CasualtyClaim, Entry
from streams.evaluate.corpus import Page
from streams.evaluate.matching import ClaimMatch, EntryMatch, ReadClaim, match_claims, match_entries

Parser = Callable[[Page], list[Entry]]
Extractor = Callable[[Entry], list[CasualtyClaim]]


@dataclass
class PageScore:
    page: Page
    entries: EntryMatch
    claims: ClaimMatch
    error: str | None = None  # the parser's error when the page could not be read


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


@dataclass
class Totals:
    """Sums over pages; the ratios a floor is set on."""

    pages: int = 0
    failed: int = 0
    entries_expected: int = 0
    entries_found: int = 0
    entries_invented: int = 0
    claims_expected: int = 0
    claims_recalled: int = 0
    claims_read: int = 0
    claims_correct: int = 0
    claims_false: int = 0
    trap_hits: int = 0
    by_rule: Counter = field(default_factory=Counter)

    def add(self, score: PageScore) -> None:
        self.pages += 1
        self.failed += score.error is not None
        self.entries_expected += score.entries.expected
        self.entries_found += score.entries.found
        self.entries_invented += len(score.entries.invented)
        self.add_claims(score.claims)

    def add_claims(self, claims: ClaimMatch) -> None:
        self.claims_expected += claims.expected
        self.claims_recalled += claims.recalled
        self.claims_read += claims.read
        self.claims_correct += len(claims.hits)
        self.claims_false += len(claims.false)
        self.trap_hits += len(claims.trapped)
        for read, _ in claims.hits:
            self.by_rule[(read.rule, "hit")] += 1
        for read in claims.false:
            self.by_rule[(read.rule, "false")] += 1
        for read, _ in claims.trapped:
            self.by_rule[(read.rule, "trap")] += 1

    @property
    def entry_recall(self) -> float:
        return _ratio(self.entries_found, self.entries_expected)

    @property
    def claim_recall(self) -> float:
        return _ratio(self.claims_recalled, self.claims_expected)

    @property
    def claim_precision(self) -> float:
        return _ratio(self.claims_correct, self.claims_read)

    def figures(self) -> dict[str, float | int]:
        """What a floor can name, and what ``--json`` prints per split."""
        return {"pages": self.pages, "failed_pages": self.failed, "entries_expected": self.entries_expected,
                "entries_found": self.entries_found, "entries_invented": self.entries_invented,
                "entry_recall": round(self.entry_recall, 4), "claims_expected": self.claims_expected,
                "claims_recalled": self.claims_recalled, "claims_read": self.claims_read,
                "claims_false": self.claims_false, "claim_recall": round(self.claim_recall, 4),
                "claim_precision": round(self.claim_precision, 4), "trap_hits": self.trap_hits}


def score_page(page: Page, parse: Parser, extract: Extractor, error_type: type[Exception]) -> PageScore:
    try:
        entries = parse(page)
    except error_type as exc:
        return PageScore(page, match_entries(page.entries, []), match_claims(page.claims, page.traps, []), str(exc))
    found = match_entries(page.entries, entries)
    # a claim belongs to the labelled entry its entry was matched to (an optional label's time may differ)
    read = [ReadClaim(found.matched[entry.entry_id].utc if entry.entry_id in found.matched else entry.published_at, claim)
            for entry in entries for claim in extract(entry)]
    return PageScore(page, found, match_claims(page.claims, page.traps, read))


def evaluate(pages: Sequence[Page], parse: Parser, extract: Extractor,
             error_type: type[Exception]) -> tuple[list[PageScore], dict[str, Totals]]:
    """Per-page scores and totals per split (and ``all``)."""
    scores = [score_page(page, parse, extract, error_type) for page in pages]
    totals: dict[str, Totals] = {}
    for score in scores:
        for key in (score.page.split, "all"):
            totals.setdefault(key, Totals()).add(score)
    return scores, totals
