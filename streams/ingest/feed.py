"""RSS and Atom feeds (feedparser): each item is an entry, dated by its own published (or updated)
time, titled by its title, with its summary or content as body."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from streams.ingest.entries import new_entry
from streams.ingest.errors import ParseError
from streams.ingest.liveblog import Provenance
from streams.ingest.meta import DocumentMeta
from streams.ingest.text import Reading

_BLOCK_END = re.compile(r"(?i)</(?:p|div|li|h\d)>|<br\s*/?>")


def html_to_text(fragment: str) -> str:
    """A feed item's HTML as paragraphs of plain text (lxml), one blank line between them."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n\n", fragment)
    text = lxml.html.fragment_fromstring(marked, create_parent="div").text_content()
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def read_feed(text: str, *, path: str, meta: DocumentMeta) -> Reading:
    import feedparser

    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        raise ParseError(path, getattr(parsed.bozo_exception, "getLineNumber", lambda: None)(),
                         f"not a readable feed: {parsed.bozo_exception}")
    title = meta.title or parsed.feed.get("title") or meta.source
    reading = Reading([], [])
    for number, item in enumerate(parsed.entries, start=1):
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        if stamp is None:
            raise ParseError(path, None, f"feed item {number} ({item.get('title', '')[:60]!r}) has no date")
        when = dt.datetime.fromtimestamp(calendar.timegm(stamp), tz=dt.timezone.utc)
        content = item.get("content")
        body = html_to_text(content[0].value if content else item.get("summary", ""))
        headline = html_to_text(item.get("title", "")) or body.split("\n")[0]
        reading.entries.append(new_entry(meta, title, len(reading.entries), when, "minute", headline, body))
        reading.provenance.append(Provenance(None, item.get("published") or item.get("updated", ""), "feed:item"))
    if not reading.entries:
        raise ParseError(path, None, "a feed with no items")
    return reading
