"""Same-event dedup scored on hand-judged pairs of corpus entries (data/corpus/pairs.toml): each pair
judged on a fresh index, a first then b; b's verdict merges or not."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from schemas import Entry
from streams.evaluate.labelled_entries import EntryFinder, EntryRef, load_toml, read_ref


@dataclass(frozen=True)
class Pair:
    a: EntryRef
    b: EntryRef
    same: bool
    why: str = ""


@dataclass
class PairScore:
    judged: int = 0
    missing: int = 0  # a side the parser did not find
    merged_right: int = 0  # same, merged
    merged: int = 0
    same: int = 0
    wrong: list[tuple[Pair, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.merged_right / self.merged if self.merged else 1.0

    @property
    def recall(self) -> float:
        return self.merged_right / self.same if self.same else 1.0

    def figures(self) -> dict[str, float | int]:
        return {"pairs": self.judged, "unfound": self.missing, "same": self.same, "merged": self.merged,
                "merged_right": self.merged_right, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4)}


def load_pairs(path: Path) -> list[Pair]:
    pairs = []
    for i, item in enumerate(load_toml(path).get("pairs", [])):
        where = f"{path}: pairs[{i}]"
        pairs.append(Pair(read_ref(item.get("a", {}), where), read_ref(item.get("b", {}), where),
                          bool(item.get("same")), item.get("why", "")))
    return pairs


def score_pairs(pairs: list[Pair], find: EntryFinder, judge: Callable[[Entry, Entry], str]) -> PairScore:
    """``judge(a, b)``: b's verdict after a ("new" when it stands alone)."""
    score = PairScore()
    for pair in pairs:
        a, b = find(pair.a), find(pair.b)
        if a is None or b is None:
            score.missing += 1
            continue
        verdict = judge(a, b)
        merged = verdict != "new"
        score.judged += 1
        score.same += pair.same
        score.merged += merged
        score.merged_right += merged and pair.same
        if merged != pair.same:
            score.wrong.append((pair, verdict))
    return score
