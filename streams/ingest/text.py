"""Plain text: a live blog when stamps open its updates, otherwise an article.

``read_text`` also says where each entry came from (line, stamp, reader) and which lines looked like
stamps but were not taken, for ``liveblog parse --explain`` and for errors that help."""

from __future__ import annotations

from dataclasses import dataclass, field

from schemas import Entry
from streams.ingest.article import paragraphs, parse_article
from streams.ingest.daymarks import DayMark
from streams.ingest.entries import event_order
from streams.ingest.errors import ParseError
from streams.ingest.furniture import headline_like
from streams.ingest.lines import Item, Rejected, StampLine, clocks_in_prose, read_items
from streams.ingest.liveblog import Provenance, parse_liveblog
from streams.ingest.meta import DocumentMeta
from streams.ingest.zones import declared_zone, intro_zone


@dataclass
class Reading:
    """What a document gave: its entries in page order, where each came from, and what was rejected."""

    entries: list[Entry]
    provenance: list[Provenance | None]
    rejected: list[Rejected] = field(default_factory=list)


def _title(blocks: list, meta: DocumentMeta) -> str:
    first = blocks[0] if blocks else None
    if meta.title:
        return meta.title
    if isinstance(first, tuple) and len(first[1]) == 1 and len(first[1][0]) <= 200 and headline_like(first[1][0]):
        return first[1][0].strip()
    return meta.source


def _nothing_found(path: str, rejected: list[Rejected]) -> ParseError:
    message = "no recognisable entry (neither timestamped items nor paragraphs of text)"
    if rejected:
        shown = "; ".join(f"line {r.line} {r.text[:50]!r}: {r.reason}" for r in rejected[:5])
        message += f". Lines that looked like stamps: {shown}"
    return ParseError(path, None, message)


def _intro(text: str, items: list[Item]) -> str:
    """The lines above the first stamp line: where a page says once what its times are."""
    first = next((item.line for item in items if isinstance(item, StampLine)), None)
    return "\n".join(text.splitlines()[: first - 1 if first else 0])


def read_text(text: str, *, path: str, meta: DocumentMeta) -> Reading:
    items, rejected = read_items(text)
    title = _title([b for b in paragraphs(items) if not isinstance(b, DayMark)], meta)
    declared = declared_zone(text)
    zone = declared[0] if declared else intro_zone(_intro(text, items))
    blog = parse_liveblog(items, rejected, path, meta, title, zone)
    if blog is not None:
        reading = Reading([entry for entry, _ in blog], [source for _, source in blog], rejected)
    else:
        articles = parse_article(items, path, meta, title)
        reading = Reading(articles, [None] * len(articles), rejected)
    if not reading.entries:
        raise _nothing_found(path, rejected + clocks_in_prose(text, items))
    return reading


def parse_text(text: str, *, path: str, meta: DocumentMeta) -> list[Entry]:
    """Entries of one document in event-time order (ties by position in the document)."""
    return sorted(read_text(text, path=path, meta=meta).entries, key=event_order)
