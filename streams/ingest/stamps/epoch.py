"""A raw Unix time alone on a line ("1694431119"): a scraper's copy of a post's machine-readable stamp,
seconds since 1970 in UTC. Ten digits alone on a line are otherwise no text a reader would want, and
the page takes them only when it has two or more (a single one may be an id)."""

from __future__ import annotations

import datetime as dt
import re

from streams.ingest.stamps.grammar import Clock

_EPOCH = re.compile(r"\s*(?P<seconds>[12]\d{9})\s*")
# From 2001 (the first ten-digit second) to 2040: later numbers are ids, not times.
_LAST = dt.datetime(2040, 1, 1, tzinfo=dt.timezone.utc).timestamp()


def read_epoch(line: str) -> Clock | None:
    m = _EPOCH.fullmatch(line)
    if m is None or int(m["seconds"]) >= _LAST:
        return None
    at = dt.datetime.fromtimestamp(int(m["seconds"]), dt.timezone.utc)
    return Clock(at.hour, at.minute, "UTC", at.year, at.month, at.day)
