"""The replay producer: publishes a schedule onto ``liveblog.entries`` at a chosen speed.

Entries are keyed by entry_id with the event time as record timestamp; control records go to every
partition (so every partition's stream time advances) with the ``liveblog-control`` header.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaProducer

from schemas import Entry, ReplayControl
from streams.replay.schedule import Scheduled, replay_schedule
from streams.worker.security import aiokafka_kwargs
from streams.settings import Settings
from streams.worker.topics import CONTROL_HEADER, ENTRIES


@dataclass
class ReplayStats:
    entries: int = 0
    heartbeats: int = 0
    watermarks: int = 0
    seconds: float = 0.0


def pacing(items: Sequence[Scheduled], speed: float, max_wait: float | None) -> list[float]:
    """Wall-clock offset (s) of each item: replay-clock gaps divided by speed.

    ``max_wait`` caps the pause between two consecutive entries (quiet nights, day gaps between
    articles); heartbeats inside a capped gap are spread over the shortened pause. Speed 0 means
    as fast as possible (all offsets 0).
    """
    if speed <= 0 or not items:
        return [0.0] * len(items)
    anchors = [i for i, item in enumerate(items) if item.entry is not None] or [0]
    offsets = [0.0] * len(items)
    wall = 0.0
    for start, end in zip([0, *anchors], [*anchors, len(items) - 1]):
        gap = (items[end].at - items[start].at).total_seconds()
        wall_gap = gap / speed if max_wait is None else min(gap / speed, max_wait)
        scale = wall_gap / gap if gap > 0 else 0.0
        for i in range(start, end + 1):
            offsets[i] = wall + (items[i].at - items[start].at).total_seconds() * scale
        wall += wall_gap
    return offsets


def linger_ms(*, paced: bool) -> int:
    """How long the producer holds a record for more to send with it: a paced replay sends each
    entry as it comes (a live entry paid the 5 ms), one as fast as possible sends full batches."""
    return 0 if paced else 5


async def send_clock(producer: AIOKafkaProducer, partitions: Sequence[int],
                     control: ReplayControl) -> list[asyncio.Future[Any]]:
    """Queue a replay-clock record on every partition of the entries topic (each partition's stream
    time must advance); return the delivery futures."""
    return [
        await producer.send(ENTRIES, control.to_json(), partition=partition,
                            timestamp_ms=int(control.stream_time.timestamp() * 1000),
                            headers=[(CONTROL_HEADER, control.type.encode())])
        for partition in partitions
    ]


async def replay(
    entries: Sequence[Entry],
    settings: Settings,
    *,
    speed: float,
    max_wait: float | None = None,
    on_item: Callable[[Scheduled], None] | None = None,
) -> ReplayStats:
    """Publish ``entries`` (in event-time order) with heartbeats and a final watermark."""
    replay_id = uuid.uuid4().hex[:12]
    paced = speed > 0
    items = list(replay_schedule(entries, settings, replay_id=replay_id, live=paced))
    offsets = pacing(items, speed, max_wait)
    stats = ReplayStats()
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, linger_ms=linger_ms(paced=paced), acks="all",
                                **aiokafka_kwargs(settings))
    await producer.start()
    try:
        partitions = sorted(await producer.partitions_for(ENTRIES))
        started = time.monotonic()
        pending = []
        for item, offset in zip(items, offsets):
            delay = started + offset - time.monotonic()
            if delay > 0:
                await producer.flush()
                await asyncio.sleep(delay)
            if item.entry is not None:
                entry = item.entry
                pending.append(
                    await producer.send(
                        ENTRIES, entry.to_json(), key=entry.entry_id.encode(),
                        timestamp_ms=int(entry.published_at.timestamp() * 1000),
                    )
                )
                stats.entries += 1
            else:
                control = item.control
                assert control is not None
                pending += await send_clock(producer, partitions, control)
                if control.type == "heartbeat":
                    stats.heartbeats += 1
                else:
                    stats.watermarks += 1
            if on_item is not None:
                on_item(item)
            if len(pending) >= 10_000:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
        stats.seconds = time.monotonic() - started
    finally:
        await producer.stop()
    return stats
