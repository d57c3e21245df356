"""End to end on the embedded broker: the CLI replays seed 004 twice into a running worker, and an
independent confluent-kafka consumer reads the outputs."""

from __future__ import annotations

import base64
from collections import Counter

import orjson
from confluent_kafka import Producer

from tests.conftest import SEED_004, run_cli, start_worker, stop
from tests.kafka_reader import read_topic
import pytest

pytestmark = pytest.mark.slow  # brokers, workers, browsers or real servers: `pytest -m "not slow"` skips them

EXPECTED_HOURLY = {6: 2, 7: 3, 8: 2, 9: 2, 10: 2, 11: 1, 12: 3, 14: 1, 15: 2, 16: 2, 17: 1, 18: 1, 19: 2, 20: 1}
# Issue 3's expected tolls on seed 004: series -> [(time of the claim, min)] in order.
EXPECTED_TOLLS = {
    "nagorno-karabakh/military/killed": [("06:30", 31), ("12:00", 59), ("15:00", 58), ("20:35", 84)],
    "all/all/killed": [("15:00", 67)],
    "azerbaijan/civilian/killed": [("07:55", 6), ("15:00", 7), ("18:00", 9)],
    "azerbaijan/civilian/wounded": [("07:55", 19), ("18:00", 21)],
}


def toll_steps(updates: list[dict]) -> dict[str, list[tuple[str, int]]]:
    steps: dict[str, list[tuple[str, int]]] = {}
    for update in updates:
        steps.setdefault(update["series"], []).append((update["as_of"][11:16], update["min"]))
    return steps


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
    assert len(hourly) > len(final)  # updates came before each final

    # issue 3 through the broker: tolls, events and the window fields they fill
    by_hour = {int(w["window_start"][11:13]): w for w in final}
    last = by_hour[20]["tolls"]
    assert last["nagorno-karabakh/military/killed"]["best"] == 84
    assert last["all/all/killed"]["best"] == 67
    assert last["azerbaijan/civilian/killed"]["best"] == 9 and last["azerbaijan/civilian/killed"]["max"] in (9, 10)
    assert last["azerbaijan/civilian/wounded"]["best"] == 21
    assert by_hour[6]["tolls"] == {"nagorno-karabakh/military/killed": {"min": 31, "best": 31, "max": None}}
    assert by_hour[20]["killed"] == {"nagorno-karabakh/military/killed": 26}
    assert by_hour[18]["wounded"] == {"azerbaijan/civilian/wounded": 2}
    assert sum(w["events"] for w in final) == sum(sum(w["by_category"].values()) for w in final) == 25
    expected_updates = sum(len(v) for v in EXPECTED_TOLLS.values())
    tolls = read_topic(broker.bootstrap, "liveblog.tolls",
                       until=lambda rs: len(rs) >= expected_updates)
    steps = toll_steps([r["value"] for r in tolls])
    for series, expected in EXPECTED_TOLLS.items():
        assert steps[series] == expected, series
    assert all(r["key"].decode() == r["value"]["series"] for r in tolls)
    events = read_topic(broker.bootstrap, "liveblog.events", until=lambda rs: len(rs) >= 25)
    labels = {e["value"]["published_at"][11:16]: e["value"]["labels"] for e in events}
    assert "economy" in labels["15:30"] and "legal" in labels["14:05"]
    assert "strategic_developments" in labels["09:15"] and "diplomacy" in labels["19:00"]
    assert {"explosions_remote_violence", "casualty_report"} <= set(labels["18:00"])
    assert "casualty_report" in labels["20:35"]

    unique = read_topic(broker.bootstrap, "liveblog.entries.unique", until=lambda rs: len(rs) >= 25)
    assert len(unique) == 25  # the second replay's 25 entries were exact duplicates
    assert len({r["value"]["event_id"] for r in unique}) == 25


def entry_json(**changes) -> bytes:
    entry = {"entry_id": "x1", "source": "Desk", "url": None, "blog_title": "t",
             "published_at": "2020-09-28T09:00:00Z", "time_precision": "minute", "headline": "h",
             "body": "b", "seq": 0}
    return orjson.dumps({**entry, **changes})


def test_bad_records_go_to_the_dead_letter_topic_and_the_worker_keeps_going(broker, worker_env, tmp_path):
    env = {**worker_env, "LIVEBLOG_MAX_VALUE_BYTES": "5000"}
    worker = start_worker(env, tmp_path / "worker.log")
    try:
        assert run_cli("topics", "create", env=env).returncode == 0
        producer = Producer({"bootstrap.servers": broker.bootstrap})
        bad = {
            b"bad-json": (b"{not json", "not valid JSON"),
            b"not-utf8": (b"\xff\xfe\x00", "not UTF-8"),
            b"wrong-shape": (b'{"headline": "no id"}', "entry_id: Field required"),
            b"oversized": (entry_json(body="x" * 6000), "exceeds the limit of 5000 bytes"),
            b"empty": (entry_json(headline=" ", body=""), "empty text"),
            b"ancient": (entry_json(published_at="1985-01-01T00:00:00Z"), "implausible event time"),
            b"future": (entry_json(published_at="2099-01-01T00:00:00Z"), "implausible event time"),
        }
        for key, (value, _) in bad.items():
            producer.produce("liveblog.entries", key=key, value=value, partition=0)
        producer.produce("liveblog.entries", key=b"x1", value=entry_json(), partition=1)
        producer.produce("liveblog.entries", key=b"x1-reused", value=entry_json(headline="other"), partition=1)
        producer.flush(10)
        replayed = run_cli("replay", str(SEED_004), "--speed", "0", env=env)
        assert replayed.returncode == 0, replayed.stderr

        letters = read_topic(broker.bootstrap, "liveblog.deadletter", until=lambda rs: len(rs) >= len(bad) + 1)
        by_key = {r["key"]: r["value"] for r in letters}
        assert set(by_key) == set(bad) | {b"x1-reused"}
        for key, (value, reason) in bad.items():
            assert reason in by_key[key]["reason"], key
            assert base64.b64decode(by_key[key]["value_b64"]) == value  # the original bytes, nothing lost
            assert (by_key[key]["topic"], by_key[key]["partition"]) == ("liveblog.entries", 0)
        assert "reused with different content" in by_key[b"x1-reused"]["reason"]
        assert sorted(by_key[k]["offset"] for k in bad) == list(range(len(bad)))

        hourly = read_topic(broker.bootstrap, "liveblog.windows.hourly", until=lambda rs: len(finals(rs)) >= 14)
        assert sum(w["events"] for w in finals(hourly)) == 26  # seed 004 plus the one good record
    finally:
        stop(worker, tmp_path / "worker.log")


def test_rolling_windows_when_asked_for_are_what_analyze_prints(broker, worker_env, tmp_path):
    env = {**worker_env, "LIVEBLOG_ROLLING_WINDOWS": "true"}
    log = tmp_path / "worker.log"
    worker = start_worker(env, log)
    try:
        assert run_cli("replay", str(SEED_004), "--speed", "0", env=env).returncode == 0
        analyzed = run_cli("analyze", str(SEED_004), "--emit", "rolling", env=env)
        expected = [orjson.loads(line) for line in analyzed.stdout.splitlines()]
        rolling = read_topic(broker.bootstrap, "liveblog.windows.rolling", until=lambda rs: len(rs) >= len(expected))
        assert sorted((r["value"] for r in rolling), key=lambda w: w["window_end"]) == expected
        assert all(r["key"].decode() == r["value"]["window_end"] for r in rolling)
        hourly = read_topic(broker.bootstrap, "liveblog.windows.hourly", until=lambda rs: len(finals(rs)) >= 14)
        on_the_hour = {w["window_end"]: w for w in expected if w["window_end"][14:16] == "00"}
        assert on_the_hour == {w["window_end"]: w for w in finals(hourly)} and len(on_the_hour) == 14
    finally:
        stop(worker, log)
