"""Classification: categories, subtypes, actors and locations on seed 004 and other wars."""

from datetime import datetime, timezone

import pytest

from streams.extract.casualties import extract_claims
from streams.extract.classify import classify
from test_tolls import seed_entries

BY_TIME = {when.strftime("%H:%M"): (when, headline, body) for when, headline, body in seed_entries()}


def seed(hhmm: str):
    when, headline, body = BY_TIME[hhmm]
    return classify(headline, body, extract_claims(headline, body, when))



def test_subtypes_in_order_of_first_mention_headline_first():
    """The same entry gives the same record in every process (no set iteration order)."""
    found = classify("Clashes and shelling near Terter", "A curfew was declared after the artillery fire.")
    assert found.subtypes == ["Armed clash", "Shelling/artillery/missile attack", "Change to group/activity"]

@pytest.mark.parametrize(("hhmm", "category", "labels"), [
    ("15:30", "economy", {"economy"}),
    ("14:05", "legal", {"legal"}),
    ("09:15", "strategic_developments", {"strategic_developments"}),
    ("18:00", "explosions_remote_violence", {"explosions_remote_violence", "casualty_report"}),
    ("19:00", "diplomacy", {"diplomacy"}),
    ("20:35", "casualty_report", {"casualty_report"}),
    ("15:00", "casualty_report", {"casualty_report"}),
])
def test_seed_labels(hhmm, category, labels):
    result = seed(hhmm)
    assert result.category == category
    assert labels <= set(result.labels) and result.labels[0] == category


def test_seed_subtypes_actors_locations():
    mobilisation = seed("09:15")
    assert "Change to group/activity" in mobilisation.subtypes
    shelling = seed("18:00")
    assert "Shelling/artillery/missile attack" in shelling.subtypes
    assert {"terter", "azerbaijan"} <= set(shelling.locations) and "armenia" not in shelling.locations
    assert {"azerbaijan", "armenia"} <= set(shelling.actors)
    un = seed("19:00")
    assert {"un", "azerbaijan", "armenia", "osce-minsk-group"} <= set(un.actors)
    court = seed("14:05")
    assert "echr" in court.actors
    oic = seed("19:45")
    assert "oic" in oic.actors and oic.category == "diplomacy"
    erdogan = seed("12:30")
    assert "turkey" in erdogan.actors  # a leader counts for his state


def test_rockets_without_casualties_are_not_a_casualty_report():
    result = seed("10:10")
    assert "casualty_report" not in result.labels
    assert "iran" in result.locations and "diplomacy" in result.labels


@pytest.mark.parametrize(("headline", "body", "category", "subtype"), [
    ("Israeli air strikes hit Khan Younis", "Warplanes struck homes in southern Gaza overnight.",
     "explosions_remote_violence", "Air/drone strike"),
    ("RSF fighters seized control of Wad Madani", "The paramilitary group entered the city on Monday.",
     "battles", "Non-state actor overtakes territory"),
    ("Thousands protest in Tel Aviv", "Demonstrators rallied outside the defence ministry.", "protests", "Peaceful protest"),
    ("Riots erupt after funeral", "Rioters torched cars in the city centre.", "riots", "Violent demonstration"),
    ("Russia and Ukraine agree prisoner exchange", "The sides swapped 100 prisoners each.",
     "strategic_developments", "Agreement"),
    ("Ukraine says it retook Kherson", "Ukrainian troops liberated the city.", "battles", "Government regains territory"),
    ("Gunmen abduct aid workers in Darfur", "Three workers were kidnapped near El Geneina.",
     "violence_against_civilians", "Abduction/forced disappearance"),
])
def test_other_wars(headline, body, category, subtype):
    result = classify(headline, body)
    assert result.category == category and subtype in result.subtypes


def test_humanitarian_and_other():
    aid = classify("UN warns of famine in Gaza", "Aid agencies say hospitals are running out of fuel.")
    assert aid.category == "humanitarian" and "un" in aid.actors and "gaza" in aid.locations
    assert classify("Hello, this is the live blog", "Welcome.").category == "other"


def test_historical_figure_is_not_a_casualty_report():
    when = datetime(2020, 9, 27, 12, tzinfo=timezone.utc)
    body = "During the worst recent clashes in April 2016, around 110 people were killed."
    assert "casualty_report" not in classify("Background", body, extract_claims("Background", body, when)).labels


def test_warm_up_runs_every_lexicon_the_entry_stage_uses():
    """The worker classifies this entry at start, so the first live entry does not load lexicons."""
    from streams.extract.events import warm_up

    event = warm_up()
    assert event.labels == ["casualty_report", "battles"]
    assert [(c.kind, c.min) for c in event.casualties] == [("increment", 26), ("cumulative", 532)]
    assert event.actors == ["nagorno-karabakh", "azerbaijan"] and event.locations == ["nagorno-karabakh"]
