"""The ordered fold of events into tolls and windows, offline on the samples (the same code the
worker's fold agent runs)."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest

from schemas import ClassifiedEvent, Entry
from streams.fold.aggregate import CLOCKS, QUEUE_HOURS, QUEUE_PREFIX, SERIES_PREFIX, WAITING_PREFIX, Aggregator, Stores, stores_in_one
from streams.analyze import analyze, analyze_replays
from streams.ingest import parse_paths
from streams.replay.schedule import schedule_counts
from streams.settings import Settings
from streams.state.stores import WriteBehind
from streams.fold.tolls import PROVENANCE_LIMIT
from tests.conftest import SAMPLES, SEED_004, run_cli
from tests.test_pipeline_broker import EXPECTED_TOLLS, toll_steps
from tests.test_stores import RecordingDict

SETTINGS = Settings()


def run(emit: str, *paths) -> list:
    return run_entries(emit, parse_paths(list(paths)))


def run_entries(emit: str, entries: list[Entry]) -> list:
    return list(analyze(entries, SETTINGS, emit=emit))


def seed_events() -> list[ClassifiedEvent]:
    return run("events", SEED_004)


def test_seed_004_tolls_follow_the_issue():
    steps = toll_steps([u.to_dict() for u in run("tolls", SEED_004)])
    for series, expected in EXPECTED_TOLLS.items():
        assert steps[series] == expected, series
    updates = {(u.series, u.as_of.strftime("%H:%M")): u for u in run("tolls", SEED_004)}
    assert updates[("nagorno-karabakh/military/killed", "06:30")].max is None  # "more than 30"
    assert updates[("azerbaijan/civilian/killed", "18:00")].max in (9, 10)
    assert updates[("all/civilian/killed", "15:00")].min == 9


def test_toll_updates_carry_their_provenance():
    final = [u for u in run("tolls", SEED_004) if u.series == "nagorno-karabakh/military/killed"][-1]
    counted = [c for c in final.claims if c.counted]
    assert counted and all(c.source == "Al Jazeera" and c.event_id for c in counted)
    assert any("26 more" in c.text for c in counted)


def test_window_fields_sum_the_changes_reported_in_the_hour():
    finals = {w.window_start.hour: w for w in run("windows", SEED_004) if w.final}
    assert finals[12].killed == {"nagorno-karabakh/military/killed": 28}
    assert finals[15].killed["nagorno-karabakh/military/killed"] == -1  # 59 corrected to 58
    assert finals[15].tolls["all/all/killed"].best == 67
    assert finals[14].tolls["nagorno-karabakh/military/killed"].best == 59  # as it stood at 15:00
    assert finals[10].by_category == {"diplomacy": 2}
    assert all(sum(w.by_category.values()) == w.events for w in finals.values())


def test_articles_historical_and_survivor_claims_change_no_toll():
    articles = sorted(p for p in SAMPLES.glob("*.txt") if p.name != SEED_004.name)
    steps = toll_steps([u.to_dict() for u in run("tolls", *articles)])
    assert all(min_ <= 12 for series in steps.values() for _, min_ in series), steps  # no 110, no "dozen"
    civilians = [s for s in steps if s.endswith("/civilian/killed")]
    assert any(v[-1][1] == 2 for s in civilians for v in [steps[s]])  # "a woman and a child"


def test_the_same_event_twice_and_a_late_event_change_nothing():
    events = seed_events()
    aggregator = Aggregator(Stores(), sources=1, grace=timedelta(minutes=15))
    for event in events:
        aggregator.on_event(0, 0, event)
    before = aggregator.tolls_at(datetime(2020, 9, 29, tzinfo=timezone.utc))
    again = [aggregator.on_event(0, 0, event) for event in events]
    assert all(not r.tolls and not r.windows for r in again)
    aggregator.on_clock(0, 0, datetime(2020, 9, 28, 23, tzinfo=timezone.utc))
    late = aggregator.on_event(0, 0, events[0].model_copy(update={"event_id": "late-copy"}))
    assert late.late_reason and "late" in late.late_reason and not late.tolls
    assert aggregator.tolls_at(datetime(2020, 9, 29, tzinfo=timezone.utc)) == before


def test_arrival_order_across_partitions_does_not_change_the_outcome():
    """Events from two source partitions, interleaved differently, give the same tolls and windows."""
    events = seed_events()
    tagged = [(i % 2, event) for i, event in enumerate(events)]  # each partition stays in time order
    outcomes = []
    for order in (tagged, [t for t in tagged if t[0] == 0] + [t for t in tagged if t[0] == 1]):
        aggregator = Aggregator(Stores(), sources=2, grace=timedelta(minutes=15))
        windows, updates = [], []
        for source, event in order:
            result = aggregator.on_event(0, source, event)
            windows += result.windows
            updates += result.tolls
        end = datetime(2020, 9, 29, tzinfo=timezone.utc)
        for source in (0, 1):
            windows += aggregator.on_clock(0, source, end).windows
        outcomes.append(({w.window_start: w for w in windows if w.final}, aggregator.tolls_at(end),
                         [(u.series, u.best) for u in updates]))
    assert outcomes[0] == outcomes[1]
    assert len(outcomes[0][0]) == 14


def sequential_replays(*paths, allowed_lateness_hours: float) -> tuple[dict, dict]:
    """Each document replayed on its own, one after another, through one fold: the latest final
    per window (corrections included) and the latest toll per series."""
    settings = Settings(allowed_lateness_hours=allowed_lateness_hours)
    replays = [parse_paths([path]) for path in paths]
    finals = {w.window_start: w for w in analyze_replays(replays, settings, emit="windows") if w.final}
    tolls = {u.series: (u.min, u.best, u.max) for u in analyze_replays(replays, settings, emit="tolls")}
    return finals, tolls


def test_a_later_scrape_replayed_after_the_first_corrects_the_closed_windows(capsys):
    """Issue 4: seed 004, then its later scrape, then a copy, each replayed on its own after the
    previous one closed its windows, end as the later scrape replayed alone."""
    from tests.test_dedup_pipeline import COPY, LATER

    alone, alone_tolls = sequential_replays(LATER, allowed_lateness_hours=24)
    finals, tolls = sequential_replays(SEED_004, LATER, COPY, allowed_lateness_hours=24)
    assert "late" not in capsys.readouterr().err
    assert {k: w.model_copy(update={"corrections": 0}) for k, w in finals.items()} == alone
    assert tolls == alone_tolls
    assert any(w.corrections for w in finals.values())  # the edits reached closed windows
    assert all(w.corrections == 0 for w in alone.values())


def test_a_rolling_window_ending_on_the_hour_is_that_hour_s_window():
    """Rolling windows are the 60 minutes ending every 5 minutes: the one ending on an hour holds
    what the hourly window of that hour holds, on every sample, and each is emitted once, final."""
    entries = parse_paths(sorted(SAMPLES.glob("*.txt")))
    settings = Settings(rolling_windows=True)
    hourly = {w.window_end: w for w in analyze(entries, settings, emit="windows") if w.final}
    rolling = list(analyze(entries, settings, emit="rolling"))
    assert all(w.final for w in rolling) and len({w.window_end for w in rolling}) == len(rolling)
    on_the_hour = {w.window_end: w for w in rolling if w.window_end.minute == 0}
    assert set(on_the_hour) == set(hourly)
    for end, window in hourly.items():
        assert on_the_hour[end].to_dict() == window.to_dict(), end
    assert len(rolling) > 10 * len(hourly)


def test_a_bulk_replay_s_hourly_clock_gives_what_a_five_minute_clock_gives():
    """A bulk replay ticks hourly because hourly windows need no finer clock: on every sample,
    the windows, rolling windows and tolls are those of a 5-minute clock (in another order: the
    fold releases an hour of entries at a time), with far fewer clock records."""
    entries = parse_paths(sorted(SAMPLES.glob("*.txt")))
    hourly, fine = Settings(rolling_windows=True), Settings(rolling_windows=True, bulk_heartbeat_minutes=5)

    def outputs(settings: Settings, emit: str) -> list[bytes]:
        return sorted(record.to_json() for record in analyze(entries, settings, emit=emit))

    for emit in ("windows", "rolling", "tolls"):
        assert outputs(hourly, emit) == outputs(fine, emit), emit
    assert len(outputs(hourly, "windows")) > 20
    assert schedule_counts(entries, hourly)["heartbeat"] * 2 < schedule_counts(entries, fine)["heartbeat"]


def test_late_edits_reissue_the_rolling_windows_they_change():
    """After seed 004 closed its windows, its later scrape corrects them: the latest rolling window
    ending on each hour still equals that hour's latest window."""
    from tests.test_dedup_pipeline import LATER

    settings = Settings(allowed_lateness_hours=24, rolling_windows=True)
    replays = [parse_paths([SEED_004]), parse_paths([LATER])]
    hourly = {w.window_end: w for w in analyze_replays(replays, settings, emit="windows") if w.final}
    rolling = {w.window_end: w for w in analyze_replays(replays, settings, emit="rolling")}
    assert any(w.corrections for w in rolling.values())
    for end, window in hourly.items():
        assert rolling[end].to_dict() == window.to_dict(), end


def test_without_allowed_lateness_the_later_scrape_is_late(capsys):
    from tests.test_dedup_pipeline import LATER

    finals, _ = sequential_replays(SEED_004, LATER, allowed_lateness_hours=0)
    late = [line for line in capsys.readouterr().err.splitlines() if "late:" in line]
    assert late and all("allowed lateness 0:00:00" in line for line in late)
    assert all(w.corrections == 0 for w in finals.values())


def test_tolls_do_not_depend_on_how_long_claims_stay_unsettled(tmp_path):
    """A claim restated within the restatement window counts once even when the first one was
    settled into a base already: with claims settled 1 h 15 min behind stream time, a day of the
    synthetic corpus counted restatements again (the worker, settling 24 h behind, did not)."""
    assert run_cli("synth", "--entries", "20000", "--seed", "1", "--out", str(tmp_path)).returncode == 0
    day = parse_paths(sorted(tmp_path.glob("2024-05-18_*.txt")))
    assert day

    def tolls(hours: float) -> list:
        return [u.to_dict() for u in analyze(day, Settings(allowed_lateness_hours=hours), emit="tolls")]

    assert tolls(0) == tolls(24)


def increments_only_blog(directory: Path, days: int = 30) -> list[Entry]:
    """A month of a blog that reports only increments, every two hours: "N more troops killed"."""
    entries = []
    for d in range(days):
        day = date(2020, 9, 28) + timedelta(days=d)
        items = [f"{h:02d}:05 GMT – Nagorno-Karabakh region says {d * 12 + h // 2 + 2} more troops killed\n\n"
                 "The defence ministry published the names." for h in range(22, -1, -2)]
        path = directory / f"{day}_nk.txt"
        path.write_text("Live\n\n" + "\n\n".join(items) + "\n", encoding="utf-8")
        entries += parse_paths([path], date=day)
    return entries


def test_a_series_without_totals_keeps_its_state_and_its_updates_small(tmp_path):
    """Its provenance would otherwise list every claim of the replay: a 20,000-entry replay made a
    state record over Kafka's 1 MB limit, and the worker stopped."""
    entries = increments_only_blog(tmp_path)
    series = "nagorno-karabakh/military/killed"
    last = [u for u in run_entries("tolls", entries) if u.series == series][-1]
    assert last.min == sum(range(2, 2 + len(entries)))  # every increment counts
    assert len(last.claims) == PROVENANCE_LIMIT and last.claims_omitted == len(entries) - PROVENANCE_LIMIT
    assert last.claims[-1].published_at == max(e.published_at for e in entries)  # the most recent are listed

    stores = Stores()
    aggregator = Aggregator(stores, sources=1, grace=timedelta(minutes=15), allowed_lateness=timedelta(hours=24))
    for event in run_entries("events", entries):
        aggregator.on_event(0, 0, event)
    aggregator.on_clock(0, 0, last.as_of + timedelta(days=3))
    assert SERIES_PREFIX + series in stores.tolls  # each series under its own key
    assert max(len(orjson.dumps(value)) for value in stores.tolls.values()) < 64_000


def test_waiting_events_are_stored_one_per_key_and_released_in_event_time_order():
    """Until the slowest source's clock passes them, events wait, each under its own key (a bulk
    batch is hundreds of them: one record holding them all neared Kafka's 1 MB limit)."""
    events = seed_events()
    stores = Stores()
    aggregator = Aggregator(stores, sources=2, grace=timedelta(minutes=15))
    for event in reversed(events):
        assert not aggregator.on_event(0, 0, event).events  # source 1 has no clock yet
    aggregator.on_event(0, 0, events[0])  # redelivered
    waiting = [key for key in stores.pending if key.startswith(WAITING_PREFIX)]
    queued = [key for hour in stores.pending[QUEUE_HOURS] for key in stores.pending[QUEUE_PREFIX + hour]]
    assert len(waiting) == len(queued) == len(events)
    middle = events[len(events) // 2].published_at
    released = aggregator.on_clock(0, 1, middle).events
    assert [e.entry_id for e in released] == [e.entry_id for e in events if e.published_at <= middle]
    released += aggregator.on_clock(0, 1, events[-1].published_at + timedelta(hours=1)).events
    assert [e.entry_id for e in released] == [e.entry_id for e in events]
    assert dict(stores.pending) == {QUEUE_HOURS: []}


@pytest.mark.slow
def test_events_waiting_for_a_source_read_days_behind_keep_every_state_value_small():
    """On a bulk replay the worker can read one source partition days ahead of another, and that
    partition's events wait for the watermark: a single list of every waiting key passed Kafka's
    1 MB record limit at about 14,000 of them, and the worker stopped."""
    events = seed_events()
    stores = Stores()
    aggregator = Aggregator(stores, sources=2, grace=timedelta(minutes=15))
    start = min(e.published_at for e in events)
    copies = [e.model_copy(update={"entry_id": f"{e.entry_id}-{n}", "published_at": start + timedelta(minutes=n)})
              for n in range(20_000) for e in events[n % len(events):n % len(events) + 1]]
    for event in copies:
        assert not aggregator.on_event(0, 0, event).events  # source 1 has no clock yet
    assert sum(key.startswith(WAITING_PREFIX) for key in stores.pending) == len(copies)
    assert max(len(orjson.dumps(value)) for value in stores.pending.values()) < 64_000
    released = aggregator.on_clock(0, 1, copies[-1].published_at + timedelta(hours=1)).events
    assert [e.entry_id for e in released] == [e.entry_id for e in copies]
    assert dict(stores.pending) == {QUEUE_HOURS: []}


def fold_in_batches(state: dict, records: list, *, size: int) -> tuple[Aggregator, RecordingDict]:
    """The fold agent's loop: each record's writes kept, each batch's written to the table once."""
    table = RecordingDict()
    dict.update(table, state)
    fold_state = WriteBehind(table, flush_last=CLOCKS)
    aggregator = Aggregator(stores_in_one(fold_state), sources=1, grace=timedelta(minutes=15))
    for start in range(0, len(records), size):
        for record in records[start:start + size]:
            if isinstance(record, datetime):
                aggregator.on_clock(0, 0, record)
            else:
                aggregator.on_event(0, 0, record)
            fold_state.keep()
        fold_state.flush()
    return aggregator, table


def test_a_crash_that_loses_the_end_of_a_batch_leaves_state_the_redelivered_batch_can_fold():
    """A crash loses a suffix of a batch's writes (streams.state.stores); the batch is then delivered
    again. Whatever suffix was lost, folding it again works (no record names a lost one) and ends
    with the tolls of a run without the crash (the clock, flushed last, is lost first)."""
    events = seed_events()
    records = [*events[:8], events[8].published_at, *events[8:16], datetime(2020, 9, 29, tzinfo=timezone.utc)]
    before, last = records[:8], records[8:]
    _, durable = fold_in_batches({}, before, size=8)
    _, table = fold_in_batches(dict(durable), last, size=len(last))
    end = datetime(2020, 9, 29, tzinfo=timezone.utc)
    expected = fold_in_batches(dict(durable), last, size=len(last))[0].tolls_at(end)
    for kept in range(len(table.log) + 1):
        crashed = dict(durable)
        for key, value in table.log[:kept]:
            if value is None:  # a delete
                crashed.pop(key, None)
            else:
                crashed[key] = value
        aggregator, _ = fold_in_batches(crashed, last, size=len(last))  # a lost write once raised KeyError here
        assert aggregator.tolls_at(end) == expected, kept  # the clock flushed last: nothing comes late


def test_a_failed_record_leaves_nothing_in_the_windows_after_it():
    """The worker drops a failed record's writes and what the fold derived from them in memory
    (``forget_derived``): the windows rendered after it are those of a fold that never saw it.
    The tolls at a window's bounds are kept in memory until the tolls change, and here the next
    event, in the same window, changes none."""
    events = seed_events()
    failed = next(n for n, (event, following) in enumerate(zip(events, events[1:]))
                  if event.casualties and not following.casualties and event.published_at.hour == following.published_at.hour)
    table = RecordingDict()
    fold_state = WriteBehind(table, flush_last=CLOCKS)
    aggregator = Aggregator(stores_in_one(fold_state), sources=1, grace=timedelta(minutes=15))
    windows = []
    for n, event in enumerate(events):
        result = aggregator.on_event(0, 0, event)
        if n == failed:
            assert result.tolls and result.windows  # it changed a toll and was rendered with it
            fold_state.discard()  # as when publishing its outputs failed
            aggregator.forget_derived()
            continue
        fold_state.keep()
        windows += result.windows
    never_seen = Aggregator(Stores(), sources=1, grace=timedelta(minutes=15))
    expected = [window for n, event in enumerate(events) if n != failed
                for window in never_seen.on_event(0, 0, event).windows]
    assert [w.to_json() for w in windows] == [w.to_json() for w in expected]


def test_an_allowed_lateness_past_the_near_duplicate_horizon_is_refused():
    """Events accepted that late would be judged after the entries they repeat were forgotten
    (48 h horizon), and count twice: the fold refuses such settings, and the CLI says why."""
    Aggregator(Stores(), sources=1, grace=timedelta(minutes=15), allowed_lateness=timedelta(hours=46))
    with pytest.raises(ValueError, match=r"reach past the near-duplicate horizon \(2 days, 0:00:00"):
        Aggregator(Stores(), sources=1, grace=timedelta(minutes=15), allowed_lateness=timedelta(hours=47))
    result = run_cli("analyze", str(SEED_004), env={**os.environ, "LIVEBLOG_ALLOWED_LATENESS_HOURS": "72"})
    assert result.returncode == 2 and "reach past the near-duplicate horizon" in result.stderr
