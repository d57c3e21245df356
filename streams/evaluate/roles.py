"""Actor roles scored against data/corpus/actors.toml: per role, the (actor, role) pairs the code
reads for an entry against those labelled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from schemas import Entry
from streams.evaluate.labelled_entries import EntryFinder, EntryRef, load_toml, read_ref

ROLE_LISTS = {"participants": "participant", "claimants": "claimant", "commenters": "commenter", "places": "place"}


@dataclass(frozen=True)
class RoleLabel:
    ref: EntryRef
    roles: frozenset[tuple[str, str]]  # (actor, role)


@dataclass
class RoleScore:
    entries: int = 0
    missing_entries: int = 0
    expected: dict[str, int] = field(default_factory=dict)
    read: dict[str, int] = field(default_factory=dict)
    correct: dict[str, int] = field(default_factory=dict)

    def figures(self) -> dict[str, dict[str, float]]:
        out = {}
        for role in ROLE_LISTS.values():
            e, r, c = self.expected.get(role, 0), self.read.get(role, 0), self.correct.get(role, 0)
            out[role] = {"expected": e, "read": r, "correct": c, "precision": round(c / r, 4) if r else 1.0,
                         "recall": round(c / e, 4) if e else 1.0}
        return out


def load_roles(path: Path) -> list[RoleLabel]:
    labels = []
    for i, item in enumerate(load_toml(path).get("entries", [])):
        roles = frozenset((actor, role) for key, role in ROLE_LISTS.items() for actor in item.get(key, ()))
        labels.append(RoleLabel(read_ref(item, f"{path}: entries[{i}]"), roles))
    return labels


def score_roles(labels: list[RoleLabel], find: EntryFinder,
                read: Callable[[Entry], dict[str, list[str]]]) -> RoleScore:
    score = RoleScore()
    for label in labels:
        entry = find(label.ref)
        if entry is None:
            score.missing_entries += 1
            continue
        score.entries += 1
        got = {(actor, role) for actor, roles in read(entry).items() for role in roles}
        for role in ROLE_LISTS.values():
            want = {p for p in label.roles if p[1] == role}
            have = {p for p in got if p[1] == role}
            score.expected[role] = score.expected.get(role, 0) + len(want)
            score.read[role] = score.read.get(role, 0) + len(have)
            score.correct[role] = score.correct.get(role, 0) + len(want & have)
    return score
