"""Actor roles on real lines: who fights or is struck, who reports, who reacts, who is only a place."""

from __future__ import annotations

import pytest

from streams.extract.roles import actor_roles, participants


@pytest.mark.parametrize("headline,body,expected", [
    ("Heavy weaponry used as fighting intensifies",
     "“We know that both sides have deployed drones,” he said from Tbilisi, Georgia.",
     {"georgia": ["place"]}),
    ("Pakistan voices concern", "Pakistan expressed deep concern over the outbreak of hostilities in the region.",
     {"pakistan": ["commenter"]}),
    ("Five killed", "Russian shelling killed five people in Kharkiv, Ukraine's air force said.",
     {"russia": ["participant"], "ukraine": ["participant", "claimant"]}),
    ("Toll rises", "According to the Gaza health ministry, 30 people were killed.",
     {"palestine": ["participant", "claimant"]}),
    ("Bridge still standing", "A Ukrainian army spokesman tells Reuters the bridge is still standing.",
     {"ukraine": ["claimant"]}),
    ("Radiation warning", "Japan warned there could be a small leak from the damaged reactor.",
     {"japan": ["claimant"]}),
    ("Restraint urged", "Egypt has warned against any escalation in the region.", {"egypt": ["commenter"]}),
    ("Bridge hit", "A missile struck the bridge overnight, says a Ukrainian military spokesman.",
     {"ukraine": ["claimant"]}),
    ("Shelling", "Russia says Ukrainian shelling killed a man in the village.", {"ukraine": ["participant"]}),
    ("Aid offered", "Greece ready to send rescue teams after the earthquake.", {"greece": ["commenter"]}),
    ("Border shelling", "Shells hit a Syrian border town close to the Turkish border, killing two.",
     {"syria": ["participant"], "turkey": ["place"]}),
    ("Market shelled", "Shelling hit a market in Kherson on Sunday, the regional governor said.",
     {"ukraine": ["participant"]}),
    ("Port blast", "Officials in Lebanon said the blast destroyed the port.", {"lebanon": ["claimant"]}),
    ("Condolences", "Turkish President Recep Tayyip Erdogan has expressed sorrow over the blasts.",
     {"turkey": ["commenter"]}),
    # a headline's speaker is quoted, not fighting: what follows the colon names the parts
    ("Biden: US will seek an end to the violence", "", {"united-states": ["commenter"]}),
    ("Biden to meet with NATO and EU leaders", "The White House says Biden will meet leaders in Brussels next week.",
     {"nato": ["commenter"], "eu": ["commenter"], "belgium": ["place"]}),
])
def test_each_actor_gets_the_parts_it_plays(headline, body, expected):
    roles = actor_roles(headline, body, claims_for(headline, body))
    assert {a: r for a, r in roles.items() if a in expected} == expected


def claims_for(headline: str, body: str):
    import datetime as dt

    from streams.extract.casualties import extract_claims

    return extract_claims(headline, body, dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc))


def test_the_items_of_a_list_share_the_part_the_verb_after_it_gives():
    roles = actor_roles("Calls for restraint",
                        "Germany, France and Italy called for restraint as the shelling went on.")
    assert roles == {"germany": ["commenter"], "france": ["commenter"], "italy": ["commenter"]}


def test_a_bare_comma_joins_no_list():
    roles = actor_roles("Strike on market", "After the strike in Kharkiv, Zelensky said three people were killed.")
    assert roles["ukraine"] == ["participant", "claimant"]


def test_an_organisation_only_spoken_to_plays_no_part():
    roles = actor_roles("Calls for action", "Egypt urges the UN to act over the shelling.")
    assert "un" not in roles


def test_a_town_named_where_nothing_happens_and_no_one_meets_plays_no_part():
    roles = actor_roles("Hotline for families",
                        "Relatives can call the consulate in Lisbon for news of their loved ones.")
    assert "portugal" not in roles


def test_only_participants_count_as_actors_entering_the_fighting():
    roles = actor_roles("Strikes continue", "Israel struck targets in Lebanon. France called for a ceasefire.")
    assert participants(roles) == ["israel", "lebanon"]
