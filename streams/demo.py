"""``liveblog demo``: everything on one machine, started and stopped by one command.

With no broker configured it starts the embedded broker; then it creates the topics, starts a
worker process, replays the samples with a live view of the hourly windows, waits until every
hour the replay touched is final, prints a summary and stops what it started.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from rich.console import Console, Group

from streams.broker import EmbeddedBroker, free_port, port_is_free
from streams.console import WindowBoard, follow_windows, live_view, replay_progress
from streams.ingest import ParseError, parse_paths
from streams.processes import spawn_worker, stop_process
from streams.producer import replay
from streams.settings import Settings
from streams.topics import create_topics
from streams.windows import HOUR, window_starts
from schemas import format_utc

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


def start_worker(settings: Settings, log_path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "LIVEBLOG_BROKER": settings.broker, "LIVEBLOG_DATA_DIR": str(settings.data_dir),
           "LIVEBLOG_WEB_PORT": str(settings.web_port)}
    return spawn_worker(env, log_path)


def run_demo(paths: list[Path], *, broker: str | None, speed: float, max_wait: float,
             timeout: float = 120.0) -> int:
    console = Console()
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
        console.print(board.table("hourly windows (summary)"))
        if not ok:
            console.print(f"[red]not every hour became final within {timeout:.0f}s[/] "
                          f"({len(board.finals())}/{len(expected_hours)}); worker log:")
            console.print((workdir / "worker.log").read_text(errors="replace")[-3000:])
            return 1
        console.print(f"[green]done:[/] {len(entries)} entries, {len(expected_hours)} hourly windows final")
        return 0


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
