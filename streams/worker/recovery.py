"""Correct table recovery on brokers that under-report the high watermark.

Faust recovers a table by reading its changelog up to the high watermark that ListOffsets
("latest") reports. The embedded broker (tansu) answers with the last record *batch*'s base
offset + 1, not the end of the log, whenever the last batch holds several records: Faust then
stops recovery early and silently loses the newest table writes (measured: 16 records, reported
end 12). A Fetch response carries the true high watermark, so each reported value is checked with
one small fetch and the larger of the two is used. On Apache Kafka both agree and the check costs
one fetch per changelog partition at rebalance.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread


async def fetched_highwaters(bootstrap: str, reported: Mapping[Any, int], *, timeout: float = 10.0,
                             **client_options: Any) -> dict[Any, int]:
    """The high watermark of each partition as a Fetch response states it (never below ``reported``)."""
    if not reported:
        return {}
    probe = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, fetch_max_wait_ms=100,
                             **client_options)
    await probe.start()
    try:
        by_tp = {TopicPartition(tp.topic, tp.partition): tp for tp in reported}
        probe.assign(list(by_tp))
        for tp, original in by_tp.items():
            probe.seek(tp, max(reported[original] - 1, 0))
        remaining = set(by_tp)
        deadline = time.monotonic() + timeout
        while remaining and time.monotonic() < deadline:
            await probe.getmany(*remaining, timeout_ms=200, max_records=1)
            remaining = {tp for tp in remaining if probe.highwater(tp) is None}
        return {original: max(reported[original], probe.highwater(tp) or 0) for tp, original in by_tp.items()}
    finally:
        await probe.stop()


_reported_highwaters = AIOKafkaConsumerThread._highwaters


def verify_recovery_highwaters(client_options: Mapping[str, Any] | None = None) -> None:
    """Make Faust's recovery use fetched high watermarks (affects this process only).

    ``client_options`` are extra aiokafka options (security) for the probe consumer.
    """
    options = dict(client_options or {})

    async def verified(self: AIOKafkaConsumerThread, partitions: list[Any]) -> Mapping[Any, int]:
        reported = await _reported_highwaters(self, partitions)
        if self.consumer.in_transaction:
            return reported
        bootstrap = ",".join(f"{url.host}:{url.port or 9092}" for url in self.app.conf.broker_consumer)
        return await fetched_highwaters(bootstrap, reported, **options)

    AIOKafkaConsumerThread._highwaters = verified  # type: ignore[method-assign]
