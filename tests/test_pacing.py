"""Holding the entries back while the fold has a backlog (streams.pacing, streams.faust_support):
the rule on its own, then a bulk replay on the embedded broker, with and without it. Progress is
read as the topics' high watermarks, and the records with an independent client (librdkafka)."""

from __future__ import annotations

import base64
import os
import threading
import time
from pathlib import Path

import orjson
from confluent_kafka import Consumer, TopicPartition

from streams import topics as t
from streams.bench import make_corpus
from streams.broker import EmbeddedBroker, free_port
from streams.pacing import FoldPacing
from tests.conftest import run_cli, start_worker, stop
from tests.kafka_reader import read_topic


def test_entries_are_held_past_the_limit_until_the_backlog_is_half_of_it():
    pacing = FoldPacing(1000)
    assert [pacing.hold_entries(n) for n in (0, 1000, 1001, 900, 501, 500, 501, 1000, 1001)] == [
        False, False, True, True, True, False, False, False, True]
    pacing.reset()
    assert not pacing.holding and pacing.hold_entries(600) is False


def test_a_limit_of_zero_never_holds_the_entries():
    assert not FoldPacing(0).hold_entries(10**9)


def written(consumer: Consumer, topic: str) -> int:
    """Records written to ``topic`` so far: the sum of its partitions' high watermarks."""
    partitions = consumer.list_topics(topic, timeout=10).topics[topic].partitions
    return sum(consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=10)[1] for p in partitions)


def bulk_replay(corpus: Path, distinct: int, tmp_path: Path, fold_backlog_max: int) -> tuple[list[int], dict[str, list[dict]]]:
    """Replay ``corpus`` at speed 0 to one worker on a fresh broker. Returns how many records the
    fold's input held that had not come out as events yet, sampled every 0.2 s until the replay
    ended and 95 % of the events were out, and the records of the entries, fold input, events and
    dead-letter topics once no event came for 3 s."""
    tmp_path.mkdir()
    with EmbeddedBroker(log_path=tmp_path / "broker.log") as broker:
        env = {**os.environ, "LIVEBLOG_BROKER": broker.url, "LIVEBLOG_DATA_DIR": str(tmp_path / "state"),
               "LIVEBLOG_WEB_PORT": str(free_port()), "LIVEBLOG_FOLD_BACKLOG_MAX": str(fold_backlog_max)}
        assert run_cli("topics", "create", env=env).returncode == 0
        worker = start_worker(env, tmp_path / "worker.log")
        behind: list[int] = []
        outcome: list[int] = []
        replay = threading.Thread(target=lambda: outcome.append(run_cli(
            "replay", *map(str, sorted(corpus.glob("*.txt"))), "--speed", "0", env=env, timeout=300).returncode))
        consumer = Consumer({"bootstrap.servers": broker.bootstrap, "group.id": "pacing-sampler"})
        try:
            replay.start()
            deadline, settled = time.monotonic() + 240, []
            while time.monotonic() < deadline and len(settled) < 15:  # until no event came for 3 s
                fold_input, events = written(consumer, t.WINDOW_INPUT), written(consumer, t.EVENTS)
                if events < distinct * 0.95 or replay.is_alive():
                    behind.append(fold_input - events)
                else:
                    settled = [*settled, events] if settled and settled[-1] == events else [events]
                time.sleep(0.2)
            replay.join()
            assert outcome == [0], "the replay failed"
            records = {topic: read_topic(broker.bootstrap, topic, until=lambda rs, n=written(consumer, topic): len(rs) >= n)
                       for topic in (t.ENTRIES, t.WINDOW_INPUT, t.EVENTS, t.DEADLETTER)}
        finally:
            consumer.close()
            stop(worker, tmp_path / "worker.log")
    return behind, records


def entry_ids(records: list[dict]) -> list[str]:
    """The entry ids of a topic's entry records (replay clocks left out)."""
    return [r["value"]["entry_id"] for r in records
            if not any(name == t.CONTROL_HEADER for name, _ in r["headers"] or ())]


def test_a_bulk_replay_s_events_come_out_while_its_entries_are_read_and_none_is_lost(tmp_path):
    corpus = tmp_path / "corpus"
    distinct = len({entry.entry_id for entry in make_corpus(corpus, 6_000, 11)})
    unpaced, _ = bulk_replay(corpus, distinct, tmp_path / "unpaced", 0)
    paced, records = bulk_replay(corpus, distinct, tmp_path / "paced", 200)

    mean = {name: sum(samples) / len(samples) for name, samples in (("unpaced", unpaced), ("paced", paced))}
    print(f"mean records in the fold's input not out as events: {mean}; samples {len(unpaced)}, {len(paced)}")
    assert mean["paced"] < 0.7 * mean["unpaced"]

    # holding the entries back and letting them go again loses and repeats none of them
    forwarded = entry_ids(records[t.WINDOW_INPUT])
    assert set(entry_ids(records[t.ENTRIES])) == set(forwarded) and len(forwarded) == len(set(forwarded)) == distinct
    released = [r["value"]["entry_id"] for r in records[t.EVENTS]]
    late = [orjson.loads(base64.b64decode(r["value"]["value_b64"]))["entry_id"]
            for r in records[t.DEADLETTER] if r["value"]["topic"] == t.WINDOW_INPUT]  # late events, if any
    assert sorted(released + late) == sorted(forwarded)


def test_entries_held_back_at_a_rebalance_are_neither_lost_nor_held_for_good(broker, worker_env, tmp_path):
    """A second worker joins mid-replay while the first holds its entries back on and off (a
    limit of 100): pauses made for the assignment the rebalance replaced neither stay nor lose
    records, and every entry still comes out."""
    corpus = tmp_path / "corpus"
    distinct = len({entry.entry_id for entry in make_corpus(corpus, 6_000, 13)})
    env = {**worker_env, "LIVEBLOG_FOLD_BACKLOG_MAX": "100"}
    assert run_cli("topics", "create", env=env).returncode == 0
    first = start_worker({**env, "LIVEBLOG_DATA_DIR": str(tmp_path / "state-1")}, tmp_path / "worker-1.log")
    second = None
    outcome: list[int] = []
    replay = threading.Thread(target=lambda: outcome.append(run_cli(
        "replay", *map(str, sorted(corpus.glob("*.txt"))), "--speed", "0", env=env, timeout=300).returncode))
    consumer = Consumer({"bootstrap.servers": broker.bootstrap, "group.id": "pacing-sampler"})
    try:
        replay.start()
        deadline = time.monotonic() + 120
        while written(consumer, t.WINDOW_INPUT) < 1_000 and time.monotonic() < deadline:
            time.sleep(0.1)
        second = start_worker({**env, "LIVEBLOG_DATA_DIR": str(tmp_path / "state-2"),
                               "LIVEBLOG_WEB_PORT": str(free_port())}, tmp_path / "worker-2.log")
        replay.join()
        assert outcome == [0], "the replay failed"
        deadline, settled = time.monotonic() + 180, []
        while time.monotonic() < deadline and len(settled) < 25:  # until no event came for 5 s
            events = written(consumer, t.EVENTS)
            settled = [*settled, events] if settled and settled[-1] == events and events >= distinct * 0.95 else [events]
            time.sleep(0.2)
        records = {topic: read_topic(broker.bootstrap, topic, until=lambda rs, n=written(consumer, topic): len(rs) >= n)
                   for topic in (t.ENTRIES, t.WINDOW_INPUT, t.EVENTS, t.DEADLETTER)}
    finally:
        consumer.close()
        stop(first, tmp_path / "worker-1.log")
        if second is not None:
            stop(second, tmp_path / "worker-2.log")
    forwarded = set(entry_ids(records[t.WINDOW_INPUT]))  # at least once: a rebalance may forward one again
    assert set(entry_ids(records[t.ENTRIES])) == forwarded and len(forwarded) == distinct
    released = {r["value"]["entry_id"] for r in records[t.EVENTS]}
    late = {orjson.loads(base64.b64decode(r["value"]["value_b64"]))["entry_id"]
            for r in records[t.DEADLETTER] if r["value"]["topic"] == t.WINDOW_INPUT}
    assert released | late == forwarded
