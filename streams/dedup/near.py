"""Near-duplicate dedup: revisions, copies and the same event from other sources (no Kafka, no Faust).

Exact duplicates (same entry_id) are dropped before this stage by ``streams.dedup.exact.first_sighting``.
Entries arrive one by one in event-time order; ``NearDuplicateIndex.judge`` says what each one is:

- ``new``: a first report; its event_id is derived from its blog slot (source, blog, minute), so a
  later scrape with edits keeps the id, or from its entry_id when it has no minute slot;
- ``revision``: the same source, blog and time slot with edited text: it supersedes ``revision_of``
  and keeps that entry's event_id (downstream replaces the event's contribution);
- ``copy``: the same text elsewhere or in another scrape (whitespace, quotes, dashes, a few
  sentences missing): one more mention of the event;
- ``same_event``: another source quoting or paraphrasing the same statement within the horizon:
  one more mention and source of the event.

Candidates come from an index, never from a scan: MinHash LSH bands (one-permutation hashing, so a
signature costs one hash per shingle), the blog slot, and capitalised names. State lives in one
mutable mapping of JSON values (a Faust table in the worker, a dict offline), written by key
assignment, and ``expire`` drops whatever is older than the horizon, so memory stays flat.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
import zlib
from array import array
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass, fields
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

from schemas import Entry, format_utc

CONFIG_PATH = Path(__file__).parent / "data" / "dedup.toml"

VerdictName = Literal["new", "revision", "copy", "same_event"]


@dataclass(frozen=True)
class DedupConfig:
    """Thresholds; the values and the reasons for them are in ``streams/dedup/data/dedup.toml``."""

    horizon_hours: float = 48
    shingle_words: int = 3
    lsh_bands: int = 30
    lsh_rows: int = 2
    bucket_cap: int = 64
    copy_containment: float = 0.8
    revision_containment: float = 0.4
    same_event_min_shared: int = 5
    quote_words: int = 4
    same_event_min_quoted: int = 2

    @property
    def horizon(self) -> timedelta:
        return timedelta(hours=self.horizon_hours)


def load_config(path: Path | None = None) -> DedupConfig:
    """The thresholds of ``dedup.toml``; an unknown key is an error, so a typo cannot go unnoticed."""
    data = tomllib.loads((path or CONFIG_PATH).read_text(encoding="utf-8"))
    known = {f.name for f in fields(DedupConfig)}
    if unknown := set(data) - known:
        raise ValueError(f"{path or CONFIG_PATH}: unknown key(s) {', '.join(sorted(unknown))}")
    return DedupConfig(**data)


@dataclass(frozen=True)
class Verdict:
    """What an entry is, and the event it counts towards."""

    verdict: VerdictName
    event_id: str
    cluster: str
    mentions: int
    sources: list[str]
    revision_of: str | None
    first_seen: datetime


# --- text features -----------------------------------------------------------------------------

_FOLD = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "«": '"', "»": '"', "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-",
})
_WORD = re.compile(r"\w+")
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"']\s*|\n\s*)$")
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS |= {w: str(20 + 10 * i) for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 1)}
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_STOP = frozenset("""a an the and or but nor of in on at to for from by with as into onto over under about
after before during since until than then that this these those there here it its it's is are was were be been
being has have had do does did will would shall should can could may might must not no so such also too very
just only more most some any all each both other another which who whom whose what when where why how he she
they we you i his her their our your them us him me said says say saying told according added adding s t""".split())

# Day-of-month or year beside a month name is a date, not a count: dates differ between copies.
_YEAR = re.compile(r"(?:19|20)\d\d")


def _hashes(texts: Iterable[str]) -> frozenset[int]:
    """32-bit hashes that are the same in every process (``hash()`` is salted per process)."""
    crc32 = zlib.crc32
    return frozenset([(crc32(text.encode()) * 0x9E3779B1) & 0xFFFFFFFF for text in texts])


@dataclass(frozen=True)
class Features:
    """What the index compares: shingles, numbers, names and statement pairs of one entry."""

    shingles: frozenset[int]
    numbers: frozenset[str]
    names: frozenset[str]
    statement: frozenset[int]
    quotes: frozenset[int] = frozenset()


# A quotation after quote folding: what a speaker said, the same words in every outlet that quotes it.
_QUOTE = re.compile(r'"([^"]{8,600})"')


def _quoted(text: str, k: int) -> frozenset[int]:
    """Hashes of every run of ``k`` words inside quotation marks."""
    runs = []
    for m in _QUOTE.finditer(text):
        words = [_NUMBER_WORDS.get(w, w) for w in (x.group().lower() for x in _WORD.finditer(m.group(1)))]
        runs += map(" ".join, zip(*(words[i:] for i in range(k))))
    return _hashes(runs)


def features(text: str, shingle_words: int, quote_words: int = 4) -> Features:
    """Text features, blind to whitespace, quote and dash styles, case and number words."""
    text = _THOUSANDS.sub("", unicodedata.normalize("NFKC", text).translate(_FOLD))
    words: list[str] = []
    names: set[str] = set()
    content: list[str] = []
    for m in _WORD.finditer(text):
        raw = m.group()
        lower = raw.lower()
        word = _NUMBER_WORDS.get(lower, lower)
        words.append(word)
        if raw[0].isupper():  # a name unless it starts a sentence
            start = m.start()
            if word not in _STOP and len(word) > 2 and not _SENTENCE_START.search(text, max(0, start - 3), start):
                names.add(word)
        elif word not in _STOP and not word.isdigit():
            content.append(word)
    numbers = {str(int(w)) for i, w in enumerate(words) if w.isdigit() and not _YEAR.fullmatch(w)
               and not (i and words[i - 1] in _MONTHS) and not (i + 1 < len(words) and words[i + 1] in _MONTHS)}
    k = shingle_words
    shingles = map(" ".join, zip(*(words[i:] for i in range(k)))) if len(words) >= k else [" ".join(words)]
    statement = map(" ".join, zip(content, content[1:]))
    return Features(_hashes(shingles), frozenset(numbers), frozenset(names), _hashes(statement),
                    _quoted(text, quote_words))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of the smaller set found in the larger: a copy with sentences missing scores high."""
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


def _nested(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether one figure set holds the other."""
    return a <= b or b <= a


def band_keys(shingles: frozenset[int], bands: int, rows: int) -> list[str]:
    """LSH band keys of a one-permutation MinHash: bins by the hash's top bits, minimum per bin.
    An empty bin takes the value of the next filled bin to its right, mixed with how far that is
    (rotation densification, Shrivastava and Li 2014): a short entry leaves most of the bins empty,
    and bands of empty bins made every short entry a candidate of every other (86 per entry on the
    synthetic corpus)."""
    bins = bands * rows
    empty = 0xFFFFFFFF
    signature = [empty] * bins
    for h in shingles:
        b = (h * bins) >> 32
        if h < signature[b]:
            signature[b] = h
    filled = [i for i, h in enumerate(signature) if h != empty]
    if filled and len(filled) < bins:
        nearest = filled[0] + bins  # the first filled bin, seen from the end of the circle
        for i in range(bins - 1, -1, -1):
            if signature[i] != empty:
                nearest = i
            else:
                signature[i] = (signature[nearest % bins] + 0x9E3779B1 * (nearest - i)) & 0xFFFFFFFF
    raw = array("I", signature).tobytes()
    step = len(raw) // bands
    return [f"b:{i}:{zlib.crc32(raw[i * step:(i + 1) * step]):x}" for i in range(bands)]


@dataclass(frozen=True)
class Sketch:
    """What judging reads of an entry's text. It depends on the text and the thresholds only, so
    ``analyze`` computes it in its classifying processes, beside the one that judges."""

    features: Features
    bands: list[str]


def sketch(entry: Entry, config: DedupConfig) -> Sketch:
    found = features(f"{entry.headline}\n{entry.body}", config.shingle_words, config.quote_words)
    return Sketch(found, band_keys(found.shingles, config.lsh_bands, config.lsh_rows))


# --- the index ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Known:
    """What candidate matching reads of a stored record, as sets: the index keeps one per record,
    so the hundred or so candidates of an entry cost no store read and no set built from a list."""

    t: str
    src: str
    slot: str | None
    event: str
    shingles: frozenset[int]
    numbers: frozenset[str]
    names: frozenset[str]
    statement: frozenset[int]
    quotes: frozenset[int]

    @classmethod
    def of(cls, record: dict[str, Any]) -> _Known:
        return cls(record["t"], record["src"], record["slot"], record["e"], frozenset(record["sh"]),
                   frozenset(record["num"]), frozenset(record["names"]), frozenset(record["st"]),
                   frozenset(record.get("q", ())))


def _slot(entry: Entry) -> str | None:
    """Where a later scrape of the same blog puts the same item: source, blog and minute."""
    if entry.time_precision != "minute":
        return None
    key = "\x1f".join((entry.source, entry.url or entry.blog_title, format_utc(entry.published_at)))
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _hour(t: datetime) -> str:
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H")


class NearDuplicateIndex:
    """Judges entries against the recent ones, over a store of JSON values that survives restarts.

    Stored keys: ``c:<entry_id>`` one record per entry (its features, its index keys and ``n``, its
    place in judging order); ``e:<event_id>`` mentions, sources and times of an event; ``seq`` the
    last ``n``. The index over the records lives in memory only: LSH buckets (``b:…``), blog slots
    (``s:<slot>``) and names (``n:<name>``), each a short list of entry ids, the records' features
    as sets, and entry ids by event-time hour, for expiry. It is derived from the records
    (``forget_index``, then rebuilt on next use: after a rebalance, or a failed record whose writes
    were dropped), so each entry costs three store writes rather than one per band and name.
    """

    def __init__(self, store: MutableMapping[str, Any], *, config: DedupConfig | None = None) -> None:
        self.store = store
        self.config = config or load_config()
        self._postings: dict[str, list[str]] | None = None
        self._known: dict[str, _Known] = {}
        self._hours: dict[str, list[str]] = {}

    def forget_index(self) -> None:
        """Drop the in-memory index; the next judgement rebuilds it from the stored records."""
        self._postings = None

    @property
    def postings(self) -> dict[str, list[str]]:
        if self._postings is None:
            self._rebuild()
        assert self._postings is not None
        return self._postings

    def _rebuild(self) -> None:
        """Replay the stored records in judging order into the index, as ``_record`` built it."""
        records = [(key[2:], self.store[key]) for key in list(self.store) if key.startswith("c:")]
        records.sort(key=lambda item: (item[1].get("n", 0), item[1]["t"], item[0]))
        postings: dict[str, list[str]] = {}
        self._known, self._hours = {}, {}
        for entry_id, record in records:
            self._index(entry_id, record, postings)
        self._postings = postings

    def _index(self, entry_id: str, record: dict[str, Any], postings: dict[str, list[str]],
               known: _Known | None = None) -> None:
        """Index a stored record; ``known``: its sets, when the caller has them already."""
        cap = self.config.bucket_cap
        for key in record["keys"]:
            bucket = postings.setdefault(key, [])
            bucket.append(entry_id)
            if len(bucket) > cap:
                del bucket[0]
        self._known[entry_id] = known or _Known.of(record)
        self._hours.setdefault(record["t"][:13], []).append(entry_id)

    def judge(self, entry: Entry, sketched: Sketch | None = None) -> Verdict:
        """The verdict for ``entry``, which is recorded too; judging it again returns the same.
        ``sketched``: the entry's sketch under this index's config, if already computed."""
        known = self.store.get(f"c:{entry.entry_id}")
        if known is not None:
            return self._verdict(known)
        sketched = sketched or sketch(entry, self.config)
        f, bands = sketched.features, sketched.bands
        slot = _slot(entry)
        names = [f"n:{n}" for n in sorted(f.names)]
        match = self._match(entry, f, slot, bands, names)
        own = slot if slot and f"e:{slot}" not in self.store else entry.entry_id
        if match is None:
            verdict, event_id, cluster, revision_of = "new", own, own, None
        else:
            verdict, other_id, other = match
            event_id = other["e"]
            cluster = own if verdict == "same_event" else other["k"]
            revision_of = other_id if verdict == "revision" else None
            if revision_of:
                self.store[f"c:{other_id}"] = {**other, "x": 1}
        record = {
            "t": format_utc(entry.published_at), "src": entry.source, "slot": slot, "e": event_id, "k": cluster,
            "v": verdict, "r": revision_of, "sh": sorted(f.shingles), "num": sorted(f.numbers),
            "names": sorted(f.names), "st": sorted(f.statement), "q": sorted(f.quotes), "keys": bands + names + ([f"s:{slot}"] if slot else []),
        }
        self._record(entry, record, _Known(record["t"], entry.source, slot, event_id, f.shingles, f.numbers,
                                           f.names, f.statement, f.quotes))
        return self._verdict(record)

    def _match(self, entry: Entry, f: Features, slot: str | None, bands: list[str],
               names: list[str]) -> tuple[VerdictName, str, dict[str, Any]] | None:
        """The best earlier entry this one revises, copies or restates, by that order of preference.
        Text candidates (slot, LSH) may be any of the three; name-only candidates only the same event."""
        cfg, postings, known = self.config, self.postings, self._known
        similar: dict[str, None] = {}
        for key in ([f"s:{slot}"] if slot else []) + bands:
            similar.update(dict.fromkeys(postings.get(key, ())))
        named: dict[str, None] = {}
        for key in names:
            bucket = postings.get(key, ())
            if len(bucket) < cfg.bucket_cap:  # a full name bucket is too common to mean anything
                named.update(dict.fromkeys(bucket))
        low = format_utc(entry.published_at - cfg.horizon)
        high = format_utc(entry.published_at + cfg.horizon)
        best: tuple[int, float, str, VerdictName] | None = None
        for other_id in [*similar, *(i for i in named if i not in similar)]:
            other = known.get(other_id)
            if other is None or not low <= other.t <= high:
                continue
            if (slot is None or other.slot != slot) and not _nested(f.numbers, other.numbers):
                continue  # other figures, outside its blog slot: neither a copy nor the same event
            judged = (self._compare(entry, f, slot, other_id, other) if other_id in similar
                      else self._same_event(entry, f, other))
            if judged is not None:
                rank = ("same_event", "copy", "revision").index(judged[0])
                if best is None or (rank, judged[1]) > best[:2]:
                    best = (rank, judged[1], other_id, judged[0])
        return None if best is None else (best[3], best[2], self.store[f"c:{best[2]}"])

    def _compare(self, entry: Entry, f: Features, slot: str | None, other_id: str,
                 other: _Known) -> tuple[VerdictName, float] | None:
        shingles = other.shingles
        if slot is not None and other.slot == slot and not self.store[f"c:{other_id}"].get("x"):
            score = containment(f.shingles, shingles)
            if f.shingles == shingles:
                return "copy", score  # another scrape: only whitespace, quotes or dashes differ
            if score >= self.config.revision_containment:
                return "revision", score
        # The cheap test first: most candidates of templated text state other figures.
        if _nested(f.numbers, other.numbers) and (score := containment(f.shingles, shingles)) >= self.config.copy_containment:
            return "copy", score
        return self._same_event(entry, f, other)

    def _same_event(self, entry: Entry, f: Features, other: _Known) -> tuple[VerdictName, float] | None:
        """Another source restating the statement, never with other figures (the same ones when both
        state any), by shared content pairs or by the same quotation of a person both name. An
        outlet does not report one statement as two items: if the candidate's event already has
        this entry's source, the entry is a different story."""
        if other.src == entry.source or (f.numbers and other.numbers and f.numbers != other.numbers):
            return None
        cfg = self.config
        shared = len(f.statement & other.statement)
        if not (shared >= cfg.same_event_min_shared or len(f.quotes & other.quotes) >= cfg.same_event_min_quoted
                and not f.names.isdisjoint(other.names)):
            return None
        if entry.source in (self.store.get(f"e:{other.event}") or {}).get("s", ()):
            return None
        return "same_event", shared

    def _record(self, entry: Entry, record: dict[str, Any], known: _Known) -> None:
        store = self.store
        postings = self.postings  # built before the record is stored, or a rebuild would index it twice
        record["n"] = store["seq"] = store.get("seq", 0) + 1
        store[f"c:{entry.entry_id}"] = record
        self._index(entry.entry_id, record, postings, known)
        event = store.get(f"e:{record['e']}")
        if event is None:
            event = {"m": 0, "s": [], "f": record["t"], "l": record["t"]}
        store[f"e:{record['e']}"] = {
            "m": event["m"] + (record["v"] != "revision"),
            "s": event["s"] + [entry.source] if entry.source not in event["s"] else event["s"],
            "f": min(event["f"], record["t"]),
            "l": max(event["l"], record["t"]),
        }

    def _verdict(self, record: dict[str, Any]) -> Verdict:
        # a crash can keep an entry's record and lose its event's, written later in the batch
        # (streams.state.stores): the entry alone is then what is known of the event
        event = self.store.get(f"e:{record['e']}") or {"m": 1, "s": [record["src"]], "f": record["t"]}
        return Verdict(verdict=record["v"], event_id=record["e"], cluster=record["k"], mentions=event["m"],
                       sources=list(event["s"]), revision_of=record["r"], first_seen=_parse(event["f"]))

    def expire(self, stream_time: datetime) -> int:
        """Forget every entry whose hour ended before ``stream_time`` minus the horizon; return how many.
        The hour index makes the cost what is dropped, plus one look at each hour kept."""
        store, postings = self.store, self.postings
        cutoff = _hour(stream_time - self.config.horizon)
        dropped = 0
        for hour in sorted(h for h in self._hours if h < cutoff):
            for entry_id in self._hours.pop(hour):
                record = store.pop(f"c:{entry_id}", None)
                if record is not None:
                    dropped += 1
                    self._forget(entry_id, record, cutoff, postings)
        return dropped

    def _forget(self, entry_id: str, record: dict[str, Any], cutoff: str, postings: dict[str, list[str]]) -> None:
        self._known.pop(entry_id, None)
        for key in record["keys"]:  # an entry is in a bucket at most once, and most often first in it
            bucket = postings.get(key)
            if bucket is None:
                continue
            if entry_id in bucket:
                bucket.remove(entry_id)
            if not bucket:
                del postings[key]
        event_key = f"e:{record['e']}"
        if (event := self.store.get(event_key)) is not None and event["l"][:13] < cutoff:
            del self.store[event_key]
