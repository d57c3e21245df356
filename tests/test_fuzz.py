"""Fuzzing (hypothesis): no input crashes the parser or the record decoder with anything but
their own clear error, so the worker routes it to the dead-letter topic and goes on."""

from __future__ import annotations

import pytest

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streams.ingest import DocumentMeta, ParseError, parse_text
from streams.pipeline import BadRecord
from streams.worker.records import decode_entry_record

META = DocumentMeta(source="Fuzz", date=None, tz="GMT")
LINES = st.sampled_from([
    "20:35 GMT – Nagorno-Karabakh region says 26 more troops killed", "07:55 GMT -Azerbaijan says",
    "Here are the latest updates on Monday, September 28:", "Saturday, October 17", "28 Sep 2020, 14:05",
    "4.10pm BST", "12:00 GMT: headline", "  • bullet", "Read more here.", "Source: Al Jazeera", "",
    "25:99 GMT – impossible", "Monday, February 30", "10:10 UTC+14 – far east", "10:10 GMT-80-year-old",
])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=30), st.sampled_from([None, "2020-09-28"]))
def test_parser_raises_only_parse_errors(lines, day):
    import datetime as dt

    meta = META if day is None else DocumentMeta(source="Fuzz", date=dt.date.fromisoformat(day), tz="GMT")
    try:
        entries = parse_text("\n".join(lines), path="fuzz.txt", meta=meta)
    except ParseError as exc:
        assert str(exc).startswith("fuzz.txt")
        return
    assert entries == sorted(entries, key=lambda e: (e.published_at, e.source, e.seq))
    assert all(e.published_at.tzinfo is not None for e in entries)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=20,
)
ENTRY_KEYS = ["entry_id", "source", "url", "blog_title", "published_at", "time_precision", "headline", "body", "seq"]


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(st.one_of(
    st.binary(max_size=200),
    JSON_VALUES.map(orjson.dumps),
    st.dictionaries(st.sampled_from(ENTRY_KEYS), JSON_VALUES, max_size=9).map(orjson.dumps),
), st.booleans())
def test_record_decoder_raises_only_bad_record(value, control):
    headers = [("liveblog-control", b"heartbeat")] if control else []
    try:
        decode_entry_record(value, headers, max_bytes=10_000)
    except BadRecord as exc:
        assert str(exc)
