"""The replay schedule: entries in event-time order interleaved with replay-clock control records.

Shared by the producer (which paces and publishes it) and ``analyze`` (which feeds it straight to
the window logic), so both see the same stream. Heartbeats fall on multiples of the heartbeat
interval between entries, so stream time advances through quiet hours; the final watermark closes
every window the replay touched, as a bounded source does at its end.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from schemas import Entry, ReplayControl
from streams.settings import Settings
from streams.fold.windows import EPOCH, HOUR


@dataclass(frozen=True)
class Scheduled:
    """One item to publish at replay-clock time ``at``: an entry or a control record."""

    at: datetime
    entry: Entry | None = None
    control: ReplayControl | None = None


def final_watermark(last_event: datetime, grace: timedelta, longest_window: timedelta = HOUR) -> datetime:
    """A stream time past the end, plus grace, of every window that holds ``last_event``."""
    return last_event + longest_window + grace


def schedule(
    entries: Sequence[Entry], *, heartbeat: timedelta, grace: timedelta, replay_id: str,
    live: bool = False,
) -> Iterator[Scheduled]:
    """Yield the replay: entries must already be in event-time order.

    A live replay (paced in wall-clock time) gets a heartbeat on every interval of a quiet gap, so
    windows close as the replay clock passes them, and one after every entry, so the partitions
    that did not get the entry catch up at once and the ordered fold releases it without waiting.
    An as-fast-as-possible replay only needs the last interval heartbeat of each gap: the result
    is the same, without thousands of heartbeats for the quiet days of a long archive.
    """
    if not entries:
        return
    clock = entries[0].published_at
    yield Scheduled(clock, control=ReplayControl(type="heartbeat", stream_time=clock, replay_id=replay_id))
    for entry in entries:
        beat = EPOCH + ((clock - EPOCH) // heartbeat + 1) * heartbeat
        if not live and beat < entry.published_at:
            beat = EPOCH + ((entry.published_at - EPOCH - timedelta.resolution) // heartbeat) * heartbeat
        while beat < entry.published_at:
            yield Scheduled(beat, control=ReplayControl(type="heartbeat", stream_time=beat, replay_id=replay_id))
            beat += heartbeat
        clock = max(clock, entry.published_at)
        yield Scheduled(entry.published_at, entry=entry)
        if live:
            yield Scheduled(clock, control=ReplayControl(type="heartbeat", stream_time=clock, replay_id=replay_id))
    end = final_watermark(clock, grace)
    yield Scheduled(clock, control=ReplayControl(type="watermark", stream_time=end, replay_id=replay_id))


def replay_schedule(entries: Sequence[Entry], settings: Settings, *, replay_id: str,
                    live: bool) -> Iterator[Scheduled]:
    """The schedule a replay publishes (and ``analyze`` folds, as a bulk replay): a paced replay's
    clock ticks every ``heartbeat_minutes``, so quiet gaps close windows as the replay clock
    passes them; a bulk one's every ``bulk_heartbeat_minutes``, as hourly windows need no finer."""
    minutes = settings.heartbeat_minutes if live else settings.bulk_heartbeat_minutes
    return schedule(entries, heartbeat=timedelta(minutes=minutes), grace=settings.grace, replay_id=replay_id,
                    live=live)


def schedule_counts(entries: Sequence[Entry], settings: Settings, *, live: bool = False) -> dict[str, int]:
    """Entries and control records of a replay; each control record goes to every partition."""
    counts = {"entries": 0, "heartbeat": 0, "watermark": 0}
    for item in replay_schedule(entries, settings, replay_id="count", live=live):
        counts["entries" if item.entry is not None else item.control.type] += 1  # type: ignore[union-attr]
    counts["control_records"] = (counts["heartbeat"] + counts["watermark"]) * settings.partitions
    return counts
