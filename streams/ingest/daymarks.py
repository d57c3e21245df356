"""Lines that only name a day: day headers ("Here are the latest updates on Monday, September 28:",
"Saturday, October 17", "13 Mar 2011", in figures "15/08/2018"), a scraper's ISO date prefix (" date 2022-03-01 ...")
and a header whose year a scraper ran into the stamp below it, at a line's start or glued to the sentence before it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from streams.ingest.errors import ParseError
from streams.ingest.stamps.grammar import MONTH, RUN_IN_CLOCK, WEEKDAY, month_number, numeric_date, weekday_number

_DATE_LINE = re.compile(
    rf"(?i:(?:here (?:are|is) )?(?:all )?the latest (?:updates|developments) (?:on|for)\s+)?"
    rf"(?:(?P<wd>{WEEKDAY})\s*,?\s*)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er)?\s+(?P<m1>{MONTH})|(?P<m2>{MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)"
    rf"(?:,?\s+(?P<y>\d{{4}}))?\s*:?"
)
_RUN_IN = re.compile(rf"\s*(?:{_DATE_LINE.pattern}){RUN_IN_CLOCK}")
ISO_PREFIX = re.compile(r"\s*(?i:date:?\s+)?(\d{4})-(\d{2})-(\d{2})(?:\s+|$)")
# A store's crawl label of a month only (" date 2018-07 19h45 – ..."): no day, and often not the page's month
MONTH_LABEL = re.compile(r"\s*(?i:date:?)\s+\d{4}-\d{2}(?:\s+|$)")


@dataclass(frozen=True)
class DayMark:
    """A day header or date line; the year may be missing (then the manifest or --date supplies it)."""

    line: int
    year: int | None
    month: int
    day: int
    weekday: int | None = None


# What may frame a day header: a bullet, or rules drawn with dashes or stars ("-----September 1-----",
# "*** MARDI 12 MARS ***").
_FRAME = re.compile(r"^[\s•▪●*=_~#-]*|[\s*=_~#-]*$")


def read_day_mark(line: int, text: str) -> DayMark | None:
    m = _DATE_LINE.fullmatch(_FRAME.sub("", text))
    if not m:
        return None
    wd = m["wd"]
    return DayMark(line, int(m["y"]) if m["y"] else None, month_number(m["m1"] or m["m2"]),
                   int(m["d1"] or m["d2"]), weekday_number(wd) if wd else None)


# A date in figures alone on its line, maybe after a weekday: "15/08/2018", "Mercredi 12-11-2017", "6.12.2024".
_FIGURES = re.compile(rf"(?:(?P<wd>{WEEKDAY})\s*,?\s+)?(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)"
                      rf"(?P<y>(?:19|20)\d\d|\d\d)")


@dataclass(frozen=True)
class DateInFigures:
    """A header's date in figures, its order not yet known: "09/08/2018" is 9 August or 8 September."""

    first: int
    second: int
    year: int
    dotted: bool  # "6.12.2024": day first, as written wherever dots separate a date's figures
    weekday: int | None

    @property
    def says_order(self) -> bool | None:
        """True when only day first is a date ("15/08"), False when only month first is ("08/15"), else None."""
        return None if self.dotted or (self.first > 12) == (self.second > 12) else self.first > 12


def date_in_figures(text: str) -> DateInFigures | None:
    """The date in figures that ``text`` holds alone (maybe framed, maybe after a weekday), its order left to the
    page (``figures_mark``); None for any other line, as a date inside a sentence or a score."""
    m = _FIGURES.fullmatch(_FRAME.sub("", text))
    if m is None:
        return None
    year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
    return DateInFigures(int(m["a"]), int(m["b"]), year, m["sep"] == ".", weekday_number(m["wd"]) if m["wd"] else None)


def figures_mark(line: int, found: DateInFigures, day_first: bool | None, near: dt.date | None) -> DayMark | None:
    """The day header ``found`` names, read day first, month first, or (``day_first`` None) as whichever reading
    lies nearest the page's date; None when that is no date or not the weekday written beside it."""
    date = numeric_date(f"{found.first}/{found.second}/{found.year}", near, True if found.dotted else day_first)
    if date is None or found.weekday is not None and date.weekday() != found.weekday:
        return None
    return DayMark(line, date.year, date.month, date.day, found.weekday)


def read_run_in_header(line: int, text: str) -> tuple[DayMark, int] | None:
    """A day header whose year a scraper ran into the stamp below it ("12 January 202401:18 GMT"): the
    header, and the offset where the stamp starts. The year must touch the clock: "12 January 2024 01:18"
    is one dated stamp."""
    m = _RUN_IN.match(text)
    if m is None or m["y"] is None or m.end("y") != m.end():
        return None
    mark = read_day_mark(line, text[:m.end()])
    return (mark, m.end()) if mark else None


_YEAR_INTO_CLOCK = re.compile(rf"(?:19|20)\d\d{RUN_IN_CLOCK}")
_HEADER_REACH = 60  # characters: the longest day header with its year, and the clock it runs into
# The end of a sentence, and at most one space, before a flattened copy's next dated stamp.
_SENTENCE_END = re.compile(r"[.!?\"”’] ?(?=[^\W\d_])")


def run_in_starts(text: str) -> list[int]:
    """Offsets where a flattened copy glued a dated stamp, its year run into the clock, to the end of
    the sentence before it ("... media reported.Sep 30, 201813:22 (IST) Prime ..."). A year touching a
    valid HH:MM is no prose, and the sentence end keeps a date inside a sentence whole."""
    if not _YEAR_INTO_CLOCK.search(text):  # most lines: no year touching a clock, nothing to split
        return []
    return [m.end() for m in _SENTENCE_END.finditer(text)
            if read_run_in_header(0, text[m.end():m.end() + _HEADER_REACH]) is not None]


def resolve_day(mark: DayMark, anchor: dt.date | None, direction: int, path: str) -> dt.date:
    """The date a header names. Without a year: the nearest date to ``anchor`` (the manifest or
    --date date, later the previous header) that lies in reading ``direction`` (-1 back, +1 on,
    0 either way), so a newest-first blog crossing New Year goes back into December."""
    if mark.year is not None:
        years = [mark.year]
    elif anchor is None:
        raise ParseError(path, mark.line, "date has no year; give --date or a manifest 'published' date")
    else:
        years = [anchor.year - 1, anchor.year, anchor.year + 1]
    days = []
    for year in years:
        try:
            days.append(dt.date(year, mark.month, mark.day))
        except ValueError:
            pass
    if mark.year is None and anchor is not None:
        days = sorted((d for d in days if (d - anchor).days * direction >= 0), key=lambda d: abs((d - anchor).days))
    if not days:
        raise ParseError(path, mark.line, "not a valid date")
    day = days[0]
    if mark.weekday is not None and day.weekday() != mark.weekday:
        named = dt.date(2024, 1, 1 + mark.weekday)  # 2024-01-01 was a Monday
        raise ParseError(path, mark.line, f"the text says {named:%A}, but {day.isoformat()} is a {day:%A}")
    return day


def weekday_date(weekday: int, anchor: dt.date, direction: int) -> dt.date:
    """The day a weekday alone names ("Sunday, 1:34 p.m."): the nearest day with that weekday to
    ``anchor`` (the last date the page named) lying in reading ``direction`` (0 either way): a
    timeline's days lie within a week of the date it was written."""
    days = [anchor + dt.timedelta(days=k) for k in range(-6, 7) if k * direction >= 0]
    return min((d for d in days if d.weekday() == weekday), key=lambda d: abs((d - anchor).days))
