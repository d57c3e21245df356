"""Casualty figures in German, Italian, French, Spanish, Dutch, Portuguese, Polish and Turkish (streams/extract/languages.py): each shape, the words
of the data file, and the numbers that are no counts. Sentences in our own wording."""

from datetime import datetime, timezone

import pytest

from streams.extract.casualties import extract_claims
from streams.extract.languages import foreign_figures, text_mentions, reader_of, readers

MAY24 = datetime(2024, 5, 20, 12, 0, tzinfo=timezone.utc)


def claims(body: str, headline: str = "") -> list[tuple]:
    return [(c.party, c.population, c.outcome, c.kind, c.min, c.max, c.rule)
            for c in extract_claims(headline, body, MAY24)]


@pytest.mark.parametrize(("body", "expected"), [
    # de-count-outcome: the participle last, words between; a region of the dataset places it
    ("Bei dem Erdrutsch in Nordrhein-Westfalen sind mindestens sieben Menschen ums Leben gekommen.",
     [("germany", "all", "killed", "incident", 7, None, "de-count-outcome")]),
    # a bare number needs its participle right after it (auxiliaries aside); "mehr als 30" is 31 and more
    ("In Syrien sind vier Menschen erschossen worden, mehr als 30 wurden verletzt.",
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
    # French firefighters, and the emergency services' triage of the wounded
    ("En Syrie, 3 pompiers sont morts, 4 personnes sont en urgence absolue et 12 en urgence relative.",
     [("syria", "all", "killed", "incident", 3, 3, "fr-count-outcome"),
      ("syria", "all", "wounded", "incident", 4, 4, "fr-count-outcome"),
      ("syria", "all", "wounded", "incident", 12, 12, "fr-count-outcome")]),
    # nl-count-outcome: the participle last, "zeker" at least; a people's capitalised adjective before its noun
    ("Bij het ongeluk in Syrië zijn zeker vijf mensen om het leven gekomen.",
     [("syria", "all", "killed", "incident", 5, None, "nl-count-outcome")]),
    ("Drie Palestijnse burgers werden gedood bij een luchtaanval in de Gazastrook.",
     [("palestine", "civilian", "killed", "incident", 3, 3, "nl-count-outcome")]),
    # nl-count-outcome-noun and nl-total-toll ("is opgelopen tot")
    ("In Syrië vielen 12 doden en 40 gewonden.",
     [("syria", "all", "killed", "incident", 12, 12, "nl-count-outcome-noun"),
      ("syria", "all", "wounded", "incident", 40, 40, "nl-count-outcome-noun")]),
    ("Het dodental in Turkije is opgelopen tot 1.200.",
     [("turkey", "all", "killed", "cumulative", 1200, 1200, "nl-total-toll")]),
    # the total first, then what the dead are: "Dodici sono le vittime"
    ("Dodici sono le vittime accertate in Siria, secondo la protezione civile.",
     [("syria", "all", "killed", "cumulative", 12, 12, "it-total-rise")]),
    # pt-count-outcome with "pelo menos", and pt-total-rise verb first
    ("Pelo menos 12 pessoas morreram e 30 ficaram feridas no desabamento em Portugal.",
     [("portugal", "all", "killed", "incident", 12, None, "pt-count-outcome"),
      ("portugal", "all", "wounded", "incident", 30, 30, "pt-count-outcome")]),
    ("Sobe para 40 o número de mortos no Brasil.",
     [("brazil", "all", "killed", "cumulative", 40, 40, "pt-total-rise")]),
    # pl-count-outcome (the verb after its counted ones) and pl-outcome-count (the verb first, as often)
    ("Na Ukrainie jedna osoba zginęła, a siedem odniosło obrażenia po ostrzale miasta.",
     [("ukraine", "all", "killed", "incident", 1, 1, "pl-count-outcome"),
      ("ukraine", "all", "wounded", "incident", 7, 7, "pl-count-outcome")]),
    ("W pożarze w Polsce zginęło co najmniej 12 osób, w tym dzieci.",
     [("poland", "all", "killed", "incident", 12, None, "pl-outcome-count")]),
    # pl-count-outcome-noun, a state in the case a place takes ("w Rosji"), and pl-total-toll
    ("Władze podają 35 zabitych i ponad 200 rannych w Rosji.",
     [("russia", "all", "killed", "incident", 35, 35, "pl-count-outcome-noun"),
      ("russia", "all", "wounded", "incident", 201, None, "pl-count-outcome-noun")]),
    ("Liczba ofiar trzęsienia ziemi w Turcji wzrosła do 1 200.",
     [("turkey", "all", "killed", "cumulative", 1200, 1200, "pl-total-toll")]),
    # tr-count-outcome: a number told "3 bin 215" (3,215), the verb last
    ("Valilik açıklamasına göre Türkiye'de 3 bin 215 kişi hayatını kaybetti ve 12 kişi yaralandı.",
     [("turkey", "all", "killed", "incident", 3215, 3215, "tr-count-outcome"),
      ("turkey", "all", "wounded", "incident", 12, 12, "tr-count-outcome")]),
    # tr-total-toll, its verb last and shared by two totals; a case ending after the number ("'e")
    ("Suriye'de can kaybı 1 bin 20'ye, yaralı sayısı 2 bin 400'e yükseldi.",
     [("syria", "all", "killed", "cumulative", 1020, 1020, "tr-total-toll"),
      ("syria", "all", "wounded", "cumulative", 2400, 2400, "tr-total-toll")]),
    # a total that passed a number is more than it; "'den fazla" after the number too
    ("Türkiye'de ölü sayısı 900'ü geçti, bu arada 20'den fazla kişi yaralandı.",
     [("turkey", "all", "killed", "cumulative", 901, None, "tr-total-toll"),
      ("turkey", "all", "wounded", "incident", 21, None, "tr-count-outcome")]),
])
def test_figures_in_each_language(body, expected):
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
    "Het museum telt 40 zalen en werd in 2010 geopend.",              # rooms and a year, no outcome
    "Er vielen geen doden bij de brand in het centrum.",             # a denial
    "Os bombeiros resgataram 20 pessoas com vida no Brasil.",        # rescued alive
    "Ewakuowano 300 osób z budynków w Polsce, nikt nie został ranny.",  # evacuated, a denial
    "Akcja ratunkowa trwała 12 godzin, strażacy są na miejscu od rana.",  # hours
    "Bölgeye 60 kişilik arama kurtarma ekibi ve 4 bin 500 çadır gönderildi.",  # a team's size, tents
    "Deprem sonrası 2 bin 100 binanın yıkıldığı tespit edildi.",   # buildings
])
def test_no_count_no_claim(body):
    assert claims(body) == []


def test_english_is_never_read_as_another_language():
    sentence = "Ursula von der Leyen said at least 3 people were killed in the attack in Syria."
    assert foreign_figures(sentence) == ()
    codes = tuple(f"{r.code}-" for r in readers())
    assert all(not c.rule.startswith(codes) for c in extract_claims("", sentence, MAY24))
    assert reader_of("Three people were killed and the rest were hurt.") is None


def test_a_number_followed_by_a_date_counts_nobody():
    assert claims("Die Angreifer kamen am 7 Oktober, dabei wurden 14 Menschen in Syrien verletzt.") == [
        ("syria", "all", "wounded", "incident", 14, 14, "de-count-outcome")]


def test_a_ticker_line_is_of_the_state_it_names_not_where_the_attack_came_from():
    assert claims("Giordania, 17 feriti, di cui uno grave, dopo il lancio di razzi dalla Siria.") == [
        ("jordan", "all", "wounded", "incident", 17, 17, "it-count-outcome-noun")]
    assert claims("Libano, 6 morti nel raid arrivato da Israele.") == [
        ("lebanon", "all", "killed", "incident", 6, 6, "it-count-outcome-noun")]


def test_a_people_named_as_who_struck_does_not_place_the_entry():
    body = ("Nach dem russischen Angriff auf ein ukrainisches Dorf brannten mehrere Häuser. "
            "Dabei wurden drei Menschen verletzt.")
    assert claims(body) == [("ukraine", "all", "wounded", "incident", 3, 3, "de-count-outcome")]


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
    # the dead "are five", the wounded rise to 20: not 20 dead
    assert claims("In Siria i morti sono cinque, mentre i feriti salgono a 20 secondo le autorità.") == [
        ("syria", "all", "killed", "cumulative", 5, 5, "it-total-rise"),
        ("syria", "all", "wounded", "cumulative", 20, 20, "it-total-rise")]


def test_a_word_of_the_language_or_a_name_s_first_word_places_nothing():
    # "Pare" (it seems) is a town of Indonesia in English, "San" of "San Felice" one of Mali, "Man" one of Côte d'Ivoire;
    # none of them is a place here, so no side is named at all: an unsided figure is every side's (as in English)
    assert claims("Pare che nella notte siano morte 4 persone.") == [
        ("all", "all", "killed", "incident", 4, 4, "it-outcome-count")]
    assert claims("In San Donà di Piave sono morte 3 persone.") == [
        ("all", "all", "killed", "incident", 3, 3, "it-outcome-count")]
    assert claims("Man zählt bisher 12 Tote, wie die Behörden mitteilen.") == [
        ("all", "all", "killed", "cumulative", 12, 12, "de-count-outcome-noun")]
    # nor a compass point, though regions of Haiti and Guinea-Bissau bear the name
    assert claims("Onze personnes ont été tuées dans le Nord-Est, selon la police.") == [
        ("all", "all", "killed", "incident", 11, 11, "fr-count-outcome")]
    assert claims("A chuva deixou 20 mortos na região Norte, segundo a polícia.") == [
        ("all", "all", "killed", "incident", 20, 20, "pt-count-outcome-noun")]


@pytest.mark.parametrize(("body", "expected"), [
    # fr-total-toll: the open "bilan" takes its outcome from the word after the count; "s'élève à", "fait état de"
    ("Au Tchad, le bilan de l'éboulement s'élève désormais à 23 morts.",
     [("chad", "all", "killed", "cumulative", 23, 23, "fr-total-toll")]),
    ("Au Tchad, la gendarmerie fait état d'un bilan de 9 blessés.",
     [("chad", "all", "wounded", "cumulative", 9, 9, "fr-total-toll")]),
    ("Le nombre de morts au Tchad atteint 1 350, selon le ministère.",     # thousands parted by a space
     [("chad", "all", "killed", "cumulative", 1350, 1350, "fr-total-toll")]),
    # fr-count-outcome: a passive told with "été", a compound number word, an adjective after the noun
    ("Au Tchad, dix-huit personnes ont été tuées lors de la crue.",
     [("chad", "all", "killed", "incident", 18, 18, "fr-count-outcome")]),
    ("Trente et un habitants tchadiens ont été blessés dans l'incendie.",
     [("chad", "civilian", "wounded", "incident", 31, 31, "fr-count-outcome")]),
    ("Au Tchad, un homme a été tué par la foudre.",
     [("chad", "all", "killed", "incident", 1, 1, "fr-count-outcome")]),
    # fr-count-outcome-noun with "au moins" and "plus de"
    ("Au moins 12 morts et plus de 40 blessés au Tchad après l'explosion.",
     [("chad", "all", "killed", "incident", 12, None, "fr-count-outcome-noun"),
      ("chad", "all", "wounded", "incident", 41, None, "fr-count-outcome-noun")]),
    # fr-outcome-count: the active verb before its count
    ("Au Tchad, l'explosion a tué quatre ouvriers et blessant d'autres.",
     [("chad", "civilian", "killed", "incident", 4, 4, "fr-outcome-count")]),
    # es-count-outcome-noun, es-count-outcome, es-outcome-count
    ("Al menos 14 muertos y unos 60 heridos dejó el choque de trenes en Perú.",
     [("peru", "all", "killed", "incident", 14, None, "es-count-outcome-noun"),
      ("peru", "all", "wounded", "incident", 60, 60, "es-count-outcome-noun")]),
    ("En Perú, veintitrés personas fallecidas y 8 lesionados tras el derrumbe.",
     [("peru", "all", "wounded", "incident", 8, 8, "es-count-outcome-noun"),
      ("peru", "all", "killed", "incident", 23, 23, "es-count-outcome")]),
    ("En Perú fallecieron treinta y dos personas por las lluvias.",
     [("peru", "all", "killed", "incident", 32, 32, "es-outcome-count")]),
    ("Las autoridades de Perú confirmaron la muerte de un hombre en la mina.",
     [("peru", "all", "killed", "incident", 1, 1, "es-outcome-count")]),
    # es-total-toll and es-total-rise: head first, verb first, its dead as the subject
    ("La cifra de fallecidos por el alud en Perú ascendió a 61, según el gobierno.",
     [("peru", "all", "killed", "cumulative", 61, 61, "es-total-toll")]),
    ("Sube a 19 el número de heridos en Perú.",
     [("peru", "all", "wounded", "cumulative", 19, 19, "es-total-rise")]),
    ("En Perú los fallecidos ya ascienden a 27.",
     [("peru", "all", "killed", "cumulative", 27, 27, "es-total-rise")]),
    # the dead put at a figure ("cifran en", "sitúa en"); not damages put at a sum
    ("Las autoridades de Perú cifran en 14 los muertos por las lluvias.",
     [("peru", "all", "killed", "cumulative", 14, 14, "es-total-rise")]),
    ("El gobierno de Perú cifra en 300 los millones de daños.", []),
    # fr-total-rise (verb first) and one more: "nouveaux", "otros"
    ("Passe à 26 le nombre de morts au Tchad, selon le gouvernement.",
     [("chad", "all", "killed", "cumulative", 26, 26, "fr-total-rise")]),
    ("Au Tchad, trois nouveaux morts ont été recensés dans la nuit.",
     [("chad", "all", "killed", "increment", 3, 3, "fr-count-outcome-noun")]),
    ("En Perú otros 4 heridos fueron trasladados al hospital.",
     [("peru", "all", "wounded", "increment", 4, 4, "es-count-outcome-noun")]),
    # a name the data file gives: "CDMX" is Mexico City
    ("En la CDMX murieron 6 personas por el incendio.",
     [("mexico", "all", "killed", "incident", 6, 6, "es-outcome-count")]),
])
def test_french_and_spanish_figures(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize("body", [
    "Le séisme a fait des centaines de morts au Tchad.",                 # no figure
    "Une quarantaine de morts au Tchad, selon les secours.",             # about forty: vague, no claim
    "Une femme âgée de 71 ans est arrivée à l'hôpital au Tchad.",        # an age
    "Au Tchad, les pompiers sont arrivés à 14h52 sur les lieux du drame.",  # a time
    "Au Tchad, le bilan pourrait s'alourdir à 80 morts.",                # supposed
    "Au Tchad, six personnes sont portées disparues et 200 ont été évacuées.",  # missing, evacuated
    "Au Tchad, aucun mort n'est à déplorer après la crue.",              # denied
    "Au Tchad, pas un blessé n'a été signalé après l'orage.",
    "Au Tchad, le 12e arrondissement a été évacué après la crue.",       # an ordinal of no dead
    "Au Tchad, deux hommes armés ont tué un témoin avant de fuir.",      # the counted ones killed: only the one
    "Miles de heridos y cientos de muertos en Perú tras el terremoto.",  # no figure
    "Una veintena de muertos en Perú, según la prensa local.",           # vague
    "Un hombre de 58 años fue trasladado al hospital en Perú.",          # an age
    "En Perú el sismo se sintió a las 23.41 h en varias ciudades.",      # a time
    "En Perú el alud podría dejar 40 muertos, teme el alcalde.",         # supposed
    "En Perú hay 7 desaparecidos y 150 rescatados tras el alud.",        # missing, rescued
    "En Perú no hubo ni un muerto, según los bomberos.",                 # denied
    "No se registró ningún herido en Perú tras el sismo.",
    "El daño en Perú se estima en 30 millones de dólares.",              # money
    "Au Tchad, le nombre de victimes est passé de 12 à 15.",             # "de 12 à 15": not the first
])
def test_french_and_spanish_no_count_no_claim(body):
    assert claims(body) == []


def test_active_verb_counts_the_victims_not_the_killers():
    # "ont tué" (unagreed) after the counted ones is active: they killed; the count after it is the dead
    assert claims("Au Tchad, deux hommes armés ont tué trois personnes.") == [
        ("chad", "all", "killed", "incident", 3, 3, "fr-outcome-count")]
    assert claims("En Perú dos hombres han asesinado a un vecino.") == []


@pytest.mark.parametrize(("text", "code"), [
    # Spanish and Italian share words ("con", "una", "del", "ha"): each is told by the words it has alone
    ("Al menos 27 muertos en el accidente del autobús, según la policía.", "es"),
    ("La cifra de muertos asciende a 40 y hay más de 100 heridos.", "es"),
    ("Almeno 27 morti nell'incidente del pullman, secondo la polizia.", "it"),
    ("Una donna è morta e due persone sono rimaste ferite con gravi ustioni.", "it"),
    ("Au moins 27 morts dans l'accident du car, selon la police.", "fr"),
    ("Le bilan s'élève à 14 morts et deux personnes sont encore portées disparues.", "fr"),
    ("Mindestens 27 Menschen sind bei dem Busunglück ums Leben gekommen.", "de"),
    ("Co najmniej 27 osób zginęło w katastrofie autobusu.", "pl"),
    ("Otobüs kazasında en az 27 kişi hayatını kaybetti.", "tr"),
    # English names Spanish and French words in places and names: no language of the data file
    ("At least 27 people died in El Paso and in Los Angeles, officials said.", None),
    ("Marine Le Pen told Al Jazeera that 3 people were killed in the attack.", None),
    ("The UN says 12 people died en route to Las Vegas.", None),
    # English words that are Polish or Turkish ones too ("we", "co", "po", "can", "son") tell no language
    ("We can confirm that 5 people died, his son said.", None),
    ("We spoke to the co-pilot on the Po river, where 3 died.", None),
])
def test_each_language_is_told_by_its_own_words(text, code):
    reader = reader_of(text)
    assert (reader.code if reader else None) == code


def test_soldiers_are_of_the_people_their_sentence_names():
    # a people's adjective names who tells the soldiers' figure, whose side the English rules give them
    assert claims("Selon le ministre malien, deux militaires ont été tués lors de l'embuscade.") == [
        ("mali", "military", "killed", "incident", 2, 2, "fr-count-outcome")]
    # and soldiers of no named people are nobody's, as in English
    assert claims("Deux militaires ont été tués lors de l'embuscade, selon l'état-major.") == [
        ("unknown", "military", "killed", "incident", 2, 2, "fr-count-outcome")]


def test_an_outlet_s_own_nationals_do_not_place_a_figure():
    # "deux Français" among the dead abroad: the figure is of the place the sentence names
    assert claims("Parmi les 30 morts au Tchad figurent deux Français.") == [
        ("chad", "all", "killed", "incident", 30, 30, "fr-count-outcome-noun")]


@pytest.mark.parametrize(("body", "expected"), [
    # fr/es: being in hospital counts as wounded, as "hospitalised" does in English
    ("Au Tchad, onze personnes sont hospitalisées après l'explosion.",
     [("chad", "all", "wounded", "incident", 11, 11, "fr-count-outcome")]),
    ("En Perú, 17 personas fueron hospitalizadas tras la explosión.",
     [("peru", "all", "wounded", "incident", 17, 17, "es-count-outcome")]),
])
def test_in_hospital_is_wounded(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # two counted groups joined before one verb: each its own figure
    ("Au Tchad, neuf civils et trois soldats ont été tués dans l'embuscade.",
     [("chad", "civilian", "killed", "incident", 9, 9, "fr-count-outcome"),
      ("chad", "military", "killed", "incident", 3, 3, "fr-count-outcome")]),
    ("En Perú, seis civiles y dos policías murieron durante el asalto.",
     [("peru", "civilian", "killed", "incident", 6, 6, "es-count-outcome"),
      ("peru", "military", "killed", "incident", 2, 2, "es-count-outcome")]),
    ("In Syrien sind acht Zivilisten und vier Soldaten getötet worden.",
     [("syria", "civilian", "killed", "incident", 8, 8, "de-count-outcome"),
      ("syria", "military", "killed", "incident", 4, 4, "de-count-outcome")]),
])
def test_groups_joined_before_one_verb(body, expected):
    assert sorted(claims(body)) == sorted(expected)


@pytest.mark.parametrize(("body", "expected"), [
    # two single persons before one verb are one figure of both, as English lists them
    ("In Bayern haben ein Feuerwehrmann und eine Feuerwehrfrau bei einem Brand ihr Leben gelassen.",
     [("germany", "all", "killed", "incident", 2, 2, "de-people-listed")]),
    ("En Perú, un hombre y una mujer murieron en el derrumbe.",
     [("peru", "all", "killed", "incident", 2, 2, "es-people-listed")]),
    # a single person joined to a counted group stays apart, and so does each group of a longer list
    ("Au Tchad, sept policiers, un médecin et deux habitants ont péri.",
     [("chad", "civilian", "killed", "incident", 1, 1, "fr-count-outcome"),
      ("chad", "civilian", "killed", "incident", 2, 2, "fr-count-outcome")]),
    # one person joined to people no count tells is one of a list it does not sum: no claim
    ("In Bayern wurden der Fahrer und ein Schüler verletzt.", []),
])
def test_two_single_persons_are_one_figure(body, expected):
    assert sorted(claims(body)) == sorted(expected)


@pytest.mark.parametrize(("body", "expected"), [
    # the people a figure counts, beyond people and soldiers: pupils, firefighters, prisoners, officers
    ("In Sachsen wurden elf Einsatzkräfte verletzt.", [("germany", "all", "wounded", "incident", 11, 11, "de-count-outcome")]),
    ("In Syrien wurden 15 weitere Jugendliche verletzt.",
     [("syria", "civilian", "wounded", "increment", 15, 15, "de-count-outcome")]),
    ("In Sicilia tre operai sono rimasti feriti nel crollo.",
     [("italy", "civilian", "wounded", "incident", 3, 3, "it-count-outcome")]),
    ("Au Mali, quatre élèves ont été tués dans l'attaque.", [("mali", "civilian", "killed", "incident", 4, 4, "fr-count-outcome")]),
    ("En Perú, doce mineros murieron en el derrumbe.", [("peru", "civilian", "killed", "incident", 12, 12, "es-count-outcome")]),
    ("No Brasil, cinco detentos morreram na rebelião.", [("brazil", "all", "killed", "incident", 5, 5, "pt-count-outcome")]),
    ("In Syrië zijn drie leerlingen gedood.", [("syria", "civilian", "killed", "incident", 3, 3, "nl-count-outcome")]),
    # outcome words beyond "killed": drowned, found lifeless, bodies
    ("In Griechenland sind sechs Migranten ertrunken.", [("greece", "all", "killed", "incident", 6, 6, "de-count-outcome")]),
    ("En Perú, tres personas fueron halladas sin vida.", [("peru", "all", "killed", "incident", 3, 3, "es-count-outcome")]),
    ("No Brasil, 111 cadáveres foram localizados.", [("brazil", "all", "killed", "incident", 111, 111, "pt-count-outcome-noun")]),
])
def test_people_and_outcome_words_of_each_language(body, expected):
    assert claims(body) == expected


def test_a_group_with_its_own_verb_keeps_its_own_outcome():
    # the first group has its verb: it is not joined to the second's
    assert sorted(claims("Au Tchad, neuf civils ont été blessés et trois soldats ont été tués.")) == [
        ("chad", "civilian", "wounded", "incident", 9, 9, "fr-count-outcome"),
        ("chad", "military", "killed", "incident", 3, 3, "fr-count-outcome")]


def test_a_total_taken_with_no_link():
    # "suman" takes the running total directly, its dead after it
    assert claims("En Perú ya suman nueve los fallecidos por el temporal.") == [
        ("peru", "all", "killed", "cumulative", 9, 9, "es-total-rise")]
    # a verb that takes no total: no claim
    assert claims("En Perú ya llegan nueve los fallecidos por el temporal.") == []


@pytest.mark.parametrize(("body", "expected"), [
    # one of the wounded has died: one more dead
    ("En Perú, una de las heridas en el derrumbe ha fallecido.",
     [("peru", "all", "killed", "increment", 1, 1, "es-one-of-wounded-died")]),
    ("Au Tchad, l'un des blessés est mort dans la nuit.",
     [("chad", "all", "killed", "increment", 1, 1, "fr-one-of-wounded-died")]),
    ("In Syrien ist einer der Verletzten in der Klinik gestorben.",
     [("syria", "all", "killed", "increment", 1, 1, "de-one-of-wounded-died")]),
])
def test_one_of_the_wounded_has_died(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize("body", [
    # one of the wounded only tells of others' deaths, or might die: no one more dead
    "En Perú, uno de los heridos contó que 2 vecinos han muerto.",
    "Au Tchad, l'un des blessés pourrait être mort, selon la police.",
    "En Perú, uno de los heridos ha declarado ante el juez.",
])
def test_one_of_the_wounded_who_did_not_die(body):
    assert all(c[4] != 1 for c in claims(body))


@pytest.mark.parametrize(("body", "expected"), [
    # the newest dead's rank is the toll so far
    ("Au Tchad, un 12e mort a été signalé ce matin.",
     [("chad", "all", "killed", "cumulative", 12, 12, "fr-ordinal-toll")]),
    ("En Perú, la 7ª víctima fue hallada bajo los escombros.",
     [("peru", "all", "killed", "cumulative", 7, 7, "es-ordinal-toll")]),
])
def test_the_newest_dead_s_rank_is_the_toll(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize("body", [
    # a rank of something else, or a supposed one: no toll
    "Au Tchad, le 12e régiment a perdu deux véhicules, selon les militaires.",
    "Au Tchad, un 12e mort pourrait être annoncé ce soir, selon les médecins.",
])
def test_a_rank_that_is_no_toll(body):
    assert all(c[4] != 12 for c in claims(body))


def sides(text: str) -> list[str | None]:
    return [x.entity.side for x in text_mentions(text)]


def test_a_place_then_a_particle_and_a_name_is_a_longer_name():
    # "San Juan de Lurigancho" (Lima) is no San Juan of Puerto Rico; two names a particle joins are both places
    assert sides("En San Juan de Lurigancho hubo 3 muertos y dos heridos.") == []
    assert sides("En San Juan hubo 3 muertos y dos heridos.") == ["puerto-rico"]
    assert sides("La ofensiva en Gaza de Israel dejó 30 muertos.") == ["palestine", "israel"]


@pytest.mark.parametrize("sentence", [
    # a digit suffix ("mil", "mila") is a whole word, not the start of the counted ones' noun
    "En Perú murieron 29 militares en el ataque, según el ejército.",
    "In Siria sono rimasti feriti 4 milanesi nell'incidente.",
])
def test_a_digit_suffix_is_a_whole_word(sentence):
    assert all(f.lo < 1000 for f in foreign_figures(sentence))
    assert foreign_figures(sentence)


@pytest.mark.parametrize(("sentence", "total"), [
    # two number words side by side or joined are two numbers (a range, a slip), never their sum
    ("Au Tchad, entre cinq et six personnes ont été tuées selon la police.", 11),
    ("En Perú, entre cinco y seis personas murieron en el derrumbe.", 11),
    ("En Perú murieron dos tres personas en el derrumbe, según la policía.", 5),
])
def test_two_number_words_are_not_added_up(sentence, total):
    assert all(total not in (f.lo, f.hi) for f in foreign_figures(sentence))


@pytest.mark.parametrize(("words", "code", "value"), [
    ("einundzwanzig", "de", 21), ("zweihundertdreiundvierzig", "de", 243), ("ventitré", "it", 23),
    ("duecentoventi", "it", 220), ("quatre-vingt-dix-sept", "fr", 97), ("soixante et onze", "fr", 71),
    ("deux cents", "fr", 200), ("treinta y dos", "es", 32), ("doscientos cincuenta", "es", 250),
    ("dos mil", "es", 2000), ("cinq et six", "fr", None), ("cinco y veinte", "es", None), ("tres dos", "es", None),
])
def test_compound_number_words(words, code, value):
    assert next(r for r in readers() if r.code == code).number(words) == value


def test_a_year_like_count_before_an_outcome_noun_is_a_count():
    figures = foreign_figures("En Perú el sismo dejó 1900 heridos y 120 muertos.")
    assert [(f.outcome, f.lo) for f in figures] == [("wounded", 1900), ("killed", 120)]
    assert foreign_figures("En Perú desde 1990 murieron muchos vecinos.") == ()


@pytest.mark.parametrize("sentence", [
    # capitalised words of another language start English names; "state" is English
    "The state governor said visitors near Dal Lake were unhurt. City police said three people died.",
    "Our bus was en route to El Paso when El Paso officers said two men were killed.",
    "Le Pen told Des Moines reporters that Von Trapp fans were hurt.",
    # one word of another language: lingua, asked, finds the sentence English
    "Rescuers in Manila said Acht was among the towns where 12 people died.",
    "Officials said the vittime count rose to 40 in the storm.",
    "Gaza: 50 dead",
])
def test_english_names_do_not_make_a_sentence_foreign(sentence):
    assert reader_of(sentence) is None


@pytest.mark.parametrize(("sentence", "code"), [
    ("Die Zahl der Toten ist nach dem Beben gestiegen.", "de"),
    ("Drei Tote und zwölf Verletzte meldet die Polizei.", "de"),
    ("Il bilancio delle vittime è salito nella notte.", "it"),
    ("Le bilan des victimes s'est alourdi dans la nuit.", "fr"),
    ("El balance de muertos creció en la madrugada.", "es"),
    # one word of the language is all the markers see: lingua, asked about the short text, tells the language
    ("Acht Tote", "de"),
    ("Vijf doden", "nl"),
    ("Enchente deixa 40 mortos", "pt"),
    ("Cinque le vittime", "it"),
])
def test_each_language_is_still_read(sentence, code):
    reader = reader_of(sentence)
    assert reader is not None and reader.code == code


@pytest.mark.parametrize(("body", "party"), [
    # a people's adjective after the strike it names is who struck, not whose dead
    ("La cifra de fallecidos tras un bombardeo ruso en Ucrania subió a 8.", "ukraine"),
    # after the counted people it is whose dead they are
    ("Murieron cinco soldados rusos en la frontera.", "russia"),
])
def test_a_people_named_after_its_strike_is_who_struck(body, party):
    assert [c.party for c in extract_claims("", body, MAY24)] == [party]


@pytest.mark.parametrize(("body", "expected"), [
    # the death of wounded people counts dead
    ("Selon l'hôpital, le décès de trois blessés porte le bilan à 31 morts.", [("killed", 31), ("killed", 3)]),
    ("In ospedale sono morti 2 feriti.", [("killed", 2)]),
    # the wounded alone are wounded
    ("L'explosion a fait cinq blessés.", [("wounded", 5)]),
    # a list of the dead then the wounded: the dead's noun tells no death of the wounded after it
    ("Esplosione in una fabbrica, 4 morti 9 feriti.", [("killed", 4), ("wounded", 9)]),
    ("Alud en una mina: 3 fallecidos 11 heridos.", [("killed", 3), ("wounded", 11)]),
])
def test_the_death_of_wounded_people_counts_dead(body, expected):
    found = extract_claims("", body, MAY24, "Explosion dans une usine au Portugal")
    assert [(c.outcome, c.min) for c in found] == expected


@pytest.mark.parametrize(("body", "party"), [
    # rescue forces are no fight between sides: one disaster's dead are all the dead
    ("Le bilan est de 12 morts. Les forces d'intervention sont sur place.", "all"),
    ("Le bilan est de 12 morts. Des forces ont été déployées dans la ville.", "unknown"),
])
def test_french_rescue_forces_are_no_fight_between_sides(body, party):
    assert [c.party for c in extract_claims("", body, MAY24, "Accident de car")] == [party]


@pytest.mark.parametrize(("body", "expected"), [
    # soldiers counted with civilians before one verb fell where the civilians did: the entry's place
    ("Le ministre a indiqué que onze civils et trois gendarmes avaient été tués.", [("niger", 3), ("niger", 11)]),
    # soldiers alone may have fallen far from home
    ("Le ministre a indiqué que trois gendarmes avaient été tués.", [("unknown", 3)]),
])
def test_soldiers_killed_with_civilians_are_the_place_s_in_french(body, expected):
    assert [(c.party, c.min) for c in extract_claims("", body, MAY24, "Embuscade au Niger")] == expected


def test_a_place_after_the_language_s_own_lead_places_the_entry():
    # "in varie zone del Libano" places the entry, before a town of another state its blog's title names
    body = "Finora si contano 9 feriti. Le ambulanze lavorano in varie zone del Libano."
    found = extract_claims("Pioggia di razzi", body, MAY24, "Droni dalla Siria, colpita la città di Homs")
    assert [c.party for c in found] == ["lebanon"]


def test_a_state_after_a_genitive_alone_is_no_place():
    # "l'ambassade de France" names an embassy, not where it happened: the title's city does
    found = extract_claims("Sept personnes ont été tuées dans l'attaque d'une caserne.",
                           "Des tirs ont aussi visé l'ambassade de France.", MAY24, "Attaque à Niamey")
    assert [(c.party, c.min) for c in found] == [("niger", 7)]


@pytest.mark.parametrize(("body", "expected"), [
    # some of those counted, told between commas, part the count from its outcome
    ("Unas 26 personas, 7 de ellas mujeres, quedaron heridas en Siria.", [("wounded", 26)]),
    # the same aside before no outcome: nothing counted
    ("Unas 26 personas, 7 de ellas mujeres, fueron evacuadas en Siria.", []),
])
def test_a_subset_aside_between_the_count_and_its_outcome(body, expected):
    assert [(c.outcome, c.min) for c in extract_claims("", body, MAY24)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the total told as what the dead are, before or after them
    ("In Siria i morti accertati finora sono sei, secondo la protezione civile.", [("killed", 6)]),
    ("In Siria sono 6 i morti secondo la protezione civile.", [("killed", 6)]),
    ("In Siria i feriti, tutti in ospedale, sono nove.", [("wounded", 9)]),
    # a number that does not follow the verb is no total of theirs
    ("In Siria i morti sono stati portati in 3 ospedali.", []),
])
def test_a_total_told_as_what_the_dead_are(body, expected):
    assert [(c.outcome, c.min) for c in extract_claims("", body, MAY24)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the number of people a participle says were killed, however far it stands after "Zahl der"
    ("Die Zahl der bei dem Beben in Syrien getöteten Menschen ist auf 41 gestiegen.", [("killed", 41)]),
    # a number of people no outcome word describes is no toll
    ("Die Zahl der Flüchtlinge in Syrien ist auf 300 gestiegen.", []),
])
def test_a_german_number_of_people_takes_its_outcome_from_their_participle(body, expected):
    assert [(c.outcome, c.min) for c in extract_claims("", body, MAY24)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a range told "between ... and ...": its lowest to its highest
    ("In Siria sono morti fra 20 e 30 civili.", [("killed", 20, 30)]),
    ("In Syrien wurden zwischen 20 und 30 Menschen getötet.", [("killed", 20, 30)]),
    ("Au Tchad, entre cinq et six personnes ont été tuées selon la police.", [("killed", 5, 6)]),
    # a range of ages is no count
    ("In Siria i feriti avevano fra 20 e 30 anni.", []),
])
def test_a_range_between_two_figures(body, expected):
    assert [(c.outcome, c.min, c.max) for c in extract_claims("", body, MAY24)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "la morte di" counts the dead after it; the reported conditional tells a total as the others do
    ("La Siria ha confermato la morte di 12 soldati.", [("killed", 12, 12)]),
    ("In Siria i soldati morti sarebbero fra 190 e 200.", [("killed", 190, 200)]),
    ("En Siria los muertos serían 40, según la policía.", [("killed", 40, 40)]),
    # years after it, or no number after the verb: no count
    ("La Siria ricorda la morte di 12 anni fa.", []),
    ("In Siria i morti sarebbero stati portati in 3 ospedali.", []),
])
def test_the_death_of_a_number_and_a_reported_total(body, expected):
    assert [(c.outcome, c.min, c.max) for c in extract_claims("", body, MAY24)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a total told as what the dead are
    ("In Siria i feriti sono 11, secondo i soccorsi.", [("wounded", 11)]),
    ("En Perú los heridos son 4, según la policía.", [("wounded", 4)]),
    # some among the dead or wounded: no total of theirs
    ("Tra i feriti ci sono 6 vigili del fuoco.", []),
    ("Fra le vittime ci sono 3 turisti.", []),
    ("En Perú, entre las víctimas son 4 niños, según la policía.", []),
])
def test_some_among_the_dead_are_no_total(body, expected):
    assert [(c.outcome, c.min) for c in extract_claims("", body, MAY24)] == expected


@pytest.mark.parametrize(("body", "party"), [
    # a state after a true locative is where it happened, though the sentence names another
    ("Secondo l'Iran, in Israele sono morti 9 civili.", "israel"),
    ("Selon l'Iran, 9 civils ont été tués en Israël.", "israel"),
    ("Selon l'Iran, 9 civils ont été tués au Liban.", "lebanon"),   # "au" is the locative of a masculine state
    # "a", "alla", "à" before a state mostly mean "to": no place
    ("La Francia ha inviato aiuti alla Giordania. Finora sono morti 7 civili.", "unknown"),
    ("Le Canada a adressé un message à Israël. Jusqu'ici 9 civils ont été tués.", "unknown"),
])
def test_a_state_after_a_dative_is_no_place(body, party):
    assert [c.party for c in extract_claims("", body, MAY24)] == [party]


@pytest.mark.parametrize(("body", "title", "party"), [
    # "l'est de", "el este de": a part of the state is where it happened, before the title's town
    ("Les combats ont repris dans l'est de la Syrie. Trois personnes ont été tuées.", "Explosion à Lyon", "syria"),
    ("Los combates siguen en el este de Siria. Murieron tres personas.", "Explosión en Lima", "syria"),
    # a bare "est" is the verb, "este" is "this": the title's town places it
    ("D'après les enquêteurs, le drone abattu est d'Iran. Trois personnes ont été tuées.", "Explosion à Lyon",
     "france"),
    ("Un misil como este de Irán cayó cerca. Murieron tres personas.", "Explosión en Lima", "peru"),
])
def test_east_of_a_state_but_not_is_of_it(body, title, party):
    assert [c.party for c in extract_claims("", body, MAY24, title)] == [party]


def test_a_short_foreign_headline_gives_its_claim():
    assert claims("Acht Tote bei Busunglück in Bayern") == [
        ("germany", "all", "killed", "incident", 8, 8, "de-count-outcome-noun")]


@pytest.mark.parametrize("body", [
    # the dead named so far are some of them, not a toll
    "Selon la police, 45 victimes identifiées à ce stade.",
    "Bisher wurden in Bayern 12 Tote identifiziert.",
    # a figure given for a time, then replaced, is a former one
    "Die Polizei in Bayern hatte zeitweise von drei Toten gesprochen.",
    "Inicialmente se informó de 30 muertos en Perú.",
])
def test_dead_named_so_far_or_a_former_figure_is_no_claim(body):
    assert claims(body) == []


@pytest.mark.parametrize(("body", "expected"), [
    # the part is the figure ...
    ("Bei dem Unfall in Tirol wurden 12 von 40 Fahrgästen verletzt, teilte die Polizei mit.",
     [("austria", "all", "wounded", "incident", 12, 12, "de-count-outcome")]),
    ("Bei dem Unglück in Polen wurden 23 der 51 Fahrgäste verletzt.",
     [("poland", "all", "wounded", "incident", 23, 23, "de-count-outcome")]),
    # ... unless its noun and participle tell the whole's outcome, as Spanish puts them
    ("La fiscalía ha identificado a 7 de las 19 personas fallecidas en el incendio de Monterrey.",
     [("mexico", "all", "killed", "incident", 19, 19, "es-count-outcome")]),
])
def test_a_part_of_a_whole_in_other_languages(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Seis soldados colombianos murieron en un ataque cerca de la frontera con Venezuela.",
     [("unknown", "military", "killed", "incident", 6, 6, "es-count-outcome")]),
    ("Zwei Soldaten wurden nahe der Grenze zu Belarus getötet.",
     [("unknown", "military", "killed", "incident", 2, 2, "de-count-outcome")]),
])
def test_a_state_across_the_border_names_neither_place_nor_side(body, expected):
    assert claims(body) == expected


def test_a_town_s_name_between_a_title_and_a_surname_is_a_person():
    """German capitalises every noun, so a capital after a town does not end it; between a title and a surname it
    is a first name: "Sprecherin Charlotte Weber" names no town of the United States."""
    body = "Mindestens 12 Menschen wurden verletzt, sagte Polizeisprecherin Charlotte Weber."
    assert claims(body) == [("all", "all", "wounded", "incident", 12, None, "de-count-outcome")]
    assert [m.entity.slug for m in text_mentions("Der Sturm traf am Abend Charlotte und Raleigh.")][:1] == ["charlotte"]


def test_a_dutch_toll_that_stands_at_its_figure():
    assert claims("De dodentol van de overstromingen staat voorlopig op 23.") == [
        ("all", "all", "killed", "cumulative", 23, 23, "nl-total-toll")]


def test_christmas_in_portuguese_is_no_city():
    body = "A polícia registou 8 vítimas mortais nas estradas durante a operação Natal, em Portugal."
    assert claims(body) == [("portugal", "all", "killed", "incident", 8, 8, "pt-count-outcome-noun")]


@pytest.mark.parametrize(("body", "expected"), [
    # a number of things between the count and its verb does not part them ...
    ("In Kabul wurden mindestens 31 Menschen bei drei Anschlägen getötet.",
     [("afghanistan", "all", "killed", "incident", 31, None, "de-count-outcome")]),
    # ... a number of people does: each group its own figure
    ("Bei dem Angriff wurden 12 Menschen und 30 Soldaten verletzt.",
     [("unknown", "military", "wounded", "incident", 30, 30, "de-count-outcome"),
      ("all", "all", "wounded", "incident", 12, 12, "de-count-outcome")]),
])
def test_a_count_of_things_between_a_count_and_its_verb(body, expected):
    assert claims(body) == expected


def test_some_of_those_counted_named_with_no_commas():
    body = "Quattro persone tra cui due bambini di 5 e 7 anni sono rimaste uccise nel crollo in Italia."
    assert claims(body) == [("italy", "all", "killed", "incident", 4, 4, "it-count-outcome")]


def test_french_thousands_with_a_space_or_a_dot():
    assert claims("Au Liban, au moins 2 500 personnes ont été tuées.")[0][4] == 2500
    assert claims("Au Liban, plus de 2.270 personnes ont été blessées.")[0][4] == 2271


@pytest.mark.parametrize(("body", "expected"), [
    ("'Vier doden, zes gewonden bij ongeluk in Nederland'",
     [("netherlands", "all", "killed", "incident", 4, 4, "nl-count-outcome-noun"),
      ("netherlands", "all", "wounded", "incident", 6, 6, "nl-count-outcome-noun")]),
    ("Tre persone sono perite in una valanga in Svizzera.",
     [("switzerland", "all", "killed", "incident", 3, 3, "it-count-outcome")]),
    ("Die Polizei in Österreich meldete den Tod dreier Bergsteiger.",
     [("austria", "all", "killed", "incident", 3, 3, "de-outcome-count")]),
])
def test_a_quoted_headline_perished_in_italian_and_a_german_genitive_count(body, expected):
    assert claims(body) == expected


def test_a_figure_in_a_where_clause_is_of_the_place_before_it():
    body = "El sismo se sintió hasta Guatemala, donde 14 personas murieron, y en El Salvador."
    assert claims(body) == [("guatemala", "all", "killed", "incident", 14, 14, "es-count-outcome")]


@pytest.mark.parametrize(("body", "expected"), [
    # "periti" alone are experts too
    ("Secondo i tre periti della procura, il ponte era instabile da anni.", []),
    # a finite verb after the part: the part is the figure
    ("Tres de las 10 personas murieron en el accidente en México.",
     [("mexico", "all", "killed", "incident", 3, 3, "es-count-outcome")]),
    # a town after a place's noun and its lead stays a place
    ("Nach Überschwemmungen im Großraum Houston Anfang Juli sind drei Menschen gestorben.",
     [("united-states", "all", "killed", "incident", 3, 3, "de-count-outcome")]),
])
def test_experts_finite_verbs_and_a_place_s_noun(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the total as what the people are, their participle after them
    ("In Sicilia sono 25 i migranti rimasti feriti.", [("italy", "all", "wounded", "cumulative", 25, 25, "it-total-rise")]),
    # a headline's total with no verb, the count first
    ("Sei le vittime del maltempo in Sicilia.", [("italy", "all", "killed", "cumulative", 6, 6, "it-total-rise")]),
])
def test_totals_without_a_link_and_more_of_them(body, expected):
    assert sorted(claims(body)) == sorted(expected)


def test_a_count_inside_a_sentence_with_an_article_is_no_headline_total():
    # only a sentence's first words make a total of a count and an article: "tra le sei le vittime" is nothing
    assert claims("In Sicilia, secondo i soccorritori, erano sei le persone a bordo.") == []


def test_a_rise_far_after_its_dead():
    # the dead, then a long clause of where, then the rise: one total
    assert claims("En Chile, el número de muertos en los incendios que han arrasado miles de viviendas en la región "
                  "de Valparaíso, al este de la capital, según las autoridades regionales y el servicio forestal, "
                  "asciende a 64.") == [
        ("chile", "all", "killed", "cumulative", 64, 64, "es-total-rise")]
    # the dead joined to another group are no total of theirs
    assert claims("In Italia i feriti e i malati portati via in elicottero sono 368.") == []


@pytest.mark.parametrize(("body", "expected"), [
    # "Eén", as a Dutch sentence starts "één"
    ("Eén persoon kwam om het leven bij het ongeluk in Utrecht.",
     [("netherlands", "all", "killed", "incident", 1, 1, "nl-count-outcome")]),
    # lying in hospital is wounded, as "in hospital" is in English
    ("Dertien mensen liggen in het ziekenhuis in België.",
     [("belgium", "all", "wounded", "incident", 13, 13, "nl-count-outcome")]),
    # "nog" in the outcome's words is "still", no increment
    ("Dertien mensen liggen nog in het ziekenhuis in België.",
     [("belgium", "all", "wounded", "incident", 13, 13, "nl-count-outcome")]),
    # an auxiliary of two words inside the verb ("par" alone would start another clause)
    ("En Ukraine, onze personnes ont par ailleurs été tuées.",
     [("ukraine", "all", "killed", "incident", 11, 11, "fr-count-outcome")]),
    ("Au Niger, 141 personnes avaient été massacrées.", [("niger", "all", "killed", "incident", 141, 141, "fr-count-outcome")]),
])
def test_more_words_of_dutch_and_french(body, expected):
    assert claims(body) == expected


def test_a_figure_then_place_by_place():
    # each place's figure its own claim, of the first figure's outcome; equal figures of two places stay two
    assert claims("No Brasil, morreram 16 pessoas em Porto Alegre, 12 em Canoas, dois em Pelotas e dois em Santa Maria.") == [
        ("brazil", "all", "killed", "incident", 16, 16, "pt-outcome-count"),
        ("brazil", "all", "killed", "incident", 12, 12, "pt-place-by-place"),
        ("brazil", "all", "killed", "incident", 2, 2, "pt-place-by-place"),
        ("brazil", "all", "killed", "incident", 2, 2, "pt-place-by-place")]
    # a number after a comma that no place follows is no item, nor one before a month, a verb or a place of no gazetteer
    assert claims("No Brasil houve 16 mortos em Porto Alegre, 12 em Julho e 3 em Agosto.") == [
        ("brazil", "all", "killed", "incident", 16, 16, "pt-count-outcome-noun")]
    assert claims("Bei der Demo wurden 16 Polizisten in Berlin verletzt, 30 in Hamburg festgenommen.") == [
        ("germany", "military", "wounded", "incident", 16, 16, "de-count-outcome")]
    assert claims("Ci sono 5 morti e 3 feriti in Sicilia, 2 anni fa.") == [
        ("italy", "all", "killed", "incident", 5, 5, "it-count-outcome-noun"),
        ("italy", "all", "wounded", "incident", 3, 3, "it-count-outcome-noun")]


@pytest.mark.parametrize(("body", "expected"), [
    # a verb's object joined to the next clause's subject is no list of two
    ("In Italia il killer ha ucciso un uomo e una donna è rimasta ferita.",
     [("italy", "civilian", "wounded", "incident", 1, 1, "it-count-outcome")]),
    # people after a verb's object are no uncounted list: the one person is counted
    ("Au Mali, la police a dispersé les manifestants et un policier a été blessé.",
     [("mali", "military", "wounded", "incident", 1, 1, "fr-count-outcome")]),
    # the wounded counted who then died are dead
    ("In Sicilia tre pazienti ricoverati sono morti.", [("italy", "civilian", "killed", "incident", 3, 3, "it-count-outcome")]),
    # no casualty in these: victims of fraud, the displaced's number, burnt hands, doctors at work, missing people
    ("In Italia sono 300 i cittadini vittime di truffe online.", []),
    ("In Italia i morti non sono ancora stati identificati, intanto il numero degli sfollati è salito a 3000.", []),
    ("In Bayern haben sich zwei Feuerwehrleute die Hände verbrannt.", []),
    ("In België werken twee artsen in het ziekenhuis.", []),
    ("En Haïti, le typhon a balayé l'île, faisant 3 disparus.", []),
])
def test_what_the_review_of_the_wider_words_found(body, expected):
    assert claims(body) == expected
