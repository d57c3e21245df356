"""The pieces stamps are made of: a clock (24-hour with ":" or "." or none, 12-hour with am/pm in any
spelling, French "20h27", or opening a line a word for the hour, "Midnight"), a zone, and a date before or after
the clock. Each builder takes a prefix for its group names, so one regex can hold two stamps ("9:42am EST, 5:42pm
EAT")."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from streams.ingest.zones import alternation, zone_pattern

with (Path(__file__).parents[1] / "data" / "calendar_words.toml").open("rb") as _fh:
    _CALENDAR = tomllib.load(_fh)
# Names written whole (data/calendar_words.toml), by language: never the start of a longer word, so that German
# "Januar" does not end a match inside "January", nor English "sept" inside French "septembre".
_NAMED_MONTHS: dict[str, int] = {w: n for names in _CALENDAR["months"].values() for w, n in names.items()}
_NAMED_WEEKDAYS: dict[str, int] = {w: n for names in _CALENDAR["weekdays"].values() for w, n in names.items()}


def _whole_words(words: dict[str, int]) -> str:
    """One of ``words``, not run into more letters; the longest first (a regex takes the first that fits)."""
    return "(?:" + alternation(words) + r")(?![^\W\d_])"


MONTH = (
    rf"(?i:{_whole_words(_NAMED_MONTHS)}"
    r"|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|янв\w*|фев\w*|мар\w*|апр\w*|ма[йя]|июн\w*|июл\w*|авг\w*|сен\w*|окт\w*|ноя\w*|дек\w*)\.?"
)
_MONTHS = {k: i % 12 + 1 for i, k in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec янв фев мар апр май июн июл авг сен окт ноя дек".split())}
_MONTHS["мая"] = 5  # Russian genitive of May
WEEKDAY = (
    r"(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
    rf"|{_whole_words(_NAMED_WEEKDAYS)})"
)
_MONTH_NAMES = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_WEEKDAYS = {k: i for i, k in enumerate("mon tue wed thu fri sat sun".split())}
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|\.)?"
_YEAR = r"(?:19|20)\d{2}"
# 21.7.2021: day, month, year
_DOTTED = r"(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.(?:19|20)\d\d(?!\d)"
_AMPM = r"[aApP]\.?\s?[mM](?![A-Za-z])\.?"
# A stray colon may slip in before a dotted "p.m." ("10:09: p.m.: ..."); never before a bare "PM" ("10:09: PM Modi").
_BEFORE_AMPM = r"(?:\s?|:\s?(?=[aApP]\.[mM]\.))"
# What must follow a day header's year run into a stamp by a scraper ("12 January 202401:18 GMT"): a
# valid HH:MM, so splitting after the four-digit year is the only reading.
RUN_IN_CLOCK = r"(?=(?:[01]\d|2[0-3])[:.][0-5]\d(?![\d:.]\d))"


def month_number(word: str) -> int:
    """The month (1 to 12) a name that MONTH matched names."""
    word = word.lower().rstrip(".")
    return _NAMED_MONTHS.get(word) or _MONTHS[word[:3]]


def weekday_number(word: str) -> int:
    """The weekday (Monday 0) a name that WEEKDAY matched names."""
    word = word.lower().rstrip(".")
    return _NAMED_WEEKDAYS[word] if word in _NAMED_WEEKDAYS else _WEEKDAYS[word[:3]]


# After Italian "ore" (o'clock) the hour may stand alone or take its minutes after a comma ("Ore 23 -", "Ore 22,30 -").
_ITALIAN_HOUR = r"(?<=\b(?i:ore)\s)(?P<{p}hit>[01]?\d|2[0-3])(?:,(?P<{p}mit>[0-5]\d))?(?![\d.,]|:\d)"


with (Path(__file__).parents[1] / "data" / "clock_words.toml").open("rb") as _fh:
    _CLOCK_DATA = tomllib.load(_fh)
_CLOCK_WORDS: dict[str, int] = _CLOCK_DATA["words"]
# The words that lead a time a sentence gives ("at 10:30", "a las 10.30 h"): no run of ticker clocks counts it.
CLOCK_LEADS = frozenset(word.lower() for word in _CLOCK_DATA["leads"]["words"])
# A word for a time of day (data/clock_words.toml), capitalised or after "12 " ("Midnight", "12 noon"), never the start
# of a longer word or a compound ("Noonday", "Midnight-blue").
_WORD = (r"(?:12\s?|(?=[A-ZÀ-Þ]))(?P<{p}word>(?i:"
         + alternation(_CLOCK_WORDS) + r"))(?!\w|-\w)")


def clock(p: str = "", words: bool = False) -> str:
    """12-hour ("7.05 pm", "10 p.m.", "01:46PM", "23:40pm" as written, "10:09: p.m."), 24-hour ("20:35", "22.50"),
    French or Portuguese ("20h27", "17 h 12", "16h", "04:00h", "07h03m"), Dutch ("21u03"), four digits ("0915") or
    Italian after "ore" ("23", "22,30"); never a time with seconds, a price or a decimal. With ``words``, also a word for the hour ("Midnight", "Noon"): only
    where a stamp opens a line, since in prose such words are a sentence's ("at midnight")."""
    return (rf"(?<![\d£$€.,:/])(?:"
            + (rf"{_WORD.format(p=p)}|" if words else "") +
            rf"(?P<{p}h12>2[0-3]|1\d|0?\d)(?:[:.]\s?(?P<{p}m12>[0-5]\d))?{_BEFORE_AMPM}(?P<{p}ampm>{_AMPM})"
            rf"|(?P<{p}h24>[01]?\d|2[0-3])[:.]\s?(?P<{p}m24>[0-5]\d)(?::[0-5]\d(?![\d:]))?(?:h(?![\w]))?(?![\d]|[:.]\d)"
            rf"|(?P<{p}hfr>[01]?\d|2[0-3])\s?h(?:\s?(?P<{p}mfr>[0-5]\d)(?:min(?!\w)|m(?!\w))?(?!\d)|(?![\w]))"
            rf"|(?P<{p}hnl>[01]?\d|2[0-3])u(?P<{p}mnl>[0-5]\d)(?![\d\w])"
            rf"|(?P<{p}h4>[01]\d|2[0-3])(?P<{p}m4>[0-5]\d)(?![\d,.]\d|\d|[-/]\d)"
            rf"|{_ITALIAN_HOUR.format(p=p)})")


def date_before(p: str = "") -> str:
    """A date ahead of the clock: "Oct 19, ", "Jan 01, 2024 ", "15 Oct 2020, ", "Sat, 09 Sep 2023 ",
    "December 17, 2023, ", "August 27 at ", "Fri., Oct. 12 -- ", "Jan. 21 | ", "11/13/15 ", "5/3 – ", "2015-08-13 ",
    or a weekday alone ("Sunday, "): a timeline's day, which the page's order and date place."""
    return (rf"(?:(?:(?P<{p}bw>{WEEKDAY}),?\s+)?"
            rf"(?:(?P<{p}bd>{_DAY})\s+(?P<{p}bm>{MONTH}),?\s+(?:(?P<{p}by>{_YEAR}),?\s+)?"
            rf"|(?P<{p}bm2>{MONTH})\s+(?P<{p}bd2>{_DAY}),?\s+(?:(?P<{p}by2>{_YEAR}),?\s+)?"
            rf"|(?P<{p}num>\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}}))\s+"
            rf"|(?P<{p}num2>\d{{1,2}}/\d{{1,2}})(?:\s*[–—-]{{1,2}}|,)\s+"
            rf"|(?P<{p}dotted>{_DOTTED}),?\s+"
            rf"|(?P<{p}iso>(?:19|20)\d\d-[01]\d-[0-3]\d)[ T]"
            rf"|(?({p}bw)|(?!)))(?:at\s+|[–—-]{{1,2}}\s+|\|\s+)?)")


def date_after(p: str = "") -> str:
    """A date behind the clock and its zone: " 2 March 2022", ", June 22", " Aug. 6", ", August 14, 2021",
    " 09.10.2020", " 26/5/17", or a weekday alone before a separator or the line's end (" Tuesday —"; in
    "9 p.m. Sunday police arrived" the weekday is the sentence's)."""
    return (rf"(?:,?\s+(?:on\s+)?(?:(?P<{p}aw>{WEEKDAY})(?![^\W\d_])(?:,?\s+)?)?"
            rf"(?:(?P<{p}ad>{_DAY})\s+(?P<{p}am>{MONTH})(?:,?\s+(?P<{p}ay>{_YEAR}))?"
            rf"|(?P<{p}am2>{MONTH})\s+(?P<{p}ad2>{_DAY})(?!\d)(?:,?\s+(?P<{p}ay2>{_YEAR}))?"
            rf"|(?P<{p}adotted>{_DOTTED})"
            # "12:00 pm 26/5/17": only after a 12-hour clock ("15:50 15/11/24" is a market table's time)
            # or after a dash, with its whole year, ending the line: "07h03m - 05/02/2019"
            rf"|(?({p}ampm)(?P<{p}anum>\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}}))(?![\d/])"
            rf"|[–—-]\s+(?P<{p}adash>\d{{1,2}}/\d{{1,2}}/\d{{4}})(?=\s*$))"
            rf"|(?({p}aw)(?=\s*(?:[–—:|-]|$))|(?!))))")


def zone(p: str = "") -> str:
    """A zone, or German "Uhr", English "hrs" or Spanish "h" ("22.57 Uhr", "23.53 hrs", "23.29 h": o'clock, the page's
    own zone), unless a zone follows ("10:45 hrs IST")."""
    return rf"(?:(?:hrs|Uhr)\s+(?={zone_pattern()}))?(?P<{p}zone>{zone_pattern()}|(?:Uhr|hrs|h)(?![A-Za-z]))"


def stamp(p: str = "", words: bool = False) -> str:
    """A whole stamp: an optional date, the clock (a word for the hour too with ``words``), an optional zone and an
    optional date after it."""
    return rf"(?:{date_before(p)})?{clock(p, words)}(?:\s*{zone(p)})?(?:{date_after(p)})?"


@dataclass(frozen=True)
class Clock:
    """What a stamp says: the wall-clock time, its zone as written, and any date it carries."""

    hour: int
    minute: int
    zone: str | None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    numeric_date: str | None = None  # "11/13/15": month and day order decided with the page's date
    weekday: int | None = None  # "Sunday, 1:34 p.m.": Monday 0; with no date, the page's dates place it
    twelve_hour: bool = False
    four_digits: bool = False
    bare: bool = False  # 24-hour without zone: alone it could be any number
    word: bool = False  # a word for the hour ("Midnight"): a 12-hour stamp, but alone no stronger than a bare time

    @property
    def has_date(self) -> bool:
        return self.month is not None or self.numeric_date is not None

    @property
    def minutes(self) -> int:
        return self.hour * 60 + self.minute


def _group(m: re.Match[str], p: str, name: str) -> str | None:
    return m.groupdict().get(p + name)


def read_clock(m: re.Match[str], p: str = "") -> Clock | None:
    """The Clock of a match of ``stamp(p)``; None when its numbers are not a time of day."""
    g = lambda name: _group(m, p, name)  # noqa: E731
    twelve = g("h12") is not None or g("word") is not None
    if g("word"):
        hour, minute = _CLOCK_WORDS[g("word").lower()], 0
    elif twelve:
        hour, minute = int(g("h12")), int(g("m12") or 0)
        if hour <= 12:  # "23:40pm" means 23:40: the pm repeats what the hour says
            hour = hour % 12 + (12 if g("ampm").lower().startswith("p") else 0)
    else:
        digits = next((name for name in ("24", "fr", "nl", "4", "it") if g("h" + name) is not None), None)
        if digits is None:
            return None
        hour, minute = int(g("h" + digits)), int(g("m" + digits) or 0)  # "16h" is 16:00
        if digits == "4" and (g("bd") or g("bd2") or g("iso") or g("dotted")):
            return None  # "April 21, 2019": the year of a date, not a time
    if iso := g("iso"):
        year, month, day = iso.split("-")
        month = _MONTH_NAMES[int(month) - 1] if 1 <= int(month) <= 12 else None
    elif dotted := g("dotted") or g("adotted"):  # 21.7.2021: day, month, year
        day, month, year = dotted.split(".")
        month = _MONTH_NAMES[int(month) - 1]
    else:
        day = g("bd") or g("bd2") or g("ad") or g("ad2")
        month = g("bm") or g("bm2") or g("am") or g("am2")
        year = g("by") or g("by2") or g("ay") or g("ay2")
    named_day = g("bw") or g("aw")
    zone_text = g("zone")
    if zone_text and zone_text.strip() in ("Uhr", "hrs", "h"):
        zone_text = "local time"  # o'clock: the page's own zone
    return Clock(hour, minute, zone_text.strip() if zone_text else None, int(year) if year else None,
                 month_number(month) if month else None, int(re.sub(r"\D", "", day)) if day else None,
                 g("num") or g("num2") or g("anum") or g("adash"), weekday_number(named_day) if named_day else None, twelve, g("h4") is not None,
                 bare=not twelve and zone_text is None, word=g("word") is not None)


def numeric_date(text: str, near: dt.date | None, day_first: bool | None = None) -> dt.date | None:
    """"11/13/15" as month/day or day/month, whichever is a real date nearest the page's date (with
    no page date, only when one reading is possible); "5/3" without a year needs the page's date. With
    ``day_first`` True or False, only that reading (a page whose other dates say its order)."""
    a, b, *rest = (int(x) for x in text.split("/"))
    if not rest and near is None:
        return None
    years = [rest[0] + (2000 if rest[0] < 100 else 0)] if rest else [near.year - 1, near.year, near.year + 1]
    orders = {None: ((a, b), (b, a)), False: ((a, b),), True: ((b, a),)}[day_first]
    readings = []
    for year in years:
        for month, day in orders:
            try:
                readings.append(dt.date(year, month, day))
            except ValueError:
                pass
    readings = sorted(set(readings), key=lambda d: abs((d - near).days) if near else 0)
    if not readings or (near is None and len(readings) > 1):
        return None
    return readings[0]
