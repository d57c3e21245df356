"""A deterministic synthetic corpus of live blogs and articles, for tests and benchmarks.

``write_corpus(out_dir, entries=N, seed=S)`` writes documents in every format ``streams.ingest``
reads, plus a ``manifest.toml`` beside them, so that ``liveblog parse out_dir/*.txt`` and
``liveblog replay out_dir/*.txt`` work on them. The same seed gives byte-identical files.

What ``entries`` counts: the records ``streams.ingest.parse_paths`` yields for the written
documents, exactly. That is every timestamped item of every live blog (originals, copies on
aggregator documents, and both the earlier snapshot and the final version of a revised blog, so
an unchanged item of a revised blog counts twice) plus every reporting paragraph of an article
(one day-precision entry each).

The corpus covers several conflicts (``data/synth_world.toml``) on days spread over each one's
span; per conflict-day it writes about one document per outlet:

- live blogs (``role = "blog"``) in four formats: Al Jazeera style ``HH:MM GMT – headline`` under
  day headers, newest first; ``H.MMpm BST`` + headline line (Guardian style, newest first);
  ``DD Mon YYYY, HH:MM`` + headline line (oldest first); ``HH:MM GMT: headline`` (oldest first);
  each with non-entry furniture (captions, bullet summaries, hand-overs, "Read more here.");
- about every other conflict-day, one blog is also written as an earlier snapshot: the final
  version repeats its items with one to three headlines edited (a toll going from 12 to 13) and
  adds the later items;
- an aggregator document (``DD Mon YYYY, HH:MM[ CEST]``) with copies of about a tenth of the day's
  blog items: same instant, curly quotes straightened, the body's line breaks removed;
- an article: one entry per paragraph.

Entries come from the phrase templates of ``data/synth_phrases.toml``: casualty claims of every
kind the casualty extractor reads (increments, cumulative tolls that follow one running total per
series, incidents, corrections, historical figures, number words, "a woman and a child", vague
quantities, wounded), numbers that count no one (drones, tons of aid, ages) and events without
casualties (diplomacy, economy, legal, humanitarian, mobilisation, the front).

Memory stays bounded by one conflict-day: documents are written as they are made.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

__all__ = ["CorpusSummary", "write_corpus"]

DATA_DIR = Path(__file__).parent / "data"
UTC = dt.timezone.utc
PER_CONFLICT_DAY = 240  # entries aimed at per conflict-day (then spread over its documents)

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_PRESENTERS = ("Leila Haddad", "Tom Okafor", "Ana Petrova", "Samir Khalil", "Maya Lindqvist", "Omar Farouk")
_CREDITS = ("File: Reuters", "File: AP", "Handout via Defence Ministry/AFP", "File: EPA")
_TERMINAL = re.compile(r"[.!?…:;][\"”’'»)\]]*$")


@dataclass(frozen=True)
class CorpusSummary:
    """What ``write_corpus`` wrote. ``entries`` is what ``parse_paths`` yields for ``paths``;
    ``copies`` and ``revisions`` are among them (copied items; edited items of revised blogs)."""

    documents: int
    entries: int
    copies: int
    revisions: int
    days: int
    outlets: int
    formats: dict[str, int]
    paths: tuple[Path, ...] = field(repr=False)


# --- the phrase bank and the world -----------------------------------------------------------


@dataclass(frozen=True)
class _Series:
    who: str
    claimant: str
    noun: str
    enemy: str
    population: str
    base: float
    rate: float  # per day
    places: tuple[str, ...]


@dataclass(frozen=True)
class _Conflict:
    slug: str
    war: str
    start: dt.date
    end: dt.date
    sides: tuple[str, str]
    side_adj: tuple[str, str]
    capitals: tuple[str, str]
    front: tuple[str, ...]
    mediators: tuple[str, ...]
    venues: tuple[str, ...]
    markets: tuple[str, ...]
    courts: tuple[str, ...]
    aid: tuple[str, ...]
    hist: dict[str, Any]
    context: tuple[str, ...]
    series: tuple[_Series, ...]


@dataclass(frozen=True)
class _Outlet:
    name: str
    slug: str
    format: str
    tz: str
    role: str
    url: str
    conflicts: tuple[str, ...]
    curly: bool


@dataclass(frozen=True)
class _Template:
    kind: str
    weight: float
    head: str
    body: tuple[str, ...]
    revise: str | None = None


@dataclass(frozen=True)
class _Bank:
    conflicts: tuple[_Conflict, ...]
    outlets: tuple[_Outlet, ...]
    templates: tuple[_Template, ...]
    cum_weights: tuple[float, ...]
    vague: dict[str, str]  # as a headline says it -> as a sentence says it of people
    lists: tuple[str, ...]


def _tuples(table: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in table.items()}


def _load_bank(data_dir: Path = DATA_DIR) -> _Bank:
    world = tomllib.loads((data_dir / "synth_world.toml").read_text(encoding="utf-8"))
    phrases = tomllib.loads((data_dir / "synth_phrases.toml").read_text(encoding="utf-8"))
    conflicts = tuple(
        _Conflict(**_tuples({k: v for k, v in c.items() if k != "series"}),
                  series=tuple(_Series(**_tuples(s)) for s in c["series"]))
        for c in world["conflict"])
    outlets = tuple(_Outlet(**_tuples(o)) for o in world["outlet"])
    templates = tuple(_Template(**_tuples(t)) for t in phrases["template"])
    for t in templates:
        for para in t.body:
            if not _TERMINAL.search(para):
                raise ValueError(f"synth_phrases.toml: paragraph must end in punctuation: {para!r}")
    cum, total = [], 0.0
    for t in templates:
        total += t.weight
        cum.append(total)
    return _Bank(conflicts, outlets, templates, tuple(cum), dict(phrases["vague"]), tuple(phrases["lists"]))


# --- slots: the values a template names, drawn on first use ----------------------------------


def _straight(text: str) -> str:
    """Typographic quotes made plain, as a copy-paste into a plain-text CMS leaves them."""
    return text.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10 - 2] + (f"-{_ONES[n % 10]}" if n % 10 else "")
    return f"{n:,}"


class _Day:
    """One conflict-day: the random source, the conflict and its running tolls."""

    def __init__(self, bank: _Bank, conflict: _Conflict, date: dt.date, rng: random.Random) -> None:
        self.bank, self.conflict, self.date, self.rng = bank, conflict, date, rng
        self.origin = dt.datetime.combine(conflict.start, dt.time(), tzinfo=UTC)
        self.static = {"war": conflict.war, "hist_month": conflict.hist["month"],
                       "hist_year": conflict.hist["year"], "hist_n": conflict.hist["n"]}

    def toll(self, series: _Series, at: dt.datetime) -> int:
        """The series' running total at ``at``: one figure for every outlet, so tolls agree."""
        return int(series.base + series.rate * max(0.0, (at - self.origin).total_seconds()) / 86400)


class _Slots(dict):
    def __init__(self, day: _Day, at: dt.datetime) -> None:
        super().__init__()
        self.day, self.at = day, at

    def __missing__(self, key: str) -> Any:
        make = _MAKERS.get(key)
        value = make(self.day, self) if make else self.day.static[key]
        self[key] = value
        return value


def _pick(attr: str) -> Callable[[_Day, _Slots], Any]:
    return lambda d, s: d.rng.choice(getattr(d.conflict, attr))


def _capped(key: str) -> Callable[[_Day, _Slots], Any]:
    return lambda d, s: _cap(s[key])


_MAKERS: dict[str, Callable[[_Day, _Slots], Any]] = {
    "side": lambda d, s: d.rng.randrange(2),
    "a": lambda d, s: d.conflict.sides[s["side"]],
    "b": lambda d, s: d.conflict.sides[1 - s["side"]],
    "A": _capped("a"), "B": _capped("b"),
    "a_adj": lambda d, s: d.conflict.side_adj[s["side"]],
    "b_adj": lambda d, s: d.conflict.side_adj[1 - s["side"]],
    "capital_a": lambda d, s: d.conflict.capitals[s["side"]],
    "capital_b": lambda d, s: d.conflict.capitals[1 - s["side"]],
    "front": _pick("front"), "venue": _pick("venues"), "court": _pick("courts"),
    "mediator": _pick("mediators"), "Mediator": _capped("mediator"),
    "market": _pick("markets"), "Market": _capped("market"),
    "aid": _pick("aid"), "Aid": _capped("aid"),
    "weekday": lambda d, s: _WEEKDAYS[s.at.weekday()],
    "series": _pick("series"),
    "who": lambda d, s: s["series"].who, "Who": _capped("who"),
    "claimant": lambda d, s: s["series"].claimant, "Claimant": _capped("claimant"),
    "noun": lambda d, s: s["series"].noun,
    "enemy": lambda d, s: s["series"].enemy,
    "place": lambda d, s: d.rng.choice(s["series"].places),
    "total": lambda d, s: d.toll(s["series"], s.at),
    "prev_total": lambda d, s: d.toll(s["series"], s.at - dt.timedelta(days=1)),
    "n": lambda d, s: max(1, s["total"] - d.toll(s["series"], s.at - dt.timedelta(hours=d.rng.randint(12, 36)))),
    "k": lambda d, s: d.rng.randint(3, 15),
    "k_word": lambda d, s: _words(s["k"]), "K_word": _capped("k_word"),
    "k_child": lambda d, s: d.rng.randint(2, s["k"] - 1),
    "prev": lambda d, s: s["k"] + d.rng.choice((1, -1)),
    "w": lambda d, s: d.rng.randint(3, 60),
    "w_word": lambda d, s: _words(s["w"]),
    "w_child": lambda d, s: d.rng.randint(2, max(2, s["w"] // 3)),
    "vague": lambda d, s: d.rng.choice(list(d.bank.vague)), "Vague": _capped("vague"),
    "Vague_people": lambda d, s: _cap(d.bank.vague[s["vague"]]),
    "list": lambda d, s: d.rng.choice(d.bank.lists), "List": _capped("list"),
    "tons": lambda d, s: d.rng.randint(20, 900),
    "drones": lambda d, s: d.rng.randint(4, 60),
    "age": lambda d, s: d.rng.randint(16, 85),
    "pct": lambda d, s: f"{d.rng.randint(1, 9)}.{d.rng.randint(0, 9)}",
    "trucks": lambda d, s: d.rng.randint(5, 200),
    "displaced": lambda d, s: f"{d.rng.randint(2, 95) * 1000:,}",
    "reservists": lambda d, s: f"{d.rng.randint(5, 300) * 1000:,}",
    "km": lambda d, s: d.rng.randint(20, 400),
    "ordinal": lambda d, s: d.rng.choice(("second", "third", "fourth", "fifth")),
}
_DERIVED = {"k": ("k_word", "K_word"), "w": ("w_word",)}


# --- items -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    at: dt.datetime  # UTC
    headline: str
    paras: tuple[str, ...]
    template: _Template | None = None
    slots: _Slots | None = None
    extra: tuple[str, ...] = ()  # context paragraphs after the template's own


def _item(day: _Day, at: dt.datetime) -> _Item:
    rng = day.rng
    template = rng.choices(day.bank.templates, cum_weights=day.bank.cum_weights)[0]
    slots = _Slots(day, at)
    extra = (rng.choice(day.conflict.context),) if rng.random() < 0.2 else ()
    return _Item(at, template.head.format_map(slots), tuple(p.format_map(slots) for p in template.body) + extra,
                 template, slots, extra)


def _revise(day: _Day, item: _Item) -> _Item:
    """The item as a later snapshot of its blog has it: the headline's figure edited (12 -> 13)."""
    assert item.template is not None and item.slots is not None
    key = item.template.revise
    if key is None:
        return replace(item, headline=f"{item.headline} (updated)")
    slots = _Slots(day, item.at)
    slots.update(item.slots)
    slots[key] += day.rng.randint(1, 3)
    for derived in _DERIVED.get(key, ()):
        slots.pop(derived, None)
    paras = tuple(p.format_map(slots) for p in item.template.body) + item.extra
    return replace(item, headline=item.template.head.format_map(slots), paras=paras, slots=slots)


def _copy(item: _Item) -> _Item:
    """The item as an aggregator republishes it: straight quotes, one paragraph."""
    return _Item(item.at, _straight(item.headline), (_straight(" ".join(item.paras)),))


# --- rendering -------------------------------------------------------------------------------


def _zone(tz: str) -> dt.tzinfo:
    return UTC if tz in ("GMT", "UTC") else ZoneInfo(tz)


def _local(item: _Item, zone: dt.tzinfo) -> dt.datetime:
    return item.at.astimezone(zone)


def _label(local: dt.datetime, summer: str, winter: str) -> str:
    """The abbreviation a British or German outlet prints for this instant (BST/GMT, CEST/CET)."""
    return summer if local.dst() else winter


@dataclass
class _Doc:
    outlet: _Outlet
    conflict: _Conflict
    date: dt.date
    title: str
    items: Sequence[_Item]
    rng: random.Random

    def furniture(self, out: list[str]) -> None:
        """Now and then, paragraphs inside an entry that are not reporting (the parser drops them)."""
        roll = self.rng.random()
        if roll < 0.06:
            out.append("Read more here.")
        elif roll < 0.10:
            place = self.rng.choice(self.conflict.front)
            out.append(f"A damaged building in {place} [{self.rng.choice(_CREDITS)}]")


def _aljazeera(doc: _Doc, zone: dt.tzinfo) -> list[str]:
    rng, c = doc.rng, doc.conflict
    newest = sorted(doc.items, key=lambda i: i.at, reverse=True)
    bullets = "\n".join(f"  • {i.headline}." for i in newest[:3])
    out = [doc.title, f"Live coverage of the {c.war} from our correspondents.",
           f"Smoke rises over {rng.choice(c.front)} [{rng.choice(_CREDITS)}]\n{bullets}"]
    handover = rng.randrange(len(newest)) if len(newest) > 8 else -1
    current: dt.date | None = None
    for n, item in enumerate(newest):
        local = _local(item, zone)
        if local.date() != current:
            current = local.date()
            when = f"{_WEEKDAYS[current.weekday()]}, {_MONTHS[current.month - 1]} {current.day}"
            out.append(f"Here are the latest updates on {when}:" if n == 0 else when)
        sep = rng.choices((" – ", " - ", " -", " — "), cum_weights=(85, 94, 97, 100))[0]
        if sep == " -" and item.headline[:1].isdigit():  # "GMT -80-year-old" would read as a zone offset
            sep = " - "
        out.append(f"{local:%H:%M} GMT{sep}{item.headline}")
        out.extend(item.paras)
        doc.furniture(out)
        if n == handover:
            first, second = rng.sample(_PRESENTERS, 2)
            out.append(f"Hello, this is {first} taking over the blog from my colleague {second}.")
    earlier = doc.date - dt.timedelta(days=1)
    out += [f"Hello and welcome to {doc.outlet.name}’s live coverage of the {c.war}. "
            f"I’m {rng.choice(_PRESENTERS)} in Doha.",
            f"You can read the updates from {_MONTHS[earlier.month - 1]} {earlier.day} here.",
            f"Source: {doc.outlet.name}"]
    return out


def _guardian(doc: _Doc, zone: dt.tzinfo) -> list[str]:
    out = [doc.title, f"Follow the latest news on the {doc.conflict.war} as it happens."]
    for item in sorted(doc.items, key=lambda i: i.at, reverse=True):
        local = _local(item, zone)
        hour = local.hour % 12 or 12
        stamp = f"{hour}.{local.minute:02d}{'am' if local.hour < 12 else 'pm'} {_label(local, 'BST', 'GMT')}"
        out.append(f"{stamp}\n{item.headline}")
        out.extend(item.paras)
        doc.furniture(out)
    return out


def _dated(doc: _Doc, zone: dt.tzinfo, *, with_zone: bool = False) -> list[str]:
    out = [doc.title]
    for item in sorted(doc.items, key=lambda i: i.at):
        local = _local(item, zone)
        stamp = f"{local.day} {_MONTHS[local.month - 1][:3]} {local.year}, {local:%H:%M}"
        if with_zone:
            stamp += " " + _label(local, "CEST", "CET")
        out.append(f"{stamp}\n{item.headline}")
        out.extend(item.paras)
        doc.furniture(out)
    return out


def _colon(doc: _Doc, zone: dt.tzinfo) -> list[str]:
    out = [doc.title]
    for item in sorted(doc.items, key=lambda i: i.at):
        out.append(f"{_local(item, zone):%H:%M} GMT: {item.headline}")
        out.extend(item.paras)
        doc.furniture(out)
    return out


def _article(doc: _Doc, zone: dt.tzinfo) -> list[str]:
    rng, d = doc.rng, doc.date
    out = [doc.title]
    if rng.random() < 0.5:  # else the manifest's date
        out.append(f"{_WEEKDAYS[d.weekday()]}, {d.day} {_MONTHS[d.month - 1]} {d.year}")
    for n, item in enumerate(doc.items):
        out.append(item.paras[0])
        if n == 1:
            out.append(f"Residents inspect the damage in {rng.choice(doc.conflict.front)} (AFP via Getty Images)")
        elif n == 3:
            out.append(f"Read: {item.headline}")
    out.append(f"Source: {doc.outlet.name}")
    return out


_RENDER: dict[str, Callable[[_Doc, dt.tzinfo], list[str]]] = {
    "aljazeera": _aljazeera, "guardian": _guardian, "dated": _dated, "colon": _colon, "article": _article,
    "dated_zone": lambda doc, zone: _dated(doc, zone, with_zone=True),
}


def _title(outlet: _Outlet, conflict: _Conflict, date: dt.date) -> str:
    day_n = (date - conflict.start).days + 1
    return {
        "aljazeera": f"{conflict.war}, day {day_n}: Live news",
        "guardian": f"{conflict.war} live: news and updates",
        "dated": f"{conflict.war}: live updates",
        "dated_zone": f"{conflict.war}: latest from the wires",
        "colon": f"{conflict.war} updates",
    }.get(outlet.format, conflict.war)


# --- writing ---------------------------------------------------------------------------------


def _toml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


class _Writer:
    def __init__(self, out_dir: Path, manifest) -> None:
        self.out_dir, self.manifest = out_dir, manifest
        self.paths: list[Path] = []
        self.entries = self.copies = self.revisions = 0
        self.formats: Counter[str] = Counter()
        self.outlets: set[str] = set()
        self.days: set[dt.date] = set()
        self.zones: dict[str, dt.tzinfo] = {}

    def write(self, doc: _Doc, name: str, note: str | None = None) -> None:
        outlet = doc.outlet
        zone = self.zones.setdefault(outlet.tz, _zone(outlet.tz))
        text = "\n\n".join(_RENDER[outlet.format](doc, zone)) + "\n"
        if not outlet.curly:
            text = _straight(text)
        path = self.out_dir / name
        path.write_bytes(text.encode("utf-8"))
        table = [f"[{_toml_str(name)}]", f"source = {_toml_str(outlet.name)}", f"title = {_toml_str(doc.title)}",
                 f"published = {doc.date.isoformat()}", f"tz = {_toml_str(outlet.tz)}",
                 f"url = {_toml_str(f'{outlet.url}/{doc.conflict.slug}/{doc.date.isoformat()}')}"]
        if note:
            table.append(f"note = {_toml_str(note)}")
        self.manifest.write("\n" + "\n".join(table) + "\n")
        self.paths.append(path)
        self.entries += len(doc.items)
        self.formats[outlet.format] += 1
        self.outlets.add(outlet.name)
        self.days.add(doc.date)


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``parts`` positive sizes that add up to ``total`` (>= parts), varying by about +-40%."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    scale = (total - parts) / sum(weights)
    sizes = [1 + int(w * scale) for w in weights]
    for i in range(total - sum(sizes)):
        sizes[i % parts] += 1
    return sizes


def _plan(conflicts: Sequence[_Conflict], entries: int, rng: random.Random) -> list[tuple[dt.date, _Conflict, int]]:
    """Conflict-days spread evenly over each conflict's span, with an entry budget each."""
    spans = [(c.end - c.start).days + 1 for c in conflicts]
    left = min(sum(spans), math.ceil(entries / PER_CONFLICT_DAY))
    counts = [0] * len(conflicts)
    while left:  # equal shares, capped by each conflict's length
        for i, span in enumerate(spans):
            if left and counts[i] < span:
                counts[i] += 1
                left -= 1
    days = []
    for i, (conflict, span, k) in enumerate(zip(conflicts, spans, counts)):
        for j in range(k):
            lo, hi = j * span // k, (j + 1) * span // k
            days.append((conflict.start + dt.timedelta(days=rng.randrange(lo, hi)), i, conflict))
    days.sort(key=lambda d: (d[0], d[1]))
    return [(date, conflict, budget) for (date, _, conflict), budget in zip(days, _split(entries, len(days), rng))]


def _blog_items(day: _Day, outlet: _Outlet, zone: dt.tzinfo, size: int) -> list[_Item]:
    """``size`` items at random minutes of the blog's local day (an Al Jazeera-style blog may
    start the evening before, under its own day header), in time order."""
    rng, date = day.rng, day.date
    evening = rng.randint(1, min(3, size // 4)) if outlet.format == "aljazeera" and size >= 4 and rng.random() < 0.3 else 0
    minutes = sorted([rng.randrange(1200, 1440) - 1440 for _ in range(evening)]
                     + [rng.randrange(300, 1440) for _ in range(size - evening)])  # from 05:00
    midnight = dt.datetime.combine(date, dt.time(), tzinfo=zone)
    return [_item(day, (midnight + dt.timedelta(minutes=m)).astimezone(UTC)) for m in minutes]


def _edit_some(day: _Day, items: list[_Item], snapshot: int, rng: random.Random) -> int:
    """Revise one to three of the first ``snapshot`` items in place (those with a revision first);
    return how many."""
    early = items[:snapshot]
    editable = [i for i, item in enumerate(early) if item.template and item.template.revise]
    edits = min(len(early), rng.randint(1, 3))
    picked = rng.sample(editable, min(edits, len(editable)))
    picked += rng.sample([i for i in range(len(early)) if i not in picked], edits - len(picked))
    for i in picked:
        items[i] = _revise(day, items[i])
    return edits


def _write_day(w: _Writer, bank: _Bank, conflict: _Conflict, date: dt.date, budget: int, rng: random.Random) -> None:
    day = _Day(bank, conflict, date, rng)
    outlets = [o for o in bank.outlets if conflict.slug in o.conflicts]
    blogs = [o for o in outlets if o.role == "blog"]
    articles = [o for o in outlets if o.role == "article"]
    aggregators = [o for o in outlets if o.role == "aggregator"]
    stem = f"{date.isoformat()}_{conflict.slug}"

    def zone(o: _Outlet) -> dt.tzinfo:
        return w.zones.setdefault(o.tz, _zone(o.tz))

    def doc(o: _Outlet, items: Sequence[_Item], title: str | None = None) -> _Doc:
        return _Doc(o, conflict, date, title or _title(o, conflict, date), items, rng)

    if budget < 30:  # one blog
        o = rng.choice(blogs)
        w.write(doc(o, _blog_items(day, o, zone(o), budget)), f"{stem}_{o.slug}.txt")
        return
    paragraphs = rng.randint(4, 9) if articles else 0
    copies = budget // 10 if aggregators else 0
    rest = budget - paragraphs - copies
    revised = rng.choice(blogs) if rng.random() < 0.5 and len(blogs) > 1 else None
    size = snapshot = 0
    if revised:
        size = rng.randint(rest // 4, rest // 2)
        snapshot = rng.randint(max(1, size // 3), max(1, 2 * size // 3))
        rest -= size + snapshot
    others = [o for o in blogs if o is not revised]
    chosen = sorted(rng.sample(others, max(1, min(len(others), rest // 45))), key=blogs.index) if rest else []
    originals: list[_Item] = []
    for o, n in zip(chosen, _split(rest, len(chosen), rng) if chosen else []):
        items = _blog_items(day, o, zone(o), n)
        originals += items
        w.write(doc(o, items), f"{stem}_{o.slug}.txt")
    if revised:
        items = _blog_items(day, revised, zone(revised), size)
        early = items[:snapshot]
        edits = _edit_some(day, items, snapshot, rng)
        taken = f"{early[-1].at:%H%M}"
        w.write(doc(revised, early), f"{stem}_{revised.slug}_{taken}z.txt",
                note=f"Earlier snapshot (to {taken[:2]}:{taken[2:]} UTC) of the live blog {stem}_{revised.slug}.txt, "
                     f"which edits {edits} of these headlines.")
        w.write(doc(revised, items), f"{stem}_{revised.slug}.txt")
        w.revisions += edits
        originals += items
    if copies:
        assert copies <= len(originals)
        picked_items = sorted(rng.sample(originals, copies), key=lambda i: i.at)
        o = rng.choice(aggregators)
        w.write(doc(o, [_copy(i) for i in picked_items]), f"{stem}_{o.slug}.txt",
                note="Copies of other outlets' items (straight quotes, one paragraph each).")
        w.copies += copies
    if paragraphs:
        o = rng.choice(articles)
        noon = dt.datetime.combine(date, dt.time(12), tzinfo=UTC)
        pieces: list[_Item] = []  # one per paragraph: whole entries' bodies, one paragraph each
        while len(pieces) < paragraphs:
            source = _item(day, noon)
            pieces += [replace(source, paras=(p,)) for p in source.paras[: paragraphs - len(pieces)]]
        w.write(doc(o, pieces, title=pieces[0].headline), f"{stem}_{o.slug}.txt")


def write_corpus(out_dir: Path, *, entries: int, seed: int) -> CorpusSummary:
    """Write a synthetic corpus of exactly ``entries`` parsed entries into ``out_dir`` (created if
    missing; refused if it already holds documents or a manifest) and return what was written.
    The same ``seed`` and ``entries`` give byte-identical files."""
    if entries < 1:
        raise ValueError("entries must be at least 1")
    bank = _load_bank()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if (out_dir / "manifest.toml").exists() or any(out_dir.glob("*.txt")):
        raise FileExistsError(f"{out_dir} already holds a corpus (manifest.toml or *.txt); use an empty directory")
    rng = random.Random(seed)
    with open(out_dir / "manifest.toml", "w", encoding="utf-8", newline="\n") as manifest:
        manifest.write(f"# Synthetic live-blog corpus written by streams.tools.synth (entries = {entries}, seed = {seed}).\n"
                       "# Outlets and content are invented; read by streams.ingest.resolve_meta.\n")
        writer = _Writer(out_dir, manifest)
        for date, conflict, budget in _plan(bank.conflicts, entries, rng):
            _write_day(writer, bank, conflict, date, budget, rng)
    assert writer.entries == entries, (writer.entries, entries)
    return CorpusSummary(documents=len(writer.paths), entries=writer.entries, copies=writer.copies,
                         revisions=writer.revisions, days=len(writer.days), outlets=len(writer.outlets),
                         formats=dict(sorted(writer.formats.items())), paths=tuple(writer.paths))
