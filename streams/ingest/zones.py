"""Time zones as pages write them: abbreviations, names, offsets, and a page's own statement of
its times ("All times are Paris time (GMT+2)"). The table is ``data/zones.toml``."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ZONES_FILE = Path(__file__).parent / "data" / "zones.toml"
LOCAL = "local"  # the page's own zone: the manifest's tz or --tz

_OFFSET_VALUE = re.compile(r"([+-])(\d{2}):(\d{2})")
# After a clock: "GMT+2", "UTC+05:30", "+03:00" (a bare offset needs hours and minutes). No space after
# the zone: "08:00 GMT -12 killed" is a stamp, a dash and a headline.
OFFSET = r"(?:(?:GMT|UTC)[+−-]\d{1,2}(?::?\d{2})?|[+−-]\d{2}:\d{2})(?![\d-]|:\d)"
# In a page's statement of its times: "(GMT -4)", "GMT + 2" as well.
# "TU" is French for UTC ("heure de Paris (TU +1)")
_SPACED_OFFSET = r"(?:(?:GMT|UTC|TU)\s?[+−-]\s?\d{1,2}(?::?\d{2})?|[+−-]\d{2}:\d{2})(?![\d:])"
_OFFSET_PARTS = re.compile(r"(?:GMT|UTC|TU)?\s?([+−-])\s?(\d{1,2})(?::?(\d{2}))?")


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    with ZONES_FILE.open("rb") as fh:
        return tomllib.load(fh)


def alternation(words: Iterable[str]) -> str:
    """One of ``words`` as a regex, escaped, the longest first (a regex takes the first that fits)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def zone_pattern() -> str:
    """A regex for one zone as it follows a clock: abbreviation, name or offset, optionally in brackets."""
    table = _table()
    names = alternation(list(table["names"]))
    abbreviations = alternation(list(table["abbreviations"]))
    # a word that names a zone only in a page's statement ("Eastern") is one after a clock where a bracket or a
    # separator closes it ("(15:55 Eastern)", "3:55 p.m. Eastern: ..."), never before a headline's words
    declared = alternation(list(table["declarations"]))
    zone = (rf"(?:{OFFSET}|(?i:{names})(?![A-Za-z])|(?:{abbreviations})(?![A-Za-z])"
            rf"|(?:{declared})(?=\s*(?:\)|:\s|[–—]|-\s|$)))")
    return rf"(?:\(\s*{zone}\s*\)|{zone})"


def _value(value: str) -> dt.tzinfo | str:
    if value == LOCAL:
        return LOCAL
    if m := _OFFSET_VALUE.fullmatch(value):
        minutes = int(m[2]) * 60 + int(m[3])
        return dt.timezone(dt.timedelta(minutes=-minutes if m[1] == "-" else minutes))
    return ZoneInfo(value)


def lookup(text: str) -> dt.tzinfo | str | None:
    """The zone a stamp's zone text names (``LOCAL`` for "local time"), or None if unknown."""
    key = text.strip().strip("()").strip()
    table = _table()
    if key in table["abbreviations"]:
        return _value(table["abbreviations"][key])
    folded = {name.lower(): value for part in ("names", "declarations") for name, value in table[part].items()}
    if key.lower() in folded:
        return _value(folded[key.lower()])
    if (m := _OFFSET_PARTS.fullmatch(key)) and int(m[2]) <= 14:
        minutes = int(m[2]) * 60 + int(m[3] or 0)
        return dt.timezone(dt.timedelta(minutes=-minutes if m[1] in "-−" else minutes))
    return None


def resolve(name: str) -> dt.tzinfo:
    """A zone given by a user or a manifest: anything ``lookup`` knows, or an IANA name; ValueError if unknown."""
    found = lookup(name)
    if isinstance(found, dt.tzinfo):
        return found
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}") from None


@lru_cache(maxsize=1)
def _declaration() -> re.Pattern[str]:
    table = _table()
    names = alternation([*table["names"], *table["declarations"]])
    abbreviations = alternation(list(table["abbreviations"]))
    zone = rf"(?:{_SPACED_OFFSET}|(?i:{names})(?![A-Za-z])|(?:{abbreviations})(?![A-Za-z]))"
    return re.compile(
        rf"(?:(?i:all\s+(?:(?:times|updates|timestamps)\s+(?:are\s+|shown\s+)?|\w+\s+are\s+))"
        rf"|(?P<short>(?:\b(?=[TU])|(?<=\())(?i:times|updates|timestamps)\s+are\s+)"
        # French: "Les horaires sont donnés en heure de Paris", "Toutes les heures sont en heure de Paris"
        rf"|(?i:(?:les|toutes\s+les)\s+(?:horaires|heures)\s+sont\s+(?:(?:donn|indiqu)é(?:e?s)\s+)?en\s+))"
        rf"(?i:in\s+)?(?:(?i:local)\s+(?:in\s+[A-Z][a-z]+\s+)?)?"
        rf"(?P<zone>{zone})(?:\s*\(\s*(?P<offset>{_SPACED_OFFSET})\s*\))?"
        # a sentence of its own ("Updates are in New Zealand time."), not "Updates are in Eastern Ukraine"
        rf"(?(short)(?=\s*[.)]|\s*$))", re.MULTILINE)


@lru_cache(maxsize=1)
def _bracketed() -> re.Pattern[str]:
    abbreviations = alternation(list(_table()["abbreviations"]))
    return re.compile(rf"(?:^|(?<=[.!?:]\s))\(\s*(?P<zone>{_SPACED_OFFSET}|(?:{abbreviations}))\s*\)\s*$", re.MULTILINE)


def intro_zone(intro: str) -> dt.tzinfo | None:
    """A zone standing alone in brackets at the end of an intro's line ("... follow the updates. (EET)"):
    the page names its times' zone once, above the first stamp, instead of in every stamp."""
    m = _bracketed().search(intro)
    zone = lookup(m["zone"]) if m else None
    return zone if isinstance(zone, dt.tzinfo) else None


def declared_zone(text: str) -> tuple[dt.tzinfo | str, int] | None:
    """The zone a page says its times are in, and the offset in the text where it says so:
    "(all times local)", "All times are Paris time (GMT+2)", "All updates are in Eastern Daylight
    Time (GMT -4)", "Updates are in New Zealand time.". An offset in brackets is more exact than the
    name before it."""
    m = _declaration().search(text)
    if m is None:
        return None
    zone = lookup(m["offset"]) if m["offset"] else lookup(m["zone"])
    return (zone, m.start()) if zone is not None else None


def _listed(name: str, zones: list[str]) -> bool:
    """Whether ``name`` is one of ``zones`` or lies under one of their "Area/" prefixes."""
    return any(name == z or z.endswith("/") and name.startswith(z) for z in zones)


def writes_day_first(name: str) -> bool | None:
    """Whether a page whose times are in zone ``name`` writes a date in figures day first ("09/08/2018" is
    9 August), month first (False), or its zone does not say (None: UTC or a bare offset); data/zones.toml."""
    table, name = _table()["numeric_dates"], name.strip()
    if _OFFSET_PARTS.fullmatch(name) or _listed(name, table["neither"]):
        return None
    return not _listed(name, table["month_first"])
