"""Offline analyze with a pool of classifying processes: the same records as one process, in the
same order, reading the schedule only a few chunks ahead of the fold."""

from __future__ import annotations

import gc
import io
import os
import signal
import subprocess
import time
from datetime import datetime, timedelta, timezone
from itertools import count
from pathlib import Path

import pytest
from rich.console import Console

from schemas import ReplayControl
from streams import analyze as offline
from streams.tools.bench import make_corpus
from streams.ui.console import analyze_with_progress
from streams.dedup.near import load_config
from streams.replay.schedule import Scheduled
from streams.settings import Settings
from streams.ingest import parse_paths
from tests.conftest import LIVEBLOG, ROOT, SEED_004


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Three chunks and more of synthetic coverage: copies, revisions and claims of every kind."""
    return make_corpus(tmp_path_factory.mktemp("corpus"), 3 * offline.CHUNK + 200, 7)


@pytest.mark.slow
@pytest.mark.parametrize("emit", ["events", "windows", "alerts"])
def test_a_pool_of_classifying_processes_gives_what_one_process_gives(corpus, emit, monkeypatch):
    from_pool = count()
    in_pool = offline._prepared_in_pool

    def counted(items, config, jobs):
        for prepared in in_pool(items, config, jobs):
            if prepared[1] is not None:
                next(from_pool)
            yield prepared
    monkeypatch.setattr(offline, "_prepared_in_pool", counted)
    monkeypatch.setattr(offline, "CHUNK", 200)  # results come back while later chunks wait in the pool
    monkeypatch.setattr(offline, "AHEAD", 1)
    alone = [record.to_json() for record in offline.analyze(corpus, Settings(analyze_jobs=1), emit=emit)]
    assert next(from_pool) == 0
    pooled = [record.to_json() for record in offline.analyze(corpus, Settings(analyze_jobs=2), emit=emit)]
    assert next(from_pool) > len(corpus) // 2  # the entries, less exact duplicates, came from the pool
    assert pooled == alone and len(alone) > 100


def test_the_entries_are_left_out_of_the_collector_s_passes_only_while_analyze_runs(corpus):
    """``analyze`` freezes what exists when it starts (the collector's full passes went over every
    entry) and unfreezes it when done or closed: a caller's heap is not left out of collection
    after it."""
    assert gc.get_freeze_count() == 0
    records = offline.analyze(corpus[:200], Settings(analyze_jobs=1), emit="events")
    next(records)
    assert gc.get_freeze_count() > len(corpus[:200])
    records.close()
    assert gc.get_freeze_count() == 0
    assert list(offline.analyze(corpus[:200], Settings(analyze_jobs=1), emit="events"))
    assert gc.get_freeze_count() == 0


def test_the_pool_reads_the_schedule_only_a_few_chunks_ahead_of_the_fold():
    pulled = count()
    start = datetime(2020, 9, 27, tzinfo=timezone.utc)

    def clocks():
        for minute in range(100 * offline.CHUNK):
            next(pulled)
            at = start + timedelta(minutes=minute)
            yield Scheduled(at, control=ReplayControl(type="heartbeat", stream_time=at, replay_id="ahead")), True
    prepared = offline._prepared_in_pool(clocks(), load_config(), 2)
    first = next(prepared)
    assert first[0].at == start and first[1] is None
    assert next(pulled) <= (2 * offline.AHEAD + 1) * offline.CHUNK
    rest = list(prepared)
    assert [item.at for item, _, _ in rest] == [start + timedelta(minutes=m) for m in range(1, 100 * offline.CHUNK)]


def in_session(session: int) -> list[int]:
    """The processes of a session (a terminal's), from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[3]) == session:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.slow
def test_ctrl_c_stops_analyze_and_its_pool_at_once(tmp_path):
    """Ctrl-C reaches every process of the terminal: the pool's must leave the stopping to analyze.
    The records go to a file: a pipe nobody reads would hold the exit at its last flush."""
    make_corpus(tmp_path, 4_000, 3)
    output = tmp_path / "records.jsonl"
    with open(output, "wb") as out:
        # as from a terminal: Ctrl-C at its default, whatever an earlier test left this process ignoring (a child
        # started with SIGINT ignored keeps ignoring it, and Python then raises no KeyboardInterrupt)
        run = subprocess.Popen([LIVEBLOG, "analyze", *map(str, sorted(tmp_path.glob("*.txt"))), "--jobs", "2"],
                               stdout=out, stderr=subprocess.PIPE, cwd=ROOT, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        while not output.stat().st_size and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert output.stat().st_size and run.poll() is None  # windows flow: the pool is at work
        assert len(in_session(run.pid)) == 3
        os.killpg(run.pid, signal.SIGINT)
        assert run.wait(timeout=20) == 1
        assert "Aborted" in run.stderr.read().decode()  # type: ignore[union-attr]
        assert in_session(run.pid) == []
    finally:
        if in_session(run.pid):
            os.killpg(run.pid, signal.SIGKILL)


def test_the_progress_bar_counts_every_entry_duplicates_included():
    """Twice the same scrape: the second is all exact duplicates, which the fold skips; the bar
    still reaches its total, and the records are analyze's."""
    entries = parse_paths([SEED_004])
    terminal = io.StringIO()
    settings = Settings(analyze_jobs=1)
    shown = list(analyze_with_progress([entries, entries], settings, emit="windows",
                                       console=Console(file=terminal, force_terminal=True, color_system=None, width=120)))
    assert [w.to_json() for w in shown] == [w.to_json() for w in offline.analyze_replays([entries, entries], settings, emit="windows")]
    assert f"{2 * len(entries)}/{2 * len(entries)} entries" in terminal.getvalue()
    assert "analyze" in terminal.getvalue() and "replay clock 2020-09-28T" in terminal.getvalue()
