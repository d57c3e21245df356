"""Decoding records from ``liveblog.entries`` and building dead letters (no Kafka, no Faust).

A record is either an Entry or a replay-clock control record (told apart by a header). Anything
that cannot be decoded raises :class:`BadRecord` with a reason naming what was wrong; the worker
routes it to the dead-letter topic with the original bytes and its topic/partition/offset.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping

import orjson
from pydantic import ValidationError

from schemas import DeadLetter, Entry, ReplayControl
from streams.topics import CONTROL_HEADER


class BadRecord(ValueError):
    """A record that cannot be processed; ``str()`` is the dead-letter reason."""


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


def decode_entry_record(value: bytes | None, headers: Headers, *, max_bytes: int) -> Entry | ReplayControl:
    """Decode one record of ``liveblog.entries``; raise BadRecord naming the problem."""
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
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(record)'}: {err['msg']}" for err in exc.errors()
        )
        raise BadRecord(f"not a valid {model.__name__}: {problems}") from None


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
