"""Numbers as live blogs write them, and the nouns of the people they count.

Every casualty pattern shares this grammar: a count in digits ("1,200"), in words ("twenty-five", "a hundred and
six") or a vague word ("dozens"), maybe after a qualifier that bounds it ("at least", "more than"), and the
population (civilian, military, all) a noun of people gives what it counts. Kept apart so that the claim patterns
in casualties.py read as sentences, not as number syntax. The words come from data/casualty_lexicon.toml.
"""

from __future__ import annotations

import re

from text_to_num import text2num

from streams.extract.lexicon import case_insensitive_alternation as _ialt
from streams.extract.lexicon import casualty_lexicon

_LEX = casualty_lexicon()

_WORD = _ialt(_LEX["numbers"]["words"])
NUM_WORDS = rf"(?:(?i:an?)\s+)?{_WORD}(?:(?:\s+|-){_WORD}|(?:(?<=hundred)|(?<=thousand))\s+(?i:and)\s+{_WORD})*"
# Not a number that names something: "#7", or after a word that names with a number ("Flight No. 512", "flight 12");
# an abbreviation ("No.") may touch it ("No.512").
_NAMING = "".join(rf"(?<!\b(?i:{re.escape(w)})\s)" + (rf"(?<!\b(?i:{re.escape(w)}))" if w.endswith(".") else "")
                  for w in _LEX["numbers"]["naming"])
DIGITS = rf"(?<![\d.,:/#]){_NAMING}(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\d:/]|[.,]\d)"
_WORD_COUNTS: dict[str, tuple[int, int | None]] = {
    k: (v["min"], v.get("max")) for k, v in _LEX["vague"].items()
} | {k: (v, v) for k, v in _LEX["exact"].items()}
NUM = rf"(?:{_ialt(_WORD_COUNTS)}|{DIGITS}|{NUM_WORDS})(?![\w-])"
# A number followed by a unit, a date part or money counts something else ("3 days", "25-year-old", "5 dollars").
NOT_COUNT = (r"(?!\s*(?:-|–)?\s*(?i:years?\b|year-old|days?\b|weeks?\b|months?\b|hours?\b|minutes?\b|km\b|kilomet"
             r"|miles?\b|percent\b|per\s+cent|%|tons?\b|tonnes?\b|GMT\b|am\b|pm\b|a\.m\.|p\.m\.|metres?\b|meters?\b"
             r"|dollars?\b|euros?\b|pounds?\b|rupees?\b|cents?\b"
             rf"|(?:{_ialt(_LEX['not_people']['words'])})(?![\w-])))")
_QUAL_KIND = {q: kind for kind, qs in _LEX["qualifiers"].items() for q in qs}
QUAL = _ialt(_QUAL_KIND)
_SPACE = re.compile(r"\s+")


def _people_nouns() -> tuple[dict[str, str], set[str]]:
    """Each noun of people with the population it counts, and which of them are singular."""
    population: dict[str, str] = {}
    singular: set[str] = set()
    for pop, forms in _LEX["nouns"].items():
        for word in forms["plural"]:
            population[word] = pop
        for word in forms["singular"]:
            population[word] = pop
            singular.add(word)
    return population, singular


_NOUN_POP, _SINGULAR = _people_nouns()
_NOUNS_LONGEST_FIRST = sorted(_NOUN_POP.items(), key=lambda kv: -len(kv[0]))
PLURAL_NOUN = _ialt([w for w in _NOUN_POP if w not in _SINGULAR])
SINGULAR_NOUN = _ialt(_SINGULAR)


def read_number(text: str) -> tuple[int, int | None] | None:
    """The (min, max) a number says: "1,200", "twenty-five", "a hundred", "dozens" (a range, maybe open)."""
    token = _SPACE.sub(" ", text.strip().lower())
    if token in _WORD_COUNTS:
        return _WORD_COUNTS[token]
    if token[0].isdigit():
        n = int(token.replace(",", ""))
        return n, n
    if token.startswith(("a ", "an ")):
        token = "one " + token.split(" ", 1)[1]
    try:
        n = text2num(token, "en")
    except ValueError:
        return None
    return n, n


def qualifier_kind(qual: str) -> str:
    """What a qualifier does to its number: "upper" ("up to"), "above" ("more than"), "at_least", or another kind."""
    return _QUAL_KIND[_SPACE.sub(" ", qual.lower())]


def read_figure(qual: str | None, num: str) -> tuple[int, int | None] | None:
    """Apply a qualifier: "more than 30" is (31, None), "at least 26" is (26, None), "about 110" is
    (110, 110); an upper bound alone ("up to 30") gives no figure."""
    value = read_number(num)
    if value is None or qual is None:
        return value
    lo, hi = value
    kind = qualifier_kind(qual)
    if kind == "upper":
        return None
    if kind == "above":
        return lo + 1, None
    if kind == "at_least":
        return lo, None
    return lo, hi


def population_of(np: str | None) -> str | None:
    """The population a noun phrase counts ("three civilian workers" is civilian); None for "others" (the group
    an earlier figure counted) or no phrase."""
    if not np:
        return None
    words = _SPACE.sub(" ", np.strip())
    lower = words.lower()
    for noun, pop in _NOUNS_LONGEST_FIRST:
        if lower.endswith(noun):
            if noun == "others":
                return None
            if pop == "civilian" and _SERVICE.search(lower[:-len(noun)]):
                return "military"  # "a Navy medic", "army doctors": serving
            return "civilian" if pop == "all" and " civilian " in f" {lower} " else pop
    return "all"  # a plural demonym: "30 Palestinians"


# A service named before a civilian trade makes it a serving one ("a Navy medic").
_SERVICE = re.compile(r"\b(?:navy|naval|army|military|air\s+force|marine|marines|coast\s+guard)\s")


def counts_people(noun: str) -> bool:
    """The noun is one of people ("troops", "police officers"), not of a weapon or an act ("missiles", "attack")."""
    return _SPACE.sub(" ", noun).lower() in _NOUN_POP
