"""The pipeline's two steps on a real live blog (seed 004), as the worker and `analyze` run them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from streams.analyze import analyze
from streams.fold.aggregate import Aggregator, Stores
from streams.fold.alerts import AlertEvaluator, load_rules
from streams.ingest import parse_file
from streams.pipeline import BadRecord, EntryStep, FoldStep, classify
from streams.settings import Settings
from tests.conftest import SEED_004

ENTRIES = parse_file(SEED_004)


def test_the_entry_step_passes_an_entry_once_and_rejects_a_reused_id_with_its_reason():
    step = EntryStep({}, timedelta(hours=6))
    first = ENTRIES[0]
    assert step.passes(first, "liveblog.entries:0:0")
    assert not step.passes(first.model_copy(update={"seq": 9}), "liveblog.entries:0:7")  # a copy
    assert step.passes(first, "liveblog.entries:0:0")  # redelivered after a crash: processed again
    with pytest.raises(BadRecord, match=f"entry_id {first.entry_id} reused with different content"):
        step.passes(first.model_copy(update={"headline": "another headline"}), "liveblog.entries:0:8")


def test_the_entry_step_forgets_entries_once_its_clock_is_past_the_horizon():
    step = EntryStep({}, timedelta(hours=2))
    for n, entry in enumerate(ENTRIES):
        assert step.passes(entry, f"liveblog.entries:0:{n}")
    assert step.clock(ENTRIES[-1].published_at + timedelta(hours=3)) == len(ENTRIES)
    assert step.passes(ENTRIES[0], "liveblog.entries:0:99")  # forgotten: the fold judges a late copy


def test_the_fold_step_publishes_what_analyze_prints_and_rejects_a_late_event():
    settings = Settings()
    fold = FoldStep(Aggregator(Stores(), sources=1, grace=settings.grace),
                    AlertEvaluator({}, load_rules(settings.alert_rules)))
    tolls, alerts = [], []
    for entry in ENTRIES:
        published = fold.event(0, 0, classify(entry))
        tolls += published.result.tolls
        alerts += published.alerts
    published = fold.clock(0, 0, ENTRIES[-1].published_at + timedelta(days=1))
    tolls += published.result.tolls
    alerts += published.alerts
    assert [t.to_json() for t in tolls] == [t.to_json() for t in analyze(ENTRIES, settings, emit="tolls")]
    assert [a.to_json() for a in alerts] == [a.to_json() for a in analyze(ENTRIES, settings, emit="alerts")]
    assert tolls and alerts
    with pytest.raises(BadRecord, match="late"):
        fold.event(0, 0, classify(ENTRIES[0]))


def test_without_an_evaluator_the_fold_step_computes_no_alerts():
    settings = Settings()
    fold = FoldStep(Aggregator(Stores(), sources=1, grace=settings.grace), None)
    published = [fold.event(0, 0, classify(entry)) for entry in ENTRIES]
    assert any(p.result.events for p in published) and not any(p.alerts for p in published)
