"""``liveblog alerts forward``: liveblog.alerts to a webhook in Prometheus Alertmanager's format.

Nothing is lost while the receiver is down: offsets are committed only after the receiver answered
2xx to the batch that holds them, and a failed batch is sent again, whole and in order, with
exponential backoff, never skipped. Delivery is at-least-once: after a crash between delivery and
commit the receiver sees the batch again; the stable ``fingerprint`` of every alert lets it
deduplicate (Alertmanager does).
"""

from __future__ import annotations

import asyncio
import heapq
import logging
import signal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiokafka import AIOKafkaConsumer, ConsumerRecord
from aiokafka.errors import CommitFailedError
from pydantic import ValidationError

from schemas import Alert, format_utc
from streams.fetching import adapt_fetch_wait
from streams.security import aiokafka_kwargs
from streams.settings import Settings
from streams.topics import ALERTS

log = logging.getLogger("liveblog.alerts")
NO_END = "0001-01-01T00:00:00Z"  # Alertmanager's "not resolved yet"


class DeliveryError(RuntimeError):
    """The receiver refused a batch more than ``max_retries`` times; nothing was committed."""


@dataclass
class ForwardStats:
    delivered: int = 0
    batches: int = 0
    failures: int = 0
    skipped: int = 0


def alertmanager_alert(alert: Alert, external_url: str) -> dict[str, Any]:
    return {
        "status": alert.status,
        "labels": {"alertname": alert.rule, "severity": alert.severity, **alert.labels},
        "annotations": {"summary": alert.summary, "event_ids": ",".join(alert.event_ids)},
        "startsAt": format_utc(alert.starts_at),
        "endsAt": format_utc(alert.ends_at) if alert.ends_at else NO_END,
        "generatorURL": f"{external_url.rstrip('/')}/api/alerts" if external_url else "",
        "fingerprint": alert.fingerprint,
    }


def webhook_payload(alerts: Sequence[Alert], *, receiver: str, external_url: str) -> dict[str, Any]:
    """Alertmanager's webhook body (version 4) for one batch; no grouping, so groupKey is ``{}:{}``."""
    items = [alertmanager_alert(a, external_url) for a in alerts]

    def common(field: str) -> dict[str, str]:
        shared = dict(items[0][field])
        for item in items[1:]:
            shared = {k: v for k, v in shared.items() if item[field].get(k) == v}
        return shared

    return {
        "version": "4", "groupKey": "{}:{}", "truncatedAlerts": 0,
        "status": "firing" if any(a.status == "firing" for a in alerts) else "resolved",
        "receiver": receiver, "groupLabels": {}, "commonLabels": common("labels"),
        "commonAnnotations": common("annotations"), "externalURL": external_url, "alerts": items,
    }


async def forward_alerts(settings: Settings, webhook_url: str, *, group_id: str = "liveblog-alerts-forwarder",
                         receiver: str = "liveblog", external_url: str = "", max_batch: int = 100,
                         first_backoff: float = 0.5, max_backoff: float = 30.0, max_retries: int | None = None,
                         request_timeout: float = 10.0, stop_event: asyncio.Event | None = None) -> ForwardStats:
    """Forward until ``stop_event`` is set; raise DeliveryError after ``max_retries`` (None: retry forever)."""
    stop = stop_event or asyncio.Event()
    stats = ForwardStats()
    consumer = AIOKafkaConsumer(
        ALERTS, bootstrap_servers=settings.bootstrap_servers, group_id=group_id, enable_auto_commit=False,
        auto_offset_reset="earliest", session_timeout_ms=int(settings.session_timeout_s * 1000),
        heartbeat_interval_ms=int(min(1.0, settings.session_timeout_s / 3) * 1000),
        rebalance_timeout_ms=int(settings.rebalance_timeout_s * 1000),
        max_poll_interval_ms=3_600_000,  # retrying a batch is not a stuck consumer
        fetch_max_wait_ms=settings.fetch_wait_ms, **aiokafka_kwargs(settings))
    await consumer.start()
    adapt_fetch_wait(consumer, settings.fetch_wait_ms, settings.fetch_wait_max_ms)
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=request_timeout)) as session:
            while not stop.is_set():
                batches = await consumer.getmany(timeout_ms=500, max_records=max_batch)
                if not batches:
                    continue
                alerts = _decode(heapq.merge(*batches.values(), key=lambda r: r.timestamp), stats)
                if alerts:
                    payload = webhook_payload(alerts, receiver=receiver, external_url=external_url)
                    if not await _deliver(session, webhook_url, payload, stats, stop, first_backoff=first_backoff,
                                          max_backoff=max_backoff, max_retries=max_retries):
                        break  # stopped while retrying: nothing committed, the batch comes again
                    stats.delivered += len(alerts)
                    stats.batches += 1
                try:
                    await consumer.commit({tp: records[-1].offset + 1 for tp, records in batches.items()})
                except CommitFailedError as exc:  # partitions moved to another forwarder: it redelivers
                    log.warning("commit failed (%s); the batch will be delivered again", exc)
    finally:
        await consumer.stop()
    return stats


def _decode(records: Iterable[ConsumerRecord], stats: ForwardStats) -> list[Alert]:
    alerts = []
    for record in records:
        try:
            alerts.append(Alert.from_json(record.value))
        except (ValidationError, ValueError, TypeError) as exc:
            stats.skipped += 1
            log.error("skipping %s[%s]@%s: not an Alert (%s)", record.topic, record.partition, record.offset, exc)
    return alerts


async def _deliver(session: aiohttp.ClientSession, url: str, payload: dict[str, Any], stats: ForwardStats,
                   stop: asyncio.Event, *, first_backoff: float, max_backoff: float, max_retries: int | None) -> bool:
    """POST until a 2xx; False if stopped first. Backoff doubles from ``first_backoff`` up to ``max_backoff``."""
    delay = first_backoff
    attempt = 0
    while True:
        try:
            async with session.post(url, json=payload) as response:
                if 200 <= response.status < 300:
                    return True
                problem = f"HTTP {response.status}"
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
            problem = repr(exc)
        stats.failures += 1
        attempt += 1
        if max_retries is not None and attempt > max_retries:
            raise DeliveryError(f"{url}: {problem} after {max_retries} retries; nothing committed")
        log.warning("%s: %s; retry %d in %.1fs (%d alerts kept)", url, problem, attempt, delay, len(payload["alerts"]))
        try:
            await asyncio.wait_for(stop.wait(), delay)
            return False
        except asyncio.TimeoutError:
            delay = min(delay * 2, max_backoff)


def run_forwarder(settings: Settings, webhook_url: str, **options: Any) -> ForwardStats:
    """Run until SIGINT/SIGTERM (the CLI entry point)."""
    logging.basicConfig(level=logging.INFO, format="liveblog alerts: %(message)s")

    async def main() -> ForwardStats:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        log.info("forwarding %s from %s to %s", ALERTS, settings.broker, webhook_url)
        return await forward_alerts(settings, webhook_url, stop_event=stop, **options)

    return asyncio.run(main())
