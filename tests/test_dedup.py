"""Exact dedup by entry_id: duplicates drop, a redelivery passes again, reused ids are conflicts."""

from datetime import datetime, timezone

from schemas import Entry
from streams.dedup import as_unique, conflict_reason, sighting

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
