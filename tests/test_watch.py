"""``liveblog watch``: the view rendered from real records, fed from a real broker, and run in tmux."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

import pytest
from aiokafka import AIOKafkaProducer
from rich.console import Console

from schemas import Record, format_utc
from streams.analyze import analyze
from streams.ingest import parse_file
from streams.settings import Settings
from streams.worker.topics import EVENTS, HOURLY, TOLLS, create_topics
from streams.ui.watch import WatchState, follow, render
from tests.conftest import ROOT, SEED_004, wait_until


def seed_records() -> dict[str, list[Record]]:
    entries = parse_file(SEED_004)
    return {topic: list(analyze(entries, Settings(), emit=emit))
            for topic, emit in ((HOURLY, "windows"), (TOLLS, "tolls"), (EVENTS, "events"))}


def text_of(state: WatchState, width: int = 220) -> str:
    console = Console(record=True, width=width, color_system=None)
    console.print(render(state))
    return console.export_text()


def test_render_shows_windows_tolls_and_latest_events():
    state = WatchState()
    for topic, records in seed_records().items():
        for record in records:
            state.add(topic, record.to_json())
    text = text_of(state)
    assert "2020-09-28 20:00" in text and "2020-09-28 11:00" not in text  # the 8 most recent hours
    assert "14 hours seen, 14 final" in text
    toll_row = next(line for line in text.splitlines() if "nagorno-karabakh/military/killed" in line and "20:35" in line)
    assert [cell.strip() for cell in toll_row.split("│")[2:5]] == ["84", "84", "open"]  # min, best, max
    assert "Nagorno-Karabakh region says 26 more troops killed" in text  # newest event first
    assert "casualty_report" in text and "Al Jazeera" in text
    assert "nagorno-karabakh/military/killed +26" in text  # killed within the 20:00 hour


def test_throughput_is_records_per_second_over_the_last_seconds():
    state = WatchState()
    state.sample(100.0)
    event = seed_records()[EVENTS][0].to_json()
    for _ in range(30):
        state.add(EVENTS, event)
    state.sample(103.0)
    assert state.rate() == pytest.approx(10.0)
    state.sample(110.0)  # the first samples fall out of the span
    assert state.rate() == 0.0


async def publish(settings: Settings, records: dict[str, list[Record]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers)
    await producer.start()
    try:
        for topic, values in records.items():
            for value in values:
                key = {HOURLY: lambda v: format_utc(v.window_start), TOLLS: lambda v: v.series,
                       EVENTS: lambda v: v.event_id}[topic](value)
                await producer.send(topic, key=key.encode(), value=value.to_json())
        await producer.flush()
    finally:
        await producer.stop()


@pytest.mark.broker
async def test_follow_reads_the_topics_without_a_consumer_group(broker):
    settings = Settings(broker=broker.url)
    await create_topics(settings)
    records = seed_records()
    await publish(settings, records)
    state = WatchState()
    stop = asyncio.Event()
    started = time.monotonic()
    reader = asyncio.create_task(follow(settings, state, stop))
    try:
        while len(state.board.finals()) < 14 or state.lag != {HOURLY: 0, TOLLS: 0, EVENTS: 0}:
            assert time.monotonic() - started < 20, (state.read, state.lag)
            await asyncio.sleep(0.1)
        joined_in = time.monotonic() - started
    finally:
        stop.set()
        await asyncio.wait_for(reader, 10)
    assert joined_in < 5  # no group join to wait for
    assert state.read[TOLLS] == len(records[TOLLS]) and state.read[HOURLY] == len(records[HOURLY])
    assert state.tolls["nagorno-karabakh/military/killed"]["best"] == 84
    assert len(state.events) == len(records[EVENTS])  # at most the last 20 per partition
    assert "Nagorno-Karabakh region says 26 more troops killed" in text_of(state)


@pytest.mark.slow
@pytest.mark.broker
def test_the_live_view_runs_in_a_terminal(broker, tmp_path):
    settings = Settings(broker=broker.url)
    asyncio.run(create_topics(settings))
    asyncio.run(publish(settings, seed_records()))
    session = f"liveblog-watch-{os.getpid()}"
    # env -u: a tmux server started from pytest passes COLUMNS=80 LINES=24 to the pane
    command = f"env -u COLUMNS -u LINES {sys.executable} -c 'from streams.ui.watch import run_watch; from streams.settings import Settings; run_watch(Settings())'"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "200", "-y", "50", "-c", str(ROOT),
                    "-e", f"LIVEBLOG_BROKER={broker.url}", command], check=True)
    try:
        deadline = time.monotonic() + 20
        screen = ""
        while time.monotonic() < deadline and "14 hours seen, 14 final" not in screen:
            time.sleep(0.3)
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True,
                                    text=True).stdout
        assert "14 hours seen, 14 final" in screen, screen
        assert "Nagorno-Karabakh region says 26 more troops killed" in screen  # fitted to 50 lines
        assert "nagorno-karabakh/military/killed" in screen and "lag:" in screen
        subprocess.run(["tmux", "send-keys", "-t", session, "C-c"], check=True)
        # Ctrl-C ends the view (and the session with it)
        wait_until(lambda: subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode != 0,
                   timeout=10, what="the view to end on Ctrl-C")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
