"""The part each actor an entry names plays in it: participant, claimant, commenter, or only a place.

Read per mention from the words around it (``data/roles.toml``): a reporting verb after it (or before
it at the end of a clause, "..., says UN") makes a claimant, a verb of reaction a commenter, "said from
X", a meeting there or "the X border" a place; a town or region stands for its state, a participant in
what happened there, and plays no part where nothing happens and no one meets; anything else an entry
names is a participant. A verb after a mention governed by a preposition ("in Gaza, the ministry said")
is another subject's. The items of a list share one part. The parties of its casualty claims are
participants too. An actor may play several parts. Alerts on "a new actor entering" count participants
only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from schemas import CasualtyClaim
from streams.extract.lexicon import (PLACE_KINDS, Mention, case_insensitive_alternation, gazetteer, load_toml,
                                     split_sentences)

ROLES = ("participant", "claimant", "commenter", "place")
_CLAUSE_END = re.compile(r"[;:()]|,\s*(?:and|but|while|as|after|before|which|who)\b|\s[–—-]\s")
_LIST_GAP = re.compile(r",?\s*(?:(and|or|&)\s+)?(?:the\s+)?")  # between the items of a list: ", ", " and the "
# "..., says UN." ends its clause
_CLAUSE_TAIL = re.compile(r"(?:['’]s)?(?:\s+[\w.'’-]+){0,4}\s*(?:[.,;:!?\"”)]|$)")
# "near the Turkish border" says where, not who; "a Syrian border town" is a town of Syria
_BORDER = re.compile(r"(?:['’]s)?\s+(?:border|frontier)\b(?!\s+(?:town|city|village|area|region|province|district))")
_ADDRESSED = re.compile(r"(?i:\b(?:at|in|on|urges|urged|urging|tells|told|calls\s+on|called\s+on)\s+(?:the\s+)?)$")
_GOVERNED = re.compile(r"(?i:\b(?:in|into|at|to|from|near|on|of|by|with|against|towards?)\s+(?:the\s+)?)$")
# "Turkish President ", "Britain's Prime Minister "
_SPEAKER_COLON = re.compile(r"\s*:")  # a headline's speaker: "Zelensky: ..."
_TITLE_GAP = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w.'’-]*){1,4}\s+")
_OWN_WORDS = r"\s*(?:['’]s?\s+)?(?:[\w.'’-]+,?\s+){0,7}?"  # "Ukraine's air force", "the Russian defence ministry"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_toml("roles.toml")

    def words(items: Iterable[str]) -> str:
        return case_insensitive_alternation(items)

    return {
        "commenter": re.compile(rf"^{_OWN_WORDS}(?:{words(data['commenter']['verbs'])})(?![\w-])"),
        "claimant": re.compile(rf"^{_OWN_WORDS}(?:has\s+|have\s+|had\s+)?(?:{words(data['claimant']['verbs'])})(?![\w-])"),
        "claimant_inverted": re.compile(rf"[,“”\"]\s*(?:{words(data['claimant']['verbs'])})\s+(?:the\s+|an?\s+)?"
                                        r"(?:[\w.'’-]+\s+){0,2}$"),
        "speaker_of": re.compile(rf"\b(?:{words(data['claimant']['speakers'])})\s+(?:of|in|for)\s+(?:the\s+)?$"),
        "claimant_before": re.compile(rf"(?:{words(data['claimant']['before'])})\s+(?:the\s+)?(?:[\w.'’-]+\s+){{0,3}}$"),
        "place_before": re.compile(rf"(?:{words(data['place']['before'])})\s+(?:[\w.'’-]+,?\s+){{0,2}}$"),
        "events": re.compile("|".join(data["events"]["patterns"]), re.IGNORECASE),
        "gathering": re.compile("|".join(data["gathering"]["patterns"]), re.IGNORECASE),
        "locative": re.compile(r"(?i:\b(?:in|at|to|from|near|via|through)\s+(?:the\s+)?"
                               r"(?:(?:north|south|east|west|central)(?:ern)?\s+)?)$"),
    }


def _role(sentence: str, mention: Mention, following: int) -> str | None:
    """The part of one mention, from the rest of its clause (up to the next mention) and what precedes it;
    None when the mention plays no part (a town named where nothing happens and no one meets)."""
    patterns = _patterns()
    if mention.entity.kind == "leader" and _SPEAKER_COLON.match(sentence, mention.end):
        return None  # "Trump: US will seek to end the violence" quotes him; what he says names the parts
    before = sentence[max(0, mention.start - 60):mention.start]
    if patterns["place_before"].search(before) or _BORDER.match(sentence, mention.end):
        return "place"
    if patterns["claimant_before"].search(before) or (
            patterns["claimant_inverted"].search(before) and _CLAUSE_TAIL.match(sentence, mention.end)):
        return "claimant"  # "according to Israel", "..., says a UK military spokesman."
    clause_end = _CLAUSE_END.search(sentence, mention.end)
    after = sentence[mention.end:min(following, clause_end.start() if clause_end else len(sentence))]
    if (_GOVERNED.search(before) and not after.startswith(("'s", "’s"))
            and not patterns["speaker_of"].search(before)):
        after = ""  # "shelling in Lebanon, the ministry said": the verb is another subject's
    if patterns["commenter"].match(after):
        return "commenter"
    if patterns["claimant"].match(after):
        return "claimant"
    entity = mention.entity
    if entity.kind == "organisation":
        # the UN, the EU, the ICRC react to wars and disasters, they rarely fight them; but one spoken to
        # or met at ("Egypt urges UN to act", "meetings at the United Nations") is doing neither
        return None if _ADDRESSED.search(before) else "commenter"
    on_the_ground = bool(patterns["events"].search(sentence))
    if (entity.kind in PLACE_KINDS or patterns["locative"].search(before)) and not on_the_ground:
        # "Biden to meet NATO leaders in Brussels" names a place; "a student of Kharkiv university" no part
        return "place" if patterns["gathering"].search(sentence) else None
    return "participant"


def _actor(mention: Mention) -> str | None:
    """The actor a mention stands for: a town or region its state's, a leader his state's."""
    entity = mention.entity
    return entity.side if entity.kind in PLACE_KINDS else entity.voice


def _sentence_roles(sentence: str) -> list[tuple[str, str]]:
    """(actor, part) for each mention of the sentence. The items of a list ("The US, France and the UK
    called for ...") share the part of its last item, which the words after the list decide; so does a
    state with the official it titles ("Turkish President Erdogan")."""
    mentions = gazetteer().mentions(sentence)
    role: str | None = None
    found: list[tuple[str, str]] = []
    in_list = False  # a list ends "... and C": a bare comma ("in Kyiv, Zelensky said") joins no list
    for i in reversed(range(len(mentions))):
        mention = mentions[i]
        following = mentions[i + 1].start if i + 1 < len(mentions) else len(sentence)
        gap = _LIST_GAP.fullmatch(sentence, mention.end, following) if i + 1 < len(mentions) else None
        in_list = gap is not None and (in_list or bool(gap.group(1)))
        actor = _actor(mention)
        titled = (i + 1 < len(mentions) and _actor(mentions[i + 1]) == actor and mention.entity.kind != "organisation"
                  and _TITLE_GAP.fullmatch(sentence, mention.end, following))
        if not (in_list or titled):  # "Turkish President Erdogan said": the title's state speaks with him
            role = _role(sentence, mention, following)
        if actor is not None and role is not None:
            found.append((actor, role))
    return found[::-1]  # in the sentence's order


def actor_roles(headline: str, body: str, claims: Sequence[CasualtyClaim] = ()) -> dict[str, list[str]]:
    """Every actor the entry names, with the parts it plays, in ``ROLES`` order."""
    found: dict[str, set[str]] = {}
    for text in (headline, body):
        for sentence in split_sentences(text):
            for actor, role in _sentence_roles(sentence):
                found.setdefault(actor, set()).add(role)
    for claim in claims:
        if claim.party not in ("all", "unknown") and claim.kind != "historical":
            found.setdefault(claim.party, set()).add("participant")
    return {actor: [r for r in ROLES if r in roles] for actor, roles in found.items()}


def participants(roles: dict[str, list[str]]) -> list[str]:
    return [actor for actor, parts in roles.items() if "participant" in parts]
