"""Offline mode: the worker's pipeline run in-process on a replay schedule, with no broker.

It calls the same domain functions as the agents (decode is skipped: entries come from the parser),
on one partition, so it prints the records the worker publishes for the same input.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from datetime import timedelta

from schemas import Entry, Record
from streams.dedup import as_unique, first_sighting
from streams.schedule import schedule
from streams.settings import Settings
from streams.windows import EventTimeWindows


def analyze(entries: Sequence[Entry], settings: Settings, *, emit: str) -> Iterator[Record]:
    """Yield the records of one output: 'entries', 'unique' or 'windows' (updates and finals)."""
    seen: dict[str, str] = {}
    windows = EventTimeWindows({}, {}, sources=1, grace=timedelta(seconds=settings.grace_seconds))
    items = schedule(
        entries,
        heartbeat=timedelta(minutes=settings.heartbeat_minutes),
        grace=timedelta(seconds=settings.grace_seconds),
        replay_id="offline",
    )
    for position, item in enumerate(items):
        if item.control is not None:
            if emit == "windows":
                yield from windows.on_clock(0, 0, item.control.stream_time)
            continue
        entry = item.entry
        assert entry is not None
        if emit == "entries":
            yield entry
            continue
        if not first_sighting(seen, entry.entry_id, f"offline:{position}"):
            continue
        event = as_unique(entry)
        if emit == "unique":
            yield event
            continue
        result = windows.on_event(0, 0, event.event_id, event.published_at, {})
        if result.late:
            print(f"liveblog analyze: {event.event_id}: {result.late_reason}", file=sys.stderr)
        yield from result.updates
