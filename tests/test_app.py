"""The worker's Faust application as configured, before it runs."""

from __future__ import annotations

import pytest

from streams.worker.app import create_app
from streams.worker.broker import EmbeddedBroker
from streams.worker.fetching import AdaptiveFetchWait
from streams.settings import Settings


async def test_worker_consumer_fetch_wait_comes_from_settings():
    """Faust fixes the fetch wait at 1500 ms; on the embedded broker that was the delay of every hop."""
    app = create_app(Settings(fetch_wait_ms=7))
    consumer = app.consumer._thread._create_worker_consumer(app.transport)
    assert consumer._fetch_max_wait_ms == 7


@pytest.mark.broker
async def test_worker_consumer_fetcher_waits_at_most_the_fetch_wait(broker: EmbeddedBroker):
    """The started consumer's fetcher: the fetch wait, and unread records of one partition hold
    back the next fetch for at most as long (aiokafka's default is 100 ms)."""
    app = create_app(Settings(broker=broker.url, fetch_wait_ms=7, fetch_wait_max_ms=900))
    thread = app.consumer._thread
    await thread.on_start()
    try:
        fetcher = thread._consumer._fetcher
        assert fetcher._fetch_max_wait_ms == 7
        assert fetcher._prefetch_backoff == pytest.approx(0.007)
        adaptive = fetcher._proc_fetch_request  # the wait grows on a backlog the broker is slow to read
        assert isinstance(adaptive, AdaptiveFetchWait) and (adaptive.floor_ms, adaptive.ceiling_ms) == (7, 900)
    finally:
        await thread._consumer.stop()


def test_table_stores_get_the_memory_budget_from_settings(tmp_path):
    """Faust's RocksDB defaults (three 64 MB write buffers, a 2 GB block cache) made RSS grow on long replays."""
    app = create_app(Settings(table_memory_mb=16, data_dir=tmp_path))
    assert len(app.tables) == 2
    for table in app.tables.values():
        options = table.data.rocksdb_options
        assert (options.write_buffer_size, options.max_write_buffer_number, options.block_cache_size) == (
            4 << 20, 2, 8 << 20), table.name


async def test_resuming_a_running_flow_keeps_the_records_the_stream_queues_hold(tmp_path):
    """Faust's recovery resumes the flow twice after a rebalance (changelogs, then the stream partitions
    it has just resumed and seeks); the second resume emptied the stream queues, and the records in
    them were lost: the seek's refetch skips them as already read (faust-streaming issue #596).
    A resume after a suspension (a rebalance starting) still empties them, as Faust intends."""
    app = create_app(Settings(data_dir=tmp_path))
    queue = app.FlowControlQueue(maxsize=10, clear_on_resume=True)  # as Faust makes every stream channel's queue
    app.flow_control.resume()  # recovery reads the changelogs
    queue.put_nowait("entry fetched after the stream partitions were resumed")
    app.flow_control.resume()  # recovery done: the streams start
    assert queue.qsize() == 1
    app.flow_control.suspend()  # the next rebalance
    app.flow_control.resume()
    assert queue.qsize() == 0


def test_the_worker_hands_freed_memory_back_on_a_timer_unless_told_not_to(tmp_path):
    """RSS followed a bulk replay's highest use until the worker trimmed the heap (streams/worker/memory.py)."""
    def tasks(seconds: float) -> list[str]:
        app = create_app(Settings(data_dir=tmp_path, release_memory_s=seconds, web_enabled=False))
        return [task.__name__ for task in app._app_tasks]

    assert "release_free_memory" in tasks(30)
    assert "release_free_memory" not in tasks(0)


async def test_the_worker_producer_sends_at_once_unless_told_to_linger():
    """A lingering producer held every live record at each hop: 5 ms made the live p50 32-41 ms
    against 22-30 without (README, Latency)."""
    for linger_ms in (0, 5):
        producer = create_app(Settings(producer_linger_ms=linger_ms)).producer._new_producer()
        try:
            assert producer._message_accumulator._linger_time == linger_ms / 1000
        finally:
            await producer.stop()
