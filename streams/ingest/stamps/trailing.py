"""Stamps placed after the headline: "Biden to meet NATO leaders — 1:34 p.m.", "Roads reopen, 17:05: The
police say ...", the BBC's "Schools in lockdownpublished at 03:44 Greenwich Mean Time 15 March 2019"
(run into the headline, the body on the same line or the next), a headline closed by its update's stamp in
brackets ("Toll by region (Update 4/21, 05:00 PM KST)") and an article's byline on the line under its headline
("by Jane Doe May 2, 2024 9:10 AM 3 min read")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from streams.ingest.stamps.grammar import Clock, clock, date_after, date_before, read_clock, zone

# "— 1:42 p.m." closing a headline, or an agency dateline "SAN JUAN, Puerto Rico (AP) 5:35 a.m.": only
# a 12-hour clock or a zoned one, so "2-1" scores stay text.
_DASHED = re.compile(rf"^(?P<head>\s*\S.*?(?:\S(?=\s+[–—-]{{1,2}}\s)|\((?:AP|AFP|Reuters|dpa|UPI)\)))(?:\s+[–—-]{{1,2}})?\s+"
                     rf"(?P<stamp>{clock()}(?:\s*{zone()})?)\.?\s*$")
_EDIT_NOTE = re.compile(r"\s*(?i:updated|last updated|published|posted|first published)\b")
# "published at 09:41 Greenwich Mean Time 2 March 2022" anywhere in a line; what follows is body.
PUBLISHED = re.compile(rf"(?i:published|posted|updated)\s+at\s+(?P<stamp>{clock()}\s*{zone()}(?:{date_after()})?)")
# "Roads reopen, 17:05: The police say ...": a headline, a comma, the stamp, a colon and the body.
_COMMA = re.compile(rf"^\s*(?P<head>[\"“‘A-Z][^:.!?]{{2,150}}?),\s+(?P<stamp>{clock()}(?:\s*{zone()})?):\s+"
                    rf"(?P<after>[\"“‘A-Z].*)$")
_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,3}\.|[-–•▪●*])\s+")
# "Toll by region (Update 4/21, 05:00 PM KST)": a headline closed by its update's dated stamp in brackets; the
# body below.
_BRACKETED = re.compile(rf"^\s*(?P<head>[\"“‘A-Z][^()]{{2,150}}?)\s*\((?i:update)\s*:?\s+"
                        rf"(?P<stamp>{date_before()}{clock()}(?:\s*{zone()})?)\)\s*$")
# An article's byline under its headline, with the article's reading time: "by Jane Doe May 2, 2024 9:10 AM 3 min read".
_BYLINE = re.compile(rf"^\s*(?i:by)\s+[^\d|]{{2,80}}?\s+(?P<stamp>{date_before()}{clock()}(?:\s*{zone()})?)"
                     rf"\s+\d{{1,3}}\s+(?i:min(?:ute)?s?\s+read)\s*$")


@dataclass(frozen=True)
class Trailing:
    """A stamp after its headline, with the headline and any text after the stamp on the same line."""

    clock: Clock
    stamp_text: str
    headline: str
    after: str
    reader: str


def read_dashed(line: str) -> Trailing | None:
    m = _DASHED.match(line)
    if m is None or _EDIT_NOTE.match(m["head"]):
        return None
    found = read_clock(m)
    if found is None or not (found.twelve_hour or found.zone):
        return None
    if m["head"].endswith(")"):  # an agency's dateline: the headline is the next line
        return Trailing(found, m["stamp"].strip(), "", "", "trailing:dateline")
    return Trailing(found, m["stamp"].strip(), m["head"].strip(), "", "trailing:dash")


def read_published(line: str) -> Trailing | None:
    """The first "published at" stamp of ``line``; an "updated at" note is not one."""
    for m in PUBLISHED.finditer(line):
        if m.group(0)[:7].lower() != "publish" and m.group(0)[:6].lower() != "posted":
            continue
        found = read_clock(m)
        if found is None:
            continue
        head = _LIST_NUMBER.sub("", line[: m.start()]).strip()
        return Trailing(found, m["stamp"].strip(), head, line[m.end():].strip(), "trailing:published-at")
    return None


def read_comma_headline(line: str) -> Trailing | None:
    """A stamp between a headline (no sentence ends in it) and its body, set off by a comma and a colon."""
    m = _COMMA.match(line)
    if m is None or _EDIT_NOTE.match(m["head"]):
        return None
    found = read_clock(m)
    if found is None:
        return None
    return Trailing(found, m["stamp"].strip(), m["head"].strip(), m["after"].strip(), "trailing:comma")


def read_byline(line: str) -> Trailing | None:
    """The dated stamp of an article's byline; the headline is the line above it (see StampLine.title_above)."""
    m = _BYLINE.match(line)
    found = read_clock(m) if m else None
    if found is None or not found.has_date:
        return None
    return Trailing(found, m["stamp"].strip(), "", "", "trailing:byline")


def read_bracketed_update(line: str) -> Trailing | None:
    """A headline closed by "(Update <date>, <time>)": an update's stamp when it carries a date and a zone or am/pm."""
    m = _BRACKETED.match(line)
    found = read_clock(m) if m else None
    if found is None or not found.has_date or not (found.zone or found.twelve_hour):
        return None
    return Trailing(found, m["stamp"].strip(), m["head"].strip(), "", "trailing:bracketed-update")
