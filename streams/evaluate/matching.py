"""Matching what the code read against the labels: entries by time and first words, claims by
outcome, value and party, and the traps a claim fell into."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from schemas import CasualtyClaim, Entry
from streams.evaluate.corpus import GoldClaim, GoldEntry, Trap

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case, quotes, dashes and spacing aside, so a label's first words are found in an entry."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip().lower()


@dataclass
class EntryMatch:
    """How one page's entries compare with its labels."""

    expected: int = 0
    found: int = 0
    invented: list[Entry] = field(default_factory=list)
    missed: list[GoldEntry] = field(default_factory=list)
    undated: int = 0  # day-precision items: the page gave them no time, and they claim none
    matched: dict[str, GoldEntry] = field(default_factory=dict)  # entry id -> the label it matched


def _opens_with(gold: GoldEntry, entry: Entry) -> bool:
    wanted = normalise(gold.text)
    return wanted in normalise(f"{entry.headline} {entry.body}")[: max(400, 2 * len(wanted))]


def _labels(gold: GoldEntry, entry: Entry) -> bool:
    """The label's time and first words; an optional label (its date or zone uncertain) by its words alone."""
    if gold.utc == entry.published_at:
        return _opens_with(gold, entry)
    return gold.optional and bool(gold.text.strip()) and _opens_with(gold, entry)


def match_entries(gold: Sequence[GoldEntry], entries: Iterable[Entry]) -> EntryMatch:
    """One-to-one: an entry is found when a label has its minute and its first words."""
    result = EntryMatch(expected=sum(not g.optional for g in gold))
    open_labels = list(gold)
    for entry in entries:
        if entry.time_precision != "minute":
            result.undated += 1
            continue
        hit = next((g for g in open_labels if _labels(g, entry)), None)
        if hit is None:
            result.invented.append(entry)
            continue
        open_labels.remove(hit)
        result.found += not hit.optional
        result.matched[entry.entry_id] = hit
    result.missed = [g for g in open_labels if not g.optional]
    return result


@dataclass(frozen=True)
class ReadClaim:
    """A claim the code extracted, with the entry it came from."""

    at: dt.datetime
    claim: CasualtyClaim

    @property
    def rule(self) -> str:
        return getattr(self.claim, "rule", None) or "unnamed"


def _required(gold: GoldClaim) -> bool:
    """A claim recall counts: not marked optional, and in an entry (a page's intro or summary is not one)."""
    return not gold.optional and gold.utc is not None


@dataclass
class ClaimMatch:
    """How one page's extracted claims compare with its gold claims and traps."""

    expected: int = 0
    hits: list[tuple[ReadClaim, GoldClaim]] = field(default_factory=list)
    false: list[ReadClaim] = field(default_factory=list)
    trapped: list[tuple[ReadClaim, Trap]] = field(default_factory=list)
    missed: list[GoldClaim] = field(default_factory=list)

    @property
    def recalled(self) -> int:
        return sum(_required(gold) for _, gold in self.hits)

    @property
    def read(self) -> int:
        return len(self.hits) + len(self.false) + len(self.trapped)


def _same_place(when: dt.datetime | None, read: ReadClaim) -> bool:
    return when is None or when == read.at


def _agrees(gold: GoldClaim, read: ReadClaim) -> bool:
    claim = read.claim
    return (_same_place(gold.utc, read) and claim.outcome == gold.outcome and claim.min == gold.min
            and claim.max == gold.max and claim.party in gold.parties)


_FIGURE = re.compile(r"\d[\d,.]*")


def _told_elsewhere(words: str, sentence: str, values: set[int | None]) -> bool:
    """A trap told in words alone ("centenas de feridos") whose value the sentence also gives in figures outside them
    ("mais de 100 mortes e centenas de feridos"): the claim read those figures, not the trap."""
    if any(c.isdigit() for c in words):
        return False
    rest = sentence.replace(words, " ")
    return any(int(f.rstrip(",.").replace(",", "").replace(".", "")) in values for f in _FIGURE.findall(rest))


def _springs(trap: Trap, read: ReadClaim) -> bool:
    """The claim took the trap's number from the trap's own words."""
    claim = read.claim
    values = {claim.min, claim.min - 1, claim.max}  # "more than 30" reads as 31
    words, sentence = normalise(trap.text), normalise(claim.text)
    return (_same_place(trap.utc, read) and trap.number in values
            and (words in sentence or sentence in words) and not _told_elsewhere(words, sentence, values))


def match_claims(gold: Sequence[GoldClaim], traps: Sequence[Trap], read: Iterable[ReadClaim]) -> ClaimMatch:
    """One-to-one on outcome, value and party (and the entry, where the label names it); a claim
    that matches no gold claim is a trap hit when its number is a labelled trap, else false."""
    result = ClaimMatch(expected=sum(_required(g) for g in gold))
    open_gold = sorted(gold, key=lambda g: (g.optional, g.utc is None))  # must-claims first
    for item in read:
        hit = next((g for g in open_gold if _agrees(g, item)), None)
        if hit is not None:
            open_gold.remove(hit)
            result.hits.append((item, hit))
        elif trap := next((t for t in traps if _springs(t, item)), None):
            result.trapped.append((item, trap))
        else:
            result.false.append(item)
    result.missed = [g for g in open_gold if _required(g)]
    return result
