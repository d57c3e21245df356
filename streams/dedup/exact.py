"""Exact deduplication by entry_id (no Kafka, no Faust).

The seen-table remembers where each entry was first read (topic:partition:offset) and a digest of
its content. A record at the same position is a redelivery after a crash (at-least-once) and is
processed again, which is safe because everything downstream is idempotent per event_id; the same
entry_id elsewhere with the same content is a duplicate and is dropped; with other content it is a
conflict (a producer reusing ids), which goes to the dead-letter topic rather than overwrite.

The table forgets entries once their partition's stream time is past their published hour by a
horizon, so it does not grow with the length of a replay: each first sighting is listed in its
hour's bucket, and ``forget_before`` drops whole buckets. With the fold's grace plus allowed lateness
as the horizon, a copy that comes later is late at the fold (dead-lettered with its reason), or,
while another partition holds the watermark back, judged there again as the entry it repeats, with
the same verdict, counting nowhere twice (aggregation is idempotent per event_id).
"""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

from schemas import Entry, UniqueEntry, format_utc

Sighting = Literal["first", "redelivery", "duplicate", "conflict"]
HOURS = "hours"  # books + HOURS: the sorted published hours that have a bucket
BUCKET = "h:"  # books + BUCKET + hour: the ids first seen with a published_at in that hour


def content_digest(entry: Entry) -> str:
    """Digest of what an entry says (not where it sits in its document)."""
    text = "\x1f".join([entry.source, format_utc(entry.published_at), entry.time_precision,
                        entry.headline, entry.body])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def partition_books(partition: int) -> str:
    """The ``books`` prefix of a partition's hour buckets (see ``sighting``)."""
    return f"{partition}:"


def published_hour(t: datetime) -> str:
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H")


def sighting(seen: MutableMapping[str, Any], entry: Entry, position: str, *, books: str = "") -> Sighting:
    """Classify the record at ``position`` against earlier records with the same entry_id.
    ``books`` prefixes the keys of the hour buckets: each partition needs its own (an entry_id
    has one partition, but Faust's memory store keeps every partition in one mapping). The
    bucket is written before the entry, so a crash that loses the last writes cannot keep an
    entry that no bucket lists (it would never be forgotten)."""
    digest = content_digest(entry)
    prior = seen.get(entry.entry_id)
    if prior is None:
        hour = published_hour(entry.published_at)
        bucket = seen.get(books + BUCKET + hour)
        if bucket is None:
            seen[books + HOURS] = sorted({*(seen.get(books + HOURS) or []), hour})
        seen[books + BUCKET + hour] = [*(bucket or []), entry.entry_id]
        seen[entry.entry_id] = f"{position} {digest}"
        return "first"
    prior_position, _, prior_digest = prior.partition(" ")
    if prior_digest != digest:
        return "conflict"
    return "redelivery" if prior_position == position else "duplicate"


def forget_before(seen: MutableMapping[str, Any], stream_time: datetime, horizon: timedelta, *,
                  books: str = "") -> int:
    """Forget the entries whose published hour ended ``horizon`` or more before ``stream_time``;
    return how many. The cost is what is forgotten, plus one look at the list of hours."""
    cutoff = published_hour(stream_time - horizon)
    hours = seen.get(books + HOURS) or []
    gone = [hour for hour in hours if hour < cutoff]
    forgotten = 0
    for hour in gone:
        for entry_id in seen.get(books + BUCKET + hour) or []:
            forgotten += seen.pop(entry_id, None) is not None
        seen.pop(books + BUCKET + hour, None)
    if gone:
        seen[books + HOURS] = hours[len(gone):]
    return forgotten


def conflict_reason(seen: MutableMapping[str, Any], entry: Entry) -> str:
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
