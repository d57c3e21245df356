"""Holding the entries back while the fold has a backlog (streams.worker.pacing, streams.worker.faust_support):
the rule on its own, then a bulk replay on the embedded broker, with and without it. Progress is
read as the topics' high watermarks, and the records with an independent client (librdkafka)."""

from __future__ import annotations

import base64
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import orjson
from confluent_kafka import Consumer

from streams.worker import topics as t
from streams.tools.bench import make_corpus
from streams.worker.broker import EmbeddedBroker, free_port
from streams.worker.pacing import FoldPacing
from tests.conftest import run_cli, start_worker, stop
from tests.kafka_reader import read_topic, written
import pytest

pytestmark = pytest.mark.slow  # brokers, workers, browsers or real servers: `pytest -m "not slow"` skips them


def test_entries_are_held_past_the_limit_until_the_backlog_is_half_of_it():
    pacing = FoldPacing(1000)
    assert [pacing.hold_entries(n) for n in (0, 1000, 1001, 900, 501, 500, 501, 1000, 1001)] == [
        False, False, True, True, True, False, False, False, True]
    pacing.reset()
    assert not pacing.holding and pacing.hold_entries(600) is False


def test_a_limit_of_zero_never_holds_the_entries():
    assert not FoldPacing(0).hold_entries(10**9)


class BulkReplay:
    """``liveblog replay --speed 0`` of a corpus, run beside the test, and an independent client
    (librdkafka) that watches the topics' high watermarks and reads their records."""

    def __init__(self, corpus: Path, env: dict[str, str], bootstrap: str) -> None:
        self.bootstrap = bootstrap
        self.outcome: list[int] = []
        self.thread = threading.Thread(target=lambda: self.outcome.append(run_cli(
            "replay", *map(str, sorted(corpus.glob("*.txt"))), "--speed", "0", env=env, timeout=300).returncode))
        self.consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "pacing-sampler"})
        self.thread.start()

    def written(self, topic: str) -> int:
        return written(self.consumer, topic)

    def wait_for_events(self, distinct: int, quiet_s: float, sample: Callable[[int, int], None] = lambda *_: None) -> None:
        """Until the replay ended, 95 % of the events are out and no event came for ``quiet_s``;
        ``sample(fold input, events out)`` every 0.2 s before that."""
        deadline, settled = time.monotonic() + 240, []
        while time.monotonic() < deadline and len(settled) * 0.2 < quiet_s:
            fold_input, events = self.written(t.WINDOW_INPUT), self.written(t.EVENTS)
            if events < distinct * 0.95 or self.thread.is_alive():
                sample(fold_input, events)
            else:
                settled = [*settled, events] if settled and settled[-1] == events else [events]
            time.sleep(0.2)
        self.thread.join()
        assert self.outcome == [0], "the replay failed"

    def entry_ids(self) -> dict[str, list[str]]:
        """The entry ids in the entries topic, the fold's input, the events and the late events."""
        records = {topic: read_topic(self.bootstrap, topic, until=lambda rs, n=self.written(topic): len(rs) >= n)
                   for topic in (t.ENTRIES, t.WINDOW_INPUT, t.EVENTS, t.DEADLETTER)}

        def of_entries(topic: str) -> list[str]:  # replay clocks left out
            return [r["value"]["entry_id"] for r in records[topic]
                    if not any(name == t.CONTROL_HEADER for name, _ in r["headers"] or ())]
        return {"entries": of_entries(t.ENTRIES), "forwarded": of_entries(t.WINDOW_INPUT),
                "released": [r["value"]["entry_id"] for r in records[t.EVENTS]],
                "late": [orjson.loads(base64.b64decode(r["value"]["value_b64"]))["entry_id"]
                         for r in records[t.DEADLETTER] if r["value"]["topic"] == t.WINDOW_INPUT]}

    def close(self) -> None:
        self.thread.join()
        self.consumer.close()


def replay_with_one_worker(corpus: Path, distinct: int, tmp_path: Path, fold_backlog_max: int) -> tuple[list[int], dict[str, list[str]]]:
    """Replay ``corpus`` to one worker on a fresh broker. Returns how many records the fold's input
    held that had not come out as events yet, sampled every 0.2 s until the replay ended and 95 %
    of the events were out, and the entry ids of each topic once no event came for 3 s."""
    tmp_path.mkdir()
    with EmbeddedBroker(log_path=tmp_path / "broker.log") as broker:
        env = {**os.environ, "LIVEBLOG_BROKER": broker.url, "LIVEBLOG_DATA_DIR": str(tmp_path / "state"),
               "LIVEBLOG_WEB_PORT": str(free_port()), "LIVEBLOG_FOLD_BACKLOG_MAX": str(fold_backlog_max)}
        assert run_cli("topics", "create", env=env).returncode == 0
        worker = start_worker(env, tmp_path / "worker.log")
        behind: list[int] = []
        replay = BulkReplay(corpus, env, broker.bootstrap)
        try:
            replay.wait_for_events(distinct, 3, lambda fold_input, events: behind.append(fold_input - events))
            return behind, replay.entry_ids()
        finally:
            replay.close()
            stop(worker, tmp_path / "worker.log")


def test_a_bulk_replay_s_events_come_out_while_its_entries_are_read_and_none_is_lost(tmp_path):
    corpus = tmp_path / "corpus"
    distinct = len({entry.entry_id for entry in make_corpus(corpus, 6_000, 11)})
    unpaced, _ = replay_with_one_worker(corpus, distinct, tmp_path / "unpaced", 0)
    paced, ids = replay_with_one_worker(corpus, distinct, tmp_path / "paced", 200)

    mean = {name: sum(samples) / len(samples) for name, samples in (("unpaced", unpaced), ("paced", paced))}
    print(f"mean records in the fold's input not out as events: {mean}; samples {len(unpaced)}, {len(paced)}")
    assert mean["paced"] < 0.7 * mean["unpaced"]

    # holding the entries back and letting them go again loses and repeats none of them
    forwarded = ids["forwarded"]
    assert set(ids["entries"]) == set(forwarded) and len(forwarded) == len(set(forwarded)) == distinct
    assert sorted(ids["released"] + ids["late"]) == sorted(forwarded)


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
    replay = BulkReplay(corpus, env, broker.bootstrap)
    try:
        deadline = time.monotonic() + 120
        while replay.written(t.WINDOW_INPUT) < 1_000 and time.monotonic() < deadline:
            time.sleep(0.1)
        second = start_worker({**env, "LIVEBLOG_DATA_DIR": str(tmp_path / "state-2"),
                               "LIVEBLOG_WEB_PORT": str(free_port())}, tmp_path / "worker-2.log")
        replay.wait_for_events(distinct, 5)
        ids = replay.entry_ids()
    finally:
        replay.close()
        stop(first, tmp_path / "worker-1.log")
        if second is not None:
            stop(second, tmp_path / "worker-2.log")
    forwarded = set(ids["forwarded"])  # at least once: a rebalance may forward an entry again
    assert set(ids["entries"]) == forwarded and len(forwarded) == distinct
    assert set(ids["released"]) | set(ids["late"]) == forwarded
