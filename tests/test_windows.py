"""Window maths: assignment, watermark across partitions, grace, late records, final once."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from streams.fold.windows import EventTimeWindows, HOUR, stream_time, window_starts

GRACE = timedelta(minutes=15)


def at(hh: int, mm: int = 0) -> datetime:
    return datetime(2020, 9, 28, hh, mm, tzinfo=timezone.utc)


@dataclass
class Outcome:
    updates: list = field(default_factory=list)
    late: bool = False
    late_reason: str = ""


def on_event(w: EventTimeWindows, partition: int, source: int, event_id: str, t: datetime, contribution: dict):
    """What the ordered fold does with an event it releases at once: lateness, add, clock, close."""
    reason = w.lateness(partition, t)
    if reason is not None:
        return Outcome(late=True, late_reason=reason)
    updates = w.add(partition, event_id, t, contribution)
    return Outcome(updates=updates + on_clock(w, partition, source, t))


def on_clock(w: EventTimeWindows, partition: int, source: int, t: datetime) -> list:
    return w.close_due(partition) if w.advance(partition, source, t) else []


def make(sources: int = 1) -> EventTimeWindows:
    return EventTimeWindows({}, {}, sources=sources, grace=GRACE)


def test_tumbling_assignment_is_the_floor_hour():
    assert window_starts(at(6, 30), HOUR, HOUR) == [at(6)]
    assert window_starts(at(7, 0), HOUR, HOUR) == [at(7)]


def test_hopping_assignment_covers_every_window_holding_the_event():
    starts = window_starts(at(6, 32), HOUR, timedelta(minutes=5))
    assert len(starts) == 12
    assert starts[0] == at(5, 35) and starts[-1] == at(6, 30)


def test_update_then_one_final_after_end_plus_grace():
    w = make()
    first = on_event(w, 0, 0, "a", at(6, 30), {})
    assert [(u.events, u.final) for u in first.updates] == [(1, False)]
    assert on_clock(w, 0, 0, at(7, 14)) == []  # end 07:00 + grace 15 min not reached
    finals = on_clock(w, 0, 0, at(7, 15))
    assert [(f.window_start, f.events, f.final, f.event_ids) for f in finals] == [(at(6), 1, True, ["a"])]
    assert on_clock(w, 0, 0, at(9)) == []  # emitted once


def test_same_event_twice_changes_nothing():
    w = make()
    on_event(w, 0, 0, "a", at(6, 30), {})
    again = on_event(w, 0, 0, "a", at(6, 30), {})
    assert again.updates == [] and not again.late
    assert on_clock(w, 0, 0, at(8))[0].events == 1


def test_event_within_grace_is_counted_and_late_event_is_flagged():
    w = make()
    on_event(w, 0, 0, "a", at(6, 30), {})
    on_clock(w, 0, 0, at(7, 10))
    within = on_event(w, 0, 0, "b", at(6, 50), {})
    assert within.updates[0].events == 2 and not within.late
    on_clock(w, 0, 0, at(7, 20))
    late = on_event(w, 0, 0, "c", at(6, 55), {})
    assert late.late and late.updates == []
    assert "2020-09-28T06:55:00Z" in late.late_reason and "2020-09-28T07:20:00Z" in late.late_reason


def test_clock_never_goes_backwards():
    w = make()
    on_event(w, 0, 0, "a", at(6, 30), {})
    on_clock(w, 0, 0, at(10))
    assert on_clock(w, 0, 0, at(7)) == []
    assert stream_time(w.clocks, 0, 1) == at(10)


def test_watermark_is_the_slowest_source_partition():
    w = make(sources=2)
    on_event(w, 0, 0, "a", at(6, 30), {})
    assert on_clock(w, 0, 0, at(9)) == []  # source 1 has no clock yet: nothing may close
    assert on_clock(w, 0, 1, at(7, 5)) == []  # min is 07:05 < 07:15
    finals = on_clock(w, 0, 1, at(7, 30))
    assert [f.window_start for f in finals] == [at(6)]


def test_windows_of_other_partitions_are_left_alone():
    w = make()
    on_event(w, 1, 0, "a", at(6, 30), {})
    assert on_clock(w, 0, 0, at(12)) == []
    assert on_clock(w, 1, 0, at(12))[0].event_ids == ["a"]


def test_final_window_lists_events_in_event_time_order():
    w = make()
    for event_id, minute in (("z", 5), ("a", 40), ("m", 20)):
        on_event(w, 0, 0, event_id, at(6, minute), {})
    assert on_clock(w, 0, 0, at(8))[0].event_ids == ["z", "m", "a"]


def test_within_allowed_lateness_a_closed_window_is_reissued_then_forgotten():
    w = EventTimeWindows({}, {}, sources=1, grace=GRACE, allowed_lateness=timedelta(hours=2))
    on_event(w, 0, 0, "a", at(6, 30), {})
    first = on_clock(w, 0, 0, at(7, 15))
    assert [(f.final, f.corrections, f.event_ids) for f in first] == [(True, 0, ["a"])]
    assert w.closed_after(at(6, 59)) and not w.closed_after(at(7))
    late = on_event(w, 0, 0, "b", at(6, 50), {})
    assert not late.late and late.updates == []  # a closed window changes silently...
    again = w.reissue(0, at(6, 50))
    assert [(f.final, f.corrections, f.event_ids) for f in again] == [(True, 1, ["a", "b"])]
    assert w.reissue(0, at(6, 50)) == []  # ...and is emitted again only when it changed
    on_event(w, 0, 0, "a", at(6, 30), {})  # a redelivery
    assert w.reissue(0, at(6)) == []
    on_clock(w, 0, 0, at(9, 15))  # closed at 07:15 + 2 h: forgotten
    assert not w.closed_after(at(6)) and w.windows == {"open": [], "closed": [], "forgotten": "2020-09-28T06:00:00Z"}
    assert on_event(w, 0, 0, "c", at(6, 55), {}).late


def test_an_empty_hour_filled_late_is_emitted_final_once():
    w = EventTimeWindows({}, {}, sources=1, grace=GRACE, allowed_lateness=timedelta(hours=2))
    on_event(w, 0, 0, "a", at(8, 30), {})
    on_clock(w, 0, 0, at(9, 15))
    assert not on_event(w, 0, 0, "b", at(7, 10), {}).late
    assert [(f.window_start, f.final, f.corrections) for f in w.close_due(0)] == [(at(7), True, 0)]
    assert w.close_due(0) == []


def test_a_late_event_leaves_its_hopping_windows_already_forgotten_alone():
    """Within the allowed lateness of its last window, an event may be past that of its first one,
    which was emitted final and forgotten: opened again, it would be emitted a second time with a
    part of its events."""
    w = EventTimeWindows({}, {}, sources=1, grace=GRACE, allowed_lateness=timedelta(minutes=30), size=HOUR,
                         step=timedelta(minutes=30))
    on_event(w, 0, 0, "a", at(6, 10), {})  # in 05:30-06:30 and 06:00-07:00
    finals = on_clock(w, 0, 0, at(7, 15))  # both closed; 05:30-06:30 also past its lateness (07:15)
    assert [(f.window_start, f.event_ids) for f in finals] == [(at(5, 30), ["a"]), (at(6), ["a"])]
    late = on_event(w, 0, 0, "b", at(6, 20), {})
    assert not late.late and late.updates == []
    assert [(f.window_start, f.corrections, f.event_ids) for f in w.reissue(0, at(6, 20))] == [(at(6), 1, ["a", "b"])]
    assert w.close_due(0) == [] and at(5, 30).isoformat().replace("+00:00", "Z") not in w.windows


def test_rolling_windows_are_emitted_final_only_one_per_step():
    w = EventTimeWindows({}, {}, sources=1, grace=GRACE, size=HOUR, step=timedelta(minutes=5), updates=False)
    assert w.add(0, "a", at(6, 32), {}) == [] and w.add(0, "b", at(6, 58), {}) == []
    finals = on_clock(w, 0, 0, at(8, 10))
    assert [f.window_end for f in finals] == [at(6, 35) + timedelta(minutes=5 * i) for i in range(17)]
    assert all(f.final for f in finals)
    by_end = {f.window_end: f.event_ids for f in finals}
    assert by_end[at(6, 35)] == ["a"] and by_end[at(7, 0)] == ["a", "b"] and by_end[at(7, 55)] == ["b"]
