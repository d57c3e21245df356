"""Exact deduplication by entry_id (no Kafka, no Faust).

The seen-table remembers where each entry was first read (topic:partition:offset) and a digest of
its content. A record at the same position is a redelivery after a crash (at-least-once) and is
processed again, which is safe because everything downstream is idempotent per event_id; the same
entry_id elsewhere with the same content is a duplicate and is dropped; with other content it is a
conflict (a producer reusing ids), which goes to the dead-letter topic rather than overwrite.
"""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping
from typing import Literal

from schemas import Entry, UniqueEntry, format_utc

Sighting = Literal["first", "redelivery", "duplicate", "conflict"]


def content_digest(entry: Entry) -> str:
    """Digest of what an entry says (not where it sits in its document)."""
    text = "\x1f".join([entry.source, format_utc(entry.published_at), entry.time_precision,
                        entry.headline, entry.body])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def sighting(seen: MutableMapping[str, str], entry: Entry, position: str) -> Sighting:
    """Classify the record at ``position`` against earlier records with the same entry_id."""
    digest = content_digest(entry)
    prior = seen.get(entry.entry_id)
    if prior is None:
        seen[entry.entry_id] = f"{position} {digest}"
        return "first"
    prior_position, _, prior_digest = prior.partition(" ")
    if prior_digest != digest:
        return "conflict"
    return "redelivery" if prior_position == position else "duplicate"


def conflict_reason(seen: MutableMapping[str, str], entry: Entry) -> str:
    first_at = seen[entry.entry_id].partition(" ")[0]
    return f"entry_id {entry.entry_id} reused with different content (first seen at {first_at})"


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
