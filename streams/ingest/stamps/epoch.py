"""A raw Unix time alone on a line ("1694431119"): a scraper's copy of a post's machine-readable stamp,
seconds since 1970 in UTC. Ten digits alone on a line are otherwise no text a reader would want, and
the page takes them only when it has two or more (a single one may be an id). After an update label
("Show latest update 1656401040 Storm ...", a live page's button run into its newest post) the number is
that post's stamp, with its headline and body after it on the line."""

from __future__ import annotations

import datetime as dt
import re

from streams.ingest.stamps.grammar import Clock

_SECONDS = r"(?P<seconds>[12]\d{9})"
_EPOCH = re.compile(rf"\s*{_SECONDS}\s*")
_LABELLED = re.compile(rf"\s*(?i:(?:show\s+)?(?:latest\s+)?update)\s+{_SECONDS}\s+(?P<rest>[\"“‘A-Z].*)")
# From 2001 (the first ten-digit second) to 2040: later numbers are ids, not times.
_LAST = dt.datetime(2040, 1, 1, tzinfo=dt.timezone.utc).timestamp()


def _clock(seconds: str) -> Clock | None:
    """The UTC time and date ``seconds`` since 1970 name; None from 2040 on, where ten digits are an id, not a time."""
    if int(seconds) >= _LAST:
        return None
    at = dt.datetime.fromtimestamp(int(seconds), dt.timezone.utc)
    return Clock(at.hour, at.minute, "UTC", at.year, at.month, at.day)


def read_epoch(line: str) -> Clock | None:
    m = _EPOCH.fullmatch(line)
    return _clock(m["seconds"]) if m else None


def read_labelled_epoch(line: str) -> tuple[Clock, str, str] | None:
    """The clock, the number as written and the text after it, for a raw Unix time after an update label."""
    m = _LABELLED.fullmatch(line)
    clock = _clock(m["seconds"]) if m else None
    return (clock, m["seconds"], m["rest"].strip()) if clock else None
