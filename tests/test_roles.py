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


def test_only_participants_count_as_actors_entering_the_fighting():
    roles = actor_roles("Strikes continue", "Israel struck targets in Lebanon. France called for a ceasefire.")
    assert participants(roles) == ["israel", "lebanon"]
