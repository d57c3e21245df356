"""Wordings of casualty figures read since the corpus grew past 450 pages, each with a near miss that gives no
claim (sentences written for these tests, not taken from a page)."""

from datetime import datetime, timezone

import pytest

from streams.extract.casualties import extract_claims

MAY9 = datetime(2019, 5, 9, 12, 0, tzinfo=timezone.utc)


def claims(body: str, headline: str = "Storm and riots in Ohio") -> list[tuple]:
    return [(c.population, c.outcome, c.min, c.max) for c in extract_claims(headline, body, MAY9)]


@pytest.mark.parametrize(("body", "expected"), [
    # taken, transported or rushed to hospital: wounded
    ("Fire officials said nine people were taken to the hospital after the roof gave way.", [("all", "wounded", 9, 9)]),
    ("At least four pupils were transported to area hospitals.", [("civilian", "wounded", 4, None)]),
    ("Twelve were rushed to hospital with burns.", [("all", "wounded", 12, 12)]),
    ("The county said 15 were treated with minor injuries at the scene.", [("all", "wounded", 15, 15)]),
    # police counted as people
    ("More than 20 police were hurt by stones and bottles.", [("military", "wounded", 21, None)]),
    # people by what they were doing: at the wheel, flying, on foot
    ("A pilot was killed when the light aircraft came down.", [("civilian", "killed", 1, 1)]),
    ("Two pedestrians and a cyclist were hurt by falling glass.", [("civilian", "wounded", 3, 3)]),
    # a range told by its two ends, either way round
    ("As many as 14 people and as few as nine died in the flood.", [("all", "killed", 9, 14)]),
    ("As few as three and as many as five workers were killed.", [("civilian", "killed", 3, 5)]),
    # a former figure beside the one that replaced it gives no claim of its own
    ("The toll rose to 12. Previously, the number of dead was 9.", [("all", "killed", 12, 12)]),
    ("Officials said 40 people died; the toll had initially been put at 25.", [("all", "killed", 40, 40)]),
    ("Rescuers found 7 bodies, raising the earlier toll of 5.", [("all", "killed", 7, 7)]),
    # not former figures: a first toll still standing, "initially" about something else
    ("Officials said the initial death toll was 30.", [("all", "killed", 30, 30)]),
    ("The mayor initially spoke to the families of the 6 workers killed.", [("civilian", "killed", 6, 6)]),
    # "the number killed", "the number wounded" without "of": a toll as well
    ("Hospital officials put the number wounded at 56.", [("all", "wounded", 56, 56)]),
    ("The number killed has risen to 20, police said.", [("all", "killed", 20, 20)]),
    # those who have injuries or are still in hospital are wounded
    ("One driver died and 6 others have minor injuries.", [("civilian", "killed", 1, 1), ("civilian", "wounded", 6, 6)]),
    ("Eleven people remained hospitalized on Sunday.", [("all", "wounded", 11, 11)]),
    ("Two died and 4 others were in the hospital.", [("all", "killed", 2, 2), ("all", "wounded", 4, 4)]),
    ("Six people suffered gunshot wounds.", [("all", "wounded", 6, 6)]),
    # a group counted by age is one figure, as one counted by sex is
    ("Two adults and five children died in the fire.", [("civilian", "killed", 7, 7)]),
    ("Two officers were shot and wounded.", [("military", "wounded", 2, 2)]),
    ("A firefighter was killed and 25 new deaths were reported.", [("all", "killed", 1, 1), ("all", "killed", 25, 25)]),
    ("Police said 5 died and another 3 were hurt.", [("all", "killed", 5, 5), ("all", "wounded", 3, 3)]),
    # reported, declared or pronounced dead; a toll exceeding or topping its figure is above it
    ("A rescuer has been reported as dead.", [("all", "killed", 1, 1)]),
    ("Two men were pronounced dead at the scene.", [("all", "killed", 2, 2)]),
    ("Officials put the number injured exceeding 40.", [("all", "wounded", 41, None)]),
    # who "shot and killed" someone is no casualty: only the one shot is
    ("A police officer shot and killed a man who fired at him.", [("civilian", "killed", 1, 1)]),
])
def test_reads(body, expected):
    assert claims(body) == expected


@pytest.mark.parametrize("body", [
    "The mayor was taken to the hospital to visit the victims on Friday.",  # no number
    "Police closed 14 police stations across the county.",  # police stations, not people
    "About 200 police were deployed around the stadium.",  # no outcome
    "The driver said 40 passengers were on board.",  # aboard, not hurt
    "The 3 hospitals in the county took in patients from the storm.",  # hospitals counted, not people
    "A number of people were killed in the storm.",  # "a number of", no figure
    "Five doctors in the hospital treated the victims.",  # staff where they work, not patients
    # more of a doubted figure is doubted as well
    "Initial reports suggested that 20 people had been killed inside the club and another 42 wounded.",
    "Officials denied reports that 6 soldiers had died in the ambush on the convoy and 9 more were hurt.",
])
def test_no_claim(body):
    assert claims(body) == []


def parties(body: str, headline: str, title: str = "") -> list[str]:
    return [c.party for c in extract_claims(headline, body, MAY9, title) if c.min > 1]


def test_where_people_come_from_is_not_where_they_died():
    headline = "A nurse from Leeds, England, is among those killed when a ferry sank off the coast near Manila."
    assert parties("The ferry capsized in high waves, killing 31 of 90 people aboard.", headline) == ["philippines"]
    # with no other place named, where they came from is all the entry says
    assert parties("A ferry capsized in high waves, killing 31 people.", "Pupils from Leeds among the dead") == [
        "united-kingdom"]
    # where the blog's title names the place, people's home towns in the entry do not move it
    body = ("Coastguards say 31 people were killed.\nA student from Denver, Colorado, said the deck tilted.")
    assert parties(body, "", "Ferry sinks off Manila: live") == ["philippines"]


def test_a_place_s_worst_disaster_happened_there():
    body = "Officials say 9 people were killed in Manila's deadliest apartment fire in decades."
    assert parties(body, "Fire") == ["philippines"]
    assert parties("Officials say 9 people were killed in Russia's heaviest attack on Kyiv.", "Attack") == ["ukraine"]


def test_a_town_s_name_that_deaths_are_put_down_to_names_a_storm():
    body = "The number of deaths tied to Florence has risen to 14, most of them in South Carolina."
    assert parties(body, "Storm latest") == ["united-states"]
    assert parties("Two deaths in Florence were blamed on Russia.", "Italy") == ["italy"]  # a state is no storm


def test_a_region_s_own_officials_place_the_entry_in_it():
    body = "Ohio's governor says hundreds of homes were damaged. Flash flooding killed at least 6 people."
    assert parties(body, "The Latest") == ["united-states"]
