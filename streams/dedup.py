"""Exact deduplication by entry_id (no Kafka, no Faust).

The seen-table remembers where each entry was first read (topic:partition:offset). A record at the
same position is a redelivery after a crash (at-least-once) and is processed again, which is safe
because everything downstream is idempotent per event_id; the same entry_id at any other position
is a duplicate and is dropped.
"""

from __future__ import annotations

from collections.abc import MutableMapping

from schemas import Entry, UniqueEntry


def first_sighting(seen: MutableMapping[str, str], entry_id: str, position: str) -> bool:
    """True when the record at ``position`` is the first sighting of ``entry_id`` (or its redelivery)."""
    prior = seen.get(entry_id)
    if prior is None:
        seen[entry_id] = position
        return True
    return prior == position


def as_unique(entry: Entry) -> UniqueEntry:
    """The unique-topic record of an entry seen for the first time: its own one-entry cluster."""
    return UniqueEntry(
        **entry.model_dump(),
        event_id=entry.entry_id,
        verdict="new",
        cluster=entry.entry_id,
        mentions=1,
        sources=[entry.source],
        revision_of=None,
        first_seen=entry.published_at,
    )
