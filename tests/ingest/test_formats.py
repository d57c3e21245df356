"""One real live blog (Al Jazeera, 28 September 2020) as users have it: plain text, HTML with
schema.org LiveBlogPosting JSON-LD, HTML without it, an RSS feed and a scraper's one-line copy.
The fixtures are built from the sample's text by tools/format_fixtures.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from streams.ingest import ParseError, parse_file, read_document
from streams.ingest.document import kind_of
from streams.ingest.meta import DocumentMeta

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data/samples/004_e618b8fcb27a5de3.txt"
FORMATS = Path(__file__).parents[1] / "fixtures/formats"


def times_and_text(entries) -> list[tuple[dt.datetime, str]]:
    return [(e.published_at, " ".join(f"{e.headline} {e.body}".split())) for e in entries]


@pytest.mark.parametrize("name", ["aj-2020-09-28.jsonld.html", "aj-2020-09-28.plain.html", "aj-2020-09-28.rss",
                                  "aj-2020-09-28.flat.txt"])
def test_every_shape_of_the_blog_gives_the_same_entries(name):
    expected = times_and_text(parse_file(SEED))
    assert len(expected) == 25
    got = parse_file(FORMATS / name, date=dt.date(2020, 9, 28), tz="GMT", source="Al Jazeera")
    assert times_and_text(got) == expected


def test_json_ld_needs_no_date_or_zone_from_the_user():
    entries = parse_file(FORMATS / "aj-2020-09-28.jsonld.html")
    assert times_and_text(entries) == times_and_text(parse_file(SEED))
    assert entries[0].blog_title == "Nagorno-Karabakh battles rage for second day: Live news"


def test_json_ld_offsets_and_graphs():
    page = """<!doctype html><html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "x"},
     {"@type": ["LiveBlogPosting"], "headline": "Quake live", "liveBlogUpdate": {
       "@type": "BlogPosting", "headline": "Toll rises to 284", "datePublished": "2023-02-06T11:20:00+03:00",
       "articleBody": "Toll rises to 284 The death toll has risen to 284."}}]}
    </script></head><body></body></html>"""
    reading = read_document(page, path="page.html", meta=DocumentMeta(source="Test"))
    [entry] = reading.entries
    assert (entry.published_at, entry.headline, entry.body) == (
        dt.datetime(2023, 2, 6, 8, 20, tzinfo=dt.timezone.utc), "Toll rises to 284", "The death toll has risen to 284.")
    assert reading.provenance[0].reader == "html:json-ld"


def test_a_feed_item_without_a_date_is_an_error_naming_it():
    feed = "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><title>No date here</title></item></channel></rss>"
    with pytest.raises(ParseError, match="feed item 1 .*No date here.* has no date"):
        read_document(feed, path="feed.rss", meta=DocumentMeta(source="Test"))


@pytest.mark.parametrize("start,kind", [("<?xml version='1.0'?>\n<rss version='2.0'>", "feed"),
                                        ("<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
                                        ("<!DOCTYPE html>\n<html>", "html"), ("<html lang='en'>", "html"),
                                        ("20:35 GMT – Headline", "text"), ("<b>not a page</b> but text", "text")])
def test_a_document_is_told_by_how_it_begins(start, kind):
    assert kind_of(start) == kind
