"""Event classification: ACLED event type and sub-event types plus extra categories, actors and
locations, from the taxonomy and gazetteer data files.

A category scores 2 per distinct pattern matched in the headline and 1 in the body: the headline
says what the entry is about, the body often mentions fighting in passing. The primary category is
the top score, ties broken by taxonomy order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from schemas import CasualtyClaim
from streams.lexicon import PLACE_KINDS, gazetteer, taxonomy

CASUALTY_REPORT = "casualty_report"
OTHER = "other"
_CLAIM_WEIGHT = 3

_LOCATIVE = re.compile(r"(?:\b(?:in|into|inside|to|towards|near|from|across|on|at|over)\s+(?:the\s+)?(?:#)?)$",
                       re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b")
_SOIL = re.compile(r"\s+(?:soil|territory|border|airspace|lands?)\b")


@dataclass(frozen=True)
class Classification:
    category: str
    labels: list[str]
    subtypes: list[str]
    actors: list[str]
    locations: list[str]


@dataclass(frozen=True, slots=True)
class _Rule:
    category: str
    subtype: str | None
    pattern: re.Pattern[str]


def _rules() -> tuple[_Rule, ...]:
    rules = []
    for category, spec in taxonomy().items():
        for pattern in spec.get("patterns", ()):
            rules.append(_Rule(category, None, re.compile(pattern, re.IGNORECASE)))
        for subtype, patterns in spec.get("subtypes", {}).items():
            for pattern in patterns:
                rules.append(_Rule(category, subtype, re.compile(pattern, re.IGNORECASE)))
    return tuple(rules)


_RULES = _rules()
_ORDER = {category: i for i, category in enumerate(taxonomy())}
_GAZ = gazetteer()


def _actors_and_locations(text: str) -> tuple[list[str], list[str]]:
    actors: dict[str, None] = {}
    locations: dict[str, None] = {}
    for m in _GAZ.mentions(text):
        entity = m.entity
        if entity.kind in PLACE_KINDS:
            locations.update(dict.fromkeys(entity.places))
            continue
        actors[entity.voice] = None
        if _POSSESSIVE.match(text, m.end):
            continue  # "in Armenia's shelling" names the shooter, not the place
        if entity.places and (_LOCATIVE.search(text, max(0, m.start - 20), m.start)
                              and not m.adjective or m.adjective and _SOIL.match(text, m.end)):
            locations.update(dict.fromkeys(entity.places))
    return list(actors), list(locations)


def classify(headline: str, body: str, claims: Sequence[CasualtyClaim] = ()) -> Classification:
    """Category, labels, subtypes, actors and locations of one entry. casualty_report applies when
    the entry carries a current figure above zero (historical figures and "no casualties" do not)."""
    scores: dict[str, int] = {}
    subtypes: dict[str, None] = {}
    for rule in _RULES:
        if rule.pattern.search(headline):
            weight = 2
        elif rule.pattern.search(body):
            weight = 1
        else:
            continue
        scores[rule.category] = scores.get(rule.category, 0) + weight
        if rule.subtype:
            subtypes[rule.subtype] = None
    if any(c.kind != "historical" and c.min > 0 for c in claims):
        scores[CASUALTY_REPORT] = scores.get(CASUALTY_REPORT, 0) + _CLAIM_WEIGHT
    labels = sorted(scores, key=lambda c: (-scores[c], _ORDER[c])) or [OTHER]
    actors, locations = _actors_and_locations(f"{headline}\n{body}")
    return Classification(labels[0], labels, list(subtypes), actors, locations)
