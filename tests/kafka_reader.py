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
