"""Decoding entry records: every bad input names what is wrong; dead letters keep the bytes."""

import base64
from datetime import datetime, timezone

import pytest

from schemas import Entry, ReplayControl
from streams.pipeline import BadRecord
from streams.worker.records import dead_letter, decode_entry_record

GOOD = (b'{"entry_id":"abc","source":"Al Jazeera","url":null,"blog_title":"t",'
        b'"published_at":"2020-09-28T06:30:00Z","time_precision":"minute","headline":"h","body":"b","seq":0}')


def test_entry_and_control_records_decode():
    assert isinstance(decode_entry_record(GOOD, [], max_bytes=10_000), Entry)
    control = b'{"type":"heartbeat","stream_time":"2020-09-28T06:35:00Z","replay_id":"r"}'
    assert isinstance(decode_entry_record(control, [("liveblog-control", b"heartbeat")], max_bytes=10_000), ReplayControl)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (None, "tombstone"),
        (b"\xff\xfe{", "not UTF-8"),
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "JSON list"),
        (b'{"entry_id": "x"}', "not a valid Entry: source: Field required"),
        (GOOD.replace(b"2020-09-28T06:30:00Z", b"2020-09-28T06:30:00"), "published_at"),
        (GOOD.replace(b'"seq":0', b'"seq":0,"extra":1'), "extra: Extra inputs are not permitted"),
    ],
)
def test_bad_records_raise_with_a_reason(value, reason):
    with pytest.raises(BadRecord, match=reason):
        decode_entry_record(value, None, max_bytes=10_000)


@pytest.mark.parametrize(
    ("replace", "reason"),
    [
        ((b"2020-09-28T06:30:00Z", b"1989-12-31T23:59:00Z"), "implausible event time 1989-12-31T23:59:00Z"),
        ((b"2020-09-28T06:30:00Z", b"2031-01-01T00:00:00Z"), "implausible event time 2031-01-01T00:00:00Z"),
        ((b'"headline":"h","body":"b"', b'"headline":"  ","body":""'), "empty text"),
    ],
)
def test_implausible_times_and_empty_text_are_refused(replace, reason):
    with pytest.raises(BadRecord, match=reason):
        decode_entry_record(GOOD.replace(*replace), None, max_bytes=10_000,
                            now=datetime(2026, 1, 1, tzinfo=timezone.utc))


def test_oversized_value_is_refused():
    with pytest.raises(BadRecord, match="exceeds the limit of 100 bytes"):
        decode_entry_record(GOOD, None, max_bytes=100)


def test_dead_letter_keeps_original_bytes_and_position():
    letter = dead_letter("why", topic="liveblog.entries", partition=2, offset=7, timestamp_ms=5,
                         key=b"k", value=b"\xff raw")
    assert base64.b64decode(letter.value_b64) == b"\xff raw"
    assert (letter.topic, letter.partition, letter.offset, letter.reason) == ("liveblog.entries", 2, 7, "why")
