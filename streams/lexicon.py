"""Loaders for the user-extensible data files in ``streams/data`` (gazetteer, taxonomy, lexicon).

The rules live in code; the words live in data, so a newsroom can add a town, an armed group or a
noun without touching the extraction logic. Everything is loaded and compiled once per process.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"

PARTY_KINDS = frozenset({"state", "breakaway", "armed_group"})
PLACE_KINDS = frozenset({"region", "town"})


def load_toml(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open("rb") as fh:
        return tomllib.load(fh)


def alternation(phrases: Iterable[str]) -> str:
    """Regex alternation of literal phrases, longest first so the longest phrase wins; any run of
    whitespace in the text matches a space in a phrase."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@dataclass(frozen=True, slots=True)
class Entity:
    """A gazetteer entry. ``voice``: the actor a mention speaks for ("Baku said" is Azerbaijan);
    ``side``: the conflict party its casualties belong to, when it is or belongs to one;
    ``places``: the location slugs a mention implies (a town implies its region and state)."""

    slug: str
    kind: str
    voice: str
    side: str | None
    places: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity: Entity
    adjective: bool


class Gazetteer:
    """Whole-word, case-sensitive matcher over every name and adjective (proper nouns: this keeps
    "US" apart from "us" and "Turkey" apart from the bird)."""

    def __init__(self, raw: dict[str, dict[str, Any]]) -> None:
        def voice(slug: str) -> str:
            entry = raw[slug]
            if entry["kind"] in PLACE_KINDS:
                region = entry.get("region")
                if region and raw[region]["kind"] in PARTY_KINDS:
                    return region
                return entry["state"]
            return entry.get("of", slug)

        self.entities: dict[str, Entity] = {}
        for slug, entry in raw.items():
            kind = entry["kind"]
            speaks_for = voice(slug)
            places: tuple[str, ...] = ()
            if kind in PLACE_KINDS:
                places = tuple(dict.fromkeys(p for p in (slug, entry.get("region"), entry["state"]) if p))
            elif kind in ("state", "breakaway"):
                places = (slug,)
            side = speaks_for if raw[speaks_for]["kind"] in PARTY_KINDS else None
            self.entities[slug] = Entity(slug, kind, speaks_for, side, places)

        self._by_name: dict[str, tuple[Entity, bool]] = {}
        for slug, entry in raw.items():
            for name in entry.get("names", ()):
                self._by_name[name] = (self.entities[slug], False)
            for adj in entry.get("adjectives", ()):
                self._by_name.setdefault(adj, (self.entities[slug], True))
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternation(self._by_name)})(?![\w-])")
        self.plural_demonyms = tuple(n for n, (_, adj) in self._by_name.items() if adj and n.endswith("s"))

    def mentions(self, text: str) -> list[Mention]:
        out = []
        for m in self.pattern.finditer(text):
            entity, adjective = self._by_name[re.sub(r"\s+", " ", m.group())]
            out.append(Mention(m.start(), m.end(), entity, adjective))
        return out


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer(load_toml("gazetteer.toml"))


@cache
def casualty_lexicon() -> dict[str, Any]:
    return load_toml("casualty_lexicon.toml")


@cache
def taxonomy() -> dict[str, Any]:
    return load_toml("taxonomy.toml")
