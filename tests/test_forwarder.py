"""The alerts forwarder against a real broker and a local HTTP receiver that fails at first."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone

import pytest
from aiohttp import web
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from schemas import Alert
from streams.fold.alerts import fingerprint
from streams.worker.broker import free_port
from streams.ui.forwarder import NO_END, DeliveryError, forward_alerts, webhook_payload
from streams.settings import Settings
from streams.worker.topics import ALERTS, create_topics

T0 = datetime(2020, 9, 28, 6, tzinfo=timezone.utc)
GROUP = "test-forwarder"


def alert(i: int, status: str = "firing", series: str | None = None) -> Alert:
    labels = {"series": series or f"party-{i}/military/killed"}
    return Alert(fingerprint=fingerprint("deaths-in-window", labels), rule="deaths-in-window", status=status,
                 severity="critical", summary=f"alert {i}", labels=labels, starts_at=T0 + timedelta(minutes=i),
                 ends_at=T0 + timedelta(hours=1) if status == "resolved" else None, event_ids=[f"e{i}"])


ALERTS_SENT = [alert(i) for i in range(6)] + [alert(6, "resolved", series="party-0/military/killed")]


class Receiver:
    """An Alertmanager-style webhook receiver on 127.0.0.1 that answers ``fail_first`` requests with 503."""

    def __init__(self, fail_first: int = 0) -> None:
        self.fail_first = fail_first
        self.requests = 0
        self.payloads: list[dict] = []
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/hook", self.hook)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    async def hook(self, request: web.Request) -> web.Response:
        self.requests += 1
        if self.requests <= self.fail_first:
            return web.Response(status=503, text="down for maintenance")
        self.payloads.append(await request.json())
        return web.Response(text="ok")

    def alerts(self) -> list[dict]:
        return [a for p in self.payloads for a in p["alerts"]]


async def produce(settings: Settings, alerts: list[Alert]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers)
    await producer.start()
    try:
        for a in alerts:
            await producer.send_and_wait(ALERTS, key=a.fingerprint.encode(), value=a.to_json())
    finally:
        await producer.stop()


async def committed(settings: Settings) -> dict[int, int | None]:
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, group_id=GROUP, enable_auto_commit=False)
    await consumer.start()
    try:
        parts = sorted(consumer.partitions_for_topic(ALERTS) or await _partitions(consumer))
        return {p: await consumer.committed(TopicPartition(ALERTS, p)) for p in parts}
    finally:
        await consumer.stop()


async def _partitions(consumer: AIOKafkaConsumer) -> set[int]:
    await consumer.topics()
    return consumer.partitions_for_topic(ALERTS) or set()


async def end_offsets(settings: Settings) -> dict[int, int]:
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False)
    await consumer.start()
    try:
        tps = [TopicPartition(ALERTS, p) for p in sorted(await _partitions(consumer))]
        return {tp.partition: offset for tp, offset in (await consumer.end_offsets(tps)).items()}
    finally:
        await consumer.stop()


async def fully_committed(settings: Settings) -> bool:
    """The group's committed offset is the end of every partition that holds records."""
    done = await committed(settings)
    return all(done[p] == end for p, end in (await end_offsets(settings)).items() if end)


async def wait_until(predicate, timeout: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.1)


@pytest.fixture
async def settings(broker) -> AsyncIterator[Settings]:
    settings = Settings(broker=broker.url)
    await create_topics(settings)
    yield settings


def by_fingerprint(alerts: list[dict]) -> dict[str, list[str]]:
    order: dict[str, list[str]] = {}
    for a in alerts:
        order.setdefault(a["fingerprint"], []).append(a["status"])
    return order


def test_payload_is_alertmanager_webhook_version_4():
    payload = webhook_payload([ALERTS_SENT[0], ALERTS_SENT[-1]], receiver="oncall", external_url="http://w:6066/")
    assert set(payload) == {"version", "groupKey", "truncatedAlerts", "status", "receiver", "groupLabels",
                            "commonLabels", "commonAnnotations", "externalURL", "alerts"}
    assert payload["version"] == "4" and payload["status"] == "firing" and payload["receiver"] == "oncall"
    assert payload["commonLabels"] == {"alertname": "deaths-in-window", "severity": "critical",
                                       "series": "party-0/military/killed"}
    firing, resolved = payload["alerts"]
    assert set(firing) == {"status", "labels", "annotations", "startsAt", "endsAt", "generatorURL", "fingerprint"}
    assert firing["endsAt"] == NO_END and firing["startsAt"] == "2020-09-28T06:00:00Z"
    assert resolved["status"] == "resolved" and resolved["endsAt"] == "2020-09-28T07:00:00Z"
    assert firing["fingerprint"] == resolved["fingerprint"] == ALERTS_SENT[0].fingerprint
    assert firing["annotations"] == {"summary": "alert 0", "event_ids": "e0"}
    assert firing["generatorURL"] == "http://w:6066/api/alerts"
    assert webhook_payload([ALERTS_SENT[-1]], receiver="r", external_url="")["status"] == "resolved"


@pytest.mark.broker
async def test_every_alert_is_delivered_in_order_through_a_failing_receiver(settings):
    receiver = Receiver(fail_first=3)
    await receiver.start()
    await produce(settings, ALERTS_SENT)
    stop = asyncio.Event()
    task = asyncio.create_task(forward_alerts(settings, receiver.url, group_id=GROUP, first_backoff=0.1,
                                              stop_event=stop))
    try:
        await wait_until(lambda: len(receiver.alerts()) >= len(ALERTS_SENT))
    finally:
        stop.set()
        stats = await asyncio.wait_for(task, 30)
        await receiver.stop()
    assert receiver.requests > 3 and stats.failures == 3
    delivered = receiver.alerts()
    assert sorted(a["fingerprint"] + a["status"] for a in delivered) == sorted(
        a.fingerprint + a.status for a in ALERTS_SENT)  # each once, none lost
    assert by_fingerprint(delivered)[ALERTS_SENT[0].fingerprint] == ["firing", "resolved"]
    assert await fully_committed(settings)  # committed after delivery


@pytest.mark.broker
async def test_a_restart_after_failures_redelivers_without_loss(settings, caplog):
    down = Receiver(fail_first=10**6)  # refuses everything
    await down.start()
    await produce(settings, ALERTS_SENT)
    with pytest.raises(DeliveryError):
        await asyncio.wait_for(forward_alerts(settings, down.url, group_id=GROUP, first_backoff=0.05,
                                              max_retries=3), 60)
    await down.stop()
    assert down.requests >= 4 and not down.payloads
    assert all(offset is None for offset in (await committed(settings)).values())  # nothing committed

    # The receiver is not even listening at first: connection refused, then it comes up.
    receiver = Receiver()
    stop = asyncio.Event()
    task = asyncio.create_task(forward_alerts(settings, receiver.url, group_id=GROUP, first_backoff=0.2,
                                              stop_event=stop))
    def refused() -> int:
        return sum("Connect" in r.getMessage() and receiver.url in r.getMessage() for r in caplog.records)

    await wait_until(lambda: refused() >= 2)  # connection refused, retried with backoff
    assert not task.done()
    await receiver.start()
    try:
        await wait_until(lambda: len(receiver.alerts()) >= len(ALERTS_SENT))
        await produce(settings, [alert(7)])  # alerts arriving later are forwarded too
        await wait_until(lambda: len(receiver.alerts()) >= len(ALERTS_SENT) + 1)
    finally:
        stop.set()
        stats = await asyncio.wait_for(task, 30)
        await receiver.stop()
    assert stats.failures >= 2 and stats.delivered == len(ALERTS_SENT) + 1
    assert sorted(a["fingerprint"] + a["status"] for a in receiver.alerts()) == sorted(
        a.fingerprint + a.status for a in [*ALERTS_SENT, alert(7)])
    assert await fully_committed(settings)


def test_alertmanager_api_body_leaves_firing_alerts_open_and_ends_resolved_ones():
    from streams.ui.forwarder import AlertmanagerReceiver

    receiver = AlertmanagerReceiver("http://127.0.0.1:9093/", external_url="http://w:6066/")
    assert receiver.url == "http://127.0.0.1:9093/api/v2/alerts"
    firing, resolved = receiver.body([ALERTS_SENT[0], ALERTS_SENT[-1]])
    assert firing == {"labels": {"alertname": "deaths-in-window", "severity": "critical",
                                 "series": "party-0/military/killed"},
                      "annotations": {"summary": "alert 0", "event_ids": "e0", "dashboard": "http://w:6066/"},
                      "startsAt": "2020-09-28T06:00:00Z", "generatorURL": "http://w:6066/api/alerts"}
    assert resolved["endsAt"] == "2020-09-28T07:00:00Z" and resolved["labels"] == firing["labels"]
