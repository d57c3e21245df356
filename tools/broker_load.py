"""How the embedded broker's own work grows with the records it holds, without the pipeline.

A plain aiokafka producer sends a ping to one partition ``--rate`` times a second, each with
``--background`` records spread over the 4 partitions of a topic nobody reads; a consumer reads the
pings (fetch wait 10 ms, as the worker's). For each sixth of the run it prints the ping latency
(send to read) and the broker's share of a core. tansu's memory storage lists every batch a
partition holds on each fetch that finds new data there, so both rise as the run goes on.

    python3 tools/broker_load.py [--seconds 120] [--rate 50] [--background 20]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer  # noqa: E402
from aiokafka.admin import AIOKafkaAdminClient, NewTopic  # noqa: E402

from streams.tools.bench import CpuShares, percentiles  # noqa: E402
from streams.worker.broker import EmbeddedBroker  # noqa: E402

PARTS = 6


async def measure(broker: EmbeddedBroker, seconds: float, rate: float, background: int) -> list[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=broker.bootstrap)
    await admin.start()
    await admin.create_topics([NewTopic("ping", 1, 1), NewTopic("background", 4, 1)])
    await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap, linger_ms=0)
    consumer = AIOKafkaConsumer("ping", bootstrap_servers=broker.bootstrap, fetch_max_wait_ms=10,
                                auto_offset_reset="earliest")
    await producer.start()
    await consumer.start()
    latencies: list[tuple[float, float]] = []

    async def read() -> None:
        async for record in consumer:
            sent = float(record.value[:20])
            latencies.append((sent, (time.time() - sent) * 1000))

    reader = asyncio.create_task(read())
    assert broker.pid is not None
    cpu = CpuShares({"broker": broker.pid})
    payload = b"x" * 1000
    started, sends = time.time(), 0
    try:
        while (elapsed := time.time() - started) < seconds:
            if sends == 0 or elapsed >= len(cpu.marks) * seconds / PARTS:
                cpu.mark()
            await producer.send("ping", f"{time.time():<20}".encode() + payload)
            for n in range(background):
                await producer.send("background", payload, partition=n % 4)
            sends += 1
            await asyncio.sleep(max(0.0, started + sends / rate - time.time()))
        cpu.mark()
        await producer.flush()
        await asyncio.sleep(1)
    finally:
        reader.cancel()
        await producer.stop()
        await consumer.stop()
    lines = []
    for part, share in enumerate(cpu.shares()["broker"]):
        low, high = started + part * seconds / PARTS, started + (part + 1) * seconds / PARTS
        got = percentiles([ms for sent, ms in latencies if low <= sent < high])
        lines.append(f"sixth {part + 1}: {got.get('n', 0)} pings, p50 {got.get('p50', 0):.1f} ms, "
                     f"p99 {got.get('p99', 0):.1f} ms, broker {share:.0%} of a core")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--rate", type=float, default=50.0, help="pings per second")
    parser.add_argument("--background", type=int, default=20, help="records sent with each ping, unread")
    args = parser.parse_args()
    with EmbeddedBroker() as broker:
        for line in asyncio.run(measure(broker, args.seconds, args.rate, args.background)):
            print(line)


if __name__ == "__main__":
    main()
