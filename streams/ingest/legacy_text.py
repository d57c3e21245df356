"""Read live blogs and ordinary articles into ``Entry`` records (pure domain: no Kafka, no Faust).

A document is a *live blog* when at least one paragraph opens with a timestamp line
(``20:35 GMT – headline``, ``28 Sep 2020, 14:05`` + headline line, ``4.10pm BST`` + headline
line); each timestamp starts an entry whose body runs to the next timestamp or day header.
Otherwise it is an *article*: every paragraph of reporting is one day-precision item.

Dates are never guessed: they come from a day header or date line in the text, with the year
from the text, the manifest or ``--date``; anything else is a ``ParseError`` naming the file
(and the line). Only an explicit header changes the date: times that run "the wrong way"
within a day are not read as a midnight roll-over. The reading order (newest or oldest first,
detected from the times) only decides which way a year-less header moves from the one before.
Paragraphs that are not reporting are left out: bullet summaries, captions ending in a photo
credit, presenter hand-overs, "Read more" and "Source:" lines and, in articles, title-like
lines without closing punctuation (titles, sub-headings, cross-link lists; tweet embeds stay).

Article items are always ``day`` precision, dated 00:00 of their date in the document's zone.
A clock time inside prose ("began at 4.10am GMT on Sunday") dates a reported event, usually
before publication and tied to a weekday rather than a date, not the paragraph itself; reading
it as the item's event time would invent precision. A paragraph that opens with its own
timestamp makes the document a live blog instead.
"""

from __future__ import annotations

import functools

import datetime as dt
import hashlib
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from schemas import Entry, format_utc

BUNDLED_MANIFEST = Path(__file__).resolve().parents[2] / "data/samples/manifest.toml"


class ParseError(Exception):
    """A document or manifest that cannot be read; str() is ``PATH:LINE: message`` (or ``PATH: message``)."""

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path, self.line, self.message = str(path), line, message
        super().__init__(f"{self.path}:{line}: {message}" if line is not None else f"{self.path}: {message}")


@dataclass(frozen=True)
class DocumentMeta:
    """What the text itself may not say: who published it, its title, date, zone and address."""

    source: str
    title: str | None = None
    date: dt.date | None = None
    tz: str = "UTC"
    url: str | None = None


# --- time zones ------------------------------------------------------------------------------

_FIXED_ZONES = {"GMT": 0, "UTC": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180}
_NAMED_ZONES = {"ET": "America/New_York"}  # DST-dependent, so resolved per date through zoneinfo
_OFFSET = re.compile(r"(?:UTC|GMT)?\s?([+-])(\d{1,2})(?::?(\d{2}))?")


def _zone(name: str) -> dt.tzinfo:
    """A zone abbreviation, explicit offset (+03:00, UTC+3, GMT+4) or IANA name; ValueError if unknown."""
    key = name.strip()
    if key.upper() in _FIXED_ZONES:
        return dt.timezone(dt.timedelta(minutes=_FIXED_ZONES[key.upper()]))
    if (m := _OFFSET.fullmatch(key)) and int(m[2]) <= 14 and int(m[3] or 0) < 60:
        minutes = int(m[2]) * 60 + int(m[3] or 0)
        return dt.timezone(dt.timedelta(minutes=-minutes if m[1] == "-" else minutes))
    try:
        return ZoneInfo(_NAMED_ZONES.get(key.upper(), key))
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}") from None


# --- dates -----------------------------------------------------------------------------------

_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|янв\w*|фев\w*|мар\w*|апр\w*|ма[йя]|июн\w*|июл\w*|авг\w*|сен\w*|окт\w*|ноя\w*|дек\w*)\.?"
)
_MONTHS = {k: i % 12 + 1 for i, k in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec янв фев мар апр май июн июл авг сен окт ноя дек".split())}
_MONTHS["мая"] = 5  # Russian genitive of May
_WEEKDAY = (
    r"(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
    r"|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)"
)
_WEEKDAYS = {k: i % 7 for i, k in enumerate("mon tue wed thu fri sat sun пон вто сре чет пят суб вос".split())}

# A paragraph that is only a date: "Here are the latest updates on Monday, September 28:",
# "Saturday, October 17", "Понедельник, 28 Сен, 2020".
_DATE_LINE = re.compile(
    rf"(?i:(?:here (?:are|is) )?(?:all )?the latest (?:updates|developments) (?:on|for)\s+)?"
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)"
    rf"(?:,?\s+(?P<y>\d{{4}}))?\s*:?"
)
# An ISO date opening a paragraph, as in " date 2020-09-27 In this 2016 file photo ...".
_ISO_PREFIX = re.compile(r"\s*(?i:date:?\s+)?(\d{4})-(\d{2})-(\d{2})(?:\s+|$)")

# A timestamp line: optional "DD Mon YYYY," date, a clock time, optional zone, then either a
# separator (en dash, em dash, hyphen or colon) and the headline, or nothing (headline follows).
_STAMP = re.compile(
    rf"(?:(?P<day>\d{{1,2}})\s+(?P<mon>{_MONTH})\s+(?P<year>\d{{4}}),?\s+)?"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})\s*(?P<ampm>(?i:[ap]\.?m\.?))?"
    r"(?:\s*(?P<zone>(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?(?![\d-])|[+-]\d{2}:\d{2}|GMT|UTC|BST|CEST|CET|EEST|EET|ET)(?![A-Za-z]))?"
    r"\s*(?:[–—:-]\s*(?P<head>\S.*))?"
)


@dataclass(frozen=True)
class _DayMark:
    """A day header or date line; the year may be missing (then manifest or --date supplies it)."""

    line: int
    year: int | None
    month: int
    day: int
    weekday: int | None


@dataclass(frozen=True)
class _Stamp:
    """A timestamp line that opens a live-blog entry."""

    line: int
    day: dt.date | None
    hour: int
    minute: int
    zone: str | None
    headline: str | None


@dataclass(frozen=True)
class _Para:
    """A paragraph: consecutive non-blank lines, with the number of its first line."""

    line: int
    lines: tuple[str, ...]


_Block = _DayMark | _Stamp | _Para


def _month(word: str) -> int:
    return _MONTHS[word.lower()[:3]]


def _day_mark(line: int, text: str) -> _DayMark | None:
    m = _DATE_LINE.fullmatch(text.strip())
    if not m:
        return None
    wd = m["wd"]
    return _DayMark(line, int(m["y"]) if m["y"] else None, _month(m["m1"] or m["m2"]),
                    int(m["d1"] or m["d2"]), _WEEKDAYS[wd.lower()[:3]] if wd else None)


def _stamp(line: int, text: str, path: str) -> _Stamp | None:
    m = _STAMP.fullmatch(text.strip())
    if not m:
        return None
    hour, minute = int(m["h"]), int(m["mi"])
    if m["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    day = None
    if m["year"]:
        try:
            day = dt.date(int(m["year"]), _month(m["mon"]), int(m["day"]))
        except ValueError:
            raise ParseError(path, line, f"not a valid date in {text.strip()!r}") from None
    return _Stamp(line, day, hour, minute, m["zone"], m["head"].strip() if m["head"] else None)


def _blocks(text: str, path: str) -> list[_Block]:
    """Split into paragraphs and recognise date lines and timestamp lines among them."""
    paras: list[_Para] = []
    lines: list[str] = []
    for number, raw in enumerate(text.splitlines() + [""], start=1):
        if raw.strip():
            lines.append(raw.rstrip())
        elif lines:
            paras.append(_Para(number - len(lines), tuple(lines)))
            lines = []
    blocks: list[_Block] = []
    for para in paras:
        first, rest = para.lines[0], para.lines[1:]
        if m := _ISO_PREFIX.match(first):
            blocks.append(_DayMark(para.line, int(m[1]), int(m[2]), int(m[3]), None))
            first = first[m.end():]
            if not first.strip():
                if rest:
                    blocks.append(_Para(para.line + 1, rest))
                continue
        if not rest and (mark := _day_mark(para.line, first)):
            blocks.append(mark)
        elif stamp := _stamp(para.line, first, path):
            blocks.append(stamp)
            if rest:
                blocks.append(_Para(para.line + 1, rest))
        else:
            blocks.append(_Para(para.line, (first, *rest)))
    return blocks


def _resolve_day(mark: _DayMark, anchor: dt.date | None, direction: int, path: str) -> dt.date:
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


# --- paragraphs that are not reporting -------------------------------------------------------

_BULLET = re.compile(r"\s*[•▪●]")
_BOILERPLATE = re.compile(
    r"(?:Hello|Hi)\b.*\b(?:this is|welcome|taking over)\b.*"  # presenter hand-over or welcome
    r"|Read(?::\s.*| more\b.{0,60})"                            # "Read: <link>", "Read more here."
    r"|See also:?"
    r"|Sources?:\s.{1,80}"                                      # "Source: Al Jazeera"
    r"|You can (?:read|find|follow)\b.*\bhere\.?",              # link to the previous day's blog
    re.IGNORECASE | re.DOTALL,
)
# A caption ends in a photo credit: "[File: EPA]", "[Handout via ... /AFP]", "(AFP via Getty Images)".
_CAPTION = re.compile(
    r"(?:\[(?:File:[^\]]*|[^\]]*/[^\]]*)\]|\((?:[^)]*\bvia\b[^)]*|Image Credit:[^)]*|[^)]*Getty Images[^)]*)\))\s*$"
)
_TERMINAL = re.compile(r"[.!?…:;][\s\"“”‘’'«»)\]]*$")  # a stray quote after the full stop still ends it
_TWEET = re.compile(r"—\s*[^—]+\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Dr|Ms|St))(?<!\bMrs)[.!?…][\"”’')]*(?=\s)")


def _reporting(para: _Para) -> str | None:
    """The paragraph's text without bullet summaries, or None for furniture (captions, links, sign-ins)."""
    lines = [line for line in para.lines if not _BULLET.match(line)]
    text = "\n".join(lines).strip()
    if not text or _BOILERPLATE.fullmatch(text) or _CAPTION.search(lines[-1]):
        return None
    return text


def _headline_like(text: str) -> bool:
    """Titles, sub-headings and cross-link lists lack closing punctuation; tweet embeds end in a date."""
    return not _TERMINAL.search(text) and not _TWEET.search(text)


def _first_sentence(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    m = _SENTENCE_END.search(flat)
    sentence = flat[: m.end()] if m else flat
    if len(sentence) <= limit:
        return sentence
    cut = sentence.rfind(" ", 0, limit)
    return sentence[: cut if cut > 0 else limit].rstrip(" ,;:–-") + "…"


# --- entries ---------------------------------------------------------------------------------


def make_entry_id(source: str, published_at: dt.datetime, time_precision: str, headline: str, body: str) -> str:
    """Stable id: the same item from the same source always hashes the same, whitespace aside."""
    parts = [source, format_utc(published_at), time_precision, " ".join(headline.split()), " ".join(body.split())]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _entry(meta: DocumentMeta, title: str, seq: int, when: dt.datetime, precision: str, headline: str,
           body: str) -> Entry:
    return Entry(entry_id=make_entry_id(meta.source, when, precision, headline, body), source=meta.source,
                 url=meta.url, blog_title=title, published_at=when, time_precision=precision,
                 headline=headline, body=body, seq=seq)


def _newest_first(blocks: list[_Block]) -> bool:
    """Whether times mostly fall while reading down (within each day section); ties mean newest first."""
    falls = rises = 0
    previous: tuple[int, int] | None = None
    for block in blocks:
        if isinstance(block, _DayMark):
            previous = None
        elif isinstance(block, _Stamp):
            key = (block.day.toordinal() if block.day else 0, block.hour * 60 + block.minute)
            if previous is not None:
                falls += key < previous
                rises += key > previous
            previous = key
    return falls >= rises


def _zone_at(name: str, path: str, line: int | None) -> dt.tzinfo:
    try:
        return _zone(name)
    except ValueError as exc:
        raise ParseError(path, line, str(exc)) from None


def _parse_blog(blocks: list[_Block], path: str, meta: DocumentMeta, title: str) -> list[Entry]:
    direction = -1 if _newest_first(blocks) else 1
    current, reading = meta.date, 0  # the first header is read relative to the manifest date
    entries: list[Entry] = []
    stamp: _Stamp | None = None
    when: dt.datetime | None = None
    headline: str | None = None
    body: list[str] = []

    def close() -> None:
        if stamp is not None and when is not None:
            if headline is None:
                raise ParseError(path, stamp.line, "timestamp without a headline")
            entries.append(_entry(meta, title, len(entries), when, "minute", headline, "\n\n".join(body)))

    for block in blocks:
        if isinstance(block, _DayMark):
            close()
            stamp = None
            current, reading = _resolve_day(block, current, reading, path), direction
        elif isinstance(block, _Stamp):
            close()
            if block.day is not None:
                current, reading = block.day, direction
            if current is None:
                raise ParseError(path, block.line, "no date for this entry: no day header above it, "
                                                   "no manifest 'published' date and no --date")
            zone = _zone_at(block.zone or meta.tz, path, block.line)
            local = dt.datetime.combine(current, dt.time(block.hour, block.minute), tzinfo=zone)
            stamp, when, headline, body = block, local.astimezone(dt.timezone.utc), block.headline, []
        elif stamp is not None:
            lines = block.lines
            if headline is None:
                headline, lines = lines[0].strip(), lines[1:]
            if lines and (text := _reporting(_Para(block.line, lines))):
                body.append(text)
    close()
    return entries


def _parse_article(blocks: list[_Block], path: str, meta: DocumentMeta, title: str) -> list[Entry]:
    zone = _zone_at(meta.tz, path, None)
    current, reading = meta.date, 0
    entries: list[Entry] = []
    for block in blocks:
        if isinstance(block, _DayMark):
            current = _resolve_day(block, current, reading, path)
            continue
        assert isinstance(block, _Para)  # no _Stamp in an article, by definition
        text = _reporting(block)
        if text is None or _headline_like(text):
            continue
        if current is None:
            raise ParseError(path, block.line, "no date for this paragraph: the text names none and there is "
                                               "no manifest 'published' date or --date")
        when = dt.datetime.combine(current, dt.time(0, 0), tzinfo=zone).astimezone(dt.timezone.utc)
        entries.append(_entry(meta, title, len(entries), when, "day", _first_sentence(text), text))
    return entries


def event_order(entry: Entry) -> tuple[dt.datetime, str, int, str]:
    """The order of a replay: event time, then source and position, then id (a total order, so the
    producer, ``analyze`` and the worker's ordered fold all agree on ties)."""
    return (entry.published_at, entry.source, entry.seq, entry.entry_id)


def parse_text(text: str, *, path: str, meta: DocumentMeta) -> list[Entry]:
    """Entries of one document in event-time order (ties by position in the document)."""
    blocks = _blocks(text, path)
    first = blocks[0] if blocks else None
    title = meta.title or (
        first.lines[0].strip() if isinstance(first, _Para) and len(first.lines) == 1
        and len(first.lines[0]) <= 200 and _headline_like(first.lines[0]) else meta.source)
    if any(isinstance(b, _Stamp) for b in blocks):
        entries = _parse_blog(blocks, path, meta, title)
    else:
        entries = _parse_article(blocks, path, meta, title)
    if not entries:
        raise ParseError(path, None, "no recognisable entry (neither timestamped items nor paragraphs of text)")
    return sorted(entries, key=event_order)


# --- manifest and files ----------------------------------------------------------------------

_MANIFEST_KEYS = {"source", "title", "published", "tz", "url", "note", "crisis"}


def load_manifest(path: Path) -> dict[str, DocumentMeta]:
    """Document metadata keyed by file name, one TOML table per document; strict, so typos surface."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ParseError(path, None, f"cannot read manifest: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        m = re.search(r"at line (\d+)", str(exc))
        raise ParseError(path, int(m[1]) if m else None, f"invalid TOML: {exc}") from None
    metas: dict[str, DocumentMeta] = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ParseError(path, None, f"[{name!r}] must be a table")
        if unknown := set(table) - _MANIFEST_KEYS:
            raise ParseError(path, None, f"[{name!r}] unknown field(s): {', '.join(sorted(unknown))}")
        if not all(isinstance(table.get(k, ""), str) for k in ("source", "title", "tz", "url", "note", "crisis")):
            raise ParseError(path, None, f"[{name!r}] source, title, tz, url and note must be strings")
        if not table.get("source", "").strip():
            raise ParseError(path, None, f"[{name!r}] needs a non-empty 'source'")
        published = table.get("published")
        if isinstance(published, str):
            try:
                published = dt.date.fromisoformat(published)
            except ValueError:
                raise ParseError(path, None, f"[{name!r}] published must be YYYY-MM-DD") from None
        if published is not None and (not isinstance(published, dt.date) or isinstance(published, dt.datetime)):
            raise ParseError(path, None, f"[{name!r}] published must be a date (YYYY-MM-DD)")
        tz = table.get("tz", "UTC")
        _zone_at(tz, str(path), None)
        metas[name] = DocumentMeta(source=table["source"].strip(), title=table.get("title") or None,
                                   date=published, tz=tz, url=table.get("url") or None)
    return metas


def _cached_manifest(path: Path) -> dict[str, DocumentMeta]:
    """load_manifest, read once per file version: a corpus of thousands of documents shares one."""
    stat = path.stat()
    return _load_manifest_version(path.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _load_manifest_version(path: Path, mtime_ns: int, size: int) -> dict[str, DocumentMeta]:
    return load_manifest(path)


def resolve_meta(path: Path, *, date: dt.date | None = None, tz: str | None = None,
                 source: str | None = None) -> DocumentMeta:
    """Manifest beside the file, else the bundled sample manifest, else the file stem as source;
    the command line's --date/--tz/--source override whatever the manifest says."""
    meta = DocumentMeta(source=path.stem)
    for manifest in (path.parent / "manifest.toml", BUNDLED_MANIFEST):
        if manifest.is_file() and (found := _cached_manifest(manifest).get(path.name)):
            meta = found
            break
    if tz is not None:
        _zone_at(tz, str(path), None)
    overrides = {"date": date, "tz": tz, "source": source}
    return replace(meta, **{k: v for k, v in overrides.items() if v is not None})


def parse_file(path: Path, *, date: dt.date | None = None, tz: str | None = None,
               source: str | None = None) -> list[Entry]:
    """Parse one document; its bytes must be UTF-8 (no lossy decoding that would change ids)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(path, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(path, line, f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}") from None
    return parse_text(text, path=str(path), meta=resolve_meta(path, date=date, tz=tz, source=source))


def parse_paths(paths: Sequence[Path], *, date: dt.date | None = None, tz: str | None = None,
                source: str | None = None) -> list[Entry]:
    """All entries of several documents merged in event-time order."""
    entries = [e for p in paths for e in parse_file(Path(p), date=date, tz=tz, source=source)]
    return sorted(entries, key=event_order)
