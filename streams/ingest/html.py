"""HTML pages. Most large outlets publish schema.org ``LiveBlogPosting`` JSON-LD with one
``liveBlogUpdate`` per entry, each with its own exact ``datePublished``: those are read as they are
(extruct finds and decodes the JSON-LD). A page without it goes to the text parser as its main
text (trafilatura), one line per paragraph."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from schemas import Entry
from streams.ingest.entries import new_entry
from streams.ingest.errors import ParseError
from streams.ingest.furniture import first_sentence
from streams.ingest.liveblog import Provenance
from streams.ingest.meta import DocumentMeta, zone_at
from streams.ingest.text import Reading, read_text

_LIVE_BLOG = "LiveBlogPosting"


def _types(node: dict) -> set[str]:
    kind = node.get("@type", ())
    return {kind} if isinstance(kind, str) else set(kind)


def _nodes(value: object) -> Iterator[dict]:
    """Every JSON-LD object in a document, @graph members and nested values included."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from _nodes(child)
    elif isinstance(value, list):
        for child in value:
            yield from _nodes(child)


def live_blogs(html: str) -> list[dict]:
    """The LiveBlogPosting objects of a page's JSON-LD."""
    from extruct.jsonld import JsonLdExtractor

    try:
        documents = JsonLdExtractor().extract(html)
    except ValueError:
        return []
    return [node for node in _nodes(documents) if _LIVE_BLOG in _types(node)]


def _text(value: object) -> str:
    if isinstance(value, list):
        return " ".join(_text(v) for v in value)
    return str(value).strip() if value is not None else ""


def _when(update: dict, meta: DocumentMeta, path: str) -> dt.datetime:
    stamp = _text(update.get("datePublished") or update.get("dateCreated") or update.get("dateModified"))
    try:
        when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        raise ParseError(path, None, f"liveBlogUpdate {_text(update.get('headline'))[:60]!r} has no readable "
                                     f"datePublished ({stamp!r})") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=zone_at(meta.tz, path, None))
    return when.astimezone(dt.timezone.utc)


def _updates(blog: dict) -> list[dict]:
    updates = blog.get("liveBlogUpdate", [])
    return [u for u in (updates if isinstance(updates, list) else [updates]) if isinstance(u, dict)]


def read_json_ld(blog: dict, *, path: str, meta: DocumentMeta) -> Reading:
    title = meta.title or _text(blog.get("headline") or blog.get("name")) or meta.source
    reading = Reading([], [])
    for update in _updates(blog):
        body = _text(update.get("articleBody") or update.get("text") or update.get("description"))
        headline = _text(update.get("headline") or update.get("name")) or first_sentence(body)
        if not headline:
            continue
        if body.startswith(headline):
            body = body[len(headline):].strip()
        when = _when(update, meta, path)
        reading.entries.append(new_entry(meta, title, len(reading.entries), when, "minute", headline, body))
        reading.provenance.append(Provenance(None, _text(update.get("datePublished")), "html:json-ld"))
    return reading


def read_html(html: str, *, path: str, meta: DocumentMeta) -> Reading:
    blogs = [blog for blog in live_blogs(html) if _updates(blog)]
    if blogs:
        return read_json_ld(max(blogs, key=lambda b: len(_updates(b))), path=path, meta=meta)
    import trafilatura

    main = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not main:
        raise ParseError(path, None, "an HTML page with no LiveBlogPosting JSON-LD and no main text")
    return read_text(main, path=path, meta=meta)
