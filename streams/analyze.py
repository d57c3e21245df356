"""Offline mode: the worker's pipeline run in-process on a replay schedule, with no broker.

It calls the same domain functions as the agents, in the same order (exact dedup and
classification, then the ordered fold into verdicts, tolls and windows), on one partition, so it
prints the records the worker publishes for the same input.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import Any
from schemas import Entry, Record
from streams.aggregate import Aggregator, Stores
from streams.alerts import AlertEvaluator, load_rules
from streams.dedup import as_unique, conflict_reason, forget_before, sighting
from streams.events import classify_event
from streams.schedule import replay_schedule
from streams.settings import Settings

EMITS = ("entries", "unique", "events", "tolls", "windows", "rolling", "alerts")


def analyze(entries: Sequence[Entry], settings: Settings, *, emit: str) -> Iterator[Record]:
    """Yield the records of one output topic: one of EMITS (windows: updates and finals)."""
    return analyze_replays([entries], settings, emit=emit)


def analyze_replays(replays: Sequence[Sequence[Entry]], settings: Settings, *, emit: str) -> Iterator[Record]:
    """``analyze`` of several replays run one after another into one fold, each ending with its own
    final watermark, as separate ``liveblog replay`` commands reach the worker."""
    if emit not in EMITS:
        raise ValueError(f"emit must be one of {EMITS}, not {emit!r}")
    seen: dict[str, Any] = {}
    if emit == "rolling" and not settings.rolling_windows:
        raise ValueError("rolling windows are off: set LIVEBLOG_ROLLING_WINDOWS=true, as for the worker")
    aggregator = Aggregator(Stores(), sources=1, grace=settings.grace, allowed_lateness=settings.allowed_lateness,
                            rolling=settings.rolling_windows)
    evaluator = AlertEvaluator({}, load_rules(settings.alert_rules))
    items = (item for number, entries in enumerate(replays)
             for item in replay_schedule(entries, settings, replay_id=f"offline-{number}", live=False))
    for position, item in enumerate(items):
        if item.control is not None:
            forget_before(seen, item.control.stream_time, settings.exact_dedup_horizon)
            result = aggregator.on_clock(0, 0, item.control.stream_time)
        else:
            entry = item.entry
            assert entry is not None
            if emit == "entries":
                yield entry
                continue
            seen_as = sighting(seen, entry, f"offline:{position}")
            if seen_as == "conflict":
                print(f"liveblog analyze: {conflict_reason(seen, entry)}", file=sys.stderr)
            if seen_as in ("conflict", "duplicate"):
                continue
            result = aggregator.on_event(0, 0, classify_event(as_unique(entry)))
            if result.late_reason:
                print(f"liveblog analyze: {entry.entry_id}: {result.late_reason}", file=sys.stderr)
        if emit == "alerts":
            yield from evaluator.on_fold(result.events, result.tolls, result.windows)
        elif emit != "entries":
            yield from getattr(result, emit)
