"""Whose casualties a figure counts: the side that struck is not the side of the dead, a source's or a striker's
place is not where they fell, and the place phrase nearest a count is its own. Sentences in our own wording."""

from datetime import datetime, timezone

import pytest

from streams.extract.casualties import _GAZ, extract_claims
from streams.extract.party import place_of

JUN24 = datetime(2024, 6, 12, 12, 0, tzinfo=timezone.utc)


def parties(body: str, headline: str = "") -> list[tuple[str, int]]:
    return [(c.party, c.min) for c in extract_claims(headline, body, JUN24)]


@pytest.mark.parametrize(("body", "expected"), [
    # a service word between a state and its forces still names who struck, not whose dead
    ("Israeli army forces killed 12 protesters near the fence, Gaza health officials said.", [("palestine", 12)]),
    # the same service word with no striking noun after it names who speaks
    ("The Israeli army said 3 soldiers were killed.", [("israel", 3)]),
])
def test_a_force_named_with_its_service_is_who_struck(body, expected):
    assert parties(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # who struck is named, the claimant is of another side: the claimant counts its own dead
    ("An Israeli drone strike killed 8 people, the Lebanese health ministry said.", [("lebanon", 8)]),
    ("Russian shelling killed 4 civilians, Ukraine says.", [("ukraine", 4)]),
    # the claimant is the side that struck: its dead are not its own
    ("Israeli troops killed 8 people, the Israeli army said.", [("unknown", 8)]),
])
def test_a_claimant_of_another_side_than_the_striker_counts_its_dead(body, expected):
    assert parties(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a town of the striker's own, outside the figure's clause, is no evidence: the other side's claimant is
    ("Crowds gathered outside parliament in Baku, and Azerbaijani troops shot dead 14 demonstrators, "
     "the Armenian health ministry said.", [("armenia", 14)]),
    # no side states the figure: a side's forces may kill in its own towns
    ("Syrian troops shelled Homs, killing 20 people, activists said.", [("syria", 20)]),
    # the place in the figure's own clause is whose dead they are
    ("Syrian government forces killed 30 civilians in Idlib province.", [("syria", 30)]),
    # forces that serve at home (a regime's, security forces, police) strike where the people they kill live: the
    # one state the entry names; an army may strike abroad, so its dead stay unsaid
    ("Syrian regime airstrikes killed 11 civilians in the north, activists said.", [("syria", 11)]),
    ("Nine people were shot dead by Iranian security forces overnight, a rights group said.", [("iran", 9)]),
    ("Iranian troops killed 9 people overnight, a rights group said.", [("unknown", 9)]),
])
def test_a_striker_s_own_place_elsewhere_in_the_sentence(body, expected):
    assert parties(body) == expected


@pytest.mark.parametrize(("headline", "expected"), [
    # the entry is placed at the striker's town; the headline's speaker, after its comma, is the other side
    ("Rallies in Baku turn violent, Armenian ministry says", [("armenia", 40), ("armenia", 900)]),
    # no one of another side speaks: protesters gather where they live, so those the troops of the one state the entry
    # names killed are that state's, and "another 900" are more of them
    ("Rallies in Baku turn violent", [("azerbaijan", 40), ("azerbaijan", 900)]),
])
def test_figures_of_an_entry_placed_at_the_striker(headline, expected):
    body = "Azerbaijani troops killed 40 protesters. Another 900 people were wounded in the clashes."
    assert parties(body, headline) == expected


@pytest.mark.parametrize(("headline", "body", "expected"), [
    # the side after "by", "in" ... a passive figure struck: the entry's place of that side is not the dead's
    ("Protests over the new pipeline in Baku", "Five people were killed by Azerbaijani fire near the border.",
     [("unknown", 5)]),
    ("Russia says it downed drones", "Three people were killed in Russian shelling, the regional governor said.",
     [("unknown", 3)]),
    # a state's name before "attacks" alone is where they were
    ("Funerals held", "Three people died in the Sri Lanka attacks, police said.", [("sri-lanka", 3)]),
    # a region before "fire" is a disaster's place, no side that struck
    ("", "The California fire killed 85 people, the sheriff said.", [("united-states", 85)]),
])
def test_a_side_named_after_a_passive_figure_struck(headline, body, expected):
    assert parties(body, headline) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a state's strike on a target: the state struck, the target is where
    ("Twenty killed in US strike on Baghdad", [("iraq", 20)]),
    ("Iraqi officials say 106 civilians were hurt in US air raids on Mosul.", [("iraq", 106)]),
    # a state's weapon struck, even with no target named: not where
    ("Twenty killed in US strike", [("unknown", 20)]),
    # no target: the state is where the attack was, or the fire burned
    ("Twenty killed in Pakistan attack", [("pakistan", 20)]),
    ("The Turkey fire killed 20 people.", [("turkey", 20)]),
])
def test_a_state_named_by_its_strike_struck(body, expected):
    assert parties(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a state owning a place ("Syria's Afrin region") is where; the speaker's side is not
    ("Turkish officials said 20 people were killed in Syria's Afrin region.", [("syria", 20)]),
    # a state owning its shelling struck
    ("Three civilians were killed in Russia's shelling of the city, Kyiv said.", [("ukraine", 3)]),
])
def test_a_possessive_state_is_where_only_before_a_place(body, expected):
    assert parties(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # each figure is of the place phrase right before it, not of the figure before
    ("In Peru's northern provinces, 40 people have been killed, while in Ecuador 6 died.",
     [("peru", 40), ("ecuador", 6)]),
    # any place noun the state owns: "districts" as "provinces"
    ("Seven people died in Ecuador, while in Peru's coastal districts 3 more died.", [("ecuador", 7), ("peru", 3)]),
    # a possessive before a strike right before the figure is no place: it keeps the earlier figure's
    ("Seven people died in Iraq, while in Iran's shelling 3 more were hurt.", [("iraq", 7), ("iraq", 3)]),
])
def test_the_place_phrase_right_before_a_figure_is_its_own(body, expected):
    assert parties(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # German names of Ukrainian towns place a German figure
    ("Bei russischem Beschuss sind in Charkiw zwei Menschen getötet worden.", [("ukraine", 2)]),
    ("Ein Mann wurde in Saporischschja verletzt, teilte der Gouverneur mit.", [("ukraine", 1)]),
    # an English sentence is not read by them
    ("Two people were killed in Charkiw Street.", [("all", 2)]),
])
def test_german_names_of_ukrainian_towns(body, expected):
    assert parties(body) == expected


@pytest.mark.parametrize(("headline", "title", "expected"), [
    # a disaster named after a state places the entry there, beside the states that send help
    ("US and EU pledge aid after Turkey quake", "", [("turkey", 40)]),
    # a headline's verb after a state's name is no disaster: the state after "at" is the place
    ("Iran fires missiles at Israel", "", [("israel", 40)]),
    # states rescuers come from are no place of the dead, not even two of them together
    ("Rescuers from France and Spain arrive", "Morocco earthquake: live updates", [("morocco", 40)]),
    # two states joined where it happened: both
    ("Floods in Haiti and the Dominican Republic", "", [("all", 40)]),
])
def test_where_a_disaster_struck_and_where_help_came_from(headline, title, expected):
    found = extract_claims(headline, "At least 40 people have died, officials said.", JUN24, title)
    assert [(c.party, c.min) for c in found] == expected


@pytest.mark.parametrize(("text", "side"), [
    # a state's adjective before a place noun names the place, as its name would
    ("Clashes in the Kenyan capital turned deadly", "kenya"),
    # before no place noun it names no place
    ("Kenyan police fired on the crowd", None),
])
def test_a_state_adjective_before_a_place_noun_names_the_place(text, side):
    assert place_of(text, _GAZ.mentions(text)) == side


@pytest.mark.parametrize(("body", "expected"), [
    # attackers struck: the soldiers are of the side that counts them
    ("Gunmen attacked a border post, killing 4 soldiers, Malian officials said.", [("mali", 4)]),
    # the claimant's own troops struck: whose the soldiers were is not said
    ("Malian troops raided a camp, killing 4 soldiers, Malian officials said.", [("unknown", 4)]),
])
def test_soldiers_killed_by_attackers_are_the_claimant_s(body, expected):
    assert parties(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # soldiers no side is named for, after the entry counted one side's soldiers, are that side's
    ("At least 200 Russian soldiers died overnight, Ukraine's army said. About 400 soldiers died over two days.",
     [("russia", 200), ("russia", 400)]),
    # after two sides' dead soldiers, either side's
    ("At least 200 Russian soldiers died overnight, Ukraine's army said. Kyiv said 30 Ukrainian soldiers were "
     "killed. About 400 soldiers died over two days.", [("russia", 200), ("ukraine", 30), ("unknown", 400)]),
    # after one side's dead, soldiers wounded may be either side's
    ("At least 200 Russian soldiers died overnight, Ukraine's army said. About 400 soldiers were wounded.",
     [("russia", 200), ("unknown", 400)]),
])
def test_soldiers_after_one_side_s_soldiers_are_that_side_s(body, expected):
    assert parties(body) == expected


@pytest.mark.parametrize(("title", "headline", "expected"), [
    # a state's name before its weapon's act struck, even with no target named: not where
    ("Ukraine war live", "Russia shelling kills 4 villagers", [("ukraine", 4)]),
    ("", "Israel bombardment kills 12 people", [("unknown", 12)]),
    # "fire" after a state's name is its forces' where the text tells fighting ...
    ("", "Israel fire kills 2 protesters as clashes go on", [("unknown", 2)]),
    # ... and a disaster's where it tells none
    ("", "The Chile fire killed 9 people, firefighters said.", [("chile", 9)]),
])
def test_a_state_s_name_before_a_weapon_s_act_struck(title, headline, expected):
    assert [(c.party, c.min) for c in extract_claims(headline, "", JUN24, title)] == expected


@pytest.mark.parametrize(("headline", "body", "expected"), [
    # people of a side after "as", "when" ... moved or acted, they did not strike: the place is whose dead
    ("Fighting near Kharkiv", "Three villagers died as Ukrainian troops withdrew.", [("ukraine", 3)]),
    # after "by" they struck, and so does a weapon or act after the other words: not whose dead
    ("Fighting near Kharkiv", "Three villagers were killed by Ukrainian troops.", [("unknown", 3)]),
    ("Fighting near Kharkiv", "Three villagers died in a Ukrainian strike.", [("unknown", 3)]),
])
def test_a_side_s_people_strike_only_after_by(headline, body, expected):
    assert parties(body, headline) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "Hangu" alone is China's city; an entry that names Balochistan too means Pakistan's district of that name
    ("Militants attacked a checkpoint in Balochistan on Monday. Last month, two police officers were killed in Hangu.",
     [("pakistan", 2)]),
    ("Last month, two police officers were killed in Hangu.", [("china", 2)]),
])
def test_a_town_the_entry_places_abroad_places_no_sentence_of_it(body, expected):
    assert parties(body) == expected


def test_a_figure_in_a_where_clause_is_of_the_place_before_it():
    """"X, where N have been reported dead": X is where they died, and a passive "reported" names no source."""
    body = ("Heavy rains have flooded much of the region, including Tanzania where nine people have been reported "
            "dead.")
    claims = extract_claims("Floods kill dozens in Kenya", body, JUN24)
    assert [(c.party, c.min) for c in claims if c.text == body] == [("tanzania", 9)]
