"""The fast alternations of streams.extract.lexicon match exactly what the plain alternation matches."""

import re

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.extract.lexicon import (Alternation, alternation, case_insensitive_alternation, casualty_lexicon, gazetteer,
                                     split_sentences, storm_names,
                                     taxonomy, whole_word_alternation)

PATTERNS = [p for spec in taxonomy().values()
            for patterns in [spec.get("patterns", ()), *spec.get("subtypes", {}).values()] for p in patterns]
PLAIN_RULES = re.compile(rf"(?<![\w-])(?:{'|'.join(f'(?P<p{i}>{p})' for i, p in enumerate(PATTERNS))})", re.IGNORECASE)
FAST_RULES = Alternation(PATTERNS, re.IGNORECASE, prefix=r"(?<![\w-])")
NAMES = list(gazetteer()._by_name)
PLAIN_NAMES = re.compile(rf"(?<![\w-])(?:{alternation(NAMES)})(?![\w-])")
FAST_NAMES = re.compile(whole_word_alternation(NAMES))
NUMBER_WORDS = casualty_lexicon()["numbers"]["words"] + ["'s", "-ish", "9th"]
PLAIN_WORDS = re.compile(rf"(?i:{alternation(NUMBER_WORDS)})(?:\s+and)?")
FAST_WORDS = re.compile(rf"{case_insensitive_alternation(NUMBER_WORDS)}(?:\s+and)?")

WORDS = ["Seventy", "SEVEN", "ſeven", "ſix", "tWeNtY", "'S", "9TH", "Kİ", "one and", "hundred", "\u212aill", "clashes", "shelling", "Shelled", "ceasefire agreement", "truce took effect", "humanitarian law",
         "humanitarian aid", "air strike", "airstrikes", "police detained protesters", "ſhelling", "KILLED",
         "Nagorno-Karabakh", "Armenia", "Armenian", "Armenians", "Azerbaijan's", "US", "us", "Turkey", "Baku",
         "Stepanakert", "-", "'", "’s", "\n", "  ", "x", "9", "(", "\"", "re-", "anti"]
texts = st.lists(st.sampled_from(WORDS + NAMES[:40]), max_size=12).map(lambda ws: "".join(
    w + sep for w, sep in zip(ws, [" ", "", "-", "\n", ", "] * 3)))


def plain_rules(text: str) -> list[tuple[int, tuple[int, int]]]:
    return [(int(m.lastgroup[1:]), m.span()) for m in PLAIN_RULES.finditer(text)]


def fast_rules(text: str) -> list[tuple[int, tuple[int, int]]]:
    return [(i, m.span()) for i, m in FAST_RULES.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_dispatched_rules_match_like_the_plain_alternation(text):
    assert fast_rules(text) == plain_rules(text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_grouped_names_match_like_the_plain_alternation(text):
    assert [m.span() for m in FAST_NAMES.finditer(text)] == [m.span() for m in PLAIN_NAMES.finditer(text)]


def test_a_pattern_with_no_plain_first_character_is_tried_everywhere():
    rules = Alternation([r"\bfoo", r"\w+ar\b", r"(?i:B)az"], prefix=r"(?<![\w-])")
    assert [(i, m.group()) for i, m in rules.finditer("foo bar Baz baz")] == [(0, "foo"), (1, "bar"), (2, "Baz"),
                                                                              (2, "baz")]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_case_insensitive_words_match_like_the_plain_alternation(text):
    assert [m.span() for m in FAST_WORDS.finditer(text)] == [m.span() for m in PLAIN_WORDS.finditer(text)]


@pytest.mark.parametrize("text, sentences", [
    # hard-wrapped text: a line that ends in a figure goes on below it
    ("Officials said most of the 14\nvillagers who died were farmers.", ["Officials said most of the 14\nvillagers who died were farmers."]),
    ("a bomb killed at least\n25 people", ["a bomb killed at least\n25 people"]),
    # a new line that starts with a capital after a figure is a new sentence
    ("The toll stands at 14\nRescuers resumed the search at dawn.", ["The toll stands at 14", "Rescuers resumed the search at dawn."]),
    ("Two died. Gen. Lee said so.", ["Two died.", "Gen. Lee said so."]),
])
def test_sentences_split_at_their_ends_not_at_a_hard_wrap(text, sentences):
    assert split_sentences(text) == sentences


def test_a_storm_named_after_a_place_is_no_mention_of_the_place():
    slugs = lambda text: [m.entity.slug for m in gazetteer().mentions(text)]  # noqa: E731
    assert "lyon" not in slugs("Hurricane Lyon came ashore near the border.")
    assert "lyon" not in slugs("Tropical Storm Lyon weakened overnight.")
    assert "lyon" in slugs("Heavy rain flooded Lyon overnight.")


def test_a_name_an_entry_gives_a_storm_is_no_place_elsewhere_in_it():
    storms = storm_names("Cyclone Adelaide nears the coast", "The wind dropped by dusk.")
    assert storms == frozenset({"Adelaide"})
    slugs = lambda text, given: [m.entity.slug for m in gazetteer().mentions(text, given)]  # noqa: E731
    assert "adelaide" not in slugs("Roofs were torn off as Adelaide moved inland.", storms)
    assert "adelaide" in slugs("Roofs were torn off in Adelaide.", storm_names("Cyclone Mira nears the coast"))


def _places(text):
    return [(text[m.start:m.end], m.entity.places[-1]) for m in gazetteer().mentions(text)]


def test_a_place_before_a_newspaper_word_is_the_newspaper():
    assert _places("The Boston Globe said the ferry sank near Aden.") == [("Aden", "yemen")]
    assert ("Boston", "united-states") in _places("Officials in Boston said the ferry sank near Aden.")
    assert _places("Aid reached Aden, the Washington Post reported.") == [("Aden", "yemen")]


def test_a_city_that_opens_many_longer_names_is_no_place_before_another_capitalised_word():
    assert _places("Walls cracked in San Giorgio di Piano overnight.") == []
    assert ("San", "mali") in _places("The river rose at San, in central Mali.")


def test_a_us_county_is_in_the_united_states_and_its_bare_name_no_place():
    assert _places("Crews fought the blaze across Butte County.") == [("Butte County", "united-states")]
    assert _places("Hikers left Sonoma before noon.") == []
    assert _places("A Kent County Council road was shut.") == []  # a county's name England shares


def test_a_shared_city_name_is_the_one_its_sentence_places():
    # the most populous: a department of Guatemala
    assert _places("Smoke covered Santa Rosa on Monday.") == [("Santa Rosa", "guatemala")]
    assert _places("Smoke covered Santa Rosa in Sonoma County.")[0] == ("Santa Rosa", "united-states")
    assert _places("Gunfire was heard in Tripoli, Lebanon, at night.")[0] == ("Tripoli", "lebanon")
    assert _places("Gunfire was heard in Tripoli at night, Lebanon said.")[0] == ("Tripoli", "libya")
    # a city too small to name a place of its own is still the homonym its sentence's other places point to
    assert _places("Storms hit Latina and Bolzano.")[0] == ("Latina", "italy")
    assert _places("Storms hit Latina on Monday.") == [("Latina", "spain")]
    # one city two states list is no homonym: a place of one of them elsewhere in the text does not move it
    assert _places("Marchers left Ramallah for Jerusalem.")[1] == ("Jerusalem", "israel")


def test_a_region_takes_its_name_from_a_much_smaller_city_abroad():
    """A province holds many times a town's people: "Bali" is Indonesia's island province, not India's town, and
    "Ontario" Canada's, not a Californian city; a city of its own size keeps the name ("Bari" is Italy's, not
    Somalia's region), and so does a city its own region is named after ("Oaxaca")."""
    assert _places("Flights to Bali were cancelled.") == [("Bali", "indonesia")]
    assert _places("Floods hit Ontario overnight.") == [("Ontario", "canada")]
    assert _places("Floods hit Bari overnight.") == [("Bari", "italy")]
    assert [m.entity.kind for m in gazetteer().mentions("Floods hit Oaxaca.")] == ["town"]
    # the city abroad is still there, where the text names a place of its state
    assert _places("Floods hit Ontario and San Bernardino.")[0] == ("Ontario", "united-states")


def test_a_town_s_name_after_a_person_s_title_is_the_person():
    assert _places("Dr. George Smith told reporters the clinic was full.") == []
    assert _places("Prof. Adelaide Brown was among the wounded.") == []
    assert _places("Flooding hit Adelaide.") == [("Adelaide", "australia")]
    assert _places("Doctors in George said the clinic was full.") == [("George", "south-africa")]


def test_a_town_s_name_that_speaks_is_a_person_s_unless_a_capital_or_a_named_town():
    assert _places("Three people died at the scene, said Adelaide.") == []
    assert _places("Adelaide said the clinic was full.") == []
    assert _places("Ottawa said it would send aid.") == [("Ottawa", "canada")]
    assert _places("Stepanakert says 12 soldiers died.") == [("Stepanakert", "azerbaijan")]
    assert _places("Officials in Adelaide said the clinic was full.") == [("Adelaide", "australia")]
    assert _places("Officials said Adelaide was hit hardest.") == [("Adelaide", "australia")]


def test_a_town_s_name_ending_a_full_name_is_a_surname_but_not_in_title_case():
    assert _places("According to the fire chief, Maria Elena Pereira, nine people were hurt.") == []
    assert _places("Flooding hit Pereira and Cali on Monday.") == [("Pereira", "colombia"), ("Cali", "colombia")]
    assert _places("Deadly Floods Hit Pereira") == [("Pereira", "colombia")]
    assert _places("A shell hit the San Jorge Pereira hospital.") == [("Pereira", "colombia")]


def test_saint_and_st_name_the_same_place():
    """"St. Petersburg" is Russia's city as "Saint Petersburg" is; the smaller US one where Florida is named."""
    gaz = gazetteer()
    assert [m.entity.places[-1] for m in gaz.mentions("A blast hit the St. Petersburg metro.")] == ["russia"]
    assert [m.entity.places[-1] for m in gaz.mentions("Roads closed in St Petersburg, Florida.")] == ["united-states"] * 2
    assert gaz.mentions("Stanley Park was closed.") == ()  # "St" opens no other word


def test_a_title_case_headline_s_ordinary_words_after_a_place_leave_it_a_place():
    gaz = gazetteer()
    assert [m.entity.places[-1] for m in gaz.mentions("Explosion In Kabul Today Kills 12 People")] == ["afghanistan"]
    assert [m.entity.places[-1] for m in gaz.mentions("Gaza Post-War Plan Stalls As 20 Killed")] == ["palestine"]


def test_a_city_named_with_an_everyday_word_is_no_place():
    """countries.toml's not_places: "Man" (a city of Ivory Coast) opens headlines as the word."""
    assert _places("Man blows himself up in Istanbul") == [("Istanbul", "turkey")]
    assert _places("A Metro train and a Delta flight were delayed in Lagos.") == [("Lagos", "nigeria")]
