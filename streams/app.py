"""The Faust application: thin agents that read, call the domain modules, write tables and topics.

    liveblog.entries ──process_entries──► liveblog.entries.unique
          │  (decode, exact dedup)   └──► liveblog.internal.window-input (key = hour start;
          │                               replay-clock records broadcast to every partition)
          └─► liveblog.deadletter         │
                                   aggregate_windows ──► liveblog.windows.hourly
                                          └─► liveblog.deadletter (late records)
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import faust
import orjson

from schemas import ReplayControl, UniqueEntry, format_utc
from streams import topics as t
from streams.dedup import as_unique, first_sighting
from streams.records import BadRecord, dead_letter, decode_entry_record, header
from streams.settings import Settings
from streams.windows import EventTimeWindows, parse_utc, window_starts, HOUR

log = logging.getLogger("liveblog.worker")


def faust_settings(settings: Settings) -> dict[str, Any]:
    """Faust configuration derived from the one settings object."""
    return {
        "broker": settings.broker,
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
        "producer_linger": 0.005,
    }


def _raw_topic(app: faust.App, name: str, partitions: int) -> faust.TopicT:
    return app.topic(
        name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw", partitions=partitions
    )


def create_app(settings: Settings) -> faust.App:
    app = faust.App(settings.app_id, **faust_settings(settings))
    n = settings.partitions
    entries = _raw_topic(app, t.ENTRIES, n)
    window_input = _raw_topic(app, t.WINDOW_INPUT, n)
    unique = _raw_topic(app, t.UNIQUE, n)
    hourly = _raw_topic(app, t.HOURLY, n)
    deadletters = _raw_topic(app, t.DEADLETTER, n)

    entry_seen = app.Table(t.TABLE_ENTRY_SEEN, default=None, partitions=n, key_type=str)
    hour_windows = app.Table(t.TABLE_WINDOWS, default=None, partitions=n, key_type=str)
    stream_clocks = app.Table(t.TABLE_CLOCKS, default=None, partitions=n, key_type=str)
    windows = EventTimeWindows(
        hour_windows, stream_clocks, sources=n, grace=timedelta(seconds=settings.grace_seconds)
    )

    async def send_dead_letter(reason: str, message: Any) -> None:
        letter = dead_letter(
            reason, topic=message.topic, partition=message.partition, offset=message.offset,
            timestamp_ms=int(message.timestamp * 1000) if message.timestamp else None,
            key=message.key, value=message.value,
        )
        log.warning("dead letter %s[%s]@%s: %s", message.topic, message.partition, message.offset, reason)
        await deadletters.send(key=message.key, value=letter.to_json())

    @app.agent(entries, name="process-entries")
    async def process_entries(stream: faust.StreamT) -> None:
        async for event in stream.events():
            message = event.message
            try:
                record = decode_entry_record(message.value, message.headers, max_bytes=settings.max_value_bytes)
            except BadRecord as exc:
                await send_dead_letter(str(exc), message)
                continue
            source = str(message.partition).encode()
            if isinstance(record, ReplayControl):
                for partition in range(n):
                    await window_input.send(
                        value=record.to_json(), partition=partition,
                        headers={t.CONTROL_HEADER: record.type.encode(), t.SOURCE_PARTITION_HEADER: source},
                    )
                continue
            position = f"{message.topic}:{message.partition}:{message.offset}"
            if not first_sighting(entry_seen, record.entry_id, position):
                continue
            unique_entry = as_unique(record)
            await unique.send(key=unique_entry.event_id.encode(), value=unique_entry.to_json())
            await window_input.send(
                key=format_utc(window_starts(record.published_at, HOUR, HOUR)[0]).encode(),
                value=window_input_value(unique_entry),
                headers={t.SOURCE_PARTITION_HEADER: source},
            )

    @app.agent(window_input, name="aggregate-windows")
    async def aggregate_windows(stream: faust.StreamT) -> None:
        async for event in stream.events():
            message = event.message
            source = int(header(message.headers, t.SOURCE_PARTITION_HEADER) or b"0")
            data = orjson.loads(message.value)
            if header(message.headers, t.CONTROL_HEADER) is not None:
                updates = windows.on_clock(message.partition, source, parse_utc(data["stream_time"]))
            else:
                result = windows.on_event(
                    message.partition, source, data["event_id"], parse_utc(data["published_at"]),
                    data["contribution"],
                )
                if result.late:
                    await send_dead_letter(result.late_reason, message)
                updates = result.updates
            for window in updates:
                await hourly.send(key=format_utc(window.window_start).encode(), value=window.to_json())

    return app


def window_input_value(event: UniqueEntry) -> bytes:
    """What the window aggregator needs of an event: its id, event time and contribution."""
    return orjson.dumps(
        {"event_id": event.event_id, "published_at": format_utc(event.published_at), "contribution": {}}
    )
