"""The pipeline's two steps, the same for the worker and for ``liveblog analyze``.

The worker's agents wrap them in Faust (records in, tables as their state, topics out); ``analyze``
runs them in a loop over a replay schedule, with plain dicts as state. Neither adds logic of its
own, so the two cannot differ:

- ``EntryStep``, per source partition: exact dedup against what the partition has seen, forgotten
  as its replay clock passes the horizon; an entry that passes is classified (``classify``).
- ``FoldStep``, one for all partitions: the ordered fold (near-duplicate verdicts, tolls, windows)
  and the alerts of what it published.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from schemas import Alert, ClassifiedEvent, Entry
from streams.dedup.exact import as_unique, conflict_reason, forget_before, sighting
from streams.dedup.near import Sketch
from streams.extract.events import classify_event
from streams.fold.aggregate import Aggregator, FoldResult
from streams.fold.alerts import AlertEvaluator


class BadRecord(ValueError):
    """A record that cannot be processed; ``str()`` is the dead-letter reason."""


class EntryStep:
    """Exact dedup of one source partition's entries. ``seen`` is its state; ``books`` keeps each
    partition's hour buckets apart where partitions share one mapping."""

    def __init__(self, seen: MutableMapping[str, Any], horizon: timedelta, *, books: str = "") -> None:
        self.seen, self.horizon, self.books = seen, horizon, books

    def passes(self, entry: Entry, position: str) -> bool:
        """True for an entry seen for the first time (or redelivered after a crash), False for a
        copy of one seen; ``BadRecord`` for an entry_id reused with other content."""
        seen_as = sighting(self.seen, entry, position, books=self.books)
        if seen_as == "conflict":
            raise BadRecord(conflict_reason(self.seen, entry))
        return seen_as != "duplicate"

    def clock(self, stream_time: datetime) -> int:
        """The partition's replay clock reached ``stream_time``: forget what is past the horizon."""
        return forget_before(self.seen, stream_time, self.horizon, books=self.books)


def classify(entry: Entry) -> ClassifiedEvent:
    """What the fold receives of an entry that passed: its classification and casualty claims.
    Depends on the entry alone, so ``analyze`` may compute it in other processes."""
    return classify_event(as_unique(entry))


@dataclass
class Published:
    """What one fold input published: the fold's outputs, and the alerts they raised."""

    result: FoldResult
    alerts: list[Alert] = field(default_factory=list)


class FoldStep:
    """The ordered fold and its alerts. Without an evaluator no alert is computed (``analyze``
    printing another topic)."""

    def __init__(self, aggregator: Aggregator, evaluator: AlertEvaluator | None) -> None:
        self.aggregator, self.evaluator = aggregator, evaluator

    def clock(self, partition: int, source: int, stream_time: datetime) -> Published:
        return self._published(self.aggregator.on_clock(partition, source, stream_time))

    def event(self, partition: int, source: int, event: ClassifiedEvent, sketched: Sketch | None = None) -> Published:
        """``BadRecord`` for an event that comes too late for its window."""
        result = self.aggregator.on_event(partition, source, event, sketched)
        if result.late_reason:
            raise BadRecord(result.late_reason)
        return self._published(result)

    def _published(self, result: FoldResult) -> Published:
        if self.evaluator is None:
            return Published(result)
        return Published(result, self.evaluator.on_fold(result.events, result.tolls, result.windows))
