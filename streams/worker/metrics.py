"""Prometheus metrics of the worker, served at ``/metrics`` by its web server (streams.ui.dashboard).

The agents call the small functions below as records flow; consumer lag is computed when Prometheus
scrapes (the high watermark then, minus the next offset to process), so it is right even while the
worker is idle. One registry per process, not prometheus_client's global one, so nothing else
registered in the process leaks into the exposition.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4

from schemas import TollUpdate

CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4  # the text format every Prometheus version reads
REGISTRY = CollectorRegistry()

RECORDS = Counter("liveblog_records", "Records read by the worker, per topic.", ["topic"], registry=REGISTRY)
EVENTS = Counter("liveblog_events", "Events the fold released to liveblog.events, per near-duplicate verdict.",
                 ["verdict"], registry=REGISTRY)
DUPLICATES = Counter("liveblog_duplicates", "Entries dropped as exact duplicates.", registry=REGISTRY)
LATE = Counter("liveblog_late", "Events later than the allowed lateness (sent to the dead-letter topic).",
               registry=REGISTRY)
CORRECTIONS = Counter("liveblog_window_corrections", "Closed windows emitted again because late data changed them.",
                      registry=REGISTRY)
DEADLETTERS = Counter("liveblog_deadletters", "Records sent to liveblog.deadletter, per kind of reason.",
                      ["reason_kind"], registry=REGISTRY)
LAG = Gauge("liveblog_consumer_lag", "Records not yet processed: high watermark minus next offset to process.",
            ["topic", "partition"], registry=REGISTRY)
TOLL = Gauge("liveblog_toll", "Current toll per series; bound min, best or max (+Inf = open-ended).",
             ["series", "bound"], registry=REGISTRY)

_next_offsets: dict[tuple[str, int], int] = {}


def record_in(topic: str, partition: int, offset: int) -> None:
    """A record was read; remember the position for the lag."""
    RECORDS.labels(topic).inc()
    _next_offsets[(topic, partition)] = offset + 1


def event_released(verdict: str) -> None:
    EVENTS.labels(verdict).inc()


def duplicate() -> None:
    DUPLICATES.inc()


def late() -> None:
    LATE.inc()


def window_corrected() -> None:
    CORRECTIONS.inc()


def dead_letter(reason_kind: str) -> None:
    """``reason_kind``: a small fixed vocabulary ("bad_record", "late"), never the free-text reason."""
    DEADLETTERS.labels(reason_kind).inc()


def toll(update: TollUpdate) -> None:
    for bound, value in (("min", update.min), ("best", update.best), ("max", update.max)):
        TOLL.labels(update.series, bound).set(math.inf if value is None else value)


def render(highwater: Callable[[str, int], int | None] | None = None) -> bytes:
    """The exposition text; ``highwater(topic, partition)`` (None when unknown) refreshes the lag."""
    if highwater is not None:
        for (topic, partition), next_offset in list(_next_offsets.items()):
            end = highwater(topic, partition)
            if end is not None:
                LAG.labels(topic, str(partition)).set(max(end - next_offset, 0))
    return generate_latest(REGISTRY)
