"""streams.ingest on the real sample documents and on small fixtures, one per supported format."""

from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from schemas import Entry
from streams.ingest.document import repaired
from streams.ingest import (
    DocumentMeta,
    ParseError,
    documents_in,
    load_manifest,
    make_entry_id,
    parse_file,
    parse_paths,
    parse_text,
    resolve_meta,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data/samples").glob("*.txt"))
SEED = ROOT / "data/samples/004_e618b8fcb27a5de3.txt"
FIXTURES = Path(__file__).parent / "fixtures/parse"


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def by_headline(entries: list[Entry]) -> dict[str, Entry]:
    return {e.headline: e for e in entries}


def key(e: Entry) -> tuple[datetime, str, int]:
    return e.published_at, e.source, e.seq


# --- the five samples ------------------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_parses_sorted_with_stable_ids(path: Path) -> None:
    first, second = parse_file(path), parse_file(path)
    assert first and first == second
    assert [key(e) for e in first] == sorted(key(e) for e in first)
    assert sorted(e.seq for e in first) == list(range(len(first)))
    assert len({e.entry_id for e in first}) == len(first)
    assert all(e.headline and e.body for e in first)


def test_five_samples_and_manifest_sources() -> None:
    metas = load_manifest(ROOT / "data/samples/manifest.toml")
    assert sorted(metas) == [p.name for p in SAMPLES]
    assert metas[SEED.name] == DocumentMeta(
        source="Al Jazeera", title="Nagorno-Karabakh battles rage for second day: Live news",
        date=date(2020, 9, 28), tz="GMT",
        url="https://www.aljazeera.com/news/2020/9/28/armenia-azerbaijan-clashes-continue-live-news")
    assert metas["001_37305f08884328e6.txt"].url is None  # publisher unknown: no invented address


def test_parse_paths_merges_in_event_time_order() -> None:
    merged = parse_paths(SAMPLES)
    assert len(merged) == sum(len(parse_file(p)) for p in SAMPLES)
    assert [key(e) for e in merged] == sorted(key(e) for e in merged)
    assert {e.source for e in merged} == {m.source for m in load_manifest(ROOT / "data/samples/manifest.toml").values()}


SEED_TIMES = [
    "06:30", "06:50", "07:30", "07:46", "07:55", "08:25", "08:45", "09:15", "09:45", "10:10", "10:45", "11:25",
    "12:00", "12:30", "12:50", "14:05", "15:00", "15:30", "16:00", "16:30", "17:10", "18:00", "19:00", "19:45",
    "20:35",
]


def test_seed_yields_its_25_entries_at_exact_utc_times() -> None:
    entries = parse_file(SEED)
    assert [e.published_at for e in entries] == [utc(f"2020-09-28T{t}:00") for t in SEED_TIMES]
    assert all(e.time_precision == "minute" and e.source == "Al Jazeera" for e in entries)
    assert entries[-1].seq == 0 and entries[0].seq == 24  # newest first in the file
    hours = Counter(e.published_at.hour for e in entries)
    assert hours == {6: 2, 7: 3, 8: 2, 9: 2, 10: 2, 11: 1, 12: 3, 14: 1, 15: 2, 16: 2, 17: 1, 18: 1, 19: 2, 20: 1}
    assert entries[0].blog_title == "Nagorno-Karabakh battles rage for second day: Live news"


def test_seed_headlines_and_bodies_verbatim() -> None:
    entries = {e.published_at.strftime("%H:%M"): e for e in parse_file(SEED)}
    spacing = entries["07:55"]
    assert spacing.headline == "Azerbaijan says six civilians killed"
    assert spacing.body == ("Azerbaijan’s foreign ministry has said a total of six Azerbaijani civilians have "
                            "been killed and 19 wounded since the fighting began.")
    toll = entries["15:00"]
    assert toll.headline == "Overall death toll rises to 67"
    assert toll.body == (
        "Karabakh’s defence ministry said 27 fighters were killed in fighting – after previously reporting 28 – "
        "bringing their total military losses to 58.\n\n"
        "The overall death toll rose to 67 including nine civilian deaths: seven in Azerbaijan and two on the "
        "Armenian side.\n\n"
        "Azerbaijan has not reported any military casualties, but Armenian separatist officials released footage "
        "showing burnt-out armoured vehicles and the bloodied and charred remains of soldiers in camouflage it said "
        "were Azerbaijani troops.")
    assert entries["20:35"].headline == "Nagorno-Karabakh region says 26 more troops killed in fighting with Azeri forces"
    assert entries["12:00"].headline == "Karabakh says 28 more of its troops killed in fighting with Azerbaijani forces"


def test_seed_bodies_drop_captions_handovers_and_links() -> None:
    entries = {e.published_at.strftime("%H:%M"): e for e in parse_file(SEED)}
    text = "\n".join(e.body for e in entries.values())
    for furniture in ("[File:", "Anadolu Agency]", "Read more here.", "Hello, this is", "Hello and welcome",
                      "You can read the updates", "Source: Al Jazeera", "•"):
        assert furniture not in text
    assert entries["11:25"].body.endswith("adding a ceasefire and peace are needed.")
    assert entries["14:05"].body.endswith("Nagorno-Karabakh region of Azerbaijan.")
    assert entries["06:30"].body.endswith("amid renewed clashes.")
    assert entries["08:25"].body.endswith("\n\nTurkey is a close ally of Azerbaijan.")


def test_seed_year_comes_from_manifest_or_date_never_a_guess() -> None:
    text = SEED.read_text(encoding="utf-8")
    with pytest.raises(ParseError) as err:
        parse_text(text, path="seed.txt", meta=DocumentMeta(source="Al Jazeera"))
    assert str(err.value).startswith("seed.txt:11: ")  # the header "Here are the latest updates on Monday, ..."
    assert err.value.line == 11 and "year" in err.value.message
    in_2015 = parse_file(SEED, date=date(2015, 9, 28))  # 28 September was a Monday in 2015 too
    assert {e.published_at.date() for e in in_2015} == {date(2015, 9, 28)}
    with pytest.raises(ParseError, match=r"004_e618b8fcb27a5de3.txt:11: .*Monday"):
        parse_file(SEED, date=date(2021, 9, 28))  # a Tuesday: the header's weekday catches a wrong year


def test_a_copied_sample_is_not_dated_by_the_bundled_manifest(tmp_path: Path) -> None:
    """A file outside data/samples/ is never read with the samples' metadata because of its name."""
    copy = tmp_path / SEED.name
    shutil.copy(SEED, copy)
    with pytest.raises(ParseError, match="year"):
        parse_file(copy)
    dated = parse_file(copy, date=date(2020, 9, 28), source="Al Jazeera")
    assert [(e.published_at, e.headline) for e in dated] == [(e.published_at, e.headline) for e in parse_file(SEED)]


def test_article_samples_are_day_precision_paragraphs() -> None:
    republic = parse_file(SAMPLES[0])
    assert {(e.published_at, e.time_precision) for e in republic} == {(utc("2020-09-26T18:30:00"), "day")}
    bodies = [e.body for e in republic]
    assert not any(b.startswith(("Read:", "(Image Credit")) or b == "Military mobilization declared" for b in bodies)
    assert "For the fatherland, for victory. — Nikol Pashinyan (@NikolPashinyan) September 27, 2020" in bodies
    first = republic[0]
    assert first.body.startswith("On September 26, the European Council president Charles Michel")
    assert len(first.headline) <= 201 and first.headline.endswith("…")
    schools = next(e for e in republic if e.body.startswith("Some schools"))
    assert schools.headline == "Some schools have been also targetted."

    greek = parse_file(SAMPLES[2])
    assert not any("Kastellorizo" in e.body or e.body.startswith(("See Also", "Sources:")) for e in greek)
    assert greek[0].blog_title == "Azerbaijan invades Armenia – Both sides release footage of the battles (videos)"


def test_article_dates_from_the_text() -> None:
    no_date = DocumentMeta(source="x")
    russian = parse_text(SAMPLES[1].read_text(encoding="utf-8"), path="001", meta=no_date)
    assert {e.published_at for e in russian} == {utc("2020-09-28T00:00:00")}  # "Понедельник, 28 Сен, 2020"
    assert russian[0].blog_title == "Fighting erupts between Armenia, Azerbaijan in disputed area"
    assert not any(e.body.startswith("A still from footage") for e in russian)  # two-line image caption

    independent = parse_text(SAMPLES[3].read_text(encoding="utf-8"), path="003", meta=no_date)
    assert {e.published_at for e in independent} == {utc("2020-09-27T00:00:00")}  # " date 2020-09-27 ..."
    assert not any("Getty Images" in e.body for e in independent)
    ambush = next(e for e in independent if "4.10am GMT" in e.body)
    assert ambush.time_precision == "day"  # a past event's clock time does not date the paragraph

    with pytest.raises(ParseError) as err:
        parse_text(SAMPLES[0].read_text(encoding="utf-8"), path="000.txt", meta=no_date)
    assert (err.value.path, err.value.line) == ("000.txt", 1)


# --- formats, on fixtures --------------------------------------------------------------------


def test_al_jazeera_separators_and_day_headers() -> None:
    entries = parse_file(FIXTURES / "aj_variants.txt")
    got = {e.headline: e.published_at for e in entries}
    assert got == {
        "En dash headline": utc("2020-10-18T10:05:00"),
        "Spaced hyphen headline": utc("2020-10-18T09:40:00"),
        "Unspaced hyphen headline": utc("2020-10-18T09:50:00"),  # time goes up: same day, no roll
        "Colon headline": utc("2020-10-18T08:15:00"),
        "Em dash headline on the previous day": utc("2020-10-17T23:30:00"),
        "Tight en dash headline": utc("2020-10-17T21:00:00"),
    }
    e = by_headline(entries)
    assert e["En dash headline"].body == ("First body paragraph of the en dash entry.\n\n"
                                          "Second body paragraph, “quoted” and intact.")
    assert e["Spaced hyphen headline"].body == "Body of the spaced hyphen entry."
    assert e["Unspaced hyphen headline"].body == "Body of the unspaced hyphen entry."
    assert e["Tight en dash headline"].body == "Body of the tight entry."
    assert {x.source for x in entries} == {"Fixture AJ"}
    assert {x.url for x in entries} == {"https://example.org/aj-variants"}
    assert {x.blog_title for x in entries} == {"Karabakh fighting enters fourth week: Live news"}
    assert [x.seq for x in entries] == [5, 4, 3, 1, 2, 0]


def test_date_time_line_then_headline_line() -> None:
    entries = parse_file(FIXTURES / "dated_stamps.txt")  # no manifest entry, no --tz: UTC
    assert [(e.headline, e.published_at, e.body) for e in entries] == [
        ("Headline on the first day", utc("2020-09-27T23:40:00"), "Body of the first day."),
        ("Headline after midnight", utc("2020-09-28T00:15:00"), "Body after midnight."),
        ("Headline with its own zone", utc("2020-09-28T08:05:00"), "Body with its own zone."),
    ]
    assert {e.source for e in entries} == {"dated_stamps"}  # file stem when nothing names the source
    assert {e.blog_title for e in entries} == {"Armenia-Azerbaijan conflict – as it happened"}


def test_twelve_hour_bst_line_then_headline() -> None:
    entries = parse_file(FIXTURES / "bst_stamps.txt")
    assert [(e.headline, e.published_at, e.body) for e in entries] == [
        ("Just after midnight headline", utc("2020-10-09T23:30:00"), "Night body."),
        ("Morning headline", utc("2020-10-10T10:05:00"), "Morning body."),
        ("Armenia says ceasefire broken", utc("2020-10-10T15:10:00"), "Afternoon body."),
    ]


ZONES_UTC = {
    "GMT": "2020-09-28T12:00", "UTC": "2020-09-28T12:00", "BST": "2020-09-28T11:00",
    "CET": "2020-09-28T11:00", "CEST": "2020-09-28T10:00", "EET": "2020-09-28T10:00",
    "EEST": "2020-09-28T09:00", "ET": "2020-09-28T16:00", "+03:00": "2020-09-28T09:00",
    "UTC+3": "2020-09-28T09:00", "GMT+4": "2020-09-28T08:00", "GMT-5": "2020-09-28T17:00",
    "+05:30": "2020-09-28T06:30", "none": "2020-09-28T03:00", "ET winter": "2021-01-11T17:00",
}


def test_every_zone_converted_to_utc() -> None:
    got = {e.headline.removeprefix("zone "): e.published_at for e in parse_file(FIXTURES / "zones.txt")}
    assert got == {z: utc(t + ":00") for z, t in ZONES_UTC.items()}  # "none" uses the manifest's Asia/Tokyo


@pytest.mark.parametrize("tz, expected", [("ET", "2020-09-28T16:00"), ("CEST", "2020-09-28T10:00"),
                                          ("UTC+3", "2020-09-28T09:00"), ("Europe/London", "2020-09-28T11:00")])
def test_tz_override_applies_to_lines_without_zone(tz: str, expected: str) -> None:
    got = by_headline(parse_file(FIXTURES / "zones.txt", tz=tz))
    assert got["zone none"].published_at == utc(expected + ":00")
    assert got["zone GMT"].published_at == utc("2020-09-28T12:00:00")  # a stated zone wins


def test_year_less_headers_cross_new_year_in_either_order() -> None:
    for name in ("new_year_oldest_first.txt", "new_year_newest_first.txt"):
        got = {e.headline: e.published_at for e in parse_file(FIXTURES / name)}
        assert got == {"Last evening of the year": utc("2020-12-31T22:00:00"),
                       "Just before midnight": utc("2020-12-31T23:30:00"),
                       "First minutes of the year": utc("2021-01-01T00:10:00")}, name


# --- overrides -------------------------------------------------------------------------------


def test_date_tz_source_override_the_manifest() -> None:
    path = FIXTURES / "aj_variants.txt"
    assert resolve_meta(path) == DocumentMeta(source="Fixture AJ", date=date(2020, 10, 18), tz="GMT",
                                              url="https://example.org/aj-variants")
    meta = resolve_meta(path, date=date(2015, 10, 18), tz="CET", source="Other desk")
    assert (meta.source, meta.date, meta.tz, meta.url) == ("Other desk", date(2015, 10, 18), "CET",
                                                           "https://example.org/aj-variants")
    base, other = parse_file(path), parse_file(path, source="Other desk", date=date(2015, 10, 18))
    assert {e.source for e in other} == {"Other desk"}
    assert min(e.published_at for e in other) == utc("2015-10-17T21:00:00")  # Sat 17 Oct 2015 below the header
    assert not {e.entry_id for e in base} & {e.entry_id for e in other}


def test_date_override_dates_an_undated_article() -> None:
    entries = parse_file(FIXTURES / "no_date_article.txt", date=date(2020, 10, 1), tz="EEST")
    assert [(e.headline, e.body, e.published_at, e.time_precision) for e in entries] == [
        ("Officials said the fighting continued overnight along the line of contact.",
         "Officials said the fighting continued overnight along the line of contact.",
         utc("2020-09-30T21:00:00"), "day"),
        ("Mediators called for talks.", "Mediators called for talks. Both sides blamed each other.",
         utc("2020-09-30T21:00:00"), "day"),
    ]
    assert {e.source for e in entries} == {"no_date_article"}


def test_unknown_tz_override_is_an_error() -> None:
    with pytest.raises(ParseError, match="unknown time zone 'Mars/Olympus'"):
        parse_file(FIXTURES / "dated_stamps.txt", tz="Mars/Olympus")


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name, line, words", [
    ("no_year.txt", 1, "no year"),
    ("no_date_entries.txt", 3, "no date"),
    ("no_date_article.txt", 3, "no date"),
    ("wrong_weekday.txt", 1, "says Tuesday, but 2020-09-28 is a Monday"),
])
def test_undeterminable_date_names_file_and_line(name: str, line: int, words: str) -> None:
    path = FIXTURES / name
    with pytest.raises(ParseError) as err:
        parse_file(path)
    assert (err.value.path, err.value.line) == (str(path), line)
    assert str(err.value) == f"{path}:{line}: {err.value.message}" and words in err.value.message


def test_no_recognisable_entry_names_file() -> None:
    path = FIXTURES / "furniture_only.txt"
    with pytest.raises(ParseError) as err:
        parse_file(path, date=date(2020, 9, 28))
    assert str(err.value) == f"{path}: no recognisable entry (neither timestamped items nor paragraphs of text)"
    with pytest.raises(ParseError, match="no recognisable entry"):
        parse_text("\n\n  \n", path="blank.txt", meta=DocumentMeta(source="x", date=date(2020, 9, 28)))


def test_non_utf8_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Title\n\n12:00 GMT – Caf".encode() + b"\xe9 headline\n")
    with pytest.raises(ParseError) as err:
        parse_file(path, date=date(2020, 9, 28))
    assert (err.value.path, err.value.line) == (str(path), 3) and "not UTF-8" in err.value.message


def test_missing_and_unreadable_files_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(ParseError) as err:
        parse_file(missing)
    assert str(err.value).startswith(f"{missing}: cannot read")
    with pytest.raises(ParseError, match=f"^{tmp_path}: cannot read"):
        parse_file(tmp_path)  # a directory
    with pytest.raises(ParseError, match="missing.txt: cannot read"):
        parse_paths([FIXTURES / "dated_stamps.txt", missing])


@pytest.mark.parametrize("toml, line, words", [
    ('["a.txt"]\nsource = "A"\npublished = 2020-13-01\n', 3, "invalid TOML"),
    ('["a.txt"]\nsource = "A"\npublisher = "B"\n', None, "unknown field(s): publisher"),
    ('["a.txt"]\ntitle = "T"\n', None, "non-empty 'source'"),
    ('["a.txt"]\nsource = "A"\ntz = "Nowhere/Land"\n', None, "unknown time zone"),
    ('["a.txt"]\nsource = "A"\npublished = "28 Sep"\n', None, "published must be YYYY-MM-DD"),
])
def test_bad_manifest_is_an_error(tmp_path: Path, toml: str, line: int | None, words: str) -> None:
    manifest = tmp_path / "manifest.toml"
    manifest.write_text(toml, encoding="utf-8")
    (tmp_path / "a.txt").write_text("12:00 GMT – x\n", encoding="utf-8")
    with pytest.raises(ParseError) as err:
        parse_file(tmp_path / "a.txt")
    assert (err.value.path, err.value.line) == (str(manifest), line) and words in err.value.message


# --- ids -------------------------------------------------------------------------------------


def test_entry_id_formula_and_whitespace_invariance() -> None:
    when = utc("2020-09-28T20:35:00")
    assert make_entry_id("Al Jazeera", when, "minute", " A  b ", "C d E") == hashlib.sha256("\x1f".join(
        ["Al Jazeera", "2020-09-28T20:35:00Z", "minute", "A b", "C d E"]).encode()).hexdigest()[:20]
    assert make_entry_id("Al Jazeera", when, "minute", "A b", "C\nd  E") == make_entry_id(
        "Al Jazeera", when, "minute", "A  b", "C d E")
    seed = parse_file(SEED)[0]
    assert seed.entry_id == make_entry_id(seed.source, seed.published_at, seed.time_precision, seed.headline,
                                          seed.body)


def test_a_headline_starting_with_a_number_after_a_hyphen_is_not_an_offset(tmp_path):
    blog = tmp_path / "numbers.txt"
    blog.write_text("Blog\n\n08:00 GMT -80-year-old man killed in strike\n\nBody.\n\n"
                    "07:00 GMT -12 killed in shelling\n\nMore.\n\n06:00 GMT+3 – Offsets still work\n\nText.\n")
    entries = parse_file(blog, date=date(2022, 3, 1))
    assert [(e.published_at.strftime("%H:%M"), e.headline) for e in entries] == [
        ("03:00", "Offsets still work"), ("07:00", "12 killed in shelling"),
        ("08:00", "80-year-old man killed in strike"),
    ]


def test_a_paragraph_ending_in_a_stray_quote_is_reporting_not_a_heading():
    """Sample 002's Charles Michel paragraph ends '... the only possible way. “' (a typo in the source)."""
    entries = parse_file(ROOT / "data/samples/002_8c98a144b8497d58.txt")
    michel = [e for e in entries if "Charles Michel today called for an end to hostilities" in e.body]
    assert len(michel) == 1 and michel[0].body.endswith("the only possible way. “")


def test_a_folder_stands_for_its_documents_and_a_manifest_is_not_one(tmp_path: Path) -> None:
    for sample in SAMPLES:
        shutil.copy(sample, tmp_path / sample.name)
    shutil.copy(ROOT / "data/samples/manifest.toml", tmp_path / "manifest.toml")
    (tmp_path / ".notes.swp").write_text("an editor's file")
    assert documents_in([tmp_path]) == [tmp_path / p.name for p in SAMPLES]
    named = sorted(tmp_path.iterdir())  # a shell's `folder/*`: what is named explicitly is read, but the manifest
    assert documents_in(named) == [p for p in named if p.name != "manifest.toml"]
    assert parse_paths([tmp_path]) == parse_paths([tmp_path / p.name for p in SAMPLES])


def test_mojibake_is_repaired_before_reading(tmp_path: Path) -> None:
    """A page once decoded as cp1252 and saved as UTF-8 writes its stamps' dashes as "â€”"."""
    page = ("UPDATE: 9:05 a.m. IST — Rescuers pull two survivors from the rubble\n\n"
            "UPDATE: 8:40 a.m. IST — The toll has risen to 41, officials say\n")
    path = tmp_path / "page.txt"
    path.write_bytes(page.encode("utf-8").decode("cp1252").encode("utf-8"))
    entries = parse_file(path, date=date(2016, 4, 18), source="Test")
    assert [(e.published_at.strftime("%H:%M"), e.headline) for e in entries] == [
        ("03:10", "The toll has risen to 41, officials say"), ("03:35", "Rescuers pull two survivors from the rubble")]


@pytest.mark.parametrize("text", ["20:35 GMT – Café’s owner says two were hurt", "İzmir, Gujarāt, Kraków: 3 dead"])
def test_text_without_mojibake_is_read_as_it_is(text: str) -> None:
    assert repaired(text) == text
