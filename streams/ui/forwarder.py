"""``liveblog alerts forward``: liveblog.alerts to Prometheus Alertmanager's API, and/or to a webhook
that takes Alertmanager's webhook payload (Grafana OnCall, chat and paging adapters).

Nothing is lost while a receiver is down: offsets are committed only after every receiver answered
2xx to the batch that holds them, and a failed batch is sent again, whole and in order, with
exponential backoff, never skipped. Delivery is at-least-once: after a crash between delivery and
commit a receiver sees the batch again; the stable ``fingerprint`` of every alert lets it
deduplicate (Alertmanager does, by labels).

Alertmanager resolves an alert by itself when nobody re-sends it within its ``resolve_timeout`` (as
Prometheus re-sends firing alerts at every evaluation). The forwarder keeps the firing alerts, read
from the compacted topic when it starts (so a restart knows them), and re-sends them to Alertmanager
every ``resend_interval`` until they resolve; a resolved alert goes with its ``endsAt``.
"""

from __future__ import annotations

import asyncio
import heapq
import logging
import signal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import aiohttp
from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError
from pydantic import ValidationError

from schemas import Alert, format_utc
from streams.worker.fetching import adapt_fetch_wait
from streams.worker.security import aiokafka_kwargs
from streams.settings import Settings
from streams.worker.topics import ALERTS

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
    resent: int = 0  # firing alerts re-sent to Alertmanager to keep them active


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


class Receiver(Protocol):
    """Where alerts go: ``body`` is what one POST of ``alerts`` carries."""

    url: str
    name: str
    keeps_alive: bool  # firing alerts must be re-sent to stay active

    def body(self, alerts: Sequence[Alert]) -> Any: ...


@dataclass(frozen=True)
class WebhookReceiver:
    """A receiver of Alertmanager's webhook payload (version 4), each change once."""

    url: str
    receiver: str = "liveblog"
    external_url: str = ""
    name: str = "webhook"
    keeps_alive: bool = False

    def body(self, alerts: Sequence[Alert]) -> dict[str, Any]:
        return webhook_payload(alerts, receiver=self.receiver, external_url=self.external_url)


def alertmanager_api_alert(alert: Alert, external_url: str) -> dict[str, Any]:
    """One alert as Alertmanager's ``POST /api/v2/alerts`` takes it. A firing alert has no endsAt, so
    Alertmanager keeps it for its resolve timeout after each receipt; a resolved one ends when it did."""
    body: dict[str, Any] = {
        "labels": {"alertname": alert.rule, "severity": alert.severity, **alert.labels},
        "annotations": {"summary": alert.summary, "event_ids": ",".join(alert.event_ids),
                        **({"dashboard": external_url} if external_url else {})},
        "startsAt": format_utc(alert.starts_at),
    }
    if alert.status == "resolved":
        body["endsAt"] = format_utc(alert.ends_at or alert.starts_at)
    if external_url:
        body["generatorURL"] = f"{external_url.rstrip('/')}/api/alerts"
    return body


@dataclass(frozen=True)
class AlertmanagerReceiver:
    """An Alertmanager, through its API v2."""

    base_url: str
    external_url: str = ""
    name: str = "alertmanager"
    keeps_alive: bool = True

    @property
    def url(self) -> str:
        return f"{self.base_url.rstrip('/')}/api/v2/alerts"

    def body(self, alerts: Sequence[Alert]) -> list[dict[str, Any]]:
        return [alertmanager_api_alert(a, self.external_url) for a in alerts]


@dataclass
class ActiveAlerts:
    """The latest state of every alert, by fingerprint: what is firing now."""

    latest: dict[str, Alert] = field(default_factory=dict)

    def update(self, alerts: Iterable[Alert]) -> None:
        for alert in alerts:
            self.latest[alert.fingerprint] = alert

    def firing(self) -> list[Alert]:
        return [a for a in self.latest.values() if a.status == "firing"]


async def read_active(settings: Settings) -> ActiveAlerts:
    """Every alert's latest state from the compacted topic, read from the start without a group."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False,
                                fetch_max_wait_ms=settings.fetch_wait_ms, **aiokafka_kwargs(settings))
    await consumer.start()
    active = ActiveAlerts()
    try:
        partitions = [TopicPartition(ALERTS, p) for p in sorted(await _partitions(consumer))]
        if not partitions:
            return active
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        stats = ForwardStats()
        while [tp for tp, end in ends.items() if await consumer.position(tp) < end]:
            batches = await consumer.getmany(timeout_ms=500)
            active.update(_decode(heapq.merge(*batches.values(), key=lambda r: r.timestamp), stats))
    finally:
        await consumer.stop()
    return active


async def _partitions(consumer: AIOKafkaConsumer) -> set[int]:
    await consumer.topics()
    return consumer.partitions_for_topic(ALERTS) or set()


async def forward_alerts(settings: Settings, receivers: Sequence[Receiver] | str, *,
                         group_id: str = "liveblog-alerts-forwarder", max_batch: int = 100,
                         first_backoff: float = 0.5, max_backoff: float = 30.0, max_retries: int | None = None,
                         request_timeout: float = 10.0, resend_interval: float = 60.0,
                         stop_event: asyncio.Event | None = None) -> ForwardStats:
    """Forward until ``stop_event`` is set; raise DeliveryError after ``max_retries`` (None: retry forever).
    ``receivers`` may be a webhook URL alone."""
    if isinstance(receivers, str):
        receivers = [WebhookReceiver(receivers)]
    stop = stop_event or asyncio.Event()
    stats = ForwardStats()
    alive = [r for r in receivers if r.keeps_alive]
    active = await read_active(settings) if alive else ActiveAlerts()
    options = {"first_backoff": first_backoff, "max_backoff": max_backoff, "max_retries": max_retries}
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=request_timeout)) as session:
        # before joining the group, which can take seconds: Alertmanager must not resolve them meanwhile
        keeping = asyncio.create_task(_keep_alive(session, alive, active, stats, stop, resend_interval))
        consumer = AIOKafkaConsumer(
            ALERTS, bootstrap_servers=settings.bootstrap_servers, group_id=group_id, enable_auto_commit=False,
            auto_offset_reset="earliest", session_timeout_ms=int(settings.session_timeout_s * 1000),
            heartbeat_interval_ms=int(min(1.0, settings.session_timeout_s / 3) * 1000),
            rebalance_timeout_ms=int(settings.rebalance_timeout_s * 1000),
            max_poll_interval_ms=3_600_000,  # retrying a batch is not a stuck consumer
            fetch_max_wait_ms=settings.fetch_wait_ms, **aiokafka_kwargs(settings))
        try:
            await consumer.start()
            adapt_fetch_wait(consumer, settings.fetch_wait_ms, settings.fetch_wait_max_ms)
            await _forward(consumer, session, receivers, active, stats, stop, max_batch, options)
        finally:
            keeping.cancel()
            await consumer.stop()
    return stats


async def _keep_alive(session: aiohttp.ClientSession, receivers: Sequence[Receiver], active: ActiveAlerts,
                      stats: ForwardStats, stop: asyncio.Event, interval: float) -> None:
    """Re-send the firing alerts every ``interval``, from the start (a restart keeps them alive);
    a failed re-send is logged and tried again at the next one."""
    while receivers and not stop.is_set():
        firing = active.firing()
        for receiver in receivers:
            if not firing:
                break
            try:
                async with session.post(receiver.url, json=receiver.body(firing)) as response:
                    await response.read()
                    if response.status >= 300:
                        raise aiohttp.ClientResponseError(response.request_info, (), status=response.status)
                stats.resent += len(firing)
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
                log.warning("%s %s: re-sending %d firing alerts failed (%r)", receiver.name, receiver.url,
                            len(firing), exc)
        try:
            await asyncio.wait_for(stop.wait(), interval)
        except asyncio.TimeoutError:
            pass


async def _forward(consumer: AIOKafkaConsumer, session: aiohttp.ClientSession, receivers: Sequence[Receiver],
                   active: ActiveAlerts, stats: ForwardStats, stop: asyncio.Event, max_batch: int,
                   options: dict[str, Any]) -> None:
    """Each batch to every receiver, then commit: nothing is committed that a receiver did not take."""
    while not stop.is_set():
        batches = await consumer.getmany(timeout_ms=500, max_records=max_batch)
        if not batches:
            continue
        alerts = _decode(heapq.merge(*batches.values(), key=lambda r: r.timestamp), stats)
        if alerts:
            for receiver in receivers:
                if not await _deliver(session, receiver, alerts, stats, stop, **options):
                    return  # stopped while retrying: nothing committed, the batch comes again
            active.update(alerts)
            stats.delivered += len(alerts)
            stats.batches += 1
        try:
            await consumer.commit({tp: records[-1].offset + 1 for tp, records in batches.items()})
        except CommitFailedError as exc:  # partitions moved to another forwarder: it redelivers
            log.warning("commit failed (%s); the batch will be delivered again", exc)


def _decode(records: Iterable[ConsumerRecord], stats: ForwardStats) -> list[Alert]:
    alerts = []
    for record in records:
        try:
            alerts.append(Alert.from_json(record.value))
        except (ValidationError, ValueError, TypeError) as exc:
            stats.skipped += 1
            log.error("skipping %s[%s]@%s: not an Alert (%s)", record.topic, record.partition, record.offset, exc)
    return alerts


async def _deliver(session: aiohttp.ClientSession, receiver: Receiver, alerts: Sequence[Alert], stats: ForwardStats,
                   stop: asyncio.Event, *, first_backoff: float, max_backoff: float, max_retries: int | None) -> bool:
    """POST until a 2xx; False if stopped first. Backoff doubles from ``first_backoff`` up to ``max_backoff``."""
    delay = first_backoff
    attempt = 0
    body = receiver.body(alerts)
    while True:
        try:
            async with session.post(receiver.url, json=body) as response:
                if 200 <= response.status < 300:
                    return True
                problem = f"HTTP {response.status}: {(await response.text())[:200]}"
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
            problem = repr(exc)
        stats.failures += 1
        attempt += 1
        if max_retries is not None and attempt > max_retries:
            raise DeliveryError(f"{receiver.url}: {problem} after {max_retries} retries; nothing committed")
        log.warning("%s %s: %s; retry %d in %.1fs (%d alerts kept)", receiver.name, receiver.url, problem, attempt,
                    delay, len(alerts))
        try:
            await asyncio.wait_for(stop.wait(), delay)
            return False
        except asyncio.TimeoutError:
            delay = min(delay * 2, max_backoff)


def run_forwarder(settings: Settings, receivers: Sequence[Receiver], **options: Any) -> ForwardStats:
    """Run until SIGINT/SIGTERM (the CLI entry point)."""
    logging.basicConfig(level=logging.INFO, format="liveblog alerts: %(message)s")

    async def main() -> ForwardStats:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        log.info("forwarding %s from %s to %s", ALERTS, settings.broker, ", ".join(r.url for r in receivers))
        return await forward_alerts(settings, receivers, stop_event=stop, **options)

    return asyncio.run(main())
