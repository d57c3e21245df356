"""The Faust application: thin agents that read, call the domain modules, write tables and topics.

    liveblog.entries ──process-entries──► liveblog.internal.window-input (1 partition; replay-clock
       (N partitions)  decode, exact dedup,     records from every source partition too)
                       classify, claims             │
       └─► liveblog.deadletter          fold-tolls-and-windows: release in event-time order,
                                        near-duplicate verdicts, tolls, windows
                                            ──► liveblog.entries.unique, liveblog.events,
                                                liveblog.tolls, liveblog.windows.hourly
                                            └─► liveblog.deadletter (late records)
"""

from __future__ import annotations

import gc
import logging
from typing import Any

import faust

from schemas import ClassifiedEvent, ReplayControl, format_utc
from streams.worker import memory, metrics, topics as t
from streams.fold.aggregate import CLOCKS, Aggregator, stores_in_one
from streams.fold.alerts import AlertEvaluator, load_rules
from streams.dedup.exact import partition_books
from streams.extract.events import warm_up
from streams.worker.faust_support import App, PacedEntries, act_for, batches, transport_with_fetch_wait
from streams.worker.pacing import FoldPacing
from streams.pipeline import BadRecord, EntryStep, FoldStep, Published, classify
from streams.worker.records import dead_letter, decode_entry_record, header
from streams.worker.security import faust_credentials
from streams.settings import Settings
from streams.state.stores import PrefixView, WriteBehind
from streams.ui.dashboard import ReadModel, add_routes, follow_outputs

log = logging.getLogger("liveblog.worker")


def faust_settings(settings: Settings) -> dict[str, Any]:
    """Faust configuration derived from the one settings object."""
    return {
        "broker": settings.broker,
        "broker_credentials": faust_credentials(settings),
        "processing_guarantee": "at_least_once",
        "topic_partitions": settings.partitions,
        "topic_replication_factor": settings.replication_factor,
        "consumer_auto_offset_reset": "earliest",
        "broker_session_timeout": settings.session_timeout_s,
        "broker_heartbeat_interval": min(1.0, settings.session_timeout_s / 3),
        "broker_rebalance_timeout": settings.rebalance_timeout_s,
        "datadir": str(settings.data_dir),
        "store": settings.store,
        "table_standby_replicas": 0,
        "web_enabled": settings.web_enabled,
        "web_bind": settings.web_host,
        "web_host": settings.web_host,
        "web_port": settings.web_port,
        "producer_linger": settings.producer_linger_ms / 1000,
        # What the consumer hands Faust at once, and what an agent's queue holds: a batch. With
        # Faust's defaults (every record fetched; 4,096 per queue) a bulk replay's heap held 158,000
        # decoded records, and the fold's input waited behind thousands of queued entries, which
        # holding the entries back (streams.worker.pacing) cannot recall.
        "broker_max_poll_records": settings.batch_size,
        "stream_buffer_maxsize": settings.batch_size,
    }


def table_options(settings: Settings) -> dict[str, int]:
    """RocksDB options of every table partition, within ``settings.table_memory_mb``."""
    budget = settings.table_memory_mb << 20
    return {"write_buffer_size": budget // 4, "max_write_buffer_number": 2, "block_cache_size": budget // 2}


def _raw_topic(app: faust.App, name: str, partitions: int) -> faust.TopicT:
    return app.topic(
        name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw", partitions=partitions
    )


def create_app(settings: Settings) -> faust.App:
    """The worker's Faust app: its topics and tables, the agents that run the pipeline's steps, and
    the housekeeping timers and tasks."""
    app = App(settings.app_id, **faust_settings(settings))
    app.transport = transport_with_fetch_wait(settings.fetch_wait_ms, settings.fetch_wait_max_ms)(
        app.conf.broker_consumer, app)
    WorkerAgents(app, settings).register()
    return app


class WorkerAgents:
    """What the agents share: topics, tables, the pipeline's steps over them, and the pacing of the
    entries. Each method is one handler; ``register`` wires them to Faust."""

    def __init__(self, app: faust.App, settings: Settings) -> None:
        self.app, self.settings = app, settings
        n, one = settings.partitions, t.AGGREGATE_PARTITIONS
        self.entries = _raw_topic(app, t.ENTRIES, n)
        self.fold_input = _raw_topic(app, t.WINDOW_INPUT, one)
        self.unique = _raw_topic(app, t.UNIQUE, n)
        self.events = _raw_topic(app, t.EVENTS, n)
        self.tolls = _raw_topic(app, t.TOLLS, n)
        self.hourly = _raw_topic(app, t.HOURLY, n)
        self.rolling = _raw_topic(app, t.ROLLING, n)
        self.deadletters = _raw_topic(app, t.DEADLETTER, n)
        self.alerts = _raw_topic(app, t.ALERTS, n)
        self.entry_seen = app.Table(t.TABLE_ENTRY_SEEN, default=None, partitions=n, key_type=str,
                                    options=table_options(settings))
        # A batch's entry-seen writes, per partition (each has its own store and changelog), written
        # after the batch's records were forwarded, each key once (streams.state.stores).
        self.seen_writes: dict[int, WriteBehind] = {}
        # All state of the ordered fold in one table, written after the outputs (streams/state/stores.py).
        self.fold_state = WriteBehind(app.Table(t.TABLE_FOLD, default=None, partitions=one, key_type=str,
                                                options=table_options(settings)), flush_last=CLOCKS)
        self.aggregator = Aggregator(stores_in_one(self.fold_state), sources=n, grace=settings.grace,
                                     allowed_lateness=settings.allowed_lateness, rolling=settings.rolling_windows)
        self.fold = FoldStep(self.aggregator, AlertEvaluator(PrefixView(self.fold_state, "a:"),
                                                             load_rules(settings.alert_rules)))
        self.pacing = PacedEntries(app, FoldPacing(settings.fold_backlog_max), entries_topic=t.ENTRIES,
                                   fold_topic=t.WINDOW_INPUT)
        self.model = ReadModel()
        # a live moment: an entry and a replay clock for each partition (see batches)
        self.batching = {"at_once": settings.partitions + 1, "gap": settings.batch_gap_ms / 1000,
                         "max_wait": settings.batch_wait_ms / 1000}

    def register(self) -> None:
        app, settings = self.app, self.settings
        app.task(self.prepare_for_first_record)
        if settings.release_memory_s:
            app.timer(interval=settings.release_memory_s)(self.release_free_memory)
        app.timer(interval=1.0)(self.pace_entries)
        app.on_partitions_revoked.connect(self.forget_caches)
        if settings.web_enabled:
            add_routes(app, self.model)
            app.task(self.fill_the_dashboard)
        app.agent(self.entries, name="process-entries")(self.process_entries)
        app.agent(self.fold_input, name="fold-tolls-and-windows")(self.fold_tolls_and_windows)

    async def prepare_for_first_record(self) -> None:
        """Load lexicons and compile patterns before the first record; then keep everything made at
        startup out of the garbage collector's full passes, which took 35 ms each (tail latency of
        a live replay)."""
        warm_up()
        gc.collect()
        gc.freeze()

    async def release_free_memory(self) -> None:
        """Freed heap goes back to the OS, or RSS keeps a bulk replay's peak (streams/worker/memory.py)."""
        memory.release_free_memory()

    async def pace_entries(self) -> None:
        """Decide again when no batch comes: entries held back must not wait for a batch."""
        self.pacing.pace()

    async def forget_caches(self, *args: Any, **kwargs: Any) -> None:
        self.seen_writes.clear()  # partitions may move to another worker and back
        self.pacing.forget()
        self.fold_state.forget_cache()
        self.aggregator.forget_derived()  # derived from the table; read again on next use

    async def fill_the_dashboard(self) -> None:
        """The dashboard's picture comes from the output topics, not from this worker's fold."""
        await follow_outputs(self.settings, self.model)

    async def process_entries(self, stream: faust.StreamT) -> None:
        async for batch in batches(stream, self.settings.batch_size, **self.batching):
            await self.process_batch(batch)
            self.pacing.pace()

    async def fold_tolls_and_windows(self, stream: faust.StreamT) -> None:
        async for batch in batches(stream, self.settings.batch_size, **self.batching):
            await self.fold_batch(batch)

    def seen_in(self, partition: int) -> WriteBehind:
        if partition not in self.seen_writes:
            self.seen_writes[partition] = WriteBehind(self.entry_seen, flush_first=partition_books(partition))
        return self.seen_writes[partition]

    def entry_step(self, partition: int) -> EntryStep:
        return EntryStep(self.seen_in(partition), self.settings.exact_dedup_horizon, books=partition_books(partition))

    async def process_entry(self, message: Any, clocks: dict[int, ReplayControl]) -> None:
        record = decode_entry_record(message.value, message.headers, max_bytes=self.settings.max_value_bytes)
        if isinstance(record, ReplayControl):
            newest = clocks.get(message.partition)
            if newest is None or newest.stream_time <= record.stream_time:
                clocks[message.partition] = record
            return
        if not self.entry_step(message.partition).passes(record, f"{message.topic}:{message.partition}:{message.offset}"):
            metrics.duplicate()
            return
        classified = classify(record)
        await self.fold_input.send(key=classified.entry_id.encode(), value=classified.to_json(), partition=0,
                                   headers={t.SOURCE_PARTITION_HEADER: str(message.partition).encode()})

    async def process_batch(self, batch: list[Any]) -> None:
        """Decode, dedup and classify each entry; of the replay-clock records, forward only the
        newest per source partition, after the batch's entries. A clock says only that its
        partition's stream time reached it, so forwarding it later never makes an entry late, and
        the fold then settles once per partition and batch rather than once per heartbeat.
        Then write what the batch saw, and forget the entries its clocks put past the horizon."""
        clocks: dict[int, ReplayControl] = {}
        for event in batch:
            act_for(event)  # the entry-seen table is partitioned like the entries
            await self.guarded(event.message, lambda message: self.process_entry(message, clocks))
        for partition, control in sorted(clocks.items()):
            await self.fold_input.send(value=control.to_json(), partition=0, headers={
                t.CONTROL_HEADER: control.type.encode(), t.SOURCE_PARTITION_HEADER: str(partition).encode()})
        last_of = {event.message.partition: event for event in batch}
        for partition, event in sorted(last_of.items()):
            act_for(event)
            if partition in clocks:
                self.entry_step(partition).clock(clocks[partition].stream_time)
            self.seen_in(partition).flush()

    def fold_record(self, message: Any) -> Published:
        source = int(header(message.headers, t.SOURCE_PARTITION_HEADER) or b"0")
        if header(message.headers, t.CONTROL_HEADER) is not None:
            control = ReplayControl.from_json(message.value)
            return self.fold.clock(message.partition, source, control.stream_time)
        try:
            return self.fold.event(message.partition, source, ClassifiedEvent.from_json(message.value))
        except BadRecord:
            metrics.late()
            raise

    async def publish(self, published: Published) -> None:
        result = published.result
        for entry in result.unique:
            await self.unique.send(key=entry.event_id.encode(), value=entry.to_json())
        for classified in result.events:
            await self.events.send(key=classified.event_id.encode(), value=classified.to_json())
            metrics.event_released(classified.verdict)
        for update in result.tolls:
            await self.tolls.send(key=update.series.encode(), value=update.to_json())
            metrics.toll(update)
        for window in result.windows:
            if window.corrections:
                metrics.window_corrected()
            await self.hourly.send(key=format_utc(window.window_start).encode(), value=window.to_json())
        for window in result.rolling:
            await self.rolling.send(key=format_utc(window.window_end).encode(), value=window.to_json())
        for alert in published.alerts:
            await self.alerts.send(key=alert.fingerprint.encode(), value=alert.to_json())

    async def fold_batch(self, batch: list[Any]) -> None:
        """Fold and publish each record, then write the batch's state once: durable state implies
        durable outputs, and offsets are committed only after this returns."""
        act_for(batch[-1])  # every record of a fold batch comes from the one fold partition
        for event in batch:
            await self.guarded(event.message, self.fold_and_publish)
        self.fold_state.flush()
        self.pacing.folded(batch[-1].message.offset + 1)
        self.pacing.pace()

    async def fold_and_publish(self, message: Any) -> None:
        try:
            await self.publish(self.fold_record(message))
        except BaseException:
            self.fold_state.discard()  # whatever a failed record wrote is not kept,
            self.aggregator.forget_derived()  # nor what was derived from it in memory
            raise
        self.fold_state.keep()

    async def guarded(self, message: Any, handle: Any) -> None:
        """Run ``handle`` on a record; if it fails, the record goes to the dead-letter topic and the
        stream goes on."""
        metrics.record_in(message.topic, message.partition, message.offset)
        try:
            await handle(message)
        except BadRecord as exc:
            metrics.dead_letter("late" if message.topic == t.WINDOW_INPUT else "bad_record")
            await self.send_dead_letter(str(exc), message)
        except Exception as exc:  # one bad record must not stop the stream
            log.exception("unexpected error on %s[%s]@%s", message.topic, message.partition, message.offset)
            metrics.dead_letter("error")
            await self.send_dead_letter(f"unexpected error while processing: {exc!r}", message)

    async def send_dead_letter(self, reason: str, message: Any) -> None:
        letter = dead_letter(
            reason, topic=message.topic, partition=message.partition, offset=message.offset,
            timestamp_ms=int(message.timestamp * 1000) if message.timestamp else None,
            key=message.key, value=message.value,
        )
        log.warning("dead letter %s[%s]@%s: %s", message.topic, message.partition, message.offset, reason)
        await self.deadletters.send(key=message.key, value=letter.to_json())
