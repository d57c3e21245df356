"""The worker's web view through Faust's own web server (aiohttp driver), fed with seed 004's records.

The harness starts only the Faust app's web service (no broker needed): the same views
``add_routes`` registers on the worker, on a free port of 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiohttp
import faust
import orjson
import pytest

from schemas import Record
from streams.worker import metrics
from streams.fold.alerts import AlertEvaluator, load_rules
from streams.worker.broker import free_port
from streams.ui.dashboard import ReadModel, add_routes
from tests.test_alerts import fold_outputs

_apps = itertools.count()


@dataclass
class Served:
    url: str
    model: ReadModel


def feed(model: ReadModel, outputs: list[tuple[str, Record]], evaluator: AlertEvaluator | None = None) -> list[str]:
    """What the worker's fold agent does with each output (and the alerts it raises); returns the
    kinds of the updates, in order."""
    evaluator = evaluator or AlertEvaluator({}, load_rules())
    kinds = []
    for kind, record in outputs:
        getattr(model, f"on_{kind}")(record)
        kinds.append(kind)
        if kind == "toll":
            metrics.toll(record)  # type: ignore[arg-type]
        for alert in getattr(evaluator, f"on_{kind}")(record):
            model.on_alert(alert)
            kinds.append("alert")
    return kinds


async def start_web() -> tuple[int, faust.App, ReadModel]:
    """A Faust app's web server alone (no broker needed) with the dashboard routes on a free port."""
    port = free_port()
    app = faust.App(f"liveblog-web-test-{next(_apps)}", broker="kafka://127.0.0.1:9", web_port=port,
                    web_bind="127.0.0.1", web_host="127.0.0.1")
    model = ReadModel()
    add_routes(app, model)
    await app.web.start()
    return port, app, model


@pytest.fixture
async def served() -> AsyncIterator[Served]:
    port, app, model = await start_web()
    try:
        yield Served(f"http://127.0.0.1:{port}", model)
    finally:
        await app.web.stop()


async def get_json(url: str) -> object:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        assert response.status == 200 and response.content_type == "application/json"
        return await response.json()


async def test_json_api_serves_windows_tolls_events_and_alerts(served):
    feed(served.model, fold_outputs())
    windows = await get_json(f"{served.url}/api/windows")
    assert [w["window_start"][11:13] for w in windows] == [
        "06", "07", "08", "09", "10", "11", "12", "14", "15", "16", "17", "18", "19", "20"]
    assert all(w["final"] for w in windows) and windows[-1]["killed"] == {"nagorno-karabakh/military/killed": 26}
    tolls = {t["series"]: t for t in await get_json(f"{served.url}/api/tolls")}
    assert tolls["nagorno-karabakh/military/killed"]["best"] == 84
    assert any("26 more" in c["text"] for c in tolls["nagorno-karabakh/military/killed"]["claims"])  # provenance
    events = await get_json(f"{served.url}/api/events")
    assert len(events) == 25 and events[0]["headline"].startswith("Nagorno-Karabakh region says 26 more")
    assert events[0]["actors"] and events[0]["source"] == "Al Jazeera" and events[0]["category"] == "casualty_report"
    alerts = await get_json(f"{served.url}/api/alerts")
    assert len(alerts) == 14 and alerts[0]["rule"] == "deaths-in-window"  # newest first


async def test_dashboard_page_and_its_static_files(served):
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{served.url}/") as response:
            assert response.status == 200 and response.content_type == "text/html"
            assert '<script src="/static/dashboard.js">' in await response.text()
        for name, kind in (("dashboard.js", "text/javascript"), ("dashboard.css", "text/css")):
            async with session.get(f"{served.url}/static/{name}") as response:
                assert response.status == 200 and response.content_type == kind
        for name in ("index.html", "..%2F..%2Fpyproject.toml", "nope.js"):
            async with session.get(f"{served.url}/static/{name}") as response:
                assert response.status == 404


async def read_sse(response: aiohttp.ClientResponse) -> tuple[str, object]:
    kind = data = None
    while True:
        line = (await response.content.readline()).decode().rstrip("\n")
        if line.startswith("event: "):
            kind = line[7:]
        elif line.startswith("data: "):
            data = orjson.loads(line[6:])
        elif line == "" and kind is not None:
            return kind, data


async def test_stream_sends_a_snapshot_then_every_change_as_it_happens(served):
    outputs = fold_outputs()
    feed(served.model, outputs[:10])
    async with aiohttp.ClientSession() as session, session.get(f"{served.url}/api/stream") as response:
        assert response.headers["Content-Type"] == "text/event-stream"
        kind, snapshot = await asyncio.wait_for(read_sse(response), 5)
        assert kind == "snapshot" and snapshot == orjson.loads(orjson.dumps(served.model.snapshot()))
        pushed = feed(served.model, outputs[10:30])
        received = [await asyncio.wait_for(read_sse(response), 5) for _ in pushed]
    assert [kind for kind, _ in received] == pushed and "alert" in pushed
    assert received[0][1]["event_id"] == outputs[10][1].event_id  # type: ignore[union-attr,index]


async def test_shutdown_ends_open_streams_promptly():
    port, app, model = await start_web()
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/api/stream") as response:
        assert (await asyncio.wait_for(read_sse(response), 5))[0] == "snapshot"
        started = asyncio.get_running_loop().time()
        await asyncio.wait_for(app.web.stop(), 10)
        assert asyncio.get_running_loop().time() - started < 5
        assert await response.content.read() == b""  # the server ended the stream


async def test_metrics_in_prometheus_text_format(served):
    before = metrics.RECORDS.labels("liveblog.entries")._value.get()
    metrics.record_in("liveblog.entries", 0, 41)
    metrics.duplicate()
    metrics.dead_letter("late")
    feed(served.model, fold_outputs())
    async with aiohttp.ClientSession() as session, session.get(f"{served.url}/metrics") as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
        text = await response.text()
    assert f'liveblog_records_total{{topic="liveblog.entries"}} {before + 1}' in text
    assert 'liveblog_toll{bound="best",series="nagorno-karabakh/military/killed"} 84.0' in text
    assert 'liveblog_toll{bound="max",series="nagorno-karabakh/military/killed"} +Inf' in text
    for name in ("liveblog_duplicates_total", "liveblog_late_total", 'liveblog_deadletters_total{reason_kind="late"}'):
        assert name in text
    lag = metrics.render(lambda topic, partition: 50).decode()
    assert 'liveblog_consumer_lag{partition="0",topic="liveblog.entries"} 8.0' in lag  # 50 - (41 + 1)


def test_read_model_shows_each_event_once_and_keeps_recent_hours():
    model = ReadModel(max_windows=3)
    outputs = fold_outputs()
    for kind, record in outputs + outputs:  # everything redelivered
        getattr(model, f"on_{kind}")(record)
    snapshot = model.snapshot()
    assert len(snapshot["events"]) == 25
    assert [w["window_start"][11:13] for w in snapshot["windows"]] == ["18", "19", "20"]
