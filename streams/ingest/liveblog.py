"""A live blog from its items: which stamps open entries, what date and zone each is in, and the
headline and body of each entry.

Dates are never guessed. They come from day headers, the stamps' own dates, a scraper's ISO date
prefix, or the manifest's (or --date) date. Times that run past midnight are read from the page's
order: on a newest-first page a time more than 6 hours later than the one above it is the day
before; on an oldest-first page one more than 6 hours earlier is the next day (smaller jumps against
the order are pinned or late posts). When the times do not tell the page's order, its intro may ("The
Latest on ...", AP's newest-first format; data/order.toml), and a page that states its order keeps it: a
jump of more than an hour against it crosses midnight; when neither does, a jump of more than 12
hours is an error naming the line. A bare time on a page of 12-hour stamps is read in the half of the day
of its 12-hour neighbours (see halfday). A day header, or the manifest's date above the first entries,
names the day of the earliest entries below it (on a newest-first page, the entries above the first header
fall on the day after it when the lowest of them is earlier in the day than the first entry below); a stamp's
own date is that stamp's day (a weekday alone, the nearest such day: the first either way of the earliest
update's day, later ones onward). A header above
the first entries that is later than the manifest's date names their latest day when that puts the
earliest on the manifest's date (a page's posting date, after its last update). A dated line above the
first entries more than a year from the manifest's date is the date of a copy (a repost, an archive), not
of the entries: no live blog runs that long.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from schemas import Entry
from streams.ingest.daymarks import DayMark, resolve_day, weekday_date
from streams.ingest.entries import new_entry
from streams.ingest.errors import ParseError
from streams.ingest.furniture import first_sentence, headline_like, is_closing_line, is_note_line, reporting
from streams.ingest.halfday import twelve_hour_halves
from streams.ingest.lines import Blank, Item, Rejected, StampLine, TextLine, dated_below, figure_headers
from streams.ingest.meta import DocumentMeta, zone_at
from streams.ingest.stamps import numeric_date
from streams.ingest.zones import LOCAL, lookup

_HALF_DAY = 12 * 60
_CROSSING = 6 * 60  # a jump against the page's order this large crosses midnight; a smaller one is a pinned or late post
# On a page whose intro states its order ("The Latest"), updates keep it: a jump against it of more than a slip
# of the hour crosses midnight.
_STATED_SLIP = 60
_HEADLINE_LIMIT = 200
_LIST_ITEM = re.compile(r"\d{1,3}\.\s")  # "5. Flooded streets ...": an item of a numbered list (a caption), no headline
with (Path(__file__).parent / "data" / "order.toml").open("rb") as _fh:
    _ORDER = {k: re.compile("|".join(f"(?:{p})" for p in v)) for k, v in tomllib.load(_fh).items()}
_COPY_DISTANCE = dt.timedelta(days=366)  # a dated line this far from the manifest's date dates a copy


@dataclass(frozen=True)
class Provenance:
    """Where an entry came from: its stamp's line (None in HTML and feeds), the text of the stamp, and
    the reader that took it."""

    line: int | None
    stamp: str
    reader: str


@dataclass
class _Draft:
    stamp: StampLine
    paragraphs: list[list[str]]
    day: dt.date | None = None
    offset: int = 0  # days from the first entry of its section


def _publication_line(item: StampLine, index: int, stamps: list[tuple[int, StampLine]]) -> bool:
    """A stamp with a full date above two or more stamps without a year: the time the page was
    published ("Sun 23 Mar 2003 11.50 EST", "Sunday, 03 January 2016 15:31 Publisher"), not an update. An
    article's byline stamp ("by ... 3 min read") stamps its own text, which is one post."""
    later = [s for i, s in stamps if i > index and not s.edit_note]
    return (item.clock.year is not None and item.title_above != "article" and len(later) >= 2
            and all(s.clock.year is None for s in later))


def _heads_the_page(item: StampLine, following: Item | None, title: str, first: bool) -> bool:
    """The page's first stamp over the page's own title: the time the post went up ("07:47 AM ET" above
    "Storm nears coast" on a blog post of that title), not an update."""
    headline = item.headline or (following.text if isinstance(following, TextLine) else "")
    return first and _folded(headline) == _folded(title)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _title_line(item: StampLine, index: int, stamps: list[tuple[int, StampLine]], title: str) -> bool:
    """A line that is the page's title, carrying the newest post's stamp and headline ("08:42 Storm nears coast" as a
    ticker page's title), repeated word for word by the post's own stamp line below: the title, not an entry."""
    line = _folded(item.text)
    return line == _folded(title) and any(_folded(s.text) == line for i, s in stamps if i > index)


def accepted_stamps(items: list[Item], rejected: list[Rejected], title: str) -> set[int]:
    """Indexes of the stamp lines that open entries. Strong stamps (am/pm, zone, date, "Update")
    always do; a bare time only beside other stamps, and a run-in bare time, four digits or a clock run
    into a lower-case headline only beside others of its kind; a stamp followed by an edit note or the page's
    title is the page's own publication time."""
    stamps = [(i, item) for i, item in enumerate(items) if isinstance(item, StampLine)]
    only_edit_notes = all(item.edit_note for _, item in stamps)
    kinds = Counter(item.kind for _, item in stamps)
    strong = Counter(item.kind for _, item in stamps if item.strength == 2 and not item.edit_note)
    main_kind, main_count = strong.most_common(1)[0] if len(strong) == 1 else (None, 0)
    accepted = set()
    for i, item in stamps:
        following = next((x for x in items[i + 1:] if not isinstance(x, Blank)), None)
        if item.edit_note and not (only_edit_notes and len(stamps) >= 2):
            rejected.append(Rejected(item.line, item.stamp_text, "an edit note (\"Updated ...\"), not an entry"))
        elif not item.headline and (isinstance(following, TextLine) and is_note_line(following.text)
                                    or isinstance(following, StampLine) and following.edit_note):
            rejected.append(Rejected(item.line, item.stamp_text, "the page's own publication time (an edit note follows)"))
        elif _heads_the_page(item, following, title, i == stamps[0][0]):
            rejected.append(Rejected(item.line, item.stamp_text, "the page's own publication time (the page's "
                                                                 "title follows)"))
        elif _title_line(item, i, stamps, title):
            rejected.append(Rejected(item.line, item.stamp_text, "the page's title (its newest post's stamp and "
                                                                 "headline, repeated over the post below)"))
        elif _publication_line(item, i, stamps):
            rejected.append(Rejected(item.line, item.stamp_text, "the page's own publication time (a dated stamp above "
                                                                 "entries stamped otherwise)"))
        elif item.strength < 2 and main_count >= 3 and item.kind != main_kind and kinds[item.kind] < main_count:
            rejected.append(Rejected(item.line, item.stamp_text, f"a bare time among a page of {main_kind} stamps "
                                                                 "(a sidebar's, a video's length)"))
        elif item.strength == 2 or (item.strength == 1 and len(stamps) >= 2) or kinds[item.kind] >= 2:
            accepted.add(i)
        else:
            rejected.append(Rejected(item.line, item.stamp_text, "a lone bare time: no other stamp of its kind on the page"))
    return accepted


def _restated(current: _Draft, paragraph: list[str], item: StampLine) -> bool:
    """A stamp that repeats, at the start of the body, the time and date of the headline's stamp just above
    it ("Aid convoy arrivespublished at 09:12 BST 3 May" then "09:12 BST 3 May Trucks crossed ..."): one post."""
    above, clock = current.stamp, item.clock
    return (above.reader.startswith("trailing") and not current.paragraphs and not paragraph
            and above.minutes == clock.minutes
            and (above.clock.month, above.clock.day) == (clock.month, clock.day))


def _reads_as_title(line: str, punctuated: bool) -> bool:
    """A line that can head a post: short, opening with a capital, a figure or a quote, no note, no post's closing
    credit or pointer, and no closing punctuation unless ``punctuated`` (an article's headline may end in a full stop)."""
    text = line.strip()
    opens = (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“‘'") and not _LIST_ITEM.match(text)
    return (opens and len(text) <= _HEADLINE_LIMIT and len(text.split()) >= 3 and not is_note_line(text)
            and not is_closing_line(text) and (punctuated or headline_like(text)))


def _title_above(item: StampLine, above: list[list[str]], adjacent: bool, owner: _Draft | None) -> str:
    """The headline ``item`` takes from the paragraphs ``above`` it (see StampLine.title_above), removed from
    them; "" when it takes none. ``adjacent``: no blank line between; the entry ``owner`` above keeps a line. From the
    intro (no ``owner``) a signed stamp alone on its line takes none: its headline may as well be the line below,
    and a title-like line atop a page is as likely the page's own title; an "Update" stamp whose line opens the body
    can have its headline only above."""
    kind = item.title_above
    if not kind or not above or (kind == "adjacent" and (not adjacent or owner is None and not item.headline)):
        return ""
    if not _reads_as_title(above[-1][-1], kind == "article"):
        return ""
    if owner is not None and not owner.stamp.headline and sum(map(len, above)) < 2:
        return ""
    line = above[-1].pop()
    if not above[-1]:
        above.pop()
    return line.strip()


_TITLED_RUN = 3  # "Update" stamps whose every one has a one-line title paragraph above it: the page's layout


def _titles_across_blanks(items: list[Item], accepted: set[int]) -> bool:
    """Every "Update" stamp whose line opens the body has, across a blank line, a one-line paragraph that reads as a
    title right above it ("Death toll rises to 93\n\nUpdate 5:00 a.m. EDT March 23: Russian officials said ..."),
    and there are ``_TITLED_RUN`` or more: that line is each update's headline, not the end of the post above."""
    titled = 0
    for i, item in enumerate(items):
        if i not in accepted or not isinstance(item, StampLine) or item.title_above != "adjacent" or not item.headline:
            continue
        before = items[max(0, i - 3):i]
        one_line = (len(before) >= 2 and isinstance(before[-1], Blank) and isinstance(before[-2], TextLine)
                    and not (len(before) == 3 and isinstance(before[0], TextLine)))
        if not one_line or not _reads_as_title(before[-2].text, False):
            return False
        titled += 1
    return titled >= _TITLED_RUN


def _drafts(items: list[Item], accepted: set[int]) -> list[_Draft | DayMark]:
    """Entries in page order with their raw text, and the day headers between them. A post's footer
    stamp takes the paragraphs since the last stamp or day header, which no stamp above claims; with
    none there, it opens the text below like any stamp."""
    titles_across_blanks = _titles_across_blanks(items, accepted)
    out: list[_Draft | DayMark] = []
    current: _Draft | None = None
    paragraph: list[str] = []
    unclaimed: list[list[str]] = []

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            (current.paragraphs if current is not None else unclaimed).append(paragraph)
        paragraph = []

    for i, item in enumerate(items):
        if isinstance(item, DayMark):
            flush()
            current, unclaimed = None, []
            out.append(item)
        elif i in accepted:
            assert isinstance(item, StampLine)
            if current is not None and not current.paragraphs and not paragraph and not current.stamp.headline \
                    and current.stamp.minutes == item.minutes:
                continue  # the same time again in another clock ("4.31pm BST" then "16:31")
            if current is not None and _restated(current, paragraph, item):
                current.paragraphs += [[item.headline]] if item.headline else []
                continue
            adjacent = bool(paragraph) or titles_across_blanks
            flush()
            if title := _title_above(item, current.paragraphs if current is not None else unclaimed, adjacent, current):
                item = replace(item, headline=title, after=item.headline)
            closes = item.footer and bool(unclaimed)  # with no text above it, it opens the text below
            current = _Draft(item, unclaimed if closes else [[item.after]] if item.after else [])
            out.append(current)
            unclaimed = []
            if closes:
                current = None
        elif isinstance(item, Blank):
            flush()
        else:
            paragraph.append(item.text)
    flush()
    return out


def _direction(sequence: list[_Draft | DayMark]) -> int:
    """+1 when the page reads oldest first, -1 newest first, 0 when its times do not tell."""
    falls = rises = 0
    previous: _Draft | None = None
    for draft in sequence:
        if isinstance(draft, DayMark):
            previous = None
            continue
        if previous is not None:
            a, b = previous.stamp.clock, draft.stamp.clock
            if a.has_date and b.has_date and (a.month, a.day) != (b.month, b.day):
                later = (b.month or 0, b.day or 0) > (a.month or 0, a.day or 0)
            elif a.minutes != b.minutes and abs(a.minutes - b.minutes) < _CROSSING:
                later = b.minutes > a.minutes
            else:
                later = None
            if later is not None:
                rises += later
                falls += not later
        previous = draft
    return 1 if rises > falls else -1 if falls > rises else 0


def _top_dated_later(sequence: list[_Draft | DayMark], earliest: dt.date | None, path: str) -> bool:
    """Whether the page's first entry carries its own date, later than the day of its earliest update
    (the manifest's date or --date): then the top is not the earliest, and the page reads newest first."""
    first = next((d for d in sequence if isinstance(d, _Draft)), None)
    if first is None or earliest is None or not first.stamp.clock.has_date:
        return False
    return _stamp_date(first.stamp, earliest, path) > earliest


def _stamp_date(stamp: StampLine, anchor: dt.date | None, path: str) -> dt.date:
    clock = stamp.clock
    if clock.numeric_date:
        day = numeric_date(clock.numeric_date, anchor)
        if day is None:
            raise ParseError(path, stamp.line, f"cannot tell month from day in {clock.numeric_date!r}; give --date")
        return day
    mark = DayMark(stamp.line, clock.year, clock.month or 1, clock.day or 1)
    return resolve_day(mark, anchor, 0, path)


@dataclass
class _Section:
    """Entries dated from one anchor: a day header or the manifest's date names the day of the earliest
    entries below it; a stamp's own date is that stamp's day. A header above the page's first entries
    that names a later day than the manifest's (the day of the earliest update) is the date the page
    was posted or last updated: when it names the latest entries' day, the earliest fall on the manifest's."""

    anchor: dt.date | None
    names_earliest: bool
    drafts: list[_Draft]
    earliest: dt.date | None = None  # the manifest's date, for a header above the page's first entries

    def settle(self, path: str) -> None:
        if not self.drafts:
            return
        if self.anchor is None:
            raise ParseError(path, self.drafts[0].stamp.line, "no date for this entry: no day header above it, no "
                                                              "date in its stamp, no manifest 'published' date and no --date")
        low, high = min(d.offset for d in self.drafts), max(d.offset for d in self.drafts)
        base = low if self.names_earliest else 0
        if self.names_earliest and self.earliest is not None and self.anchor > self.earliest \
                and self.anchor - dt.timedelta(days=high - low) == self.earliest:
            base = high
        for draft in self.drafts:
            draft.day = self.anchor + dt.timedelta(days=draft.offset - base)


def _dates_a_copy(mark: DayMark, manifest_date: dt.date | None) -> bool:
    """Whether a dated line above the first entries is a repost's or archive's own date, not the entries'."""
    if mark.year is None or manifest_date is None:
        return False
    try:
        return abs(dt.date(mark.year, mark.month, mark.day) - manifest_date) > _COPY_DISTANCE
    except ValueError:
        return False


def _past_midnight(lowest_above: _Draft, below: _Draft | DayMark | None) -> bool:
    """Whether the entries above a newest-first page's first day header fall on the day after it: only when the
    clock crosses midnight across the header, the lowest entry above earlier in the day than the first one
    ``below`` ("13:15" over the header, "16:50" under it). A summary posted at "21:40" above "21:10" is the
    header's day; with no entry right below, nothing tells of a midnight."""
    return isinstance(below, _Draft) and below.stamp.minutes > lowest_above.stamp.minutes


def _stated_order(items: list[Item], accepted: set[int]) -> int:
    """The order the intro says the updates are in (data/order.toml): -1 newest first, +1 oldest, 0 unsaid."""
    intro = " ".join(item.text for item in items[:min(accepted, default=0)] if isinstance(item, TextLine))
    return -1 if _ORDER["newest_first"].search(intro) else 1 if _ORDER["oldest_first"].search(intro) else 0


def _date(sequence: list[_Draft | DayMark], meta: DocumentMeta, path: str, stated: int = 0) -> None:
    """Give every draft its day (see the module's docstring); ``stated`` is the order the intro names,
    for when the times do not tell."""
    told = _direction(sequence) or -_top_dated_later(sequence, meta.date, path)
    direction, crossing = (told, _CROSSING) if told or not stated else (stated, _STATED_SLIP)
    section = _Section(meta.date, True, [])
    known = meta.date  # the latest date the page has named, for year-less dates
    from_text = False  # the first date the text names is read either way of the manifest's
    after_weekday = False  # the last date named was a stamp's weekday
    previous: int | None = None
    offset = 0
    first_entry = next((i for i, d in enumerate(sequence) if isinstance(d, _Draft)), len(sequence))
    for index, draft in enumerate(sequence):
        if isinstance(draft, DayMark):
            if index < first_entry and _dates_a_copy(draft, meta.date):
                continue
            day = resolve_day(draft, known, (direction or -1) if from_text else 0, path)
            below = sequence[index + 1] if index + 1 < len(sequence) else None
            if not from_text and direction < 0 and section.drafts and _past_midnight(section.drafts[-1], below):
                section.anchor, section.earliest = day + dt.timedelta(days=1), None
            section.settle(path)
            known, from_text, after_weekday = day, True, False
            earliest = meta.date if index < first_entry else None
            section, previous, offset = _Section(known, True, [], earliest), None, 0
            continue
        stamp = draft.stamp
        named_day = stamp.clock.weekday is not None and known is not None and not stamp.clock.has_date
        if stamp.clock.has_date or named_day:
            section.settle(path)
            if named_day:  # the first weekday either way of the earliest update's day, later ones in the page's order
                anchor = section.earliest or known
                known = weekday_date(stamp.clock.weekday, anchor, direction if after_weekday else 0)
            else:
                known = _stamp_date(stamp, known, path)
            from_text, after_weekday = True, named_day
            section, previous, offset = _Section(known, False, []), None, 0
        elif previous is not None and abs(stamp.minutes - previous) >= crossing:
            if direction == 0 and abs(stamp.minutes - previous) > _HALF_DAY:
                raise ParseError(path, stamp.line, f"{stamp.stamp_text!r} is more than 12 hours from the stamp above "
                                 "it, and the page's order does not say whether midnight lies between: add a day header")
            if direction < 0 and stamp.minutes > previous:
                offset -= 1
            elif direction > 0 and stamp.minutes < previous:
                offset += 1
        previous = stamp.minutes
        draft.offset = offset
        section.drafts.append(draft)
    section.settle(path)


def _zone(stamp: StampLine, declared: dt.tzinfo | str | None, meta: DocumentMeta, path: str) -> dt.tzinfo:
    found = lookup(stamp.clock.zone) if stamp.clock.zone else declared
    if isinstance(found, dt.tzinfo):
        return found
    return zone_at(meta.tz, path, stamp.line)  # no zone, or "local time": the page's own zone


def _text(draft: _Draft) -> tuple[str, str] | None:
    """Headline and body; None when the stamp has no text of its own."""
    paragraphs = [list(p) for p in draft.paragraphs]
    headline = draft.stamp.headline.strip()
    if not headline:
        while paragraphs and not headline:
            first = paragraphs[0]
            headline = first.pop(0).strip()
            if not first:
                paragraphs.pop(0)
        if not headline:
            return None
    if len(headline) > _HEADLINE_LIMIT:
        short = first_sentence(headline, _HEADLINE_LIMIT)
        if not short.endswith("…"):
            rest = headline[len(short):].strip() if headline.startswith(short) else ""
            headline = short
            if rest:
                paragraphs.insert(0, [rest])
    body = [text for p in paragraphs if p and (text := reporting(p, bullets=True))]
    return headline, "\n\n".join(body)


def parse_liveblog(items: list[Item], rejected: list[Rejected], path: str, meta: DocumentMeta, title: str,
                   declared: dt.tzinfo | str | None) -> list[tuple[Entry, Provenance]] | None:
    """The entries of a live blog with where each came from; None when no stamp opens an entry."""
    items = dated_below(figure_headers(items, meta.tz, meta.date))
    accepted = accepted_stamps(items, rejected, title)
    if not accepted:
        return None
    sequence = _drafts(twelve_hour_halves(items, accepted), accepted)
    _date(sequence, meta, path, _stated_order(items, accepted))
    out: list[tuple[Entry, Provenance]] = []
    for draft in sequence:
        if isinstance(draft, DayMark):
            continue
        stamp = draft.stamp
        text = _text(draft)
        if text is None:
            rejected.append(Rejected(stamp.line, stamp.stamp_text, "no text after the stamp"))
            continue
        assert draft.day is not None
        local = dt.datetime.combine(draft.day, dt.time(stamp.clock.hour, stamp.clock.minute),
                                    tzinfo=_zone(stamp, declared, meta, path))
        entry = new_entry(meta, title, len(out), local.astimezone(dt.timezone.utc), "minute", *text)
        out.append((entry, Provenance(stamp.line, stamp.stamp_text, stamp.reader)))
    return out
