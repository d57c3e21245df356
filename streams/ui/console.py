"""Terminal rendering (rich): replay progress and a live board of hourly windows."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence

import orjson
from rich.console import Console, Group
from rich.live import Live
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from schemas import Entry, Record, format_utc
from streams.replay.producer import ReplayStats, replay
from streams.replay.schedule import Scheduled
from streams.settings import Settings
from streams.worker.topics import HOURLY
from streams.ui.topic_reader import read_topics


def replay_progress(label: str = "replay", console: Console | None = None) -> Progress:
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("entries  replay clock {task.fields[clock]}"),
        TimeElapsedColumn(),
        console=console,
    )


def replay_with_progress(entries: Sequence[Entry], settings: Settings, *, speed: float,
                         max_wait: float | None) -> ReplayStats:
    """Replay with a progress bar that moves on every entry and shows the replay clock."""
    with replay_progress() as progress:
        task = progress.add_task("replay", total=len(entries), clock="-")
        return asyncio.run(replay(entries, settings, speed=speed, max_wait=max_wait,
                                  on_item=_advance(progress, task)))


def analyze_with_progress(replays: Sequence[Sequence[Entry]], settings: Settings, *, emit: str,
                          console: Console) -> Iterator[Record]:
    """``analyze_replays`` with a progress bar on ``console`` (stderr: the records go to stdout)
    that moves on every entry folded and shows the replay clock."""
    from streams.analyze import analyze_replays  # the classifiers: not for replay, watch and console

    with replay_progress("analyze", console) as progress:
        task = progress.add_task("analyze", total=sum(map(len, replays)), clock="-")
        yield from analyze_replays(replays, settings, emit=emit, on_item=_advance(progress, task))


def _advance(progress: Progress, task: int):
    def on_item(item: Scheduled) -> None:
        progress.update(task, advance=1 if item.entry is not None else 0, clock=format_utc(item.at))
    return on_item


class WindowBoard:
    """The latest value of every hourly window, read from the topic with a plain consumer."""

    def __init__(self) -> None:
        self.windows: dict[str, dict] = {}
        self.records = 0

    def add(self, value: bytes) -> None:
        window = orjson.loads(value)
        self.windows[window["window_start"]] = window
        self.records += 1

    def finals(self) -> set[str]:
        return {start for start, w in self.windows.items() if w["final"]}

    def table(self, title: str = "liveblog.windows.hourly") -> Table:
        table = Table(title=title, title_justify="left")
        table.add_column("hour (UTC)")
        table.add_column("events", justify="right")
        table.add_column("state")
        for start in sorted(self.windows):
            window = self.windows[start]
            table.add_row(start, str(window["events"]), "[green]final" if window["final"] else "[yellow]open")
        table.caption = f"{len(self.windows)} windows, {len(self.finals())} final, {self.records} records read"
        return table


async def follow_windows(settings: Settings, board: WindowBoard, stop: asyncio.Event) -> None:
    """Read liveblog.windows.hourly from the beginning into ``board`` until ``stop`` is set."""
    async for batch in read_topics(settings, [HOURLY], stop=stop):
        for record in batch:
            board.add(record.value)


def live_view(progress: Progress, board: WindowBoard) -> Live:
    return Live(Group(progress, board.table()), refresh_per_second=4, transient=True)
