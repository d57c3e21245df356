"""The ordered fold: near-duplicate verdicts, death tolls and event-time windows (no Kafka, no Faust).

Classified events arrive from every source partition. They wait in a pending buffer until the
watermark (the slowest source partition's stream time) passes them, and are then released in
event-time order, so the outcome does not depend on how partitions interleave: the same input gives
the same event ids, verdicts, tolls and windows with one worker or several. Per released event:
1. near-duplicate dedup gives its verdict and event_id (streams.dedup.near);
2. a ``new`` event or a ``revision`` (which replaces the event it revises) updates the tolls and
   enters its hourly window; a ``copy`` or ``same_event`` is one more mention and counts nowhere;
3. windows that the watermark closed are emitted, final; a closed window that an event arriving
   after the grace period changed (within the allowed lateness) is emitted again, final, with
   ``corrections`` one higher, and so is every later closed window whose tolls it changed.
Windows are hourly (tumbling, emitted on every change and final once closed) and, when asked for,
rolling (the 60 minutes ending at every 5 minutes of event time, emitted final only: a rolling view
is read as it closes, and an update of twelve windows per event would be noise). A window's ``killed``/``wounded``
are the change of each series' best toll within it (what was newly reported, negative after a
downward correction) and its ``tolls`` the tolls at its end.

State is five mutable mappings of JSON values, so the worker passes views of one Faust table
(streams.state.stores explains why one) and ``analyze`` passes dicts: both run this same code.
"""

from __future__ import annotations

import bisect
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from schemas import ClassifiedEvent, RollingWindow, TollSnapshot, TollUpdate, UniqueEntry, WindowValue, format_utc
from streams.fold import tolls
from streams.dedup.near import DedupConfig, NearDuplicateIndex, Sketch
from streams.state.stores import PrefixView
from streams.fold.windows import HOUR, EventTimeWindows

UNIQUE_FIELDS = tuple(UniqueEntry.model_fields)
TOLL_EVENTS = "events"  # key of the tolls' {event_id: series keys}
TOLL_SERIES = "series"  # key of the sorted series keys; each series is stored under SERIES_PREFIX + key
SERIES_PREFIX = "s:"
QUEUE_HOURS = "hours"  # key of the sorted event-time hours that have events waiting for the watermark
QUEUE_PREFIX = "q:"  # each such hour's sorted pending keys are stored under QUEUE_PREFIX + the hour
WAITING_PREFIX = "e:"  # each waiting event is stored under WAITING_PREFIX + its pending key
HOUSEKEEPING = "housekeeping"  # key of the stream hour when tolls were last settled and dedup expired
ROLLING_STEP = timedelta(minutes=5)
TOLL_BOUNDS_KEPT = 64  # window bounds whose tolls are kept until the tolls change


@dataclass
class FoldResult:
    """What one input produced, in publishing order: the released entries (``unique``, made from
    the events), the events, toll updates, hourly windows and rolling windows."""

    events: list[ClassifiedEvent] = field(default_factory=list)
    tolls: list[TollUpdate] = field(default_factory=list)
    windows: list[WindowValue] = field(default_factory=list)
    rolling: list[WindowValue] = field(default_factory=list)
    late_reason: str | None = None

    @property
    def unique(self) -> list[UniqueEntry]:
        """The released entries as ``liveblog.entries.unique`` lists them: each event's entry fields,
        made only when asked for (``analyze`` mostly prints other topics)."""
        # the fields of an already validated model: nothing to validate again
        return [UniqueEntry.model_construct(**{name: getattr(event, name) for name in UNIQUE_FIELDS})
                for event in self.events]


@dataclass
class Stores:
    """Where the fold keeps its state: Faust tables in the worker, dicts offline."""

    windows: MutableMapping[str, Any] = field(default_factory=dict)
    rolling: MutableMapping[str, Any] = field(default_factory=dict)
    clocks: MutableMapping[str, Any] = field(default_factory=dict)
    tolls: MutableMapping[str, Any] = field(default_factory=dict)
    pending: MutableMapping[str, Any] = field(default_factory=dict)
    duplicates: MutableMapping[str, Any] = field(default_factory=dict)


CLOCKS = "c:"  # prefix of the clocks in stores_in_one; a WriteBehind flushes them last (streams.state.stores)


def stores_in_one(mapping: MutableMapping[str, Any]) -> Stores:
    """The stores as prefixed views of one mapping (the worker's one fold table)."""
    return Stores(windows=PrefixView(mapping, "w:"), rolling=PrefixView(mapping, "r:"), clocks=PrefixView(mapping, CLOCKS),
                  tolls=PrefixView(mapping, "t:"), pending=PrefixView(mapping, "p:"), duplicates=PrefixView(mapping, "d:"))


def pending_key(event: ClassifiedEvent) -> str:
    """A key whose string order is ``streams.ingest.event_order``: NUL-separated, so a source that is
    a prefix of another sorts first, as in a tuple."""
    return "\0".join((format_utc(event.published_at), event.source, f"{event.seq:09d}", event.entry_id))


def _inserted(keys: list[str], key: str) -> list[str]:
    """``keys`` (sorted) with ``key`` in its place, once."""
    at = bisect.bisect_left(keys, key)
    return keys if keys[at:at + 1] == [key] else [*keys[:at], key, *keys[at:]]


class Aggregator:
    def __init__(self, stores: Stores, *, sources: int, grace: timedelta,
                 allowed_lateness: timedelta = timedelta(0), dedup_config: DedupConfig | None = None,
                 rolling: bool = False) -> None:
        self.stores = stores
        # Claims stay unsettled while a closed window may still be corrected, and at least as long
        # as a restatement may repeat them: settled sooner, a restatement counts again.
        self.settle_lag = grace + timedelta(hours=1) + max(allowed_lateness, tolls.RESTATEMENT_WINDOW)
        self.hourly = EventTimeWindows(stores.windows, stores.clocks, sources=sources, grace=grace,
                                       allowed_lateness=allowed_lateness, describe=self.describe)
        # Rolling windows cost a quarter of the fold's time: every event is in twelve of them.
        self.rolling = EventTimeWindows(stores.rolling, stores.clocks, sources=sources, grace=grace,
                                        allowed_lateness=allowed_lateness, size=HOUR, step=ROLLING_STEP,
                                        model=RollingWindow, describe=self.describe, updates=False) if rolling else None
        self.all_windows = [self.hourly, *([self.rolling] if self.rolling else [])]
        self.near_duplicates = NearDuplicateIndex(stores.duplicates, config=dedup_config)
        # waiting events given with their sketch (analyze), by pending key: released from memory,
        # not read back from the store and validated again
        self._ready: dict[str, tuple[ClassifiedEvent, Sketch]] = {}
        # the tolls state as last read or written, and the tolls before each window bound rendered
        # since: a window is rendered at each event, and each series read at both its bounds
        self._tolls_state: dict[str, Any] | None = None
        self._tolls_at: dict[str, dict[str, tuple[int, int, int | None]]] = {}
        if HOUR + grace + allowed_lateness > (horizon := self.near_duplicates.config.horizon):
            raise ValueError(
                f"grace {grace} plus allowed lateness {allowed_lateness} reach past the near-duplicate horizon "
                f"({horizon}, horizon_hours in streams/dedup/data/dedup.toml) less the window's hour: an event that "
                "late would be judged after the entries it repeats were forgotten, and count twice")

    def forget_derived(self) -> None:
        """Drop what is kept in memory beside the stores (the near-duplicate index, tolls read at
        window bounds): after a rebalance, or a failed record whose writes were discarded, the
        stores are all that is known. The next use reads them again."""
        self.near_duplicates.forget_index()
        self._tolls_state = None
        self._tolls_at.clear()

    def on_event(self, partition: int, source: int, event: ClassifiedEvent, sketched: Sketch | None = None) -> FoldResult:
        """Buffer an event until the watermark passes it; release whatever is due. ``sketched``:
        its text's sketch, already computed (without it, judging computes it)."""
        late = self.hourly.lateness(partition, event.published_at)
        if late is not None:
            return FoldResult(late_reason=late)
        key = pending_key(event)
        if sketched is not None:
            self._ready[key] = (event, sketched)
        hour = key[:13]
        self.stores.pending[WAITING_PREFIX + key] = event.to_dict()
        # an hour's queue is written after the event it lists and the hours after the queue (see
        # _store_tolls), and a redelivered event waits once
        self.stores.pending[QUEUE_PREFIX + hour] = _inserted(self._queue(hour), key)
        self.stores.pending[QUEUE_HOURS] = _inserted(self._waiting_hours(), hour)
        self.hourly.advance(partition, source, event.published_at)
        return self._settle(partition)

    def on_clock(self, partition: int, source: int, t: datetime) -> FoldResult:
        """Advance a source's clock and settle, even when it did not move: after a crash the clock
        may be durable while the releases it caused were not, and a redelivered record redoes them."""
        self.hourly.advance(partition, source, t)
        return self._settle(partition)

    def _settle(self, partition: int) -> FoldResult:
        result = FoldResult()
        watermark = self.hourly.watermark(partition)
        if watermark is None:
            return result
        cutoff = format_utc(watermark)
        late_since = None  # the earliest released event that may change a closed window
        for key in self._take_due(cutoff):
            ready = self._ready.pop(key, None)
            waiting = self.stores.pending.pop(WAITING_PREFIX + key, None)
            if waiting is None:
                continue  # released in a batch whose later state writes a crash lost (see _store_tolls)
            event, sketched = ready or (ClassifiedEvent.model_validate(waiting), None)
            if self._release(partition, event, sketched, result) and any(
                    windows.closed_after(event.published_at) for windows in self.all_windows):
                late_since = late_since or event.published_at
        result.windows += self.hourly.close_due(partition)
        if self.rolling:
            result.rolling += self.rolling.close_due(partition)
        if late_since is not None:
            result.windows += self.hourly.reissue(partition, late_since)
            if self.rolling:
                result.rolling += self.rolling.reissue(partition, late_since)
        hour = cutoff[:13]
        if self.stores.clocks.get(HOUSEKEEPING) != hour:  # once per hour of stream time is enough
            self.stores.clocks[HOUSEKEEPING] = hour
            state = self._tolls()
            self._store_tolls(state, tolls.settle(state, watermark - self.settle_lag))
            self.near_duplicates.expire(watermark)
        return result

    def _queue(self, hour: str) -> list[str]:
        """The pending keys of one event-time hour, in order. Each event is stored under its own
        key and the keys by hour, so no state record grows with the number of waiting events: on a
        bulk replay one source partition can be read days ahead of another, and its events wait
        (one list of every pending key passed Kafka's 1 MB record limit, and the worker stopped)."""
        return self.stores.pending.get(QUEUE_PREFIX + hour) or []

    def _waiting_hours(self) -> list[str]:
        return self.stores.pending.get(QUEUE_HOURS) or []

    def _take_due(self, cutoff: str) -> list[str]:
        """Remove the pending keys at or before ``cutoff`` from the queues and return them in
        order; the events stay stored until released."""
        hours = self._waiting_hours()
        due_hours = hours[:bisect.bisect_right(hours, cutoff[:13])]
        due: list[str] = []
        emptied = 0  # all but the cutoff's hour empty out
        for hour in due_hours:
            queue = self._queue(hour)
            taken = queue[:bisect.bisect_left(queue, cutoff + "\1")]  # event time <= cutoff (keys are NUL-separated)
            due += taken
            if len(taken) < len(queue):
                self.stores.pending[QUEUE_PREFIX + hour] = queue[len(taken):]
            else:
                self.stores.pending.pop(QUEUE_PREFIX + hour, None)
                emptied += 1
        if emptied:
            self.stores.pending[QUEUE_HOURS] = hours[emptied:]
        return due

    def _release(self, partition: int, event: ClassifiedEvent, sketched: Sketch | None, result: FoldResult) -> bool:
        """Judge an event and fold it; True when it counts (new or a revision)."""
        verdict = self.near_duplicates.judge(event, sketched)
        judged = event.model_copy(update={
            "event_id": verdict.event_id, "verdict": verdict.verdict, "cluster": verdict.cluster,
            "mentions": verdict.mentions, "sources": verdict.sources, "revision_of": verdict.revision_of,
            "first_seen": verdict.first_seen,
        })
        result.events.append(judged)
        if verdict.verdict not in ("new", "revision"):
            return False
        state = self._tolls()
        new_state, updates = tolls.apply_event(state, judged)
        self._store_tolls(state, new_state)
        result.tolls += updates
        for windows in self.all_windows:
            result.windows += windows.add(partition, judged.event_id, judged.published_at,
                                          {"category": judged.category}, replace=verdict.verdict == "revision")
        return True

    def _tolls(self) -> dict[str, Any]:
        """The tolls state (streams.fold.tolls) as one dict, read from its keys once, then kept as
        written (streams.fold.tolls never changes a state in place)."""
        if self._tolls_state is None:
            keys = self.stores.tolls.get(TOLL_SERIES) or []
            self._tolls_state = {"events": self.stores.tolls.get(TOLL_EVENTS) or {},
                                 "series": {key: self.stores.tolls[SERIES_PREFIX + key] for key in keys}}
        return self._tolls_state

    def _store_tolls(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Write what changed, each series under its own key: one value holding every series grows
        with their number, and a state record must stay under Kafka's 1 MB record limit.
        The list of series is written after the series: a crash loses a suffix of a batch's writes
        (streams.state.stores), and a key written again moves to the end, so a list written before a
        series it names could outlive it."""
        if new is old:
            return
        self._tolls_state = new
        self._tolls_at.clear()
        if new["events"] is not old["events"]:
            self.stores.tolls[TOLL_EVENTS] = new["events"]
        changed = [key for key, series in new["series"].items() if old["series"].get(key) is not series]
        for key in changed:
            self.stores.tolls[SERIES_PREFIX + key] = new["series"][key]
        if changed:
            self.stores.tolls[TOLL_SERIES] = sorted(new["series"])

    def tolls_at(self, t: datetime) -> dict[str, tuple[int, int, int | None]]:
        """Each series' toll as it stood just before ``t``."""
        return self._tolls_before(format_utc(t))

    def _tolls_before(self, cutoff: str) -> dict[str, tuple[int, int, int | None]]:
        if (found := self._tolls_at.get(cutoff)) is None:
            if len(self._tolls_at) >= TOLL_BOUNDS_KEPT:  # the tolls may stand still for a long replay
                self._tolls_at.clear()
            found = self._tolls_at[cutoff] = _tolls_before(self._tolls(), cutoff)
        return found

    def describe(self, window: dict[str, Any]) -> dict[str, Any]:
        """The classification and toll fields of a window."""
        by_category: dict[str, int] = {}
        for record in window["events"].values():
            by_category[record["category"]] = by_category.get(record["category"], 0) + 1
        start, end = self._tolls_before(window["start"]), self._tolls_before(window["end"])
        reported: dict[str, dict[str, int]] = {"killed": {}, "wounded": {}}
        for key, (_, best, _) in end.items():
            change = best - start.get(key, (0, 0, 0))[1]
            if change:
                reported[key.rsplit("/", 1)[1]][key] = change
        return {
            "by_category": dict(sorted(by_category.items())),
            "killed": reported["killed"],
            "wounded": reported["wounded"],
            "tolls": {key: _snapshot(*value) for key, value in end.items()},
        }


@lru_cache(maxsize=1 << 12)
def _snapshot(low: int, best: int, high: int | None) -> TollSnapshot:
    """A toll as a window lists it. Windows list every series, and most tolls stand unchanged
    through many windows: the window model takes a frozen model as it is, and validating thirty
    of them anew was most of the cost of rendering a window."""
    return TollSnapshot(min=low, best=best, max=high)


def _tolls_before(state: dict[str, Any], cutoff: str) -> dict[str, tuple[int, int, int | None]]:
    """Each series' toll as it stood just before ``cutoff`` (an ISO time), by series key."""
    out = {}
    for key, series in sorted(state["series"].items()):
        if (value := tolls.value_at(series, cutoff)) is not None:
            out[key] = value
    return out
