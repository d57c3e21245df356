"""Casualty claims read from live-blog text: how many were killed or wounded, whose, and how counted.

A claim is made only where a known pattern ties a number to an outcome ("six civilians have been
killed", "killed two civilians", "nine civilian deaths", "death toll rises to 67", "bringing the
total to 58"). Anything less certain yields no claim: a wrong toll is worse than a missed one.
Here are the claim patterns and how an entry's figures become claims; the grammar of numbers and of the people
they count is numbers.py's, and what the text says of places, strikers and sources, that decide whose the dead are,
is party.py's. The words come from data/casualty_lexicon.toml and data/gazetteer.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from types import MappingProxyType

from schemas import CasualtyClaim
from streams.extract.languages import Figure, beyond_border, foreign_figures, text_mentions, where_clause
from streams.extract.lexicon import PLACE_KINDS, Gazetteer, Mention, alternation
from streams.extract.lexicon import case_insensitive_alternation as _ialt
from streams.extract.lexicon import casualty_lexicon, compiled_patterns, gazetteer, split_sentences, storm_names
from streams.extract.numbers import (DIGITS, NOT_COUNT, NUM, NUM_WORDS, PLURAL_NOUN, QUAL, SINGULAR_NOUN,
                                     population_of, qualifier_kind, read_figure, read_number)
from streams.extract.party import (ATTACKERS, REPORTING, attackers_struck, claimant, entry_kinds, masked_place,
                                   place_before_where, place_of, place_right_after, place_right_before, place_side,
                                   sides_in, source_place, striker, striker_after, striker_word, tells_fighting,
                                   voice_in)

_LEX = casualty_lexicon()
_GAZ: Gazetteer = gazetteer()


# --- counts, beyond numbers.py's grammar ---------------------------------------------------
_AND_COUNTING = re.compile(r"\s+(?i:and\s+counting)\b")
_RANGE_END = re.compile(r"\s*(?:[-–]|\s(?i:to|or))$")

# --- noun phrases --------------------------------------------------------------------------
_DEMONYM = alternation(_GAZ.plural_demonyms)
# A side taken is a modifier too: "pro-reform protesters", "anti-government fighters".
_MOD = (rf"(?:{_ialt(_LEX['modifiers']['words'])}|(?:[A-Z]\.){{2,}}|[A-Z][\w'’-]*|(?:\d{{1,3}}|[a-z]+(?:-[a-z]+)?)-year-old"
        rf"|(?:{_ialt(_LEX['modifiers']['stances'])})-[\w'’]+)")
# One word of any other kind right before a people's noun names their trade or kind ("100 clothing workers", "12
# textile workers"), unless it is a unit a number counts ("3 years", "5 times") or a verb's word.
_ADJUNCT = (rf"(?!(?:{_ialt(_LEX['modifiers']['not_adjuncts'])}|{NUM})(?![\w'’-]))[a-z][a-z'’-]{{2,}}")
_NP = rf"(?P<np>(?:\s+{_MOD}){{0,3}}?(?:\s+{_ADJUNCT})??\s+(?:{PLURAL_NOUN}|{_DEMONYM}|{SINGULAR_NOUN}))"
# "192 of its soldiers": the side's own, who says so
_OF_OWN = r"(?i:of\s+(?:its|their|our))"
_OF_OWN_IN = re.compile(_OF_OWN)
_ITEM = (rf"(?:(?:(?i:a|an|one|his|her|their)\s+)?(?:{_MOD}\s+){{0,2}}?{SINGULAR_NOUN}"
         rf"|(?:(?i:his|her|their)\s+)?{NUM}\s+(?:{_OF_OWN}\s+)?(?:{_MOD}\s+)??(?:{PLURAL_NOUN}|{_DEMONYM}))")
# "a woman and a child", "two brothers and a sister", or one person: "a soldier", "another civilian", "another of its
# fighters".
_SINGULAR_DEMONYM = alternation(_GAZ.singular_demonyms)
# "a third person has died": one more, the count of all so far.
_ORDINALS: dict[str, int] = _LEX["ordinals"]
_ORDINAL_WORDS = _ialt(_ORDINALS)
# Or in digits: "a 15th victim"; a modifier after one would make it a unit's number ("a 101st Airborne soldier").
_ORDINAL_DIGITS = r"\d{1,4}(?i:st|nd|rd|th)"
_ORDINAL = re.compile(rf"(?i:a|an)\s+(?P<ordinal>{_ORDINAL_WORDS}|{_ORDINAL_DIGITS})\s")
# "he was shot dead": one person, an earlier sentence's; of deaths only ("she was taken to hospital" may be illness).
_PRONOUN = r"(?:[Hh]e|[Ss]he)"


def _listed(item: str) -> str:
    """Two or more ``item``s, the last joined by "and": "a woman, a man and a child", "six Danes and two Swedes"."""
    return rf"{item}(?:\s*,\s*{item})*\s*(?:,\s*and|\band\b|&)\s*{item}"


_LIST = (rf"(?P<list>{_listed(_ITEM)}"
         rf"|(?i:a|an)\s+(?:(?:{_ORDINAL_WORDS})\s+(?:{_MOD}\s+)?|{_ORDINAL_DIGITS}\s+){SINGULAR_NOUN}"
         rf"|(?i:one|another)\s+of\s+(?P<lposs>(?i:its|their|our|the))\s+(?:{_MOD}\s+){{0,2}}?{PLURAL_NOUN}"
         rf"|(?i:a|an|one|another)\s+(?:{_MOD}\s+){{0,2}}?{SINGULAR_NOUN}|(?i:a|an|one|another)\s+(?:{_SINGULAR_DEMONYM})"
         rf"|(?<![\w'’-]){_PRONOUN}(?=\s+(?:was|has|had)\s))(?![\w-])")
_CROWD = re.compile(rf"(?<![\w-]){_ialt(_LEX['home_forces']['crowds'])}(?![\w-])")
_HOME_STRIKERS = re.compile(rf"(?<![\w-]){_ialt(_LEX['home_forces']['strikers'])}(?![\w-])")
_HOME_FORCES = re.compile(rf"(?<![\w-]){_ialt(_LEX['home_forces']['words'])}(?![\w-])")
_ABROAD_FORCES = re.compile(rf"(?<![\w-]){_ialt(_LEX['home_forces']['abroad'])}(?![\w-])")
_INC_AFTER = _ialt(_LEX["increment"]["after"])
_INC_BEFORE = re.compile(rf"(?:^|\s)(?:{_ialt(_LEX['increment']['before'])})\s*$")
# Those a part is of, when the outcome is theirs: "one of the 20 people killed in the crash", "one of two civilians
# who were wounded", "12 of the 40 dead were children" count the 20, the two, the 40; where a verb of its own
# follows, the part is the figure ("four of the 10 miners have died").
_AUX = _ialt(_LEX["auxiliaries"]["words"])
_WHOLE_HURT = (rf"(?:\s+(?!(?:{_AUX})(?![\w-]))[\w'’-]+){{0,3}}?(?:\s+(?i:who|that)(?:\s+(?:{_AUX})){{0,4}})?\s+"
               rf"(?i:{alternation(_LEX['whole_hurt']['words'])})(?![\w-])")
# Another source's figure in brackets after the number: "more than 230 (one paper says 233) people".
_ASIDE_PAREN = r"(?:\s*\([^()]{1,40}\))"
_COUNT = (rf"(?!(?:{NUM})\s+(?i:of\s+the\s+(?:dead|deceased|killed|wounded|injured))\b)(?:(?P<qual>{QUAL})\s+(?P<qinc>{_ialt(_LEX['increment']['before'])}\s+)?)?(?:(?i:between)\s+(?P<low>{NUM})\s+(?i:and)\s+"
          rf"|(?i:as\s+few\s+as)\s+(?P<low3>{NUM})(?:\s+[a-z]+)?\s+(?i:and)\s+(?i:as\s+many\s+as)\s+"
          rf"|(?i:as\s+many\s+as)\s+(?P<high>{NUM})(?:\s+[a-z]+)?\s+(?i:and)\s+(?i:as\s+few\s+as)\s+"
          rf"|(?P<low2>{DIGITS}\s*[-–]|(?:{DIGITS}|{NUM_WORDS})\s+(?i:to|or))"
          rf"\s*)?(?P<num>{NUM}){NOT_COUNT}{_ASIDE_PAREN}?(?:\s+(?P<more>{_INC_AFTER}))?"
          rf"(?:\s+(?i:of)\s+(?:(?P<poss>(?i:its|their|our|the|them|those|whom))|(?:(?i:the)\s+)?(?:(?:{QUAL})\s+)?"
          rf"(?P<whole>{NUM})(?!{_WHOLE_HURT})))?")
# Where they were: "in Gaza", or how many places they were in, "in 11 states".
_LOC = (r"(?:\s+(?i:in|near|at|from|of)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*){1,3}?"
        # "three members of a Brisbane family", "five members of the same family"
        r"|\s+(?i:of)\s+(?i:a|an|the|one|their|his|her)\s+(?:(?i:same)\s+)?(?:[A-Z][\w'’-]*\s+)?"
        r"(?i:family|household|crew)(?![\w-])"
        rf"|\s+(?i:in|across|from)\s+(?:{NUM})\s+{_ialt(_LEX['counted_places']['words'])}"
        r"|\s+(?i:from\s+(?:around|across|all\s+over)\s+the\s+(?:world|globe|country|region)))")


def _outcomes(position: str) -> str:
    return "|".join(
        f"(?P<{outcome}_{position}>{_ialt(words[position])})" for outcome, words in _LEX["outcomes"].items()
    )


# Ages are the only numbers an aside may hold: "aged 8 and 10", "a 10-year old".
_AGE = r"(?:(?i:aged|ages)\s+\d{1,3}(?:\s*(?:and|to|[-–])\s*\d{1,3})?|\d{1,3}(?=[-\s]years?\b|-year))"
# How those counted were hurt, in a clause about them: "who was shot near the border" (then "has died").
_HOW_HURT = (rf"\s+(?i:who|that)\s+(?i:was|were|had\s+been)\s+(?i:{_ialt(_LEX['hurt_by']['words'])})\s[^,.;:\d]{{2,60}}?"
             rf"|\s+{_ialt(_LEX['hurt_by']['participles'])}\s[^,.;:\d]{{2,40}}?(?=\s+{_AUX}\s)")
_ANY_AFTER = _ialt([w for words in _LEX["outcomes"].values() for w in words["after"]])
# Where they were when it happened: "all 40 people aboard the bus were killed", "the crew on board died".
_ABOARD = rf"\s+{_ialt(_LEX['aboard']['words'])}(?:\s[^,.;:\d]{{2,90}}?)?(?=\s+(?:{_AUX}|{_ANY_AFTER})(?![\w-]))"
# Some of those counted, named before the verb with no closing comma: "four guards, including a driver have died",
# or with none at all: "nine people including two nurses were killed"; not a clause about the named ones ("14 held,
# including two who were hurt": the two were hurt).
_SUBSET_ASIDE = (rf"(?:\s*,\s*(?i:including|among\s+them)|\s+(?i:including))\s(?:(?!\b(?i:who|that)\b)[^,.;:\d]){{2,60}}?"
                 rf"(?=\s+(?!(?i:who|that)\s){_AUX}\s)"
                 # between commas it may count them: "40 miners, including 6 engineers and 2 foremen, have died"
                 rf"|\s*,\s*(?i:including|among\s+them)\s(?:(?!\b(?i:who|that)\b)[^,.;:]){{2,60}}?\s*,")
# When, between the verb's parts: "13 people were on Monday confirmed killed".
_WHEN_ASIDE = (r"\s+(?i:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
               r"(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|overnight|last\s+night)")
# Number, then outcome: "six Azerbaijani civilians have been killed", "2 killed", "a woman & a child were killed";
# an aside between commas or dashes may part them ("30 Gazans — mostly women — were killed", "two boys, aged 8
# and 10, were killed"), or how they were hurt ("a man who was hit by a car has died"), or where they were.
_AFTER = re.compile(
    rf"(?<![\w'’-])(?:{_COUNT}{_NP}?|{_LIST})(?P<loc>{_LOC})?"
    rf"(?:\s*,\s*(?:{_AGE}|[^,.;:\d]){{2,60}}?,|\s+[—–]\s*[^—–,.;:\d]{{2,60}}?\s*[—–]|{_HOW_HURT}|{_ABOARD}"
    rf"|{_SUBSET_ASIDE})?(?:\s+{_AUX}|{_WHEN_ASIDE}){{0,5}}"
    rf"\s+(?:{_outcomes('after')})(?![\w-])"
)
# After "killed", "wounded" ...: the counted ones did it ("four gunmen who killed more than 100"), or the word
# is an adjective ("200 injured people").
_OBJECT_AFTER = re.compile(rf"\s+(?:(?:{QUAL})\s+)?(?:{NUM}|(?i:the|a|an|his|her|their|its|people|civilians|persons|residents)\b)")
# "... has since died": said of the wounded just counted, it makes them dead.
_DIED_SINCE = re.compile(
    r"[^.;:]{0,80}?\s(?i:(?:has|have|had)\s+(?:since\s+|now\s+|later\s+)?(?:died|succumbed)|later\s+died)\b")


def _wounded_since_died(sentence: str, m: re.Match[str]) -> bool:
    """"One of the people injured in the strike has died", "two soldiers wounded on Monday have since
    died": the wound word names who is counted (no verb before it), the clause says they died."""
    groups = m.groupdict()
    counted_end = max((m.end(g) for g in ("num", "poss", "np", "list") if groups.get(g)), default=m.start())
    return (not sentence[counted_end:m.start("wounded_after")].strip(" ,")
            and _DIED_SINCE.match(sentence, m.end()) is not None)


# A wound where it struck ("shot in the leg") is no wound if it killed.
_SHOT_IN = re.compile(r"(?i:shot\s+in\s)")
_FATAL = re.compile(r"\b(?i:killed|died|dead|fatal|fatally|succumbed|killing)\b")
_TRANSITIVE = re.compile(r"(?i:killed|wounded|injured|hurt|shot dead|massacred|slaughtered|murdered|gunned down"
                         r"|(?:shot|stabbed)\s+and\s+(?:killed|wounded|injured))")
# Outcome verb, then number: "killed two civilians", "wounding two others", "shelling kills two", "injured another 9",
# "killing all 40 passengers" (all of a known number).
_BEFORE = re.compile(rf"(?<![\w-])(?:{_outcomes('before')})\s+(?:(?:(?:{QUAL})\s+)?{_LIST}"
                     rf"|(?:(?P<inc>{_ialt(_LEX['increment']['before'])})\s+|(?i:all|a\s+total\s+of)\s+)?{_COUNT}{_NP}?)(?![\w-])")
# "nine civilian deaths", "12 fatalities".
_NOUNS = re.compile(
    rf"(?<![\w'’-]){_COUNT}(?P<np>(?:\s+(?:{_MOD})){{0,2}}?(?:\s+{_ADJUNCT})??)\s+(?:{_outcomes('nouns')})(?![\w-])"
)
_NOT_YEAR = r"(?!(?:19|20)\d\d\b)"  # "the toll between 2010 and 2015 was 40": years, not the range of a toll
# What a toll does to its figure: rises to it, up to it or past it, passes it, reaches it (casualty_lexicon.toml).
_TOLL_RISES, _TOLL_PASSES, _TOLL_REACHES = (alternation(_LEX["toll"][verbs]) for verbs in ("rises", "passes", "reaches"))
# "death toll rose to 67", "the number of dead has risen to 40", "the number killed stands at 9", "the toll from the
# explosions two weeks ago rose to 145", "Death toll rises above 15,000", "set the toll at least 35" (a slip for "at at least"), "the death
# count ... has been raised to 120"; a range, "reports of the death toll range from 3 to 9", is its lowest to its highest.
# The deaths themselves as a toll's head, their verb right after: "sunstroke deaths rose to 36", "fatalities stood at 9".
_DEATHS_RISE = (rf"(?<![\w-])(?:deaths|fatalities|injuries)(?=\s+(?:(?:has|have|had)\s+)?"
                rf"(?:(?:{_TOLL_RISES})\s+(?:to|above|past|beyond|up\s+to)|(?:stood|stands|stand)\s+at|{_TOLL_PASSES}"
                rf"|{_TOLL_REACHES})\s+(?:(?:{QUAL})\s+)?(?:{NUM}))")
_TOLL_HEAD = (
    r"(?P<head>(?i:(?:(?:overall|total|official|civilian|military|initial|its|their|the)\s+)*(?:death|fatality|injury)\s+(?:toll|count|tally)"
    r"|(?<![\w-])toll|(?:number|figures?)\s+of\s+(?:[\w'’-]+\s+){0,2}?(?:dead|deaths|killed|slain|fatalities|wounded|injured)"
    rf"|number\s+(?:dead|killed|wounded|injured)|{_DEATHS_RISE}))"  # "put the number wounded at 56"
    # a long gap only with no relative clause in it, whose places would be another noun's ("killed by commandos who
    # stormed the Gaza flotilla")
    rf"(?P<gap>(?:[^.;:]|\.(?=\d)|:(?=\d\d)){{0,90}}?|(?:(?!\b(?i:who|whom|which)\b)(?:[^.;:]|\.(?=\d)|:(?=\d\d))){{91,150}}?)")
# How much a toll rose, before what it rose to: "the death toll had risen by 10 to 179" adds 10.
_TOLL_BY = re.compile(rf"{_TOLL_HEAD}\s(?i:{_TOLL_RISES}|increased|grew)\s+(?P<by>by)\s+(?:(?P<qual>{QUAL})\s+)?"
                      rf"(?P<num>{NUM}){NOT_COUNT}(?=\s+(?i:to)\s)")
_TOLL = re.compile(
    rf"{_TOLL_HEAD}(?<!\bby)(?<!\bby\sat)"  # "rose by at least 10 to 50": the 10 is how much it rose (_TOLL_BY)
    rf"(?:\s(?i:(?P<above>(?:{_TOLL_RISES})\s+(?:above|past|beyond)|{_TOLL_PASSES})"
    # "has gone up to 140": the toll rose to it, no upper bound ("up to 30")
    rf"|(?:{_TOLL_RISES})\s+up\s+to"
    rf"|to|at|of|{_TOLL_REACHES}|is|was|now|stands\s+at|stood\s+at)(?=\s)"
    rf"|\s(?i:(?:range[sd]?|ranging)\s+from\s+{_NOT_YEAR}(?P<low>{NUM})\s+to|between\s+{_NOT_YEAR}(?P<low2>{NUM})\s+and)"
    rf"(?=\s)"
    rf"|(?=\s+(?:{QUAL})\s))\s+(?:(?P<qual>{QUAL})\s+)?(?P<num>{NUM}){NOT_COUNT}"
)
# The toll set off after the dead: "in memory of the dead — at least 20 by late Tuesday —", "the deaths (12 so far)";
# its head says what it counts, with nothing between (an empty gap).
_DEAD_ASIDE = re.compile(
    r"(?<![\w-])(?P<head>(?i:the\s+(?:dead|deceased|deaths|fatalities|(?:death|fatality)\s+toll)))(?P<gap>)\s*(?:[—–(]|\s-)\s*"
    rf"(?:(?P<qual>{QUAL})\s+)?{_NOT_YEAR}(?P<num>{NUM}){NOT_COUNT}(?!\s+(?i:of)\b)"  # "— 3 of them children —": some
)
# "bringing the total to more than 30", "bringing their total military losses to 58", "increasing the total to 41";
# not "has been raised to 230" (what was raised is before the verb: a toll's) nor "raises to six the number" (_RAISES_TO).
_BRINGING = re.compile(
    r"(?<![\w-])(?:(?i:bringing|brings|brought|raising|raises|raised|taking|takes|pushing|pushes|pushed)\s+"
    # "increased" says what rose only with a toll's word between: not "police increased patrols to 50"
    r"|(?i:increasing|increases|increased)\s+(?=(?:[\w'’-]+\s+){0,4}?(?i:total|toll|tally|number|count|deaths|dead)\b))"
    rf"(?P<gap>(?:[\w'’-]+\s+){{1,12}}?)(?i:to)\s+(?:(?P<qual>{QUAL})\s+)?(?P<num>{NUM}){NOT_COUNT}"
)
# "This raises to six the number of Palestinians killed", "brings to 40 the death toll".
_RAISES_TO = re.compile(
    rf"(?<![\w-])(?i:raises|raised|raising|brings|brought|bringing|takes|took|taking|pushes|pushed|puts|put)\s+(?i:to)\s+"
    rf"(?:(?P<qual>{QUAL})\s+)?(?P<num>{NUM}){NOT_COUNT}\s+(?P<gap>(?i:the|its|their)\s+(?:[\w'’-]+\s+){{0,4}}?"
    rf"(?:toll|number\s+of\s+(?:[\w'’-]+\s+){{0,2}}?(?:dead|deaths|killed|fatalities|wounded|injured)))(?![\w-])"
)
# "claimed at least 274 lives", "took 12 lives"; "Five more lives were lost".
_LIVES_TAKEN = re.compile(rf"(?<![\w-])(?i:{_ialt(_LEX['lives']['before'])})\s+{_COUNT}\s+(?i:lives)(?![\w-])")
_LIVES_LOST = re.compile(rf"(?<![\w-]){_COUNT}\s+(?i:lives)\s+(?i:{_ialt(_LEX['lives']['after'])})(?![\w-])")
# "Russia has lost 2,800 troops", "lost five of its members": people lost are dead, a people's noun after them.
_LOST = re.compile(rf"(?<![\w-])(?i:{_ialt(_LEX['lost']['verbs'])})\s+{_COUNT}{_NP}(?![\w'’-])")
# Where people other than soldiers a family or a side lost are its dead: a disaster or another deadly event in the
# sentence ("lost five of its members in the fire"), or a fight (tells_fighting); not a firm's staff or a party's seats.
_DEADLY_EVENT = re.compile(rf"(?<![\w-])(?i:{_ialt([*_LEX['disasters']['words'], *_LEX['lost']['events']])})(?![\w-])")
# "rescuers recovered six more victims": victims recovered are dead.
_RECOVERED = re.compile(rf"(?<![\w-])(?i:{_ialt(_LEX['recovered']['verbs'])})\s+(?:(?i:the)\s+)?{_COUNT}\s+"
                        rf"(?i:{_ialt(_LEX['recovered']['nouns'])})(?![\w-])(?!\s+(?i:alive|safely|unhurt|uninjured)\b)")
# "left four others with serious injuries": the injuries say wounded, not the verb.
_LEFT_WITH = re.compile(rf"(?<![\w-])(?i:{_ialt(_LEX['left_with']['verbs'])})\s+{_COUNT}{_NP}?\s+(?i:with)\s+"
                        rf"(?:[\w-]+\s+){{0,2}}?(?i:{_ialt(_LEX['left_with']['nouns'])})(?![\w-])")
# "the deaths of 26 civilians and injuries to 46 others": the people after "to" are wounded.
_INJURIES_TO = re.compile(rf"(?<![\w-])(?i:{_ialt(_LEX['left_with']['nouns'])})\s+(?i:to)\s+{_COUNT}{_NP}(?![\w-])")
# "reported a deceased person": one dead, the adjective before the person its outcome.
_ONE_DEAD = re.compile(rf"(?<![\w'’-])(?P<list>(?i:a|an)\s+(?i:{_ialt(_LEX['outcomes']['killed']['adjectives'])})\s+"
                       rf"{SINGULAR_NOUN})(?![\w-])")
# "a 15th death has been confirmed", "a fifth body was found": the newest death's rank is the toll so far; only
# before a verb, a preposition or the clause's end ("a second death threat" is no death).
_ORDINAL_DEATH = re.compile(
    rf"(?<![\w'’-])(?P<list>(?i:a|an)\s+(?:{_ORDINAL_WORDS}|{_ORDINAL_DIGITS})\s+(?i:{_ialt(_LEX['ordinal_toll']['nouns'])}))"
    rf"(?=\s*(?:[,.;:!?)]|$)|\s+(?:{_AUX}|(?i:in|at|on|from|after|since))(?![\w-]))")
# Each pattern's rule id, as claims carry it and `liveblog eval --by-rule` scores it.
_RULE_IDS = {"bringing": "total-bringing", "toll": "total-toll", "lives": "lives-count", "after": "count-then-outcome",
             "before": "outcome-then-count", "nouns": "count-outcome-noun", "list": "people-listed",
             "recovered": "victims-recovered", "left_with": "left-with-injuries", "lost": "people-lost",
             "injuries_to": "injuries-to"}
# Tried in this order; where two read the same number, the earlier one wins.
_SOURCES = (("bringing", _BRINGING), ("bringing", _RAISES_TO), ("toll", _TOLL_BY), ("toll", _TOLL), ("toll", _DEAD_ASIDE), ("lives", _LIVES_TAKEN),
            ("lives", _LIVES_LOST), ("lost", _LOST), ("recovered", _RECOVERED), ("left_with", _LEFT_WITH), ("injuries_to", _INJURIES_TO), ("one_dead", _ORDINAL_DEATH),
            ("one_dead", _ONE_DEAD),
            ("after", _AFTER), ("before", _BEFORE), ("nouns", _NOUNS))
_GAP_KILLED = re.compile(r"\b(?:death|deaths|dead|died|killed|slain|toll|losses|fatalities)\b", re.IGNORECASE)
_GAP_OTHER_COUNT = re.compile(rf"(?<![\w-]){_ialt(_LEX['toll']['other_counts'])}(?![\w-])")
# The figure counts others, told after it: "the toll hasn't risen, but seven to eight people are still missing".
# Not a count joined after it ("rose to 12,000 with thousands more missing", "to 213 and number missing to 89").
_OTHER_COUNT_AFTER = re.compile(rf"(?:\s+(?!(?i:with|and|plus|while|as|including|but|in|among|from|across|at|on|of|"
                                rf"after|by|for|within|to)\b)[^\W\d][\w'’-]*){{0,4}}?"
                                rf"\s+{_ialt(_LEX['toll']['other_counts'])}(?![\w-])")
_GAP_WOUNDED = re.compile(r"\b(?:wounded|injured|injuries|injury)\b", re.IGNORECASE)
_GAP_MILITARY = re.compile(r"\b(?:military|troops|soldiers|servicemen|fighters|army)\b", re.IGNORECASE)
_GAP_CIVILIAN = re.compile(r"\bcivilians?\b", re.IGNORECASE)
_GAP_POSSESSIVE = re.compile(r"\b(?:its|their|our)\b", re.IGNORECASE)
# "the number of foreign peacekeepers killed": people of many states, not the side of who reports them
_GAP_FOREIGN = re.compile(r"\b(?:foreign|foreigners|international)\b", re.IGNORECASE)

# Only sentences with one of these stems can hold a claim: a cheap filter before the patterns.
_CUE_STEMS = (r"kill|dead|deceas|die|death|wound|injur|hurt|toll|fatalit|slain|perish|martyr|lives|losses|hospital|treat|bodies|corpse"
              r"|\bbody\b|victim|succumb|murder|slaughter|massacr|gunned down|gunning down|shot in the|lost in the|drown|to death"
              r"|passed away|medical facilit|medical cent|trauma cent|alive\b|\blost\b|\blosing\b")
_CUE = re.compile(_CUE_STEMS, re.IGNORECASE)
_LOWER_CUE = re.compile(_CUE_STEMS)
# Not the comma of a number's thousands ("2,800 people have been killed so far" is one clause).
_CLAUSE_BREAK = re.compile(r",(?<!\d,(?=\d{3}(?!\d)))|[;:()]|\s[–—-]\s")
_CUMULATIVE = compiled_patterns(_LEX["cumulative"]["patterns"])
_CORRECTION = compiled_patterns(_LEX["correction"]["patterns"])
_SUPERSEDED = compiled_patterns(_LEX["superseded"]["patterns"])
_EARLIER = compiled_patterns(_LEX["earlier"]["patterns"])
_ALL_SIDES = compiled_patterns(_LEX["all_sides"]["patterns"])
_NEGATION = compiled_patterns(_LEX["negation"]["patterns"])
_LOCAL_NEGATION = compiled_patterns(_LEX["negation"]["local"])
_HEADLINE_SOURCE = re.compile(r"^\s*([^:]{2,60}?)\s*:\s")
_SIDE_TAIL = re.compile(r"\s+side\b")
_LINK = re.compile(r"^\s*(?:,|and|&|,\s*and|while)?\s*$", re.IGNORECASE)
_INCLUDING = re.compile(r"^\s*,?\s*(?:including|among them|among whom|of whom|of them)\s*$", re.IGNORECASE)
_SPLIT_HEAD = re.compile(r"\s*(?::|[–—-]|,?\s*(?:including|of whom))\s*")
_SPLIT_ITEM = re.compile(
    rf"\s*(?:,\s*and|,|and|;)?\s*(?P<num>{NUM})\s+(?:(?i:were\s+|was\s+)?(?i:killed|dead|wounded|injured)\s+)?"
    r"(?i:in|on|from|at)\s+(?:the\s+)?"
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)(s)?\b")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")
_DATE_AFTER_NUM = re.compile(rf"^\s+{_MONTH.pattern}")
_OLD_TIMES = re.compile(r"\b(?:last year|last month|years ago|decades? ago|in the \d0s|in the (?:19|20)\d0s)\b", re.IGNORECASE)
_SINCE = re.compile(
    r"\bsince\s+(?:(?:the\s+)?(?:start|beginning|end|middle)\s+of\s+|early\s+|late\s+|mid-?)?$"
    r"|\bsince\s+the\s+\w+\s+(?:began|started|erupted|broke\s+out)\s+(?:in|on)\s+$",
    re.IGNORECASE,
)
_TEMPORAL_LEAD = re.compile(r"^\s*(?:During|In|On|Back in|Earlier in|At the height of)\b")
_AFTER_MONTH = re.compile(rf"{_MONTH.pattern}\s+$")


@dataclass(slots=True)
class _Raw:
    """A figure found in one sentence, before its party, claimant and kind are settled."""

    start: int
    end: int
    outcome: str
    lo: int
    hi: int | None
    population: str | None
    party: str | None
    kind: str | None
    claimant: str | None = None
    inherit: bool = False
    active: bool = False
    rule: str = ""
    striker: str | None = None
    home: bool = False  # police or security forces: where they fell is whose they are
    crowd: bool = False  # protesters: they gather where they live, so the place is theirs even where its state fired
    # struck by a state's forces that serve at home ("regime airstrikes", "killed by security forces"): of that state
    home_struck: bool = False
    wide: bool = False  # a total "brought to" a figure whose words name no side: maybe more than one place's
    where: str | None = None  # the place named right after it, as written ("3 martyrs in Daraa")


# A person joined to what goes before by "and" (not ", and", which joins clauses) is one of several.
_IN_COORDINATION = re.compile(r"[^,;\s]\s+(?i:and|or|&)\s+$")
_LIST_SEP = re.compile(r"\s*(?:,\s*and|,|\band\b|&)\s*")
_COUNTED = rf"(?:[\w'’.-]+\s+){{0,2}}?(?:{PLURAL_NOUN}|{_DEMONYM})(?![\w-])"  # "Dallas police officers", "Israelis"
_LIST_ITEM = re.compile(rf"(?P<num>{NUM})\s+(?:{_OF_OWN}\s+)?(?P<noun>{_COUNTED})")
_ONE_ITEM = re.compile(rf"(?P<num>(?i:an?|one|the))\s+(?P<noun>(?:[\w'’.-]+\s+){{0,2}}?(?:{SINGULAR_NOUN})(?![\w-]))")


# Men and women, adults and children: a group counted by sex, or by age, one figure ("two women and five men died"
# is 7, "three adults and six children have died" is 9); not "19 children and six women", two groups often told apart.
_SEX = re.compile(r"(?i:(?:wo)?men|boys|girls|(?:fe)?males)")
_AGE = re.compile(r"(?i:adults|children|kids|minors|teenagers|babies|infants)")


def _list_parts(sentence: str, at: int, text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) in ``sentence`` of each item of the list ``text`` that starts at ``at``."""
    position = at
    for part in (p for p in _LIST_SEP.split(text) if p):
        start = sentence.find(part, position)
        position = start + len(part)
        yield start, position, part


def _counted_items(sentence: str, at: int, text: str) -> list[tuple[int, int, int, int | None, str | None]]:
    """(start, end, min, max, population) of each item of a list whose items all carry a number; []
    when one does not ("a woman and her two children" is one group of 3) or when they count one
    group by sex or age. A qualifier before the list is its first item's ("at least 19 civilians and six soldiers").
    Attackers listed with others, and soldiers listed with civilians, are groups of their own, one of them too ("six
    militants and a soldier": 6 and 1; "six civilians, three soldiers and a border guard": 6, 3 and 1)."""
    found = []
    qual = _list_qualifier(sentence, at)
    nouns = []
    parts = list(_list_parts(sentence, at, text))
    apart = (len({bool(ATTACKERS.search(part)) for _, _, part in parts}) == 2
             or {population_of(part) for _, _, part in parts} >= {"civilian", "military"})
    for start, end, part in parts:
        m = _LIST_ITEM.fullmatch(part.strip())
        if m is not None and re.fullmatch(r"(?i:an?|one|another)", m.group("num")):
            m = None  # one person is counted by a singular noun, in a list of groups apart only
        m = m or (_ONE_ITEM.fullmatch(part.strip()) if apart else None)
        one = m is not None and m.re is _ONE_ITEM
        value = (1, 1) if one else read_figure(None if found else qual, m.group("num")) if m else None
        if value is None:
            return []
        found.append((start, end, value[0], value[1], population_of(m.group("noun"))))
        nouns.append(m.group("noun"))
    return [] if any(all(kind.fullmatch(noun.split()[-1]) for noun in nouns) for kind in (_SEX, _AGE)) else found


def _sided_items(sentence: str, at: int, text: str) -> list[tuple[int, int, int, int | None, str | None]]:
    """(start, end, min, max, population) of each item of a list whose items each name one state, all
    different ("a Danish soldier and a Latvian soldier": one of each side, not two of either); [] otherwise."""
    found, sides = [], []
    for start, end, part in _list_parts(sentence, at, text):
        named = {x.entity.side for x in _GAZ.mentions(part) if x.entity.side}
        if len(named) != 1:
            return []
        sides.append(named.pop())
        n = _list_count(part)
        found.append((start, end, n, n, _list_population(part)))
    return found if len(found) >= 2 and len(set(sides)) == len(found) else []


_QUAL_BEFORE = re.compile(rf"(?:^|\s)(?P<qual>{QUAL})\s+$")


def _list_qualifier(sentence: str, at: int) -> str | None:
    found = _QUAL_BEFORE.search(sentence, 0, at)
    return found.group("qual") if found else None


def _list_count(text: str) -> int:
    """People named one by one: "a woman and a child" is 2, "a woman and her two children" is 3; "a third
    person" is the third."""
    if ordinal := _ORDINAL.match(text.strip()):
        rank = ordinal.group("ordinal").lower()
        return int(rank[:-2]) if rank[0].isdigit() else _ORDINALS[rank]
    total = 0
    for item in _LIST_SEP.split(text.strip()):
        nums = re.findall(NUM, item)
        value = read_number(nums[0]) if nums and not re.fullmatch(r"(?i:an?|one|another)", nums[0]) else None
        total += value[0] if value else 1
    return total


def _list_population(text: str) -> str | None:
    """The population all people of a list share; "all" when they differ ("11 marines and a medic")."""
    found = {population_of(item.split()[-1]) for item in _LIST_SEP.split(text.strip()) if item}
    return found.pop() if len(found) == 1 else "all"


def _outcome_group(match: re.Match[str]) -> str | None:
    """The name of the group holding a pattern's outcome word ("killed_after"); None for a total's patterns."""
    return next((name for name, value in match.groupdict().items()
                 if value and name.startswith(("killed_", "wounded_"))), None)


def _outcome_of(match: re.Match[str]) -> str:
    """The outcome, "killed" or "wounded", a pattern's outcome word says."""
    return (_outcome_group(match) or "").split("_")[0]


def _other_outcome_verbs(outcome: str) -> str:
    """The other outcome's verbs and participles ("wounded", "wounding" for "killed"), not its nouns: "injured and
    bodies were recovered" joins no outcome to another."""
    return _ialt({w for other, forms in _LEX["outcomes"].items() if other != outcome
                  for part in ("after", "before") for w in forms[part]})


# The other outcome joined to a figure's, after or before it: "killed or wounded", "dead and injured", "killing or
# wounding 30"; not one that opens a clause of its own, its subject or verb after it ("killed and injured people
# were taken to hospital").
_JOIN = r"\s+(?i:or|and|and/or|&)\s+"
_JOINED_AFTER = {o: re.compile(rf"{_JOIN}(?:{_other_outcome_verbs(o)})(?![\w-])") for o in _LEX["outcomes"]}
_JOINED_BEFORE = {o: re.compile(rf"(?<![\w-])(?:{_other_outcome_verbs(o)}){_JOIN}$") for o in _LEX["outcomes"]}
_OR_MISSING = re.compile(r"\s+(?i:or|and/or)\s+(?i:disappeared|missing|went\s+missing|unaccounted\s+for)(?![\w-])")
_FINITE = re.compile(r"\b(?i:were|was|are|is|have|has|had|been)\b")
_CLAUSE_GOES_ON = re.compile(rf"\s+(?:{PLURAL_NOUN}|{SINGULAR_NOUN}|{_DEMONYM}|{_FINITE.pattern})(?![\w-])")


def _unsplit(sentence: str, m: re.Match[str]) -> bool:
    """A figure of the killed and the wounded together ("dozens were killed or wounded", "killing or wounding 30"):
    casualties not split, no count of either."""
    name = _outcome_group(m)
    if name is None:
        return False
    outcome = name.split("_")[0]
    if outcome == "killed" and _OR_MISSING.match(sentence, m.end(name)):
        return True  # "18 members of the family died or disappeared": the dead and the missing together
    after = _JOINED_AFTER[outcome].match(sentence, m.end(name))
    return bool(after and not _CLAUSE_GOES_ON.match(sentence, after.end())
                or _JOINED_BEFORE[outcome].search(sentence, max(0, m.start(name) - 40), m.start(name)))


# Nouns that count a death only as one more found ("one more body"), from the lexicon.
_MORE_ONLY = {w for words in _LEX["outcomes"].values() for w in words.get("more_only", ())}


def _outcome_read(sentence: str, m: re.Match[str], source: str,
                  population: str | None) -> tuple[str, str | None, str | None, str | None] | None:
    """Outcome, population, party and kind of a figure as its pattern reads them; a total's words
    ("bringing the death toll to", "the civilian toll") say them for the total. None: no claim."""
    if source in ("bringing", "toll"):
        gap = f"{m.group('gap')} {m.groupdict().get('head') or ''}"
        if _GAP_OTHER_COUNT.search(gap) or _OTHER_COUNT_AFTER.match(sentence, m.end()):
            return None  # "raised the number of missing to 332", "the toll hasn't risen, but 8 are missing": no toll
        outcome = "wounded" if _GAP_WOUNDED.search(gap) else "killed" if _GAP_KILLED.search(gap) else ""
        if source == "toll" and not outcome:
            return None  # "casualty toll" alone does not say killed
        population = "military" if _GAP_MILITARY.search(gap) else "civilian" if _GAP_CIVILIAN.search(gap) else None
        party = "@claimant" if _GAP_POSSESSIVE.search(gap) else "@foreign" if _GAP_FOREIGN.search(gap) else None
        return outcome, population, party, "increment" if m.groupdict().get("by") else "cumulative"
    if source == "lost" and population != "military" and not (
            _possessive(m) and (_DEADLY_EVENT.search(sentence) or tells_fighting((sentence,)))):
        return None  # "the company has lost 300 workers", "lost 12 members in the election"
    if source in ("lives", "recovered", "one_dead", "lost"):
        return "killed", population, None, None
    if source in ("left_with", "injuries_to"):
        return "wounded", population, None, None
    outcome = _outcome_of(m)
    if source == "nouns" and m.group(f"{outcome}_nouns").lower() in _MORE_ONLY and not m.group("more"):
        return None
    if source == "after" and _TRANSITIVE.fullmatch(m.group(f"{outcome}_after")) and _OBJECT_AFTER.match(sentence, m.end()):
        return None
    if source == "after" and outcome == "wounded" and _wounded_since_died(sentence, m):
        outcome = "killed"
    if outcome == "wounded" and re.fullmatch(_PRONOUN, m.groupdict().get("list") or ""):
        return None
    if (source == "after" and _SHOT_IN.match(m.group("wounded_after") or "")
            and _FATAL.search(sentence, m.start(), m.end() + 60)):
        return None  # "shot in the head and killed", "fatally shot in the chest": not wounded, and no count of dead
    return outcome, population, None, None


_QUOTES = re.compile(r'["“”]')


# A verb that tells of a killing, not one that does it: "announced the killing of six soldiers" (but "committed the
# killings of 30").
_TOLD_OF = re.compile(r"\b(?i:announced|announces|confirmed|confirms|reported|reports|mourned|mourns|condemned|"
                      r"condemns|denounced|denounces)\s+(?:(?i:the)\s+)?(?:[^.;:]*\s(?i:and)\s+(?:(?i:the)\s+)?)?$")


_WOUNDED_PART = re.compile(rf"(?<![\w-])(?P<part>{NUM})\s+(?i:of)\s+(?:(?i:the|those)\s+)?$")
_WOUNDED_WORD = re.compile(r"\b(?i:wounded|injured|hurt)\b")


def _wounded_part(sentence: str, m: re.Match[str]) -> tuple[int, int | None] | None:
    """The part of a count of wounded who died ("three of the 20 injured people have died"): its figure, where
    the count of the wounded is the whole a verb of dying follows."""
    if not m.groupdict().get("num"):
        return None
    part = _WOUNDED_PART.search(sentence, max(0, m.start("num") - 40), m.start("num"))
    outcome_end = m.end(_outcome_group(m) or 0)  # "14 wounded have since died": the wounded word may be the outcome's
    if part is None or not _WOUNDED_WORD.search(sentence, m.end("num"), outcome_end):
        return None
    return read_figure(None, part.group("part"))


def _figure_of_outcome(sentence: str, m: re.Match[str], source: str, outcome: str,
                       figure: tuple[int, int | None]) -> tuple[int, int | None] | None:
    """The figure once its outcome is known: none for an ordinal of wounded ("a fifth miner was rescued with
    injuries": the fifth of those trapped, no toll of wounded); the part for those of the wounded who died ("two
    of the 14 wounded have since died": two dead, not 14)."""
    if outcome == "wounded" and m.groupdict().get("list") and _ORDINAL.match(m.group("list")):
        return None
    if source == "after" and outcome == "killed" and (part := _wounded_part(sentence, m)):
        return part
    return figure


def _active(sentence: str, m: re.Match[str], source: str) -> bool:
    """The outcome is a verb before its count, whose subject may be who killed ("Israeli forces killed six", "troops
    committed the killings of 30"); not a death ("resulted in the deaths of 16 soldiers"), nor a killing a verb of
    telling leads ("announced the killing of six soldiers")."""
    word = m.group(_outcome_group(m) or 0).lower()
    if source != "before" or not word.endswith(" of"):
        return source == "before"
    return not (word.startswith(("death", "bodies", "martyrdom", "wounding"))
                or _TOLD_OF.search(sentence, max(0, m.start() - 80), m.start()))


def _counted_raws(sentence: str, m: re.Match[str], source: str,
                  items: list[tuple[int, int, int, int | None, str | None]]) -> Iterator[tuple[re.Match[str], str, _Raw]]:
    """Each counted group of a list its own figure. Soldiers counted with civilians fell where the civilians did:
    their dead are the place's, as police's are; "192 of its soldiers" are who says so's."""
    outcome = _outcome_of(m)
    together = {item[-1] for item in items} >= {"civilian", "military"}
    for start, end, lo, hi, population in items:
        own = _OF_OWN_IN.search(sentence, start, end) is not None
        yield m, source, _Raw(start, end, outcome, lo, hi, population, "@claimant" if own else None, None,
                              rule="people-counted", active=_active(sentence, m, source), home=together and not own)


# "over" after what people feel or do about a toll is its preposition, no qualifier: "outrage over 104 deaths".
_OVER_AFTER = re.compile(rf"(?<![\w-])(?i:{_ialt(_LEX['qualifiers']['over_after'])})\s+$")


def _qualifier(sentence: str, m: re.Match[str]) -> str | None:
    qual = m.group("qual")
    if qual and qual.lower() == "over" and _OVER_AFTER.search(sentence, max(0, m.start("qual") - 40), m.start("qual")):
        return None
    return qual


def _possessive(m: re.Match[str]) -> bool:
    """The count is of "its", "their" or "our" people ("two of its soldiers"): the side of who says so."""
    return (m.groupdict().get("poss") or m.groupdict().get("lposs") or "").lower() in ("its", "their", "our")


def _span(m: re.Match[str]) -> tuple[int, int]:
    """Where a match's figure is: its list of people, or its number from a range's lowest to the whole it is part of."""
    groups = m.groupdict()
    if groups.get("list"):
        return m.span("list")
    start = m.start("low") if groups.get("low") else m.start("low2") if groups.get("low2") else m.start("num")
    return start, m.end("whole") if groups.get("whole") else m.end("num")


# A list right after "among them" or "including", maybe after one person and a comma: some of those counted before
# it ("Six people, among them a male driver, a female passenger and four children"; not "officials including the mayor
# said three children and two women died").
_NAMED_AMONG = re.compile(r"\b(?i:among\s+them|among\s+whom|including)\s+(?:(?!(?i:in|at|on|near|from)\s)[^,;:.!?]{1,60},\s*)?$")


def _raw_claims(sentence: str) -> Iterator[tuple[re.Match[str], str, _Raw]]:
    """Every figure tied to an outcome, the first pattern winning where numbers overlap; quotes read as spaces."""
    sentence = _QUOTES.sub(" ", sentence)  # "the 'heartless slaughter' of 141" is a slaughter of 141
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for source, pattern in _SOURCES:
        for m in pattern.finditer(sentence):
            span = _span(m)
            if not free(*span):
                continue
            if m.groupdict().get("list"):
                if _NAMED_AMONG.search(sentence, 0, m.start("list")):
                    continue  # "Six people, among them a driver, a passenger and four children, died": some of six
                items = (_counted_items(sentence, m.start("list"), m.group("list"))
                         or _sided_items(sentence, m.start("list"), m.group("list")))
                if items:  # "19 children and six adults died", "a Dane and a Swede died": each group its own figure
                    taken.append(span)
                    yield from _counted_raws(sentence, m, source, items)
                    continue
                n = _list_count(m.group("list"))
                figure: tuple[int, int | None] | None = read_figure(_list_qualifier(sentence, m.start("list")), str(n))
                if n == 1 and _IN_COORDINATION.search(sentence, 0, m.start("list")):
                    continue  # "a man crushed by a wall and an elderly woman killed": more than the one counted
                population = _list_population(m.group("list"))
            else:
                if _AFTER_MONTH.search(sentence, 0, m.start("num")) or _DATE_AFTER_NUM.match(sentence, m.end("num")):
                    continue
                figure = read_figure(_qualifier(sentence, m) or ("more than" if m.groupdict().get("above") else None),
                                 m.group("num"))
                low = m.groupdict().get("low") or m.groupdict().get("low2") or m.groupdict().get("low3")
                if low and figure and (bottom := read_number(_RANGE_END.sub("", low))) and bottom[0] < figure[0]:
                    figure = bottom[0], figure[1]  # a range: "between 20 and 25", "20-25", "as few as 20 and as many as 25"
                if (high := m.groupdict().get("high")) and figure and (top := read_number(high)) and top[0] > figure[0]:
                    figure = figure[0], top[0]  # "as many as 25 and as few as 20"
                if figure and _AND_COUNTING.match(sentence, m.end("num")):
                    figure = figure[0], None  # "rose to 300 and counting": still rising, open-ended
                population = population_of(m.groupdict().get("np"))
            if figure is None or (source == "after" and m.group("num") and _YEAR.fullmatch(m.group("num"))
                                  and not m.group("np")):
                continue
            read = _outcome_read(sentence, m, source, population)
            if read is None:
                continue
            if _unsplit(sentence, m):
                taken.append(span)  # nor is it the other outcome's figure
                continue
            outcome, population, party, kind = read
            if (figure := _figure_of_outcome(sentence, m, source, outcome, figure)) is None:
                continue
            if source != "lost" and _possessive(m):  # "lost five of its members": the loser's, not the claimant's
                party = "@claimant"
            taken.append(span)
            raw = _Raw(m.start(), m.end(), outcome, figure[0], figure[1], population, party, kind)
            raw.inherit = source == "bringing" and not outcome
            raw.rule = _RULE_IDS["list" if m.groupdict().get("list") else source]
            raw.active = _active(sentence, m, source)
            yield m, source, raw


def _figure_clause_end(sentence: str, c1: int, end: int) -> int:
    """Where the clause of a figure ends: its first word's clause ends at ``c1``, or its last word's where the
    figure's words run past a comma ("two boys, aged 8 and 10, were killed")."""
    return c1 if c1 > end else _clause(sentence, end)[1]


def _clause(sentence: str, pos: int) -> tuple[int, int]:
    start = 0
    for b in _CLAUSE_BREAK.finditer(sentence, 0, pos):
        start = b.end()
    nxt = _CLAUSE_BREAK.search(sentence, pos)
    return start, nxt.start() if nxt else len(sentence)


def _historical(sentence: str, start: int, end: int, published: date) -> bool:
    """The figure belongs to an earlier period: a past year, another month, "in the 1990s", in the
    figure's own clause or in a leading temporal clause ("During the clashes in April 2016, ...")."""
    c0, c1 = _clause(sentence, start)
    c1 = max(c1, _clause(sentence, end - 1)[1])
    scopes = [(c0, c1)]
    lead_end = _clause(sentence, 0)[1]
    if c0 > 0 and _TEMPORAL_LEAD.match(sentence):
        scopes.append((0, lead_end))
    for a, b in scopes:
        if _OLD_TIMES.search(sentence, a, b):
            return True
        for y in _YEAR.finditer(sentence, a, b):
            if (y.group(2) or int(y.group(1)) < published.year) and not _SINCE.search(sentence, a, y.start()):
                return True
        for mo in _MONTH.finditer(sentence, a, b):
            if (_MONTHS.index(mo.group(1).lower()) + 1 != published.month
                    and not _SINCE.search(sentence, a, mo.start())
                    and not (mo.group(1) == "May" and not _YEAR.match(sentence, mo.end() + 1))):
                return True
    return False


def _split(sentence: str, parent: _Raw, mentions: list[Mention], at: int) -> list[_Raw]:
    """A total split by place: "nine civilian deaths: seven in Azerbaijan and two on the Armenian
    side". Only kept when the parts add up to the whole."""
    head = _SPLIT_HEAD.match(sentence, at)
    if not head:
        return []
    parts: list[_Raw] = []
    pos = head.end()
    while (item := _SPLIT_ITEM.match(sentence, pos)) is not None:
        figure = read_number(item.group("num"))
        mention = next((m for m in mentions if m.start == item.end()), None)
        if figure is None or mention is None or mention.entity.side is None:
            return []
        parts.append(replace(parent, start=item.start("num"), end=mention.end, lo=figure[0], hi=figure[1],
                             party=mention.entity.side, rule="split-by-place"))
        pos = mention.end
        if (tail := _SIDE_TAIL.match(sentence, pos)) is not None:
            pos = tail.end()
    if len(parts) < 2 or sum(p.lo for p in parts) != parent.lo or parent.hi != parent.lo:
        return []
    return parts


_SIDE_LIST = re.compile(_listed(rf"{NUM}\s+{_COUNTED}"))


def _split_by_side(sentence: str, parent: _Raw, mentions: list[Mention], at: int) -> list[_Raw]:
    """A total split by side: "the toll has reached 9 - five Kenyans and four attackers". Each group is its own
    side's (the attackers' is theirs), the total all sides'; only kept when the parts add up to the whole and
    name two sides or more."""
    head = _SPLIT_HEAD.match(sentence, at)
    listed = _SIDE_LIST.match(sentence, head.end()) if head else None
    if listed is None or parent.hi != parent.lo:
        return []
    parts: list[_Raw] = []
    for start, end, lo, hi, population in _counted_items(sentence, listed.start(), listed.group(0)):
        sides = set(sides_in(mentions, start, end))
        party = "@attackers" if ATTACKERS.search(sentence, start, end) else sides.pop() if len(sides) == 1 else None
        if party is None or hi != lo:
            return []
        parts.append(replace(parent, start=start, end=end, lo=lo, hi=hi, population=population, party=party,
                             rule="split-by-side"))
    if len({p.party for p in parts}) < 2 or sum(p.lo for p in parts) != parent.lo:
        return []
    parent.party = "all"
    return parts


_PLACE_ITEM = re.compile(rf"\s*(?P<sep>,\s*and|,|;|\band\b)?\s*(?:(?i:another|a\s+further)\s+)?(?P<num>{NUM})\s+(?:(?i:more|others?)\s+)?"
                         r"(?i:in|from|at)\s+(?:the\s+)?(?=[A-Z])")
# What an item of such a list may carry before the next: "(including 11 in Jiza)", "; most of them in Ariha".
_PLACE_ASIDE = re.compile(r"[^\d(),;.]{0,30}?\s*\([^()]{0,300}\)|\s*;[^\d(),;.]{0,40}?(?=\s*,)")


def _by_place(sentence: str, parent: _Raw, mentions: list[Mention]) -> list[_Raw]:
    """Figures that follow a claim place by place: "148 martyrs ... in Damascus, 27 in Daraa, 12 in
    Idlib": each is a claim of the same outcome, its party that of its place (else the claim's). An
    aside after an item is passed over, its own figures left unread."""
    parts: list[_Raw] = []
    pos = next((m.end for m in mentions if parent.end <= m.start < parent.end + 80), parent.end)
    while True:
        aside = _PLACE_ASIDE.match(sentence, pos)
        item = _PLACE_ITEM.match(sentence, aside.end() if aside else pos)
        figure = read_number(item.group("num")) if item and (item.group("sep") or aside) else None
        if figure is None:
            break
        place = next((m for m in mentions if m.start == item.end()), None)
        end = place.end if place else item.end() + len(re.match(r"[\w'’ -]*", sentence[item.end():]).group(0))
        parts.append(replace(parent, start=item.start("num"), end=end, lo=figure[0], hi=figure[1],
                             party=(place.entity.side if place and place.entity.side else parent.party),
                             rule="place-by-place"))
        pos = end
    return parts


# The wounded as those an evacuation moves: "the evacuation of 200 injured people", "26 wounded people who
# are being evacuated" count evacuees, not the wounded of an attack.
_EVACUATION_OF = re.compile(r"(?i:\bevacuat\w*\s+(?:of\s+)?(?:the\s+)?)$")
_EVACUATED = re.compile(r"(?:\s+[\w'’-]+)?\s+(?i:who|that)\s+(?i:are|were|is|was|will\s+be|have\s+been|had\s+been)\s+"
                        r"(?i:being\s+)?(?i:evacuat)")


def _evacuated(sentence: str, raw: _Raw) -> bool:
    return bool(_EVACUATION_OF.search(sentence, 0, raw.start) or _EVACUATED.match(sentence, raw.end))


_IDENTIFIED = re.compile(r"\s+(?:(?:(?i:have|has|had)\s+)?(?:(?i:now)\s+)?(?i:been|are|were|is|was)\s+(?:\w+ly\s+)?"
                         r"(?i:identified)\b"
                         # the dead still to be found or named: some of them, not a toll
                         r"|(?i:have|has|had|are|were|is|was)\s+(?i:yet\s+to\s+be|not\s+(?:yet\s+)?been|still\s+not\s+been)"
                         r"\s+(?i:identified|recovered|found|retrieved|pulled\s+out)\b)")
_PART_OF = re.compile(r"\b(?i:of)\s+(?:(?i:the|all)\s+)?$")


def _identified(sentence: str, raw: _Raw) -> bool:
    """A count of the dead named so far ("nine bodies are tentatively identified") or still to be found or named
    ("six bodies have not yet been recovered", "54 bodies have yet to be identified"), some of them, not a toll;
    but "three of the five deceased have been identified" still counts five dead, and "11 victims killed in
    the shooting identified" the killed."""
    return bool(_IDENTIFIED.match(sentence, raw.end)) and not _PART_OF.search(sentence, 0, raw.start)


def _restated_figure(sentence: str, num_start: int) -> bool:
    """The number is the superseded figure of a correction ("after previously reporting 28"), or a former figure
    told as one ("Previously, the number of dead was 30")."""
    return (any(num_start - c.end() <= 3 for c in _CORRECTION.finditer(sentence, max(0, num_start - 60), num_start))
            or _SUPERSEDED.search(sentence, max(0, num_start - 80), num_start) is not None)


# "and", "but" or "as" before a new subject starts a clause of its own: "no one died and two were hurt", "its pain
# knows no end as it mourns 61 killed".
_NEW_SUBJECT = re.compile(rf"\b(?i:and|but|as|while|whereas)\s+(?=(?i:a|an|the|it|he|she|they|we)\s|(?:(?:{QUAL})\s+)?(?:{NUM})\s)")


def _negation_scope(sentence: str, start: int, figure: int) -> int:
    """Where the words that deny or doubt their own clause only may stand before a figure: after the last
    "and", "but" or "as" that opens a new subject ("the toll could rise and a high share of the 37 killed ...")."""
    return max((b.end() for b in _NEW_SUBJECT.finditer(sentence, start) if b.end() <= figure), default=start)


def _has_cue(sentence: str) -> bool:
    """``_CUE.search``, fast: lower-cased, the stems are plain literals that re scans for quickly.
    Only a non-ASCII sentence with no lower-case cue needs the case-insensitive scan (re folds a
    few non-ASCII letters onto ASCII ones: "ſ" matches "s")."""
    return bool(_LOWER_CUE.search(sentence.lower()) or not sentence.isascii() and _CUE.search(sentence))


# A question asks, it does not state: "Why was nobody warned before 30 died?"
_QUESTION = re.compile(r"\?[\s\"”’)]*$")


def _sentence_claims(sentence: str, published: datetime, default_claimant: str | None,
                     headline: bool, storms: frozenset[str] = frozenset()) -> tuple[_Raw, ...]:
    """The claims of one sentence, the entry's ``storms`` no places; read figures are shared between
    calls, not to be changed."""
    if figures := foreign_figures(sentence):  # another language's words: read by its own rules (languages.py)
        return _foreign_claims(sentence, figures, date(published.year, published.month, 1), storms)
    if not _has_cue(sentence) or _QUESTION.search(sentence):
        return ()
    # A claim depends on the publication month, not the day (_historical): copies, revisions and
    # restatements repeat sentences within a month, so each is read once.
    return _read_sentence(sentence, date(published.year, published.month, 1), default_claimant, headline, storms)


def _foreign_claims(sentence: str, figures: Sequence[Figure], published: date,
                    storms: frozenset[str]) -> tuple[_Raw, ...]:
    """Another language's figures, placed and dated as English ones are: the people or place their
    counted words name (not a storm's name, nor a namesake's), else the place of their sentence (its own
    language's names too), else the state it names, else the entry's place; never a state across a border."""
    mentions = [m for m in text_mentions(sentence, storms) if not beyond_border(sentence, m)]
    where = where_clause(sentence)
    return tuple(_Raw(f.start, f.end, f.outcome, f.lo, f.hi, f.population,
                      next(iter(sides_in(mentions, f.start, f.end)), None)
                      or (where and place_before_where(sentence, mentions, f.start, where))
                      or place_of(sentence, mentions, f.start) or f.named,
                      "historical" if _historical(sentence, f.start, f.end, published) else f.kind, rule=f.rule,
                      home=f.home)
                 for f in figures)


@lru_cache(maxsize=1 << 13)
def _figures(sentence: str) -> tuple[tuple[re.Match[str], str, _Raw], ...]:
    """``_raw_claims`` in text order: the costly part, which depends on the sentence alone (the same
    sentence may come with another claimant or month). Copy a figure before settling it."""
    return tuple(sorted(_raw_claims(sentence), key=lambda f: f[2].start))


@lru_cache(maxsize=1 << 13)
def _read_sentence(sentence: str, published: date, default_claimant: str | None, headline: bool,
                   storms: frozenset[str]) -> tuple[_Raw, ...]:
    found = [(m, source, replace(raw)) for m, source, raw in _figures(sentence)]
    if not found:
        return ()
    mentions = _GAZ.mentions(sentence, storms)
    lead = _HEADLINE_SOURCE.match(sentence) if headline else None
    out: list[_Raw] = []
    unsaid: _Raw | None = None
    for m, source, raw in found:
        c0, c1 = _clause(sentence, raw.start)
        if _unsaid(sentence, m, raw, c0) or unsaid and _more_of(sentence, unsaid, raw):
            unsaid = raw
            continue
        raw.claimant = (voice_in(mentions, 0, lead.end()) if lead else None) or claimant(
            sentence, mentions, raw.start) or default_claimant
        if raw.party == "@claimant" and raw.claimant is None:  # "X raised the toll among its nationals": X's
            raw.claimant = voice_in(mentions, c0, raw.start)
        if out:
            own_place = (place_right_after(sentence, mentions, raw.end)
                         or place_before_where(sentence, mentions, raw.start)
                         or place_right_before(sentence, mentions, raw.start))
            _continue_from(out[-1], raw, sentence[out[-1].end:raw.start], source, own_place)
            _share_floor(sentence, out[-1], raw, source)
            if raw.inherit and len({o.party for o in out if o.party}) > 1:
                raw.party = "all"  # "9 died in Turkey and 3 in Syria, bringing the total to 12": both sides'
        if not raw.outcome:
            continue
        raw.home = raw.home or (raw.population == "military" and bool(_HOME_FORCES.search(sentence, raw.start, raw.end))
                                and not _ABROAD_FORCES.search(sentence, raw.start, raw.end))
        raw.crowd = bool(_CROWD.search(sentence, raw.start, raw.end))
        raw.home_struck = raw.population != "military" and bool(
            _HOME_STRIKERS.search(sentence, 0, raw.start) if raw.active
            else _HOME_STRIKERS.search(sentence, raw.end, _figure_clause_end(sentence, c1, raw.end)))
        raw.striker = ((striker(sentence, mentions, raw.start) or attackers_struck(sentence, raw.start)) if raw.active
                       else striker_after(sentence, mentions, raw.end, _figure_clause_end(sentence, c1, raw.end)))
        if raw.party is None:
            raw.party = _party_of_figure(sentence, m, raw, source, mentions, (c0, c1))
        raw.population = raw.population or "all"
        raw.kind = _kind_of_figure(sentence, m, raw, published, (c0, c1))
        if _outranked(sentence, m, raw):
            raw.lo, raw.hi, raw.kind = 1, 1, "increment"
        raw.wide = source == "bringing" and raw.party != "@claimant" and not sides_in(
            mentions, m.start("gap"), m.end("gap"))
        out.append(raw)
        parts = _split(sentence, raw, mentions, raw.end) or _split_by_side(sentence, raw, mentions, raw.end)
        out.extend(parts or _by_place(sentence, raw, mentions))
        raw.where = _named_after(sentence, m, raw)  # not its parts': each of their own place
    for a, b in reversed(list(zip(out, out[1:]))):
        # "Two brothers were killed and two others injured in the town of Shihah": one place for both; a place
        # comes after its figures, so the later figure's party is passed on first.
        if _LINK.match(sentence[a.end:b.start]):  # the attackers' side is only the group their noun names
            a.party = a.party or (b.party if b.party != "@attackers" else None)
            b.party = b.party or (a.party if a.party != "@attackers" else None)
    return tuple(out)


_AND_MORE = re.compile(rf"(?:,|\b(?i:and|while))\s+(?:(?P<inc>{_ialt(_LEX['increment']['before'])})\s+)?$")
_MORE_AFTER = re.compile(rf"\S+\s+(?:{_INC_AFTER})\b")


def _more_of(sentence: str, figure: _Raw, then: _Raw) -> bool:
    """The next figure is more of the last one ("20 had been shot and killed and another 42 wounded", "6 died
    and 9 more were hurt"): more of a figure that is doubted or superseded is doubted as well."""
    joined = _AND_MORE.search(sentence, figure.end, then.start)
    return bool(joined and (joined.group("inc") or _MORE_AFTER.match(sentence, then.start)))


def _unsaid(sentence: str, m: re.Match[str], raw: _Raw, c0: int) -> bool:
    """The figure is denied, doubted or superseded, or counts evacuees or the dead named so far: no claim. Words
    that doubt their own clause only are read in the number's clause ("flags will be flown for the dead — at least
    20 —" doubts no count)."""
    num_at = m.start("num") if m.groupdict().get("num") else raw.start
    window = sentence[max(c0, raw.start - 60):raw.end]
    own_clause = sentence[_negation_scope(sentence, max(_clause(sentence, num_at)[0], raw.start - 60), raw.start):raw.end]
    return bool(_NEGATION.search(window) or _LOCAL_NEGATION.search(own_clause) or _restated_figure(sentence, num_at)
                or raw.outcome == "wounded" and _evacuated(sentence, raw) or _identified(sentence, raw))


def _outranked(sentence: str, m: re.Match[str], raw: _Raw) -> bool:
    """An ordinal death after a larger total of its sentence ("the storm's toll is 30 across the region, and one
    county now reports a third death") ranks it within a part of the total: one more death, not the toll so far. Not
    one the total then counts in ("a 15th death in the state, bringing the toll to 17": the state's 15)."""
    if not (m.groupdict().get("list") and _ORDINAL.match(m.group("list"))):
        return False
    return any(source in ("toll", "bringing") and total.outcome == raw.outcome and total.lo > raw.lo
               and total.end <= raw.start for _, source, total in _figures(sentence))


_NAMED_AFTER = re.compile(r"\s+(?i:in|near|at)\s+(?:the\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")


def _named_after(sentence: str, m: re.Match[str], raw: _Raw) -> str | None:
    """The name of the place where a figure's people were, right after them or their fate ("3 martyrs in Daraa",
    "3 people who were killed in Homs"), as written: two like figures of two places are two."""
    loc = m.groupdict().get("loc")
    found = _NAMED_AFTER.match(loc) if loc else _NAMED_AFTER.match(sentence, raw.end)
    return found.group("name") if found else None


_FLOOR_LEAD = re.compile(rf"(?P<qual>{QUAL})\s")
_BARE_AND = re.compile(r"\s*,?\s*(?i:and)\s+$")


def _share_floor(sentence: str, prev: _Raw, raw: _Raw, source: str) -> None:
    """"At least 12 dead and 40 injured": a floor before the first of two figures with no verb is the second's
    too, when the second has no qualifier of its own (not "killed at least 37 and wounded 36", nor "at least
    four were killed and ten injured", where the floor is the first clause's)."""
    lead = _FLOOR_LEAD.match(sentence, prev.start)
    if (source == "after" and prev.rule == raw.rule == "count-then-outcome" and lead and prev.hi is None
            and qualifier_kind(lead.group("qual")) == "at_least" and raw.hi == raw.lo
            and _BARE_AND.match(sentence, prev.end, raw.start) and not _FLOOR_LEAD.match(sentence, raw.start)
            and not _FINITE.search(sentence, prev.start, raw.end)):
        raw.hi = None


def _continue_from(prev: _Raw, raw: _Raw, gap: str, source: str, own_place: str | None) -> None:
    """What a figure takes from the one before it in the sentence, by the words between them; not its
    party where a place follows it ("a toll of 90 in A, with 30 dead in B and 5 dead in C": each its own)."""
    if raw.population is None:
        raw.home = prev.home  # "killed five police officers, wounded seven others": police too, fallen at home
    if _INCLUDING.match(gap):
        raw.party, raw.kind = raw.party or prev.party, raw.kind or prev.kind
        raw.population = raw.population or prev.population
    elif raw.inherit or (raw.population is None and _LINK.match(gap)):
        # "... killed and 19 wounded", "bringing the total to 58": the figure continues the last one.
        raw.outcome = raw.outcome or prev.outcome
        raw.population = raw.population or prev.population
        raw.party = raw.party or own_place or prev.party
        if raw.kind is None and prev.kind in ("cumulative", "increment") and source != "before":
            raw.kind = prev.kind
    elif raw.population is None:
        raw.population, raw.party = prev.population, raw.party or own_place or prev.party  # "wounding two others"


# "... in the Caribbean island of X" is X's, not the whole region's.
_WIDE_REGION = re.compile(r"\s+(?i:in|across|throughout)\s+(?:the\s+)?(?:(?i:north|south|east|west|central)(?i:ern)?\s+)?"
                          rf"(?:{alternation(_LEX['wide_regions']['names'])})(?![\w-])"
                          r"(?!\s+(?i:islands?|nations?|countr(?:y|ies)|states?|cit(?:y|ies)|towns?|coast)\b)")
_SUBSET = re.compile(rf"(?<![\w-]){_ialt(_LEX['subset']['words'])}(?![\w-])")


_ATTACKED = compiled_patterns(_LEX["attackers"]["attacked"])


def _of_the_attackers(sentence: str, m: re.Match[str], start: int) -> bool:
    """"N of them" after a clause on who attacked ("the five who carried out the raid ... four of them died"):
    the attackers counted."""
    poss = m.groupdict().get("poss")
    return bool(poss and poss.lower() in ("them", "those") and _ATTACKED.search(sentence, 0, start))


def _party_of_figure(sentence: str, m: re.Match[str], raw: _Raw, source: str, mentions: Sequence[Mention],
                     clause: tuple[int, int]) -> str | None:
    """The party of a figure the text did not attach one to: the attackers a noun phrase names, a
    place inside its noun phrase, "all", the side of the place of its clause, or of the sentence."""
    c0, c1 = clause
    mentions = [x for x in mentions if not source_place(sentence, x)]  # a source's place is not the figure's
    if subset := _SUBSET.search(sentence, raw.end):  # "..., including two members of X": X is some of them, not all
        mentions = [x for x in mentions if x.start < subset.start()]
    groups = m.groupdict()
    counted = (sentence[raw.start:raw.end] if raw.rule == "people-counted"  # "nine tourists and four guards": each its own
               else m.group("np") if groups.get("np") else m.group("list") if groups.get("list") else "") or ""
    if ATTACKERS.search(counted) or _of_the_attackers(sentence, m, raw.start):
        # the attackers' dead: a group the noun phrase names (else the entry's), never where they fell or who reports them
        return next(iter(sides_in(mentions, m.start(), m.end())), "@attackers")
    if source == "lost" and (loser := _loser(sentence, m, mentions, c0)):
        return loser
    if source == "toll":  # "Gaza death toll", "Ukraine's civilian toll"
        np_span = (max(0, m.start() - 25), m.end("head"))
    elif raw.rule == "people-counted":  # "30 Palestinians and 2 Israelis": each group its own
        np_span = (raw.start, raw.end)
    else:
        np_span = m.span("np") if groups.get("np") else m.span("list") if groups.get("list") else (0, 0)
        if re.match(r"\s+(?i:from|of)\s", groups.get("loc") or ""):  # "brothers from Artsakh", "members of Hamas"
            np_span = (np_span[0] or m.start("loc"), m.end("loc"))
    # a toll's striker is not whose dead it counts: "Israeli strikes death toll"
    named = [x for x in mentions if not striker_word(sentence, x, weapon=True)] if source == "toll" else mentions
    if in_np := next(iter(sides_in(named, *np_span)), None):
        return in_np
    if _GAP_FOREIGN.search(counted):
        return "@foreign"  # "two foreign journalists": strangers to the place they fell in, of no side it names
    if _WIDE_REGION.match(sentence, raw.end) or (groups.get("gap") and _WIDE_REGION.search(sentence, *m.span("gap"))):
        return "all"  # "nine deaths across the Balkans", "its toll across the Caribbean to 40": not one state's
    total = source in ("toll", "bringing")
    if (_ALL_SIDES.search(sentence, c0, c1) or _ALL_SIDES.search(sentence, raw.start, min(len(sentence), raw.end + 40))
            or _all_sides_lead(sentence, raw.start) or place_of(sentence, mentions, total=total) == "all"):
        return "all"
    if raw.population == "military" and not raw.home:
        return None
    party = (place_side(sentence, mentions, c0 if raw.active else raw.start, _figure_clause_end(sentence, c1, raw.end))
             or place_before_where(sentence, mentions, raw.start))
    if party:
        return party
    place = _antecedent_place(sentence, mentions, c0) or place_of(sentence, mentions, raw.start, total=total)
    return None if _striker_place(raw, place) else place


# Between the loser and its verb: its forces at most ("Russia has lost", "Ukrainian forces lost", "Israel's army lost").
_LOSER_TAIL = re.compile(r"(?:['’]s)?(?:\s+(?i:army|military|forces|armed\s+forces|troops|side))?\s+")
_WE = re.compile(r"\b(?i:we|our\s+(?:country|nation|side|army|forces|military))\s+(?:\w+\s+){0,2}$")


def _loser(sentence: str, m: re.Match[str], mentions: Sequence[Mention], c0: int) -> str | None:
    """Who lost the people counted, their subject right before the verb: "Russia has lost 2,800 troops", "Ukrainian
    forces lost 12 soldiers"; "we have lost 31 soldiers" is the claimant's."""
    start = max(c0, m.start() - 40)
    if _WE.search(sentence, start, m.start()):
        return "@claimant"
    return next((x.entity.side for x in mentions if x.entity.side and start <= x.start
                 and _LOSER_TAIL.fullmatch(sentence, x.end, m.start())), None)


def _striker_place(raw: _Raw, place: str | None) -> bool:
    """A place outside the figure's clause that is the striker's own, where another side states the figure ("crowds
    marched in Baku, and Azerbaijani troops killed 20, Armenian officials said"): the striker's side is
    no evidence of whose dead they are, the claimant's side is (a side's own forces may kill its people, but then
    the place is the figure's own: "troops killed 30 in Idlib")."""
    entity = _GAZ.entities.get(raw.claimant or "")
    return (place is not None and place == raw.striker and entity is not None and entity.side is not None
            and entity.side != place)


_RELATIVE = re.compile(r"\s*(?i:which|that)\s")


def _antecedent_place(sentence: str, mentions: list[Mention], start: int) -> str | None:
    """The side of the place a relative clause's antecedent names, where the clause names none ("the attack
    in the Turkish capital, which killed 34"): that place's dead, not the sentence's first state's."""
    if start > 0 and _RELATIVE.match(sentence, start):
        return place_side(sentence, mentions, _clause(sentence, start - 1)[0], start)
    return None


def _all_sides_lead(sentence: str, start: int) -> bool:
    """A total across sides announced by the sentence's opening word, set off by a comma ("Overall, 16 deaths
    are blamed on the storm that may hit Florida"): the places after it are not whose dead they are."""
    lead_end = _clause(sentence, 0)[1]
    return lead_end < start and len(sentence[:lead_end].split()) == 1 and bool(_ALL_SIDES.search(sentence, 0, lead_end))


def _kind_of_figure(sentence: str, m: re.Match[str], raw: _Raw, published: date, clause: tuple[int, int]) -> str | None:
    """historical, correction, increment or cumulative, by the words around the figure."""
    if _historical(sentence, raw.start, raw.end, published):
        return "historical"
    if _CORRECTION.search(sentence, raw.end, min(len(sentence), raw.end + 60)):
        return "correction"
    # "shelling killed another five" adds to a toll; "killed 12 and wounded another 40" is one incident's
    joined = _BARE_AND.search(sentence, 0, m.start())
    if (m.groupdict().get("more") or ((m.groupdict().get("inc") or m.groupdict().get("qinc")) and not joined)
            or _INC_BEFORE.search(sentence, 0, raw.start)
            or (m.groupdict().get("list") and m.group("list").lower().startswith("another"))):
        return "increment"
    if m.groupdict().get("list") and _ORDINAL.match(m.group("list")):
        return "cumulative"
    if raw.kind is None and _CUMULATIVE.search(sentence, *clause):
        return "cumulative"
    return raw.kind


def _resolve_party(raw: _Raw, place: str | None, strikers: set[str], kinds: Mapping[str, str]) -> str:
    """Whose casualties: found in the sentence; for soldiers (not police, who fall at home), or
    "its"/"their" dead, the claimant's side ("Israel says 3 soldiers killed", not after an active verb,
    where the claimant may be the one who killed, unless another side is named as the striker); for others
    the place of the entry unless the entry says that side struck (then a claimant of another side's: "Israeli
    forces killed 10, the Gaza ministry said"), else the claimant's side; else the entry's "@unsided". An armed
    group that counts soldiers counts its enemies ("a Taliban spokesman said 15 soldiers were killed"), unless it
    says "its". A party the words give only by a kind of people ("@attackers", "@foreign") is the entry's ``kinds``."""
    if raw.party in kinds:
        return kinds[raw.party]
    if raw.party and raw.party != "@claimant":
        return raw.party
    entity = _GAZ.entities.get(raw.claimant or "")
    # after an active verb the claimant may be who killed, unless the sentence names another side as the striker
    voice = (None if entity is None or (raw.active and raw.party is None and raw.striker in (None, entity.side))
             else entity.side)
    if entity is not None and entity.kind == "armed_group" and raw.population == "military" and raw.party != "@claimant":
        voice = None
    if raw.population == "military" and not raw.home or raw.party == "@claimant":
        return voice or "unknown"  # fighters die far from home: where they fell does not say whose they were
    if place in strikers:  # the entry's place is the side that struck ("Israeli forces killed 10"): not whose dead
        return voice if voice and voice not in strikers else "unknown"
    if raw.rule == "total-toll" and voice and entity is not None and entity.kind == "state":
        return voice  # a state's own toll: "Peru's health ministry says the toll rose to 40"
    if place == "all" and voice:
        return voice  # a side's own count in an entry on two ("Ukraine says 3 killed" on a Russia-Ukraine blog)
    return place or voice or kinds["@unsided"]


def _restates(a: CasualtyClaim, b: CasualtyClaim) -> bool:
    """b says what a says, maybe less precisely: the headline restating the body. An open figure restates an
    exact one only when counted alike: "death toll rises to 10" and "at least 10 were killed" are two claims;
    "another two deaths" adds to "two workers were shot dead", it does not restate it."""
    return (a.outcome == b.outcome and a.min == b.min
            and (a.max == b.max or (None in (a.max, b.max) and a.kind == b.kind))
            and (a.kind == "historical") == (b.kind == "historical")
            and (a.kind == "increment") == (b.kind == "increment")
            and b.party in (a.party, "unknown") and b.population in (a.population, "all"))


def _settles(earlier: CasualtyClaim, later: CasualtyClaim, later_sentence: bool) -> bool:
    """An exact figure in a later sentence after an open one ("killing at least seven" ... "seven died: two
    infants and five adults") settles the count: a second claim, not a restatement. The other way round, an
    exact headline over an open body ("12 die" ... "at least 12 were killed"), the headline rounds the body."""
    return later_sentence and earlier.max is None and later.max is not None


# "85 miles west of", "40km (25 miles) from": the place after measures a distance.
_DISTANCE_FROM = re.compile(r"\d\s*(?i:miles?|mi|km|kilomet(?:re|er)s?)\s+(?:\([^()]{0,20}\)\s+)?"
                            r"(?:(?i:(?:north|south)?(?:-?(?:east|west))?(?:ern)?)\s+)?(?i:of|from)\s+(?:the\s+)?$")


@lru_cache(maxsize=1 << 12)
def _towns_and_regions(text: str) -> Mapping[str, frozenset[str]]:
    """The towns and regions a sentence names, each with the regions it lies in: finer than a state, they tell two
    incidents apart. A place that only measures a distance ("85 miles west of San Antonio") is not where anything
    happened."""
    return MappingProxyType({m.entity.slug: frozenset(s for s in m.entity.places if _GAZ.entities[s].kind != "state")
                             for m in _GAZ.mentions(text) if m.entity.kind in PLACE_KINDS
                             and not _DISTANCE_FROM.search(text, max(0, m.start - 60), m.start)})  # cached: read-only


def _apart(here: Mapping[str, frozenset[str]], there: Mapping[str, frozenset[str]]) -> bool:
    """Two sentences' places share none, a town sharing its region ("in Gaza" ... "Gaza City")."""
    return not (here.keys() & frozenset().union(*there.values()) or there.keys() & frozenset().union(*here.values()))


def _other_place(a: CasualtyClaim, b: CasualtyClaim, same_sentence: bool, a_in: str | None, b_in: str | None) -> bool:
    """Two figures of one place-by-place list ("10 in Aleppo, 8 in Homs, 10 in Hama" are three), of one sentence
    and of two precisions ("two dead ... at least two killed"), of two places named right after them (``a_in``,
    ``b_in``: "3 killed in Homs" ... "3 martyrs in Daraa"), or of sentences naming towns or regions none of which
    they share: one incident here, another there."""
    named_apart = bool(a_in and b_in and not (a_in.startswith(b_in) or b_in.startswith(a_in)))
    if same_sentence:
        return any(r.endswith(("place-by-place", "split-by-place", "split-by-side")) for r in (a.rule, b.rule)) \
            or a.max != b.max or named_apart
    if named_apart:
        return True
    here, there = _towns_and_regions(a.text), _towns_and_regions(b.text)
    return bool(here and there and _apart(here, there))


def _once_each(claims: list[tuple[CasualtyClaim, bool, int]],
               wheres: list[str | None]) -> list[tuple[CasualtyClaim, bool, int]]:
    """Each figure once: one stated twice in the entry (the headline restating the body) is kept in its most
    specific form; like figures of two places (``wheres``, the place named right after each) stay two."""
    kept: list[tuple[CasualtyClaim, bool, int, str | None]] = []
    for (claim, in_body, index), where in zip(claims, wheres):
        twin = next((i for i, (k, _, at, there) in enumerate(kept) if not _other_place(k, claim, at == index, there, where)
                     and not _settles(k, claim, at < index) and (_restates(k, claim) or _restates(claim, k))), None)
        if twin is None:
            kept.append((claim, in_body, index, where))
        elif _specificity(claim, in_body) > _specificity(*kept[twin][:2]):
            kept[twin] = (claim, in_body, index, where)
    return [(claim, in_body, index) for claim, in_body, index, _ in kept]


_KIND_RANK = {"incident": 0, "increment": 1, "cumulative": 2, "correction": 3, "historical": 0}


def _specificity(c: CasualtyClaim, in_body: bool) -> tuple[bool, bool, int, bool, bool]:
    return (c.party != "unknown", c.population != "all", _KIND_RANK[c.kind], c.max is None, in_body)


def _same_forces(earlier: list[CasualtyClaim]) -> str | None:
    """The one side whose soldiers the entry counted before with the same fate: "At least 1,030 Russian soldiers died
    overnight ... About 1,900 soldiers died in two days" are its soldiers again, where nothing names theirs."""
    sides = {c.party for c in earlier if c.population == "military"}
    return sides.pop() if len(sides) == 1 and not sides & {"unknown", "all"} else None


def _sole_state(place: str | None, named: Sequence[Mention]) -> str | None:
    """The entry's place when it is a state and the only one the entry names (armed groups aside; NATO counts as
    another side): a second state named may be where soldiers came from, or whose people died."""
    entity = _GAZ.entities.get(place or "")
    if entity is None or entity.kind != "state":
        return None
    others = {m.entity.side or m.entity.slug for m in named
              if m.entity.kind != "armed_group" and (m.entity.kind != "organisation" or m.entity.slug == "nato")}
    return place if others <= {place} else None


def _insurgents_home(state: str | None, strikers: set[str], named: Sequence[Mention], texts: Sequence[str]) -> str | None:
    """The state whose soldiers insurgents kill at home: where the entry's attackers are militants, jihadists,
    gunmen or an armed group ("more than a dozen soldiers died in an attack by terrorist groups" on Burkina Faso),
    its sole state. Not where it names a second state or an alliance (soldiers abroad: "four soldiers killed by
    insurgents in Helmand" on a NATO blog), nor where that state is said to have struck."""
    if state is None or state in strikers:
        return None
    attackers = any(ATTACKERS.search(text) for text in texts) or any(m.entity.kind == "armed_group" for m in named)
    return state if attackers else None


_OTHERS = re.compile(r"\b(?i:another|other|more(?!\s+than))\b")


def _across_sides(claims: list[tuple[CasualtyClaim, bool, int]], wide: list[bool]) -> list[tuple[CasualtyClaim, bool, int]]:
    """A total "brought to" a figure, its words naming no side, in an entry whose other figures are of two
    sides or more, is all sides' ("one died in Anguilla, raising the storm's toll to 10"; "8 more on St Martin"):
    not the side of the figure it follows, nor of the entry's first place."""
    sides = {c.party for (c, _, _), w in zip(claims, wide) if not w} - {"unknown", "all"}
    if len(sides) < 2:
        return claims
    return [(c.model_copy(update={"party": "all"}) if w else c, b, i) for (c, b, i), w in zip(claims, wide)]


_FURNITURE = re.compile("|".join(f"(?:{p})" for p in _LEX["furniture"]["patterns"]))


def extract_claims(headline: str, body: str, published_at: datetime, title: str = "") -> list[CasualtyClaim]:
    """All casualty claims of one entry, headline first. A figure stated twice in the entry (the
    headline restating the body, "Two brothers were killed" after "killed two civilians") is kept
    once, in its most specific form. ``title``, the blog's, places figures the entry does not. Links to
    other stories after the entry's text are not read."""
    if furniture := _FURNITURE.search(body):
        body = body[:furniture.start()]
    storms = storm_names(headline, body, title)
    fighting = tells_fighting((headline, body, title))
    place, storms = masked_place(headline, body, title, storms, fighting)
    claims: list[tuple[CasualtyClaim, bool, int]] = []
    head, *rest = split_sentences(headline) or [headline]
    head_raws = _sentence_claims(head, published_at, None, headline=True, storms=storms)
    lead = _HEADLINE_SOURCE.match(headline)
    default = None
    if lead:
        default = voice_in(_GAZ.mentions(lead.group(1)), 0, len(lead.group(1)))
    if default is None:
        default = claimant(headline, _GAZ.mentions(headline), len(headline)) if REPORTING.search(headline) else None
    sentences = [(head, head_raws)] + [
        (s, _sentence_claims(s, published_at, default, headline=False, storms=storms)) for s in [*rest, *split_sentences(body)]
    ]
    # a side one sentence says struck is not whose dead the others count, where the entry names no other place
    strikers = {raw.striker for _, raws in sentences for raw in raws if raw.striker}
    named = [m for text in (headline, body, title) for m in text_mentions(text, storms)]
    kinds = entry_kinds(named, any(raw.party == "@attackers" for _, raws in sentences for raw in raws), fighting)
    sole_state = _sole_state(place, named)
    insurgents_home = _insurgents_home(sole_state, strikers, named, (headline, body, title))
    wide: list[bool] = []
    wheres: list[str | None] = []
    for index, (sentence, raws) in enumerate(sentences):
        for raw in raws:
            if _one_of_them(sentences, index, raw):
                continue
            if raw.party is None and _OTHERS.search(sentence, max(0, raw.start - 8), raw.end):
                # "another 15 service members", "six more soldiers": of the group an earlier sentence counted
                earlier = next((c.party for c, _, at in reversed(claims) if at < index and c.party != "unknown"), None)
                raw = replace(raw, party=earlier) if earlier else raw
            party = _resolve_party(raw, place, strikers, kinds)
            if party == "unknown" and raw.party in (None, "@claimant") and raw.population == "military":
                party = (_same_forces([c for c, _, at in claims if at < index and c.outcome == raw.outcome])
                         or insurgents_home or party)
            if party == "unknown" and raw.crowd and raw.party is None:
                party = sole_state or party  # protesters its own forces killed are the one state's the entry names
            if party == "unknown" and raw.home_struck and raw.party is None:
                # those its forces at home killed are the one state's the entry names, where it names no place but them
                party = _sole_state(place or raw.striker, named) or party
            claims.append((CasualtyClaim(
                party=party, population=raw.population, outcome=raw.outcome,
                kind=raw.kind or "incident", min=raw.lo, max=raw.hi, claimant=raw.claimant, text=sentence.strip(),
                rule=raw.rule), index > 0, index))
            wide.append(raw.wide)
            wheres.append(raw.where)
    kept = _once_each(_across_sides(claims, wide), wheres)
    return _without_lone_victims([claim for claim, _, _ in kept])


_ONE_OF_THEM = compiled_patterns(_LEX["one_of_them"]["patterns"])
_PRONOUN_AT = re.compile(rf"{_PRONOUN}\s")


def _one_of_them(sentences: Sequence[tuple[str, tuple[_Raw, ...]]], index: int, raw: _Raw) -> bool:
    """"One of the dead was a retired teacher. She was killed on her way home": a pronoun's one person, told as one
    of the dead counted, is no figure of their own."""
    return (raw.rule == "people-listed" and _PRONOUN_AT.match(sentences[index][0], raw.start) is not None
            and any(_ONE_OF_THEM.search(sentence) for sentence, _ in sentences[:index + 1]))


# "was also killed"; a sentence that opens with "Also" tells another incident ("Also in Wisconsin, the cold killed ...")
_ALSO = re.compile(r"\b(?i:also)\s+(?:(?i:been)\s+)?(?i:killed|died|wounded|injured|hurt|shot)\b|^\s*Also\b")


def _without_lone_victims(claims: list[CasualtyClaim]) -> list[CasualtyClaim]:
    """One person named after the entry counted more dead or wounded of one incident and side ("seven deaths
    ... the death of a 78-year-old man") is most likely one of them, told for who they were: no claim of their
    own. Not "another" one, one "also" killed, nor one after a total ("raises the toll to four"), which count the
    one as new."""
    return [c for i, c in enumerate(claims) if not (
        c.rule == "people-listed" and c.kind == "incident" and c.min == c.max == 1 and not _ALSO.search(c.text)
        and any(k.outcome == c.outcome and k.party == c.party and k.kind == "incident" and k.min > 1 for k in claims[:i]))]


def dated_earlier(claim: CasualtyClaim) -> bool:
    """The claim's incident is dated earlier in the day ("in the morning"): a running total
    published since may already include it."""
    return bool(_EARLIER.search(claim.text))
