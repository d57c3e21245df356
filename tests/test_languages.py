"""Casualty figures in German and Italian (streams/extract/languages.py): each shape, the words of the data
file, and the numbers that are no counts. Sentences in our own wording."""

from datetime import datetime, timezone

import pytest

from streams.extract.casualties import extract_claims
from streams.extract.languages import foreign_figures, reader_of

MAY24 = datetime(2024, 5, 20, 12, 0, tzinfo=timezone.utc)


def claims(body: str, headline: str = "") -> list[tuple]:
    return [(c.party, c.population, c.outcome, c.kind, c.min, c.max, c.rule)
            for c in extract_claims(headline, body, MAY24)]


@pytest.mark.parametrize(("body", "expected"), [
    # de-count-outcome: the participle last, words between; a region of the dataset places it
    ("Bei dem Erdrutsch in Nordrhein-Westfalen sind mindestens sieben Menschen ums Leben gekommen.",
     [("germany", "all", "killed", "incident", 7, None, "de-count-outcome")]),
    # a bare number needs its participle right after it (auxiliaries aside); "mehr als 30" is 31 and more
    ("Nach dem Anschlag in Syrien wurden vier Menschen getötet und mehr als 30 verletzt.",
     [("syria", "all", "killed", "incident", 4, 4, "de-count-outcome"),
      ("syria", "all", "wounded", "incident", 31, None, "de-count-outcome")]),
    # an age is no count: "ein 45-Jähriger" is one person
    ("In Syrien wurde ein 45-Jähriger in der Nacht bei einem Brand getötet.",
     [("syria", "all", "killed", "incident", 1, 1, "de-count-outcome")]),
    # a people's name in the counted words is whose dead they are; "rund" is about
    ("Die Behörden berichten, rund 40 Palästinenser seien am Abend getötet worden.",
     [("palestine", "all", "killed", "incident", 40, 40, "de-count-outcome")]),
    # a compound number word
    ("Nach Angaben der Polizei wurden in Syrien einundzwanzig Soldaten verwundet.",
     [("syria", "military", "wounded", "incident", 21, 21, "de-count-outcome")]),
    # de-count-outcome-noun
    ("Die Behörden in Syrien meldeten zwölf Tote und 40 Verletzte.",
     [("syria", "all", "killed", "incident", 12, 12, "de-count-outcome-noun"),
      ("syria", "all", "wounded", "incident", 40, 40, "de-count-outcome-noun")]),
    # de-outcome-count
    ("Bei dem Zugunglück in Syrien starben etwa 30 Menschen.",
     [("syria", "all", "killed", "incident", 30, 30, "de-outcome-count")]),
    # de-total-toll, and "von 80 auf 95": the total is the second
    ("Die Zahl der Toten in Syrien ist auf 143 gestiegen.",
     [("syria", "all", "killed", "cumulative", 143, 143, "de-total-toll")]),
    ("Die Zahl der Verletzten in Syrien hat sich von 80 auf 95 erhöht.",
     [("syria", "all", "wounded", "cumulative", 95, 95, "de-total-toll")]),
    # active: the counted ones killed; the one they killed is counted (police fall where they serve)
    ("In Syrien haben zwei Angreifer einen Polizisten getötet.",
     [("syria", "military", "killed", "incident", 1, 1, "de-count-outcome")]),
    # it-count-outcome, with "almeno"; a country name from pycountry's translations places it
    ("Almeno 12 persone sono morte in Siria nel crollo di un palazzo.",
     [("syria", "all", "killed", "incident", 12, None, "it-count-outcome")]),
    # it-count-outcome-noun and it-total-toll: the open "bilancio" takes its outcome from the words after
    ("In Siria il bilancio è di 5 morti e 23 feriti.",
     [("syria", "all", "killed", "cumulative", 5, 5, "it-total-toll"),
      ("syria", "all", "wounded", "incident", 23, 23, "it-count-outcome-noun")]),
    # it-outcome-count, a people after the number
    ("Nel raid sono stati uccisi 14 palestinesi, secondo le autorità.",
     [("palestine", "all", "killed", "incident", 14, 14, "it-outcome-count")]),
    # "oltre 29mila" is more than 29,000; a compound word
    ("Secondo le stime sarebbero morti oltre 29mila soldati.",
     [("unknown", "military", "killed", "incident", 29001, None, "it-outcome-count")]),
    ("Secondo la protezione civile in Siria sono morte duecentoventi persone.",
     [("syria", "all", "killed", "incident", 220, 220, "it-outcome-count")]),
])
def test_german_and_italian_figures(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize("body", [
    "Hunderte Menschen wurden bei den Protesten verletzt.",          # no figure
    "Es gibt Tausende Tote und Verletzte, sagt die Regierung.",
    "Si contano centinaia di morti e migliaia di feriti nella regione.",
    "Ein 63-Jähriger wurde am Morgen festgenommen.",                 # an age, no outcome
    "Der Angriff begann um 8.45 Uhr, verletzt wurde dabei niemand.",  # a time
    "Seit 2014 wurden dort immer wieder Soldaten getötet.",          # a year
    "Der Schaden beträgt 40 Millionen Euro, wie die Versicherer sagen.",
    "Drei Menschen wurden nicht verletzt, sagt die Feuerwehr.",      # denied between count and participle
    "Un bambino di 12 anni è stato ricoverato in ospedale.",          # an age
    "Oltre 220mila persone sono rimaste senza casa dopo il sisma.",  # homeless, no outcome
    "Dal 7 ottobre le persone sono state evacuate a migliaia.",      # a date
    "Bis zu 30 Menschen sollen getötet worden sein.",                # an upper bound alone
])
def test_no_count_no_claim(body):
    assert claims(body) == []


def test_english_is_never_read_as_another_language():
    sentence = "Ursula von der Leyen said at least 3 people were killed in the attack in Syria."
    assert foreign_figures(sentence) == ()
    assert all(not c.rule.startswith(("de-", "it-")) for c in extract_claims("", sentence, MAY24))
    assert reader_of("Three people were killed and the rest were hurt.") is None


def test_a_number_followed_by_a_date_counts_nobody():
    assert claims("Die Angreifer kamen am 7 Oktober, dabei wurden 14 Menschen in Syrien verletzt.") == [
        ("syria", "all", "wounded", "incident", 14, 14, "de-count-outcome")]


def test_a_ticker_line_is_of_the_state_it_names_not_where_the_attack_came_from():
    assert claims("Israele, 44 feriti, di cui due gravi, per l'attacco dall'Iran.") == [
        ("israel", "all", "wounded", "incident", 44, 44, "it-count-outcome-noun")]
    assert claims("Libano, 6 morti nel raid arrivato da Israele.") == [
        ("lebanon", "all", "killed", "incident", 6, 6, "it-count-outcome-noun")]


def test_a_people_named_as_who_struck_does_not_place_the_entry():
    body = ("Nach der russischen Offensive in der ostukrainischen Region wurden Dörfer geräumt. "
            "Dabei wurden zwei Menschen verletzt.")
    assert claims(body) == [("ukraine", "all", "wounded", "incident", 2, 2, "de-count-outcome")]


@pytest.mark.parametrize(("body", "expected"), [
    # it-total-rise: a rising total told verb first, its head after the count ("ad" before a vowel too)
    ("Sale a 17 il bilancio delle vittime della frana in Siria.",
     [("syria", "all", "killed", "cumulative", 17, 17, "it-total-rise")]),
    ("È salito ancora ad undici il numero dei morti in Siria.",
     [("syria", "all", "killed", "cumulative", 11, 11, "it-total-rise")]),
    ("Salgono a quattordici i feriti dell'esplosione in Siria.",
     [("syria", "all", "wounded", "cumulative", 14, 14, "it-total-rise")]),
    # ... or after its dead, who are the subject ("che" takes them up)
    ("In Siria le vittime dell'incendio salgono a 6.",
     [("syria", "all", "killed", "cumulative", 6, 6, "it-total-rise")]),
    ("Prosegue la conta delle vittime in Siria, che salgono a 21.",
     [("syria", "all", "killed", "cumulative", 21, 21, "it-total-rise")]),
    # de-total-rise: "auf N" first, the verb before the total's head
    ("Auf 45 stieg die Zahl der Todesopfer in Syrien.",
     [("syria", "all", "killed", "cumulative", 45, 45, "de-total-rise")]),
    ("Auf mindestens 60 ist die Zahl der Verletzten in Syrien gestiegen.",
     [("syria", "all", "wounded", "cumulative", 60, None, "de-total-rise")]),
    ("In Syrien steigt die Zahl der Toten auf 31.",
     [("syria", "all", "killed", "cumulative", 31, 31, "de-total-toll")]),
    ("In Siria il bilancio provvisorio è di 9 morti.",
     [("syria", "all", "killed", "cumulative", 9, 9, "it-total-toll")]),
    # one more: "ein weiterer Toter", "un'altra vittima", "un altro ferito"
    ("In Syrien wurde ein weiterer Toter geborgen.",
     [("syria", "all", "killed", "increment", 1, 1, "de-count-outcome-noun")]),
    ("In Siria è stata trovata un'altra vittima.",
     [("syria", "all", "killed", "increment", 1, 1, "it-count-outcome-noun")]),
    ("In Siria un altro ferito è grave.",
     [("syria", "all", "wounded", "increment", 1, 1, "it-count-outcome-noun")]),
    ("In Syrien starb ein weiterer Soldat.",
     [("syria", "military", "killed", "increment", 1, 1, "de-outcome-count")]),
    # the dead and the wounded of one event; the active verb before its count
    ("Il sisma in Siria ha causato 8 morti e 31 feriti.",
     [("syria", "all", "killed", "incident", 8, 8, "it-count-outcome-noun"),
      ("syria", "all", "wounded", "incident", 31, 31, "it-count-outcome-noun")]),
    ("In Syrien kamen bei dem Brand zwei Kinder ums Leben.",
     [("syria", "civilian", "killed", "incident", 2, 2, "de-count-outcome")]),
    ("Der Sturm in Syrien tötete elf Menschen.",
     [("syria", "all", "killed", "incident", 11, 11, "de-outcome-count")]),
    ("Nach Angaben der Behörden gibt es in Syrien 19 Todesopfer.",
     [("syria", "all", "killed", "incident", 19, 19, "de-count-outcome-noun")]),
])
def test_totals_that_rise_and_one_more(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize("body", [
    "Il bilancio delle vittime in Siria potrebbe salire a 100.",     # supposed
    "Potrebbero essere morte 30 persone nel crollo in Siria.",
    "Fino a 40 persone potrebbero essere morte in Siria.",
    "Die Zahl der Toten in Syrien könnte auf 300 steigen.",
    "Die Zahl der Todesopfer in Syrien dürfte auf über 200 steigen.",
    "Bis zu 100 Menschen starben in Syrien.",                        # an upper bound
    "Sale a 20 il numero degli sfollati in Siria.",                  # displaced, missing: no casualties
    "Auf 30 ist die Zahl der Vermissten in Syrien gestiegen.",
    "Sale a 2 milioni di euro il conto dei danni in Siria.",         # money
    "Le vittime in Siria avevano tra i 20 e i 63 anni.",             # ages
    "Nessun morto in Siria, secondo i vigili del fuoco.",            # denied
    "In Syrien gab es nach Angaben der Polizei keine Toten.",
    "Um 8.45 Uhr stieg die Zahl der Toten in Syrien erneut.",        # a time
    "Seit 2015 stieg die Zahl der Toten in Syrien nicht.",           # a year
])
def test_supposed_or_other_totals_are_no_claim(body):
    assert claims(body) == []


def test_a_rise_is_of_the_dead_nearest_before_it():
    assert claims("In Siria i morti sono cinque, mentre i feriti salgono a 20 secondo le autorità.") == [
        ("syria", "all", "wounded", "cumulative", 20, 20, "it-total-rise")]


def test_a_word_of_the_language_or_a_name_s_first_word_places_nothing():
    # "Pare" (it seems) is a town of Indonesia in English, "San" of "San Felice" one of Mali, "Man" one of Côte d'Ivoire
    assert claims("Pare che nella notte siano morte 4 persone.") == [
        ("unknown", "all", "killed", "incident", 4, 4, "it-outcome-count")]
    # no place and no side named at all: an unsided figure is every side's (as in English)
    assert claims("In San Felice sul Panaro sono morte 2 persone.") == [
        ("all", "all", "killed", "incident", 2, 2, "it-outcome-count")]
    assert claims("Man zählt bisher 12 Tote, wie die Behörden mitteilen.") == [
        ("unknown", "all", "killed", "cumulative", 12, 12, "de-count-outcome-noun")]
