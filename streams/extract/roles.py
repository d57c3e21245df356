"""The part each actor an entry names plays in it: participant, claimant, commenter, or only a place.

Read per mention from the words around it (``data/roles.toml``): a reporting verb after it makes a
claimant, a verb of reaction a commenter, "said from X" the reporter's place; a town or region stands
for its state, a participant in what happened there; anything else an entry names is a participant.
The parties of its casualty claims are participants too. An actor may play several parts. Alerts on
"a new actor entering" count participants only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from schemas import CasualtyClaim
from streams.extract.lexicon import PLACE_KINDS, Mention, case_insensitive_alternation, gazetteer, load_toml

ROLES = ("participant", "claimant", "commenter", "place")
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_CLAUSE_END = re.compile(r"[;:()]|,\s*(?:and|but|while|as|after|before|which|who)\b|\s[–—-]\s")
_OWN_WORDS = r"\s*(?:['’]s?\s+)?(?:[\w.'’-]+,?\s+){0,7}?"  # "Ukraine's air force", "the Russian defence ministry"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_toml("roles.toml")

    def words(items: Iterable[str]) -> str:
        return case_insensitive_alternation(items)

    return {
        "commenter": re.compile(rf"^{_OWN_WORDS}(?:{words(data['commenter']['verbs'])})(?![\w-])"),
        "claimant": re.compile(rf"^{_OWN_WORDS}(?:has\s+|have\s+|had\s+)?(?:{words(data['claimant']['verbs'])})(?![\w-])"),
        "claimant_before": re.compile(rf"(?:{words(data['claimant']['before'])})\s+(?:the\s+)?(?:[\w.'’-]+\s+){{0,3}}$"),
        "place_before": re.compile(rf"(?:{words(data['place']['before'])})\s+(?:[\w.'’-]+,?\s+){{0,2}}$"),
        "events": re.compile("|".join(data["events"]["patterns"]), re.IGNORECASE),
        "locative": re.compile(r"(?i:\b(?:in|at|to|from|near|via|through)\s+(?:the\s+)?"
                               r"(?:(?:north|south|east|west|central)(?:ern)?\s+)?)$"),
    }


def _role(sentence: str, mention: Mention, following: int) -> str:
    """The part of one mention, from the rest of its clause (up to the next mention) and what precedes it."""
    patterns = _patterns()
    before = sentence[max(0, mention.start - 60):mention.start]
    if patterns["place_before"].search(before):
        return "place"
    if patterns["claimant_before"].search(before):
        return "claimant"
    clause_end = _CLAUSE_END.search(sentence, mention.end)
    after = sentence[mention.end:min(following, clause_end.start() if clause_end else len(sentence))]
    if patterns["commenter"].match(after):
        return "commenter"
    if patterns["claimant"].match(after):
        return "claimant"
    entity = mention.entity
    if entity.kind == "organisation":
        return "commenter"  # the UN, the EU, the ICRC react to wars and disasters; they rarely fight them
    on_the_ground = bool(patterns["events"].search(sentence))
    if (entity.kind in PLACE_KINDS or patterns["locative"].search(before)) and not on_the_ground:
        return "place"  # "Biden to meet NATO leaders in Brussels", "a session in Vienna"
    return "participant"


def _actor(mention: Mention) -> str | None:
    """The actor a mention stands for: a town or region its state's, a leader his state's."""
    entity = mention.entity
    return entity.side if entity.kind in PLACE_KINDS else entity.voice


def actor_roles(headline: str, body: str, claims: Sequence[CasualtyClaim] = ()) -> dict[str, list[str]]:
    """Every actor the entry names, with the parts it plays, in ``ROLES`` order."""
    gaz = gazetteer()
    found: dict[str, set[str]] = {}
    for text in (headline, body):
        for sentence in (s for s in _SENTENCE.split(text) if s):
            mentions = gaz.mentions(sentence)
            for i, mention in enumerate(mentions):
                actor = _actor(mention)
                if actor is None:
                    continue
                following = mentions[i + 1].start if i + 1 < len(mentions) else len(sentence)
                found.setdefault(actor, set()).add(_role(sentence, mention, following))
    for claim in claims:
        if claim.party not in ("all", "unknown") and claim.kind != "historical":
            found.setdefault(claim.party, set()).add("participant")
    return {actor: [r for r in ROLES if r in roles] for actor, roles in found.items()}


def participants(roles: dict[str, list[str]]) -> list[str]:
    return [actor for actor, parts in roles.items() if "participant" in parts]
