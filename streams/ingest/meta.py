"""What the text itself may not say about a document (its outlet, title, date, zone, address):
``manifest.toml`` beside it, the bundled sample manifest, or the command line."""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from streams.ingest.errors import ParseError
from streams.ingest.zones import resolve

BUNDLED_MANIFEST = Path(__file__).resolve().parents[2] / "data/samples/manifest.toml"
_MANIFEST_KEYS = {"source", "title", "published", "tz", "url", "note", "crisis"}
_TEXT_KEYS = ("source", "title", "tz", "url", "note", "crisis")


@dataclass(frozen=True)
class DocumentMeta:
    """What the text itself may not say: who published it, its title, date, zone and address."""

    source: str
    title: str | None = None
    date: dt.date | None = None
    tz: str = "UTC"
    url: str | None = None


def zone_at(name: str, path: str, line: int | None) -> dt.tzinfo:
    """A zone by name, or a ParseError naming where the name came from."""
    try:
        return resolve(name)
    except ValueError as exc:
        raise ParseError(path, line, str(exc)) from None


def _meta(path: Path, name: str, table: object) -> DocumentMeta:
    if not isinstance(table, dict):
        raise ParseError(path, None, f"[{name!r}] must be a table")
    if unknown := set(table) - _MANIFEST_KEYS:
        raise ParseError(path, None, f"[{name!r}] unknown field(s): {', '.join(sorted(unknown))}")
    if not all(isinstance(table.get(k, ""), str) for k in _TEXT_KEYS):
        raise ParseError(path, None, f"[{name!r}] {', '.join(_TEXT_KEYS)} must be strings")
    if not table.get("source", "").strip():
        raise ParseError(path, None, f"[{name!r}] needs a non-empty 'source'")
    published = table.get("published")
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            raise ParseError(path, None, f"[{name!r}] published must be YYYY-MM-DD") from None
    if published is not None and (not isinstance(published, dt.date) or isinstance(published, dt.datetime)):
        raise ParseError(path, None, f"[{name!r}] published must be a date (YYYY-MM-DD)")
    tz = table.get("tz", "UTC")
    zone_at(tz, str(path), None)
    return DocumentMeta(source=table["source"].strip(), title=table.get("title") or None, date=published, tz=tz,
                        url=table.get("url") or None)


def load_manifest(path: Path) -> dict[str, DocumentMeta]:
    """Document metadata keyed by file name, one TOML table per document; strict, so typos surface."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ParseError(path, None, f"cannot read manifest: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        m = re.search(r"at line (\d+)", str(exc))
        raise ParseError(path, int(m[1]) if m else None, f"invalid TOML: {exc}") from None
    return {name: _meta(path, name, table) for name, table in data.items()}


def _cached_manifest(path: Path) -> dict[str, DocumentMeta]:
    """load_manifest, read once per file version: a corpus of thousands of documents shares one."""
    stat = path.stat()
    return _load_manifest_version(path.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _load_manifest_version(path: Path, mtime_ns: int, size: int) -> dict[str, DocumentMeta]:
    return load_manifest(path)


def resolve_meta(path: Path, *, date: dt.date | None = None, tz: str | None = None,
                 source: str | None = None) -> DocumentMeta:
    """The manifest beside the file (the bundled sample manifest for the samples themselves), else the
    file stem as source; the command line's --date/--tz/--source override whatever the manifest says."""
    meta = DocumentMeta(source=path.stem)
    manifests = [path.parent / "manifest.toml"]
    if path.resolve().parent == BUNDLED_MANIFEST.parent:
        manifests.append(BUNDLED_MANIFEST)
    for manifest in manifests:
        if manifest.is_file() and (found := _cached_manifest(manifest).get(path.name)):
            meta = found
            break
    if tz is not None:
        zone_at(tz, str(path), None)
    overrides = {"date": date, "tz": tz, "source": source}
    return replace(meta, **{k: v for k, v in overrides.items() if v is not None})
