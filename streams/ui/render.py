"""Rendering contract records for people: the toll table, hourly rows, alert lines and event lines
that ``tail``, the demo's summary and ``watch`` share. Pure functions of decoded values (dicts)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.table import Table
from rich.text import Text

SEVERITY_STYLE = {"critical": "bold red", "warning": "yellow", "info": "cyan"}


def cell(text: str) -> Text:
    """A cell that never wraps, so every row is one line."""
    return Text(text, no_wrap=True, overflow="ellipsis")


def toll_table(tolls: Iterable[dict[str, Any]], title: str = "tolls (liveblog.tolls)") -> Table:
    """One row per series: min / best / max, as of when, and the claim and source behind the value."""
    table = Table(title=title, title_justify="left")
    for name, justify in (("series", "left"), ("min", "right"), ("best", "right"), ("max", "right"),
                          ("as of (UTC)", "left"), ("claims", "right"), ("latest claim", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for t in sorted(tolls, key=lambda t: t["series"]):
        latest = t["claims"][-1] if t.get("claims") else None
        claim = f"{latest['source']}: {latest['text']}" if latest else ""
        table.add_row(cell(t["series"]), str(t["min"]), f"[bold]{t['best']}", "open" if t["max"] is None else str(t["max"]),
                      cell(t["as_of"][:16].replace("T", " ")), str(len(t.get("claims") or []) + t.get("claims_omitted", 0)),
                      cell(claim))
    return table


def hour_table(windows: Iterable[dict[str, Any]], title: str = "hourly windows (liveblog.windows.hourly)") -> Table:
    """One row per hour: events, deaths reported in the hour, and whether it is final."""
    table = Table(title=title, title_justify="left")
    for name, justify in (("hour (UTC)", "left"), ("events", "right"), ("killed", "right"), ("wounded", "right"),
                          ("state", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for w in sorted(windows, key=lambda w: w["window_start"]):
        state = "[green]final" if w["final"] else "[yellow]open"
        if w.get("corrections"):
            state += f" (corrected {w['corrections']}x)"
        table.add_row(w["window_start"][:16].replace("T", " "), str(w["events"]), str(sum((w.get("killed") or {}).values())),
                      str(sum((w.get("wounded") or {}).values())), state)
    return table


def alert_line(alert: dict[str, Any]) -> Text:
    style = SEVERITY_STYLE.get(alert["severity"], "")
    text = Text()
    text.append(f"{alert['starts_at'][:16].replace('T', ' ')} ")
    text.append(f"{alert['status']:<8} {alert['severity']:<8} ", style=style if alert["status"] == "firing" else "dim")
    text.append(f"{alert['rule']}: {alert['summary']}")
    return text


def alert_table(alerts: Iterable[dict[str, Any]], title: str = "alerts (liveblog.alerts)") -> Table:
    """The latest state of each alert."""
    table = Table(title=title, title_justify="left")
    for name in ("since (UTC)", "state", "severity", "rule", "summary"):
        table.add_column(name)
    for a in sorted(alerts, key=lambda a: a["starts_at"]):
        style = SEVERITY_STYLE.get(a["severity"], "") if a["status"] == "firing" else "dim"
        table.add_row(a["starts_at"][:16].replace("T", " "), a["status"], Text(a["severity"], style=style), a["rule"],
                      cell(a["summary"]))
    return table


def event_line(event: dict[str, Any]) -> str:
    """An entry or event on one line: time, source, category (events), headline."""
    category = f" [{event['category']}]" if "category" in event else ""
    return f"{event['published_at'][:16].replace('T', ' ')} {event['source']}{category}: {event['headline']}"


def dead_letter_line(letter: dict[str, Any]) -> str:
    return f"{letter['topic']}[{letter['partition']}]@{letter['offset']}: {letter['reason']}"
