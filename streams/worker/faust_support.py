"""Where the worker departs from Faust's defaults, each for a reason seen on the embedded broker:
batches that never make a live record wait, a transport with short fetch waits, flow control that
does not drop queued records after a rebalance, and entries held back while the fold has a backlog
(``streams.worker.pacing``). ``streams.worker.app`` wires them into its agents.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from typing import Any

import aiokafka
import faust
from faust.streams import _current_event
from faust.transport.drivers import aiokafka as faust_aiokafka
from mode.utils.objects import cached_property
from mode.utils.queues import FlowControlEvent

from streams.worker.fetching import adapt_fetch_wait
from streams.worker.pacing import FoldPacing


def act_for(event: faust.EventT) -> None:
    """Make ``event`` the current event, whose partition Faust's table writes and RocksDB reads
    use. A batch is handled after all its events were taken, when the stream's current event is the
    batch's last one (faust-streaming issue #497 is the same trap in ``Stream.take_events``)."""
    _current_event.set(weakref.ref(event))


# Event-loop turns a short batch gives Faust's consumer to hand over the rest of a fetch. It hands
# records over one at a time, each through ``wait_first`` (tasks and ``asyncio.wait``): the next
# record of the same fetch is queued a few turns after the last. With none, a live entry and its
# replay clocks were 3 batches at each agent; 2 turns made most of them one, 4 nearly all.
HANDOVER_TURNS = 6


async def batches(stream: faust.StreamT, max_size: int, *, at_once: int, gap: float,
                  max_wait: float) -> AsyncIterator[list[faust.EventT]]:
    """The stream's events in batches, without making a live record wait. Records that come with
    nothing queued behind them, no more than ``at_once`` of them, are a batch at once: at a live
    rate an entry comes with a replay clock per partition, and is handled as it comes (a batch of
    fewer than ``at_once`` first gives Faust ``HANDOVER_TURNS`` event-loop turns to hand over
    more). Once more queue up (a bulk replay, or while the last batch was handled), the batch
    waits ``gap`` seconds whenever the queue runs dry and goes on if more came; it ends when none
    did, at ``max_size`` records, or ``max_wait`` seconds after its first. (Faust's ``take_events`` waits a fixed time
    instead, which every live record paid at every hop; ending every batch when the queue runs dry
    makes bulk batches small, and the bulk pipeline a third slower.)
    Events are acked only after the caller has handled their batch, as ``take_events`` does, so
    offsets are committed after the work; a batch never waits for a record beyond ``max_wait``, so
    a rebalance, which waits for every held record to be acked, is never kept waiting."""
    stream.enable_acks = False
    queued = stream.channel.queue
    clock = asyncio.get_running_loop().time
    events = aiter(stream)
    batch: list[faust.EventT] = []
    started = 0.0
    turns = 0  # event-loop turns since the batch's last record came
    upcoming = asyncio.ensure_future(anext(events))
    try:
        while True:
            if not batch:
                await asyncio.wait({upcoming})
            elif len(batch) < max_size and not upcoming.done():
                left = started + max_wait - clock()
                wait = left if not queued.empty() else min(gap, left) if len(batch) > at_once else 0.0
                if wait > 0:
                    await asyncio.wait({upcoming}, timeout=wait)
                elif len(batch) < at_once and turns < HANDOVER_TURNS:
                    turns += 1
                    await asyncio.sleep(0)
                    continue
            if upcoming.done() and len(batch) < max_size:
                try:
                    upcoming.result()
                except StopAsyncIteration:
                    break
                if not batch:
                    started = clock()
                batch.append(stream.current_event)  # the stream holds it until the next is taken
                turns = 0
                upcoming = asyncio.ensure_future(anext(events))
                continue
            yield batch
            for event in batch:
                await stream.ack(event)
            batch = []
        if batch:
            yield batch
            for event in batch:
                await stream.ack(event)
    finally:
        upcoming.cancel()


class PacedEntries:
    """Holds this worker's entries partitions back while its fold has a backlog, as
    ``streams.worker.pacing.FoldPacing`` decides. Called after every batch of either stage and from a
    timer. The backlog is the fold partition's high watermark, from the consumer's last fetch of
    it, less the offset after the last record this worker folded; a worker that does not fold
    never holds its entries back. The fold partition is never paused, so a backlog drains.

    The decision is made and applied on the consumer's own thread, where aiokafka keeps the high
    watermarks and the assignment, and sets every assigned entries partition to it, paused or not,
    each time: a pause made for an assignment that a rebalance replaced cannot stay.
    The pause is aiokafka's: it drops what it fetched of the partition and fetches it again on
    resume. Faust's ``pause_partitions`` is not for this: records it had fetched for a partition
    paused meanwhile are skipped, their offsets passed (a replay lost a third of its entries)."""

    def __init__(self, app: faust.App, pacing: FoldPacing, *, entries_topic: str, fold_topic: str) -> None:
        self.app = app
        self.pacing = pacing
        self.entries_topic = entries_topic
        self.fold_topic = fold_topic
        self.fold_next: int | None = None  # offset after the last record this worker folded

    def folded(self, next_offset: int) -> None:
        self.fold_next = next_offset

    def forget(self) -> None:
        """At a rebalance: the fold may move."""
        self.fold_next = None
        self.pacing.reset()

    def pace(self) -> None:
        if not self.pacing.enabled:
            return
        thread = self.app.consumer._thread  # aiokafka's consumer runs on a thread of its own
        if not thread.thread_loop.is_closed():
            thread.thread_loop.call_soon_threadsafe(self._apply, thread, self.fold_next)

    def _apply(self, thread: Any, fold_next: int | None) -> None:
        consumer = thread._consumer
        if consumer is None:
            return
        assigned = consumer.assignment()
        # nothing folded here since the assignment: no backlog known yet (the first batch tells)
        backlog = 0 if fold_next is None else sum(
            max(0, (consumer.highwater(tp) or 0) - fold_next) for tp in assigned if tp.topic == self.fold_topic)
        hold = self.pacing.hold_entries(backlog)
        held = consumer.paused()
        entries = [tp for tp in assigned if tp.topic == self.entries_topic]
        if hold and (stop := [tp for tp in entries if tp not in held]):
            consumer.pause(*stop)
        elif not hold and (go := [tp for tp in entries if tp in held]):
            consumer.resume(*go)


def transport_with_fetch_wait(fetch_wait_ms: int, fetch_wait_max_ms: int) -> type[faust_aiokafka.Transport]:
    """Faust's Kafka transport with the worker consumer's two fetch pauses cut to ``fetch_wait_ms``:
    - the fetch wait, which Faust fixes at 1500 ms: the embedded broker holds a fetch of several
      partitions that long even when data arrives, so every hop of the pipeline took up to 1.5 s;
      it grows up to ``fetch_wait_max_ms`` while a backlog comes back empty (streams.worker.fetching);
    - aiokafka's prefetch backoff (100 ms): while fetched records of one partition wait unread (a
      changelog the worker only reads at recovery), the next fetch from that broker waits too.
    Both are private attributes of aiokafka's consumer; tests/test_app.py checks they take effect."""

    class ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
        def _create_worker_consumer(self, transport: Any) -> aiokafka.AIOKafkaConsumer:
            consumer = super()._create_worker_consumer(transport)
            consumer._fetch_max_wait_ms = fetch_wait_ms  # read when the consumer starts its fetcher
            return consumer

        async def on_start(self) -> None:
            await super().on_start()
            if getattr(self._consumer, "_fetcher", None) is not None:  # a client-only app has none
                self._consumer._fetcher._prefetch_backoff = fetch_wait_ms / 1000
                adapt_fetch_wait(self._consumer, fetch_wait_ms, fetch_wait_max_ms)

    class WaitingConsumer(faust_aiokafka.Consumer):
        def _new_consumer_thread(self) -> ConsumerThread:
            return ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    class Transport(faust_aiokafka.Transport):
        Consumer = WaitingConsumer

    return Transport


class StreamFlowControl(FlowControlEvent):
    """Faust's flow control, except that resuming a flow that is not suspended keeps what the stream
    queues hold. After a rebalance, Faust's recovery resumes the flow to read the changelogs, then
    resumes the stream partitions, seeks them to the committed offsets and resumes the flow again.
    That second resume emptied the queues of the records fetched meanwhile, and the consumer then
    skipped them when the seek fetched them again, as already read: a worker that took over a killed
    worker's partitions lost records (faust-streaming issue #596). What a running flow queued was
    fetched for the current assignment; records of an earlier one are skipped by their generation."""

    def resume(self) -> None:
        if self.is_active():
            return
        super().resume()


class App(faust.App):
    @cached_property
    def flow_control(self) -> FlowControlEvent:
        return StreamFlowControl(loop=self.loop)
