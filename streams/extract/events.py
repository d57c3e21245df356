"""From a unique entry to a classified event: casualty claims first, then the classification that
uses them (no Kafka, no Faust)."""

from __future__ import annotations

from datetime import datetime, timezone

from schemas import ClassifiedEvent, UniqueEntry
from streams.extract.casualties import extract_claims
from streams.extract.classify import classify
from streams.extract.roles import actor_roles


def classify_event(entry: UniqueEntry) -> ClassifiedEvent:
    claims = extract_claims(entry.headline, entry.body, entry.published_at, entry.blog_title)
    found = classify(entry.headline, entry.body, claims)
    return ClassifiedEvent(
        **entry.model_dump(),
        category=found.category,
        labels=found.labels,
        subtypes=found.subtypes,
        actors=found.actors,
        roles=actor_roles(entry.headline, entry.body, claims),
        locations=found.locations,
        casualties=claims,
    )


def warm_up() -> ClassifiedEvent:
    """Classify one sample entry, so the lexicons load and the patterns compile before the first
    real one (a worker's first live entries otherwise wait for them)."""
    at = datetime(2020, 10, 11, 20, 35, tzinfo=timezone.utc)
    return classify_event(UniqueEntry(
        entry_id="warm-up", source="Al Jazeera", url=None, blog_title="warm-up", published_at=at,
        time_precision="minute", headline="Nagorno-Karabakh region says 26 more troops killed",
        body="Armenian-backed authorities in Nagorno-Karabakh say 26 more of their troops were killed "
             "in fighting with Azerbaijani forces, bringing the military death toll to 532.",
        seq=0, event_id="warm-up", verdict="new", cluster="warm-up", mentions=1, sources=["Al Jazeera"],
        revision_of=None, first_seen=at))
