"""How the worker's agents group a stream's records into batches (streams.worker.faust_support.batches), on a Faust
in-memory channel: no broker is needed to see when a batch ends."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import faust
import pytest

from streams.worker.faust_support import HANDOVER_TURNS, batches

LONG = 30.0  # seconds; a batch that waited this long would fail the test by its timeout


@pytest.fixture
async def channel() -> AsyncIterator[faust.ChannelT]:
    app = faust.App("test-batches", broker="kafka://127.0.0.1:1", store="memory://")
    app.flow_control.resume()  # a started worker does this; a channel's put waits for it
    yield app.channel()


async def put(channel: faust.ChannelT, *values: int) -> None:
    for value in values:
        await channel.send(value=value)


async def next_batch(taken: AsyncIterator[list[faust.EventT]]) -> list[int]:
    return [event.value for event in await asyncio.wait_for(anext(taken), timeout=5)]


async def test_records_that_come_at_once_are_a_batch_at_once(channel):
    """At a live rate nothing waits to fill a batch, however long the gap and the wait are."""
    taken = batches(channel.app.stream(channel), 500, at_once=2, gap=LONG, max_wait=LONG)
    await put(channel, 1)
    assert await next_batch(taken) == [1]
    await put(channel, 2, 3)
    assert await next_batch(taken) == [2, 3]


async def test_records_handed_over_a_few_loop_turns_apart_are_one_batch(channel):
    """Faust's consumer hands a fetch's records over one at a time, each a few event-loop turns
    after the last: a live entry and its replay clocks are still one batch, and a batch of fewer
    than ``at_once`` records ends once nothing more comes."""
    taken = batches(channel.app.stream(channel), 500, at_once=5, gap=LONG, max_wait=LONG)
    first = asyncio.ensure_future(next_batch(taken))
    await asyncio.sleep(0.05)  # the agent waits for a record, as between two live moments
    for value in range(5):
        await put(channel, value)
        for _ in range(HANDOVER_TURNS - 2):
            await asyncio.sleep(0)
    assert await first == [0, 1, 2, 3, 4]
    second = asyncio.ensure_future(next_batch(taken))
    await put(channel, 5, 6)
    assert await second == [5, 6]


async def test_queued_records_come_together_up_to_the_batch_size(channel):
    taken = batches(channel.app.stream(channel), 3, at_once=1, gap=0.0, max_wait=LONG)
    await put(channel, *range(7))
    assert [await next_batch(taken) for _ in range(3)] == [[0, 1, 2], [3, 4, 5], [6]]


async def test_a_batch_that_has_begun_waits_the_gap_for_the_next_record(channel):
    taken = batches(channel.app.stream(channel), 500, at_once=1, gap=LONG, max_wait=0.5)
    await put(channel, 1, 2)
    first = asyncio.ensure_future(next_batch(taken))
    await asyncio.sleep(0.05)
    await put(channel, 3)
    assert await first == [1, 2, 3]


async def test_without_a_gap_a_batch_ends_when_the_queue_runs_dry(channel):
    taken = batches(channel.app.stream(channel), 500, at_once=1, gap=0.0, max_wait=LONG)
    await put(channel, 1, 2)
    assert await next_batch(taken) == [1, 2]


async def test_a_batch_waits_no_longer_than_the_max_wait_after_its_first_record(channel):
    taken = batches(channel.app.stream(channel), 500, at_once=1, gap=LONG, max_wait=0.05)
    await put(channel, 1, 2)
    assert await next_batch(taken) == [1, 2]


async def test_events_are_acked_only_after_their_batch_was_handled(channel):
    """Offsets are committed after the work: a crash while a batch is handled redelivers it."""
    taken = batches(channel.app.stream(channel), 500, at_once=1, gap=0.0, max_wait=LONG)
    await put(channel, 1, 2)
    batch = await asyncio.wait_for(anext(taken), timeout=5)
    assert not any(event.message.acked for event in batch)
    await put(channel, 3)
    await next_batch(taken)
    assert all(event.message.acked for event in batch)


async def test_a_held_batch_ends_by_the_max_wait_when_a_rebalance_empties_the_queue(channel):
    """A rebalance empties the stream queues and then waits for every held record to be acked: a
    batch that waited for a next record without limit kept the rebalance waiting for ever."""
    app, loop = channel.app, asyncio.get_running_loop()

    def revoke() -> None:  # what Faust's partition-revoke handler does before it waits for acks
        app.flow_control.suspend()
        app.flow_control.clear()

    def revoke_after_the_first(value: int) -> int:
        if value == 1:
            loop.call_soon(revoke)  # runs at the stream's next pause, with records still queued
        return value

    stream = app.stream(channel)
    stream.add_processor(revoke_after_the_first)
    taken = batches(stream, 500, at_once=1, gap=0.005, max_wait=0.05)
    await put(channel, 1, 2, 3)
    assert await next_batch(taken) == [1]
