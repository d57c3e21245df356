"""Event classification: ACLED event type and sub-event types plus extra categories, actors and
locations, from the taxonomy and gazetteer data files.

A category scores 2 per distinct term it matches in the headline and 1 per other term in the body: the headline
says what the entry is about, the body often mentions fighting in passing. The primary category is
the top score, ties broken by taxonomy order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from schemas import CasualtyClaim
from streams.extract.lexicon import PLACE_KINDS, Alternation, gazetteer, taxonomy

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


def _rules() -> tuple[list[tuple[str, str | None]], Alternation]:
    """Every taxonomy pattern as one branch of a single regex, with the (category, subtype) rule
    of each: one pass over the text finds every rule that applies."""
    rules: list[tuple[str, str | None]] = []
    patterns: list[str] = []
    for category, spec in taxonomy().items():
        groups = [(None, spec.get("patterns", ())), *spec.get("subtypes", {}).items()]
        for subtype, found in groups:
            rules += [(category, subtype)] * len(found)
            patterns += found
    return rules, Alternation(patterns, re.IGNORECASE, prefix=r"(?<![\w-])")


_RULES, _RULE_PATTERN = _rules()
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


@lru_cache(maxsize=1 << 13)
def _terms(text: str) -> tuple[tuple[tuple[str, str | None], str], ...]:
    """The distinct (rule, term) pairs of a text in order of first mention (not in set order, which
    depends on the hash seed). Cached: copies and revisions repeat headlines and bodies."""
    return tuple(dict.fromkeys((_RULES[i], m.group().lower()) for i, m in _RULE_PATTERN.finditer(text)))


def classify(headline: str, body: str, claims: Sequence[CasualtyClaim] = ()) -> Classification:
    """Category, labels, subtypes, actors and locations of one entry. casualty_report applies when
    the entry carries a current figure above zero (historical figures and "no casualties" do not)."""
    in_headline = _terms(headline)
    in_body = [term for term in _terms(body) if term not in in_headline]
    scores: dict[str, int] = {}
    subtypes: dict[str, None] = {}
    for weight, terms in ((2, in_headline), (1, in_body)):
        for (category, subtype), _ in terms:
            scores[category] = scores.get(category, 0) + weight
            if subtype:
                subtypes[subtype] = None
    if any(c.kind != "historical" and c.min > 0 for c in claims):
        scores[CASUALTY_REPORT] = scores.get(CASUALTY_REPORT, 0) + _CLAIM_WEIGHT
    labels = sorted(scores, key=lambda c: (-scores[c], _ORDER[c])) or [OTHER]
    actors, locations = _actors_and_locations(f"{headline}\n{body}")
    return Classification(labels[0], labels, list(subtypes), actors, locations)
