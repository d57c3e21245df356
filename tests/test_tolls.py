"""Toll reconciliation: seed 004 end to end, idempotency, restatements, corrections, history."""

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import orjson

from schemas import CasualtyClaim, ClassifiedEvent, format_utc
from streams.extract.casualties import extract_claims
from streams.extract.classify import classify
from streams.fold import tolls
from streams.fold.tolls import apply_event, settle, snapshot

SEED = Path(__file__).resolve().parents[1] / "data" / "samples" / "004_e618b8fcb27a5de3.txt"
_ITEM = re.compile(r"^(\d\d):(\d\d) GMT\s*[–-]\s*(.*)$", re.MULTILINE)


def seed_entries() -> list[tuple[datetime, str, str]]:
    """Seed 004 split into (time, headline, body), oldest first: a stand-in for the parser."""
    text = SEED.read_text(encoding="utf-8")
    items = list(_ITEM.finditer(text))
    out = []
    for item, nxt in zip(items, items[1:] + [None]):
        body = text[item.end():nxt.start() if nxt else len(text)].strip()
        when = datetime(2020, 9, 28, int(item.group(1)), int(item.group(2)), tzinfo=timezone.utc)
        out.append((when, item.group(3).strip(), body))
    return out[::-1]


def event(event_id: str, when: datetime, headline: str, body: str, source: str = "Al Jazeera",
          casualties: list[CasualtyClaim] | None = None) -> ClassifiedEvent:
    claims = extract_claims(headline, body, when) if casualties is None else casualties
    c = classify(headline, body, claims)
    return ClassifiedEvent(
        entry_id=event_id, source=source, url=None, blog_title="live", published_at=when, time_precision="minute",
        headline=headline, body=body, seq=0, event_id=event_id, verdict="new", cluster=event_id, mentions=1,
        sources=[source], revision_of=None, first_seen=when, category=c.category, labels=c.labels,
        subtypes=c.subtypes, actors=c.actors, locations=c.locations, casualties=claims,
    )


def run_seed() -> dict[str, dict[str, tuple]]:
    """Snapshot after each entry, keyed by HH:MM."""
    state: dict = {}
    after = {}
    for i, (when, headline, body) in enumerate(seed_entries()):
        state, _ = apply_event(state, event(f"ev{i}", when, headline, body))
        after[when.strftime("%H:%M")] = snapshot(state)
    return after


def test_seed_004_tolls():
    after = run_seed()
    nk = "nagorno-karabakh/military/killed"
    assert after["06:30"][nk] == (31, 31, None)
    assert after["12:00"][nk] == (59, 59, 59)
    assert after["15:00"][nk] == (58, 58, 58)
    assert after["20:35"][nk] == (84, 84, None)
    assert after["15:00"]["all/all/killed"] == (67, 67, 67)
    assert after["15:00"]["all/civilian/killed"] == (9, 9, 9)
    assert after["15:00"]["armenia/civilian/killed"] == (2, 2, 2)
    az = "azerbaijan/civilian/killed"
    assert after["07:55"][az] == (6, 6, 6)
    assert after["15:00"][az] == (7, 7, 7)
    assert after["18:00"][az] == (9, 9, 10)
    assert after["07:55"]["azerbaijan/civilian/wounded"] == (19, 19, 19)
    assert after["18:00"]["azerbaijan/civilian/wounded"] == (21, 21, 21)
    assert set(after["20:35"]) == {nk, az, "azerbaijan/civilian/wounded", "all/all/killed", "all/civilian/killed",
                                   "armenia/civilian/killed"}


def test_a_series_value_before_a_time_is_its_last_change_before_it_settled_or_not():
    """What a window reports as the tolls at its start and end: the value after the last claim
    before that time, also once the older claims were settled into the base."""
    state: dict = {}
    after: list[tuple[str, dict]] = []  # (time of the claims, snapshot after them)
    for i, (when, headline, body) in enumerate(seed_entries()):
        state, _ = apply_event(state, event(f"ev{i}", when, headline, body))
        if after and after[-1][0] == format_utc(when):
            after.pop()  # several entries at one minute: the value after the last of them
        after.append((format_utc(when), snapshot(state)))
    settled = settle(state, datetime(2020, 9, 28, 12, 30, tzinfo=timezone.utc))
    assert settled is not state
    for (at, expected), (next_at, _) in zip(after, after[1:]):
        for key, series in state["series"].items():
            assert tolls.value_at(series, next_at) == expected.get(key), (key, at)
            if at >= "2020-09-28T12:30":
                assert tolls.value_at(settled["series"][key], next_at) == expected.get(key), (key, at)
    first = after[0][0]
    assert all(tolls.value_at(series, first) is None for series in state["series"].values())


def test_idempotent_per_event_and_pure():
    when, headline, body = seed_entries()[0]
    ev = event("a", when, headline, body)
    state, updates = apply_event({}, ev)
    assert [u.series for u in updates] == ["nagorno-karabakh/military/killed"]
    assert (updates[0].min, updates[0].best, updates[0].max) == (31, 31, None)
    frozen = repr(state)
    again, none = apply_event(state, ev)
    assert none == [] and again == state and repr(state) == frozen
    assert orjson.loads(orjson.dumps(state)) == state


def test_restated_by_other_source_counts_once():
    t = datetime(2022, 6, 1, 10, tzinfo=timezone.utc)
    state, first = apply_event({}, event("a", t, "Ukraine: 5 civilians killed in Kharkiv shelling", ""))
    state, second = apply_event(state, event("b", t + timedelta(minutes=20),
                                             "Five civilians were killed in Kharkiv, officials say", "", source="Reuters"))
    assert first and second == []
    assert snapshot(state)["ukraine/civilian/killed"] == (5, 5, 5)
    state, third = apply_event(state, event("c", t + timedelta(hours=9), "Another 5 civilians killed in Kharkiv", ""))
    assert snapshot(state)["ukraine/civilian/killed"] == (10, 10, 10)


def test_cumulative_replaces_downward_and_stale_totals_are_ignored():
    t = datetime(2023, 12, 10, 8, tzinfo=timezone.utc)
    state, _ = apply_event({}, event("a", t, "Gaza death toll rises to 120", ""))
    state, _ = apply_event(state, event("b", t + timedelta(hours=1), "Gaza death toll revised to 110", ""))
    assert snapshot(state)["palestine/all/killed"] == (110, 110, 110)
    state, updates = apply_event(state, event("c", t + timedelta(hours=2), "Gaza death toll rises to 120", ""))
    assert updates == [] and snapshot(state)["palestine/all/killed"] == (110, 110, 110)
    # a total older than the current one never replaces it
    state, updates = apply_event(state, event("d", t - timedelta(hours=1), "Gaza death toll rises to 100", ""))
    assert updates == [] and snapshot(state)["palestine/all/killed"] == (110, 110, 110)


def test_historical_claims_never_count():
    t = datetime(2020, 9, 27, 12, tzinfo=timezone.utc)
    body = "During the worst recent clashes in April 2016, around 110 people were killed."
    state, updates = apply_event({}, event("h", t, "Fighting erupts", body))
    assert updates == [] and snapshot(state) == {}


def test_update_carries_provenance():
    when, headline, body = [e for e in seed_entries() if e[0].strftime("%H:%M") == "12:00"][0]
    _, updates = apply_event({}, event("x", when, headline, body))
    (update,) = updates
    assert update.as_of == when and update.claims[-1].kind == "cumulative" and update.claims[-1].counted
    assert update.claims[-1].event_id == "x" and update.claims[-1].source == "Al Jazeera"


def test_claims_in_event_time_order_extend_the_fold_as_a_refold_would():
    """In order, a claim is folded onto the last fold; out of order, every claim is refolded from
    the base. Both must give the same series, whatever the arrival order."""
    entries = [event(f"ev{i}", when, headline, body) for i, (when, headline, body) in enumerate(seed_entries())]
    in_order: dict = {}
    for e in entries:
        in_order, _ = apply_event(in_order, e)
    newest_first: dict = {}
    for e in reversed(entries):
        newest_first, _ = apply_event(newest_first, e)
    assert in_order["series"]  # seed 004 reports tolls for several series
    assert in_order == newest_first


def test_settling_forgets_increments_too_old_to_be_restated_and_keeps_totals():
    """A long replay must not carry every figure it ever saw; a recent total seen once stays seen."""
    t0 = datetime(2020, 10, 1, 8, 0, tzinfo=timezone.utc)
    state: dict = {}
    for i, (hours, headline) in enumerate([(0, "Nagorno-Karabakh region says 3 more troops killed"),
                                           (1, "Nagorno-Karabakh says its military death toll rose to 90")]):
        state, _ = apply_event(state, event(f"ev{i}", t0 + timedelta(hours=hours), headline, ""))
    key = "nagorno-karabakh/military/killed"
    assert set(state["series"][key]["fold"]["seen"]) == {"delta:3", "total:90"}
    settled = settle(state, t0 + timedelta(hours=8))
    assert set(settled["series"][key]["base"]["seen"]) == {"total:90"}
    assert snapshot(settled) == snapshot(state)
    later, _ = apply_event(settled, event("ev2", t0 + timedelta(hours=9), "Nagorno-Karabakh region says 3 more troops killed", ""))
    assert snapshot(later)[key] == (93, 93, 93)


def test_a_long_run_of_totals_keeps_the_series_state_bounded(monkeypatch):
    """Every hour a new total: once settled, a series remembers only its most recent totals, so its
    state stops growing; a stale restatement of a remembered total is still ignored, one of a
    forgotten total counts again."""
    TOTALS_REMEMBERED = 64  # a smaller bound than the shipped one, for speed
    monkeypatch.setattr(tolls, "TOTALS_REMEMBERED", TOTALS_REMEMBERED)
    t0 = datetime(2020, 10, 1, tzinfo=timezone.utc)
    key = "nagorno-karabakh/military/killed"

    def run(totals: int) -> dict:
        state: dict = {}
        for i in range(totals):
            at = t0 + timedelta(hours=i)
            state, _ = apply_event(state, event(f"ev{i}", at, f"Nagorno-Karabakh says its military death toll rose to {100 + i}", ""))
            state = settle(state, at - timedelta(hours=12))
        return state

    short, long = run(2 * TOTALS_REMEMBERED), run(4 * TOTALS_REMEMBERED)
    assert len(orjson.dumps(long)) <= len(orjson.dumps(short)) * 1.05
    base_totals = [k for k in long["series"][key]["base"]["seen"] if k.startswith("total:")]
    assert len(base_totals) == TOTALS_REMEMBERED
    last = 100 + 4 * TOTALS_REMEMBERED - 1
    assert snapshot(long)[key] == (last, last, last)
    at = t0 + timedelta(hours=4 * TOTALS_REMEMBERED)
    recent = f"Nagorno-Karabakh says its military death toll rose to {last - 20}"
    state, updates = apply_event(long, event("stale", at, recent, "", source="Other Wire"))
    assert updates == [] and snapshot(state)[key] == (last, last, last)
    forgotten = f"Nagorno-Karabakh says its military death toll rose to {100 + TOTALS_REMEMBERED}"
    state, updates = apply_event(long, event("old", at, forgotten, "", source="Other Wire"))
    assert snapshot(state)[key] == (100 + TOTALS_REMEMBERED,) * 3


def test_a_correction_after_a_total_does_not_replace_an_increment_the_total_replaced():
    """Synthetic corpus, seed 8: the correction took 14 (the last increment, before the total of 8)
    off the total, and the toll went to -1; the worker dead-lettered the entry."""
    t0 = datetime(2020, 9, 28, 10, 5, tzinfo=timezone.utc)
    office = "Azerbaijan’s prosecutor general’s office said"
    state: dict = {}
    for i, (minutes, text) in enumerate([
        (0, f"Fourteen civilians were killed and forty-nine others wounded in overnight attacks on Barda, {office}."),
        (27, f"{office} on Monday that 8 civilians have been killed since the fighting began."),
        (90, f"{office} 5 civilians were killed in the latest fighting – after previously reporting 4 – bringing "
             "the total to 8."),
    ]):
        state, _ = apply_event(state, event(f"ev{i}", t0 + timedelta(minutes=minutes), "Live", text))
    assert snapshot(state)["azerbaijan/civilian/killed"] == (8, 8, 8)


def test_a_correction_of_an_increment_the_total_may_include_stays_out_of_the_lower_bound():
    """An increment dated earlier the same day adds to max only; correcting it must not take it off
    the total's lower bound (10 fell to 7), and two corrections end where the last one alone would."""
    t0 = datetime(2020, 9, 28, 10, 0, tzinfo=timezone.utc)
    total = "Azerbaijan says its civilian death toll rose to 10."
    earlier = "Azerbaijan says 5 more civilians were killed earlier in the morning in Terter."

    def tolls_after(*corrections: int) -> tuple:
        texts = [total, earlier] + [f"Azerbaijan says {n} civilians were killed in Terter, after previously reporting 5."
                                    for n in corrections]
        state: dict = {}
        for i, text in enumerate(texts):
            state, _ = apply_event(state, event(f"ev{i}", t0 + timedelta(minutes=30 * i), "Live", text))
        return snapshot(state)["azerbaijan/civilian/killed"]

    assert tolls_after(2) == (10, 10, 12)
    assert tolls_after(1, 4) == tolls_after(4) == (10, 10, 14)
