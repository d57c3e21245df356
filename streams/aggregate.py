"""The ordered fold of classified events into death tolls and event-time windows (no Kafka, no Faust).

A toll is a fold over claims in order, and a window's ``tolls`` are the tolls as they stood at its
end, so tolls and windows are computed together, in one place. Per event:
1. a record for a window that already closed is late (nothing is counted);
2. its claims are applied to each toll series (idempotent per event_id, see streams.tolls);
3. the event enters its hourly window with its category and the net change it made to each
   series' best toll (``killed``/``wounded`` of a window are those changes summed: what was
   newly reported within the window, negative after a downward correction).

State is three mutable mappings of JSON values, so the worker passes Faust tables and ``analyze``
passes dicts: both run this same code.
"""

from __future__ import annotations

import bisect
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from schemas import ClassifiedEvent, TollSnapshot, TollUpdate, WindowValue, format_utc
from streams import tolls
from streams.windows import EventTimeWindows, parse_utc


@dataclass
class FoldResult:
    """What one input produced: toll updates, window values, and a late reason if it was late."""

    tolls: list[TollUpdate] = field(default_factory=list)
    windows: list[WindowValue] = field(default_factory=list)
    late_reason: str | None = None


def series_key(party: str, population: str, outcome: str) -> str:
    return f"{party}/{population}/{outcome}"


class Aggregator:
    """Tolls per series plus hourly windows, over stores that survive restarts."""

    def __init__(
        self,
        windows: MutableMapping[str, Any],
        clocks: MutableMapping[str, Any],
        toll_series: MutableMapping[str, Any],
        *,
        sources: int,
        grace: timedelta,
    ) -> None:
        self.toll_series = toll_series
        self.hourly = EventTimeWindows(windows, clocks, sources=sources, grace=grace, describe=self.describe)

    def on_event(self, partition: int, source: int, event: ClassifiedEvent) -> FoldResult:
        late = self.hourly.lateness(partition, event.published_at)
        if late is not None:
            return FoldResult(late_reason=late)
        updates, changes = self._apply_claims(event)
        contribution = {"category": event.category, "killed": {}, "wounded": {}}
        for update in updates:
            contribution[update.outcome][update.series] = changes[update.series]
        result = self.hourly.on_event(partition, source, event.event_id, event.published_at, contribution)
        return FoldResult(tolls=updates, windows=result.updates, late_reason=result.late_reason or None)

    def on_clock(self, partition: int, source: int, t: datetime) -> FoldResult:
        return FoldResult(windows=self.hourly.on_clock(partition, source, t))

    def _apply_claims(self, event: ClassifiedEvent) -> tuple[list[TollUpdate], dict[str, int]]:
        """Apply the event's claims series by series; return updates and each series' change in best."""
        by_series: dict[str, list] = {}
        for claim in event.casualties:
            by_series.setdefault(series_key(claim.party, claim.population, claim.outcome), []).append(claim)
        updates: list[TollUpdate] = []
        changes: dict[str, int] = {}
        for key, claims in by_series.items():
            stored = self.toll_series.get(key) or {"state": {}, "history": []}
            state, new = tolls.apply_event(stored["state"], event.model_copy(update={"casualties": claims}))
            if state is stored["state"]:
                continue
            history = list(stored["history"])
            for update in new:
                previous = _best_before(history, update.as_of)
                # [time, arrival number, min, best, max]: the number keeps equal times in arrival order
                bisect.insort(history, [format_utc(update.as_of), len(history), update.min, update.best, update.max])
                changes[key] = update.best - previous
            self.toll_series[key] = {"state": state, "history": history}
            updates += new
        return updates, changes

    def tolls_at(self, end: datetime) -> dict[str, TollSnapshot]:
        """Each series' toll as it stood just before ``end`` (claims at or after it are not in)."""
        cutoff = format_utc(end)
        snapshots = {}
        for key, stored in self.toll_series.items():
            history = stored["history"]
            i = bisect.bisect_left(history, [cutoff])
            if i:
                _, _, low, best, high = history[i - 1]
                snapshots[key] = TollSnapshot(min=low, best=best, max=high)
        return dict(sorted(snapshots.items()))

    def describe(self, state: dict[str, Any]) -> dict[str, Any]:
        """The classification and toll fields of a window, from its events' contributions."""
        by_category: dict[str, int] = {}
        killed: dict[str, int] = {}
        wounded: dict[str, int] = {}
        for record in state["events"].values():
            by_category[record["category"]] = by_category.get(record["category"], 0) + 1
            for totals, outcome in ((killed, "killed"), (wounded, "wounded")):
                for key, change in record[outcome].items():
                    totals[key] = totals.get(key, 0) + change
        return {
            "by_category": dict(sorted(by_category.items())),
            "killed": dict(sorted(killed.items())),
            "wounded": dict(sorted(wounded.items())),
            "tolls": self.tolls_at(parse_utc(state["end"])),
        }


def _best_before(history: list[list[Any]], as_of: datetime) -> int:
    i = bisect.bisect_right(history, [format_utc(as_of), float("inf")])
    return history[i - 1][3] if i else 0
