"""Casualty claim extraction: seed sentences, other wars and outlets, and figures that are not casualties."""

from datetime import datetime, timezone

import pytest

from streams.extract.casualties import _CUE, _GAZ, _has_cue, dated_earlier, extract_claims
from streams.extract.party import place_of

SEP28 = datetime(2020, 9, 28, 12, 0, tzinfo=timezone.utc)
DEC23 = datetime(2023, 12, 10, 12, 0, tzinfo=timezone.utc)
JUN22 = datetime(2022, 6, 1, 12, 0, tzinfo=timezone.utc)


def claims(body: str, headline: str = "", when: datetime = SEP28) -> list[tuple]:
    return [(c.party, c.population, c.outcome, c.kind, c.min, c.max)
            for c in extract_claims(headline, body, when)]


@pytest.mark.parametrize(("body", "expected"), [
    # seed 004 and the four articles
    ("Officials in Nagorno-Karabakh said 15 more military personnel had been killed in the continuing fighting, "
     "bringing the total to more than 30.",
     [("nagorno-karabakh", "military", "killed", "increment", 15, 15),
      ("nagorno-karabakh", "military", "killed", "cumulative", 31, None)]),
    ("Azerbaijan’s foreign ministry has said a total of six Azerbaijani civilians have been killed and 19 wounded "
     "since the fighting began.",
     [("azerbaijan", "civilian", "killed", "cumulative", 6, 6),
      ("azerbaijan", "civilian", "wounded", "cumulative", 19, 19)]),
    ("Karabakh’s defence ministry said 27 fighters were killed in fighting – after previously reporting 28 – "
     "bringing their total military losses to 58.",
     [("nagorno-karabakh", "military", "killed", "correction", 27, 27),
      ("nagorno-karabakh", "military", "killed", "cumulative", 58, 58)]),
    ("The overall death toll rose to 67 including nine civilian deaths: seven in Azerbaijan and two on the "
     "Armenian side.",
     [("all", "all", "killed", "cumulative", 67, 67), ("all", "civilian", "killed", "cumulative", 9, 9),
      ("azerbaijan", "civilian", "killed", "cumulative", 7, 7), ("armenia", "civilian", "killed", "cumulative", 2, 2)]),
    ("The Nagorno-Karabakh region said at least 26 more of its servicemen had been killed in fighting with "
     "Azerbaijan’s forces.",
     [("nagorno-karabakh", "military", "killed", "increment", 26, None)]),
    ("Armenian human rights groups said two civilians, a woman and a child, were killed in the onslaught.",
     [("armenia", "civilian", "killed", "incident", 2, 2)]),
    ("During the worst recent clashes in April 2016, around 110 people were killed.",
     [("unknown", "all", "killed", "historical", 110, 110)]),
    ("It was not immediately clear what sparked the fighting, the heaviest since clashes in July killed over a "
     "dozen people from both sides.",
     [("all", "all", "killed", "historical", 13, None)]),
    ("Baku said several Azerbaijani civilians had been killed and six wounded.",
     [("azerbaijan", "civilian", "killed", "incident", 3, None), ("azerbaijan", "civilian", "wounded", "incident", 6, 6)]),
    ("As a result of #Azerbaijan shelling a woman & a child were killed in #Martuni region of #Artsakh.",
     [("nagorno-karabakh", "civilian", "killed", "incident", 2, 2)]),
    # other wars, other outlets
    ("Israeli strikes killed at least 30 Palestinians in Gaza overnight, the health ministry said.",
     [("palestine", "all", "killed", "incident", 30, None)]),
    ("The Gaza health ministry said the death toll had risen to 17,997 since October 7.",
     [("palestine", "all", "killed", "cumulative", 17997, 17997)]),
    ("Israel says three soldiers were killed in Gaza, bringing its military death toll to 98.",
     [("israel", "military", "killed", "incident", 3, 3), ("israel", "military", "killed", "cumulative", 98, 98)]),
    ("A Russian missile strike on Kharkiv killed Twelve people and wounded dozens, regional officials said.",
     [("ukraine", "all", "killed", "incident", 12, 12), ("ukraine", "all", "wounded", "incident", 12, None)]),
    ("Ukraine’s military said 14 Russian soldiers were killed near Bakhmut.",
     [("russia", "military", "killed", "incident", 14, 14)]),
    ("Doctors said nine people were killed when the RSF shelled a market in El Fasher.",
     [("sudan", "all", "killed", "incident", 9, 9)]),
    ("Between 20 and 25 civilians were killed in Omdurman, activists said.",
     [("sudan", "civilian", "killed", "incident", 20, 25)]),
    ("Another 5 civilians were killed in Kherson.",
     [("ukraine", "civilian", "killed", "increment", 5, 5)]),
    ("A soldier was killed and two others were injured in a drone attack, the army said.",
     [("unknown", "military", "killed", "incident", 1, 1), ("unknown", "military", "wounded", "incident", 2, 2)]),
    # the revised figure is read (its kind is not yet told a correction); the superseded 28 is not
    ("The ministry revised the toll down from 28 to 27.", [("all", "all", "killed", "cumulative", 27, 27)]),
])
def test_claims(body, expected):
    when = DEC23 if ("Gaza" in body) else JUN22 if ("Kharkiv" in body or "Ukraine" in body or "Kherson" in body) else SEP28
    if "Sudan" in body or "RSF" in body or "Omdurman" in body:
        when = DEC23
    assert claims(body, when=when) == expected


@pytest.mark.parametrize("body", [
    # no deaths
    "He said it was unclear who fired the rockets and there were no casualties or damages.",
    "All crew members of the downed helicopter survived, military officials said.",
    "Azerbaijan has not reported any military casualties.",
    "No one was killed in the attack, police said.",
    # numbers that are not casualties
    "Turkey had sent about 4,000 fighters from northern Syria to Azerbaijan.",
    "Forces shot down two helicopters, three military tanks, and at least three Armenian drones.",
    "The convoy carried 120 tons of aid and 35 trucks of medicine.",
    "Three rockets fired as part of the conflict have landed on Iranian soil so far.",
    "The Turkish lira slid 2 percent against the dollar.",
    "A 25-year-old man from Stepanakert joined the 3,000 troops deployed on September 27.",
    "Heavy fighting entered its third day, after 5 days of talks collapsed.",
    "Azerbaijan said it destroyed 12 Armenian air defence systems.",
    # denied, hypothetical, upper bound only, vague
    "Azerbaijan denied reports that 100 of its soldiers had been killed.",
    "Officials warned that hundreds could be killed if the offensive continues.",
    "Up to 30 people may have been killed.",
    "Military and civilian deaths have been reported from both sides.",
    "Several casualties were reported after the shelling.",
])
def test_no_claim(body):
    assert claims(body) == []


def test_headline_restating_body_is_counted_once():
    found = extract_claims(
        "Azerbaijan: 2 killed, 2 wounded in Armenia’s shelling",
        "Armenian artillery fire killed two civilians in western Azerbaijan, wounding two others.\n\n"
        "Two brothers were killed and two others injured in the town of Shihah, the authorities said.\n\n"
        "Another civilian in Terter was also killed due to artillery fire by Armenian forces in the morning.",
        SEP28,
    )
    assert [(c.party, c.population, c.outcome, c.kind, c.min) for c in found] == [
        ("azerbaijan", "civilian", "killed", "incident", 2),
        ("azerbaijan", "civilian", "wounded", "incident", 2),
        ("azerbaijan", "civilian", "killed", "increment", 1),
    ]
    assert all(c.claimant == "azerbaijan" for c in found)
    assert [dated_earlier(c) for c in found] == [False, False, True]


def test_claimant_and_quote():
    (claim,) = extract_claims("Azerbaijan says six civilians killed", "", SEP28)
    assert (claim.claimant, claim.party, claim.population, claim.min) == ("azerbaijan", "azerbaijan", "civilian", 6)
    assert claim.text == "Azerbaijan says six civilians killed"


def test_number_words_and_compounds():
    assert claims("Twenty-six soldiers were killed.")[0][4] == 26
    assert claims("One hundred and ten people died.")[0][4] == 110
    assert claims("Two brothers were killed.")[0][1:5] == ("civilian", "killed", "incident", 2)


@pytest.mark.parametrize("sentence", [
    "Six were KILLED.", "Death Toll rises", "no cue here", "ſlain", "loſſes mount", "“Wounded” – again",
    "İnjured", "Kİll", "DİE", "a Kill", "", "LIVES lost",
])
def test_fast_cue_check_agrees_with_the_case_insensitive_pattern(sentence):
    assert _has_cue(sentence) == bool(_CUE.search(sentence))


def test_every_outcome_word_of_the_lexicon_passes_the_cue_filter():
    """The cue filter skips sentences before the patterns run: a word added to the lexicon must not be skipped."""
    from streams.extract.lexicon import casualty_lexicon

    lexicon = casualty_lexicon()
    words = [w for forms in lexicon["outcomes"].values() for position in ("after", "before", "nouns") for w in forms[position]]
    assert [w for w in words if not _has_cue(f"Five people {w}")] == []


@pytest.mark.parametrize(("body", "expected"), [
    # a killing named by its noun, the figure after "of"; quotes around the noun do not hide it
    ('Residents described the "massacre" of 43 villagers by the militia.',
     [("unknown", "civilian", "killed", "incident", 43, 43)]),
    ("Officials condemned the slaughter of 12 farmers.", [("all", "civilian", "killed", "incident", 12, 12)]),
    # a toll raised to a figure: what was raised stands before the verb
    ("Rescuers said the number of dead has been raised to 230.", [("all", "all", "killed", "cumulative", 230, 230)]),
])
def test_killing_nouns_and_raised_tolls(body, expected):
    assert claims(body, when=DEC23) == expected


@pytest.mark.parametrize(("text", "side"), [
    ("in the US Defense Department", None),  # a state's name before an institution names the institution
    ("in the Russia Embassy attack in Kabul", "afghanistan"),
    ("in Ukraine", "ukraine"),
])
def test_a_state_qualifying_an_institution_is_no_place(text, side):
    assert place_of(text, _GAZ.mentions(text)) == side


@pytest.mark.parametrize(("body", "expected"), [
    # a landform word is no place: "Gulf" is not Papua New Guinea's province, the figure keeps the claim's place
    ("Four people died in Oaxaca and two more in the Gulf coast state of Veracruz.",
     [("mexico", "all", "killed", "incident", 4, 4), ("mexico", "all", "killed", "incident", 2, 2)]),
    # one of the wounded who has since died is a death, not a count of the wounded
    ("Officials said one of the people injured in the shelling of a market in Terter has died.",
     [("azerbaijan", "all", "killed", "incident", 1, 1)]),
    ("Two soldiers wounded on Monday have since died.", [("unknown", "military", "killed", "incident", 2, 2)]),
    ("Eighty of the hospitalised are in a serious condition.", [("all", "all", "wounded", "incident", 80, 80)]),
    # a toll "and counting" is still rising: open-ended
    ("The official death toll climbed to 212 and counting.", [("all", "all", "killed", "cumulative", 212, None)]),
    # a total after figures from two states is both states' total
    ("Rescuers said 120 people died in Turkey and 45 in Syria, bringing the total to 165.",
     [("turkey", "all", "killed", "incident", 120, 120), ("syria", "all", "killed", "incident", 45, 45),
      ("all", "all", "killed", "cumulative", 165, 165)]),
    # the place a storm or a strike hit is where its dead are, not a place named before
    ("The cyclone, which left dozens dead in Myanmar, then hit Bangladesh, killing at least nine people.",
     [("myanmar", "all", "killed", "incident", 12, None), ("bangladesh", "all", "killed", "incident", 9, None)]),
    # a place-by-place list goes on past an aside after an item, and two items may give the same figure
    ("Activists said 95 people were killed in Damascus, 30 in Homs (including 8 children), 20 in Hama; most of them "
     "in the countryside, 20 in Idlib and 25 in Aleppo.",
     [("syria", "all", "killed", "incident", n, n) for n in (95, 30, 20, 20, 25)]),
    # a list of counted groups after the verb, each its own figure; a qualifier before a list is its first item's
    ("The shelling killed 5 civilians and 3 soldiers.",
     [("unknown", "civilian", "killed", "incident", 5, 5), ("unknown", "military", "killed", "incident", 3, 3)]),
    ("At least 19 children and six women died.",
     [("all", "civilian", "killed", "incident", 19, None), ("all", "civilian", "killed", "incident", 6, 6)]),
    # people named by their state count as a group of a list too, each group the party it names
    ("The bombings killed at least 40 Iraqis and 3 U.S. soldiers, officials said.",
     [("iraq", "all", "killed", "incident", 40, None), ("united-states", "military", "killed", "incident", 3, 3)]),
    ("Medics said 30 Palestinians and 2 Israelis were killed.",
     [("palestine", "all", "killed", "incident", 30, 30), ("israel", "all", "killed", "incident", 2, 2)]),
    # a city rockets often hit, under its usual spellings
    ("A woman was lightly wounded when a rocket struck a house in Be'er Sheva.",
     [("israel", "civilian", "wounded", "incident", 1, 1)]),
    # an aside between dashes parts the count from its outcome; "Gazans" are Gaza's people
    ("Medics said 212 Gazans — most of them women and children — have been killed.",
     [("palestine", "all", "killed", "incident", 212, 212)]),
    # a place after a list is the list's, not taken from the figure before it
    ("Over 900 Gazans have been killed, and 30 soldiers and two civilians in Israel have died.",
     [("palestine", "all", "killed", "incident", 901, None), ("israel", "military", "killed", "incident", 30, 30),
      ("israel", "civilian", "killed", "incident", 2, 2)]),
])
def test_places_parties_and_open_tolls(body, expected):
    assert claims(body) == expected


def test_a_state_adjective_before_a_place_noun_places_the_figure():
    found = extract_claims("Storm batters Anguilla", "Paris said five people died in the French island territories.",
                           SEP28)
    assert [(c.party, c.min) for c in found] == [("france", 5)]


def test_a_group_counted_by_sex_is_one_figure_other_lists_stay_apart():
    assert [(c.min, c.max) for c in extract_claims("", "Police said four women and six men died in the fire.", SEP28)] == [
        (10, 10)]
    assert [(c.min, c.max) for c in extract_claims("", "Police said four nurses and six soldiers died in the fire.",
                                                    SEP28)] == [(4, 4), (6, 6)]


def test_more_of_a_counted_group_are_of_its_side():
    body = "Rebels ambushed a convoy in Kashmir, killing three Indian soldiers. Five more soldiers were wounded."
    assert [(c.party, c.outcome, c.min) for c in extract_claims("", body, SEP28)][-1] == ("india", "wounded", 5)
    body = "Rebels ambushed a convoy in Kashmir, killing three Indian soldiers. More than five soldiers were wounded."
    assert [(c.party, c.outcome, c.min) for c in extract_claims("", body, SEP28)][-1] == ("unknown", "wounded", 6)


def test_a_storm_named_after_a_city_places_no_figure_in_that_city():
    found = extract_claims("Hurricane Lyon lashes Cuba", "Twelve people have died because of Lyon, officials say.", SEP28)
    assert [(c.party, c.min) for c in found] == [("cuba", 12)]
    found = extract_claims("Hurricane Mira lashes Cuba", "Twelve people have died in Lyon, officials say.", SEP28)
    assert [(c.party, c.min) for c in found] == [("france", 12)]


def test_the_side_that_struck_is_not_the_side_of_the_dead():
    found = extract_claims("Ships towed to Haifa", "Israeli commandos boarded the lead ship and killed at least 9 people.",
                           DEC23)
    assert [(c.party, c.min, c.max) for c in found] == [("unknown", 9, None)]


def test_a_line_break_inside_a_sentence_ends_it_not():
    body = "Police said a gunman killed at least\n25 people at the market.\n\nThe death toll rose to\n30.\nCALM RETURNS\n"
    assert claims(body) == [("all", "all", "killed", "incident", 25, None),
                            ("all", "all", "killed", "cumulative", 30, 30)]


def test_a_title_abbreviation_ends_no_sentence():
    (claim,) = extract_claims("", "Lt. Gen. Petrov said 3 soldiers were killed near St. Vincent.", SEP28)
    assert claim.text == "Lt. Gen. Petrov said 3 soldiers were killed near St. Vincent."


def test_an_initialism_ends_no_sentence():
    """Written for this test: the figure before "U.S." and the verb after it are one sentence's."""
    (claim,) = extract_claims("", "Officials said 4 U.S. Marines were killed in the blast. Flights resumed.", SEP28)
    assert (claim.min, claim.outcome, claim.party) == (4, "killed", "united-states")


@pytest.mark.parametrize("body", [
    # bodies still being searched for are not yet found
    "Rescue teams are still searching for the bodies of four climbers.",
    # the wounded an evacuation moves are evacuees, not an attack's wounded
    "The evacuation of 150 wounded civilians from the besieged district began on Thursday.",
    "The convoy carries 40 injured people who are being evacuated to the north.",
    "Up to 19 children and six women died.",  # an upper bound alone, before a list too
    # one person of a coordination the list pattern could not read: the count is not one
    "A driver hit by debris and an elderly woman were killed when the storm struck.",
])
def test_no_casualty_count(body):
    assert claims(body) == []


def test_a_place_lead_is_a_whole_word():
    # "that Putin" is no "at Putin": a leader after "that" does not place the entry
    found = extract_claims("Condolences", "A gunman killed 12 people at a hotel. The Kremlin said that Putin had called "
                           "his counterpart.", SEP28, "Attack on a beach resort in Tunisia")
    assert [(c.party, c.min) for c in found] == [("tunisia", 12)]


def test_a_neighbouring_state_hit_is_the_place():
    assert claims("A strong aftershock hit neighbouring Peru, killing two people.") == [
        ("peru", "all", "killed", "incident", 2, 2)]


def test_the_side_that_struck_in_one_sentence_is_not_the_side_of_the_dead_in_the_next():
    found = extract_claims("Navy stops aid ship off Haifa", "Israeli forces stormed the vessel overnight, killing four "
                           "people. Medics aboard said 20 others were wounded.", DEC23)
    assert [(c.party, c.outcome, c.min) for c in found] == [("unknown", "killed", 4), ("unknown", "wounded", 20)]


def test_an_overseas_department_of_france_is_france():
    assert claims("Two people died when the storm flooded homes in Martinique.") == [
        ("france", "all", "killed", "incident", 2, 2)]


def test_a_us_state_another_country_shares_a_name_with_is_the_us_state():
    assert claims("Three people were killed when the storm made landfall in Florida.") == [
        ("united-states", "all", "killed", "incident", 3, 3)]


@pytest.mark.parametrize(("headline", "body"), [
    ("", "Gunmen attacked a checkpoint in Quetta, killing four policemen."),
    ("Checkpoint attacked in Quetta", "Gunmen opened fire at dawn, killing four policemen."),
])
def test_police_killed_at_home_are_the_place_s_not_unknown_like_soldiers(headline, body):
    assert claims(body, headline) == [("pakistan", "military", "killed", "incident", 4, 4)]


@pytest.mark.parametrize(("text", "side"), [
    ("a rocket hit a farm in the northern Golan Heights", "israel"),
    ("rescuers searched the river in Morbi", "india"),
    ("wildfires spread across Maui", "united-states"),
])
def test_places_the_generated_lists_miss(text, side):
    assert place_of(text, _GAZ.mentions(text)) == side


def test_one_person_may_carry_two_capitalised_words_before_the_noun():
    assert claims("Police said a Texas Panhandle man was killed when the tornado struck.") == [
        ("united-states", "civilian", "killed", "incident", 1, 1)]


@pytest.mark.parametrize(("body", "expected"), [
    # a toll named a "death count"
    ("The death count from the landslide has been raised to 57.", [("all", "all", "killed", "cumulative", 57, 57)]),
    # another source's figure in brackets after the number
    ("More than 40 (one agency says 45) people were killed in the blast.",
     [("all", "all", "killed", "incident", 41, None)]),
    # an aside giving ages parts the count from its outcome
    ("Two sisters from Kherson, aged 8 and 10, were killed in the strike.",
     [("ukraine", "civilian", "killed", "incident", 2, 2)]),
    # people "from" a place are its people, whoever the adjective after names
    ("Three brothers from Artsakh were killed in an Azerbaijani drone strike.",
     [("nagorno-karabakh", "civilian", "killed", "incident", 3, 3)]),
])
def test_tolls_and_counts_with_words_between(body, expected):
    assert claims(body) == expected


def test_a_running_total_and_an_open_incident_figure_of_one_number_are_two_claims():
    found = extract_claims("Market shelling death toll rises to 10",
                           "At least 10 people were killed in the shelling of a market in Kherson.", JUN22)
    assert [(c.party, c.kind, c.min, c.max) for c in found] == [("ukraine", "cumulative", 10, 10),
                                                                ("ukraine", "incident", 10, None)]


@pytest.mark.parametrize(("body", "expected"), [
    # those counted "among the dead" are dead; members "of" a group are the group's
    ("Three Britons were among those killed in the attack.", [("united-kingdom", "all", "killed", "incident", 3, 3)]),
    ("Two members of Hamas were killed in an air strike.", [("hamas", "all", "killed", "incident", 2, 2)]),
    # a list of people of two populations is of both
    ("Officials said 11 Marines and a Navy medic were killed.", [("unknown", "all", "killed", "incident", 12, 12)]),
    # activists are civilians; a leader's forces are his state's
    ("Seven activists were shot dead in Homs.", [("syria", "civilian", "killed", "incident", 7, 7)]),
    ("Rebels said 40 Gaddafi forces were killed near Brega.", [("libya", "military", "killed", "incident", 40, 40)]),
])
def test_who_the_counted_are(body, expected):
    assert claims(body) == expected


def test_the_state_a_title_says_was_invaded_is_the_place():
    found = extract_claims("", "4 children dead so far", JUN22, "Russia invades Ukraine: live updates")
    assert [(c.party, c.min) for c in found] == [("ukraine", 4)]


def test_a_suspect_shot_dead_is_one_attacker_killed():
    assert claims("A suspect was shot dead by police after the attack.") == [
        ("unknown", "military", "killed", "incident", 1, 1)]


def test_the_capitol_is_in_the_united_states():
    text = "rioters stormed the Capitol"
    assert place_of(text, _GAZ.mentions(text)) == "united-states"


def test_towns_before_a_region_lie_in_that_region():
    # two places share a town's name: the region after the comma says which one
    assert claims("A gunman opened fire in Odessa and Midland, Texas on Saturday. Seven people were wounded.") == [
        ("united-states", "all", "wounded", "incident", 7, 7)]


def test_where_a_trailing_source_is_is_not_where_it_happened():
    assert claims("Two people have been killed in the blast, a reporter in Denmark informs me.",
                  headline="Explosion in central Oslo") == [("norway", "all", "killed", "incident", 2, 2)]


@pytest.mark.parametrize(("body", "headline", "expected"), [
    ("Three Kenyan soldiers were killed near the border. Officials said another four soldiers were wounded.", "",
     ("kenya", "military", "wounded", "increment", 4, 4)),
    ("An official says 14 deaths were reported in Bihar. At least 20 other people were injured.", "Quake in Nepal",
     ("india", "all", "wounded", "incident", 20, None)),
])
def test_another_or_other_people_are_of_the_group_just_counted(body, headline, expected):
    assert claims(body, headline=headline)[-1] == expected


@pytest.mark.parametrize(("body", "party"), [
    # nothing names a side nor fighting: one event's dead are everyone's
    ("Seven people were hurt when the roof gave way, firefighters said.", "all"),
    # fighting between sides that the entry does not name: the dead are either side's
    ("Seven people were hurt in the shelling overnight, officials said.", "unknown"),
    # a side named anywhere in the entry keeps the old reading
    ("Seven people were hurt near a Hezbollah post.", "unknown"),
])
def test_a_figure_no_side_is_named_for_is_everyone_s_only_away_from_fighting(body, party):
    assert claims(body) == [(party, "all", "wounded", "incident", 7, 7)]


@pytest.mark.parametrize(("body", "expected"), [
    # the entry counts dead in two states: a total its words do not place is both states'
    ("Two people died in Jamaica, bringing the hurricane's death toll to nine. Officials in Haiti said three "
     "people were killed.",
     [("jamaica", "all", "killed", "incident", 2, 2), ("all", "all", "killed", "cumulative", 9, 9),
      ("haiti", "all", "killed", "incident", 3, 3)]),
    # one state only: the total stays that state's
    ("Two people died in Jamaica, bringing the hurricane's death toll to nine.",
     [("jamaica", "all", "killed", "incident", 2, 2), ("jamaica", "all", "killed", "cumulative", 9, 9)]),
    # a total whose own words name its place keeps that place
    ("Two people died in Jamaica, bringing the death toll in Jamaica to nine. Officials in Haiti said three "
     "people were killed.",
     [("jamaica", "all", "killed", "incident", 2, 2), ("jamaica", "all", "killed", "cumulative", 9, 9),
      ("haiti", "all", "killed", "incident", 3, 3)]),
])
def test_a_total_brought_up_in_an_entry_of_two_states_is_both_states_unless_its_words_place_it(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # no verb: the floor covers both figures
    ("Officials in Peru count at least 6 dead and 31 hurt after the landslide.",
     [("peru", "all", "killed", "incident", 6, None), ("peru", "all", "wounded", "incident", 31, None)]),
    # a verb of its own for the first: the floor is that clause's only
    ("At least six people were killed and 31 injured in Peru.",
     [("peru", "all", "killed", "incident", 6, None), ("peru", "all", "wounded", "incident", 31, 31)]),
    # a qualifier of its own for the second
    ("At least 6 dead and about 31 hurt in Peru.",
     [("peru", "all", "killed", "incident", 6, None), ("peru", "all", "wounded", "incident", 31, 31)]),
])
def test_a_floor_before_two_verbless_figures_covers_both(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "died" between the verb and its figure says the total counts the dead
    ("The latest report brings the number of people who died in the floods to 41.",
     [("all", "all", "killed", "cumulative", 41, 41)]),
    # foreigners counted together are no one side's, whoever reports them: where no fighting is told, one
    # disaster's dead of all sides
    ("Chilean officials said the update brings the number of foreign tourists who died to 9.",
     [("all", "all", "killed", "cumulative", 9, 9)]),
    ("Chilean officials said the update brings the number of tourists who died to 9.",
     [("chile", "all", "killed", "cumulative", 9, 9)]),
])
def test_a_total_of_those_who_died_and_of_foreigners(body, expected):
    assert claims(body) == expected


def test_a_total_of_people_rescued_is_no_casualty_figure():
    assert claims("The report brings the number of people rescued from the floods to 41.") == []


@pytest.mark.parametrize(("body", "expected"), [
    ("Paramedics reported four serious injuries after the crash.", [("all", "all", "wounded", "incident", 4, 4)]),
    ("Paramedics reported serious injuries at four sites after the crash.", []),
])
def test_how_grave_the_injuries_are_may_stand_between_the_figure_and_the_noun(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the ordinal of one more victim is the count so far
    ("Hospital staff say a fourth patient has died after the fire.", [("all", "civilian", "killed", "cumulative", 4, 4)]),
    # not an ordinal of people
    ("A second blast hit the depot, killing two workers.", [("all", "civilian", "killed", "incident", 2, 2)]),
    # "the fifth man" names one of a known group: no count
    ("The fifth man was wounded.", []),
])
def test_a_victim_s_ordinal_counts_the_victims_so_far(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a rank in digits counts so far too, of people or of deaths told by their noun
    ("Coroners say a 12th resident has died since the flood.", [("all", "civilian", "killed", "cumulative", 12, 12)]),
    ("The county confirmed a 23rd death on Tuesday.", [("all", "all", "killed", "cumulative", 23, 23)]),
    ("A sixth body was recovered from the lake.", [("all", "all", "killed", "cumulative", 6, 6)]),
    # a rank before a modifier is a unit's number, before another noun no death, and a death that may come none
    ("A 82nd Airborne soldier was killed.", []),
    ("The mayor got a third death threat this week.", []),
    ("A 40th death might be reported soon.", []),
    ("Crowds marked a 25th death anniversary.", []),
])
def test_a_rank_in_digits_or_a_ranked_death_is_the_toll_so_far(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "including" with no comma names some of those counted; the count before it is the figure
    ("Eleven villagers including three women were killed in the fire.",
     [("all", "civilian", "killed", "incident", 11, 11)]),
    # not when no verb of harm follows the aside
    ("Eleven villagers including three women attended the funeral.", []),
    # a clause about the named ones says only they were hurt, with or without a comma
    ("Guards held 20 men including three who were injured in the riot.",
     [("all", "all", "wounded", "incident", 3, 3)]),
    ("Guards held 20 men, including three who were injured in the riot.",
     [("all", "all", "wounded", "incident", 3, 3)]),
])
def test_a_subset_named_without_commas_leaves_the_whole_count(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # an aside between commas that counts some of them leaves the whole count before it
    ("Forty miners, including 6 engineers and 2 foremen, have died in the flooded pit in Chile.",
     [("chile", "civilian", "killed", "incident", 40, 40)]),
    ("Forty miners , among them 6 engineers, were injured in the blast in Chile.",
     [("chile", "civilian", "wounded", "incident", 40, 40)]),
    # not when no verb of harm follows the aside
    ("Forty miners, including 6 engineers and 2 foremen, have been brought out alive in Chile.", []),
])
def test_a_subset_counted_between_commas_leaves_the_whole_count(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a bare "toll" after words about the event is still a toll of the dead
    ("Toll from the mudslide in Peru climbs to fourteen, local officials say.",
     [("peru", "all", "killed", "cumulative", 14, 14)]),
    # a toll word alone with no figure after it gives nothing
    ("The mudslide in Peru took a heavy toll on fourteen villages.", []),
])
def test_a_bare_toll_with_words_before_its_verb(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("headline", "party"), [
    ("Russian shelling death toll in Kherson climbs to 9", "ukraine"),  # the weapon's side struck
    ("Israeli bombardment death toll rises to 25 in Rafah", "palestine"),
    ("Ukrainian troops death toll rises to 300", "ukraine"),  # the side's own people: its dead
])
def test_a_side_named_by_its_weapon_before_a_toll_is_who_struck(headline, party):
    assert [c[0] for c in claims("", headline, JUN22)] == [party]


def test_a_side_whose_air_strike_killed_is_no_party_of_the_dead():
    assert [c[0] for c in claims("", "Nine killed in Russian air strike", JUN22)] == ["unknown"]


@pytest.mark.parametrize(("headline", "expected"), [
    ("Flood death toll in Libya reaches 2,300", [("libya", "all", "killed", "cumulative", 2300, 2300)]),
    ("Rescuers say the water reaches 2 metres in Derna", []),  # no toll: a depth
])
def test_a_toll_that_reaches_a_figure(headline, expected):
    assert claims("", headline, DEC23) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a toll that has "gone up to" a figure rose to it: no upper bound
    ("Officials in Peru said the number of injured has gone up to 140.",
     [("peru", "all", "wounded", "cumulative", 140, 140)]),
    ("In Peru the figures of dead went up to 35 by nightfall.", [("peru", "all", "killed", "cumulative", 35, 35)]),
    # "up to" a figure that may come is an upper bound alone: no claim
    ("Officials in Peru said the number of dead could go up to 140.", []),
    ("Officials in Peru said the hospital can treat up to 140 injured.", []),
])
def test_a_toll_gone_up_to_a_figure_rose_to_it(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "party"), [
    ("An Israeli drone hit a car near Tyre, wounding two people.", "lebanon"),
    ("A strike on a house in Qana (Sour) wounded four people.", "lebanon"),
    ("Relations turned sour after three people were wounded in Gaza.", "palestine"),  # a word, not the city
])
def test_tyre_under_either_name_is_in_lebanon(body, party):
    assert [c[0] for c in claims(body, "", DEC23)] == [party]


@pytest.mark.parametrize(("body", "expected"), [
    # a toll given as a range is one claim from its lowest to its highest figure
    ("Early accounts of the death toll range from three to nine.", [("all", "all", "killed", "cumulative", 3, 9)]),
    ("Officials in Peru put the death toll between 12 and 20.", [("peru", "all", "killed", "cumulative", 12, 20)]),
    ("From 4 to 9 people were killed in the landslide in Peru.", [("peru", "all", "killed", "incident", 4, 9)]),
    # a range of distances, or a road toll in money, counts no one
    ("The flooded stretch of the valley ranges from 2 to 8 km.", []),
    ("The bridge toll ranges from 2 to 6 dollars.", []),
    ("The bridge toll is 5 dollars.", []),
])
def test_a_range_of_figures_is_one_claim(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("headline", "party"), [
    # the group that struck is not the place of the dead: the place it struck is
    ("Three dead, 11 hurt in Hezbollah attack on Israel", "israel"),
    ("Two killed in Houthi raid on Yemeni port of Aden", "yemen"),
])
def test_the_group_whose_attack_it_was_is_not_the_place(headline, party):
    assert {c[0] for c in claims("", headline, DEC23)} == {party}


def test_a_place_before_attack_is_where_it_struck():
    assert [c[0] for c in claims("", "Five killed in Barcelona attack", DEC23)] == ["spain"]


def test_the_group_of_some_of_the_dead_is_not_the_party_of_all():
    # "including two members of Hamas": some of the dead; the entry's place says whose all six are
    found = claims("Six people died, including two members of Hamas, the civil defence said.", "Blast in Beirut", DEC23)
    assert found == [("lebanon", "all", "killed", "incident", 6, 6)]


@pytest.mark.parametrize(("body", "expected"), [
    ("Police named two of the seven deceased on Monday.", [("all", "all", "killed", "incident", 7, 7)]),
    # some of the deceased, or the deceased with no number: no count of the dead
    ("Four of the deceased were children.", []),
    ("The family of the deceased asked for privacy.", []),
])
def test_the_deceased_are_the_dead(body, expected):
    assert claims(body) == expected


def test_like_figures_in_sentences_naming_other_towns_are_two_claims():
    found = claims("In the Kherson region, a drone killed three people. Three people were also killed by shelling "
                   "in the Zaporizhzhia region.", "Russian attacks on Ukraine", JUN22)
    assert found == [("ukraine", "all", "killed", "incident", 3, 3)] * 2
    # the same town named twice: one figure restated
    assert len(claims("Shelling killed three people in Kherson. Three residents of Kherson were killed, the governor "
                      "said.", "", JUN22)) == 1


@pytest.mark.parametrize(("body", "expected"), [
    # a clause on how they were hurt stands between those counted and what became of them
    ("A Syrian youth who was shot by soldiers near Daraa on Monday has died of his wounds.",
     [("syria", "civilian", "killed", "incident", 1, 1)]),
    ("Two girls who were hit by shrapnel in Peru were taken to hospital.", [("peru", "civilian", "wounded", "incident", 2, 2)]),
    # hurt, then something that is no casualty
    ("Three men who were hit by the storm were arrested.", []),
    ("Two youth clubs that were hit by the storm were closed after the deaths.", []),
])
def test_how_they_were_hurt_may_part_the_count_from_its_outcome(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("headline", "body", "party"), [
    # strangers to the place they fell in are of no side that place names: between sides that fight, either's
    ("Shelling goes on", "Nine foreigners were killed in Kabul.", "unknown"),
    ("Clashes in the city", "Two foreign aid workers were killed in Homs.", "unknown"),
    # where no fighting is told they are among the dead of one attack or disaster, all sides'
    ("Hotel attack", "Nine foreigners were killed in Kabul.", "all"),
    ("Bus crash", "Two foreign aid workers were killed in Homs.", "all"),
    # a state's people named, or "foreign" elsewhere in the sentence: the usual party
    ("Shelling goes on", "Three French journalists were killed in Homs.", "france"),
    ("Shelling goes on", "The foreign ministry said six civilians were killed in Homs.", "syria"),
])
def test_foreigners_dead_are_of_no_side_of_the_place(headline, body, party):
    assert [c[0] for c in claims(body, headline)] == [party]


@pytest.mark.parametrize(("body", "expected"), [
    # a slip for "at least": still a floor
    ("Police said least 1,234 people have been confirmed dead.", [("all", "all", "killed", "incident", 1234, None)]),
    # a lone "least" that counts nothing
    ("Helping the families of the dead was the least 2 neighbours could do.", []),
])
def test_least_without_at_is_a_floor(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "parties"), [
    # each figure of a list by country is its place's, not the first country's
    ("Across Peru the storm's toll climbed to 300, while 120 dead in Chile and 40 dead in Bolivia were counted.",
     ["peru", "chile", "bolivia"]),
    # no place after the later figures: they continue the first
    ("Across Peru the storm's toll climbed to 300, while 120 dead and 40 injured were counted.",
     ["peru", "peru", "peru"]),
])
def test_a_place_right_after_a_figure_is_its_own(body, parties):
    assert [c[0] for c in claims(body)] == parties


@pytest.mark.parametrize(("body", "expected"), [
    # one of each side, not two of either
    ("The alliance said a Danish service member and a Latvian soldier died in the ambush near Gao.",
     [("denmark", 1), ("latvia", 1)]),
    ("A British man and an Australian woman were killed.", [("united-kingdom", 1), ("australia", 1)]),
    # one state for both, or one named: one figure of two
    ("A British man and a British woman were killed.", [("united-kingdom", 2)]),
    ("A British man and his wife were killed.", [("united-kingdom", 2)]),
])
def test_people_of_different_states_are_counted_each_for_their_own(body, expected):
    assert [(c[0], c[4]) for c in claims(body)] == expected


@pytest.mark.parametrize(("body", "party"), [
    # "its" nationals: those of the state that raised the toll
    ("Peru has raised the death toll among its citizens in the crash abroad to 12 killed, state radio reported.", "peru"),
    # no one named whose they are
    ("The death toll among its citizens rose to 12.", "unknown"),
])
def test_its_nationals_are_the_subjects_side(body, party):
    assert [c[0] for c in claims(body)] == [party]


@pytest.mark.parametrize(("body", "party"), [
    ("The storm has caused nine deaths across the Balkans, officials said.", "all"),
    ("The storm killed nine people in the southern Caribbean.", "all"),
    # the region only qualifies a state, or comes after the state that is the figure's place
    ("Nine people died in the Caribbean island of Haiti.", "haiti"),
    ("The storm has caused nine deaths in Serbia, the worst in the Balkans.", "serbia"),
])
def test_a_region_of_many_states_is_all_of_them(body, party):
    assert [c[0] for c in claims(body)] == [party]


@pytest.mark.parametrize(("body", "expected"), [
    ("Did the strike kill two children?", []),
    ("The strike killed two children.", [("unknown", "civilian", "killed", "incident", 2, 2)]),
])
def test_a_question_states_no_figure(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "another" after a first outcome joins two figures of one incident
    ("An official says a blast has killed 12 people and wounded another 40.",
     [("all", "all", "killed", "incident", 12, 12), ("all", "all", "wounded", "incident", 40, 40)]),
    # alone, it adds to what was counted before
    ("Shelling killed another 5 people overnight.", [("unknown", "all", "killed", "increment", 5, 5)]),
])
def test_another_after_an_outcome_verb(body, expected):
    assert claims(body) == expected


def test_another_in_a_list_by_place():
    found = claims("Officials said 140 people died from the storm in Peru and another 30 in Chile.")
    assert [(c[0], c[4]) for c in found] == [("peru", 140), ("chile", 30)]


@pytest.mark.parametrize(("body", "expected"), [
    ("Four flood-related deaths were reported in Peru.", [("peru", "all", "killed", "incident", 4, 4)]),
    ("The governor says 12 people have died in the fire and 40 are under treatment at hospitals.",
     [("all", "all", "killed", "incident", 12, 12), ("all", "all", "wounded", "incident", 40, 40)]),
    # treatment that is no one's wound
    ("Two plants are under treatment for pests after the deaths of the bees.", []),
])
def test_more_outcome_and_modifier_words(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Police said commandos had killed both the gunmen inside the hotel.", [(2, 2)]),
    ("Both of them were killed in the crash.", [(2, 2)]),
    # "both ... and" counts no one
    ("The shelling killed both civilians and soldiers.", []),
    ("There were casualties both dead and wounded.", []),
])
def test_both_the_is_two(body, expected):
    assert [(c[4], c[5]) for c in claims(body)] == expected


def test_links_to_other_stories_after_an_entry_are_not_read():
    body = ("A car bomb killed four people in Kabul on Tuesday. Suggested for you Videos Flood death toll in "
            "Texas at 12")
    assert [(c[0], c[4]) for c in claims(body)] == [("afghanistan", 4)]
    # without such a heading, a later sentence is the entry's own
    assert len(claims("A car bomb killed four people in Kabul on Tuesday. Another blast killed three in Herat.")) == 2


@pytest.mark.parametrize(("body", "expected"), [
    ("Ten people die in floods in Peru.", [("peru", 10)]),
    ("Three children could die without aid.", []),
    # a word naming the kind of work between the number and the people
    ("Two construction workers were shot dead in Peru.", [("peru", 2)]),
    ("Three school construction projects were killed off.", []),
])
def test_present_tense_deaths_and_workers_of_a_trade(body, expected):
    assert [(c[0], c[4]) for c in claims(body)] == expected


def test_another_figure_adds_to_an_equal_one_it_does_not_restate_it():
    found = claims("Two miners were shot dead at the pit. Another two deaths were reported at the depot.", "", JUN22)
    assert [(c[3], c[4]) for c in found] == [("incident", 2), ("increment", 2)]
    # the same figure said twice, neither adding: one claim
    assert len(claims("Two miners were shot dead in Oruro. Two miners were killed in Oruro.", "", JUN22)) == 1


@pytest.mark.parametrize(("body", "party"), [
    # an armed group counting soldiers counts its enemies: its voice is not their side
    ("A Hezbollah spokesman said 12 soldiers were killed in the ambush.", "unknown"),
    # unless it says they are its own
    ("A Hezbollah spokesman said 12 of its fighters were killed in the ambush.", "hezbollah"),
    # a state counting soldiers counts its own
    ("Israel says 3 soldiers were killed in the ambush.", "israel"),
])
def test_an_armed_groups_spokesman_is_not_the_soldiers_side(body, party):
    assert [c[0] for c in claims(body)] == [party]


@pytest.mark.parametrize(("body", "expected"), [
    ("Rescuers fear that 25 miners have perished.", []),
    ("Officials fear 25 miners have died.", []),
    ("Possibly 25 people died in the blaze.", []),
    # a fear of something else beside a count
    ("Amid fears of more strikes, 25 people died in Kyiv.", [("ukraine", 25)]),
])
def test_a_feared_or_possible_figure_is_no_claim(body, expected):
    assert [(c[0], c[4]) for c in claims(body)] == expected


def test_a_states_toll_is_its_own_over_a_place_another_sentence_names():
    body = ("The Peruvian civil defence office says the death toll from the landslide stood at 300. In Chile, state "
            "radio said 20 of the dead were Chileans.")
    assert [c[0] for c in claims(body)][0] == "peru"
    # no state states it: the entry's place
    body = "The death toll from the landslide stood at 300. In Chile, rescuers kept digging."
    assert [c[0] for c in claims(body)] == ["chile"]


def test_attackers_dead_are_the_group_the_entry_names():
    found = extract_claims("Hezbollah claims a raid on a border post", "Two gunmen were killed in the raid.", SEP28)
    assert [c.party for c in found] == ["hezbollah"]
    # two groups named: whose gunmen is not told
    found = extract_claims("Hezbollah and Hamas claim a raid on a border post", "Two gunmen were killed in the raid.", SEP28)
    assert [c.party for c in found] == ["unknown"]


@pytest.mark.parametrize(("body", "party"), [
    # "them": those who carried out the attack
    ("Five youths carried out the shooting at the mall, and police shot three of them dead.", "unknown"),
    # "them": those arrested, no attackers
    ("Five youths were arrested at the mall, and police shot three of them dead.", "all"),
])
def test_two_of_them_after_who_attacked_are_attackers(body, party):
    assert [c[0] for c in claims(body)] == [party]


def test_an_exact_figure_after_an_open_one_settles_it_the_other_way_round_restates_it():
    found = claims("A mudslide hit a village near Cusco, killing at least seven people. Seven people died, two of "
                   "them infants, the governor said.")
    assert [(c[4], c[5]) for c in found] == [(7, None), (7, 7)]
    # an exact figure first, an open one after: one claim
    found = claims("Seven people died in a mudslide near Cusco. At least seven people were killed, the governor said.")
    assert [(c[4], c[5]) for c in found] == [(7, None)]


@pytest.mark.parametrize(("body", "expected"), [
    # one more body found is one more dead
    ("One more body was pulled from the river in Chile on Tuesday.", [("chile", "killed", "increment", 1)]),
    # a body seen is no count
    ("One body was seen in the river in Chile on Tuesday.", []),
    # victims recovered are dead
    ("Rescuers in Chile have recovered five more victims from the collapsed tunnel.", [("chile", "killed", "increment", 5)]),
    ("Rescuers in Chile have recovered five survivors from the collapsed tunnel.", []),
])
def test_bodies_and_victims_recovered_are_dead(body, expected):
    assert [(c[0], c[2], c[3], c[4]) for c in claims(body)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # how they were caught, a participle right after them, then what became of them
    ("The 12 workers trapped in the flooded shaft in Chile have been confirmed dead.", [("chile", "killed", 12)]),
    ("The 12 workers trapped in the flooded shaft in Chile have been rescued.", []),
    # a stance is a modifier
    ("At least three anti-government demonstrators were killed in Caracas.", [("venezuela", "killed", 3)]),
    ("At least three anti-government demonstrators were arrested in Caracas.", []),
    # the press's people
    ("Two media representatives were taken to hospital in Lima, Peru.", [("peru", "wounded", 2)]),
    ("Two media representatives were questioned in Lima, Peru.", []),
])
def test_people_a_participle_a_stance_or_their_trade_describes(body, expected):
    assert [(c[0], c[2], c[4]) for c in claims(body)] == expected


@pytest.mark.parametrize(("body", "party"), [
    # bare personnel are a security force's: where they fell is whose they are
    ("Nine personnel were killed when rebels ambushed a patrol in Chhattisgarh.", "india"),
    # military personnel may serve abroad
    ("Nine military personnel were killed when rebels ambushed a patrol in Chhattisgarh.", "unknown"),
])
def test_personnel_fall_at_home_military_personnel_may_not(body, party):
    assert [c[0] for c in claims(body)] == [party]


def test_each_group_of_a_list_keeps_its_own_party_past_an_including_aside():
    found = claims("In Mumbai, twelve foreigners and five police officers, including a station chief have died.")
    assert [(c[0], c[1], c[4]) for c in found] == [("all", "civilian", 12), ("india", "military", 5)]
    # the aside, closed, before no outcome: nothing counted
    assert claims("In Mumbai, twelve foreigners and five police officers, including a station chief, attended the "
                  "meeting.") == []


@pytest.mark.parametrize(("town", "state"), [("Greymouth", "new-zealand"), ("Pulwama", "india"), ("Taksim", "turkey")])
def test_small_towns_of_the_gazetteer_place_their_dead(town, state):
    assert [c[0] for c in claims(f"Four people were injured in {town}.")] == [state]


@pytest.mark.parametrize(("body", "expected"), [
    # a shooting that killed, said in two verbs; "all" before a known number
    ("Police said nine men were shot and killed outside a bar in Lyon.", [("france", "killed", 9, 9)]),
    ("The bus plunged into a gorge in Peru, killing all 23 passengers.", [("peru", "killed", 23, 23)]),
    # where they were, between the count and the verb
    ("All four people aboard the helicopter were killed in Chile.", [("chile", "killed", 4, 4)]),
    ("The 11 passengers on board died when the ferry sank off Chile.", [("chile", "killed", 11, 11)]),
    # the injuries an attack leaves them with
    ("A knife attack in Lyon killed two people and left five others with minor wounds.",
     [("france", "killed", 2, 2), ("france", "wounded", 5, 5)]),
    # one dead person, the adjective before the noun
    ("Firefighters in Peru found a deceased man inside the warehouse.", [("peru", "killed", 1, 1)]),
    # a confirmed count, people lost in a disaster, a wound where it struck
    ("Officials in Chile gave 14 confirmed deaths.", [("chile", "killed", 14, 14)]),
    ("Mourners remembered the eight workers lost in the blast at the Peru refinery.", [("peru", "killed", 8, 8)]),
    ("A Chilean citizen was shot in the leg during the march.", [("chile", "wounded", 1, 1)]),
    # one person named before, a pronoun now: killed only
    ("Relatives said she was shot dead at a checkpoint in Peru.", [("peru", "killed", 1, 1)]),
])
def test_more_ways_of_telling_a_count(body, expected):
    assert [(c[0], c[2], c[4], c[5]) for c in claims(body)] == expected


@pytest.mark.parametrize("body", [
    # all of no number, a lost group still sought, a fatal shot, a pronoun taken to hospital, hints of first reports
    "The flood in Peru killed all the cattle in the valley.",
    "Three hikers lost in the mountains of Peru were found alive.",
    "A man was shot in the chest and killed in Lyon.",
    "She was taken to hospital in Lyon with a fever.",
    "Initial reports suggested that 12 people had been killed in Lyon, but officials later gave a higher figure.",
    "The storm left 40 families in Peru with damaged roofs and no injuries.",
])
def test_no_count_from_these(body):
    assert claims(body) == []


@pytest.mark.parametrize(("body", "expected"), [
    # years are not the ends of a toll's range
    ("The death toll between 2012 and 2016 was 75 in Peru.", [75]),
    # the living are not the dead recovered
    ("Rescuers pulled out 14 victims alive from the rubble in Peru.", []),
    # an illness caught is no wound
    ("Three men caught the flu and were hospitalised in Peru.", []),
    # a group counted by sex, with a word before each noun: one figure
    ("Two young women and five elderly men died in the fire in Peru.", [7]),
])
def test_near_misses_found_in_review(body, expected):
    assert [c[4] for c in claims(body)] == expected


def test_a_hyphen_inside_a_name_parts_no_names():
    """"Rheinland-Pfalz" is one place; "Turkey-Syria" still two."""
    text = "Floods in Rheinland-Pfalz left roads closed."
    assert place_of(text, _GAZ.mentions(text)) == "germany"
    text = "the Turkey-Syria earthquake"
    assert place_of(text, _GAZ.mentions(text)) == "all"
    text = "Flooding in Rheinlnd-Pfalz left roads closed."  # a misspelt name is no name: nothing is placed
    assert place_of(text, _GAZ.mentions(text)) is None


def test_a_capitalised_states_inside_a_sentence_is_a_name_not_a_reporting_verb():
    found = extract_claims("Rescue divers from the United States joined the search.", "Forty dead, twelve missing.", SEP28)
    assert [c.claimant for c in found] == [None]
    # the verb, in lower case, still names who states the figure
    assert [c.claimant for c in extract_claims("", "Peru states that 12 people died in the floods.", SEP28)] == ["peru"]


@pytest.mark.parametrize(("headline", "party"), [
    # several states named otherwise, none placed: which one is the entry's is not known
    ("Japan pledged money on Monday; a rescue team from Canada landed today.", "unknown"),
    # one state named otherwise is the entry's
    ("Aid flows into Nepal.", "nepal"),
])
def test_the_entry_is_placed_by_the_one_state_it_names(headline, party):
    assert [c.party for c in extract_claims(headline, "Nineteen people died.", SEP28)] == [party]


@pytest.mark.parametrize(("body", "party"), [
    # an opening "Overall," counts every side's dead, past the place the storm is heading to
    ("Overall, 25 deaths are blamed on the storm that may reach Cuba tomorrow.", "all"),
    ("At least 25 deaths are blamed on the storm in Cuba.", "cuba"),
    # two states joined, the second with its article
    ("Floods killed 30 people in Haiti and the Dominican Republic.", "all"),
    ("Floods killed 30 people in Haiti and the capital was cut off.", "haiti"),
])
def test_a_total_over_places_or_states_is_all_sides(body, party):
    assert [c[0] for c in claims(body)] == [party]


@pytest.mark.parametrize(("body", "count"), [
    # a town that only measures a distance does not make the body's figure another incident than the headline's
    ("Police say nine children and one teacher were killed at a school 40 miles north of Houston.", 1),
    ("Police say nine children and one teacher were killed at a school in Houston.", 2),
])
def test_a_place_that_measures_a_distance_names_no_other_incident(body, count):
    assert len(claims(body, "Ten people were killed in a shooting in Texas, police say.")) == count


@pytest.mark.parametrize(("body", "expected"), [
    # a denial or a doubt of its own clause does not reach past "and" and a new subject
    ("No one was killed and four people were hurt in Peru.", [("wounded", 4)]),
    ("The toll may rise and a third of the 30 people who died in Peru were children.", [("killed", 30)]),
    # what reaches over the joined clause denies both
    ("Officials denied that four people were killed and six were hurt in Peru.", []),
    ("Officials fear that four people died and six were hurt in Peru.", []),
    # no new subject after "and": the same clause, denied
    ("The blast could kill four people and injure six in Peru.", []),
    # a list of names that "does not mean" so many died is no count of them
    ("The register of 40 names does not mean that 40 people were killed in Peru.", []),
    ("Officials said 40 people were killed in Peru, which doesn't mean the search is over.", [("killed", 40)]),
])
def test_what_denies_a_clause_stops_at_a_new_subject(body, expected):
    assert [(c[2], c[4]) for c in claims(body)] == expected


@pytest.mark.parametrize(("body", "party"), [
    # India's central armed police: its men are India's
    ("Six CRPF jawans were killed when their convoy was ambushed.", "india"),
    ("Six jawans were killed when their convoy was ambushed.", "all"),
])
def test_the_central_reserve_police_force_is_india_s(body, party):
    assert [c[0] for c in claims(body)] == [party]


@pytest.mark.parametrize(("headline", "party"), [
    # a capital named as where a source speaks, after the figure, is not where the entry happens
    ("The quake killed 50 people, officials in Ankara said.", "syria"),
    ("The quake killed 50 people in Ankara, officials said.", "turkey"),
])
def test_a_source_s_city_does_not_place_the_entry(headline, party):
    assert [c.party for c in extract_claims(headline, "", SEP28, "Syria quake live")] == [party]


@pytest.mark.parametrize(("body", "parties"), [
    # a "where" clause after a place holds that place's figure
    ("The cyclone killed 12 people in Mozambique before moving inland to Malawi, where three more died.",
     ["mozambique", "malawi"]),
    ("The cyclone killed 12 people in Mozambique, and three more died in the days after.", ["mozambique", "mozambique"]),
])
def test_a_figure_after_where_is_the_place_s_before_it(body, parties):
    assert [c[0] for c in claims(body)] == parties


@pytest.mark.parametrize(("body", "party"), [
    # where a speaker speaks from, in a participle, is not where the dead are
    ("The UN rights chief, speaking in Geneva, said 40 people had died in the floods.", "kenya"),
    ("Speaking from Paris, the minister said 40 people had died in the floods.", "kenya"),
    ("The UN rights chief said 40 people had died in the floods in Geneva.", "switzerland"),
])
def test_where_a_speaker_speaks_from_does_not_place_the_dead(body, party):
    assert [c.party for c in extract_claims("", body, SEP28, "Kenya floods live")] == [party]


@pytest.mark.parametrize(("body", "party"), [
    # a toll over a wide region, named between the toll and its figure, is every state's there
    ("The death toll across the Caribbean rose to 40.", "all"),
    ("The death toll in Cuba rose to 40.", "cuba"),
])
def test_a_toll_over_a_wide_region_is_all_sides(body, party):
    assert [c.party for c in extract_claims("", body, SEP28, "Cuba: storm live")] == [party]


@pytest.mark.parametrize(("headline", "party"), [
    # in an entry placed in two states at once, the side that counts a figure nothing places counts its own
    ("Ukraine says two killed in overnight strike", "ukraine"),
    ("Two killed in overnight strike", "all"),
])
def test_a_side_s_own_count_in_an_entry_on_two_sides(headline, party):
    found = extract_claims(headline, "", SEP28, "Russia-Ukraine war live")
    assert [c.party for c in found] == [party]


@pytest.mark.parametrize(("body", "party"), [
    # a relative clause's dead are of the place its antecedent names, not of the state that speaks first
    ("Canada has denounced the raid on a village in Mali, which has wounded nine children.", "mali"),
    ("France denounced the bombing in the Afghan capital, which killed 12 people.", "afghanistan"),
    ("France denounced the bombing in the Afghan capital, which left 12 people dead.", "afghanistan"),
    # a relative clause naming its own place, or none: the clause's own place, not an earlier one
    ("Canada has denounced the raid on a village in Mali, which killed 12 people in Niger.", "niger"),
    ("France denounced the bombing in the Afghan capital, and floods in Kenya killed 12 people.", "kenya"),
])
def test_a_relative_clause_figure_is_of_its_antecedent_s_place(body, party):
    assert [c.party for c in extract_claims("", body, SEP28)] == [party]


@pytest.mark.parametrize(("title", "party"), [
    # crews who battle a fire or a flood fight no side: a figure nothing places is the one disaster's
    ("Crews battle wildfires as winds pick up", "all"),
    ("Volunteers fighting the floods in the valley", "all"),
    # a battle between sides: either side's
    ("Militias battle for the hills above the valley", "unknown"),
])
def test_battling_a_fire_is_no_fight_between_sides(title, party):
    assert [c.party for c in extract_claims("", "Officials said eight people have died.", SEP28, title)] == [party]


@pytest.mark.parametrize(("body", "expected"), [
    # "increasing the total to" brings a toll up as "bringing" does
    ("The coroner confirmed three more deaths, increasing the statewide total to 25.",
     [("killed", "increment", 3, 3), ("killed", "cumulative", 25, 25)]),
    # nothing counted before it: a total of something else
    ("The agency is increasing the number of shelters to 40.", []),
])
def test_increasing_a_total_to_a_figure(body, expected):
    assert [(c.outcome, c.kind, c.min, c.max) for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("body", "party"), [
    # a newspaper named after a place neither places the dead nor speaks for a state
    ("The Los Angeles Times, citing local doctors, reported a death toll of at least 14.", "sudan"),
    # the place itself, named before a word that is no newspaper's, still places them
    ("At least 14 people were killed in Los Angeles overnight.", "united-states"),
])
def test_a_newspaper_named_after_a_place_is_no_place(body, party):
    assert [c.party for c in extract_claims("", body, SEP28, "Sudan crisis live")] == [party]


@pytest.mark.parametrize(("body", "expected"), [
    # the dead named so far are some of them: no toll
    ("Coroners said 14 bodies have now been formally identified.", []),
    ("So far 30 bodies were identified by relatives.", []),
    # the whole group named after "of" is still counted, and the killed before "identified" too
    ("Coroners said two of the six deceased have been identified.", [6]),
    ("Six miners killed in the blast were identified on Monday.", [6]),
    # the dead still to be found or named are some of them too
    ("Rescuers said 12 bodies have not yet been recovered from the mine.", []),
    ("At least 40 bodies have yet to be identified, the coroner said.", []),
    # found and counted: a toll
    ("Rescuers said 12 bodies have been recovered from the mine.", [12]),
])
def test_a_count_of_the_dead_identified_is_no_toll(body, expected):
    assert [c.min for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "others" after police counted by the same verb are police too: they fall at home, the place's
    ("A gunman who killed three police officers and wounded four others was arrested.",
     [("killed", 3, "united-states"), ("wounded", 4, "united-states")]),
    # "others" after soldiers are soldiers, who may fall far from home: the place does not say whose
    ("A blast that killed three soldiers and wounded four others shook the base.",
     [("killed", 3, "unknown"), ("wounded", 4, "unknown")]),
])
def test_others_after_police_are_police_of_the_place(body, expected):
    found = extract_claims("", body, SEP28, "Shooting in Colorado: live updates")
    assert [(c.outcome, c.min, c.party) for c in found] == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # soldiers that jihadists or militants kill in the one state an entry names are that state's (real paragraphs)
    ("Burkina Faso: jihadists kill soldiers",
     "At least four soldiers were killed Tuesday in an attack blamed on jihadists in northern Burkina Faso, "
     "security sources said.", [(4, "burkina-faso")]),
    ("One more militant killed in twin encounters in Kulgam",
     "SRINAGAR: Five militants and two soldiers have been killed in the two ongoing encounters between militants and "
     "security forces in Jammu and Kashmir’s Kulgam district.", [(5, "unknown"), (2, "india")]),
    # a second state or an alliance named: soldiers may be abroad, the place does not say whose
    ("Afghanistan: NATO operations", "Four soldiers were killed by insurgents in Helmand province.", [(4, "unknown")]),
])
def test_soldiers_insurgents_kill_at_home_are_their_states(title, body, expected):
    assert [(c.min, c.party) for c in extract_claims("", body, SEP28, title)] == expected


def test_attackers_listed_with_others_are_a_group_of_their_own():
    body = "Security forces later stormed the museum, killing two gunmen and a security officer."
    found = extract_claims("", body, SEP28, "Tunisia museum attack: live")
    assert [(c.min, c.party) for c in found] == [(2, "unknown"), (1, "tunisia")]


@pytest.mark.parametrize(("body", "expected"), [
    ("Eleven villagers were massacred overnight, the governor said.", [("killed", 11)]),
    ("Six guards were slaughtered at the checkpoint.", [("killed", 6)]),
    ("Four shoppers were gunned down outside the mall.", [("killed", 4)]),
    ("Gunmen gunned down seven farmers on Friday.", [("killed", 7)]),
    ("Two nurses were murdered in the clinic.", [("killed", 2)]),
    # those counted before the verb did the killing: only the ones after it are dead
    ("Three gunmen massacred 20 villagers.", [("killed", 20)]),
    ("Two men murdered a family of five.", []),
    # the same words of something else than people
    ("Police gunned down the suspect's car tyres.", []),
    ("The team slaughtered their rivals 5-0 in the final.", []),
    ("Farmers slaughtered 500 sheep before the feast.", []),
])
def test_rarer_verbs_of_killing(body, expected):
    assert [(c.outcome, c.min) for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("body", "party"), [
    # once a text places a town in a region of another state, its other mentions of the town are there too
    ("Lockdown at Paris High School in Paris, Texas: three students were killed.", "united-states"),
    # a town named alone keeps its own state
    ("Lockdown at Paris High School: three students were killed.", "france"),
])
def test_a_town_placed_in_a_foreign_region_is_that_region_everywhere_in_the_text(body, party):
    assert [c.party for c in extract_claims("", body, SEP28)] == [party]


@pytest.mark.parametrize(("title", "party"), [
    # a disaster that strikes is no fight between sides
    ("Tragedy strikes at the festival: live updates", "all"),
    ("Quake strikes the coast overnight", "all"),
    # strikes by a side are
    ("Fresh strikes hit the coast overnight", "unknown"),
    # troops sent to rescue or bring relief are no side fighting
    ("Army joins rescue efforts after the floods", "all"),
    ("Troops deliver relief supplies to flooded villages", "all"),
    # troops that advance are
    ("Army advances on the river town", "unknown"),
])
def test_a_disaster_that_strikes_or_troops_that_rescue_are_no_fight_between_sides(title, party):
    assert [c.party for c in extract_claims("", "Officials said eight people have died.", SEP28, title)] == [party]


@pytest.mark.parametrize(("body", "expected"), [
    # one person named after the count of the same incident is one of them
    ("The coroner confirmed five deaths from the storm. Among them was the death of a 64-year-old man in his car.",
     [5]),
    # one person named before a larger count is no part of it: another incident
    ("A 64-year-old man was killed in his car. Five others died later in a fire across town.", [1, 5]),
    # a total the one person raises counts them: the one is new
    ("A 64-year-old man was killed on Monday. His death raised the toll to five.", [1, 5]),
])
def test_one_person_after_a_count_of_the_same_incident_is_one_of_them(body, expected):
    assert [c.min for c in extract_claims("", body, SEP28, "Storm hits the coast")] == expected


def test_another_one_after_a_count_is_one_more():
    found = extract_claims("", "Five villagers were killed in the raid. Another villager was killed later that night.",
                           SEP28, "Raid on a village")
    assert [(c.kind, c.min) for c in found] == [("incident", 5), ("increment", 1)]


@pytest.mark.parametrize(("body", "expected"), [
    # a victim counts one, an ordinal victim the count so far, and a total after it takes its outcome
    ("One victim died in hospital overnight.", [("killed", "incident", 1)]),
    ("A fourth victim of the Cedar Creek Fire was found dead, bringing the county's tally to 30.",
     [("killed", "cumulative", 4), ("killed", "cumulative", 30)]),
    # a victim found, or the victim already counted, is no figure
    ("A victim was pulled from the rubble.", []),
    ("The victim died in hospital.", []),
])
def test_a_victim_counts_one(body, expected):
    assert [(c.outcome, c.kind, c.min) for c in extract_claims("", body, SEP28, "Fire in Oregon")] == expected


@pytest.mark.parametrize(("body", "party"), [
    # a town and the autonomous region of Iraq's Kurds are Iraq's
    ("Three people were killed when a wall fell in Halabja.", "iraq"),
    ("Officials in the Kurdistan Region said 12 people were injured.", "iraq"),
    # bare "Kurdistan" names lands of several states: no one state's
    ("Officials in Kurdistan said 12 people were injured.", "all"),
])
def test_iraqs_kurdistan_region_and_its_towns(body, party):
    assert [c.party for c in extract_claims("", body, SEP28)] == [party]


@pytest.mark.parametrize(("body", "expected"), [
    # "increased" reads a total only with a toll's word between it and "to N"
    ("The new finds increased the death toll to 41 in the province.", [("killed", 41)]),
    ("After the attack that killed three, police increased patrols to 50 across the province.", [("killed", 3)]),
])
def test_increased_reads_a_total_only_with_a_toll_word(body, expected):
    assert [(c.outcome, c.min) for c in extract_claims("", body, SEP28)] == expected


def test_one_also_killed_after_a_count_is_one_more():
    body = "Five people were killed in the storm in Florida. A man was also killed when a tree fell."
    assert [c.min for c in extract_claims("", body, SEP28)] == [5, 1]


@pytest.mark.parametrize(("headline", "party"), [
    # troops sent to help a rescue fight no one: one disaster's dead are every side's
    ("Troops were sent to help rescue survivors of the quake", "all"),
    # troops that fire on a crowd fight, whatever relief is near: whose dead is not said
    ("Troops opened fire on crowds waiting for relief trucks", "unknown"),
])
def test_troops_sent_to_rescue_are_no_fighting(headline, party):
    assert [c.party for c in extract_claims(headline, "Twelve people were killed.", SEP28)] == [party]


@pytest.mark.parametrize(("body", "party"), [
    # a Chinese province is named without its type word ("Yunnan Sheng" in ISO 3166-2)
    ("A flood in Yunnan killed nine people.", "china"),
    # a town the more populous Greek Athens shares its name with, placed in its county's state
    ("The authorities in Athens county in Ohio say five people are hurt.", "united-states"),
    # with nothing to place it elsewhere, the name is the more populous city's
    ("The authorities in Athens say five people are hurt.", "greece"),
])
def test_a_province_places_the_town_named_in_it(body, party):
    assert [c.party for c in extract_claims("", body, SEP28)] == [party]


@pytest.mark.parametrize(("body", "expected"), [
    # the number after "No.", "flight" or "#" names something; "No." ends no sentence
    ("Flight No. 512 passengers were injured when the plane skidded off the runway.", []),
    ("Passengers of flight 93 died in the crash.", []),
    ("Two guards at gate #4 were hurt.", []),
    # a number after no such word counts
    ("The airline said 12 passengers were killed.", [12]),
    ("Four guards were hurt at the gate.", [4]),
])
def test_a_flight_number_is_no_count(body, expected):
    assert [c.min for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the killed and the wounded counted together are casualties not split: no count of either
    ("Scores of people were killed or wounded when the market was shelled.", []),
    ("The rockets killed or wounded 40 soldiers, the army said.", []),
    ("Eleven were wounded or killed in the crash.", []),
    # each outcome with its own figure stays
    ("The rockets killed 4 soldiers and wounded 40, the army said.", [("killed", 4), ("wounded", 40)]),
    ("Eleven were killed and the wounded were flown out.", [("killed", 11)]),
])
def test_killed_or_wounded_together_is_no_count(body, expected):
    assert [(c.outcome, c.min) for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the other outcome's noun, or its word opening a clause of its own (its subject or verb after it), joins nothing
    ("Six workers were hurt and bodies were pulled from the river in Chile.", [("wounded", 6)]),
    ("Three people in Chile were killed and injured villagers were flown to hospital.", [("killed", 3)]),
    ("Nine miners were injured and deaths are feared after the roof fell.", [("wounded", 9)]),
    # its verb or participle alone still joins the two outcomes: no count of either
    ("Twenty people were killed or injured so far, the mayor said.", []),
    ("Gunmen killed and wounded 14 people at the market.", []),
])
def test_only_the_other_outcome_s_verb_joins_it(body, expected):
    assert [(c.outcome, c.min) for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a rank after a larger total of its sentence ranks one place's dead: one more death, not the toll
    ("The storm's toll stands at 27 across four provinces, with officials in the north reporting a third death.",
     [("cumulative", 27), ("increment", 1)]),
    # a rank alone is the toll so far
    ("A third death was reported in the north.", [("cumulative", 3)]),
])
def test_a_rank_after_a_larger_total_is_one_more_death(body, expected):
    assert [(c.kind, c.min) for c in extract_claims("", body, SEP28, "Storm hits the coast")] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a pronoun's one person, told as one of the dead, is no count of their own
    ("Police said one of the dead was a 40-year-old teacher. He was killed as he left the shop.", []),
    # told as no one of a counted group, the pronoun's one person counts
    ("A man was stabbed outside a bar. He was killed before help arrived.", [1]),
])
def test_a_pronoun_told_as_one_of_the_dead_is_no_count(body, expected):
    assert [c.min for c in extract_claims("", body, SEP28, "Shooting at a mall")] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a total split into sides: the total is all sides', each group its own side's (attackers no side named)
    ("The toll from the raid has risen to 11 - eight Syrians and three attackers, officials said.",
     [("all", 11), ("syria", 8), ("unknown", 3)]),
    # parts that do not add up, or of one side, split nothing
    ("The toll from the raid has risen to 12 - eight Syrians and three attackers, officials said.", [("syria", 12)]),
    ("The toll from the raid has risen to 11 - eight Syrians and three Syrian soldiers, officials said.",
     [("syria", 11)]),
])
def test_a_total_split_into_sides(body, expected):
    assert [(c.party, c.min) for c in extract_claims("", body, SEP28, "Raid on a border post")] == expected


@pytest.mark.parametrize(("body", "party"), [
    # security forces at work after an attack are police, no fight between sides: its dead are all the dead
    ("Twelve people were killed at the museum. Security forces are hunting the gunmen.", "all"),
    # troops hunting them tell of a fight: a figure nothing places is either side's
    ("Twelve people were killed at the museum. Troops are hunting the gunmen.", "unknown"),
])
def test_security_forces_at_work_are_no_fight_between_sides(body, party):
    assert [c.party for c in extract_claims("", body, SEP28, "Museum attack")] == [party]


@pytest.mark.parametrize(("body", "expected"), [
    # soldiers counted with civilians before one verb fell where the civilians did
    ("In Mali, 14 civilians and two soldiers were killed.", [("mali", 14), ("mali", 2)]),
    # soldiers alone may have fallen far from home: the place does not say whose they were
    ("Two soldiers were killed in Mali.", [("unknown", 2)]),
])
def test_soldiers_killed_with_civilians_are_the_place_s(body, expected):
    assert [(c.party, c.min) for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # counted with civilians in one list, soldiers fell where they did, also where only the blog's title places them
    ("Eleven civilians and three soldiers died in the ambush.", [("mali", 11), ("mali", 3)]),
    # soldiers counted with no civilians may have fallen far from home
    ("Three soldiers and two marines died in the ambush.", [("unknown", 3), ("unknown", 2)]),
])
def test_soldiers_listed_with_civilians_fell_at_the_title_s_place(body, expected):
    assert [(c.party, c.min) for c in extract_claims("", body, SEP28, "Attack in Mali")] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a toll's verb of rising before "up to", "past" ...: up to the figure, or more than it
    ("The death toll from the floods shot up to 40 on Sunday.", [(40, 40)]),
    ("The death toll from the floods went past 100 on Sunday.", [(101, None)]),
    # "up to" alone bounds the toll from above: no figure
    ("The death toll from the floods may be up to 40.", []),
])
def test_verbs_of_a_rising_toll(body, expected):
    assert [(c.min, c.max) for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("title", "party"), [
    # a small city of another continent than the state the blog's title says it happens in: most likely a namesake
    ("Wildfires in Spain", "spain"),
    ("Spain wildfires: live", "spain"),
    # the city's own state named, or no state at all: the city it is
    ("Wildfires in Mexico", "mexico"),
    ("Deadly wildfires", "mexico"),
    # a title that names a state as what it is about, not where: the name may be that city, whose dead are unknown
    ("Spain news live", "unknown"),
])
def test_a_small_city_far_from_the_title_s_state_is_a_namesake(title, party):
    found = extract_claims("", "Wildfires near Salamanca killed 4 people.", SEP28, title)
    assert [c.party for c in found] == [party]


@pytest.mark.parametrize(("title", "body", "party"), [
    # a small city named on a blog about another state: never that state's
    ("Paris attacks: live updates", "Nine people died in a bus crash in Idlib.", "unknown"),
    # where the entry tells fighting, a small city far away is that city: it may be the front
    ("Israel news live", "A missile hit Kramatorsk, killing nine people.", "ukraine"),
    ("US election live", "Nine people died when an airstrike hit Kunduz.", "afghanistan"),
])
def test_a_small_city_far_from_the_title_s_state_gives_no_figure_to_that_state(title, body, party):
    assert [c.party for c in extract_claims("", body, SEP28, title)] == [party]


def test_a_large_city_far_from_the_title_s_state_is_that_city():
    found = extract_claims("", "A fire in Boston killed 3 people.", SEP28, "Wildfires in Spain")
    assert [c.party for c in found] == ["united-states"]


@pytest.mark.parametrize(("body", "expected"), [
    # one sentence (a headline run into its body) may give a figure twice in two precisions: two claims
    ("Police confirm that two guards died in the raid Police later said at least two guards were killed.",
     [(2, 2), (2, None)]),
    # or like figures of two places named right after them: two claims
    ("Four people were killed in Hama and four people were killed in Idlib, activists said.", [(4, 4), (4, 4)]),
    # the same figure told twice in one sentence is one claim
    ("Nine people have died so far, the mayor says, adding that nine people have died so far in the floods.",
     [(9, 9)]),
])
def test_like_figures_of_one_sentence(body, expected):
    assert [(c.min, c.max) for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # like figures of sentences sharing a town are two when the places right after them differ
    ("Three protesters were killed in Homs, activists in Damascus said. Three protesters were killed in Daraa, "
     "activists in Damascus said.", [3, 3]),
    # the same place right after both: one figure told twice
    ("Five people were killed in Kharkiv, officials said. Rescuers said five people were killed in Kharkiv overnight.",
     [5]),
])
def test_like_figures_of_two_sentences_and_the_places_right_after_them(body, expected):
    assert [c.min for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a toll split into sides: the total is all sides', each group its own side's, attackers theirs
    ("The death toll from the raid now stands at 11 - eight Ukrainians and three Russians, officials said.",
     [("all", 11), ("ukraine", 8), ("russia", 3)]),
    ("The toll rose to nine: five Kenyans and four gunmen.", [("all", 9), ("kenya", 5), ("unknown", 4)]),
    # parts that do not add up to the total, or that name no two sides, split nothing
    ("The death toll from the raid now stands at 12 - eight Ukrainians and three Russians, officials said.",
     [("unknown", 12)]),
    ("The death toll from the raid now stands at 12 - eight soldiers and four civilians, officials said.",
     [("unknown", 12)]),
])
def test_a_toll_split_into_sides(body, expected):
    assert [(c.party, c.min) for c in extract_claims("", body, JUN22, "Fighting in the east")] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # an ordinal death after a larger total of the sentence is one more death in a part of it
    ("The storm's toll is now 30 across the region, and Kent reported a third death on Monday.",
     [("cumulative", 30, 30), ("increment", 1, 1)]),
    # one the total then counts in ranks the deaths of its place
    ("A third death was confirmed in Kent, bringing the toll from the storm to 30.",
     [("cumulative", 3, 3), ("cumulative", 30, 30)]),
])
def test_an_ordinal_death_after_a_larger_total(body, expected):
    assert [(c.kind, c.min, c.max) for c in extract_claims("", body, SEP28, "Storm hits the coast")] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the toll set off by dashes or brackets after the dead
    ("Flags flew at half-mast for the dead — at least 14 by Sunday night — across the province.", [(14, None)]),
    ("Prayers were said for the deaths (12 so far) in the valley.", [(12, 12)]),
    # a year or a unit there counts no one
    ("Services honoured the dead — 2004 was the worst year on record.", []),
    ("Services honoured the dead — 3 hours of silence followed.", []),
    # some of them is no toll
    ("Services honoured the dead — 3 of them children — in the square.", []),
])
def test_a_toll_set_off_after_the_dead(body, expected):
    assert [(c.min, c.max) for c in extract_claims("", body, SEP28, "Floods in the valley")] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a denial's clause ends where "as" opens a new subject
    ("The grief of the town knows no end as it mourns 12 people killed in the flood.", [12]),
    # before it, the doubt is the figure's own
    ("Rescuers could find no sign that 12 people died as the storm hit.", []),
])
def test_a_denial_ends_at_a_new_subject_after_as(body, expected):
    assert [c.min for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("One of the extremists was wounded but escaped, the ministry said.", [("wounded", 1)]),
    ("A gunman fired inside the building, wounding a guard.", [("wounded", 1)]),
    ("Three people have passed away from their wounds, medics said.", [("killed", 3)]),
    ("One of the victims has succumbed to his wounds, medics said.", [("killed", 1)]),
    # who one of them was is no count
    ("One of the victims was a nurse.", []),
    ("One of the dead was a nurse.", []),
])
def test_one_of_a_group_and_words_of_dying(body, expected):
    assert [(c.outcome, c.min) for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "another of its fighters": one more of the speaker's own
    ("Hezbollah announced the death of another of its fighters on Sunday.",
     [("hezbollah", "military", "killed", "increment", 1, 1)]),
    # seen, not killed: no count
    ("One of its fighters was seen near the border, Hezbollah said.", []),
])
def test_another_of_its_fighters(body, expected):
    assert claims(body, when=DEC23) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a floor before "another" is the figure's
    ("At least another 20 people were hurt in the blast.", [("wounded", "increment", 20, None)]),
    ("Another 20 people were hurt in the blast.", [("wounded", "increment", 20, 20)]),
])
def test_a_floor_before_another(body, expected):
    assert [(c.outcome, c.kind, c.min, c.max) for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # how many places those counted were in counts no one
    ("At least 12 people in three provinces have died in the floods.", [(12, None)]),
    ("Rain fell in 11 states, where 4 people died.", [(4, 4)]),
])
def test_places_counted_where_the_counted_were(body, expected):
    assert [(c.min, c.max) for c in extract_claims("", body, SEP28)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # after the entry told of "one of the victims", the one person is one of them
    ("Police said one of the victims was a teacher. She was killed as she left the school.", []),
    # no group she is one of: her death is a figure
    ("Police named a teacher from the town. She was killed as she left the school.", [1]),
])
def test_a_person_told_of_as_one_of_the_victims(body, expected):
    assert [c.min for c in extract_claims("", body, SEP28, "Shooting at a school")] == expected


@pytest.mark.parametrize(("text", "sides"), [
    # a city's name that ends many longer names abroad, after another capitalised word, is that longer name's end
    ("A gunman opened fire at a church in Palm Springs on Sunday.", set()),
    # alone, it is the city
    ("Flooding hit the town of Springs, east of Johannesburg.", {"south-africa"}),
])
def test_a_city_name_that_ends_longer_names(text, sides):
    assert {m.entity.side for m in _GAZ.mentions(text) if m.entity.kind == "town"} == sides


@pytest.mark.parametrize(("title", "body", "expected"), [
    # fighting between two named sides: every side's dead
    ("Indian and Pakistani troops exchange cross-border fire leaving at least 15 dead",
     "Indian and Pakistani troops exchange cross-border fire leaving at least 15 dead", [("killed", 15, None, "all")]),
    # a war's own toll
    ("", "The conflict left an estimated 30,000 people dead and one million others displaced before a peace deal.",
     [("killed", 30000, 30000, "all")]),
    # "over" after outrage is a preposition, not "more than"
    ("'RSF shelling' kills 40 in Omdurman amid outrage over 104 deaths in Gezira",
     "'RSF shelling' kills 40 in Omdurman amid outrage over 104 deaths in Gezira",
     [("killed", 40, 40, "sudan"), ("killed", 104, 104, "sudan")]),
    # forces that fired are who struck, not whose dead: the claimant's side the title names is
    ("Indian shelling along LoC kills woman, say Pakistani authorities",
     "“A woman was killed and at least seven other villagers were wounded when Indian forces fired shells from across "
     "the Line of Control (Loc),” said local government official Masood-ur-Rehman according to AFP.",
     [("killed", 1, 1, "pakistan"), ("wounded", 7, None, "pakistan")]),
    # soldiers listed with civilians are groups of their own
    ("", "Indian officials said six civilians, three soldiers and a border guard were killed on their side.",
     [("killed", 6, 6, "india"), ("killed", 3, 3, "india"), ("killed", 1, 1, "india")]),
    # the hospital phrases the lexicon composes
    ("Louisiana pile-ups caused by super fog kill at least seven",
     "“More than 25 people were transported to nearby hospitals to be treated for minor to serious injuries,” she added.",
     [("wounded", 26, None, "united-states")]),
    # animals are no people; a count of the missing is no toll
    ("Bihar lightning", "Lightning strikes also killed 15 cattle in Khagaria district.", []),
    ("Tally of missing from Guatemala 'fire' volcano explosion hits 332",
     "One month after Guatemala’s Fuego volcano violently erupted, killing more than 100 people, the country’s disaster "
     "agency has raised the number of missing by more than two thirds to 332 people.", [("killed", 101, None, "guatemala")]),
])
def test_news_paragraphs_read_as_a_careful_reader_does(title, body, expected):
    found = extract_claims("", body, SEP28, title)
    assert [(c.outcome, c.min, c.max, c.party) for c in found] == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # Spanish: a past with its auxiliary before "matado a", plural "resultado heridos" (real paragraph sentences)
    ("Un bombardeo ruso acaba con la vida de 13 civiles ucranianos",
     "Las autoridades de Dnipropetrovsk han anunciado que durante la noche del martes un bombardeo ruso ha matado a 13 "
     "civiles.", [("killed", 13, 13)]),
    ("Al menos tres civiles muertos y una decena de heridos por un bombardeo en Donetsk, en el este de Ucrania",
     "Desde que comenzó la invasión rusa del territorio 623 civiles han muerto en la región y más de 1.500 han resultado "
     "heridos.", [("killed", 623, 623), ("wounded", 1501, None)]),
])
def test_spanish_paragraphs(title, body, expected):
    assert [(c.outcome, c.min, c.max) for c in extract_claims("", body, SEP28, title)] == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # German puts the verb second: words may stand between it and those it counts (real paragraph sentences)
    ("Dutzende Tote durch israelische Angriffe auf Krankenhaus in Gaza",
     "Laut Angaben des Nasser Medizinischen Komplexes starben bei dem Angriff am Montag mindestens 14 Menschen, und viele "
     "weitere wurden verletzt.", [("killed", 14, None)]),
    # "weitere" and "anderen" count others, as "others" does
    ("zahlreiche tote bei anschlag in kabul", "Dem afghanischen Sender \"Tolo News\" zufolge starben mindestens 20 "
     "Menschen, rund 40 weitere seien verletzt worden.", [("wounded", 40, 40), ("killed", 20, None)]),
    ("Zevende aanslag met voertuig in het westen", "Twaalf mensen komen om het leven, 48 anderen raken gewond.",
     [("killed", 12, 12), ("wounded", 48, 48)]),
])
def test_german_and_dutch_paragraphs(title, body, expected):
    assert [(c.outcome, c.min, c.max) for c in extract_claims("", body, SEP28, title)] == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a compound striker noun ("Raketenangriff") makes its adjective the side that struck, not whose dead
    ("zahl der toten in tschernihiw auf 18 gestiegen", "Die Zahl der Toten nach dem russischen Raketenangriff in der "
     "nordukrainischen Stadt Tschernihiw ist auf 18 gestiegen.", [("killed", 18, "ukraine")]),
    # bodies counted are dead (real paragraph sentence)
    ("Mindestens 32 Tote bei Angriff in Nigeria", "32 Leichen seien gefunden worden, sagte ein Sprecher.",
     [("killed", 32, "nigeria")]),
])
def test_german_strikers_and_bodies(title, body, expected):
    assert [(c.outcome, c.min, c.party) for c in extract_claims("", body, SEP28, title)] == expected


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a toll whose words run long before its figure (real paragraph sentences)
    ("Indonesia: Death toll in Palu quake, tsunami reaches 384 on Saturday",
     "Jakarta, (ANTARA News) - The death toll in a powerful 7.4 magnitude earthquake and subsequent tsunami in the "
     "Central Sulawesi provincial capital of Palu reached 384 on Saturday, according to the National Disaster "
     "Mitigation Agency (BNPB).", [(384, "indonesia")]),
    ("death toll from bajaur blast rises to 54", "The death toll from Sunday’s suicide bombing at a Jamiat "
     "Ulema-i-Islam-Fazl (JUI-F) gathering in Khyber Pakhtunkhwa’s Bajaur district rose to 54 on Monday as the Counter "
     "Terrorism Department (CTD) registered a first information report of the attack.", [(54, "pakistan")]),
])
def test_a_toll_whose_words_run_long_before_its_figure(title, body, expected):
    assert [(c.min, c.party) for c in extract_claims("", body, SEP28, title)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the part is the figure where a verb of its own follows
    ("Rescuers said eight of the 30 workers trapped in the tunnel have died.",
     [("all", "civilian", "killed", "incident", 8, 8)]),
    ("At least 14 of the nearly 60 passengers were confirmed dead after the ferry capsized.",
     [("all", "civilian", "killed", "incident", 14, None)]),
    # the whole is the figure where the outcome is theirs
    ("She was one of the 12 people killed when the bridge collapsed.",
     [("all", "all", "killed", "incident", 12, 12)]),
    ("He was one of two guards who were wounded in the raid.",
     [("all", "military", "wounded", "incident", 2, 2)]),
    ("Nine of the 31 dead were children, the ministry said.",
     [("all", "all", "killed", "incident", 31, 31)]),
])
def test_a_part_of_a_whole_counts_the_part_unless_the_outcome_is_the_whole_s(body, expected):
    assert claims(body) == expected


def test_the_other_side_of_a_border_is_not_where_it_happened():
    body = "Four soldiers were killed in an ambush near the border with Mali, the army said."
    assert claims(body) == [("unknown", "military", "killed", "incident", 4, 4)]
    assert claims(body, "Burkina Faso: soldiers killed in ambush") == [
        ("burkina-faso", "military", "killed", "incident", 4, 4)]


@pytest.mark.parametrize(("body", "expected"), [
    # a number told after a toll that counts the missing is no toll
    ("The sheriff says the death toll has not changed, but four to six people are still missing.", []),
    # a count of the missing joined after the toll leaves the toll
    ("The death toll from the floods rose on Monday to 48 with hundreds more missing.",
     [("all", "all", "killed", "cumulative", 48, 48)]),
    # a report a later one corrected is no claim
    ("Police corrected earlier reports that two officers had been killed, saying both were wounded.", []),
])
def test_counts_of_the_missing_and_corrected_reports_give_no_toll(body, expected):
    assert [c for c in claims(body) if c[2] == "killed"] == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Two others sustained gunshot injuries in the raid.", [("all", "all", "wounded", "incident", 2, 2)]),
    ("Three died at the scene and four escaped with serious injuries.",
     [("all", "all", "killed", "incident", 3, 3), ("all", "all", "wounded", "incident", 4, 4)]),
    ("Villagers said they had buried 14 corpses.", [("all", "all", "killed", "incident", 14, 14)]),
    ("The strike resulted in the martyrdom of two children.", [("unknown", "civilian", "killed", "incident", 2, 2)]),
    # an ordinal counts a toll of dead, not of wounded: "a fourth climber" is the fourth of those trapped
    ("A fourth climber was rescued with serious injuries on Sunday.", []),
])
def test_more_ways_to_tell_the_dead_and_the_wounded(body, expected):
    assert claims(body) == expected


def test_a_side_announcing_the_killing_of_soldiers_counts_its_own():
    """"the killing of" is a noun: its announcer did not kill them, as it may have after "killed"."""
    body = "Later, Azerbaijan announced the killing of four soldiers and the wounding of two others."
    assert [(c[0], c[2], c[4]) for c in claims(body)] == [("azerbaijan", "killed", 4), ("azerbaijan", "wounded", 2)]


@pytest.mark.parametrize(("body", "expected"), [
    # the deaths as a toll's head, their verb right after
    ("Heatstroke deaths rose to 44 across the state on Thursday.", [("all", "all", "killed", "cumulative", 44, 44)]),
    ("The confirmed fatalities stood at 17 on Sunday evening.", [("all", "all", "killed", "cumulative", 17, 17)]),
    # how much a toll rose is an increment, what it rose to the total
    ("The flood death toll has risen by 12 to 96.",
     [("all", "all", "killed", "increment", 12, 12), ("all", "all", "killed", "cumulative", 96, 96)]),
    # a clock time inside a toll's words
    ("The death toll from the blast that hit the market at 09:30 GMT has passed 40.",
     [("all", "all", "killed", "cumulative", 41, None)]),
    # when, between the verb's parts
    ("At least nine villagers were on Tuesday confirmed killed.", [("all", "civilian", "killed", "incident", 9, None)]),
])
def test_tolls_told_by_their_deaths_their_rise_and_a_day_between_the_verb(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a fear is of its own clause's figure: the next clause, with a count of its own as subject, is told
    ("Some 30 villagers were feared dead and more than 200 were injured.", [("all", "all", "wounded", "incident", 201, None)]),
    # a fear that reaches over its joined clause
    ("Officials feared that 25 miners died and 30 were hurt.", []),
])
def test_a_fear_doubts_its_own_clause(body, expected):
    assert claims(body) == expected


def test_the_number_of_the_slain_is_a_toll():
    assert claims("Officials said the number of villagers slain in the raids rose to 41.") == [
        ("all", "all", "killed", "cumulative", 41, 41)]


@pytest.mark.parametrize(("body", "expected"), [
    # a finite verb after the part: the part is the figure
    ("Four of the 10 miners died.", [("all", "killed", 4, 4)]),
    # an outcome noun after the whole: the whole is the figure
    ("Twelve of the 40 deaths were children.", [("all", "killed", 40, 40)]),
    # a word of another count after a toll's figure, inside a phrase of place, leaves the toll
    ("The death toll rose to 40 in the affected areas of Kerala.", [("india", "killed", 40, 40)]),
    # the deaths as a toll's head only with their figure right after the verb
    ("Deaths rose sharply after the floods, according to 12 aid agencies.", []),
    # how much a toll rose, qualified, and what it rose to
    ("The death toll rose by at least 10 to 50.", [("all", "killed", 10, None), ("all", "killed", 50, 50)]),
    # a corrected report that names its figure is no claim; a figure told after the correction is
    ("Police corrected earlier reports and said 12 people were killed in the blast.", [("all", "killed", 12, 12)]),
])
def test_parts_tolls_and_corrections_read_as_a_careful_reader_does(body, expected):
    assert [(c[0], c[2], c[4], c[5]) for c in claims(body)] == expected


@pytest.mark.parametrize(("body", "party"), [
    # who committed a killing struck; a death, or a killing a side announced, is the announcer's own
    ("Russian troops committed the killings of 30 soldiers.", "unknown"),
    ("The ambush resulted in the deaths of 16 soldiers, the Nigerien army announced.", "niger"),
    # "was quoted as saying" names who speaks
    ("Three soldiers were killed in the shelling, Ukraine's interior minister was quoted as saying.", "ukraine"),
    # a place across a border holds no "where" clause's figure
    ("Clashes broke out near the border with Venezuela, where five soldiers were killed.", "unknown"),
])
def test_who_struck_who_speaks_and_across_a_border(body, party):
    assert [c[0] for c in claims(body)] == [party]


@pytest.mark.parametrize(("body", "expected"), [
    ("Three of the 20 injured people have died.", [("all", "killed", 3, 3)]),
    ("Two of the 14 wounded have since died in hospital.", [("all", "killed", 2, 2)]),
])
def test_those_of_the_wounded_who_died_are_the_figure_not_the_wounded(body, expected):
    assert [(c[0], c[2], c[4], c[5]) for c in claims(body)] == expected


@pytest.mark.parametrize(("body", "expected"), [
    # people a side lost are its dead, the side the subject of the verb
    ("Russia has lost 2,800 troops so far, Ukraine's defence ministry said.",
     [("russia", "military", "killed", "cumulative", 2800, 2800)]),
    ("Ukrainian forces lost 12 soldiers in the assault on the village.",
     [("ukraine", "military", "killed", "incident", 12, 12)]),
    # "its" is the loser's, and a family's dead are the place's
    ("A family in Rajkot, India, lost five of its members in the fire.", [("india", "all", "killed", "incident", 5, 5)]),
    # a speaker's "we" is the side of who says it
    ("\"We have lost 31 soldiers,\" Azerbaijan's defence ministry said.",
     [("azerbaijan", "military", "killed", "incident", 31, 31)]),
    # things lost count no one, nor does a loss only supposed
    ("Russia has lost 120 tanks and 40 aircraft.", []),
    ("If the report is confirmed, Hezbollah will have lost 12 fighters on Sunday.", []),
])
def test_people_lost_are_dead(body, expected):
    assert claims(body, when=JUN22) == expected


def test_a_thousands_comma_does_not_end_the_figure_s_clause():
    # "so far" after "2,800" is in the figure's clause: a running total, as it is after "800"
    assert claims("2,800 people have been killed so far.") == [("all", "all", "killed", "cumulative", 2800, 2800)]
    assert claims("800 people have been killed so far.") == [("all", "all", "killed", "cumulative", 800, 800)]
    assert claims("The quake killed 2,800 people in total.") == [("all", "all", "killed", "cumulative", 2800, 2800)]


@pytest.mark.parametrize(("body", "expected"), [
    # an age in words is no count: "her five-year-old daughter" is one person of the list
    ("A woman and her five-year-old daughter died in the floods in Kenya.", [("kenya", "civilian", "killed", "incident", 2, 2)]),
    # the family, household or crew those counted belong to, between them and the verb
    ("Three members of a Brisbane family died in the crash.", [("australia", "all", "killed", "incident", 3, 3)]),
    ("Five members of the same family were killed in the strike in Idlib.", [("syria", "all", "killed", "incident", 5, 5)]),
    # an adverb of time inside the verb
    ("Twelve Azerbaijani soldiers were subsequently killed.", [("azerbaijan", "military", "killed", "incident", 12, 12)]),
    # injuries to people, not to parts of a body
    ("The strike in Pakistan killed 26 civilians and caused injuries to 46 others.",
     [("pakistan", "civilian", "killed", "incident", 26, 26), ("pakistan", "civilian", "wounded", "incident", 46, 46)]),
    ("The boy in Pakistan suffered injuries to 2 fingers.", []),
    # the dead and the missing together are no count of either
    ("All told, 18 members of the family died or disappeared in the disaster in Guatemala.", []),
])
def test_family_ages_adverbs_and_injuries_to(body, expected):
    assert claims(body) == expected


def test_a_town_restates_a_figure_of_its_region():
    # "in Gaza" and "Gaza City": one place, the figure stated twice is kept once, as "in Gaza" twice would be
    kept = claims("The strike killed 12 members of one family in Gaza City, medics said.",
                  headline="12 members of one family killed in Gaza")
    assert kept == [("palestine", "all", "killed", "incident", 12, 12)]


def test_a_list_of_those_among_a_count_is_no_figure_of_its_own():
    # the people named after "among them" are some of the six, no figure of five (the six stand too far from their
    # verb to be read)
    assert claims("Six people, among them a 35-year-old male driver, a 34-year-old female passenger and four children "
                  "were declared dead at the scene in Limpopo, South Africa.") == []
    # a place after "including" names no one: the groups after it are counted
    assert claims("On the Israeli side, including in the occupied Golan Heights, 22 soldiers and 26 civilians "
                  "have been killed.") == [("israel", "military", "killed", "incident", 22, 22),
                                           ("israel", "civilian", "killed", "incident", 26, 26)]


def test_a_listed_group_of_its_own_is_the_claimant_s():
    # "192 of its soldiers" in a list are the side that says so, their fellow civilian counted apart
    assert claims("Israel said 12 of its soldiers and 3 civilians were killed.") == [
        ("israel", "military", "killed", "incident", 12, 12), ("israel", "civilian", "killed", "incident", 3, 3)]


@pytest.mark.parametrize(("body", "expected"), [
    # people lost by a firm, an airline or a party in an election are no dead
    ("The company has lost 300 workers to rival firms since January.", []),
    ("The airline lost 200 passengers' bags last week.", []),
    ("The Democrats lost 12 members in the election.", []),
    # "including" earlier in the sentence does not make the list some of those named
    ("Officials including the mayor said three children and two women died in the fire in Kenya.",
     [("kenya", "civilian", "killed", "incident", 3, 3), ("kenya", "civilian", "killed", "incident", 2, 2)]),
])
def test_what_the_review_of_the_new_english_rules_found(body, expected):
    assert claims(body) == expected
