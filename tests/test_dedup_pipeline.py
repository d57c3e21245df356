"""Dedup through the whole pipeline: seed 004, a later scrape with edits, and a copy on another
site count as the later version alone, offline and through the broker."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import orjson
import pytest

from tests.conftest import ROOT, SEED_004, run_cli, start_worker, stop
from tests.kafka_reader import raw_records, read_topic

pytestmark = pytest.mark.slow  # brokers, workers, browsers or real servers: `pytest -m "not slow"` skips them

DEDUP = ROOT / "tests" / "fixtures" / "dedup"
LATER, COPY = DEDUP / "004_later.txt", DEDUP / "004_copy.txt"


def analyze(emit: str, *args: Path | str) -> list[dict]:
    result = run_cli("analyze", *map(str, args), "--emit", emit)
    assert result.returncode == 0, result.stderr
    return [orjson.loads(line) for line in result.stdout.splitlines()]


def finals(windows: list[dict]) -> dict[str, dict]:
    return {w["window_start"]: w for w in windows if w["final"]}


def latest_tolls(updates: list[dict]) -> dict[str, tuple]:
    return {u["series"]: (u["min"], u["best"], u["max"]) for u in updates}


def test_seed_then_later_version_then_copy_count_as_the_later_version():
    all_three = (SEED_004, LATER, COPY)
    assert finals(analyze("windows", *all_three)) == finals(analyze("windows", LATER))
    assert latest_tolls(analyze("tolls", *all_three)) == latest_tolls(analyze("tolls", LATER))
    verdicts = Counter(u["verdict"] for u in analyze("unique", *all_three))
    assert verdicts == Counter(new=27, copy=27, revision=3)
    revised = {u["headline"]: u for u in analyze("unique", *all_three) if u["verdict"] == "revision"}
    assert "Azerbaijan says seven civilians killed" in revised
    assert revised["Azerbaijan says seven civilians killed"]["revision_of"]


def test_analyze_one_after_another_shows_what_separate_replays_publish():
    separate = finals(analyze("windows", "--one-after-another", SEED_004, LATER, COPY))
    assert {start: {**w, "corrections": 0} for start, w in separate.items()} == finals(analyze("windows", LATER))
    assert any(w["corrections"] for w in separate.values())


def write_copy(directory: Path) -> Path:
    """Seed 004 as another site republishes it: one paragraph per entry, straight quotes."""
    from streams.ingest import parse_file

    straight = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
    lines = ["Karabakh live", "", "Here are the latest updates on Monday, September 28:", ""]
    for entry in reversed(parse_file(SEED_004)):
        lines += [f"{entry.published_at:%H:%M} GMT - {entry.headline.translate(straight)}", "",
                  " ".join(entry.body.split()).translate(straight), ""]
    copy = directory / "mirror.txt"
    copy.write_text("\n".join(lines), encoding="utf-8")
    (directory / "manifest.toml").write_text(
        '["mirror.txt"]\nsource = "Caucasus Mirror"\npublished = 2020-09-28\ntz = "GMT"\n', encoding="utf-8")
    return copy


def test_a_copy_adds_mentions_not_events(tmp_path):
    copy = write_copy(tmp_path)
    alone = analyze("unique", SEED_004)
    with_copy = analyze("unique", SEED_004, copy)
    assert {u["event_id"] for u in with_copy} == {u["event_id"] for u in alone}
    copies = [u for u in with_copy if u["verdict"] == "copy"]
    assert len(copies) == 25 and all(u["mentions"] == 2 and u["sources"] == ["Al Jazeera", "Caucasus Mirror"]
                                     for u in copies)
    assert finals(analyze("windows", SEED_004, copy)) == finals(analyze("windows", SEED_004))


@pytest.mark.parametrize("replays", [
    pytest.param([[SEED_004, LATER, COPY]], id="in-one-replay"),
    # Each replay ends with its final watermark, so the later scrape's entries arrive after their
    # windows closed: within the allowed lateness they correct them (corrections > 0).
    pytest.param([[SEED_004], [LATER], [COPY]], id="one-after-another"),
])
def test_through_the_broker_the_three_documents_equal_the_later_version(broker, worker, worker_env, replays):
    expected_windows = finals(analyze("windows", LATER))
    expected_tolls = latest_tolls(analyze("tolls", LATER))
    for paths in replays:
        replayed = run_cli("replay", *map(str, paths), "--speed", "0", env=worker_env)
        assert replayed.returncode == 0, replayed.stderr

    def content(records: list[dict]) -> dict[str, dict]:
        return {start: {**w, "corrections": 0} for start, w in finals([r["value"] for r in records]).items()}

    hourly = read_topic(broker.bootstrap, "liveblog.windows.hourly",
                        until=lambda rs: content(rs) == expected_windows)
    assert content(hourly) == expected_windows
    corrected = [r["value"] for r in hourly if r["value"]["final"] and r["value"]["corrections"]]
    assert bool(corrected) == (len(replays) > 1)
    tolls = read_topic(broker.bootstrap, "liveblog.tolls", until=lambda rs: False, timeout=3)
    assert latest_tolls([r["value"] for r in tolls]) == expected_tolls
    unique = read_topic(broker.bootstrap, "liveblog.entries.unique", until=lambda rs: len(rs) >= 57)
    assert Counter(r["value"]["verdict"] for r in unique) == Counter(new=27, copy=27, revision=3)
    dead = read_topic(broker.bootstrap, "liveblog.deadletter", until=lambda rs: False, timeout=2)
    assert dead == []


def test_the_entry_seen_table_forgets_entries_past_the_horizon_and_a_later_copy_is_late(broker, worker_env, tmp_path):
    """With no allowed lateness the horizon is the grace: the replay's final watermark puts every
    entry past it, so the table's changelog ends with none of them, and the same document replayed
    again is late at the fold (dead-lettered with the reason), not counted twice nor dropped unseen."""
    env = {**worker_env, "LIVEBLOG_ALLOWED_LATENESS_HOURS": "0"}
    log = tmp_path / "worker.log"
    worker = start_worker(env, log)
    try:
        assert run_cli("replay", str(SEED_004), "--speed", "0", env=env).returncode == 0
        expected = finals(analyze("windows", SEED_004))
        hourly = read_topic(broker.bootstrap, "liveblog.windows.hourly",
                            until=lambda rs: len(finals([r["value"] for r in rs])) == len(expected))
        assert finals([r["value"] for r in hourly]) == expected
        entry_ids = {u["entry_id"] for u in analyze("entries", SEED_004)}
        assert remembered(broker, entry_ids) == set()

        assert run_cli("replay", str(SEED_004), "--speed", "0", env=env).returncode == 0
        dead = read_topic(broker.bootstrap, "liveblog.deadletter", until=lambda rs: len(rs) >= len(entry_ids))
        assert len(dead) == len(entry_ids) and all(r["value"]["reason"].startswith("late: ") for r in dead)
        unique = read_topic(broker.bootstrap, "liveblog.entries.unique", until=lambda rs: False, timeout=3)
        assert sorted(r["value"]["entry_id"] for r in unique) == sorted(entry_ids)
        hourly = read_topic(broker.bootstrap, "liveblog.windows.hourly", until=lambda rs: False, timeout=3)
        assert finals([r["value"] for r in hourly]) == expected
    finally:
        stop(worker, log)


def remembered(broker, entry_ids: set[str], *, timeout: float = 30) -> set[str]:
    """Which of ``entry_ids`` the entry-seen changelog still holds (its latest value per key is not
    a tombstone), polled until none or the timeout. Faust writes a table's str keys as JSON."""
    deadline = time.monotonic() + timeout
    while True:
        latest = {orjson.loads(key): value
                  for _, _, key, value in raw_records(broker.bootstrap, "liveblog-entry-seen-changelog", timeout=3)}
        held = {key for key, value in latest.items() if key in entry_ids and value}
        if not held or time.monotonic() > deadline:
            return held
