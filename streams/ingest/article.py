"""An ordinary article: every paragraph of reporting is one day-precision item.

Article items are dated 00:00 of their date in the document's zone. A clock time inside prose
("began at 4.10am GMT on Sunday") dates a reported event, usually before publication and tied to a
weekday rather than a date, not the paragraph itself; reading it as the item's event time would
invent precision."""

from __future__ import annotations

import datetime as dt

from schemas import Entry
from streams.ingest.daymarks import DayMark, resolve_day
from streams.ingest.entries import new_entry
from streams.ingest.errors import ParseError
from streams.ingest.furniture import first_sentence, headline_like, reporting
from streams.ingest.lines import Blank, Item, StampLine, TextLine
from streams.ingest.meta import DocumentMeta, zone_at


def paragraphs(items: list[Item]) -> list[DayMark | tuple[int, list[str]]]:
    """Day marks and paragraphs (first line number, lines) in order."""
    out: list[DayMark | tuple[int, list[str]]] = []
    lines: list[str] = []
    first = 0
    for item in items:
        if isinstance(item, (TextLine, StampLine)):
            if not lines:
                first = item.line
            lines.append(item.text)
            continue
        if lines:
            out.append((first, lines))
            lines = []
        if isinstance(item, DayMark):
            out.append(item)
    if lines:
        out.append((first, lines))
    return out


def parse_article(items: list[Item], path: str, meta: DocumentMeta, title: str) -> list[Entry]:
    zone = zone_at(meta.tz, path, None)
    current = meta.date
    entries: list[Entry] = []
    for block in paragraphs(items):
        if isinstance(block, DayMark):
            current = resolve_day(block, current, 0, path)
            continue
        line, lines = block
        text = reporting(lines)
        if text is None or headline_like(text):
            continue
        if current is None:
            raise ParseError(path, line, "no date for this paragraph: the text names none and there is "
                                         "no manifest 'published' date or --date")
        when = dt.datetime.combine(current, dt.time(0, 0), tzinfo=zone).astimezone(dt.timezone.utc)
        entries.append(new_entry(meta, title, len(entries), when, "day", first_sentence(text), text))
    return entries


__all__ = ["Blank", "parse_article", "paragraphs"]
