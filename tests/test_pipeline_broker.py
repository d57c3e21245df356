"""End to end on the embedded broker: the CLI replays seed 004 twice into a running worker, and an
independent confluent-kafka consumer reads the outputs."""

from __future__ import annotations

from collections import Counter

import orjson
from confluent_kafka import Producer

from tests.conftest import SEED_004, run_cli
from tests.kafka_reader import read_topic

EXPECTED_HOURLY = {6: 2, 7: 3, 8: 2, 9: 2, 10: 2, 11: 1, 12: 3, 14: 1, 15: 2, 16: 2, 17: 1, 18: 1, 19: 2, 20: 1}


def finals(records: list[dict]) -> list[dict]:
    return [r["value"] for r in records if r["value"]["final"]]


def test_seed_004_replayed_twice_gives_one_final_window_per_hour(broker, worker, worker_env):
    for _ in range(2):
        replayed = run_cli("replay", str(SEED_004), "--speed", "0", env=worker_env)
        assert replayed.returncode == 0, replayed.stderr
        assert "replayed 25 entries" in replayed.stdout

    hourly = read_topic(broker.bootstrap, "liveblog.windows.hourly",
                        until=lambda rs: len(finals(rs)) >= len(EXPECTED_HOURLY))
    final = finals(hourly)
    starts = Counter(w["window_start"] for w in final)
    assert all(n == 1 for n in starts.values()), f"a window was final more than once: {starts}"
    counts = {int(w["window_start"][11:13]): w["events"] for w in final}
    assert counts == EXPECTED_HOURLY
    assert all(w["window_start"].startswith("2020-09-28T") for w in final)
    assert all(len(w["event_ids"]) == w["events"] for w in final)
    assert all(r["key"].decode() == r["value"]["window_start"] for r in hourly)
    # updates came before each final, and later-issue fields are absent, not faked
    assert len(hourly) > len(final)
    assert not any("tolls" in r["value"] or "by_category" in r["value"] for r in hourly)

    unique = read_topic(broker.bootstrap, "liveblog.entries.unique", until=lambda rs: len(rs) >= 25)
    assert len(unique) == 25  # the second replay's 25 entries were exact duplicates
    assert len({r["value"]["event_id"] for r in unique}) == 25


def test_bad_records_go_to_the_dead_letter_topic_and_the_worker_keeps_going(broker, worker, worker_env):
    assert run_cli("topics", "create", env=worker_env).returncode == 0
    producer = Producer({"bootstrap.servers": broker.bootstrap})
    producer.produce("liveblog.entries", key=b"bad-json", value=b"{not json", partition=0)
    producer.produce("liveblog.entries", key=b"not-utf8", value=b"\xff\xfe\x00", partition=0)
    producer.produce("liveblog.entries", key=b"wrong-shape", value=b'{"headline": "no id"}', partition=0)
    producer.flush(10)
    replayed = run_cli("replay", str(SEED_004), "--speed", "0", env=worker_env)
    assert replayed.returncode == 0, replayed.stderr

    letters = read_topic(broker.bootstrap, "liveblog.deadletter", until=lambda rs: len(rs) >= 3)
    by_key = {r["key"]: r["value"] for r in letters}
    assert set(by_key) == {b"bad-json", b"not-utf8", b"wrong-shape"}
    assert "not valid JSON" in by_key[b"bad-json"]["reason"]
    assert "not UTF-8" in by_key[b"not-utf8"]["reason"]
    assert "entry_id: Field required" in by_key[b"wrong-shape"]["reason"]
    assert {v["topic"] for v in by_key.values()} == {"liveblog.entries"}
    assert sorted(v["offset"] for v in by_key.values()) == [0, 1, 2]

    hourly = read_topic(broker.bootstrap, "liveblog.windows.hourly", until=lambda rs: len(finals(rs)) >= 14)
    assert sum(w["events"] for w in finals(hourly)) == 25
