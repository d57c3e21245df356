"""One document from its bytes: UTF-8 text, an HTML page or an RSS/Atom feed, told apart by content."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from schemas import Entry
from streams.ingest.entries import event_order
from streams.ingest.errors import ParseError
from streams.ingest.meta import DocumentMeta, resolve_meta
from streams.ingest.text import Reading, read_text

_FEED = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE | re.DOTALL)
_HTML = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def kind_of(text: str) -> str:
    """"feed", "html" or "text", from how the document begins."""
    head = text[:2000]
    if _FEED.match(head):
        return "feed"
    if _HTML.match(head):
        return "html"
    return "text"


# UTF-8 read as cp1252 or Latin-1: a lead byte's character (Â..ô) before a continuation byte's (U+0080..U+00BF
# or cp1252's specials: € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ).
_MOJIBAKE_HINT = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6"
                            "\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014"
                            "\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]")


def repaired(text: str) -> str:
    """``text`` with its mojibake repaired (ftfy): a page saved as UTF-8 after a wrong decoding writes a
    stamp's dash as "â€”", which no reader takes for a separator. ftfy (0.7 µs a character, 0.16 s to
    import) runs only on a text with a hint of mojibake, and leaves text without it as it is."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    return ftfy.fix_encoding(text)


def read_document(text: str, *, path: str, meta: DocumentMeta) -> Reading:
    """Entries of a text, HTML page or feed, mojibake repaired first (``repaired``)."""
    text = repaired(text)
    kind = kind_of(text)
    if kind == "feed":
        from streams.ingest.feed import read_feed
        return read_feed(text, path=path, meta=meta)
    if kind == "html":
        from streams.ingest.html import read_html
        return read_html(text, path=path, meta=meta)
    return read_text(text, path=path, meta=meta)


def decode(data: bytes, path: str | Path) -> str:
    """UTF-8 only (no lossy decoding that would change ids); an error names the line of the bad byte."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(path, line, f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}") from None


def read_file(path: Path, *, date: dt.date | None = None, tz: str | None = None,
              source: str | None = None) -> Reading:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(path, None, f"cannot read: {exc.strerror or exc}") from None
    meta = resolve_meta(path, date=date, tz=tz, source=source)
    return read_document(decode(data, path), path=str(path), meta=meta)


def parse_file(path: Path, *, date: dt.date | None = None, tz: str | None = None,
               source: str | None = None) -> list[Entry]:
    """The entries of one document in event-time order."""
    return sorted(read_file(path, date=date, tz=tz, source=source).entries, key=event_order)


MANIFEST_NAME = "manifest.toml"


def documents_in(paths: Sequence[Path]) -> list[Path]:
    """The documents a user named: a folder stands for the files in it (sorted, hidden ones left
    out), and a ``manifest.toml`` describes the documents beside it rather than being one, so
    ``liveblog analyze corpus/*`` and ``liveblog analyze corpus`` read the same documents."""
    found: list[Path] = []
    for path in map(Path, paths):
        inside = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
        found += [p for p in inside if p.name != MANIFEST_NAME]
    return found


def parse_paths(paths: Sequence[Path], *, date: dt.date | None = None, tz: str | None = None,
                source: str | None = None) -> list[Entry]:
    """All entries of several documents (or folders of them) merged in event-time order."""
    entries = [e for p in documents_in(paths) for e in parse_file(p, date=date, tz=tz, source=source)]
    return sorted(entries, key=event_order)
