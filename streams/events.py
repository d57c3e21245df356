"""From a unique entry to a classified event: casualty claims first, then the classification that
uses them (no Kafka, no Faust)."""

from __future__ import annotations

from schemas import ClassifiedEvent, UniqueEntry
from streams.casualties import extract_claims
from streams.classify import classify


def classify_event(entry: UniqueEntry) -> ClassifiedEvent:
    claims = extract_claims(entry.headline, entry.body, entry.published_at)
    found = classify(entry.headline, entry.body, claims)
    return ClassifiedEvent(
        **entry.model_dump(),
        category=found.category,
        labels=found.labels,
        subtypes=found.subtypes,
        actors=found.actors,
        locations=found.locations,
        casualties=claims,
    )
