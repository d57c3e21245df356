"""The worker's web view: a live dashboard, a JSON API, Server-Sent Events and Prometheus metrics.

:class:`ReadModel` is the in-memory picture the pages read (no Kafka, no Faust), and
:func:`follow_outputs` fills it from the output topics (tolls, windows and alerts from the beginning,
the latest events), then follows them: every worker shows the whole picture, also after a restart,
whichever worker folds. Every change is pushed to the open ``/api/stream`` connections.

:func:`add_routes` registers Faust web views (aiohttp driver) on the worker's web server:
``GET /`` (dashboard, ``streams/ui/static/``), ``/api/windows``, ``/api/tolls``, ``/api/events``,
``/api/alerts``, ``/api/stream`` (SSE: a ``snapshot`` event, then one event per change) and
``/metrics``.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

import faust
import orjson
from aiohttp import web as aioweb
from faust.exceptions import NotReady
from faust.types import TP

from schemas import Alert, ClassifiedEvent, HourWindow, TollUpdate, WindowValue, format_utc
from streams.worker import metrics

STATIC = Path(__file__).parent / "static"
RECENT_EVENTS_PER_PARTITION = 50
KEEPALIVE_S = 15.0


class ReadModel:
    """Latest windows by start, tolls by series with provenance, the last events and alerts."""

    def __init__(self, *, max_events: int = 200, max_alerts: int = 200, max_windows: int = 72) -> None:
        self.windows: dict[str, dict[str, Any]] = {}
        self.tolls: dict[str, dict[str, Any]] = {}
        self.events: deque[dict[str, Any]] = deque(maxlen=max_events)
        self.alerts: deque[dict[str, Any]] = deque(maxlen=max_alerts)
        self.max_windows = max_windows
        self._subscribers: set[asyncio.Queue[bytes | None]] = set()

    def on_window(self, window: WindowValue) -> None:
        value = window.to_dict()
        self.windows[value["window_start"]] = value
        for start in sorted(self.windows)[:-self.max_windows]:
            del self.windows[start]
        self._publish("window", value)

    def on_toll(self, update: TollUpdate) -> None:
        value = update.to_dict()
        self.tolls[update.series] = value
        self._publish("toll", value)

    def on_event(self, event: ClassifiedEvent) -> None:
        if any(e["event_id"] == event.event_id for e in self.events):
            return  # redelivered (at-least-once): the feed shows each event once
        value = {
            "event_id": event.event_id, "published_at": format_utc(event.published_at), "source": event.source,
            "sources": event.sources, "headline": event.headline, "category": event.category,
            "labels": event.labels, "actors": event.actors, "locations": event.locations,
            "casualties": [c.to_dict() for c in event.casualties],
        }
        self.events.appendleft(value)
        self._publish("event", value)

    def on_alert(self, alert: Alert) -> None:
        value = alert.to_dict()
        self.alerts.appendleft(value)
        self._publish("alert", value)

    def snapshot(self) -> dict[str, Any]:
        return {"windows": [self.windows[k] for k in sorted(self.windows)],
                "tolls": [self.tolls[k] for k in sorted(self.tolls)],
                "events": list(self.events), "alerts": list(self.alerts)}

    # --- Server-Sent Events -------------------------------------------------------------------

    def subscribe(self, buffer: int = 1000) -> asyncio.Queue[bytes | None]:
        """A queue of SSE messages, starting with the snapshot; None means: the stream is over."""
        queue: asyncio.Queue[bytes | None] = asyncio.Queue(buffer)
        queue.put_nowait(sse("snapshot", self.snapshot()))
        self._subscribers.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[bytes | None]) -> None:
        self._subscribers.discard(queue)

    def close(self) -> None:
        """End every open stream (on shutdown, so the web server does not wait for them)."""
        for queue in list(self._subscribers):
            self._end(queue)

    def _publish(self, kind: str, value: dict[str, Any]) -> None:
        if not self._subscribers:
            return
        message = sse(kind, value)
        for queue in list(self._subscribers):
            try:
                queue.put_nowait(message)
            except asyncio.QueueFull:  # a client that stopped reading: end it; EventSource reconnects
                self._end(queue)

    def _end(self, queue: asyncio.Queue[bytes | None]) -> None:
        self._subscribers.discard(queue)
        while not queue.empty():
            queue.get_nowait()
        queue.put_nowait(None)


def sse(kind: str, value: Any) -> bytes:
    return b"event: " + kind.encode() + b"\ndata: " + orjson.dumps(value) + b"\n\n"


async def stream_response(request: aioweb.Request, model: ReadModel) -> aioweb.StreamResponse:
    """Hold the connection open and write each change as it happens (text/event-stream)."""
    response = aioweb.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache",
                                              "X-Accel-Buffering": "no"})
    await response.prepare(request)
    queue = model.subscribe()
    try:
        while (message := await _next(queue)) is not None:
            await response.write(message)
    except ConnectionResetError:  # the browser went away
        pass
    finally:
        model.unsubscribe(queue)
    return response


async def _next(queue: asyncio.Queue[bytes | None]) -> bytes | None:
    """The next message, or an SSE comment after KEEPALIVE_S so proxies keep the connection open."""
    try:
        return await asyncio.wait_for(queue.get(), KEEPALIVE_S)
    except asyncio.TimeoutError:
        return b": keepalive\n\n"


def _highwater(app: faust.App) -> Callable[[str, int], int | None]:
    def highwater(topic: str, partition: int) -> int | None:
        tp = TP(topic, partition)
        try:
            if tp in app.consumer.assignment():
                return app.consumer.highwater(tp)
        except NotReady:  # the consumer is not started yet
            pass
        return None
    return highwater


def add_routes(app: faust.App, model: ReadModel) -> None:
    """Register the dashboard, the JSON API, the SSE stream and /metrics on the worker's web server."""

    def json_page(path: str, name: str, key: str) -> None:
        async def get(view: faust.web.View, request: faust.web.Request) -> faust.web.Response:
            return view.json(model.snapshot()[key])
        app.page(path, name=name)(faust.web.View.from_handler(get))

    for key in ("windows", "tolls", "events", "alerts"):
        json_page(f"/api/{key}", f"liveblog-{key}", key)

    @app.page("/", name="liveblog-dashboard")
    async def dashboard(view: faust.web.View, request: faust.web.Request) -> faust.web.Response:
        return view.html((STATIC / "index.html").read_text(encoding="utf-8"))

    @app.page("/static/{name}", name="liveblog-static")
    async def static(view: faust.web.View, request: faust.web.Request, name: str) -> faust.web.Response:
        path = STATIC / name
        types = {".js": "text/javascript", ".css": "text/css"}
        if path.parent != STATIC or path.suffix not in types or not path.is_file():
            raise view.NotFound(f"no static file {name!r}")
        return view.bytes(path.read_bytes(), content_type=types[path.suffix])

    @app.page("/api/stream", name="liveblog-stream")
    async def stream(view: faust.web.View, request: faust.web.Request) -> Any:
        return await stream_response(request, model)  # type: ignore[arg-type]

    @app.page("/metrics", name="liveblog-metrics")
    async def prometheus(view: faust.web.View, request: faust.web.Request) -> faust.web.Response:
        return view.bytes(metrics.render(_highwater(app)), headers={"Content-Type": metrics.CONTENT_TYPE})

    async def end_streams(_: aioweb.Application) -> None:
        model.close()  # aiohttp waits for open handlers on shutdown: end the SSE streams first

    app.web.web_app.on_shutdown.append(end_streams)



# How long the broker may hold the dashboard's fetches. A page refreshes for a person; with the
# workers' 10 ms wait its fetches slowed the pipeline on the embedded broker (bench --quick, live
# p50 / p99: 200 / 621 ms; 55 / 114 ms with 500 ms; 50 / 104 ms with no dashboard).
DASHBOARD_FETCH_WAIT_MS = 500


async def follow_outputs(settings: Any, model: ReadModel) -> None:
    """Fill ``model`` from the output topics, then follow them (until cancelled)."""
    from streams.worker.topics import ALERTS, EVENTS, HOURLY, TOLLS
    from streams.ui.topic_reader import read_topics

    readers = {HOURLY: lambda v: model.on_window(HourWindow.from_json(v)),
               TOLLS: lambda v: model.on_toll(TollUpdate.from_json(v)),
               EVENTS: lambda v: model.on_event(ClassifiedEvent.from_json(v)),
               ALERTS: lambda v: model.on_alert(Alert.from_json(v))}
    async for batch in read_topics(settings, list(readers), recent={EVENTS: RECENT_EVENTS_PER_PARTITION},
                                   fetch_wait_ms=DASHBOARD_FETCH_WAIT_MS):
        for record in batch:
            if record.value is not None:
                readers[record.topic](record.value)
