"""Write tests/fixtures/formats/: one real live blog (Al Jazeera, 28 September 2020, the sample
data/samples/004_e618b8fcb27a5de3.txt) in the shapes users have it in, built from its entries:

- aj-2020-09-28.jsonld.html  an HTML page with schema.org LiveBlogPosting JSON-LD (one liveBlogUpdate
                              per entry, newest first, as schema.org documents it) and the same updates
                              as article markup;
- aj-2020-09-28.plain.html   the same page without JSON-LD (read through its main text);
- aj-2020-09-28.rss          an RSS 2.0 feed with one item per entry;
- aj-2020-09-28.flat.txt     a scraper's copy with the whole blog flattened onto one line.

No saved HTML of this page is at hand, so these are built from the real page's text. Run from the
repository root: python tools/format_fixtures.py
"""

from __future__ import annotations

import email.utils
import html
import json
from pathlib import Path

from streams.ingest import parse_file

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data/samples/004_e618b8fcb27a5de3.txt"
OUT = ROOT / "tests/fixtures/formats"
URL = "https://www.aljazeera.com/news/liveblog/2020/9/28/armenia-azerbaijan-fighting-live"


def _paragraphs(body: str) -> list[str]:
    return [p.replace("\n", " ") for p in body.split("\n\n") if p.strip()]


def main() -> None:
    entries = list(reversed(parse_file(SEED)))  # the page reads newest first
    title = entries[0].blog_title
    updates = [{"@type": "BlogPosting", "headline": e.headline,
                "datePublished": e.published_at.isoformat().replace("+00:00", "Z"),
                "articleBody": "\n\n".join(_paragraphs(e.body)), "url": f"{URL}#{e.entry_id}"} for e in entries]
    blog = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": title, "url": URL,
            "coverageStartTime": updates[-1]["datePublished"], "coverageEndTime": updates[0]["datePublished"],
            "publisher": {"@type": "Organization", "name": "Al Jazeera"}, "liveBlogUpdate": updates}
    articles = "\n".join(
        f"<article><h2>{e.published_at:%H:%M} GMT – {html.escape(e.headline)}</h2>\n"
        + "".join(f"<p>{html.escape(p)}</p>\n" for p in _paragraphs(e.body)) + "</article>" for e in entries)
    body = (f"<body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>\n<main><h1>"
            f"{html.escape(title)}</h1>\n<p>Here are the latest updates on Monday, September 28:</p>\n{articles}\n"
            "</main><footer><p>© Al Jazeera Media Network</p></footer></body>")
    head = f"<head><meta charset='utf-8'><title>{html.escape(title)}</title>"
    ld = json.dumps(blog, ensure_ascii=False, indent=1)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "aj-2020-09-28.jsonld.html").write_text(
        f"<!DOCTYPE html>\n<html lang='en'>{head}\n<script type='application/ld+json'>\n{ld}\n</script></head>\n"
        f"{body}\n</html>\n", encoding="utf-8")
    (OUT / "aj-2020-09-28.plain.html").write_text(f"<!DOCTYPE html>\n<html lang='en'>{head}</head>\n{body}\n</html>\n",
                                                   encoding="utf-8")
    items = "\n".join(
        f"<item><title>{html.escape(e.headline)}</title><link>{URL}#{e.entry_id}</link>"
        f"<guid isPermaLink='false'>{e.entry_id}</guid>"
        f"<pubDate>{email.utils.format_datetime(e.published_at, usegmt=True)}</pubDate>"
        f"<description><![CDATA[{''.join(f'<p>{html.escape(p)}</p>' for p in _paragraphs(e.body))}]]></description>"
        "</item>" for e in entries)
    (OUT / "aj-2020-09-28.rss").write_text(
        f"<?xml version='1.0' encoding='UTF-8'?>\n<rss version='2.0'><channel><title>{html.escape(title)}</title>"
        f"<link>{URL}</link><description>Live updates</description>\n{items}\n</channel></rss>\n", encoding="utf-8")
    flat = " ".join(f"{e.published_at:%H:%M} GMT – {e.headline} {' '.join(_paragraphs(e.body))}" for e in entries)
    (OUT / "aj-2020-09-28.flat.txt").write_text(f"{title} Here are the latest updates on Monday, September 28: {flat}\n",
                                                 encoding="utf-8")


if __name__ == "__main__":
    main()
