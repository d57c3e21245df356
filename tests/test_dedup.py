"""Exact dedup by entry_id: duplicates drop, a redelivery of the same record passes again."""

from datetime import datetime, timezone

from schemas import Entry
from streams.dedup import as_unique, first_sighting


def test_first_sighting_duplicate_and_redelivery():
    seen: dict[str, str] = {}
    assert first_sighting(seen, "a", "liveblog.entries:0:5")
    assert not first_sighting(seen, "a", "liveblog.entries:0:9")  # the same entry replayed later
    assert first_sighting(seen, "a", "liveblog.entries:0:5")  # redelivered after a crash: still processed
    assert first_sighting(seen, "b", "liveblog.entries:1:0")


def test_unique_record_is_its_own_cluster():
    entry = Entry(entry_id="a", source="Al Jazeera", url=None, blog_title="t",
                  published_at=datetime(2020, 9, 28, 6, 30, tzinfo=timezone.utc), time_precision="minute",
                  headline="h", body="b", seq=0)
    unique = as_unique(entry)
    assert (unique.event_id, unique.verdict, unique.cluster, unique.mentions, unique.sources) == (
        "a", "new", "a", 1, ["Al Jazeera"])
    assert unique.first_seen == entry.published_at
