"""The replay schedule: heartbeats through quiet time, a final watermark, and pacing by speed."""

from datetime import datetime, timedelta, timezone

import pytest
from aiokafka import AIOKafkaProducer

from schemas import Entry
from streams.replay import producer
from streams.replay.producer import pacing
from streams.replay.schedule import final_watermark, replay_schedule, schedule
from streams.settings import Settings
from streams.worker.topics import create_topics

BEAT = timedelta(minutes=5)
GRACE = timedelta(minutes=15)


def entry(i: int, hh: int, mm: int) -> Entry:
    return Entry(entry_id=f"e{i}", source="s", url=None, blog_title="t",
                 published_at=datetime(2020, 9, 28, hh, mm, tzinfo=timezone.utc), time_precision="minute",
                 headline=f"h{i}", body="", seq=i)


def test_heartbeats_fill_gaps_and_a_watermark_ends_the_replay():
    items = list(schedule([entry(0, 6, 30), entry(1, 6, 52)], heartbeat=BEAT, grace=GRACE, replay_id="r",
                          live=True))
    kinds = [(i.control.type if i.control else i.entry.entry_id, i.at.strftime("%H:%M")) for i in items]
    assert kinds == [
        ("heartbeat", "06:30"), ("e0", "06:30"), ("heartbeat", "06:30"),
        ("heartbeat", "06:35"), ("heartbeat", "06:40"), ("heartbeat", "06:45"), ("heartbeat", "06:50"),
        ("e1", "06:52"), ("heartbeat", "06:52"), ("watermark", "06:52"),
    ]
    assert items[-1].control.stream_time == final_watermark(entry(1, 6, 52).published_at, GRACE)
    # every heartbeat is at or before the next entry: no entry is ever behind stream time
    for before, after in zip(items, items[1:]):
        if after.entry is not None:
            assert before.at <= after.entry.published_at


def test_a_bulk_replay_sends_only_the_last_heartbeat_of_a_gap():
    items = list(schedule([entry(0, 6, 30), entry(1, 9, 52), entry(2, 9, 55)], heartbeat=BEAT, grace=GRACE,
                          replay_id="r"))
    kinds = [(i.control.type if i.control else i.entry.entry_id, i.at.strftime("%H:%M")) for i in items]
    assert kinds == [("heartbeat", "06:30"), ("e0", "06:30"), ("heartbeat", "09:50"), ("e1", "09:52"),
                     ("e2", "09:55"), ("watermark", "09:55")]


def test_a_bulk_replay_ticks_hourly_and_a_paced_one_every_five_minutes():
    entries = [entry(0, 6, 30), entry(1, 9, 52), entry(2, 11, 10)]

    def beats(live: bool) -> list[str]:
        return [i.at.strftime("%H:%M") for i in replay_schedule(entries, Settings(), replay_id="r", live=live)
                if i.control is not None and i.control.type == "heartbeat"]

    assert beats(live=False) == ["06:30", "09:00", "11:00"]
    assert beats(live=True)[:4] == ["06:30", "06:30", "06:35", "06:40"]


def test_empty_replay_has_no_records():
    assert list(schedule([], heartbeat=BEAT, grace=GRACE, replay_id="r")) == []


def test_pacing_scales_gaps_by_speed_and_caps_waits():
    items = list(schedule([entry(0, 6, 0), entry(1, 7, 0)], heartbeat=timedelta(hours=2), grace=GRACE, replay_id="r"))
    assert pacing(items, 60, None)[-2] == 60.0  # one hour of event time at 60x is one minute
    assert pacing(items, 3600, None)[-2] == 1.0
    assert pacing(items, 1, 2.0)[-2] == 2.0
    assert pacing(items, 0, None) == [0.0] * len(items)


def test_max_wait_caps_the_pause_between_entries_not_between_heartbeats():
    items = list(schedule([entry(0, 6, 0), entry(1, 9, 0), entry(2, 9, 30)], heartbeat=BEAT, grace=GRACE,
                          replay_id="r"))
    offsets = pacing(items, 3600, 2.0)
    entry_offsets = [o for o, i in zip(offsets, items) if i.entry is not None]
    assert entry_offsets == [0.0, 2.0, 2.5]  # 3 h capped to 2 s; 30 min at 3600x is 0.5 s
    assert offsets == sorted(offsets)  # heartbeats stay in order inside the shortened gap


@pytest.mark.broker
async def test_a_paced_replay_sends_each_entry_at_once_and_a_bulk_one_in_batches(broker, monkeypatch):
    """A paced replay's producer held every live entry 5 ms for records that were not coming."""
    lingers = []

    class Recording(AIOKafkaProducer):
        def __init__(self, **kwargs):
            lingers.append(kwargs["linger_ms"])
            super().__init__(**kwargs)
    monkeypatch.setattr(producer, "AIOKafkaProducer", Recording)
    settings = Settings(broker=broker.url)
    await create_topics(settings)
    entries = [entry(1, 10, 0), entry(2, 10, 1)]
    paced = await producer.replay(entries, settings, speed=3600.0)
    bulk = await producer.replay(entries, settings, speed=0.0)
    assert (paced.entries, bulk.entries) == (2, 2)
    assert lingers == [0, 5]
