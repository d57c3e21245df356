"""The adaptive fetch wait (streams.worker.fetching), on the embedded broker with a partition of many
small batches, as the fold's input is after a long bulk replay."""

from __future__ import annotations

import asyncio
import time

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams.worker.broker import EmbeddedBroker
from streams.worker.fetching import AdaptiveFetchWait, adapt_fetch_wait, next_wait

pytestmark = pytest.mark.slow  # brokers, workers, browsers or real servers: `pytest -m "not slow"` skips them

TOPIC = "many.small.batches"
TP = TopicPartition(TOPIC, 0)


def test_the_wait_doubles_while_a_backlog_keeps_coming_back_empty_and_resets_once_nothing_is_behind():
    limits = {"floor_ms": 10, "ceiling_ms": 300}
    waits = [10]
    for in_a_row in range(1, 9):
        waits.append(next_wait(waits[-1], starved_in_a_row=in_a_row, behind=True, **limits))
    assert waits == [10, 10, 10, 20, 40, 80, 160, 300, 300]  # one empty fetch is a record that came meanwhile
    assert next_wait(160, starved_in_a_row=0, behind=True, **limits) == 160  # reading the backlog: keep the wait
    assert next_wait(160, starved_in_a_row=0, behind=False, **limits) == 10  # caught up: live latency again


async def _write_in_small_batches(bootstrap: str, records: int, per_batch: int) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(TOPIC, 1, 1)])
    finally:
        await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=0)
    await producer.start()
    try:
        for _ in range(records // per_batch):
            await asyncio.gather(*[await producer.send(TOPIC, b"x" * 300, partition=0) for _ in range(per_batch)])
    finally:
        await producer.stop()


async def _read_for(consumer: AIOKafkaConsumer, seconds: float) -> tuple[int, int]:
    """Records read in ``seconds``, and the longest fetch wait seen meanwhile."""
    read, longest, started = 0, 0, time.monotonic()
    while time.monotonic() - started < seconds:
        batches = await consumer.getmany(timeout_ms=200)
        read += sum(len(records) for records in batches.values())
        longest = max(longest, consumer._fetcher._fetch_max_wait_ms)
    return read, longest


async def _consumer(bootstrap: str, *, adaptive: bool) -> AIOKafkaConsumer:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, fetch_max_wait_ms=10)
    await consumer.start()
    if adaptive:
        adapt_fetch_wait(consumer, 10, 2000)
    consumer.assign([TP])
    consumer.seek(TP, 1000)
    return consumer


@pytest.mark.broker
async def test_a_partition_of_many_small_batches_is_read_with_a_grown_wait(broker: EmbeddedBroker):
    bootstrap = broker.url.removeprefix("kafka://")
    await _write_in_small_batches(bootstrap, 250_000, 5)
    fixed = await _consumer(bootstrap, adaptive=False)
    try:
        read_at_10_ms, _ = await _read_for(fixed, 3)
    finally:
        await fixed.stop()
    adaptive = await _consumer(bootstrap, adaptive=True)
    try:
        assert isinstance(adaptive._fetcher._proc_fetch_request, AdaptiveFetchWait)
        read_adaptive, grown = await _read_for(adaptive, 6)
        await adaptive.seek_to_end(TP)
        await _read_for(adaptive, 1)  # caught up: nothing is behind
        caught_up = adaptive._fetcher._fetch_max_wait_ms
    finally:
        await adaptive.stop()
    # the broker's limit this works around: if a 10 ms wait reads this partition, it may be gone
    assert read_at_10_ms < 1000, f"a fixed 10 ms wait read {read_at_10_ms} records"
    assert read_adaptive >= 10_000 and grown > 10 and caught_up == 10
