"""``liveblog watch``: a live terminal view of hourly windows, tolls and the latest events.

It reads the output topics with a plain consumer that assigns itself every partition (no consumer
group, so it joins instantly on any broker and commits nothing): windows and tolls from the
beginning (compacted topics: the current picture), events from the last few per partition.
:func:`render` is a pure function of :class:`WatchState`, so the view is testable without a terminal.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections import deque
from typing import Any

import orjson
from rich.console import Group, RenderableType
from rich.live import Live
from rich.table import Table
from rich.text import Text

from streams.ui.console import WindowBoard
from streams.settings import Settings
from streams.ui.render import cell, toll_table
from streams.ui.topic_reader import read_topics
from streams.worker.topics import EVENTS, HOURLY, TOLLS

TOPICS = (HOURLY, TOLLS, EVENTS)
RECENT_EVENTS_PER_PARTITION = 20
RATE_SPAN_S = 5.0
KEEP_EVENTS = 100


class WatchState:
    """What the view shows: the latest window per hour, toll per series, recent events, and rates."""

    def __init__(self, *, shown_hours: int = 8, shown_events: int = 12) -> None:
        self.board = WindowBoard()
        self.tolls: dict[str, dict[str, Any]] = {}
        self.events: dict[str, dict[str, Any]] = {}  # by event_id: partitions interleave, time orders
        self.shown_hours = shown_hours
        self.shown_events = shown_events
        self.read: dict[str, int] = dict.fromkeys(TOPICS, 0)
        self.lag: dict[str, int] = {}
        self.source = ""
        self._samples: deque[tuple[float, int]] = deque()

    def add(self, topic: str, value: bytes) -> None:
        self.read[topic] += 1
        if topic == HOURLY:
            self.board.add(value)
        elif topic == TOLLS:
            toll = orjson.loads(value)
            self.tolls[toll["series"]] = toll
        else:
            event = orjson.loads(value)
            self.events[event["event_id"]] = event
            if len(self.events) > KEEP_EVENTS:
                del self.events[min(self.events.values(), key=lambda e: e["published_at"])["event_id"]]

    def latest_events(self, n: int) -> list[dict[str, Any]]:
        return sorted(self.events.values(), key=lambda e: e["published_at"], reverse=True)[:n]

    def sample(self, now: float) -> None:
        """Remember the total read at ``now`` (monotonic seconds) for the throughput."""
        self._samples.append((now, sum(self.read.values())))
        while self._samples and now - self._samples[0][0] > RATE_SPAN_S:
            self._samples.popleft()

    def rate(self) -> float:
        if len(self._samples) < 2:
            return 0.0
        (t0, n0), (t1, n1) = self._samples[0], self._samples[-1]
        return (n1 - n0) / (t1 - t0) if t1 > t0 else 0.0


def render(state: WatchState, height: int | None = None) -> RenderableType:
    """The whole view: status line, recent hourly windows, tolls, latest events; fitted to ``height``
    lines when given (a Live view taller than the terminal is cut off)."""
    hours, events = state.shown_hours, state.shown_events
    if height is not None:  # three tables of 5 lines each around their rows, a status and a caption
        spare = height - 18 - len(state.tolls)
        hours = max(2, min(hours, spare // 2))
        events = max(2, min(events, spare - hours))
    lag = ", ".join(f"{t} {n}" for t, n in sorted(state.lag.items())) or "-"
    status = Text.assemble(("liveblog watch ", "bold"), state.source, "  ",
                           f"read {sum(state.read.values())} records, {state.rate():.1f}/s  lag: {lag}",
                           no_wrap=True, overflow="ellipsis")
    return Group(status, _windows(state, hours), _tolls(state), _events(state, events))


def _windows(state: WatchState, shown: int) -> Table:
    table = Table(title="hourly windows (event time, UTC)", title_justify="left", expand=True)
    for name, justify in (("hour", "left"), ("events", "right"), ("state", "left"), ("by category", "left"),
                          ("killed in hour", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    windows = state.board.windows
    for start in sorted(windows)[-shown:]:
        w = windows[start]
        categories = ", ".join(f"{c} {n}" for c, n in sorted((w.get("by_category") or {}).items(), key=lambda i: -i[1]))
        killed = ", ".join(f"{s} {n:+d}" for s, n in (w.get("killed") or {}).items())
        table.add_row(start[:16].replace("T", " "), str(w["events"]), "[green]final" if w["final"] else "[yellow]open",
                      cell(categories), cell(killed))
    table.caption = f"{len(windows)} hours seen, {len(state.board.finals())} final"
    return table


def _tolls(state: WatchState) -> Table:
    table = toll_table(state.tolls.values(), title="running tolls")
    table.expand = True
    return table


def _events(state: WatchState, shown: int) -> Table:
    table = Table(title="latest events", title_justify="left", expand=True)
    for name in ("time", "category", "actors", "source", "headline"):
        table.add_column(name)
    for e in state.latest_events(shown):
        table.add_row(e["published_at"][11:16], e["category"], cell(", ".join(e["actors"])),
                      cell(", ".join(e["sources"])), cell(e["headline"]))
    return table


async def follow(settings: Settings, state: WatchState, stop: asyncio.Event) -> None:
    """Read the output topics into ``state`` until ``stop`` is set; refresh the lag every second."""
    def on_lag(lag: dict[str, int]) -> None:
        state.lag = lag

    async for batch in read_topics(settings, TOPICS, recent={EVENTS: RECENT_EVENTS_PER_PARTITION}, stop=stop,
                                   on_lag=on_lag):
        for record in batch:
            state.add(record.topic, record.value)


def run_watch(settings: Settings, *, refresh_per_second: float = 4.0) -> None:
    """Show the live view until Ctrl-C."""
    state = WatchState()
    state.source = settings.broker

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        reader = asyncio.create_task(follow(settings, state, stop))
        with Live(render(state), refresh_per_second=refresh_per_second, screen=False) as live:
            while not stop.is_set() and not reader.done():
                state.sample(time.monotonic())
                live.update(render(state, live.console.size.height))
                await asyncio.sleep(1 / refresh_per_second)
        stop.set()
        await reader  # re-raises a reader failure (e.g. broker unreachable)

    asyncio.run(main())
