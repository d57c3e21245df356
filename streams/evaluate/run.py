"""One ``liveblog eval`` run: pages, claims, actor roles and same-event pairs, each page parsed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from schemas import Entry
from streams.evaluate.corpus import Page, load_corpus
from streams.evaluate.labelled_entries import EntryFinder
from streams.evaluate.pairs import PairScore, load_pairs, score_pairs
from streams.evaluate.paragraphs import ParagraphScore, load_paragraphs, score_paragraphs
from streams.evaluate.report import PageScore, Totals, evaluate
from streams.evaluate.roles import RoleScore, load_roles, score_roles


@dataclass
class EvalResult:
    scores: list[PageScore]
    totals: dict[str, Totals]
    roles: RoleScore | None  # on the dev split: the labels name dev pages only
    pairs: PairScore | None
    paragraphs: list[ParagraphScore] = field(default_factory=list)
    paragraph_totals: dict[str, Totals] = field(default_factory=dict)

    def figures(self) -> dict[str, dict[str, float | int]]:
        """Per split, every figure a floor may name."""
        out = {split: totals.figures() for split, totals in self.totals.items()}
        for split, totals in self.paragraph_totals.items():
            figures = totals.figures()
            out.setdefault(split, {}).update({"paragraphs": totals.pages} | {
                f"paragraph_{name}": figures[name] for name in ("claims_expected", "claims_recalled", "claims_read",
                                                               "claims_false", "claim_recall", "claim_precision",
                                                               "trap_hits")})
        dev = out.setdefault("dev", {})
        if self.roles is not None:
            for role, figures in self.roles.figures().items():
                dev[f"{role}_precision"], dev[f"{role}_recall"] = figures["precision"], figures["recall"]
        if self.pairs is not None:
            dev["pair_precision"], dev["pair_recall"] = self.pairs.precision, self.pairs.recall
        return out


def _judge(a: Entry, b: Entry) -> str:
    from streams.dedup.near import NearDuplicateIndex, load_config

    index = NearDuplicateIndex({}, config=load_config())
    index.judge(a)
    return index.judge(b).verdict


def _roles(entry: Entry) -> dict[str, list[str]]:
    from streams.extract import claims_of
    from streams.extract.roles import actor_roles

    return actor_roles(entry.headline, entry.body, claims_of(entry))


def run_eval(root: Path, split: str) -> EvalResult:
    from streams.extract import claims_of
    from streams.ingest import ParseError, parse_file

    corpus = load_corpus(root)

    @cache
    def parse(page: Page) -> list[Entry]:
        return parse_file(page.path)

    scores, totals = evaluate(corpus.split(split), parse, claims_of, ParseError)
    roles = pairs = None
    if split != "test":
        find = EntryFinder(corpus, parse)
        if (root / "actors.toml").is_file():
            roles = score_roles(load_roles(root / "actors.toml"), find, _roles)
        if (root / "pairs.toml").is_file():
            pairs = score_pairs(load_pairs(root / "pairs.toml"), find, _judge)
    paragraph_scores, paragraph_totals = [], {}
    if (root / "paragraphs.toml").is_file():
        chosen = [p for p in load_paragraphs(root / "paragraphs.toml") if split in ("all", p.split)]
        paragraph_scores, paragraph_totals = score_paragraphs(chosen, claims_of)
    return EvalResult(scores, totals, roles, pairs, paragraph_scores, paragraph_totals)
