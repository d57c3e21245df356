"""A text document as a sequence of items: day headers, stamp lines, text lines and blank lines.
Physical lines are split first where a flattened copy ran several updates together."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from streams.ingest.daymarks import (ISO_PREFIX, MONTH_LABEL, DayMark, date_in_figures, figures_mark, read_day_mark,
                                     read_run_in_header, run_in_starts)
from streams.ingest.stamps import (Clock, read_bracketed_update, read_byline, read_comma_headline, read_dashed,
                                   read_epoch, read_labelled_epoch, read_leading, read_published, split_points)
from streams.ingest.stamps.grammar import clock, zone
from streams.ingest.stamps.leading import ANY_CLOCK
from streams.ingest.zones import writes_day_first


@dataclass(frozen=True)
class StampLine:
    """A line that holds a stamp; ``headline`` is the text of its own line that heads the entry."""

    line: int
    clock: Clock
    stamp_text: str
    headline: str
    after: str  # text after a trailing stamp on the same line: the start of the body
    reader: str
    strength: int  # 2 strong (am/pm, zone, date, "Update" or a byline), 1 medium (bare, separated or alone), 0 weak
    kind: str  # "12h", "24h" or "4digit": weak stamps count only with others of their kind
    text: str  # the whole line, for when the page does not take the stamp
    edit_note: bool = False  # "Updated: ...": an entry's stamp only on a page with no other stamps
    footer: bool = False  # a post's closing line ("9:45 p.m. EDT | permalink"): it stamps the text above it
    # Where the post's headline may stand above the stamp (liveblog takes it if it reads as one): "adjacent", the line
    # right above a signed stamp or an "Update" stamp whose own line opens the body ("Storm hits\n07:43 , Jane Doe",
    # "Roads shut\nUpdate 9:05 p.m.: Police closed ..."; after a blank line it may as well be the end of the post
    # above); "article", the line above an article's byline, across a blank line. "" when the headline is on the
    # stamp's line or below it.
    title_above: str = ""

    @property
    def minutes(self) -> int:
        return self.clock.minutes


@dataclass(frozen=True)
class TextLine:
    line: int
    text: str


@dataclass(frozen=True)
class Blank:
    line: int


@dataclass(frozen=True)
class Rejected:
    """A line that looked like a stamp and why it is not one (for --explain and errors)."""

    line: int
    text: str
    reason: str


Item = DayMark | StampLine | TextLine | Blank

_UPDATE = re.compile(r"(?i:update)")
_CLOCK_ONLY = re.compile(rf"{clock()}(?:\s*{zone()})?\s*")


def _strength(clock_: Clock, separated: bool, alone: bool, labelled: bool) -> int:
    if clock_.twelve_hour and not clock_.word or clock_.zone or clock_.has_date or labelled:
        return 2
    return 1 if (separated or alone) and not clock_.four_digits else 0


def _kind(clock_: Clock) -> str:
    return "12h" if clock_.twelve_hour else "4digit" if clock_.four_digits else "24h"


def _segment(number: int, text: str, rejected: list[Rejected]) -> Item:
    if not text.strip():
        return Blank(number)
    if mark := read_day_mark(number, text):
        return mark
    found = read_leading(text)
    if isinstance(found, str):
        rejected.append(Rejected(number, text.strip(), found))
    elif found is not None:
        strength = 0 if found.weak else _strength(found.clock, found.separated, not found.rest, found.labelled)
        above = "adjacent" if found.reader.endswith(":byline") or found.rest and _UPDATE.fullmatch(found.label) else ""
        return StampLine(number, found.clock, found.stamp_text, found.rest, "", found.reader, strength,
                         _kind(found.clock), text.rstrip(), found.edit_note, found.footer, above)
    if epoch := read_epoch(text):  # weak and of its own kind: taken only beside another raw time
        return StampLine(number, epoch, text.strip(), "", "", "epoch", 0, "epoch", text.rstrip())
    if labelled := read_labelled_epoch(text):  # the label makes it a post's stamp, as "Update" makes a clock strong
        return StampLine(number, labelled[0], labelled[1], labelled[2], "", "epoch:labelled", 2, "epoch", text.rstrip())
    trailing = read_published(text) or read_dashed(text) or read_bracketed_update(text) or read_byline(text)
    if trailing is not None:
        return StampLine(number, trailing.clock, trailing.stamp_text, trailing.headline, trailing.after,
                         trailing.reader, 2, _kind(trailing.clock), text.rstrip(),
                         title_above="article" if trailing.reader == "trailing:byline" else "")
    if comma := read_comma_headline(text):  # a bare clock here is weak: it counts only beside others of its kind
        return StampLine(number, comma.clock, comma.stamp_text, comma.headline, comma.after, comma.reader,
                         _strength(comma.clock, False, False, False), _kind(comma.clock), text.rstrip())
    return TextLine(number, text.rstrip())


def _iso_date_time(prefix: re.Match[str], line: str) -> bool:
    """An unlabelled ISO date with only a time after it ("2019-01-16 08:30") is one dated stamp, which
    the page then judges (often its publication time); the store's " date 2019-01-16" label is a day."""
    return not prefix[0].strip()[:1].isalpha() and bool(_CLOCK_ONLY.fullmatch(line[prefix.end():]))


def read_items(text: str) -> tuple[list[Item], list[Rejected]]:
    """Every line of ``text`` as an item, in order, and the lines that looked like stamps but are not."""
    items: list[Item] = []
    rejected: list[Rejected] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if (m := ISO_PREFIX.match(line)) and (m.end() == len(line) or line[m.end() - 1].isspace()) \
                and not _iso_date_time(m, line):
            items.append(DayMark(number, int(m[1]), int(m[2]), int(m[3])))
            line = line[m.end():]
            if not line.strip():
                continue
        elif number == 1 and (m := MONTH_LABEL.match(line)):
            line = " " * m.end() + line[m.end():]  # the label says no day: read the line as if it were not there
        cuts = [0, *sorted({*split_points(line), *run_in_starts(line)}), len(line)]
        for start, end in zip(cuts, cuts[1:]):
            segment = line[start:end]
            if run_in := read_run_in_header(number, segment):
                items.append(run_in[0])
                segment = segment[run_in[1]:]
            items.append(_segment(number, segment, rejected))
    return items, rejected


def figure_headers(items: list[Item], tz: str, near: dt.date | None) -> list[Item]:
    """``items`` with each line that holds only a date in figures read as a day header, in the order the page
    writes such dates: the order its unambiguous ones say ("15/08/2018" can only be day first), else the one its
    zone says (``writes_day_first``), else for each the reading nearest the page's date ``near``."""
    found = {i: f for i, item in enumerate(items) if isinstance(item, TextLine) and (f := date_in_figures(item.text))}
    if not found:
        return items
    said = {f.says_order for f in found.values()} - {None}
    day_first = said.pop() if len(said) == 1 else None if said else writes_day_first(tz)
    out = list(items)
    for i, f in found.items():
        if mark := figures_mark(items[i].line, f, day_first, near):
            out[i] = mark
    return out


def dated_below(items: list[Item]) -> list[Item]:
    """``items`` with each stamp alone on its line that has its date on the very next line ("18:33" over
    "2.6.2014") read as one dated stamp, as if the date stood beside the clock: the date line is the stamp's own,
    not a day header that would leave the stamp without text."""
    out: list[Item] = []
    for item in items:
        above = out[-1] if out else None
        if isinstance(item, DayMark) and isinstance(above, StampLine) and item.line == above.line + 1 \
                and not (above.headline or above.after or above.clock.has_date):
            clock_ = replace(above.clock, year=item.year, month=item.month, day=item.day)
            out[-1] = replace(above, clock=clock_, reader=above.reader + ":date-below")
        else:
            out.append(item)
    return out


def clocks_in_prose(text: str, items: list[Item]) -> list[Rejected]:
    """Times of day written inside sentences, for the error that says why no stamp was found."""
    stamped = {item.line for item in items if isinstance(item, StampLine)}
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if number in stamped:
            continue
        for m in ANY_CLOCK.finditer(raw):
            if m.start() > 0 and raw[: m.start()].strip():
                found.append(Rejected(number, raw.strip()[:80], f"the time {m.group(0)!r} is inside a sentence"))
                break
    return found
