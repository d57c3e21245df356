"""News paragraphs with hand-labelled casualty claims (data/corpus/paragraphs.toml): the claim reader
judged on text from many more outlets and crises than the live-blog pages hold, entry by entry.

Each paragraph is read as one entry of its page (its title as the blog's title), so the score says
what the reader takes from a sentence and its paragraph, with no stamps to find first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from schemas import Entry
from streams.evaluate.corpus import SPLITS, GoldClaim, LabelError, Trap, load_toml, need, read_claim, read_trap
from streams.evaluate.matching import ClaimMatch, ReadClaim, match_claims
from streams.evaluate.report import Extractor, Totals


@dataclass(frozen=True)
class Paragraph:
    id: str
    split: str
    source: str
    url: str
    title: str
    published: dt.date
    text: str
    claims: tuple[GoldClaim, ...]
    traps: tuple[Trap, ...]

    @property
    def at(self) -> dt.datetime:
        return _read_at(self.published)


def _read_at(published: dt.date) -> dt.datetime:
    """The time a paragraph's entry is read at: its page's day (a paragraph carries no stamp)."""
    return dt.datetime.combine(published, dt.time(12), dt.UTC)


def _paragraph(item: dict, where: str) -> Paragraph:
    if item.get("split") not in SPLITS:
        raise LabelError(f"{where}: split must be one of {SPLITS}, not {item.get('split')!r}")
    published = item.get("published")
    if not isinstance(published, dt.date) or isinstance(published, dt.datetime):
        raise LabelError(f"{where}: published must be a date like 2020-09-28, not {published!r}")
    at = _read_at(published)
    text = need(item, "text", str, where)
    claims = tuple(read_claim(c, f"{where}.claims[{i}]", at) for i, c in enumerate(item.get("claims", ())))
    traps = tuple(read_trap(t, f"{where}.traps[{i}]", at) for i, t in enumerate(item.get("traps", ())))
    for kind, quotes in (("claim", claims), ("trap", traps)):
        for quote in quotes:
            if " ".join(quote.text.split()) not in " ".join(text.split()):
                raise LabelError(f"{where}: the {kind} quote {quote.text!r} is not in the paragraph's text")
    return Paragraph(need(item, "id", str, where), item["split"], need(item, "source", str, where),
                     need(item, "url", str, where), need(item, "title", str, where), published, text, claims, traps)


def load_paragraphs(path: Path) -> tuple[Paragraph, ...]:
    """Every labelled paragraph, checked against the format; a LabelError names the file and the item."""
    items = load_toml(path).get("paragraphs", ())
    paragraphs = tuple(_paragraph(item, f"{path}: paragraphs[{i}]") for i, item in enumerate(items))
    seen: set[str] = set()
    for p in paragraphs:
        if p.id in seen:
            raise LabelError(f"{path}: two paragraphs have the id {p.id!r}")
        seen.add(p.id)
    return paragraphs


@dataclass
class ParagraphScore:
    paragraph: Paragraph
    claims: ClaimMatch


def entry_of(paragraph: Paragraph) -> Entry:
    """The paragraph as the pipeline would see it: one entry of its page, titled by the page."""
    return Entry(entry_id=paragraph.id, source=paragraph.source, url=paragraph.url, blog_title=paragraph.title,
                 published_at=paragraph.at, time_precision="minute", headline="", body=paragraph.text, seq=0)


def score_paragraphs(paragraphs: Sequence[Paragraph], extract: Extractor) -> tuple[list[ParagraphScore], dict[str, Totals]]:
    """Each paragraph's claims matched to its labels, and totals per split (and ``all``); a Totals' ``pages``
    counts paragraphs here."""
    scores, totals = [], {}
    for paragraph in paragraphs:
        read = [ReadClaim(paragraph.at, claim) for claim in extract(entry_of(paragraph))]
        score = ParagraphScore(paragraph, match_claims(paragraph.claims, paragraph.traps, read))
        scores.append(score)
        for key in (paragraph.split, "all"):
            total = totals.setdefault(key, Totals())
            total.pages += 1
            total.add_claims(score.claims)
    return scores, totals
