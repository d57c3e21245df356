"""Casualty figures in languages other than English: German, Italian, French and Spanish live tickers.

The words are data (data/casualty_languages.toml, one table per language); the shapes are few and the
same for each language: a count then its outcome ("mindestens drei Menschen wurden getötet", "44 feriti"),
an outcome then its count ("starben fünf Menschen", "sono stati uccisi 30 civili"), and a running total
("die Zahl der Toten stieg auf 125", "il bilancio delle vittime sale a 40"), told verb first too ("sale a 40 il
bilancio delle vittime", "auf 125 stieg die Zahl der Toten") or with its dead as the subject ("le vittime salgono
a 40"); besides, two groups before one verb ("neuf civils et trois soldats ont été tués"), one of the wounded
who died ("una de las heridas ha fallecido"), a toll told by its newest dead ("un 12e mort") and the total the
dead are ("sono 7 i morti"). A figure the sentence only supposes ("potrebbe salire a 50", "könnte auf 100 steigen")
is none. A sentence is read here only when it holds its language's own words, so English text never is; where it
holds only one (a short headline: "Neun Tote"), lingua tells whether it is written in that language or in English.
Country names come from pycountry's translations; what they lack (demonyms, regions) is in the data file, and so
are the language's common words that English names places by ("Pare", "Man"). Whose figure it is, where the words
do not say, is settled by the English rules' place logic over these mentions (party.py).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from streams.extract.lexicon import (PLACE_KINDS, Gazetteer, Mention, alternation, country_slugs, gazetteer,
                                     load_toml)

_WORD_CHARS = r"[^\W\d_]"
_TOKEN = re.compile(r"[^\W\d_][\w'’]*|\d[\d.,]*")
_MIN_MARKERS = 2  # distinct words of the language a sentence must hold to be read in it
# a capital that only opens a sentence: a lower-case word follows, where an English name would go on with a capital
_OPENER = re.compile(r"(?:^|(?<=[.!?])\s+)[\W\d_]*([A-ZÀ-ÖØ-Þ][\w'’]*)(?=\s+[a-zß-öø-ÿ])")


@dataclass(frozen=True, slots=True)
class Figure:
    """A casualty figure read in another language, its counted words from ``start`` to ``end``, before the entry
    settles its party (casualties.py: a people or place those words name, else its sentence's place ...) and
    claimant."""

    start: int
    end: int
    outcome: str
    lo: int
    hi: int | None
    population: str
    kind: str | None
    rule: str
    named: str | None = None  # the state its sentence names nearest to it, where the sentence has no place
    home: bool = False  # soldiers counted with civilians before one verb ("onze civils et trois militaires ont été
    # tués"): they fell where the civilians did, their dead the place's, as police are


def _listed(first: Figure, then: Figure, code: str) -> Figure:
    """Two single persons before one verb ("ein Feuerwehrmann und eine Feuerwehrfrau", "un homme et une femme"): one
    figure of both, as English lists people ("a man and a woman were killed")."""
    hi = first.hi + then.hi if first.hi is not None and then.hi is not None else None
    population = first.population if first.population == then.population else "all"
    return replace(then, start=first.start, lo=first.lo + then.lo, hi=hi, population=population, home=False,
                   rule=f"{code}-people-listed")


# Where a count may start: not inside a word, nor after an elided article ("l'11"); after a quote mark, yes
# ("'Drie doden, vijf gewonden'").
_COUNT_START = r"(?<![\w-])(?<!\w['’])"


def _words(items: Sequence[str]) -> str:
    return rf"(?:{alternation(items)})"


def _whole(items: Sequence[str]) -> str:
    return rf"(?<![\w-]){_words(items)}(?![\w-])"


class Reader:
    """One language's words, compiled into its shapes."""

    def __init__(self, code: str, data: dict[str, Any]) -> None:
        self.code = code
        self.data = data
        # its outcome words are its own too: "zwölf Tote und 40 Verletzte" is German; a capitalised one (a German
        # noun) counts only capitalised, a lower-case one only lower-case ("El Paso", "Dal Lake" are English names)
        own = [*data["markers"], *(w for forms in data["outcomes"].values() for ws in forms.values() for w in ws)]
        self.markers = frozenset(w for w in own if not w[0].isupper())
        self.noun_markers = frozenset(w for w in own if w[0].isupper())
        self.numbers = {k.lower(): v for k, v in data["numbers"].items()}
        self.multipliers = {k.lower(): v for k, v in data["multipliers"].items()}
        self.joiners = frozenset(data["joiners"])
        self.singles = frozenset(data["singles"])
        self.qualifiers = {q.lower(): kind for kind, qs in data["qualifiers"].items() if kind != "above_after"
                           for q in qs}
        # a qualifier after the number, as Turkish tells "more than" ("20'den fazla"), or the verb of a total that
        # passed it ("800'ü geçti")
        self.after_qualifiers = frozenset(q.lower() for q in data["qualifiers"].get("above_after", []))
        self.grammar = data["grammar"]
        marks = data["thousands"]  # one mark, or several the language's outlets write ("12 000", "12.000")
        self.thousands: tuple[str, ...] = (marks,) if isinstance(marks, str) else tuple(marks)
        self.population = {n.lower(): pop for pop, ns in data["nouns"].items() if pop != "adjective_endings"
                           for n in ns}
        self.outcome_words = {w.lower(): outcome for outcome, forms in data["outcomes"].items()
                              for key in ("after", "nouns") for w in forms[key]}
        self.before_words = {w.lower(): outcome for outcome, forms in data["outcomes"].items() for w in forms["before"]}
        self.transitive = frozenset(t.lower() for t in self.grammar["transitive"])
        # auxiliaries of several words, read as one in a gap
        phrases = [a for a in self.grammar["auxiliaries"] if " " in a]
        self.phrases = re.compile(_whole(phrases) if phrases else "(?!)", re.IGNORECASE)
        self.gazetteer = _local_gazetteer(code)
        self.not_places = frozenset(data["not_places"])
        # where every noun is capitalised ("in Kiew Explosionen"), a capital after a name does not lengthen it
        self.names_go_on = None if data["grammar"]["capitalised_nouns"] else self._name_goes_on()
        self._compile()

    def _name_goes_on(self) -> re.Pattern[str]:
        """What makes a place's name the first word of a longer one: a capital ("San Felice", "Porto Empedocle"),
        or one after a particle ("San Juan de Lurigancho" is no San Juan of Puerto Rico)."""
        particles = _words(self.grammar["name_particles"])
        return re.compile(rf"[ \t]+(?:(?P<particle>{particles})[ \t]+)?[A-ZÀ-ÖØ-Þ]")

    def _count(self) -> str:
        """The pattern of a count: a number in digits (with its multiplier word: "29 mila", "5 bin 894") or words,
        with its qualifiers and range, not followed by a unit."""
        d = self.data
        tokens = _words([*self.numbers, *self.multipliers])
        joiner = _words(self.joiners) + "?" if self.joiners else ""
        number_word = rf"{tokens}(?:{joiner}{tokens})*"
        # a whole word only: "29 mila", not the start of "29 militares"; and, where the language writes one ("5 bin
        # 894"), the digits that add to the multiplied ones
        remainder = r"(?:\s\d{1,3}(?!\d|[.,]\d))?" if d.get("digit_remainder") else ""
        suffix = rf"(?:\s?{_words(d['digit_suffixes'])}(?!{_WORD_CHARS}){remainder})?" if d["digit_suffixes"] else ""
        # "12 000" (French) may be parted by a no-break space too
        sep = "|".join(r"[^\S\r\n]" if mark.isspace() else re.escape(mark) for mark in self.thousands)
        sep = f"(?:{sep})"
        digits = rf"(?<![\d.,:/])(?:\d{{1,3}}(?:{sep}\d{{3}})+|\d+)(?![\d:/]|[.,]\d){suffix}"
        number = rf"(?:{digits}|(?<![\w-]){number_word}(?![\w-]))"
        self.number_pattern = number
        # a unit then a digit is a unit too: "16h03" is a time
        not_count = rf"(?!\s*(?:{_words(d['units'])})(?!{_WORD_CHARS})|\s*[-–]\s*{_WORD_CHARS}|\.\s*\S)"
        # a range from its lowest: "20-25", "fra 1.200 e 2mila", "zwischen 20 und 30"
        between = rf"{_words(self.grammar['between'])}\s+(?P<from>{number})\s+{_words(self.grammar['and'])}\s+"
        # a case ending after an apostrophe ("544'e", "800'ü"), where the language writes one
        ending = rf"(?:['’]{_words(d['number_endings'])}(?!{_WORD_CHARS}))?" if d.get("number_endings") else ""
        post = (rf"(?:\s+(?P<qual_after>{_words(sorted(self.after_qualifiers))})(?![\w-]))?"
                if self.after_qualifiers else "")
        # a part of a whole ("17 von 19 Menschen"): the part is the count, unless the whole are the ones hurt
        # ("uno dei 20 morti", and where a participle follows its noun, "5 de las 24 personas fallecidas")
        outcome_words = _words([w for forms in d["outcomes"].values() for w in forms["nouns"]])  # not finite verbs
        noun = "" if self.grammar.get("verb_gap") else rf"(?:\s+{_words(list(self.population))})?"
        part_of = (rf"(?:\s+{_words(self.grammar['parts_of'])}\s+(?:(?:{_words(list(self.qualifiers))})\s+)?"
                   rf"(?P<whole>{number})(?!{noun}\s+{outcome_words}(?![\w-])))?" if self.grammar["parts_of"] else "")
        return (rf"(?:(?P<qual>{_words(list(self.qualifiers))})\s+)?(?:(?P<low>{digits})\s*[-–]\s*|{between})?"
                rf"(?P<num>{number}){ending}{post}{not_count}{part_of}")

    def _compile(self) -> None:
        d, outcomes = self.data, self.data["outcomes"]
        count = self._count()
        people = _words([*self.population, *(n for ns in d["demonyms"].values() for n in ns)])
        adjective = self._adjective()
        noun_phrase = rf"(?:(?P<np>{adjective}\s+(?:\d{{1,3}}-)?(?P<noun>{people}))(?![\w-]))"
        after = _words([w for forms in outcomes.values() for w in forms["after"]])
        before = _words([w for forms in outcomes.values() for w in forms["before"]])
        nouns = _words([w for forms in outcomes.values() for w in forms["nouns"]])
        gap = rf"(?P<gap>(?:\s+[^\s,;:.!?()\[\]\"„“”«»–—]+){{0,{self.grammar['max_gap']}}}?)"
        # some of those counted, between commas after them: "52 personas, 9 de ellas niños, resultaron heridas"
        # or with no commas: "Tre persone tra cui un bimbo di 6 anni sono rimaste uccise"
        aside = (rf"(?:\s*,(?:\s+[^\s,;:.!?]+){{0,4}}?\s+{_words(self.grammar['subset'])}(?:\s+[^\s,;:.!?]+){{0,4}},"
                 rf"|\s+{_words(self.grammar['subset'])}(?:\s+[^\s,;:.!?]+){{1,6}}?(?=\s))")
        heads = d["cumulative"]["heads"]
        self.heads = {h.lower(): outcome for outcome, hs in heads.items() for h in hs}
        flags = re.IGNORECASE
        self.shapes: tuple[tuple[str, re.Pattern[str]], ...] = (
            ("toll", re.compile(rf"(?<![\w-])(?P<head>{_words(list(self.heads))})(?P<gap>[^.;!?]{{0,120}}?)"
                                rf"\s(?:{_words(d['cumulative']['links'])})\s+{count}", flags)),
            *self._rise_shapes(count, nouns, flags),
            *self._verb_last_tolls(count, flags),
            ("nouns", re.compile(rf"{_COUNT_START}{count}{adjective}\s+(?P<out>{nouns})(?![\w-])", flags)),
            ("after", re.compile(rf"{_COUNT_START}{count}(?:{noun_phrase}{aside}?)?{gap}\s+(?P<out>{after})(?![\w-])",
                                 flags)),
            ("before", re.compile(rf"(?<![\w-])(?P<out>{before})\s+{count}{noun_phrase}?", flags)),
            *self._inverted(before, count, noun_phrase, flags),
        )
        self._compile_groups(count, noun_phrase, people, flags)
        # "una de las heridas en el derrumbe ha fallecido": one of the wounded has died, one more dead
        self.one_wounded_died = re.compile(
            rf"(?<![\w'’-]){_words(self.grammar['one_of'])}\s+{_words(outcomes['wounded']['nouns'])}"
            rf"{gap}\s+(?P<out>{_words(outcomes['killed']['after'])})(?![\w-])", flags)
        # "un 12e mort a été signalé", "la 5ª víctima": the toll so far, told by its newest dead
        ordinals = d["cumulative"]["ordinals"]
        self.ordinal = re.compile(
            rf"(?<![\w-]){_words(ordinals['articles'])}\s+(?P<num>\d{{1,5}})(?:{_words(ordinals['suffixes'])})"
            rf"\s+(?P<out>{nouns})(?![\w-])", flags) if ordinals["suffixes"] else None
        # "le décès de trois blessés", "la morte di tre feriti": the wounded named died, a count of dead
        self.death_of = re.compile(rf"{_whole(self.grammar['death_of'])}\s+$", flags)
        self.increment = re.compile(_whole(d["cumulative"]["increment"]), flags)
        self.hypothetical = re.compile(_whole(self.grammar["hypothetical"]), flags)
        self.identified = re.compile(rf"\s+{_whole(self.grammar['identified'])}", flags)
        self.superseded = re.compile(_whole(self.grammar["superseded"]), flags)
        self.cumulative = re.compile(_whole(d["cumulative"]["words"]), flags)
        self.origin = re.compile(rf"(?<![\w-]){_words(self.grammar['origins'])}\s*$", flags)
        # "tra i morti", "entre los heridos": some of the dead, an article maybe between, no copula's subject
        self.among = re.compile(rf"{_whole(self.grammar['among'])}\s+(?:{_WORD_CHARS}+\s+)?$", flags)
        self.place_lead = self._place_lead()
        articles = self.grammar["place_articles"]
        self.place_article = re.compile(rf"(?<![\w'’-]){_words(articles)}\s+$", re.IGNORECASE) if articles else None
        # "jusqu'en Inde - où 500 morts": the figure of a "where" clause is of the place right before it
        self.where = (re.compile(rf"\s*[,–-]?\s*{_words(self.grammar['where'])}\s+", flags) if self.grammar["where"]
                      else None)
        self.striker = re.compile(rf"\s+{_whole(self.grammar['strikers'])}", flags)
        self.struck_by = re.compile(rf"{_whole(self.grammar['strikers'])}\s+$", flags)  # "un ataque ruso"

    def _compile_groups(self, count: str, noun_phrase: str, people: str, flags: int) -> None:
        """The patterns of groups told together: joined before one verb, one person among people no count tells,
        a figure's list place by place."""
        # "neuf civils et trois soldats ont été tués": a group joined before the counted ones shares their verb
        self.coordinated = re.compile(rf"(?<![\w'’-]){count}{noun_phrase}\s+{_words(self.grammar['and'])}\s+$", flags)
        # a figure's list place by place: "16 mortos em Muçum, 12 em Roca Sales e cinco em Lajeado"
        lead, joined, capital = _words(self.grammar["place_leads"]), _words(self.grammar["and"]), "(?-i:[A-ZÀ-ÖØ-Þ])"
        name_end = rf"(?=\s*(?:[,;.()]|\s{joined}\s|$))"
        self.own_place = re.compile(rf"\s+{lead}\s+{capital}[^\d,;.()]{{0,50}}?{name_end}", flags)
        self.place_item = re.compile(rf"\s*(?:[,;]\s*(?:{joined}\s+)?|\s+{joined}\s+)(?P<num>{self.number_pattern})\s+"
                                     rf"{lead}\s+(?P<name>{capital}[^\d,;.()]{{0,50}}?){name_end}", flags)
        # where a group starts a clause: its start, a comma, or a verb's auxiliary ("haben ein Feuerwehrmann und ...",
        # not "ha ucciso un uomo e una donna è rimasta ferita", where the first is a verb's object)
        opener = _words([*self.grammar["auxiliaries"], *self.grammar["active"]])
        article = _words([*self.data["cumulative"]["articles"], *self.grammar["place_articles"]])
        place = rf"{lead}\s+(?:{article}\s+)?{capital}[\w'’-]*\s+"  # "in Hamburg eine Autofahrerin sowie ..."
        self.group_start = re.compile(rf"(?:^|[,;:]\s*|(?<![\w'’-])(?:{opener}\s+|{place}))(?:{article}\s+)?$", flags)
        # "tre pazienti ricoverati sono morti": the wounded counted died, a count of dead
        clause, killed = _words(self.grammar["clause_words"]), _words(self.data["outcomes"]["killed"]["after"])
        self.died_after = re.compile(rf"(?:\s+(?!(?:{clause})(?![\w-]))[^\s,;:.!?]+){{0,3}}?\s+{killed}(?![\w-])", flags)
        # "der Fahrer und ein Schüler wurden verletzt": one of a list whose other people no count tells
        self.uncounted_before = re.compile(rf"(?<![\w'’-])(?:{people})\s+{_words(self.grammar['and'])}\s+$", flags)

    def _inverted(self, before: str, count: str, noun_phrase: str, flags: int) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """A verb put before its subject with words between, as German and Dutch put it second ("starben bei dem
        Angriff am Montag mindestens 14 Menschen"): up to ``verb_gap`` words with no number, clause word or stop
        between, and the counted people named."""
        most = self.grammar.get("verb_gap", 0)
        if not most:
            return ()
        stop = _words(self.grammar["clause_words"])
        words = rf"(?:\s+(?!(?:{stop})(?![\w-]))[^\s\d,;:.!?()\"„“”«»–—]+){{1,{most}}}?"
        return (("before", re.compile(rf"(?<![\w-])(?P<out>{before}){words}\s+{count}{noun_phrase}", flags)),)

    def _place_lead(self) -> re.Pattern[str]:
        """What leads a place: "in", "nella", "en" (an article maybe after it: "in der", "en la"), or a part or kind
        of land and a genitive ("zone di", "à l'est d'", "im Osten der"), right before the name."""
        g = self.grammar
        articles = rf"(?:\s+{_words(g['place_articles'])})?" if g["place_articles"] else ""
        return re.compile(rf"(?<![\w'’-])(?:{_words(g['place_leads'])}{articles}"
                          rf"|{_words(g['place_nouns'])}\s+{_words(g['genitives'])}{articles})\s*$", re.IGNORECASE)

    def _adjective(self) -> str:
        """Words between a count and its noun: German and Dutch adjectives by their endings ("drei weitere Tote",
        "drie Palestijnse burgers"), Italian ones by name ("un altro morto", "un'altra vittima")."""
        endings, named = self.data["nouns"]["adjective_endings"], self.grammar["before_noun"]
        if endings:  # where nouns are not all capitalised, a people's adjective is ("drie Palestijnse burgers")
            first = "[a-zäöüß]" if self.grammar["capitalised_nouns"] else r"[^\W\d_]"
            return rf"(?:\s+(?-i:{first}[\wäöüß]*{_words(endings)})){{0,2}}"
        return rf"(?:(?:\s+|['’])(?-i:{_words(named)}))?" if named else ""

    def _verb_last_tolls(self, count: str, flags: int) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """A total told with its verb last, as Turkish does ("can kaybı 4 bin 544'e yükseldi"); two totals may share
        the verb ("can kaybı 4 bin 544'e, yaralı sayısı 26 bin 721'e yükseldi")."""
        verbs = self.data["cumulative"].get("links_after")
        if not verbs:
            return ()
        verb = rf"(?P<last>{_words(verbs)})(?![\w-])"
        return (("toll_last", re.compile(
            rf"(?<![\w-])(?P<head>{_words(list(self.heads))})(?P<gap>[^.;!?\d]{{0,80}}?)\s{count}"
            rf"(?:\s+{verb}|(?=\s*,[^.;!?]{{0,80}}?\s{_words(verbs)}(?![\w-])))", flags)),)

    def _rise_shapes(self, count: str, nouns: str, flags: int) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """A total that rose, told verb first ("sale a 40 il bilancio delle vittime", "auf 125 stieg die Zahl der
        Toten", "suman ya 40 los fallecidos") or after its dead ("le vittime salgono a 40", "delle vittime, che
        salgono a 9"); or the total the dead are ("sono 7 i morti", "i morti accertati sono cinque", "12 sono i
        morti")."""
        c = self.data["cumulative"]
        rises, links = _words(c["rises"]), _words(c["rise_links"])
        head = rf"(?P<head>{_words([*self.heads, *c['rise_subjects']])})(?![\w'’-])"
        verb_first = (rf"(?<![\w-])(?:(?P<verb>{rises})(?:\s+{_WORD_CHARS}+)?\s+)?{links}\s+{count}"
                      rf"\s+(?(verb)|{rises}\s+){_words(c['articles'])}\s+{head}")
        shapes = [("rise", re.compile(verb_first, flags))]
        if c["sums"] or c["copulas"]:  # "suman ya nueve los fallecidos", "sono 7 i morti": the total with no link
            shapes.append(("sum", re.compile(rf"(?<![\w-]){_words([*c['sums'], *c['copulas']])}(?:\s+{_WORD_CHARS}+)?"
                                             rf"\s+{count}\s+{_words(c['articles'])}\s+{head}", flags)))
        if c["copulas"]:  # the total first: "Dodici sono le vittime accertate", "12 sono i morti"
            shapes.append(("sum", re.compile(rf"(?<![\w'’-]){count}\s+{_words(c['copulas'])}\s+"
                                             rf"{_words(c['articles'])}\s+{head}", flags)))
            # the people and their participle: "sono 25 i migranti rimasti feriti"
            people, aux = _words(list(self.population)), _words(self.grammar["auxiliaries"])
            after = _words([w for forms in self.data["outcomes"].values() for w in forms["after"]
                            if w not in forms["nouns"]])  # participles: "vittime di truffe" are no dead
            shapes.append(("sum", re.compile(rf"(?<![\w-]){_words(c['copulas'])}\s+{count}\s+{_words(c['articles'])}\s+"
                                             rf"(?P<noun>{people})(?:\s+{aux})*\s+(?P<out>{after})(?![\w-])", flags)))
        # a headline's total with no verb: "Sei le vittime del maltempo", "Tres los muertos"
        shapes.append(("sum", re.compile(rf"(?:^|[:–—]\s*){count}\s+{_words(c['articles'])}\s+{head}", flags)))
        if c["rise_subjects"]:
            copulas = rf"|(?P<be>{_words(c['copulas'])})" if c["copulas"] else ""  # "i morti accertati sono cinque"
            # the dead, then words (no other group joined to them: "i feriti e i malati ... sono 368"), then the verb
            joined = rf"\s+{_words(self.grammar['and'])}\s"
            # nor another subject's number or a "where" clause between ("il numero degli sfollati", "donde la capacidad")
            other = _whole([*{h.split()[0] for hs in c["heads"].values() for h in hs}, *self.grammar["where"]])
            subject_first = (rf"(?<![\w-])(?P<head>{_words(c['rise_subjects'])})(?!{joined})"
                             rf"(?P<gap>(?:(?!{nouns}|{other})[^.;!?\d]){{0,200}}?)\s(?:{rises}\s+{links}{copulas})\s+{count}")
            shapes.append(("risen", re.compile(subject_first, flags)))
        return tuple(shapes)

    def figures(self, sentence: str) -> Iterator[Figure]:
        """Every figure of the sentence, the first shape winning where two read the same number."""
        taken: list[tuple[int, int]] = []
        states = self._states(sentence)
        for told in (self._wounded_died(sentence, states), self._ordinal_toll(sentence, states)):
            if told is not None:
                taken.append((told.start, told.end))
                yield told
        for shape, pattern in self.shapes:
            for m in self._matches(sentence, shape, pattern):
                low = "low" if m.group("low") else "from" if m.group("from") else "num"
                span = (m.start(low), m.end("whole") if m.groupdict().get("whole") else m.end("num"))
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue
                figure = self._figure(sentence, shape, m, states)
                if figure is None:
                    continue
                taken.append(span)
                group = self._grouped(sentence, shape, m, figure, states)
                for each in (*group, *(self._by_place(sentence, group[0]) if group else ())):
                    taken.append((each.start, each.end))
                    yield each

    def _grouped(self, sentence: str, shape: str, m: re.Match[str], figure: Figure,
                 states: Sequence[Mention]) -> tuple[Figure, ...]:
        """The figure and the group joined before it under one verb (``_coordinated``): soldiers with civilians fell
        where they did; two single persons are one figure (``_listed``); one person after people no count tells is
        one of a list it does not sum, no figure."""
        if shape != "after" or not m.group("np"):
            return (figure,)
        joined = self._coordinated(sentence, m, figure, states)
        if joined is None:
            return () if self._after_uncounted(sentence, m) else (figure,)
        if figure.hi == joined.hi == 1 and self.group_start.search(sentence, 0, joined.start):
            return (_listed(joined, figure, self.code),)
        if {figure.population, joined.population} == {"civilian", "military"}:
            figure, joined = replace(figure, home=True), replace(joined, home=True)
        return figure, joined

    def _matches(self, sentence: str, shape: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches that pass the shape's checks; after a refused one the search goes on inside it
        ("zwei Angreifer haben einen Polizisten getötet" is refused, "einen Polizisten getötet" is not)."""
        pos = 0
        while (m := pattern.search(sentence, pos)) is not None:
            if self._plausible(sentence, shape, m):
                pos = m.end()
                yield m
            else:
                pos = m.start("num")
                pos = m.start() + 1 if pos <= m.start() else pos

    def _wounded_died(self, sentence: str, states: Sequence[Mention]) -> Figure | None:
        """One of the wounded has died ("l'un des blessés est décédé", "einer der Verletzten ist gestorben"): one
        more dead; nothing else in the gap, the wound words naming who died."""
        m = self.one_wounded_died.search(sentence)
        if m is None or self._supposed(sentence, m) or any(
                w[0].isdigit() or w in self.numbers or w in self.grammar["clause_words"]
                for w in m.group("gap").lower().split()):
            return None
        return Figure(m.start(), m.end(), "killed", 1, 1, "all", "increment", f"{self.code}-one-of-wounded-died",
                      self._named_state(states, m.start()))

    def _ordinal_toll(self, sentence: str, states: Sequence[Mention]) -> Figure | None:
        """"Un 12e mort", "la 5ª víctima": the newest dead's rank is the toll so far."""
        m = self.ordinal.search(sentence) if self.ordinal else None
        outcome = self.outcome_words.get(m.group("out").lower()) if m else None
        if m is None or outcome is None or self._supposed(sentence, m) or self.hypothetical.search(
                re.split(r"[,;:]", sentence[m.end():])[0]):  # "un 12e mort pourrait être annoncé"
            return None
        n = int(m.group("num"))
        return Figure(m.start(), m.end(), outcome, n, n, "all", "cumulative", f"{self.code}-ordinal-toll",
                      self._named_state(states, m.start()))

    def _by_place(self, sentence: str, figure: Figure) -> Iterator[Figure]:
        """The figures that follow a figure place by place ("16 mortos em Muçum, 12 em Roca Sales, cinco em
        Lajeado"): each of the same outcome, its place its own; the figure's own place passed over first."""
        own = self.own_place.match(sentence, figure.end)
        pos = own.end() if own else figure.end
        places: set[tuple[int, int]] | None = None  # read only where an item follows: most figures have none
        while (item := self.place_item.match(sentence, pos)) is not None:
            if places is None:
                places = {(m.start, m.end) for m in text_mentions(sentence)
                          if m.entity.kind in PLACE_KINDS or m.entity.kind == "state"}
            n = self.number(item.group("num"))
            if n is None or _YEAR.fullmatch(item.group("num")) or item.span("name") not in places:
                return  # a place the gazetteer knows, whole ("30 in Hamburg festgenommen", "12 em Julho" are none)
            yield replace(figure, start=item.start("num"), end=item.end(), lo=n, hi=n, rule=f"{self.code}-place-by-place",
                          named=None, home=False)
            pos = item.end()

    def _after_uncounted(self, sentence: str, m: re.Match[str]) -> bool:
        """A single person joined to people no count tells ("der Fahrer und ein Schüler wurden verletzt"): the figure
        is one of a list it does not sum, no claim."""
        uncounted = self.uncounted_before.search(sentence, 0, m.start()) if m.group("num").lower() in self.singles else None
        return uncounted is not None and self.group_start.search(sentence, 0, uncounted.start()) is not None

    def _coordinated(self, sentence: str, m: re.Match[str], figure: Figure,
                     states: Sequence[Mention]) -> Figure | None:
        """The group joined right before a figure's counted ones ("neuf civils et trois soldats ont été tués",
        "zwölf Zivilisten und drei Soldaten wurden getötet"): its own figure, of the same outcome."""
        joined = self.coordinated.search(sentence, 0, m.start())
        if joined is None or not self._plausible(sentence, "coordinated", joined):
            return None
        return self._figure(sentence, "after", joined, states, figure.outcome)

    def _plausible(self, sentence: str, shape: str, m: re.Match[str]) -> bool:
        """A count, not a time, a year or an age; a single ("ein", "un") only before a noun; a gap that
        holds no other clause, number or active verb; a total followed by nothing else it could count; no wounded
        whose death is told ("le décès de trois blessés" counts three dead, read by the outcome-count shape); no
        total of some among the dead ("tra i morti ci sono ...")."""
        num = m.group("num")
        before = _TOKEN.findall(sentence[max(0, m.start("num") - 12):m.start("num")])
        if before and before[-1] in self.data["not_after"]:
            return False
        if num.lower() in self.singles and not m.groupdict().get("noun") and shape != "nouns":
            return False
        # a year, unless an outcome noun counts it ("1800 heridos")
        if re.fullmatch(r"(?:1[89]|20)\d\d", num) and not m.groupdict().get("noun") and shape != "nouns":
            return False
        if self._supposed(sentence, m) or self._former(sentence, m) or self.identified.match(sentence, m.end()):
            return False  # supposed, replaced, or the dead named so far (some of them)
        if (shape in ("nouns", "after") and self.outcome_words.get(m.group("out").lower()) == "wounded"
                and self.death_of.search(sentence, max(0, m.start() - 40), m.start())):
            return False
        if shape == "risen" and m.groupdict().get("be") and self.among.search(sentence, 0, m.start("head")):
            return False
        if shape == "toll":
            return self._toll_tail(sentence, m.end())
        if shape == "after":
            return self._gap_ok(m)
        return True

    def _supposed(self, sentence: str, m: re.Match[str]) -> bool:
        """The figure is only supposed: a conditional verb in it or just before it, in its clause ("il bilancio
        potrebbe salire a 50", "die Zahl der Toten könnte auf 100 steigen", "potrebbero essere morte 30 persone")."""
        return self._said_in_clause(sentence, m, self.hypothetical)

    def _former(self, sentence: str, m: re.Match[str]) -> bool:
        """The figure was given for a time and then replaced: a word that says so in its clause before it ("die
        Präfektur hatte zeitweise von zwei Toten gesprochen", "inicialmente se informó de 30 muertos")."""
        return self._said_in_clause(sentence, m, self.superseded)

    @staticmethod
    def _said_in_clause(sentence: str, m: re.Match[str], words: re.Pattern[str]) -> bool:
        """One of ``words`` in the match or in its clause just before it."""
        clause = re.split(r"[,;:]", sentence[max(0, m.start() - 40):m.start()])[-1]
        return words.search(f"{clause} {m.group()}") is not None

    def _gap_ok(self, m: re.Match[str]) -> bool:
        words = [w for w in self.phrases.sub(" ", m.group("gap")).split() if w]  # "par ailleurs" is one auxiliary
        lower = [w.lower() for w in words]
        if not m.group("np"):
            return all(w in self.grammar["auxiliaries"] for w in lower)
        if any(((w[0].isdigit() or (w in self.numbers and w not in self.singles)) and not self._counts_things(lower, i))
               or w in self.grammar["clause_words"] or w in self.population
               for i, w in enumerate(lower)):  # another count of people, a clause or a group of people
            return False
        transitive = m.group("out").lower() in self.transitive
        return not (transitive and any(w in self.grammar["active"] for w in lower))

    def _counts_things(self, words: Sequence[str], at: int) -> bool:
        """The number in a gap counts things, not people: a noun follows that is neither people nor an outcome
        ("mindestens 72 Menschen bei zwei Selbstmordanschlägen getötet")."""
        after = words[at + 1] if at + 1 < len(words) else ""
        return (bool(after) and not after[0].isdigit() and after not in self.population
                and after not in self.outcome_words and after not in self.numbers)

    def _toll_tail(self, sentence: str, end: int) -> bool:
        nxt = _TOKEN.match(sentence[end:].lstrip())
        if nxt is None or not sentence[end:end + 1].isspace():
            return True
        word = nxt.group().lower()
        return word in self.data["cumulative"]["tail"] or word in self.population or word in self.outcome_words

    def _figure(self, sentence: str, shape: str, m: re.Match[str], states: Sequence[Mention],
                outcome: str | None = None) -> Figure | None:
        """The figure a match reads, placed by the sentence's ``states`` (``_states``); ``outcome`` where its verb is
        another match's (a joined group)."""
        last = (m.groupdict().get("last") or "").lower()
        after = m.groupdict().get("qual_after") or (last if last in self.after_qualifiers else None)
        value = self._value(m.group("qual"), m.group("num"), after)
        if value is None:
            return None
        lo, hi = value
        bottom = m.group("low") or m.group("from")
        if bottom and (low := self.number(bottom)) is not None and low < lo:
            lo = low
        outcome = outcome or self._outcome(sentence, shape, m)
        if outcome is None:
            return None
        if outcome == "wounded" and shape == "after" and self.died_after.match(sentence, m.end()):
            outcome = "killed"
        noun = (m.groupdict().get("noun") or "").lower()
        population = self.population.get(noun.split("-")[-1], "all")
        return Figure(m.start(), m.end(), outcome, lo, hi, population, self._kind(sentence, shape, m),
                      f"{self.code}-{_RULES[shape]}", self._named_state(states, m.start(), population == "military"))

    def _states(self, sentence: str) -> list[Mention]:
        """The states the sentence names, by name or people, not as where something came from ("Giordania, 17
        feriti ... dalla Siria" is Jordan's): read once a sentence, for each of its figures."""
        return [x for x in text_mentions(sentence) if x.entity.kind == "state" and x.entity.side
                and not self.origin.search(sentence, max(0, x.start - 8), x.start) and not beyond_border(sentence, x)]

    @staticmethod
    def _named_state(states: Sequence[Mention], pos: int, soldiers: bool = False) -> str | None:
        """The state of ``states`` (``_states``) named nearest to the figure at ``pos``: in a ticker's line the state
        named is most often where it happened. For soldiers a people's adjective will do where no state is named: it
        names who tells their figure ("le ministre burkinabè"), whose side the English rules give soldiers."""
        named = [x for x in states if not x.adjective] or (list(states) if soldiers else [])
        return min(named, key=lambda x: abs(x.start - pos)).entity.side if named else None

    def _outcome(self, sentence: str, shape: str, m: re.Match[str]) -> str | None:
        if shape not in _TOTALS or m.groupdict().get("out"):
            out = m.group("out").lower()
            return self.outcome_words.get(out) or self.before_words.get(out)
        said = re.sub(r"\s+", " ", m.group("head").lower())
        head = self.heads.get(said) or self.outcome_words[said]
        if head != "open":
            return head
        after = _TOKEN.match(sentence[m.end():].lstrip())
        near = f"{m.groupdict().get('gap') or ''} {after.group() if after else ''}".lower()
        found = {o for w, o in self.outcome_words.items() if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", near)}
        return found.pop() if len(found) == 1 else None

    def _kind(self, sentence: str, shape: str, m: re.Match[str]) -> str | None:
        if shape in _TOTALS:
            return "cumulative"
        # not inside outcome words after the count: "liggen nog in het ziekenhuis", where "nog" is "still"
        end = m.start("out") if m.groupdict().get("out") and m.start("out") > m.start("num") else m.end()
        if self.increment.search(sentence, max(0, m.start() - 12), end):
            return "increment"
        return "cumulative" if self.cumulative.search(sentence) else None

    def _value(self, qual: str | None, num: str, after: str | None = None) -> tuple[int, int | None] | None:
        """"mehr als 20" is (21, None), "almeno 4" (4, None), "rund 700" (700, 700); "bis zu 30" no figure; a
        qualifier ``after`` the number ("20'den fazla") is more than it."""
        n = self.number(num)
        kind = self.qualifiers.get(re.sub(r"\s+", " ", qual.lower())) if qual else "above" if after else None
        if n is None or kind == "upper":
            return None
        return (n + 1, None) if kind == "above" else (n, None) if kind == "at_least" else (n, n)

    def _without_thousands(self, digits: str) -> str:
        for mark in self.thousands:
            digits = digits.replace(mark, "")
        return digits

    def number(self, text: str) -> int | None:
        """A number in digits ("28.663", "29mila") or words ("einundzwanzig", "duecentoventi")."""
        token = re.sub(r"\s+", "", text.lower())
        token = _CASE_ENDING.sub("", token)
        for suffix, factor in self.data["digit_suffixes"].items():
            head, found, rest = token.partition(suffix)
            if head[:1].isdigit() and found and (not rest or rest.isdigit()):  # "29mila", "5bin894"
                return int(self._without_thousands(head)) * factor + int(rest or 0)
        if token[:1].isdigit():
            return int(self._without_thousands(token))
        return _compound(token, self.numbers, self.multipliers, self.joiners, self.grammar["units_first"])

    def mentions(self, text: str, storms: frozenset[str] = frozenset()) -> tuple[Mention, ...]:
        """The places and peoples the text names, but not a word of the language that English names a place by
        ("Pare", "it seems", is no town of Indonesia) nor a place that is only the first word of a longer name
        ("San" of "San Felice", "San Juan" of "San Juan de Lurigancho")."""
        found = mentions(text, self.gazetteer, storms)
        starts = {x.start for x in found}
        return tuple(x for x in found if x.entity.kind not in PLACE_KINDS
                     or not (text[x.start:x.end] in self.not_places or self._goes_on(text, x.end, starts)
                             or self._between_title_and_surname(text, x)))

    def _between_title_and_surname(self, text: str, m: Mention) -> bool:
        """Where every noun is capitalised a town's name goes on after it, but one between two capitalised words
        is a person's first name, a title before and a surname after ("Brandmeisterin Charlotte Ziller"); not
        where a lead or an article comes before the first ("im Großraum Houston Anfang Juli", "die Stadt
        Charlotte"): that word is a place's noun."""
        if not (self.names_go_on is None and m.entity.kind == "town" and _CAPITAL_AFTER.match(text, m.end)):
            return False
        before = _CAPITAL_BEFORE.search(text, max(0, m.start - 40), m.start)
        if before is None or self.place_lead.search(text, 0, before.start()):
            return False
        return self.place_article is None or not self.place_article.search(text, 0, before.start())

    def names_striker(self, text: str, m: Mention) -> bool:
        """A people's adjective that names who struck, before the striking word or after it ("nach dem russischen
        Angriff", "un ataque ruso", "la frappe russe"): not whose the dead are."""
        return m.adjective and bool(self.striker.match(text, m.end)
                                    or self.struck_by.search(text, max(0, m.start - 40), m.start))

    def _goes_on(self, text: str, end: int, starts: set[int]) -> bool:
        """A name goes on after a place's: a capital right after it, or after a particle a capital that starts
        no name of its own ("San Juan de Lurigancho"; not "Gaza de Israel", two places)."""
        longer = self.names_go_on.match(text, end) if self.names_go_on is not None else None
        return longer is not None and (not longer.group("particle") or longer.end() - 1 not in starts)


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_CAPITAL_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-ZÀ-ÖØ-Þ][\w'’-]+[ \t]+$")  # not a sentence's first word
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+")
_CASE_ENDING = re.compile(r"['’]\w*$")  # after a number, its case: "544'e", "800'ü"
_RULES = {"toll": "total-toll", "toll_last": "total-toll", "rise": "total-rise", "risen": "total-rise", "sum": "total-rise",
          "nouns": "count-outcome-noun", "after": "count-outcome", "before": "outcome-count"}
_TOTALS = frozenset({"toll", "toll_last", "rise", "risen", "sum"})  # shapes of a running total


def _compound(token: str, numbers: dict[str, int], multipliers: dict[str, int], joiners: frozenset[str],
              units_first: bool = False) -> int | None:
    """A number word read part by part, longest part first: "hundert" and "mila" multiply, a smaller part adds to
    a ten before it ("ventitré", "quatre-vingt-dix"); none other adds, so "cinq et six" and "dos tres" are no 11
    nor 5. A joiner stands between a ten and its unit ("treinta y dos", "vingt-et-un"), or where ``units_first``
    between a unit and its ten ("einundzwanzig"), or before a multiplier."""
    parts = sorted([*numbers, *multipliers, *joiners], key=len, reverse=True)
    total = current = 0
    last: int | None = None  # the part added last since a multiplier
    joined = False
    while token:
        part = next((p for p in parts if token.startswith(p)), None)
        if part is None:
            return None
        token = token[len(part):]
        if part in multipliers:
            current = max(current, 1) * multipliers[part]
            if multipliers[part] >= 1000:
                total, current = total + current, 0
            last, joined = None, False
        elif part in joiners:
            joined = True
        else:
            n = numbers[part]
            if last is not None and not _adds(last, n, joined, units_first):
                return None
            current, last, joined = current + n, n, False
    return total + current


def _adds(last: int, n: int, joined: bool, units_first: bool) -> bool:
    """Whether ``n`` right after ``last`` is part of one number: a unit after its ten, or, joined where the unit
    comes first, a ten after its unit ("ein und zwanzig")."""
    if joined and units_first:
        return last < 10 and n % 10 == 0 and 20 <= n < 100
    return last % 10 == 0 and n < last


def _localised_names(code: str) -> dict[str, list[str]]:
    """Each state's name in the language, from pycountry's translations, by the state's slug: its common
    name where it has one ("Syrien"), else its name before a comma ("Iran, Islamische Republik" is "Iran")."""
    import pycountry

    catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code], fallback=True)
    slugs = country_slugs()
    found: dict[str, list[str]] = {}
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        name = catalog.gettext(english).split(",")[0].strip()
        if country.alpha_2 in slugs and name:
            found.setdefault(name, []).append(slugs[country.alpha_2])
    by_slug: dict[str, list[str]] = {}
    for name, states in found.items():
        if len(states) == 1:  # "Korea" names two states: neither
            by_slug.setdefault(states[0], []).append(name)
    return by_slug


def _adjectives(stems: Sequence[str], endings: Sequence[str]) -> list[str]:
    return [f"{stem}{ending}" for stem in stems for ending in endings] if endings else list(stems)


@cache
def _local_gazetteer(code: str) -> Gazetteer:
    """The language's names of states, regions and peoples, under the English gazetteer's slugs; a name
    the English gazetteer holds is left to it."""
    data = _languages()[code]
    english = gazetteer()
    raw: dict[str, dict[str, Any]] = {}
    states = _localised_names(code)
    endings = data["nouns"]["adjective_endings"]
    for slug in {*states, *data["names"], *data["demonyms"], *data["adjectives"], *data["places"]}:
        entity = english.entities.get(slug)
        if entity is None:
            continue
        names = [n for n in [*states.get(slug, ()), *data["names"].get(slug, ())] if not _known(english, n)]
        people = [n for n in [*data["demonyms"].get(slug, ()), *_adjectives(data["adjectives"].get(slug, ()), endings)]
                  if not _known(english, n)]
        raw[slug] = {"kind": entity.kind, "names": names, "adjectives": people}
        for place in data["places"].get(slug, ()):
            raw[f"{code}-{place.lower().replace(' ', '-')}"] = {"kind": "region", "names": [place], "state": slug}
    return Gazetteer(raw)


def _known(english: Gazetteer, name: str) -> bool:
    """The English gazetteer already reads the name ("Israel", "Iran"): its meaning stays the English one."""
    return any(m.start == 0 and m.end == len(name) for m in english.mentions(name))


def mentions(text: str, local: Gazetteer, storms: frozenset[str] = frozenset()) -> tuple[Mention, ...]:
    """The English gazetteer's mentions and the language's, in text order."""
    both = [*gazetteer().mentions(text, storms), *local.mentions(text)]
    return tuple(sorted(both, key=lambda x: x.start))


@cache
def _languages() -> dict[str, dict[str, Any]]:
    return load_toml("casualty_languages.toml")


@cache
def readers() -> tuple[Reader, ...]:
    return tuple(Reader(code, data) for code, data in _languages().items())


@lru_cache(maxsize=1 << 13)
def reader_of(text: str) -> Reader | None:
    """The language a text is written in, when it holds at least two of its marker words (the most wins), in
    the case the data file writes them: a capital starts a name in English ("El Paso", "Le Pen", "Von Braun"),
    unless it only opens a sentence ("Salgono a quattordici i feriti").
    Cached: every sentence and every entry's texts are asked, most of them twice."""
    tokens = _TOKEN.findall(text)
    nouns = {t for t in tokens if t[0].isupper()}
    words = {t for t in tokens if not t[0].isupper()} | {m.group(1).lower() for m in _OPENER.finditer(text)}
    counts = [(len(words & r.markers) + len(nouns & r.noun_markers), r) for r in readers()]
    best = max(counts, key=lambda c: c[0], default=(0, None))
    if best[0] >= _MIN_MARKERS:
        return best[1]
    if best[0] == 0:
        return None
    # one word of a language: a short sentence ("Neun Tote", "111 mortos") or an English one that borrows a word;
    # a detector built for short texts decides among the languages that word may be of
    return _written_in(text, frozenset(r.code for n, r in counts if n))


@cache
def _detector() -> Any:
    """lingua's detector over English and the languages of the data file: it tells the language of a few words
    better than a count of marker words can, at about 0.1 ms a call, so it is asked only where one word is all
    the markers say."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [IsoCode639_1.EN, *(getattr(IsoCode639_1, r.code.upper()) for r in readers())]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


_WRITTEN_IN_SHARE = 0.5  # of lingua's confidence over English and the languages the marker word may be of


def _written_in(text: str, candidates: frozenset[str]) -> Reader | None:
    """The reader of the language among ``candidates`` (those the marker word is of) that lingua finds the text
    written in, weighed against English only ("Acht Tote" is German, though Dutch counts "acht" too); None for
    English or where lingua is unsure."""
    shares = {value.language.iso_code_639_1.name.lower(): value.value
              for value in _detector().compute_language_confidence_values(text)}
    asked = {code: shares.get(code, 0.0) for code in (*candidates, "en")}
    best = max(asked, key=asked.__getitem__)
    total = sum(asked.values())
    if best == "en" or not total or asked[best] / total < _WRITTEN_IN_SHARE:
        return None
    return next(r for r in readers() if r.code == best)


def foreign_figures(sentence: str) -> tuple[Figure, ...]:
    """The figures of a sentence in a language of the data file; () for English and every other text."""
    reader = reader_of(sentence)
    return tuple(reader.figures(sentence)) if reader else ()


@cache
def _beyond_border() -> re.Pattern[str]:
    leads = [*load_toml("casualty_lexicon.toml")["neighbours"]["leads"],
             *(lead for grammar in _languages().values() for lead in grammar["grammar"]["neighbours"])]
    return re.compile(rf"(?<![\w'’-]){_words(leads)}\s+(?:\w{1,3}\s+)?$", re.IGNORECASE)  # an article maybe between


def beyond_border(text: str, m: Mention) -> bool:
    """The state is named as the other side of a border ("near the border with Venezuela", "nahe der Grenze zu
    Polen"): where it happened lies on this side, so it names neither the place nor whose the dead are."""
    return bool(_beyond_border().search(text, max(0, m.start - 30), m.start))


def where_clause(text: str) -> re.Pattern[str] | None:
    """What opens a "where" clause in the text's language ("où", "donde", "wo"), where it is one of the data file's."""
    reader = reader_of(text)
    return reader.where if reader else None


def place_lead(text: str) -> re.Pattern[str] | None:
    """What leads a place in the text's language, where it is one of the data file's ("nella", "en", "im"): a
    name right after it is where something happened."""
    reader = reader_of(text)
    return reader.place_lead if reader else None


def text_mentions(text: str, storms: frozenset[str] = frozenset()) -> tuple[Mention, ...]:
    """Places and peoples a text names, in its own language too when it is one of the data file's; not a
    people's adjective that names who struck ("nach dem russischen Angriff", "un ataque ruso")."""
    reader = reader_of(text)
    if reader is None:
        return gazetteer().mentions(text, storms)
    return tuple(m for m in reader.mentions(text, storms) if not reader.names_striker(text, m))
