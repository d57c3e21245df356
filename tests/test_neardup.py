"""Near-duplicate dedup on real text: labelled pairs, the seed replayed as later scrape and copy, state."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Iterator, MutableMapping
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from schemas import Entry
from streams.dedup.near import DedupConfig, NearDuplicateIndex, band_keys, features, load_config
from streams.ingest import parse_file, parse_text, resolve_meta

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "dedup"
SEED_004 = ROOT / "data" / "samples" / "004_e618b8fcb27a5de3.txt"

_spec = importlib.util.spec_from_file_location("dedup_eval", ROOT / "tools" / "dedup_eval.py")
assert _spec and _spec.loader
dedup_eval = sys.modules["dedup_eval"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dedup_eval)

# Floors documented in streams/dedup/data/dedup.toml and the report: precision first.
PRECISION_FLOOR = 0.95
RECALL_FLOORS = {"copy": 0.9, "revision": 0.8, "same_event": 0.55, "merge": 0.85}


class JsonTable(MutableMapping[str, Any]):
    """A store like a Faust table with a changelog: values go through JSON on every write and read,
    so a nested value mutated in place is lost and only key assignment persists."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}

    def __getitem__(self, key: str) -> Any:
        return json.loads(self.data[key])

    def __setitem__(self, key: str, value: Any) -> None:
        self.data[key] = json.dumps(value)

    def __delitem__(self, key: str) -> None:
        del self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self.data))

    def __len__(self) -> int:
        return len(self.data)


def test_labelled_pairs_precision_and_recall():
    scores, wrong = dedup_eval.evaluate(dedup_eval.load_pairs(), load_config())
    for level, score in scores.items():
        assert score.precision >= PRECISION_FLOOR, (level, score, wrong)
        assert score.recall >= RECALL_FLOORS[level], (level, score, wrong)


def _scenario(store: MutableMapping[str, Any], copy_source: str) -> tuple[list[tuple[Entry, Any]], Counter, Counter]:
    meta = resolve_meta(SEED_004)
    later = parse_text((FIXTURES / "004_later.txt").read_text(encoding="utf-8"), path="004_later", meta=meta)
    copy_meta = meta if copy_source == meta.source else replace(meta, source=copy_source, url=None, title="Mirror")
    copy = parse_text((FIXTURES / "004_copy.txt").read_text(encoding="utf-8"), path="004_copy", meta=copy_meta)
    index = NearDuplicateIndex(store)
    seen: set[str] = set()
    judged = []
    per_doc = []
    for doc in (parse_file(SEED_004), later, copy):
        counts: Counter = Counter()
        for entry in doc:
            if entry.entry_id in seen:  # exact duplicates never reach this stage (streams.dedup.exact)
                counts["exact"] += 1
                continue
            seen.add(entry.entry_id)
            verdict = index.judge(entry)
            counts[verdict.verdict] += 1
            judged.append((entry, verdict))
        per_doc.append(counts)
    single = NearDuplicateIndex({})
    events_later = {single.judge(e).event_id for e in later}
    assert {v.event_id for _, v in judged} == events_later
    return judged, per_doc[1], per_doc[2]


@pytest.mark.parametrize("copy_source", ["Caucasus Mirror", "Al Jazeera"])
def test_seed_then_later_scrape_then_copy_gives_the_later_events(copy_source):
    judged, later, copy = _scenario(JsonTable(), copy_source)
    assert later == Counter(exact=22, revision=3, new=2)
    if copy_source == "Al Jazeera":  # another scrape of the same blog: captions and sign-offs it
        # folded into the entries make some of them differ in text, hence revisions (safe: replaced)
        assert set(copy) <= {"copy", "revision", "exact"} and sum(copy.values()) == 27
    else:
        assert copy == Counter(copy=27)
    revised = {e.headline: v for e, v in judged if v.verdict == "revision"}
    assert set(revised) >= {"Karabakh says 29 more of its troops killed in fighting with Azerbaijani forces",
                            "Azerbaijan says seven civilians killed",
                            "UN Security Council to meet Tuesday on Karabakh clashes"}
    assert len(revised) == 3 or copy_source == "Al Jazeera"
    by_id = {e.entry_id: e for e, _ in judged}
    assert by_id[revised["Azerbaijan says seven civilians killed"].revision_of].headline == \
        "Azerbaijan says six civilians killed"
    for entry, verdict in judged:
        if verdict.verdict == "revision":
            original = by_id[verdict.revision_of]
            assert (verdict.event_id, original.published_at) == (judged[[e for e, _ in judged].index(original)][1].event_id,
                                                                 entry.published_at)
    last = {v.event_id: v for _, v in judged}  # the newest verdict of each event
    if copy_source != "Al Jazeera":
        assert all(v.mentions == 2 and v.sources == ["Al Jazeera", copy_source] for v in last.values())


def test_judging_again_is_idempotent():
    index = NearDuplicateIndex({})
    entries = parse_file(SEED_004)
    first = [index.judge(e) for e in entries]
    assert [index.judge(e) for e in entries] == first  # a redelivery changes no count


def test_expiry_keeps_state_flat():
    entries = parse_file(SEED_004)
    store: dict[str, Any] = {}
    index = NearDuplicateIndex(store, config=DedupConfig(horizon_hours=6))
    sizes = []
    for day in range(10):  # the same blog re-published, a day later each time: new events every day
        shift = timedelta(days=day)
        for e in entries:
            moved = e.model_copy(update={"entry_id": f"{e.entry_id}-{day}", "published_at": e.published_at + shift})
            verdict = index.judge(moved)
            assert verdict.verdict in ("new", "revision")  # yesterday's copy is beyond the horizon
        index.expire(entries[-1].published_at + shift)
        sizes.append(len(store))
    assert max(sizes[2:]) == min(sizes[2:]) and max(sizes) <= 2 * sizes[0]
    assert index.expire(entries[-1].published_at + timedelta(days=30)) > 0
    assert set(store) == {"seq"} and index.postings == {} and index._known == {}


def test_the_index_rebuilt_from_the_stored_records_is_the_one_built_while_judging():
    """What a worker that takes over the fold partition (or drops a failed record's writes) sees."""
    entries = parse_file(SEED_004)
    store: dict[str, Any] = {}
    index = NearDuplicateIndex(store, config=DedupConfig(horizon_hours=6, bucket_cap=4))
    for day in range(3):
        shift = timedelta(days=day, minutes=7 * day)
        for e in entries:
            index.judge(e.model_copy(update={"entry_id": f"{e.entry_id}-{day}", "published_at": e.published_at + shift}))
        index.expire(entries[len(entries) // 2].published_at + shift)
    rebuilt = NearDuplicateIndex(dict(store), config=index.config)
    assert rebuilt.postings == index.postings and rebuilt._hours == index._hours and rebuilt._known == index._known
    assert any(len(bucket) == 4 for bucket in index.postings.values())  # capped buckets replay the same
    later = [e.model_copy(update={"entry_id": f"{e.entry_id}-x", "published_at": e.published_at + timedelta(days=2, hours=1)})
             for e in entries]
    assert [rebuilt.judge(e) for e in later] == [index.judge(e) for e in later]


def test_store_values_are_json_and_small():
    store = JsonTable()
    _scenario(store, "Caucasus Mirror")
    assert max(len(v) for v in store.data.values()) < 8000
    assert {k[:2] for k in store} == {"c:", "e:", "se"}  # the index over the records is not stored


def test_unknown_threshold_is_an_error(tmp_path):
    path = tmp_path / "dedup.toml"
    path.write_text("horizon_hours = 24\ncopy_containmnet = 0.5\n")
    with pytest.raises(ValueError, match="copy_containmnet"):
        load_config(path)
    assert load_config() == DedupConfig()  # the data file and the defaults agree


def test_the_same_quotation_of_the_same_person_is_one_event_across_outlets():
    """Charles Michel's call, quoted by Republic World (sample 000) and Proto Thema (sample 002) with
    too few shared content pairs for the first rule, is one event through its quotation."""
    from streams.ingest import parse_paths

    samples = ROOT / "data" / "samples"
    entries = parse_paths([samples / "000_0fe92db28bd24de8.txt", samples / "002_8c98a144b8497d58.txt"])
    index = NearDuplicateIndex({})
    verdicts = {e.source: index.judge(e) for e in sorted(entries, key=lambda e: e.published_at)
                if "called for" in e.body and "Michel" in e.body}
    assert set(verdicts) == {"Republic World", "Proto Thema (English edition)"}
    assert verdicts["Proto Thema (English edition)"].verdict == "same_event"
    assert verdicts["Proto Thema (English edition)"].event_id == verdicts["Republic World"].event_id
    assert features('He said "we will not stop" today', 3).quotes == features("He said “We will NOT stop” today", 3).quotes


def test_short_entries_share_band_keys_only_when_alike():
    """A short entry fills few of the MinHash bins. Empty bins are filled from their neighbours, so
    two unrelated short entries share no band, while a copy with its dashes and quotes
    restyled and words cut and added shares many (undensified, every short entry shared the bands of empty bins with every
    other, and templated text had 86 candidates per entry)."""
    cfg = load_config()
    texts = [e.headline for e in parse_file(SEED_004)][:12]

    def keys(text: str) -> set[str]:
        return set(band_keys(features(text, cfg.shingle_words).shingles, cfg.lsh_bands, cfg.lsh_rows))

    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            assert not keys(a) & keys(b), (a, b)
    original = 'Nagorno-Karabakh region says 26 more troops killed, "a heavy day" of fighting with Azerbaijan'
    copy = "Nagorno–Karabakh region says 26 more troops killed, “a heavy day” of fighting. Reporting by wires"
    assert len(keys(original) & keys(copy)) >= cfg.lsh_bands // 3
