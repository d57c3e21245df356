"""Event-time windows with a stream-time watermark and a grace period (no Kafka, no Faust).

Stream time is tracked per source partition (the highest event time or replay-clock heartbeat seen
on it); the watermark is the minimum over all source partitions, so a window never closes while
one partition is behind. A window closes once the watermark reaches its end plus the grace period
and is then emitted with ``final: true``. As in Beam's allowed lateness, a closed window is kept
for the allowed lateness after it closed: an event for it still counts, and ``reissue`` emits the
window again, final, with ``corrections`` one higher, if its content changed (a later scrape of a
blog revising entries that were already closed). An event beyond the allowed lateness is late.

State lives in two mutable mappings of plain JSON values, so the worker passes Faust tables (and
recovers them from their changelogs) while ``analyze`` passes dicts: both run this same code.
Each event is stored under its ``event_id``, which makes aggregation idempotent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, MutableMapping
from datetime import datetime, timedelta, timezone
from typing import Any

from schemas import HourWindow, WindowValue, format_utc

HOUR = timedelta(hours=1)
OPEN_INDEX = "open"  # key of the sorted list of open window keys
CLOSED_INDEX = "closed"  # key of the sorted list of closed windows kept for the allowed lateness
FORGOTTEN = "forgotten"  # key of the latest window forgotten after its allowed lateness
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def window_starts(t: datetime, size: timedelta, step: timedelta) -> list[datetime]:
    """Starts of every window [start, start+size) that contains t; starts are multiples of step."""
    last = EPOCH + ((t - EPOCH) // step) * step
    starts = []
    start = last
    while start + size > t:
        starts.append(start)
        start -= step
    return sorted(starts)


def stream_time(clocks: MutableMapping[str, str], partition: int, sources: int) -> datetime | None:
    """Watermark of one window partition: the slowest source partition's clock, None until all have one."""
    times = []
    for source in range(sources):
        value = clocks.get(clock_key(partition, source))
        if value is None:
            return None
        times.append(value)
    return parse_utc(min(times))


def clock_key(partition: int, source: int) -> str:
    return f"{partition}:{source}"


class EventTimeWindows:
    """Tumbling (step == size) or hopping windows over event time, keyed by ISO start."""

    def __init__(
        self,
        windows: MutableMapping[str, Any],
        clocks: MutableMapping[str, Any],
        *,
        sources: int,
        grace: timedelta,
        allowed_lateness: timedelta = timedelta(0),
        size: timedelta = HOUR,
        step: timedelta | None = None,
        model: type[WindowValue] = HourWindow,
        describe: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        updates: bool = True,
    ) -> None:
        self.windows = windows
        self.clocks = clocks
        self.sources = sources
        self.grace = grace
        self.allowed_lateness = allowed_lateness
        self.size = size
        self.step = step or size
        self.model = model
        self.describe = describe
        self.updates = updates  # whether ``add`` renders the open windows it changed

    def watermark(self, partition: int) -> datetime | None:
        return stream_time(self.clocks, partition, self.sources)

    def lateness(self, partition: int, event_time: datetime) -> str | None:
        """Why an event at ``event_time`` is late (every window holding it closed longer ago than the
        allowed lateness), else None."""
        watermark = self.watermark(partition)
        last_start = window_starts(event_time, self.size, self.step)[-1]
        if watermark is None or last_start + self.size + self.grace + self.allowed_lateness > watermark:
            return None
        return (f"late: event time {format_utc(event_time)} is in a window closed at stream time "
                f"{format_utc(watermark)} (grace {self.grace}, allowed lateness {self.allowed_lateness})")

    def closed_after(self, t: datetime) -> bool:
        """Whether a kept closed window ends after ``t``: an event at ``t`` may change it (its own
        window's events, or the tolls at the end of every later window)."""
        closed = self._keys(CLOSED_INDEX)
        return bool(closed) and parse_utc(closed[-1]) + self.size > t

    def add(self, partition: int, event_id: str, event_time: datetime, contribution: dict[str, Any],
            *, replace: bool = False) -> list[WindowValue]:
        """Put an event that is not late in every window holding it; return the updated open windows
        (a closed one changes silently: ``reissue`` emits it). The first record of an event_id stays
        (a redelivery changes nothing) unless ``replace`` (a revision). Callers check ``lateness``
        when the event arrives: an event held back until the watermark passes it is added before
        ``close_due`` runs, so its windows are still open unless it arrived after the grace.
        A window already forgotten is left alone: of hopping windows, an event within the allowed
        lateness of its last window may be past that of its first, which was emitted final and
        forgotten, and opened again it would be emitted again with a part of its events."""
        record = {"t": format_utc(event_time), **contribution}
        forgotten = self.windows.get(FORGOTTEN) or ""
        updates = []
        for start in window_starts(event_time, self.size, self.step):
            key = format_utc(start)
            if key <= forgotten:  # ISO keys sort in time order
                continue
            state = self.windows.get(key)
            if state is None:  # open, even if already due: close_due emits it next
                state = {"partition": partition, "start": key, "end": format_utc(start + self.size), "events": {}}
                self.windows[OPEN_INDEX] = sorted({*self._keys(OPEN_INDEX), key})
            if event_id in state["events"] and (not replace or state["events"][event_id] == record):
                continue
            state = {**state, "events": {**state["events"], event_id: record}}
            self.windows[key] = state  # reassign: a table write is what reaches the changelog
            if self.updates and "finals" not in state:
                updates.append(self.render(state, final=False))
        return updates

    def advance(self, partition: int, source: int, t: datetime) -> bool:
        """Move a source partition's clock forward (never back); True when it moved."""
        key = clock_key(partition, source)
        current = self.clocks.get(key)
        if current is not None and parse_utc(current) >= t:
            return False
        self.clocks[key] = format_utc(t)
        return True

    def close_due(self, partition: int) -> list[WindowValue]:
        """Emit, final, every window of the partition that the watermark has closed; keep it for the
        allowed lateness, then forget it."""
        watermark = self.watermark(partition)
        if watermark is None:
            return []
        finals, closed = [], []
        for key, state in self._indexed(OPEN_INDEX):
            if state["partition"] == partition and parse_utc(state["end"]) + self.grace <= watermark:
                final = self.render(state, final=True)
                finals.append(final)
                self.windows[key] = {**state, "finals": 1, "sent": _digest(final)}
                closed.append(key)
        if closed:
            self.windows[OPEN_INDEX] = [key for key in self._keys(OPEN_INDEX) if key not in closed]
            self.windows[CLOSED_INDEX] = sorted({*self._keys(CLOSED_INDEX), *closed})
        self._expire(watermark)
        return finals

    def reissue(self, partition: int, since: datetime) -> list[WindowValue]:
        """Emit again, final, each kept closed window ending after ``since`` whose content changed
        since it was last emitted (late events, or tolls that a late claim changed)."""
        reissued = []
        for key, state in self._indexed(CLOSED_INDEX):
            if state["partition"] != partition or parse_utc(state["end"]) <= since:
                continue
            final = self.render(state, final=True, corrections=state["finals"])
            if (digest := _digest(final)) != state["sent"]:
                reissued.append(final)
                self.windows[key] = {**state, "finals": state["finals"] + 1, "sent": digest}
        return reissued

    def _expire(self, watermark: datetime) -> None:
        """Forget the closed windows that the allowed lateness no longer covers (the oldest first)."""
        closed = self._keys(CLOSED_INDEX)
        gone = 0
        while gone < len(closed) and parse_utc(closed[gone]) + self.size + self.grace + self.allowed_lateness <= watermark:
            self.windows.pop(closed[gone], None)
            gone += 1
        if gone:
            self.windows[CLOSED_INDEX] = closed[gone:]
            self.windows[FORGOTTEN] = closed[gone - 1]

    def _keys(self, index: str) -> list[str]:
        """Keys of the open or the closed windows, oldest first (an index, so nothing scans the store)."""
        return self.windows.get(index) or []

    def _indexed(self, index: str) -> list[tuple[str, dict[str, Any]]]:
        """The windows an index names. A crash can keep an index and lose a window written before it
        but written again after it in the same batch (streams.state.stores); such a window is skipped, as
        if it had not been opened yet: the batch is delivered again and opens it."""
        return [(key, state) for key in self._keys(index) if (state := self.windows.get(key)) is not None]

    def render(self, state: dict[str, Any], *, final: bool, corrections: int = 0) -> WindowValue:
        ordered = sorted(state["events"].items(), key=lambda item: (item[1]["t"], item[0]))
        return self.model(
            window_start=parse_utc(state["start"]),
            window_end=parse_utc(state["end"]),
            final=final,
            corrections=corrections,
            events=len(ordered),
            event_ids=[event_id for event_id, _ in ordered],
            **(self.describe(state) if self.describe else {}),
        )


def _digest(window: WindowValue) -> str:
    """What a window's content was when emitted, without its corrections count."""
    content = window.model_copy(update={"corrections": 0}).to_json()
    return hashlib.blake2b(content, digest_size=8).hexdigest()
