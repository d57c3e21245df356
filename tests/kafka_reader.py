"""An independent reader of output topics: confluent-kafka (librdkafka), not the project's code."""

from __future__ import annotations

import time
from collections.abc import Callable

import orjson
from confluent_kafka import Consumer, TopicPartition


def read_topic(bootstrap: str, topic: str, *, until: Callable[[list[dict]], bool], timeout: float = 90.0,
               settle: float = 2.0) -> list[dict]:
    """Read every record of ``topic`` from the beginning until ``until(records)`` holds (then read
    ``settle`` seconds more, so that extra records would be seen), or until ``timeout``."""
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "independent-test-reader",
                         "enable.auto.commit": False, "auto.offset.reset": "earliest"})
    try:
        metadata = consumer.list_topics(topic, timeout=10)
        partitions = sorted(metadata.topics[topic].partitions)
        consumer.assign([TopicPartition(topic, p, 0) for p in partitions])
        records: list[dict] = []
        deadline = time.monotonic() + timeout
        done_at = None
        while time.monotonic() < deadline:
            message = consumer.poll(0.2)
            if message is not None and message.error() is None:
                records.append({"key": message.key(), "partition": message.partition(),
                                "offset": message.offset(), "headers": message.headers(),
                                "value": orjson.loads(message.value())})
            if done_at is None and until(records):
                done_at = time.monotonic()
            if done_at is not None and time.monotonic() - done_at >= settle:
                break
        return records
    finally:
        consumer.close()



def written(consumer: Consumer, topic: str) -> int:
    """Records written to ``topic`` so far: the sum of its partitions' high watermarks (0 before it exists)."""
    metadata = consumer.list_topics(topic, timeout=10).topics.get(topic)
    if metadata is None or metadata.error is not None:
        return 0
    return sum(consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=10)[1] for p in metadata.partitions)


def raw_records(bootstrap: str, topic: str, *, timeout: float = 5.0) -> list[tuple[int, int, bytes, bytes]]:
    """Every record of ``topic`` as (partition, offset, key, value) bytes, tombstones included."""
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "independent-test-tracer",
                         "enable.auto.commit": False, "auto.offset.reset": "earliest"})
    found = []
    try:
        metadata = consumer.list_topics(topic, timeout=10)
        if topic not in metadata.topics:
            return []
        consumer.assign([TopicPartition(topic, p, 0) for p in sorted(metadata.topics[topic].partitions)])
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = consumer.poll(0.2)
            if message is not None and message.error() is None:
                found.append((message.partition(), message.offset(), message.key() or b"", message.value() or b""))
        return found
    finally:
        consumer.close()


def committed_offsets(bootstrap: str, group: str, topic: str) -> dict[int, int]:
    """The offsets ``group`` committed on each partition of ``topic``."""
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": group, "enable.auto.commit": False})
    try:
        partitions = sorted(consumer.list_topics(topic, timeout=10).topics[topic].partitions)
        return {tp.partition: tp.offset for tp in consumer.committed([TopicPartition(topic, p) for p in partitions],
                                                                       timeout=10)}
    finally:
        consumer.close()


def records_mentioning(bootstrap: str, topic: str, needles: list[str], *, timeout: float = 5.0) -> list[str]:
    """Where ``topic`` holds records whose key or value contains one of ``needles``, as
    ``topic[partition]@offset key`` lines, for failure messages that trace a record's path."""
    return [f"{topic}[{partition}]@{offset} {key[:60]!r}" for partition, offset, key, value
            in raw_records(bootstrap, topic, timeout=timeout)
            if any(needle.encode() in key + b" " + value for needle in needles)]
