"""``liveblog tail TOPIC``: any contract topic, readably. Compacted topics (tolls, windows, alerts)
are shown as their current picture, a table, once read to the end; with ``--follow`` every record
is printed as it comes (one line each). ``--json`` prints the values as they are, one per line."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import orjson
from rich.console import Console

from streams.worker import topics as t
from streams.settings import Settings
from streams.ui.render import alert_line, alert_table, dead_letter_line, event_line, hour_table, toll_table
from streams.ui.topic_reader import read_topics

KEYS = {t.TOLLS: "series", t.HOURLY: "window_start", t.ROLLING: "window_end", t.ALERTS: "fingerprint"}
RECENT = 20  # records per partition of the other topics, without --from-beginning


def line(topic: str, value: dict[str, Any]) -> Any:
    """One record as one line of the terminal."""
    if topic == t.ALERTS:
        return alert_line(value)
    if topic == t.TOLLS:
        best = value["best"]
        return f"{value['as_of'][:16].replace('T', ' ')} {value['series']}: {value['min']} / {best} / {value['max'] or 'open'}"
    if topic in (t.HOURLY, t.ROLLING):
        return (f"{value['window_start'][:16].replace('T', ' ')} events {value['events']} killed "
                f"{sum((value.get('killed') or {}).values())}{' final' if value['final'] else ''}")
    if topic == t.DEADLETTER:
        return dead_letter_line(value)
    return event_line(value)


def picture(topic: str, latest: dict[str, dict[str, Any]]) -> Any:
    values = list(latest.values())
    if topic == t.TOLLS:
        return toll_table(values)
    if topic == t.ALERTS:
        return alert_table(values)
    return hour_table(values, title=topic)


async def tail(settings: Settings, topic: str, *, from_beginning: bool, follow: bool, as_json: bool,
               console: Console) -> int:
    """Print ``topic``; returns how many records were read."""
    compacted = topic in KEYS
    recent = None if from_beginning or compacted else {topic: RECENT}
    latest: dict[str, dict[str, Any]] = {}
    count = 0
    async for batch in read_topics(settings, [topic], recent=recent, follow=follow):
        for record in batch:
            if record.value is None:
                continue
            if any(name == t.CONTROL_HEADER for name, _ in record.headers):
                continue  # replay clocks on liveblog.entries are not entries
            count += 1
            if as_json:
                sys.stdout.buffer.write(record.value + b"\n")
                continue
            value = orjson.loads(record.value)
            if compacted and not follow:
                latest[str(value[KEYS[topic]])] = value
            else:
                console.print(line(topic, value), markup=False, highlight=False)
        if as_json:
            sys.stdout.flush()
    if compacted and not follow and not as_json:
        console.print(picture(topic, latest))
    return count


def run_tail(settings: Settings, topic: str, **options: Any) -> int:
    try:
        console = Console(width=None if sys.stdout.isatty() else 200)  # a pipe or file gets whole rows
        return asyncio.run(tail(settings, topic, console=console, **options))
    except KeyboardInterrupt:
        return 0
