"""Alert rules on the fold's real outputs: which alerts seed 004 raises with the default rules.

The inputs are the records the worker publishes (``streams.analyze``: events, tolls, windows),
merged back into the order the fold produces them, which is the order the worker feeds them to the
evaluator: an event, then the toll updates and window update it caused; a window's final record
when stream time passes its end plus the grace period.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import orjson
import pytest

from schemas import ClassifiedEvent, Record, TollUpdate, WindowValue
from streams.fold.alerts import RECENT_JUMPS, AlertEvaluator, fingerprint, load_rules
from streams.analyze import analyze
from streams.ingest import parse_file
from streams.settings import Settings
from tests.conftest import SAMPLES, SEED_004

SETTINGS = Settings()


def fold_outputs(path: Path = SEED_004) -> list[tuple[str, Record]]:
    """("event"|"toll"|"window", record) in the order the worker's fold agent produces them."""
    entries = parse_file(path)
    events: list[ClassifiedEvent] = list(analyze(entries, SETTINGS, emit="events"))  # type: ignore[arg-type]
    tolls: list[TollUpdate] = list(analyze(entries, SETTINGS, emit="tolls"))  # type: ignore[arg-type]
    windows: list[WindowValue] = list(analyze(entries, SETTINGS, emit="windows"))  # type: ignore[arg-type]
    when = {e.event_id: e.published_at for e in events}
    items: list[tuple[Any, str, Record]] = [((e.published_at, 1), "event", e) for e in events]
    items += [((u.as_of, 2), "toll", u) for u in tolls]
    seen: dict[Any, set[str]] = {}
    for w in windows:
        if w.final:  # closed by the clock record that passed its end + grace: before later events
            items.append(((w.window_end + SETTINGS.grace, 0), "window", w))
        else:  # caused by the one event it adds
            new = set(w.event_ids) - seen.get(w.window_start, set())
            seen[w.window_start] = set(w.event_ids)
            items.append(((when[new.pop()], 3), "window", w))
    items.sort(key=lambda item: item[0])  # stable: records of one kind keep their published order
    return [(kind, record) for _, kind, record in items]


def evaluate(evaluator: AlertEvaluator, outputs: list[tuple[str, Record]]) -> list:
    alerts = []
    for kind, record in outputs:
        alerts += getattr(evaluator, f"on_{kind}")(record)
    return alerts


# What seed 004 must raise with the default rules: deaths-in-window fires for
# nagorno-karabakh/military/killed at 06:00 (31), resolved by the 07:00 final, at 12:00 (28), resolved by
# the 14:00 final, and at 20:00 (26), still firing at the end; for all/all/killed at 15:00 (67), resolved
# by the 16:00 final. toll-jump: 31 -> 59 (12:00) and 58 -> 84 (20:35). First civilian casualties:
# azerbaijan (07:55), armenia (15:00). Mobilisation: 09:15. New actors, after the opening cast
# (nagorno-karabakh, azerbaijan, armenia): turkey and syria (08:45). Georgia, named only as the place a
# reporter spoke from (07:46), is not an actor in the fighting.
SEED_004_ALERTS = [
    ("firing", "deaths-in-window", {"series": "nagorno-karabakh/military/killed"}, "06:00"),
    ("firing", "first-civilian-casualties", {"party": "azerbaijan"}, "07:55"),
    ("resolved", "deaths-in-window", {"series": "nagorno-karabakh/military/killed"}, "06:00"),
    ("firing", "new-actor", {"actor": "turkey"}, "08:45"),
    ("firing", "new-actor", {"actor": "syria"}, "08:45"),
    ("firing", "mobilisation", {"category": "mobilisation"}, "09:15"),
    ("firing", "toll-jump", {"series": "nagorno-karabakh/military/killed", "best": "59"}, "12:00"),
    ("firing", "deaths-in-window", {"series": "nagorno-karabakh/military/killed"}, "12:00"),
    ("firing", "first-civilian-casualties", {"party": "armenia"}, "15:00"),
    ("firing", "deaths-in-window", {"series": "all/all/killed"}, "15:00"),
    ("resolved", "deaths-in-window", {"series": "nagorno-karabakh/military/killed"}, "12:00"),
    ("resolved", "deaths-in-window", {"series": "all/all/killed"}, "15:00"),
    ("firing", "toll-jump", {"series": "nagorno-karabakh/military/killed", "best": "84"}, "20:35"),
    ("firing", "deaths-in-window", {"series": "nagorno-karabakh/military/killed"}, "20:00"),
]


@pytest.fixture(scope="module")
def outputs() -> list[tuple[str, Record]]:
    return fold_outputs()


def test_seed_004_raises_exactly_the_documented_alerts(outputs):
    alerts = evaluate(AlertEvaluator({}, load_rules()), outputs)
    got = [(a.status, a.rule, a.labels, a.starts_at.strftime("%H:%M")) for a in alerts]
    assert got == SEED_004_ALERTS
    resolved = {(a.labels["series"], a.starts_at.hour): a.ends_at.strftime("%H:%M")
                for a in alerts if a.status == "resolved"}
    assert resolved == {("nagorno-karabakh/military/killed", 6): "07:00",
                        ("nagorno-karabakh/military/killed", 12): "14:00", ("all/all/killed", 15): "16:00"}


def test_alerts_name_the_events_behind_them(outputs):
    headlines = {r.event_id: r.headline for kind, r in outputs if kind == "event"}  # type: ignore[union-attr]
    alerts = {(a.rule, a.starts_at.strftime("%H:%M")): a
              for a in evaluate(AlertEvaluator({}, load_rules()), outputs) if a.status == "firing"}
    assert [headlines[e] for e in alerts[("mobilisation", "09:15")].event_ids] == [
        "Azerbaijan declares partial military mobilisation"]
    assert [headlines[e] for e in alerts[("deaths-in-window", "12:00")].event_ids] == [
        "Karabakh says 28 more of its troops killed in fighting with Azerbaijani forces"]
    assert [headlines[e] for e in alerts[("toll-jump", "20:35")].event_ids] == [
        "Nagorno-Karabakh region says 26 more troops killed in fighting with Azeri forces"]
    assert alerts[("first-civilian-casualties", "07:55")].severity == "critical"
    assert "6 killed" in alerts[("first-civilian-casualties", "07:55")].summary


def test_one_alert_per_condition_and_replay_never_refires(outputs):
    evaluator = AlertEvaluator({}, load_rules())
    first = evaluate(evaluator, outputs)
    assert evaluate(evaluator, outputs) == []  # the same inputs again: a redelivery, a second replay
    by_condition: dict[str, set[tuple[str, str]]] = {}
    for alert in first:
        assert alert.fingerprint == fingerprint(alert.rule, alert.labels)
        by_condition.setdefault(alert.fingerprint, set()).add((alert.rule, orjson.dumps(alert.labels).decode()))
    assert all(len(conditions) == 1 for conditions in by_condition.values())
    assert len(by_condition) == 9  # 14 records: 7 of them are deaths-in-window on 2 conditions


def test_toll_jumps_are_remembered_per_series_within_a_bound():
    """A series whose toll keeps jumping (a total, then a lower correction, then a higher total...)
    raises one alert per new value, never one again for a recent value, and its state stays one
    record however many jumps there were."""
    at = datetime(2020, 10, 1, tzinfo=timezone.utc)
    evaluator = AlertEvaluator({}, [rule for rule in load_rules() if rule.name == "toll-jump"])

    def toll(best: int, hours: int) -> TollUpdate:
        return TollUpdate(series="armenia/military/killed", party="armenia", population="military",
                          outcome="killed", min=best, best=best, max=best, as_of=at + timedelta(hours=hours), claims=[])

    fired = []
    for i in range(4 * RECENT_JUMPS):
        fired += evaluator.on_toll(toll(100, 2 * i))  # back down: a correction, not a jump
        fired += evaluator.on_toll(toll(200 + i, 2 * i + 1))
    assert [a.labels["best"] for a in fired] == [str(200 + i) for i in range(4 * RECENT_JUMPS)]
    assert evaluator.on_toll(toll(100, 999)) + evaluator.on_toll(toll(200 + 4 * RECENT_JUMPS - 1, 1000)) == []
    assert len(evaluator.state) == 2  # the best and the jumps


class SerialisingTable(MutableMapping[str, Any]):
    """Stores values as JSON bytes, like a Faust table's changelog: a nested value mutated in place
    after assignment is lost, so results equal to a dict's prove the evaluator assigns keys."""

    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}

    def __getitem__(self, key: str) -> Any:
        return orjson.loads(self.data[key])

    def __setitem__(self, key: str, value: Any) -> None:
        self.data[key] = orjson.dumps(value)

    def __delitem__(self, key: str) -> None:
        del self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def test_state_is_json_assigned_by_key_so_a_faust_table_works(outputs):
    rules = load_rules()
    assert evaluate(AlertEvaluator(SerialisingTable(), rules), outputs) == evaluate(AlertEvaluator({}, rules), outputs)


def test_state_survives_a_restart_midway(outputs):
    """The worker restarts with its table recovered: the second half raises what one run would."""
    rules = load_rules()
    table = SerialisingTable()
    half = len(outputs) // 2
    before = evaluate(AlertEvaluator(table, rules), outputs[:half])
    after = evaluate(AlertEvaluator(table, rules), outputs)  # redelivers the first half too
    assert before + after == evaluate(AlertEvaluator({}, rules), outputs)


def test_thresholds_come_from_the_rules_file(tmp_path, outputs):
    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nname = "big"\nkind = "deaths_in_window"\nseverity = "warning"\n'
                    'threshold = 50\nseries = ["all/*/*"]\n')
    alerts = evaluate(AlertEvaluator({}, load_rules(path)), outputs)
    assert [(a.status, a.labels["series"], a.starts_at.hour) for a in alerts] == [
        ("firing", "all/all/killed", 15), ("resolved", "all/all/killed", 15)]


@pytest.mark.parametrize("text, problem", [
    ('[[rule]]\nname = "x"\nkind = "nope"\nseverity = "info"\n', "does not match any of the expected tags"),
    ('[[rule]]\nname = "x"\nkind = "toll_jump"\nseverity = "loud"\nmin_increase = 1\n', "severity"),
    ('[[rule]]\nname = "x"\nkind = "new_category"\nseverity = "info"\ncategory = "c"\nsubtypes = []\n'
     "patterns = ['(']\n", "missing \\)"),
    ('[[rule]]\nname = "x"\nkind = "first_civilian"\nseverity = "info"\n' * 2, "unique"),
    ("[[rule]\n", "Expected"),
])
def test_a_bad_rules_file_is_an_error_naming_it(tmp_path, text, problem):
    path = tmp_path / "rules.toml"
    path.write_text(text)
    with pytest.raises(ValueError, match=problem) as info:
        load_rules(path)
    assert str(path) in str(info.value)


def test_the_demo_s_five_samples_raise_new_actors_for_the_states_drawn_in_only():
    """What `liveblog demo` shows: Turkey (sending fighters) and Syria (where they came from) join the
    fighting; the US, whose president said it would seek to stop the fighting, comments on it."""
    entries = [entry for path in sorted(SAMPLES.glob("*.txt")) for entry in parse_file(path)]
    alerts = analyze(entries, SETTINGS, emit="alerts")
    assert sorted(a.labels["actor"] for a in alerts if a.rule == "new-actor") == ["syria", "turkey"]  # type: ignore[union-attr]
