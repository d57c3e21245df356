"""Exact dedup by entry_id: duplicates drop, a redelivery passes again, reused ids are conflicts."""

from datetime import datetime, timedelta, timezone

from schemas import Entry
from streams.dedup.exact import as_unique, conflict_reason, forget_before, partition_books, sighting

ENTRY = Entry(entry_id="a", source="Al Jazeera", url=None, blog_title="t",
              published_at=datetime(2020, 9, 28, 6, 30, tzinfo=timezone.utc), time_precision="minute",
              headline="h", body="b", seq=0)


def test_first_duplicate_redelivery_and_conflict():
    seen: dict[str, str] = {}
    assert sighting(seen, ENTRY, "liveblog.entries:0:5") == "first"
    assert sighting(seen, ENTRY, "liveblog.entries:0:9") == "duplicate"  # the same entry replayed later
    assert sighting(seen, ENTRY.model_copy(update={"seq": 7}), "liveblog.entries:2:1") == "duplicate"
    assert sighting(seen, ENTRY, "liveblog.entries:0:5") == "redelivery"  # after a crash: processed again
    changed = ENTRY.model_copy(update={"headline": "something else"})
    assert sighting(seen, changed, "liveblog.entries:1:3") == "conflict"
    assert conflict_reason(seen, changed) == "entry_id a reused with different content (first seen at liveblog.entries:0:5)"


def test_unique_record_is_its_own_cluster():
    unique = as_unique(ENTRY)
    assert (unique.event_id, unique.verdict, unique.cluster, unique.mentions, unique.sources) == (
        "a", "new", "a", 1, ["Al Jazeera"])
    assert unique.first_seen == ENTRY.published_at


def test_entries_are_forgotten_once_stream_time_is_past_their_hour_by_the_horizon():
    seen: dict = {}
    at = {"06:30": ENTRY, "06:55": ENTRY.model_copy(update={"entry_id": "b", "published_at": ENTRY.published_at.replace(minute=55)}),
          "07:10": ENTRY.model_copy(update={"entry_id": "c", "published_at": ENTRY.published_at.replace(hour=7, minute=10)})}
    for n, entry in enumerate(at.values()):
        assert sighting(seen, entry, f"liveblog.entries:0:{n}") == "first"
    assert seen["hours"] == ["2020-09-28T06", "2020-09-28T07"] and seen["h:2020-09-28T06"] == ["a", "b"]
    horizon = timedelta(hours=2)
    assert forget_before(seen, datetime(2020, 9, 28, 8, 59, tzinfo=timezone.utc), horizon) == 0  # 06:00-07:00 + 2 h
    assert sighting(seen, at["06:55"], "liveblog.entries:0:9") == "duplicate"
    assert forget_before(seen, datetime(2020, 9, 28, 9, 0, tzinfo=timezone.utc), horizon) == 2
    assert set(seen) == {"hours", "h:2020-09-28T07", "c"} and seen["hours"] == ["2020-09-28T07"]
    assert sighting(seen, at["07:10"], "liveblog.entries:0:9") == "duplicate"  # its hour is kept
    assert sighting(seen, ENTRY, "liveblog.entries:0:10") == "first"  # a copy past the horizon: the fold judges it
    assert forget_before(seen, datetime(2021, 1, 1, tzinfo=timezone.utc), horizon) == 2
    assert seen == {"hours": []}


def test_partitions_sharing_one_store_keep_their_own_hour_buckets():
    """Faust's memory store keeps every partition in one mapping: each partition's buckets have
    their own keys, so one partition's clock forgets none of another's entries."""
    seen: dict = {}
    other = ENTRY.model_copy(update={"entry_id": "b"})
    assert sighting(seen, ENTRY, "liveblog.entries:0:1", books=partition_books(0)) == "first"
    assert sighting(seen, other, "liveblog.entries:1:1", books=partition_books(1)) == "first"
    assert seen["0:h:2020-09-28T06"] == ["a"] and seen["1:h:2020-09-28T06"] == ["b"]
    assert forget_before(seen, datetime(2020, 9, 28, 9, tzinfo=timezone.utc), timedelta(hours=2), books=partition_books(0)) == 1
    assert "a" not in seen and seen["b"].startswith("liveblog.entries:1:1")
