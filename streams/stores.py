"""Mapping helpers that let the ordered fold keep all its state in one Faust table, crash-safely.

Why one table: every write then goes to one changelog partition, in order, so a crash loses a
suffix of the writes, never a write in the middle (writes to several changelog topics are not
ordered with each other: the pending buffer could lose an event whose toll write was lost).
Why write-behind: the worker publishes a record's outputs first and only then writes the state
that says they were produced, so durable state implies durable outputs; a crash replays records
whose outputs may repeat (at least once) but are never lost.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

_DELETED = object()


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
    """Reads through to ``base``; writes wait in order until ``flush``. A key written again moves
    to the end, so flushing in order never makes an older write durable after a newer one.

    Values read or flushed are kept in memory (a RocksDB-backed table decodes JSON on every read);
    call ``forget_cache`` whenever another process may have written ``base`` (a rebalance)."""

    def __init__(self, base: MutableMapping[str, Any]) -> None:
        self.base = base
        self.pending: dict[str, Any] = {}
        self.cache: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        if key in self.pending:
            value = self.pending[key]
            if value is _DELETED:
                raise KeyError(key)
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
        self.pending.pop(key, None)
        self.pending[key] = value

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self.pending.pop(key, None)
        self.pending[key] = _DELETED

    def __contains__(self, key: object) -> bool:
        if key in self.pending:
            return self.pending[key] is not _DELETED
        return key in self.cache or key in self.base

    def __iter__(self) -> Iterator[str]:
        seen = set()
        for key in list(self.base):
            seen.add(key)
            if self.pending.get(key) is not _DELETED:
                yield key
        yield from (key for key, value in list(self.pending.items()) if key not in seen and value is not _DELETED)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def discard(self) -> None:
        """Forget the waiting writes (after flush, there are none)."""
        self.pending.clear()

    def flush(self) -> None:
        """Apply the waiting writes to ``base``, oldest first."""
        for key, value in self.pending.items():
            if value is _DELETED:
                self.base.pop(key, None)
                self.cache.pop(key, None)
            else:
                self.base[key] = value
                self.cache[key] = value
        self.pending.clear()
