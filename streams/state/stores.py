"""Mapping helpers that let the ordered fold keep all its state in one Faust table, crash-safely.

Why one table: every write then goes to one changelog partition, in order, so a crash loses a
suffix of the writes, never a write in the middle (writes to several changelog topics are not
ordered with each other: the pending buffer could lose an event whose toll write was lost).
Why write-behind: the worker publishes a batch's outputs first and only then writes the state
that says they were produced, so durable state implies durable outputs; a crash replays records
whose outputs may repeat (at least once) but are never lost. Writing once per batch also means a
key that many records of the batch change (the pending queue, the tolls) reaches the changelog once.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

_DELETED = object()
_ABSENT = object()


class PrefixView(MutableMapping[str, Any]):
    """The keys of ``base`` that start with ``prefix``, seen without it. Only direct keys are
    cheap: iteration scans ``base``."""

    def __init__(self, base: MutableMapping[str, Any], prefix: str) -> None:
        self.base, self.prefix = base, prefix

    def __getitem__(self, key: str) -> Any:
        return self.base[self.prefix + key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.base[self.prefix + key] = value

    def __delitem__(self, key: str) -> None:
        del self.base[self.prefix + key]

    def __iter__(self) -> Iterator[str]:
        n = len(self.prefix)
        return (key[n:] for key in list(self.base) if key.startswith(self.prefix))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class WriteBehind(MutableMapping[str, Any]):
    """Reads through to ``base``; writes wait until ``flush``, in two layers: the record being
    folded writes to a stage that ``keep`` adds to the batch's writes and ``discard`` drops (a
    record that fails leaves no trace), and ``flush`` applies the batch's writes to ``base`` in
    order. A key written again moves to the end, so an older write never lands after a newer one.

    Values read or flushed are kept in memory (a RocksDB-backed table decodes JSON on every read);
    call ``forget_cache`` whenever another process may have written ``base`` (a rebalance)."""

    def __init__(self, base: MutableMapping[str, Any], *, flush_first: str | None = None,
                 flush_last: str | None = None) -> None:
        self.base = base
        self.flush_first = flush_first  # a key prefix whose writes are flushed before all others
        self.flush_last = flush_last  # a key prefix whose writes are flushed after all others
        self.staged: dict[str, Any] = {}
        self.pending: dict[str, Any] = {}
        self.cache: dict[str, Any] = {}

    def _waiting(self, key: str) -> Any:
        """The newest unflushed value of ``key`` (``_DELETED`` included), else ``_ABSENT``."""
        if key in self.staged:
            return self.staged[key]
        return self.pending.get(key, _ABSENT)

    def __getitem__(self, key: str) -> Any:
        value = self._waiting(key)
        if value is _DELETED:
            raise KeyError(key)
        if value is not _ABSENT:
            return value
        if key in self.cache:
            return self.cache[key]
        value = self.base[key]
        self.cache[key] = value
        return value

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def forget_cache(self) -> None:
        self.cache.clear()

    def __setitem__(self, key: str, value: Any) -> None:
        self.staged.pop(key, None)
        self.staged[key] = value

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self.staged.pop(key, None)
        self.staged[key] = _DELETED

    def __contains__(self, key: object) -> bool:
        value = self._waiting(key)  # type: ignore[arg-type]
        if value is not _ABSENT:
            return value is not _DELETED
        return key in self.cache or key in self.base

    def __iter__(self) -> Iterator[str]:
        seen = set()
        for key in list(self.base):
            seen.add(key)
            if self._waiting(key) is not _DELETED:
                yield key
        waiting = {**self.pending, **self.staged}
        yield from (key for key, value in waiting.items() if key not in seen and value is not _DELETED)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def keep(self) -> None:
        """The staged writes (one record's) join the batch's."""
        for key, value in self.staged.items():
            self.pending.pop(key, None)
            self.pending[key] = value
        self.staged.clear()

    def discard(self) -> None:
        """Forget the staged writes (of a record that failed)."""
        self.staged.clear()

    def _flush_rank(self, write: tuple[str, Any]) -> int:
        key = write[0]
        if self.flush_first is not None and key.startswith(self.flush_first):
            return 0
        return 2 if self.flush_last is not None and key.startswith(self.flush_last) else 1

    def flush(self) -> None:
        """Apply every waiting write to ``base``, oldest first, those under ``flush_first`` before
        the rest and those under ``flush_last`` after it: a crash loses a suffix, so the last are
        lost first (the fold's clocks, which must not outlive what they released: redelivered
        records would be late) and the first last (the exact-dedup hour buckets, which must list
        every entry kept: one they miss is never forgotten)."""
        self.keep()
        writes = list(self.pending.items())
        if self.flush_first is not None or self.flush_last is not None:
            writes.sort(key=self._flush_rank)  # stable: the order within each rank is kept
        for key, value in writes:
            if value is _DELETED:
                self.base.pop(key, None)
                self.cache.pop(key, None)
            else:
                self.base[key] = value
                self.cache[key] = value
        self.pending.clear()
