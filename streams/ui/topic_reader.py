"""The one topic reader of the user-facing clients (``tail``, ``watch``, the demo's view and the
worker's dashboard): a plain consumer that assigns itself every partition of the topics (no
consumer group, so it starts at once on any broker and commits nothing), reads compacted topics
from the beginning (their current picture) and others from their last few records, and either
stops at the end or follows.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition

from streams.worker.fetching import adapt_fetch_wait
from streams.worker.security import aiokafka_kwargs
from streams.settings import Settings


@dataclass(frozen=True)
class TopicRecord:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    timestamp_ms: int
    headers: tuple[tuple[str, bytes], ...]


class TopicsMissing(RuntimeError):
    """The topics do not exist (yet) on the broker."""


async def _partitions(consumer: AIOKafkaConsumer, topics: Sequence[str], wait: bool,
                      stop: asyncio.Event) -> list[TopicPartition]:
    """Every partition of ``topics``; with ``wait``, until a worker or `topics create` made them."""
    while True:
        await consumer.topics()  # refreshes metadata, so the partition lists are known
        found = {topic: consumer.partitions_for_topic(topic) for topic in topics}
        if all(found.values()) or stop.is_set():
            return [TopicPartition(topic, p) for topic, parts in found.items() for p in sorted(parts or [])]
        if not wait:
            missing = ", ".join(t for t, parts in found.items() if not parts)
            raise TopicsMissing(f"no such topic on the broker: {missing} (liveblog topics create makes them)")
        await asyncio.sleep(1.0)


async def read_topics(settings: Settings, topics: Sequence[str], *, recent: Mapping[str, int] | None = None,
                      follow: bool = True, stop: asyncio.Event | None = None, quiet_s: float = 1.0,
                      on_lag: Callable[[dict[str, int]], None] | None = None,
                      fetch_wait_ms: int | None = None) -> AsyncIterator[list[TopicRecord]]:
    """Batches of records of ``topics`` in partition order. A topic named in ``recent`` starts at its
    last N records per partition, the others at the beginning. Without ``follow`` the reader stops
    once it reached every partition's end and a fetch of ``quiet_s`` brought nothing more (the
    embedded broker's end offsets can lag its last batch). ``on_lag`` gets the records left to read
    per topic, every second. ``fetch_wait_ms``: how long the broker may hold a fetch (default: the
    workers' wait, for views that follow the pipeline closely)."""
    stop = stop or asyncio.Event()
    wait_ms = fetch_wait_ms or settings.fetch_wait_ms
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False,
                                fetch_max_wait_ms=wait_ms, **aiokafka_kwargs(settings))
    await consumer.start()
    adapt_fetch_wait(consumer, wait_ms, max(wait_ms, settings.fetch_wait_max_ms))
    try:
        partitions = await _partitions(consumer, topics, follow, stop)
        if not partitions:
            return
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        for tp in partitions:
            if recent and tp.topic in recent:
                consumer.seek(tp, max(ends[tp] - recent[tp.topic], 0))
        checked = 0.0
        while not stop.is_set():
            if on_lag is not None and time.monotonic() - checked >= 1.0:
                checked = time.monotonic()
                latest = await consumer.end_offsets(partitions)
                lag = dict.fromkeys(topics, 0)
                for tp in partitions:
                    lag[tp.topic] += max(latest[tp] - await consumer.position(tp), 0)
                on_lag(lag)
            batches = await consumer.getmany(timeout_ms=int(quiet_s * 1000) if not follow else 200)
            records = [TopicRecord(r.topic, r.partition, r.offset, r.key, r.value, r.timestamp,
                                   tuple(r.headers or ()))
                       for tp in sorted(batches, key=lambda t: (t.topic, t.partition)) for r in batches[tp]]
            if records:
                yield records
            elif not follow:
                positions = {tp: await consumer.position(tp) for tp in partitions}
                if all(positions[tp] >= ends[tp] for tp in partitions):
                    return
    finally:
        await consumer.stop()
