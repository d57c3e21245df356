"""Building ``Entry`` records: the stable id and the replay order."""

from __future__ import annotations

import datetime as dt
import hashlib

from schemas import Entry, format_utc
from streams.ingest.meta import DocumentMeta


def make_entry_id(source: str, published_at: dt.datetime, time_precision: str, headline: str, body: str) -> str:
    """Stable id: the same item from the same source always hashes the same, whitespace aside."""
    parts = [source, format_utc(published_at), time_precision, " ".join(headline.split()), " ".join(body.split())]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def new_entry(meta: DocumentMeta, title: str, seq: int, when: dt.datetime, precision: str, headline: str,
              body: str) -> Entry:
    return Entry(entry_id=make_entry_id(meta.source, when, precision, headline, body), source=meta.source,
                 url=meta.url, blog_title=title, published_at=when, time_precision=precision,
                 headline=headline, body=body, seq=seq)


def event_order(entry: Entry) -> tuple[dt.datetime, str, int, str]:
    """The order of a replay: event time, then source and position, then id (a total order, so the
    producer, ``analyze`` and the worker's ordered fold all agree on ties)."""
    return (entry.published_at, entry.source, entry.seq, entry.entry_id)
