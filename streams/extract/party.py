"""Whose side a text's words point to: where it says something happened, who it says struck, and who says so.

A figure's dead are most often the side of the place they fell in, so the place has to be told apart from the other
ways a text names a side: a side that struck ("Israeli fire", "a US strike") or that qualifies what follows
("Armenia's shelling"), the place of a source ("a reporter in Denmark says"), a town a later region places
elsewhere ("Santa Fe, Texas"), or a small city far from the blog's subject that may only share a name with a place
there. These readings work on a text and its gazetteer mentions alone; casualties.py applies them to its figures.
The words come from data/casualty_lexicon.toml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from streams.extract.languages import beyond_border, place_lead, text_mentions
from streams.extract.lexicon import (PARTY_KINDS, PLACE_KINDS, Mention, alternation, casualty_lexicon, continent,
                                     gazetteer)
from streams.extract.lexicon import case_insensitive_alternation as _ialt
from streams.extract.lexicon import compiled_patterns
from streams.extract.numbers import counts_people

_LEX = casualty_lexicon()


def voice_in(mentions: Sequence[Mention], start: int, end: int) -> str | None:
    """Whose voice the first mention inside ``start``..``end`` is: the side its people, state or group speak for."""
    return next((m.entity.voice for m in mentions if start <= m.start < end), None)


def sides_in(mentions: Sequence[Mention], start: int, end: int) -> list[str]:
    """The sides of the mentions inside ``start``..``end``, in text order."""
    return [m.entity.side for m in mentions if start <= m.start < end and m.entity.side]


# --- who says so ---------------------------------------------------------------------------
# "States" capitalised inside a sentence is a name's ("the United States", "the Gulf States"), not a verb.
REPORTING = re.compile(rf"(?<![\w-])(?!(?<=\w\s)States\b){_ialt(_LEX['reporting']['verbs'])}(?![\w-])")
_ACCORDING = re.compile(r"\b(?:according to|citing)\s", re.IGNORECASE)
# Only the sentence's end after a reporting verb: its subject is the words after the last comma before it.
_ENDS_SENTENCE = re.compile(r"[\s.!?\"”’)]*$")
_SUBJECT_BREAK = re.compile(r";|\b(?:while|whereas|but)\b|,\s+and\b", re.IGNORECASE)


def claimant(sentence: str, mentions: Sequence[Mention], pos: int) -> str | None:
    """Who states the figure: "according to X", the subject of the nearest reporting verb before
    it ("Baku said several ..."), or a trailing attribution (", Ukraine's military said.")."""
    acc = _ACCORDING.search(sentence)
    if acc:
        found = voice_in(mentions, acc.end(), acc.end() + 60)
        if found:
            return found
    before = [v for v in REPORTING.finditer(sentence, 0, pos)]
    if before:
        verb = before[-1]
        seg = 0
        for b in _SUBJECT_BREAK.finditer(sentence, 0, verb.start()):
            seg = b.end()
        if _ENDS_SENTENCE.match(sentence, verb.end()):  # "Rallies in Baku turn violent, Armenian ministry says"
            seg = max(seg, sentence.rfind(",", 0, verb.start()) + 1)
        return voice_in(mentions, seg, verb.start())
    source = _trailing_source(sentence, pos)
    return voice_in(mentions, *source) if source else None


# A passive that names no one who says: "six have been reported dead" (but "was quoted as saying" names the subject).
_PASSIVE = re.compile(r"\b(?i:been|was|were|is|are|be|being)\s+(?i:reported|confirmed|announced)$")


def _trailing_source(sentence: str, pos: int) -> tuple[int, int] | None:
    """The span naming who states a figure after it, between a comma and the verb (", Ukraine's military said");
    a passive "reported" names no one ("..., including Uganda where six have been reported dead"): the next verb may."""
    after = next((v for v in REPORTING.finditer(sentence, pos)
                  if not _PASSIVE.search(sentence, max(0, v.start() - 8), v.end())), None)
    if after:
        seg = sentence.rfind(",", 0, after.start()) + 1
        if seg > pos:
            return seg, after.start()
    return None


_SENTENCE_END = re.compile(r"[.!?]\s")


def _in_trailing_source(text: str, m: Mention) -> bool:
    """The mention names where a source is, after a comma ("..., a reporter in Denmark says"), not where it happened."""
    comma = text.rfind(",", 0, m.start)
    span = _trailing_source(text, comma) if comma >= 0 else None
    return span is not None and span[0] <= m.start < span[1] and not _SENTENCE_END.search(text, span[0], span[1])


# Where a speaker is, in a participle: "Guterres, speaking in New York, said ...", "Writing from Kyiv, ...".
_SPEAKING_IN = re.compile(r"\b(?i:speaking|writing|reporting)\s+(?i:in|at|from)\s+(?:the\s+)?"
                          r"(?:[A-Z][\w'’.-]*\s+){0,3}$")


def source_place(text: str, m: Mention) -> bool:
    """The mention names where a source is ("..., a reporter in Denmark says", "speaking in New York"), not
    where it happened."""
    return _in_trailing_source(text, m) or bool(_SPEAKING_IN.search(text, max(0, m.start - 60), m.start))


# --- who struck ----------------------------------------------------------------------------
ATTACKERS = re.compile(rf"(?<![\w-]){_ialt(_LEX['attackers']['words'])}(?![\w-])")
_FIGHTING = compiled_patterns(_LEX["fighting"]["patterns"])
# What follows a strike names its target: "a US strike on Baghdad", "air raids against Mosul".
_ON_TARGET = re.compile(r"\s+(?i:on|against)\s")
_ATTACK_WHERE = frozenset(_LEX["strikers"]["where"])
_DISASTER_WORDS = frozenset(_LEX["disasters"]["words"])  # "fire": a state's forces' or a disaster's
_STRIKER = re.compile(rf"(?P<own>['’]s)?(?:\s+(?:{_ialt(_LEX['strikers']['services'])})){{0,2}}\s+"
                      rf"(?P<noun>{_ialt(_LEX['strikers']['words'])})(?![\w-])")


# People of a force whose verb says they struck: "when Indian forces fired shells", "as Russian troops shelled".
_FORCES_STRUCK = re.compile(rf"\s+(?:{_ialt(_LEX['strikers']['acts'])})(?![\w-])")


def tells_fighting(texts: Sequence[str]) -> bool:
    """Sides fight in the entry or its blog (``texts``: "clashes", "shelling", "troops"): then a figure is not
    simply every side's, and a small city far away may well be where they fight."""
    return any(_FIGHTING.search(t) for t in texts)


def striker_word(text: str, m: Mention, *, side: bool = False, weapon: bool = False) -> bool:
    """A striker's word follows the mention ("Israeli fire", "Russia's shelling", "a Hamas attack").

    With ``weapon``, a weapon or act ("Israeli strikes death toll", "Russian missile attack"), not its people:
    "Russian troops" may be the dead themselves. With ``side``, words that name the mention's side as who struck: its
    people's adjective, its possessive or an armed group before the word, a state's name before a weapon ("a US
    strike", "Israel fire kills 3" where sides fight) or before an attack on a target ("a Pakistan attack on ...");
    not a state's name before an attack alone ("the Sri Lanka attacks" were there), nor before a disaster's word where
    the text tells no fighting ("the Turkey fire"). Both: the side struck, and the mention is not where it happened
    ("in a Hamas attack on ...", "in a US strike"; but "20 killed in Pakistan attack" is there)."""
    hit = _STRIKER.match(text, m.end)
    if hit is None or (weapon and counts_people(hit.group("noun")) and not _FORCES_STRUCK.match(text, hit.end())):
        return False
    if not side:
        return True
    if m.entity.kind not in PARTY_KINDS:
        return False
    noun = hit.group("noun").lower()
    there = noun in _ATTACK_WHERE or noun in _DISASTER_WORDS and not _FIGHTING.search(text)
    return (m.adjective or bool(hit.group("own")) or m.entity.kind == "armed_group" or not there
            or _ON_TARGET.match(text, hit.end()) is not None)


def striker(sentence: str, mentions: Sequence[Mention], pos: int) -> str | None:
    """The side that struck, named before the verb: "Israeli forces ... killed", "Russian shelling killed"."""
    return next((m.entity.side for m in reversed(mentions) if m.end <= pos and striker_word(sentence, m, side=True)),
                None)


def attackers_struck(sentence: str, pos: int) -> str | None:
    """Attackers named before an active figure ("militants attacked a checkpoint, killing 23 soldiers") struck: then
    who states the figure is not who killed, and soldiers counted by their own side are that side's."""
    return "@attackers" if ATTACKERS.search(sentence, 0, pos) else None


# What leads the side that struck after a passive figure: "killed by Israeli forces", "in a Russian strike", "when
# Russian missiles hit"
_STRUCK_BY = re.compile(r"\b(?i:(?P<by>by)|in|from|during|under|when|as|after)\s+(?:(?i:an?|the)\s+)?$")


def striker_after(sentence: str, mentions: Sequence[Mention], end: int, limit: int) -> str | None:
    """The side that struck, named after a figure in its clause: "five were killed by Israeli forces", "three died in
    a Russian strike". Its people only after "by": "killed as Ukrainian troops pulled back" says who moved, not who
    killed; after the other words its weapon or act must be named."""
    for m in mentions:
        lead = _STRUCK_BY.search(sentence, max(end, m.start - 12), m.start) if end <= m.start < limit else None
        if lead and striker_word(sentence, m, side=True, weapon=not lead.group("by")):
            return m.entity.side
    return None


# --- where it happened ---------------------------------------------------------------------
# A place's kind, one list (casualty_lexicon.toml): "the town of Shihah", "Athens county in Ohio", "in the Yemeni
# capital"; "side" only after a state's adjective or possessive ("on the Armenian side").
_PLACE_KIND = alternation(_LEX["place_nouns"]["words"])
# What leads a place: a preposition, or the verb of what hit it ("the storm hit Vietnam, killing six", "Russia
# invades Ukraine"); a whole word ("that Putin" is not "at Putin"), maybe a direction or "neighbouring" between.
_PLACE_LEAD = re.compile(
    r"\s*,?\s*(?<![\w-])(?i:in|on|near|at|across|inside|of|hit|hits|struck|strikes|battered|batters|lashed|lashes|pounded|pounds|rocked"
    r"|rocks|shelled|shells|bombed|invaded|invades|attacked|attacks)\s+(?:the\s+)?"
    rf"(?:(?i:{_PLACE_KIND})\s+of\s+)?"
    r"(?:(?i:(?:north|south)?(?:east|west)?(?:ern)?|north|south|central|northern|southern|neighbou?ring|nearby)(?:\s*,\s*|\s+and\s+|\s+))*#?$"
)
# A state name that qualifies what follows is no place: "Armenia's shelling", "the US Defense Department".
_POSSESSIVE = re.compile(rf"['’]s?\b|\s+(?:{_ialt(_LEX['institutions']['words'])})(?![\w-])")
# A state's adjective that names a place: "on the Armenian side", "in the French island territories of ...".
_PLACE_NOUN = rf"(?:{alternation([*_LEX['place_nouns']['words'], *_LEX['place_nouns']['sides']])})(?![\w-])"
_ADJECTIVE_PLACE = re.compile(rf"(?:\s+[\w'’]+){{0,2}}?\s+{_PLACE_NOUN}")
# Unless it owns a place: "in Peru's northern provinces", "in Syria's Afrin region"; not "Russia's shelling of the
# city".
_OWN_PLACE = re.compile(rf"['’]s?(?:\s+(?!(?i:of|the|by|on|in|at|and)\b)[\w'’-]+){{0,3}}?\s+{_PLACE_NOUN}")
# Or its worst disaster, which happened there: "in New York City's deadliest residential fire in decades".
_OWN_DISASTER = re.compile(rf"['’]s\s+(?i:deadliest|worst|biggest|largest)(?:\s+[\w-]+){{0,2}}?"
                           rf"\s+{_ialt(_LEX['disasters']['words'])}(?![\w-])")


def _may_place(text: str, m: Mention) -> bool:
    """A side's name that may say where: not one that qualifies what follows ("Armenia's shelling", "the US Defense
    Department", but "in Peru's northern provinces" and "in Chile's worst fire" are places, and a region's own
    ("West Virginia's governor") is where its people are) nor one that struck ("in a Hamas attack")."""
    return (m.entity.side is not None and not (_POSSESSIVE.match(text, m.end) and not _OWN_PLACE.match(text, m.end)
                                               and not _OWN_DISASTER.match(text, m.end) and m.entity.kind != "region")
            and not striker_word(text, m, side=True, weapon=True) and not beyond_border(text, m))


def _led_place(text: str, m: Mention, lead_from: int, local: re.Pattern[str] | None = None) -> bool:
    """The mention follows what leads a place ("in", "near", "hit" ..., or the ``local`` language's), looked for
    from ``lead_from`` on; a people's adjective only before a place's noun ("in the Yemeni capital", "on the Armenian
    side")."""
    lead = text[max(lead_from, m.start - 60):m.start]
    led = bool(_PLACE_LEAD.search(lead) or (local and local.search(lead)))
    return led and (not m.adjective or bool(_ADJECTIVE_PLACE.match(text, m.end)))


def place_side(sentence: str, mentions: Sequence[Mention], start: int, limit: int) -> str | None:
    """Party of the first place named after ``start`` in the clause: "in western Azerbaijan", "in the
    town of Shihah", "on the Armenian side"."""
    return next((m.entity.side for m in mentions
                 if start <= m.start < limit and _may_place(sentence, m) and _led_place(sentence, m, start)), None)


# "Odessa and Midland, Texas": the towns before the comma lie in the region after it.
# What lies between a town and the region or state it lies in: "Santa Fe, Texas", "Athens county in Ohio".
_TOWNS_OF = re.compile(r"(?:\s*(?:,|and|&)\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)*\s*,\s*"
                       rf"|\s+(?:(?i:{_PLACE_KIND})\s+)?in\s+(?:the\s+)?")


def _placed_in(text: str, mentions: Sequence[Mention]) -> dict[str, set[str]]:
    """By town, the sides of the regions and states the text places it in after it ("Santa Fe, Texas"): each town
    and region paired once, for every mention of the text to look up."""
    regions = [r for r in mentions if r.entity.kind in ("region", "state") and r.entity.side is not None]
    found: dict[str, set[str]] = {}
    for t in mentions:
        if t.entity.kind == "town":
            for r in regions:
                if r.start > t.end and _TOWNS_OF.fullmatch(text, t.end, r.start):
                    found.setdefault(t.entity.slug, set()).add(r.entity.side)
    return found


def _qualified_elsewhere(town: Mention, placed_in: dict[str, set[str]]) -> bool:
    """A town a following region or state places in another side: one of two places sharing a name. Once
    the text says so ("Santa Fe High School in Santa Fe, Texas"), its every mention of the name is that place."""
    return town.entity.kind == "town" and bool(placed_in.get(town.entity.slug, set()) - {town.entity.side})


# A disaster after a state's name: "the Turkey quake", "Libya floods".
_DISASTER = re.compile(rf"\s+{_ialt(_LEX['disasters']['words'])}(?![\w-])")


def _names_place(text: str, m: Mention, placed_in: dict[str, set[str]]) -> bool:
    """The mention says where something happened: a town or region, a state after "in", "near", "on" ... (or the
    text's own language's "nella", "en" ...) or before its disaster ("after the Turkey quake"); not a state that
    qualifies what follows ("Armenia's shelling"), strikes ("a US strike") or, as a town, lies in another state
    the text names (``placed_in``)."""
    if not _may_place(text, m) or _qualified_elsewhere(m, placed_in):
        return False
    if m.entity.kind in PLACE_KINDS:
        return True
    return _led_place(text, m, 0, place_lead(text)) or (not m.adjective and bool(_DISASTER.match(text, m.end)))


_JOINED_STATES = re.compile(r"^\s*(?:-|–|and|&|,)\s*(?:(?i:the)\s+)?$")  # "in Haiti and the Dominican Republic"
_HYPHENATED = re.compile(r"(?<=[a-z])-(?=[A-Z])")
# Where those named come from, not where it happened: "rescuers from France and Spain".
_FROM = re.compile(r"\b(?i:from)\s+(?:(?i:the)\s+)?$")


def _origins(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Places named as where people come from, not where it happened: "a graduate from Santa Fe, New Mexico", with
    the regions that place the town. They say where only when a text names no other place."""
    found: list[Mention] = []
    for m in mentions:
        if _FROM.search(text, max(0, m.start - 12), m.start) or (
                found and found[-1].end <= m.start and _TOWNS_OF.fullmatch(text, found[-1].end, m.start)):
            found.append(m)
    return found


_WORD_BEFORE = re.compile(r"[\w'’]+$")
_WORD_AFTER = re.compile(r"[\w'’]+")


def _names_both_sides(text: str, hyphen: int) -> bool:
    """The word after a hyphen is a name of its own, and the word before it is one too ("Turkey-Syria") or a
    particle ("el-Arish"), not part of one name the gazetteer spells otherwise ("KwaZulu-Natal" is no "Natal")."""
    before, after = _WORD_BEFORE.search(text, 0, hyphen), _WORD_AFTER.match(text, hyphen + 1)
    return bool(before and after and text_mentions(after.group())
                and (before.group().islower() or text_mentions(before.group())))


def place_of(text: str, mentions: Sequence[Mention], near: int | None = None, total: bool = False,
             origins: bool = True) -> str | None:
    """The party of the places a text names: a town or region anywhere, a state after "in", "near",
    "on" ...; the one nearest to ``near`` when it names several; "all" when it names two states
    together ("in Turkey and Syria", "the Turkey-Syria earthquake"), or places in two states for a
    ``total``. None when it names none, or (``origins`` false) none but where people come from."""
    hyphens = [h.start() for h in _HYPHENATED.finditer(text) if not any(m.start < h.start() < m.end for m in mentions)
               and _names_both_sides(text, h.start())]
    if hyphens:  # "Turkey-Syria": two names, each a whole word; not one name's own hyphen ("Rheinland-Pfalz")
        if near is not None:
            near += 2 * sum(1 for h in hyphens if h < near)
        text = "".join(text[a:b] + " - " for a, b in zip([0, *(h + 1 for h in hyphens)], hyphens)) + text[hyphens[-1] + 1:]
        mentions = text_mentions(text)
    placed_in = _placed_in(text, mentions)
    named = [m for m in mentions if _names_place(text, m, placed_in)]
    from_places = _origins(text, mentions)
    places = [m for m in named if m not in from_places] or (named if origins else [])  # where people came from, when it names nothing else
    states = [m for m in mentions if m.entity.kind in ("state", "breakaway") and not m.adjective]
    for a, b in zip(states, states[1:]):
        if (a.entity.side != b.entity.side and _JOINED_STATES.match(text[a.end:b.start])
                and not _FROM.search(text, max(0, a.start - 12), a.start)):  # "rescuers from France and Spain"
            return "all"
    if total and len({m.entity.side for m in places}) > 1:
        return "all"
    if not places:
        return None
    if near is None:
        return places[0].entity.side
    return min(places, key=lambda m: abs(m.start - near)).entity.side


def entry_place(headline: str, body: str, title: str, storms: frozenset[str] = frozenset()) -> str | None:
    """Where an entry happens, for figures whose sentence names no place: the first place its
    headline, its body, or its blog's title names, none of the ``storms`` it names; each text's mentions in its
    own language too, where languages.py reads it. Where people come from ("a worker from Worcester") only when
    none of them names another place."""
    texts = [t for t in (headline, body, title) if t]
    for origins in (False, True):
        for text in texts:
            mentions = [m for m in text_mentions(text, storms) if not source_place(text, m)]
            if found := place_of(text, mentions, origins=origins):
                return found
    for text in texts:  # the one state a text names otherwise: "Nepal death toll crosses 3200"; not one of several
        states = {m.entity.side for m in text_mentions(text, storms) if m.entity.kind == "state" and m.entity.side
                  and not striker_word(text, m, side=True, weapon=True) and not source_place(text, m)
                  and not beyond_border(text, m)}
        if len(states) == 1:
            return states.pop()
    return None


def place_right_after(sentence: str, mentions: Sequence[Mention], pos: int) -> str | None:
    """The side of a place named right after a figure ("12 dead in Chile"): nothing but its lead between."""
    first = next((x for x in mentions if x.start >= pos and x.entity.side), None)
    if first is None or not _PLACE_LEAD.match(sentence, pos, first.start):
        return None
    return place_side(sentence, [first], pos, first.end)


_WHERE = re.compile(rf"(?:\s+(?i:{_PLACE_KIND}))?\s*,?\s*(?i:where)\s+")


def place_before_where(sentence: str, mentions: Sequence[Mention], pos: int,
                       where: re.Pattern[str] = _WHERE) -> str | None:
    """The side of the place a "where" clause opening with the figure follows ("the storm moved on to Vietnam,
    where five more died"; ``where`` in another language, "où", "donde"): that place's figure, not the one before's."""
    last = next((x for x in reversed(mentions) if x.end <= pos and x.entity.side and not x.adjective
                 and not beyond_border(sentence, x)), None)
    return last.entity.side if last is not None and where.fullmatch(sentence, last.end, pos) else None


# Nothing but a comma, or a place the name owns, between a place and the figure after it: "while in Iraq 7 died",
# "In Peru's northern provinces, 40 were killed".
_BARE_GAP = re.compile(rf"(?:{_OWN_PLACE.pattern})?\s*,?\s*")


def place_right_before(sentence: str, mentions: Sequence[Mention], pos: int) -> str | None:
    """The side of a place phrase that ends right before a figure ("..., while in Iraq 7 died"): that figure's
    place, not the place an earlier figure of the sentence had."""
    last = next((x for x in reversed(mentions) if x.end <= pos and x.entity.side), None)
    if last is None or not _BARE_GAP.fullmatch(sentence, last.end, pos):
        return None
    return place_side(sentence, [last], 0, last.end)


# --- whose figures only a kind of people places --------------------------------------------
def entry_kinds(mentions: Sequence[Mention], attacked: bool, fighting: bool) -> dict[str, str]:
    """Whose the figures are that only a kind of people places, by what the entry and its blog tell (``mentions``,
    of all three texts): "@unsided" (nothing places it) and "@foreign" (foreigners, strangers to every side) are one
    disaster's or attack's dead, "all", where no ``fighting`` is told ("Ten people are wounded in the attack, police
    say", "17 foreigners were killed"), else "unknown": between sides that fight they are either's, and so are
    figures nothing places where the entry names a side; "@attackers" are the one armed group named, where
    ``attacked``."""
    sided = fighting or any(m.entity.side for m in mentions)
    return {"@unsided": "unknown" if sided else "all", "@foreign": "unknown" if fighting else "all",
            "@attackers": _attacking_group(mentions) if attacked else "unknown"}


def _attacking_group(mentions: Sequence[Mention]) -> str:
    """Whose attackers an entry counts when it names no group beside them: the one armed group the entry
    and its blog name ("a Hezbollah raid ... three gunmen died"); "unknown" when none or several."""
    groups = {m.entity.side for m in mentions if m.entity.kind == "armed_group" and m.entity.side}
    return groups.pop() if len(groups) == 1 else "unknown"


# --- namesakes -----------------------------------------------------------------------------
# People: a city under this many, far from where a blog's title says it is, may be a namesake the gazetteer lacks.
_NAMESAKE_POPULATION = 200_000


def _namesakes(continents: set[str | None], text: str, mentions: Sequence[Mention]) -> frozenset[str]:
    """The names of cities of fewer than ``_NAMESAKE_POPULATION`` people the text names, on another continent than
    every state the blog's title names (``continents``): maybe a place of that name there the gazetteer lacks (a
    Spanish town that shares its name with a small Mexican city), or no place at all (a person's name a small city
    abroad bears). Empty where the title names no state: a city of a state it names, or a large one, is that city."""
    return frozenset(text[m.start:m.end] for m in mentions
                     if continents and m.entity.kind == "town" and m.entity.population is not None
                     and m.entity.population < _NAMESAKE_POPULATION
                     and continent(m.entity.places[-1]) not in continents | {None})


def _placing_title(title: str, storms: frozenset[str]) -> bool:
    """The blog's title says where it happens ("Wildfires in Spain", "Spain floods"), not only whom it is about
    ("Paris attacks", "US election")."""
    mentions = text_mentions(title, storms)
    placed_in = _placed_in(title, mentions)
    return any(m.entity.kind == "state" and _names_place(title, m, placed_in) for m in mentions)


def _homonyms_abroad(texts: Sequence[str], storms: frozenset[str]) -> frozenset[str]:
    """The names of towns the entry as a whole places elsewhere than a sentence alone does: "Hangu" is China's city
    in "three officers were killed in Hangu district", Pakistan's in an entry that names Balochistan too. Such a
    name places nothing in the entry's sentences, so the entry's place (which its other places give) holds."""
    return gazetteer().homonyms_placed("\n".join(texts), storms)


def masked_place(headline: str, body: str, title: str, storms: frozenset[str],
                 fighting: bool) -> tuple[str | None, frozenset[str]]:
    """The entry's place and the names that place nothing in its sentences: its texts' ``storms``, the namesakes
    (``_namesakes``) and the towns the entry places abroad (``_homonyms_abroad``). No namesakes where sides fight:
    a small city far away may be the front. An entry naming one is the title's state's only where the title says
    it happens there; else the title places none of its figures, for the name may be that city after all ("Nine
    people died in Idlib" on a blog on an attack in Paris)."""
    abroad = _homonyms_abroad((headline, body, title), storms)
    if fighting:
        return entry_place(headline, body, title, storms), storms | abroad
    in_title = text_mentions(title, storms)
    continents = {continent(m.entity.slug) for m in in_title if m.entity.kind == "state" and not m.adjective} - {None}
    masked = frozenset().union(*(_namesakes(continents, text, text_mentions(text, storms))
                                 for text in (headline, body)))
    storms |= masked | _namesakes(continents, title, in_title)
    return (entry_place(headline, body, "" if masked and not _placing_title(title, storms) else title, storms),
            storms | abroad)
