"""Labels that point at an entry of a corpus page (by page, time and first words): actor roles and
same-event pairs. Each is found among the entries the parser gives for its page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from schemas import Entry
from streams.evaluate.corpus import Corpus, LabelError, Page, load_toml
from streams.evaluate.matching import match_entries


@dataclass(frozen=True)
class EntryRef:
    page: str
    utc: dt.datetime
    text: str


def read_ref(item: dict, where: str) -> EntryRef:
    try:
        utc = dt.datetime.fromisoformat(item["utc"].replace("Z", "+00:00"))
        return EntryRef(item["page"], utc, item["text"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise LabelError(f"{where}: needs page, utc (2020-09-28T20:35Z) and text ({exc})") from None


class EntryFinder:
    """The parsed entry a reference points at: the page's entry matched to the label with that time
    and first words (None when the parser did not find it)."""

    def __init__(self, corpus: Corpus, parse: Callable[[Page], list[Entry]]) -> None:
        self.pages = {page.name: page for page in corpus.pages}
        self.parse = parse
        self._found: dict[str, dict[tuple[dt.datetime, str], Entry]] = {}

    def __call__(self, ref: EntryRef) -> Entry | None:
        if ref.page not in self.pages:
            raise LabelError(f"no page {ref.page!r} in the corpus")
        if ref.page not in self._found:
            page = self.pages[ref.page]
            entries = {e.entry_id: e for e in self.parse(page)}
            matched = match_entries(page.entries, entries.values()).matched
            self._found[ref.page] = {(gold.utc, gold.text): entries[eid] for eid, gold in matched.items()}
        return self._found[ref.page].get((ref.utc, ref.text))
