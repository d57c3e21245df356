"""Decoding records from ``liveblog.entries`` and building dead letters (no Kafka, no Faust).

A record is either an Entry or a replay-clock control record (told apart by a header). Anything
that cannot be decoded raises :class:`BadRecord` with a reason naming what was wrong; the worker
routes it to the dead-letter topic with the original bytes and its topic/partition/offset.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone

import orjson
from pydantic import ValidationError

from schemas import DeadLetter, Entry, ReplayControl, format_utc
from streams.pipeline import BadRecord
from streams.worker.topics import CONTROL_HEADER


Headers = Mapping[str, bytes] | Iterable[tuple[str, bytes]] | None


def header(headers: Headers, name: str) -> bytes | None:
    """One header's value from a Kafka client's headers, whichever shape the client uses."""
    if not headers:
        return None
    items = headers.items() if isinstance(headers, Mapping) else headers
    for key, value in items:
        if key == name:
            return value
    return None


EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc)
FUTURE_TOLERANCE = timedelta(days=1)


def decode_entry_record(value: bytes | None, headers: Headers, *, max_bytes: int,
                        now: datetime | None = None) -> Entry | ReplayControl:
    """Decode one record of ``liveblog.entries``; raise BadRecord naming the problem.

    Besides shape: an entry must say something, and its event time must be plausible (not before
    1990, not more than a day ahead of ``now``), or it would drag stream time and close windows.
    """
    if value is None:
        raise BadRecord("empty value (tombstone): an entry record must carry a JSON object")
    if len(value) > max_bytes:
        raise BadRecord(f"value of {len(value)} bytes exceeds the limit of {max_bytes} bytes")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRecord(f"value is not UTF-8: {exc}") from None
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise BadRecord(f"value is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise BadRecord(f"value is JSON {type(data).__name__}, expected an object")
    model = ReplayControl if header(headers, CONTROL_HEADER) is not None else Entry
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(record)'}: {err['msg']}" for err in exc.errors()
        )
        raise BadRecord(f"not a valid {model.__name__}: {problems}") from None
    when = record.published_at if isinstance(record, Entry) else record.stream_time
    latest = (now or datetime.now(timezone.utc)) + FUTURE_TOLERANCE
    if when < EARLIEST or when > latest:
        raise BadRecord(f"implausible event time {format_utc(when)}: outside {format_utc(EARLIEST)} .. now + 1 day")
    if isinstance(record, Entry) and not (record.headline.strip() or record.body.strip()):
        raise BadRecord("empty text: headline and body are both blank")
    return record


def dead_letter(
    reason: str, *, topic: str, partition: int, offset: int, timestamp_ms: int | None,
    key: bytes | None, value: bytes | None,
) -> DeadLetter:
    """A dead letter that keeps the original bytes, so nothing is lost."""
    return DeadLetter(
        reason=reason,
        topic=topic,
        partition=partition,
        offset=offset,
        timestamp_ms=timestamp_ms,
        key_b64=base64.b64encode(key).decode() if key is not None else None,
        value_b64=base64.b64encode(value).decode() if value is not None else None,
    )
