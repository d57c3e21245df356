"""Stamps that open a line: "20:35 GMT – headline", "9.27 pm: text", "Update 8:05 a.m. EDT Aug. 6: text",
"- Sat, 09 Sep 2023 09:26 AM", "• Timestamp:" ... "10:51pm", "0902GMT: text", "2:52 A.M. Rocket ...",
"(06:45 GMT)Death toll ...", "3w ago / 5:07 PM EDT", "Noon EDT: text", "8:30 am toll rises to 10" (a short
lower-case headline), or a stamp alone on its line ("Midnight", or with only its author's name after it, "21:31 , Jane
Doe") with the headline on the next."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from streams.ingest.furniture import headline_like
from streams.ingest.stamps.grammar import Clock, read_clock, stamp, zone
from streams.ingest.zones import zone_pattern
from streams.ingest.stamps.grammar import clock as clock_pattern

with (Path(__file__).parents[1] / "data" / "update_words.toml").open("rb") as _fh:
    _UPDATE_WORDS: dict[str, list[str]] = tomllib.load(_fh)

# What may stand before the stamp on its line: a bullet, asterisks or a ticker's "+++", a rule of underscores run into
# it ("___8:30 p.m.", AP's line between updates), a quote marker (">") or list number, an "Update"-like label ("Update
# as at", "UPDATE @", other languages' in update_words.toml, Italian "Ore" or "h."), a relative time ("36m ago", "3w ago / " before the absolute stamp it goes with), an
# opening bracket, or a reporters' log's byline and dateline (REPORTERS_LOG).
# A reporters' log's byline and dateline before a zoned four-digit time ("Jane Doe : Kabul, Afghanistan : 1023GMT").
REPORTERS_LOG = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}\s+:\s+[^:.]{2,60}?\s+:\s+(?=\d{4}\s?[A-Z]{2,4}\b)"
_FURNITURE = (r"^\s*(?:(?:[-–•▪●◦·>]|\*{1,3}|\+{3}|_{2,})\s*|\d{1,2}\.\s+)?"
              r"(?P<bracket>\[)?\s*"
              rf"(?P<byline>{REPORTERS_LOG})?"
              r"(?:(?i:breaking\s+news)\s*)?"  # a banner a scraper ran into the line ("Breaking NewsAs of 0930 UTC:")
              r"(?:(?P<label>(?i:(?:final\s+|latest\s+)?update[ds]?|posted|published|timestamp|breaking|latest"
              r"|original(?:\s+post)?|" + "|".join(_UPDATE_WORDS["labels"]) + r"|ore|h\.(?=\s*\d)|as\s+of))(?:\b|(?<=\.))"
              r"(?:\s+\d{1,3}\b)?\s*[,:]?\s*(?i:(?:as\s+)?at\s+|@\s*|as\s+of\s+|vom\s+)?)?"
              r"(?:\d{1,3}\s?(?:m|mins?|h|hrs?|d|w)\s+ago\s*(?:[/|·]\s*)?)?(?P<open>\()?\s*"
              # the zone before the time, as Turkish pages write it ("TSİ 18.15: ...")
              rf"(?:(?P<pzone>{zone_pattern()})\s+(?=\d))?"
              # the start of a range ("11:16-11:18 PM", "0940-1005": the update is stamped with its start)
              r"(?:(?P<from>(?:[01]?\d|2[0-3])[:.][0-5]\d|(?:[01]\d|2[0-3])[0-5]\d)\s*[-–]\s*(?=\d))?")
# A second zone's reading of the same time ("9:42am EST, 5:42pm EAT"), possibly garbled.
# Or, in brackets, the zoned reading of a local time ("11.45 a.m. (0600 GMT)", maybe with more readings after a
# semicolon: "5:35 p.m. (1635 GMT; 12:35 p.m. EDT)"): the one to take.
_SECOND = (rf"(?:\s*[,/]\s*(?P<second>{stamp('s')}|[\d:.]{{1,5}}\s?(?:[ap]\.?m\.?)?\s*{zone('t')})"
           rf"|\s*\(\s*(?P<zoned>{stamp('b')})\s*(?:;[^()]{{1,30}})?\)"
           # or, in brackets, a note of the zone all the page's times are in ("0530 (all times BST): ...")
           rf"|\s*\(\s*(?i:all\s+)?(?i:times?)\s+(?i:are\s+)?(?i:in\s+)?{zone('n')}\s*\))?")
# a dash, colon or bar, or a full stop as in French and translated blogs ("0:55. New toll ...")
_SEPARATOR = r"(?:\s*[)\]])?(?P<sep>\s*(?:[–—-]{1,2}|:|\||\.(?=\s))(?=\s|$|[\"“‘'A-Z0-9])|\s*(?<=[)\]])(?=\S))?\s*"
# "6 p.m. EST update: ...": the label after the stamp, when a separator follows it
_LABEL_AFTER = r"(?:\s+(?P<label_after>(?i:update[ds]?|latest))(?=\s*(?:[–—-]{1,2}|:)\s))?"
# "Update 4:10 p.m. from Associated Press - ...": the source an update is credited to, between stamp and separator,
# separates the stamp from the text it opens (which keeps the credit)
_CREDIT = r"(?=(?P<credit>\s+(?i:from|via)\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}\s*(?:[–—-]{1,2}|:)\s))?"
LEADING = re.compile(rf"{_FURNITURE}(?P<stamp>{stamp(words=True)}){_SECOND}{_LABEL_AFTER}{_CREDIT}{_SEPARATOR}(?P<rest>.*)$")
_TICKER_END = re.compile(r"\s*\+{3}\s*$")  # "+++ 23:50 Headline +++"
_BARE_HEADLINE = re.compile(r"[\"“‘'″„«(A-Z0-9]")  # a capital, a figure or an opening quote (″ and „ « in Europe)
# A lower-case headline run into its stamp has at most this many words ("8:30 am toll rises to 10").
_LOWER_HEADLINE_WORDS = 10
ANY_CLOCK = re.compile(clock_pattern())  # a clock anywhere in a text
# "21:31 , Jane Doe": the stamp, a comma and the author's name, alone on the line (the headline sits
# on the line above or below): a byline, not a sentence, since nothing but the name follows.
_BYLINE = re.compile(r"\s*,\s*[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){1,3}\s*")
_EDIT_LABEL = re.compile(r"(?i:updated|published|latest\s+update)")
# A page's publication line: its stamp, then when it was last edited ("Atualizado em 06/02/2019 as 08h07m").
_EDITED_THEN = re.compile(rf"(?i:{'|'.join(map(re.escape, _UPDATE_WORDS['edited']))})\b.{{0,30}}?{clock_pattern()}")
_AS_OF = re.compile(r"(?i:as\s+of)")  # "As of 0930 GMT: ..." opens an update; "As of 9 a.m. the river ..." a sentence
# A blog post's footer: the stamp, then only a date and links split by bars ("| Sept. 1, 2005 | permalink",
# "| Comments (3) | TrackBack"); it closes the post above it rather than opening the text below.
_FOOTER = re.compile(r"(?i)(?:[^|]{0,40}\|\s*)*?(?:permalink|comments?(?:\s*\(\d+\))?|trackback(?:\s*\(\d+\))?)"
                     r"(?:\s*\|[^|]{0,40})*")


@dataclass(frozen=True)
class Leading:
    """A stamp at the start of a line and the text after it on the same line."""

    clock: Clock
    stamp_text: str
    rest: str           # the headline (and maybe more) on the stamp's line; "" when the stamp is alone
    separated: bool     # a dash, colon or bracket stood between stamp and text
    labelled: bool      # "Update", "Posted", "Timestamp" ... stood before it, or an author's name after it
    second_zone: str | None
    reader: str
    edit_note: bool = False  # "Updated: 2015-08-13 17:54": an entry's stamp only where the page has no other
    footer: bool = False  # "10:26 p.m. EDT | permalink": it stamps the post above it
    label: str = ""  # the label before it as written ("Update", "Posted"), or ""
    weak: bool = False  # a lower-case headline runs into it: a stamp only beside others of its kind


def _reader(clock: Clock, separated: bool, rest: str) -> str:
    kind = ("12h" if clock.twelve_hour else "4digit" if clock.four_digits else "24h")
    parts = ["leading", kind]
    if clock.zone:
        parts.append("zone")
    if clock.has_date:
        parts.append("dated")
    parts.append("alone" if not rest else "separated" if separated else "run-in")
    return ":".join(parts)


def _lower_case_headline(m: re.Match[str], rest: str) -> bool:
    """A short line of its own after a 12-hour clock with its minutes, lower-case, with no closing punctuation and
    no other time ("8:30 am toll rises to 10"): a headline, where a sentence ("9 a.m. is when ...") ends in a full
    stop, a schedule ("9 am to 5 pm") holds another time, and a time a noun takes ("10 p.m. curfew") is on the hour."""
    return (m["h12"] is not None and m["m12"] is not None and headline_like(rest)
            and len(rest.split()) <= _LOWER_HEADLINE_WORDS and not ANY_CLOCK.search(rest))


def _range_start(clock: Clock, start: str) -> Clock:
    hour, minute = int(start[:-2].rstrip(":.")), int(start[-2:])
    if clock.twelve_hour and hour < 12 and clock.hour >= 12:
        hour += 12
    return replace(clock, hour=hour, minute=minute)


def read_leading(line: str) -> Leading | None | str:
    """The stamp opening ``line``; None when the line does not open with one; a string saying why
    when it looks like a stamp but is not an entry's (an edit note, a stamp run into lower-case prose)."""
    m = LEADING.match(line)
    if m is None:
        return None
    clock = read_clock(m)
    if clock is None:
        return None
    if m["zoned"] and clock.zone is None and (zoned := read_clock(m, "b")) is not None and zoned.zone:
        clock = zoned  # the local time's zone is unwritten; the bracketed reading's is not
    if (before := m["nzone"] or m["pzone"]) and clock.zone is None:
        clock = replace(clock, zone=before, bare=False)
    if m["from"]:
        clock = _range_start(clock, m["from"])
    rest, separated = _TICKER_END.sub("", m["rest"]).strip(), m["sep"] is not None or m["credit"] is not None
    byline = not separated and bool(_BYLINE.fullmatch(rest))
    if byline:
        rest = ""
    if clock.bare and not separated and isinstance(again := read_leading(rest), Leading) and not again.clock.bare:
        return again  # a stray number before the real stamp ("03:13 9:03 a.m.: ...")
    label = m["label"]
    if label and _AS_OF.fullmatch(label) and not (clock.zone and separated):
        return "a time after \"as of\" with no zone and separator: a sentence's, not a stamp"
    edit_note = bool(label and _EDIT_LABEL.fullmatch(label) and not separated and not rest)
    if m["open"] and not (separated or m.group(0).rstrip().endswith(")") or ")" in line[m.end("stamp"):m.start("rest") + 1]):
        return "a time in brackets inside a sentence"
    if clock.word and rest and not separated:
        return "a word for the hour opening a sentence (\"Midnight Mass ...\"), not a stamp"
    if m["hit"] and rest and not separated:
        return "an hour after \"ore\" with no separator: a sentence's (\"Ore 10 di attesa\"), not a stamp"
    weak = bool(rest) and not separated and not _BARE_HEADLINE.match(rest)
    if weak and not _lower_case_headline(m, rest):
        return "a time at the start of a sentence, not a stamp"
    if _EDITED_THEN.match(rest):
        return "a page's publication line (a time, then when the page was last edited), not an entry"
    if rest and not re.search(r"[^\W\d_]{2}", rest):
        return "no words after the time: a number, a date or a cut-off line, not an update"
    if rest and not separated and clock.four_digits and clock.zone is None and not rest[:1].isupper():
        return "a four-digit number, not a stamp"
    second = m["second"]
    if footer := bool(separated and _FOOTER.fullmatch(rest)):
        rest = ""
    reader = _reader(clock, separated, rest) + (":edit-note" if edit_note else ":footer" if footer else
                                                ":byline" if byline else ":lower-case" if weak else "")
    # an author's name after the time ("21:31 , Jane Doe") labels it as a post's stamp, as "Update" does, before the
    # time or after it ("9:15 update -- Casualties")
    labelled = bool(label or m["label_after"]) or byline
    return Leading(clock, m["stamp"].strip(), rest, separated, labelled, second.strip() if second else None,
                   reader, edit_note, footer, label or "", weak)
