"""Fault tests on the embedded broker: crashes, restarts, lost local state, graceful stop.

Each compares the final windows with an uninterrupted run of the same domain code (`analyze`).
"""

from __future__ import annotations

import shutil
import signal
import subprocess

import orjson
from confluent_kafka import Consumer

from tests.conftest import LIVEBLOG, ROOT, SEED_004, run_cli, start_worker, stop, wait_until
from tests.kafka_reader import committed_offsets, raw_records, read_topic, records_mentioning, written
import pytest

pytestmark = pytest.mark.slow  # brokers, workers, browsers or real servers: `pytest -m "not slow"` skips them


def reference_finals(*paths: str) -> dict[str, dict]:
    result = run_cli("analyze", *paths, "--emit", "windows")
    assert result.returncode == 0, result.stderr
    windows = [orjson.loads(line) for line in result.stdout.splitlines()]
    return {w["window_start"]: w for w in windows if w["final"]}


def latest_finals(records: list[dict]) -> dict[str, dict]:
    """The last final record per window (a window's final may repeat after a crash, identically)."""
    return {r["value"]["window_start"]: r["value"] for r in records if r["value"]["final"]}


def replay_in_background(env: dict[str, str], speed: str) -> subprocess.Popen[str]:
    return subprocess.Popen([LIVEBLOG, "replay", str(SEED_004), "--speed", speed], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_mid_replay_and_restart_with_and_without_local_state(broker, worker_env, tmp_path):
    expected = reference_finals(str(SEED_004))
    log = tmp_path / "worker.log"
    state = tmp_path / "state"
    worker = start_worker(worker_env, log)
    replay = replay_in_background(worker_env, "6000")  # 14 hours of event time in about 8.5 s

    events = len(run_cli("analyze", str(SEED_004), "--emit", "events").stdout.splitlines())
    watcher = Consumer({"bootstrap.servers": broker.bootstrap, "group.id": "crash-test-watcher"})

    def events_out() -> int:
        return written(watcher, "liveblog.events")
    try:
        wait_until(lambda: events_out() >= events // 3, timeout=120, what="a third of the events")
        worker.send_signal(signal.SIGKILL)  # mid-replay, with part of it processed
        worker.wait()
        worker = start_worker(worker_env, log)  # local state kept: rocksdb plus changelog
        wait_until(lambda: events_out() >= 2 * events // 3, timeout=120, what="two thirds of the events")
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        shutil.rmtree(state, ignore_errors=True)  # local state lost: tables rebuilt from changelogs
        worker = start_worker(worker_env, log)
        assert replay.wait(60) == 0, replay.stderr.read()
        hourly = read_topic(broker.bootstrap, "liveblog.windows.hourly",
                            until=lambda rs: set(latest_finals(rs)) >= set(expected), timeout=120)
        assert latest_finals(hourly) == expected, diagnosis(broker, [str(SEED_004)])
    finally:
        stop(worker, log)
        replay.kill()
        watcher.close()


def uncommitted(bootstrap: str) -> dict[int, tuple[int | None, int]]:
    """The partitions of the entries topic whose end the worker's group has not committed, as
    (committed, end). The end is read rather than asked: the embedded broker's ListOffsets
    under-reports it (see streams/worker/recovery.py)."""
    entries = read_topic(bootstrap, "liveblog.entries", until=lambda rs: False, timeout=2)
    ends = {p: 1 + max(r["offset"] for r in entries if r["partition"] == p) for p in {r["partition"] for r in entries}}
    committed = committed_offsets(bootstrap, "liveblog", "liveblog.entries")
    return {p: (committed.get(p), end) for p, end in ends.items() if committed.get(p) != end}


def test_sigterm_stops_gracefully_with_offsets_committed(broker, worker_env, tmp_path):
    log = tmp_path / "worker.log"
    worker = start_worker(worker_env, log)
    assert run_cli("replay", str(SEED_004), "--speed", "0", env=worker_env).returncode == 0
    read_topic(broker.bootstrap, "liveblog.windows.hourly",
               until=lambda rs: len(latest_finals(rs)) == 14, timeout=90)
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(30) == 0

    assert not (left := uncommitted(broker.bootstrap)), f"a graceful stop commits what it processed: {left}"


def test_fetched_highwater_corrects_the_embedded_brokers_list_offsets(broker):
    """The embedded broker reports the last batch's base offset + 1 as the end of a partition; the
    recovery check reads the true end from a Fetch response (see streams/worker/recovery.py)."""
    import asyncio

    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    from streams.worker.recovery import fetched_highwaters

    async def scenario() -> tuple[int, int]:
        admin = AIOKafkaAdminClient(bootstrap_servers=broker.bootstrap)
        await admin.start()
        await admin.create_topics([NewTopic("changelog-like", 1, 1)])
        await admin.close()
        producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap, linger_ms=100)
        await producer.start()
        await asyncio.gather(*[await producer.send("changelog-like", b"%d" % i) for i in range(10)])
        await producer.stop()
        tp = TopicPartition("changelog-like", 0)
        consumer = AIOKafkaConsumer(bootstrap_servers=broker.bootstrap)
        await consumer.start()
        reported = (await consumer.end_offsets([tp]))[tp]
        await consumer.stop()
        return reported, (await fetched_highwaters(broker.bootstrap, {tp: reported}))[tp]

    reported, fetched = asyncio.run(scenario())
    assert fetched == 10
    assert reported <= fetched


def test_tables_rebuilt_from_changelogs_keep_dedup_and_closed_windows(broker, worker_env, tmp_path):
    log = tmp_path / "worker.log"
    worker = start_worker(worker_env, log)
    try:
        assert run_cli("replay", str(SEED_004), "--speed", "0", env=worker_env).returncode == 0
        read_topic(broker.bootstrap, "liveblog.windows.hourly", until=lambda rs: len(latest_finals(rs)) == 14)
        wait_until(lambda: not uncommitted(broker.bootstrap), timeout=30, what="the entries' offsets committed")
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        shutil.rmtree(tmp_path / "state")
        worker = start_worker(worker_env, log)
        assert run_cli("replay", str(SEED_004), "--speed", "0", env=worker_env).returncode == 0
        unique = read_topic(broker.bootstrap, "liveblog.entries.unique", until=lambda rs: False, timeout=25)
        assert len(unique) == 25, "the recovered dedup table forgot entries"
        hourly = read_topic(broker.bootstrap, "liveblog.windows.hourly", until=lambda rs: False, timeout=3)
        finals = [r["value"]["window_start"] for r in hourly if r["value"]["final"]]
        assert sorted(finals) == sorted(set(finals)) and len(finals) == 14
    finally:
        stop(worker, log)


def reference_tolls(*paths: str) -> dict[str, tuple]:
    result = run_cli("analyze", *paths, "--emit", "tolls")
    assert result.returncode == 0, result.stderr
    latest = {}
    for line in result.stdout.splitlines():
        update = orjson.loads(line)
        latest[update["series"]] = (update["min"], update["best"], update["max"])
    return latest


def diagnosis(broker, paths: list[str]) -> str:
    """What differs from an uninterrupted run, for a failure message: verdicts and dead letters."""
    reference = {}
    for line in run_cli("analyze", *paths, "--emit", "unique").stdout.splitlines():
        record = orjson.loads(line)
        reference[record["entry_id"]] = record["verdict"]
    unique = read_topic(broker.bootstrap, "liveblog.entries.unique", until=lambda rs: False, timeout=3)
    seen = {r["value"]["entry_id"]: r["value"]["verdict"] for r in unique}
    letters = read_topic(broker.bootstrap, "liveblog.deadletter", until=lambda rs: False, timeout=3)
    missing = sorted(set(reference) - set(seen))
    path = [line for topic in ("liveblog.entries", "liveblog-entry-seen-changelog", "liveblog.internal.window-input",
                               "liveblog-fold-state-changelog") for line in records_mentioning(broker.bootstrap, topic, missing)]
    return (f"missing from liveblog.entries.unique: {missing}; "
            f"other verdicts: {[(k, v, seen[k]) for k, v in reference.items() if k in seen and seen[k] != v]}; "
            f"dead letters: {[r['value']['reason'][:120] for r in letters]}; "
            f"where the missing entries are: {path}; "
            f"committed offsets of liveblog.entries: {committed_offsets(broker.bootstrap, 'liveblog', 'liveblog.entries')}; "
            f"{neighbours(broker, missing)}")


def neighbours(broker, missing: list[str]) -> str:
    """The entries around each missing one in its partition, and which of them the entry stage
    recorded as seen: where a lost entry sits among those that were processed (an entry written
    then forgotten shows as seen)."""
    entries = raw_records(broker.bootstrap, "liveblog.entries")
    seen = b" ".join(key for _, _, key, value in raw_records(broker.bootstrap, "liveblog-entry-seen-changelog")
                     if value)  # a tombstone is an entry forgotten, not one seen
    lines = []
    for partition, offset, key, _ in entries:
        if key.decode(errors="replace") in missing:
            around = [(o, k.decode(errors="replace")[:8] or "clock", bool(k) and k in seen)
                      for p, o, k, _ in entries if p == partition and abs(o - offset) <= 6]
            lines.append(f"around {partition}@{offset}: {around}")
    return "; ".join(lines)


def test_two_workers_on_four_partitions_one_killed_mid_replay(broker, worker_env, tmp_path):
    paths = [str(p) for p in sorted((ROOT / "data" / "samples").glob("*.txt"))]
    expected_windows, expected_tolls = reference_finals(*paths), reference_tolls(*paths)
    first_log, second_log = tmp_path / "worker-1.log", tmp_path / "worker-2.log"
    first = start_worker({**worker_env, "LIVEBLOG_DATA_DIR": str(tmp_path / "state-1")}, first_log)
    second = start_worker({**worker_env, "LIVEBLOG_DATA_DIR": str(tmp_path / "state-2"),
                           "LIVEBLOG_WEB_PORT": str(int(worker_env["LIVEBLOG_WEB_PORT"]) + 1)}, second_log)
    replay = subprocess.Popen([LIVEBLOG, "replay", *paths, "--speed", "6000", "--max-wait", "1"], env=worker_env,
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # both workers joined and share the partitions
        wait_until(lambda: "Worker ready" in second_log.read_text(errors="replace"), timeout=90, what="the second worker")
        second.send_signal(signal.SIGKILL)
        second.wait()
        assert replay.wait(90) == 0, replay.stderr.read()
        hourly = read_topic(broker.bootstrap, "liveblog.windows.hourly",
                            until=lambda rs: set(latest_finals(rs)) >= set(expected_windows), timeout=150)
        assert latest_finals(hourly) == expected_windows, diagnosis(broker, paths)
        tolls = read_topic(broker.bootstrap, "liveblog.tolls", until=lambda rs: False, timeout=3)
        latest = {r["value"]["series"]: (r["value"]["min"], r["value"]["best"], r["value"]["max"]) for r in tolls}
        assert latest == expected_tolls
    finally:
        stop(first, first_log)
        stop(second, second_log)
        replay.kill()


def test_worker_waits_for_an_unreachable_broker_then_runs(tmp_path):
    """Broker down at start: the worker says so and retries with backoff instead of crash-looping;
    once the broker is up it creates the topics and processes a replay."""
    import os

    from streams.worker.broker import EmbeddedBroker, free_port

    port = free_port()
    env = {**os.environ, "LIVEBLOG_BROKER": f"kafka://127.0.0.1:{port}", "LIVEBLOG_DATA_DIR": str(tmp_path / "state"),
           "LIVEBLOG_WEB_PORT": str(free_port())}
    log = tmp_path / "worker.log"
    worker = start_worker(env, log)
    try:
        wait_until(lambda: "retry 1/" in log.read_text() or worker.poll() is not None, timeout=30, what="a retry")
        assert worker.poll() is None, log.read_text()
        assert f"broker kafka://127.0.0.1:{port} unreachable" in log.read_text()
        with EmbeddedBroker(port=port, log_path=tmp_path / "broker.log") as broker:
            assert run_cli("replay", str(SEED_004), "--speed", "0", env=env).returncode == 0
            hourly = read_topic(broker.bootstrap, "liveblog.windows.hourly",
                                until=lambda rs: len(latest_finals(rs)) == 14, timeout=120)
            assert len(latest_finals(hourly)) == 14
    finally:
        stop(worker, log)


def test_worker_gives_up_with_a_clear_message_after_its_attempts(tmp_path):
    import os

    from streams.worker.broker import free_port

    env = {**os.environ, "LIVEBLOG_BROKER": f"kafka://127.0.0.1:{free_port()}", "LIVEBLOG_CONNECT_ATTEMPTS": "2",
           "LIVEBLOG_DATA_DIR": str(tmp_path / "state")}
    result = subprocess.run([LIVEBLOG, "worker"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "cannot reach the broker at kafka://127.0.0.1:" in result.stderr and "after 2 attempts" in result.stderr


def test_documents_in_shuffled_order_give_the_same_results(broker, worker, worker_env):
    paths = [str(p) for p in sorted((ROOT / "data" / "samples").glob("*.txt"))]
    expected = reference_finals(*paths)
    shuffled = [paths[i] for i in (3, 0, 4, 2, 1)]
    assert run_cli("replay", *shuffled, "--speed", "0", env=worker_env).returncode == 0
    hourly = read_topic(broker.bootstrap, "liveblog.windows.hourly",
                        until=lambda rs: set(latest_finals(rs)) >= set(expected))
    assert latest_finals(hourly) == expected
