"""Bare times on a 12-hour page. A page that writes "3:30 PM" but drops the am/pm on some updates
("UPDATE (5:00) – ...") means the half of the day its neighbours are in: 5 pm, not 05:00. A page with a
bare time past 12, at 0 or with a leading zero ("08:32") writes 24-hour times, and keeps them."""

from __future__ import annotations

import re
from dataclasses import replace

from streams.ingest.lines import Item, StampLine

_DAY = 24 * 60
_ZERO_LED = re.compile(r"(?<![\d:.])0\d?[:.h]\d\d")  # an hour written with a leading zero


def _bare(item: StampLine) -> bool:
    return item.kind == "24h" and item.clock.bare


def _writes_24_hours(stamps: list[StampLine]) -> bool:
    """Whether a bare time on the page can only be a 24-hour one ("13:05", "0:40", "08:32")."""
    return any(_bare(s) and (s.clock.hour > 12 or s.clock.hour == 0 or _ZERO_LED.search(s.stamp_text))
               for s in stamps)


def _apart(a: int, b: int) -> int:
    """Minutes between two times of day, either way round the clock."""
    return min((a - b) % _DAY, (b - a) % _DAY)


def _nearest_half(minutes: int, neighbours: list[int]) -> int:
    """The reading of a bare 12-hour time (am or pm) nearest its 12-hour neighbours; as written on a tie."""
    morning = minutes % (12 * 60)
    cost = {m: sum(_apart(m, n) for n in neighbours) for m in (morning, morning + 12 * 60)}
    other = morning + 12 * 60 if minutes == morning else morning
    return other if cost[other] < cost[minutes] else minutes


def twelve_hour_halves(items: list[Item], accepted: set[int]) -> list[Item]:
    """``items`` with each accepted bare H:MM (hour 1-12) on a page of 12-hour stamps read in the half
    of the day nearest the 12-hour stamps above and below it."""
    stamps = [(i, items[i]) for i in sorted(accepted) if isinstance(items[i], StampLine)]
    others = [s for _, s in stamps if not _bare(s)]
    every = [item for item in items if isinstance(item, StampLine)]
    if not others or not all(s.clock.twelve_hour for s in others) or _writes_24_hours(every):
        return items
    out = list(items)
    for position, (i, item) in enumerate(stamps):
        if not _bare(item):
            continue
        above = next((s.minutes for _, s in reversed(stamps[:position]) if not _bare(s)), None)
        below = next((s.minutes for _, s in stamps[position + 1:] if not _bare(s)), None)
        minutes = _nearest_half(item.minutes, [n for n in (above, below) if n is not None])
        if minutes != item.minutes:
            clock = replace(item.clock, hour=minutes // 60, minute=minutes % 60)
            out[i] = replace(item, clock=clock, reader=item.reader + ":half-day")
    return out
