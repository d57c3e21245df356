"""Schema round trips through JSON, UTC formatting, and exported JSON Schema files kept current."""

from datetime import datetime, timedelta, timezone

import orjson
import pytest
from pydantic import ValidationError

from schemas import TOPIC_MODELS, Entry, HourWindow
from schemas.export import JSON_DIR, rendered_schemas

ENTRY = dict(entry_id="a", source="Al Jazeera", url=None, blog_title="t", time_precision="minute",
             headline="h", body="b", seq=0)


def test_entry_round_trip_and_utc_z():
    entry = Entry(**ENTRY, published_at=datetime(2020, 9, 28, 9, 30, tzinfo=timezone(timedelta(hours=3))))
    data = orjson.loads(entry.to_json())
    assert data["published_at"] == "2020-09-28T06:30:00Z"
    assert data["url"] is None  # nullable fields are present
    assert Entry.from_json(entry.to_json()) == entry


def test_naive_timestamp_is_refused():
    with pytest.raises(ValidationError, match="time zone"):
        Entry(**ENTRY, published_at=datetime(2020, 9, 28, 6, 30))


def test_window_leaves_later_issue_fields_absent():
    window = HourWindow(window_start=datetime(2020, 9, 28, 6, tzinfo=timezone.utc),
                        window_end=datetime(2020, 9, 28, 7, tzinfo=timezone.utc),
                        final=True, events=2, event_ids=["a", "b"])
    data = orjson.loads(window.to_json())
    assert set(data) == {"window_start", "window_end", "final", "corrections", "events", "event_ids"}
    assert HourWindow.from_json(window.to_json()) == window


def test_every_contract_topic_has_a_model():
    assert set(TOPIC_MODELS) == {
        "liveblog.entries", "liveblog.entries.unique", "liveblog.events", "liveblog.tolls",
        "liveblog.windows.hourly", "liveblog.windows.rolling", "liveblog.alerts", "liveblog.deadletter",
    }


def test_exported_json_schemas_are_current():
    stale = [name for name, text in rendered_schemas().items()
             if not (JSON_DIR / name).exists() or (JSON_DIR / name).read_bytes() != text]
    assert not stale, f"regenerate with `liveblog schemas export`: stale {stale}"
