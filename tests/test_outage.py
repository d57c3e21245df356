"""The broker becomes unreachable mid-run and comes back with its data (as an Apache Kafka broker
does after a restart): the worker reports the outage, reconnects and goes on without loss.

The embedded broker keeps its data in memory, so restarting it would empty it; the outage is made
with a TCP proxy in front of it instead (loopback only), which the broker advertises."""

from __future__ import annotations

import asyncio
import os
import threading
import time

from streams.worker.broker import EmbeddedBroker, free_port
from tests.conftest import SEED_004, run_cli, start_worker, stop
from tests.kafka_reader import read_topic
from tests.test_faults import latest_finals, reference_finals
import pytest

pytestmark = pytest.mark.slow  # brokers, workers, browsers or real servers: `pytest -m "not slow"` skips them


class OutageProxy:
    """A TCP forwarder that can be cut (listener closed, connections dropped) and restored."""

    def __init__(self, upstream_port: int) -> None:
        self.port, self.upstream_port = free_port(), upstream_port
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.server: asyncio.base_events.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        self.writers |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))

    def _call(self, coro) -> object:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(10)

    def restore(self) -> None:
        async def start() -> None:
            self.server = await asyncio.start_server(self._handle, "127.0.0.1", self.port, reuse_address=True)
        self._call(start())

    def cut(self) -> None:
        async def close() -> None:
            assert self.server is not None
            self.server.close()
            for writer in self.writers:
                writer.transport.abort()
            self.writers.clear()
        self._call(close())

    def __enter__(self) -> "OutageProxy":
        self.thread.start()
        self.restore()
        return self

    def __exit__(self, *exc: object) -> None:
        self.cut()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


def test_worker_survives_a_broker_outage_mid_replay(tmp_path):
    expected = reference_finals(str(SEED_004))
    broker_port = free_port()
    with OutageProxy(broker_port) as proxy, \
            EmbeddedBroker(port=broker_port, advertised_port=proxy.port, log_path=tmp_path / "broker.log") as broker:
        env = {**os.environ, "LIVEBLOG_BROKER": broker.url, "LIVEBLOG_DATA_DIR": str(tmp_path / "state"),
               "LIVEBLOG_WEB_PORT": str(free_port()), "LIVEBLOG_LOG_LEVEL": "INFO"}
        log = tmp_path / "worker.log"
        worker = start_worker(env, log)
        try:
            half = run_cli("replay", str(SEED_004), "--speed", "0", env=env)
            assert half.returncode == 0, half.stderr
            read_topic(broker.bootstrap, "liveblog.windows.hourly", until=lambda rs: len(latest_finals(rs)) == 14)
            proxy.cut()
            time.sleep(8)
            assert worker.poll() is None, "the worker must not exit during an outage"
            proxy.restore()
            time.sleep(2)
            # after the outage: the same file again (all duplicates) and the next day's blog
            next_day = tmp_path / "next-day.txt"
            next_day.write_text("Live\n\n10:05 GMT – Talks resume in Moscow\n\nBoth foreign ministers arrived.\n")
            for args in ((str(SEED_004),), (str(next_day), "--date", "2020-09-29", "--source", "Desk")):
                replayed = run_cli("replay", *args, "--speed", "0", env=env)
                assert replayed.returncode == 0, replayed.stderr
            hourly = read_topic(broker.bootstrap, "liveblog.windows.hourly",
                                until=lambda rs: "2020-09-29T10:00:00Z" in latest_finals(rs), timeout=90)
            finals = latest_finals(hourly)
            assert finals.pop("2020-09-29T10:00:00Z")["events"] == 1  # processed after the outage
            assert finals == expected  # nothing lost, nothing doubled
            unique = read_topic(broker.bootstrap, "liveblog.entries.unique", until=lambda rs: False, timeout=3)
            assert len(unique) == 26
            text = log.read_text(errors="replace")
            assert "Unable connect to node" in text or "KafkaConnectionError" in text  # the outage was reported
            assert worker.poll() is None
            processed_after = text.count("Joined group")
            assert processed_after >= 1
        finally:
            stop(worker, log)
