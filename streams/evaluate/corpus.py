"""The labelled corpus: ``pages/`` with its manifest, and ``labels.toml`` (format in data/corpus/README.md)."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "data/corpus"
SPLITS = ("dev", "test")
_UTC = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z")
_POPULATIONS = {"military", "civilian", "all"}
_OUTCOMES = {"killed", "wounded"}
_KINDS = {"increment", "cumulative", "incident", "correction", "historical"}


class LabelError(Exception):
    """A labels file that does not follow data/corpus/README.md; str() names the file and the item."""


@dataclass(frozen=True)
class GoldEntry:
    """A timestamped update a reader sees on the page."""

    utc: dt.datetime
    text: str
    stamp: str = ""
    optional: bool = False


@dataclass(frozen=True)
class GoldClaim:
    """A casualty figure a careful analyst takes from the page."""

    utc: dt.datetime | None
    text: str
    parties: tuple[str, ...]
    population: str
    outcome: str
    kind: str
    min: int
    max: int | None
    optional: bool = False


@dataclass(frozen=True)
class Trap:
    """A number that is not a casualty count."""

    utc: dt.datetime | None
    text: str
    number: float
    why: str = ""


@dataclass(frozen=True)
class Page:
    name: str
    path: Path
    split: str
    zone: str
    entries: tuple[GoldEntry, ...]
    claims: tuple[GoldClaim, ...]
    traps: tuple[Trap, ...]


@dataclass(frozen=True)
class Corpus:
    root: Path
    pages: tuple[Page, ...]

    def split(self, name: str) -> tuple[Page, ...]:
        """The pages of one split, or every page for ``all``."""
        return self.pages if name == "all" else tuple(p for p in self.pages if p.split == name)


def _utc(value: object, where: str) -> dt.datetime:
    if not isinstance(value, str) or not _UTC.fullmatch(value):
        raise LabelError(f"{where}: utc must look like 2020-09-28T20:35Z, not {value!r}")
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def _optional_utc(item: dict, where: str) -> dt.datetime | None:
    return _utc(item["utc"], where) if "utc" in item else None


def need(item: dict, key: str, kind: type, where: str):
    value = item.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
        raise LabelError(f"{where}: {key!r} must be a {kind.__name__}, not {value!r}")
    return value


def _entry(item: dict, where: str) -> GoldEntry:
    return GoldEntry(_utc(item.get("utc"), where), need(item, "text", str, where), item.get("stamp", ""),
                     bool(item.get("optional", False)))


def read_claim(item: dict, where: str, utc: dt.datetime | None = None) -> GoldClaim:
    """A gold claim; ``utc`` its entry's time when the item does not name one."""
    parties = item.get("party")
    parties = (parties,) if isinstance(parties, str) else tuple(parties or ())
    if not parties or not all(isinstance(p, str) and p for p in parties):
        raise LabelError(f"{where}: party must be a slug or a list of slugs")
    for key, allowed in (("population", _POPULATIONS), ("outcome", _OUTCOMES), ("kind", _KINDS)):
        if item.get(key) not in allowed:
            raise LabelError(f"{where}: {key} must be one of {sorted(allowed)}, not {item.get(key)!r}")
    low = need(item, "min", int, where)
    high = need(item, "max", int, where) if "max" in item else None
    if high is not None and high < low:
        raise LabelError(f"{where}: max {high} is below min {low}")
    return GoldClaim(_optional_utc(item, where) or utc, need(item, "text", str, where), parties, item["population"],
                     item["outcome"], item["kind"], low, high, bool(item.get("optional", False)))


def read_trap(item: dict, where: str, utc: dt.datetime | None = None) -> Trap:
    number = item.get("number")
    if not isinstance(number, (int, float)) or isinstance(number, bool):
        raise LabelError(f"{where}: 'number' must be a number, not {number!r}")
    return Trap(_optional_utc(item, where) or utc, need(item, "text", str, where), number, item.get("why", ""))


def _page(root: Path, name: str, table: dict, labels: Path) -> Page:
    where = f"{labels}: pages.{name!r}"
    if table.get("split") not in SPLITS:
        raise LabelError(f"{where}: split must be one of {SPLITS}, not {table.get('split')!r}")
    path = root / "pages" / name
    if not path.is_file():
        raise LabelError(f"{where}: no such page {path}")
    lists = {}
    for key, read in (("entries", _entry), ("claims", read_claim), ("traps", read_trap)):
        lists[key] = tuple(read(item, f"{where}.{key}[{i}]") for i, item in enumerate(table.get(key, ())))
    return Page(name, path, table["split"], table.get("zone", ""), **lists)


def load_toml(path: Path) -> dict:
    """A labels file's tables; a LabelError names the file when it cannot be read or parsed."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LabelError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise LabelError(f"{path}: invalid TOML: {exc}") from None


def load_corpus(root: Path = DEFAULT_CORPUS) -> Corpus:
    """Every labelled page of the corpus, checked against the format; a LabelError names what is wrong."""
    labels = root / "labels.toml"
    data = load_toml(labels)
    pages = data.get("pages", {})
    return Corpus(root, tuple(_page(root, name, pages[name], labels) for name in sorted(pages)))
