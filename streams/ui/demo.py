"""``liveblog demo``: everything on one machine, started and stopped by one command.

With no broker configured it starts the embedded broker; then it creates the topics, starts a
worker process, replays the samples with a live view of the hourly windows, waits until every
hour the replay touched is final, and prints a summary read back from the output topics: the tolls
per series with the claim behind each, the hours with their events and deaths, the alerts raised.
The dashboard stays up until the user presses Enter or Ctrl-C (``--exit``: stop at once); then it
stops what it started.
"""

from __future__ import annotations

import asyncio
import os
import sys
import subprocess
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import orjson
from rich.console import Console, Group
from rich.table import Table

from streams.worker.broker import EmbeddedBroker, free_port, port_is_free
from streams.ui.console import WindowBoard, follow_windows, live_view, replay_progress
from streams.ingest import ParseError, parse_paths
from streams.worker.processes import spawn_worker, stop_process
from streams.replay.producer import replay
from streams.settings import Settings
from streams.worker.topics import ALERTS, HOURLY, TOLLS, create_topics
from streams.ui.render import alert_table, hour_table, toll_table
from streams.ui.topic_reader import read_topics
from streams.fold.windows import HOUR, window_starts
from schemas import format_utc

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


def start_worker(settings: Settings, log_path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "LIVEBLOG_BROKER": settings.broker, "LIVEBLOG_DATA_DIR": str(settings.data_dir),
           "LIVEBLOG_WEB_PORT": str(settings.web_port)}
    return spawn_worker(env, log_path)


def run_demo(paths: list[Path], *, broker: str | None, speed: float, max_wait: float, exit_at_end: bool = False,
             timeout: float = 120.0) -> int:
    console = Console(width=None if sys.stdout.isatty() else 160)  # a log file gets whole rows
    try:
        entries = parse_paths(paths or sample_paths())
    except ParseError as exc:
        console.print(f"[red]error:[/] {exc}")
        return 1
    expected_hours = {format_utc(window_starts(e.published_at, HOUR, HOUR)[0]) for e in entries}
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="liveblog-demo-")))
        if broker is None:
            embedded = stack.enter_context(EmbeddedBroker(log_path=workdir / "broker.log"))
            broker = embedded.url
            console.print(f"embedded broker on {broker}")
        settings = Settings(broker=broker, data_dir=workdir / "state")
        if not port_is_free(settings.web_host, settings.web_port):
            settings = settings.model_copy(update={"web_port": free_port()})
        asyncio.run(create_topics(settings))
        worker = start_worker(settings, workdir / "worker.log")
        stack.callback(stop_process, worker)
        console.print(f"worker started (pid {worker.pid}), dashboard http://{settings.web_host}:{settings.web_port}/; "
                      f"replaying {len(entries)} entries at speed {speed:g}")
        board = WindowBoard()
        ok = asyncio.run(_replay_and_watch(entries, settings, board, expected_hours, speed, max_wait,
                                           timeout, worker))
        if not ok:
            console.print(board.table("hourly windows (summary)"))
            console.print(f"[red]not every hour became final within {timeout:.0f}s[/] "
                          f"({len(board.finals())}/{len(expected_hours)}); worker log:")
            console.print((workdir / "worker.log").read_text(errors="replace")[-3000:])
            return 1
        for table in asyncio.run(summary(settings)):
            console.print(table)
        console.print(f"[green]done:[/] {len(entries)} entries, {len(expected_hours)} hourly windows final")
        if not exit_at_end:
            wait_for_enter(console, f"http://{settings.web_host}:{settings.web_port}/")
        return 0


async def summary(settings: Settings) -> list[Table]:
    """What the replay produced, read back from the output topics as any client would."""
    latest: dict[str, dict[str, dict]] = {TOLLS: {}, HOURLY: {}, ALERTS: {}}
    keys = {TOLLS: "series", HOURLY: "window_start", ALERTS: "fingerprint"}
    async for batch in read_topics(settings, list(latest), follow=False):
        for record in batch:
            value = orjson.loads(record.value)
            latest[record.topic][value[keys[record.topic]]] = value
    return [hour_table(latest[HOURLY].values(), title="hours (event time, UTC)"),
            toll_table(latest[TOLLS].values(), title="tolls: min / best / max per series, and the claim behind it"),
            alert_table(latest[ALERTS].values(), title=f"alerts raised ({len(latest[ALERTS])})")]


def wait_for_enter(console: Console, dashboard: str) -> None:
    """Keep everything up so the dashboard can be looked at, until Enter, Ctrl-C or the end of input."""
    console.print(f"dashboard: [bold]{dashboard}[/] (press Enter or Ctrl-C to stop; --exit stops at once)")
    try:
        input()
    except (EOFError, KeyboardInterrupt):
        pass


async def _replay_and_watch(entries, settings, board, expected_hours, speed, max_wait, timeout, worker) -> bool:
    stop = asyncio.Event()
    follower = asyncio.create_task(follow_windows(settings, board, stop))
    progress = replay_progress()
    task = progress.add_task("replay", total=len(entries), clock="-")

    def on_item(item) -> None:
        progress.update(task, advance=1 if item.entry is not None else 0, clock=format_utc(item.at))

    deadline = time.monotonic() + timeout
    with live_view(progress, board) as live:
        replaying = asyncio.create_task(replay(entries, settings, speed=speed, max_wait=max_wait, on_item=on_item))
        while time.monotonic() < deadline and worker.poll() is None:
            live.update(Group(progress, board.table()))
            if replaying.done() and expected_hours <= board.finals():
                break
            await asyncio.sleep(0.25)
        live.update(Group(progress, board.table()))
    await replaying
    stop.set()
    await follower
    return expected_hours <= board.finals()
