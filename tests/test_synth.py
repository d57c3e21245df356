"""streams.tools.synth: a deterministic synthetic corpus that streams.ingest reads back exactly."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest

from schemas import Entry
from streams.ingest import load_manifest, parse_file, parse_paths
from streams.tools.synth import CorpusSummary, write_corpus

ROOT = Path(__file__).resolve().parents[1]
SIZE = 4000  # big enough for every format, copies and revisions; small enough to parse in ~1 s


def digest(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


def straight(text: str) -> str:
    return text.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[CorpusSummary, dict[Path, list[Entry]]]:
    summary = write_corpus(tmp_path_factory.mktemp("synth") / "corpus", entries=SIZE, seed=11)
    return summary, {p: parse_file(p) for p in summary.paths}


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", entries=1500, seed=3)
    second = write_corpus(tmp_path / "b", entries=1500, seed=3)
    other = write_corpus(tmp_path / "c", entries=1500, seed=4)
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert "manifest.toml" in digest(tmp_path / "a")
    assert first == replace_paths(second, tmp_path / "a")
    assert digest(tmp_path / "a") != digest(tmp_path / "c") and other.entries == 1500


def replace_paths(summary: CorpusSummary, directory: Path) -> CorpusSummary:
    return replace(summary, paths=tuple(directory / p.name for p in summary.paths))


def test_entries_counts_exactly_what_the_parser_yields(corpus) -> None:
    summary, parsed = corpus
    directory = summary.paths[0].parent
    assert sorted(summary.paths) == sorted(directory.glob("*.txt"))  # out_dir/*.txt is the corpus
    assert summary.documents == len(summary.paths)
    assert summary.entries == SIZE == sum(len(entries) for entries in parsed.values())
    assert len(parse_paths(list(summary.paths))) == SIZE
    metas = load_manifest(directory / "manifest.toml")
    assert sorted(metas) == sorted(p.name for p in summary.paths)
    assert summary.outlets == len({m.source for m in metas.values()}) >= 8
    assert summary.days == len({m.date for m in metas.values()}) > 10


@pytest.mark.parametrize("entries", [1, 7, 29, 30, 31, 250, 241])
def test_small_corpora_are_exact_too(tmp_path: Path, entries: int) -> None:
    summary = write_corpus(tmp_path, entries=entries, seed=entries)
    assert summary.entries == entries == len(parse_paths(list(summary.paths)))


def test_several_formats_conflicts_and_days(corpus) -> None:
    summary, parsed = corpus
    texts = {p: p.read_text(encoding="utf-8") for p in summary.paths}
    patterns = {
        "aljazeera": r"^Here are the latest updates on \w+day, \w+ \d{1,2}:\n\n\d\d:\d\d GMT [–—-]",
        "guardian": r"^\d{1,2}\.\d\d[ap]m (?:BST|GMT)\n\S",
        "dated": r"^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d\n\S",
        "dated_zone": r"^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d CES?T\n\S",
        "colon": r"^\d\d:\d\d GMT: \S",
    }
    for name, pattern in patterns.items():
        assert any(re.search(pattern, t, re.M) for t in texts.values()), name
    assert set(summary.formats) == {*patterns, "article"}
    articles = [entries for entries in parsed.values() if entries[0].time_precision == "day"]
    assert articles and all(e.time_precision == "day" for entries in articles for e in entries)
    conflicts = {p.name.split("_")[1] for p in summary.paths}
    assert conflicts == {"nagorno-karabakh", "ukraine", "gaza", "sudan"}


def test_copies_are_other_outlets_items_straightened_on_one_line(corpus) -> None:
    summary, parsed = corpus
    by_time: dict[object, list[Entry]] = defaultdict(list)
    for entries in parsed.values():
        for e in entries:
            by_time[e.published_at].append(e)
    copies = [e for p, entries in parsed.items() for e in entries if p.stem.endswith(("newshub", "rheinland-digest"))]
    assert len(copies) == summary.copies > 0
    joined = 0
    for copy in copies:
        assert "\n" not in copy.body and not re.search("[‘’“”]", copy.headline + copy.body)
        originals = [e for e in by_time[copy.published_at] if e.source != copy.source
                     and straight(e.headline) == copy.headline
                     and straight(" ".join(e.body.split("\n\n"))) == copy.body]
        assert originals, copy.headline
        joined += any("\n" in e.body for e in originals)
    assert joined  # line breaks really were removed somewhere


def test_revisions_edit_a_few_headlines_of_an_earlier_snapshot(corpus) -> None:
    summary, parsed = corpus
    snapshots = [p for p in parsed if re.search(r"_\d{4}z$", p.stem)]
    assert snapshots
    edited = 0
    for snapshot in snapshots:
        final = snapshot.with_name(re.sub(r"_\d{4}z$", "", snapshot.stem) + ".txt")
        early, late = parsed[snapshot], parsed[final]
        assert len(late) > len(early) and {e.source for e in early} == {e.source for e in late}
        late_ids = {e.entry_id for e in late}
        changed = [e for e in early if e.entry_id not in late_ids]
        assert 1 <= len(changed) <= 3
        for e in changed:  # the same instant, another headline
            assert any(x.published_at == e.published_at and x.headline != e.headline for x in late)
        edited += len(changed)
    assert edited == summary.revisions
    # a toll going from 12 to 13: some edit changes only a number
    pairs = [(e.headline, x.headline) for s in snapshots for e in parsed[s]
             for x in parsed[s.with_name(re.sub(r"_\d{4}z$", "", s.stem) + ".txt")]
             if x.published_at == e.published_at and x.headline != e.headline]
    assert any(re.sub(r"[\d,]+", "#", a) == re.sub(r"[\d,]+", "#", b) for a, b in pairs)


def test_every_kind_of_casualty_sentence_and_event_occurs(corpus) -> None:
    summary, _ = corpus
    text = "\n".join(p.read_text(encoding="utf-8") for p in summary.paths)
    for pattern in [
        r"\d+ more [\w ]+ (?:had been |were )?killed",                 # increment
        r"bringing the total to [\d,]+",                               # cumulative
        r"\d+ killed in \w+ shelling of",                              # incident
        r"after previously reporting \d+",                             # correction
        r"in \w+ \d{4}, around [\d,]+ people were killed",             # historical
        r"^(?:Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen) (?:people|civilians) were killed",
        r"a woman and a child|two children and their mother|three brothers and a sister",
        r"(?:Dozens|Several|Scores|A few|Hundreds)(?: of people| people)? (?:were )?killed",
        r"\d+ wounded", r"\d+ tons of", r"\d+ drones", r"\d+-year-old",
        r"calls for ceasefire", r"percent", r"files case against", r"humanitarian crisis", r"mobilisation",
    ]:
        assert re.search(pattern, text, re.M), pattern


def test_twenty_thousand_entries_generate_quickly(tmp_path: Path) -> None:
    started = time.perf_counter()
    summary = write_corpus(tmp_path, entries=20_000, seed=1)
    elapsed = time.perf_counter() - started
    print(f"\nsynth: {summary.entries} entries in {summary.documents} documents written in {elapsed:.2f} s")
    assert summary.entries == 20_000 and summary.copies and summary.revisions


def test_refuses_a_directory_that_holds_a_corpus_and_a_zero_size(tmp_path: Path) -> None:
    write_corpus(tmp_path, entries=10, seed=1)
    with pytest.raises(FileExistsError):
        write_corpus(tmp_path, entries=10, seed=1)
    with pytest.raises(ValueError):
        write_corpus(tmp_path / "new", entries=0, seed=1)


def test_the_parse_command_reads_the_corpus(tmp_path: Path) -> None:
    summary = write_corpus(tmp_path, entries=300, seed=5)
    out = subprocess.run([sys.executable, "-m", "streams", "parse", *map(str, summary.paths)],
                         capture_output=True, check=True, cwd=ROOT).stdout
    assert len(out.splitlines()) == 300
