"""``liveblog follow URL|FILE``: poll a live page or feed and publish its new or revised entries.

Entry ids are stable (a hash of source, time, headline and body), so an edited entry is a new id
(the worker's dedup marks it a revision) and an unchanged one is never sent twice. The ids already
sent are kept in a state file, so a restart sends only what appeared meanwhile. A page that cannot
be fetched or read is reported and retried with exponential backoff; the follower keeps running.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from schemas import Entry
from streams.ingest import DocumentMeta, ParseError, event_order, read_document, resolve_meta
from streams.ingest.document import decode
from streams.settings import Settings

MAX_BACKOFF_S = 300.0


class FetchError(Exception):
    """The page could not be fetched (network, HTTP status, missing file)."""


def is_url(target: str) -> bool:
    return urlparse(target).scheme in ("http", "https")


@dataclass
class SentIds:
    """The entry ids already published for one followed page, kept in a JSON file."""

    path: Path
    ids: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path) -> SentIds:
        try:
            return cls(path, set(json.loads(path.read_text(encoding="utf-8"))["sent"]))
        except FileNotFoundError:
            return cls(path)
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: not a follow state file ({exc})") from None

    def add(self, entries: list[Entry]) -> None:
        self.ids.update(e.entry_id for e in entries)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"sent": sorted(self.ids)}), encoding="utf-8")
        temporary.replace(self.path)


def default_state(target: str, data_dir: Path) -> Path:
    return data_dir / "follow" / (hashlib.sha256(target.encode()).hexdigest()[:16] + ".json")


def meta_for(target: str, *, date: dt.date | None, tz: str | None, source: str | None) -> DocumentMeta:
    """A file's manifest as ``parse`` reads it; for an address, the command line's values (the source
    defaults to the host name)."""
    if not is_url(target):
        return resolve_meta(Path(target), date=date, tz=tz, source=source)
    return DocumentMeta(source=source or urlparse(target).hostname or target, date=date, tz=tz or "UTC", url=target)


async def fetch(target: str, timeout_s: float = 30.0) -> str:
    if not is_url(target):
        try:
            return decode(Path(target).read_bytes(), target)
        except OSError as exc:
            raise FetchError(exc.strerror or str(exc)) from None
    import aiohttp

    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout_s)) as session:
            async with session.get(target, headers={"User-Agent": "liveblog-follow"}) as response:
                if response.status != 200:
                    raise FetchError(f"HTTP {response.status} {response.reason}")
                data = await response.read()
                charset = response.charset or "utf-8"
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
        raise FetchError(str(exc) or type(exc).__name__) from None
    if charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        return decode(data, target)
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError) as exc:
        raise FetchError(f"cannot decode the page as {charset}: {exc}") from None


def new_entries(entries: list[Entry], sent: SentIds) -> list[Entry]:
    """What has not been published yet, in event-time order."""
    return sorted((e for e in entries if e.entry_id not in sent.ids), key=event_order)


async def follow(target: str, settings: Settings, *, meta: DocumentMeta, interval_s: float, state: SentIds,
                 report: Callable[[str], None], polls: int | None = None) -> None:
    """Poll ``target`` every ``interval_s`` and publish what is new; ``polls`` bounds the loop (tests)."""
    from aiokafka import AIOKafkaProducer

    from streams.worker.security import aiokafka_kwargs
    from streams.worker.topics import ENTRIES

    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, acks="all", **aiokafka_kwargs(settings))
    await producer.start()
    backoff = interval_s
    done = 0
    try:
        while polls is None or done < polls:
            done += 1
            try:
                reading = read_document(await fetch(target), path=target, meta=meta)
            except (FetchError, ParseError) as exc:
                report(f"cannot read {target}: {exc}; trying again in {backoff:.0f} s")
                await asyncio.sleep(backoff)
                backoff = min(max(backoff, 1.0) * 2, MAX_BACKOFF_S)
                continue
            backoff = interval_s
            fresh = new_entries(reading.entries, state)
            for entry in fresh:
                await producer.send_and_wait(ENTRIES, entry.to_json(), key=entry.entry_id.encode(),
                                             timestamp_ms=int(entry.published_at.timestamp() * 1000))
            if fresh:
                state.add(fresh)
            report(f"{dt.datetime.now():%H:%M:%S} {target}: {len(reading.entries)} entries on the page, "
                   f"{len(fresh)} new or revised published ({len(state.ids)} in all)")
            await asyncio.sleep(interval_s)
    finally:
        await producer.stop()
