"""Each stamp reader on real lines from live blogs (the corpus's dev pages and the samples)."""

from __future__ import annotations

import datetime as dt

import pytest

from streams.ingest import DocumentMeta, read_text
from streams.ingest.stamps import (read_bracketed_update, read_byline, read_comma_headline, read_dashed, read_epoch,
                                  read_labelled_epoch, read_leading, read_published, split_points)
from streams.ingest.stamps.leading import Leading

# (line, hour, minute, zone as written, (month, day, year) or None, text after the stamp)
LEADING = [
    ("20:35 GMT – Nagorno-Karabakh region says 26 more troops killed", 20, 35, "GMT", None, "Nagorno-Karabakh region says"),
    ("9.27 pm: Eight people have been killed because of Russian air strike", 21, 27, None, None, "Eight people"),
    ("8:56 am: Astronaut tweets photo of strikes in Gaza as seen from space", 8, 56, None, None, "Astronaut"),
    ("2:52 A.M. Rocket intercepted over Ashkelon, three land in open areas near city.", 2, 52, None, None, "Rocket"),
    ("2:26 A.M Palestinian news agency Ma'an reports", 2, 26, None, None, "Palestinian"),
    ("23:01 P.M. Egypt is preparing for the return of the Israeli and Palestinian teams", 23, 1, None, None, "Egypt"),
    ("10:30 a.m. Brussels believes that Russia wants to leave Ukraine without food", 10, 30, None, None, "Brussels"),
    ("01:46PM", 13, 46, None, None, ""),
    ("12:59 p.m", 12, 59, None, None, ""),
    ("UPDATE 4 P.M.:", 16, 0, None, None, ""),
    ("06:57 PM BST", 18, 57, "BST", None, ""),
    ("1535 GMT –– Five people were killed as Russia struck Ukraine's eastern Kharkiv", 15, 35, "GMT", None, "Five people"),
    ("1851 GMT— The death toll from Israel's ongoing onslaught on Lebanon", 18, 51, "GMT", None, "The death toll"),
    ("0902GMT: Japanese media reports the death toll has risen to 19.", 9, 2, "GMT", None, "Japanese media"),
    ("0800 GMT Here is a recap of the main events", 8, 0, "GMT", None, "Here is a recap"),
    ("1230 GMT: Gordon Brown pledges assistance to Haiti", 12, 30, "GMT", None, "Gordon Brown"),
    ("20h27 : At least four people were killed and ten others injured today", 20, 27, None, None, "At least four"),
    ("2125 The northeastern Japanese city of Kesennuma", 21, 25, None, None, "The northeastern"),
    ("22.50 Al-Jazeera has reported that coalition forces have struck radars", 22, 50, None, None, "Al-Jazeera"),
    ("- 36m ago (06:45 GMT)Death toll passes 24,000The death toll", 6, 45, "GMT", None, "Death toll passes"),
    ("  • Update: 12:05 ET: President Barack Obama is to deliver statement", 12, 5, "ET", None, "President"),
    ("Update 8:05 a.m. EDT Aug. 6: Officials in Lebanon said", 8, 5, "EDT", (8, 6, None), "Officials"),
    ("Update (11/13/15 15:43 PST):", 15, 43, "PST", None, ""),
    ("Update 1: 01:06 AM", 1, 6, None, None, ""),
    ("Oct 19, 2:25 PM EDT", 14, 25, "EDT", (10, 19, None), ""),
    ("Jan 01, 2024 06:00 PM IST: Japanese Prime Minister Fumio Kishida says", 18, 0, "IST", (1, 1, 2024), "Japanese"),
    ("- Sat, 09 Sep 2023 09:26 AM", 9, 26, None, (9, 9, 2023), ""),
    ("15 Oct 2020, 18:43", 18, 43, None, (10, 15, 2020), ""),
    ("December 17, 2023, 2:33 p.m", 14, 33, None, (12, 17, 2023), ""),
    ("11:45 a.m. ET, August 14, 2021", 11, 45, "ET", (8, 14, 2021), ""),
    ("August 27 at 3:46 p.m.", 15, 46, None, (8, 27, None), ""),
    ("Sat., Nov. 3 -- 4:15 p.m. | Crews reach the flooded town", 16, 15, None, (11, 3, None), "Crews reach"),
    ("0:40. Police say a second suspect is in custody", 0, 40, None, None, "Police say"),
    ("4 p.m. EDT update: the coast guard widens its search", 16, 0, "EDT", None, "the coast guard"),
    ("2.10 p.m. (0825 GMT) Aftershock shakes the capital", 8, 25, "GMT", None, "Aftershock shakes"),
    ("9:30 a.m. Update: Rescuers reach the village", 9, 30, None, None, "Rescuers reach"),
    ("11:20 p.m.. Officers close the highway near the mall", 23, 20, None, None, "Officers close"),
    ("March 9 – 07:40 GMT: Rescuers pull two from rubble", 7, 40, "GMT", (3, 9, None), "Rescuers pull"),
    ("11:40pm, June 22: Council of Europe demands Olympic ban", 23, 40, None, (6, 22, None), "Council of Europe"),
    ("11:16-11:18 PM: One of the glide bombs hit a residential building", 23, 16, None, None, "One of the glide"),
    ("03:13 9:03 a.m.: Death toll from strike on tower in Dnipro rises", 9, 3, None, None, "Death toll"),
    ("> Friday, 9 a.m.", 9, 0, None, None, ""),
    ("> Monday, 4:12 p.m.: Doors of the arena open", 16, 12, None, None, "Doors of the arena"),
    ("1:05 a.m. Wednesday — Ferry service is halted", 1, 5, None, None, "Ferry service"),
    ("0615 (all times GMT): Gunmen seize the town hall", 6, 15, "GMT", None, "Gunmen seize"),
    ("9.10 (times in CET) - Police close the square", 9, 10, "CET", None, "Police close"),
    ("10:41: p.m.: Mayor says shelters are open", 22, 41, None, None, "Mayor says"),
    ("10:41: PM Modi to address the nation", 10, 41, None, None, "PM Modi"),  # the Prime Minister, not p.m.
    ("***21.05 GMT: Aftershock felt in the capital", 21, 5, "GMT", None, "Aftershock"),
    ("Update as of 4:15 p.m. ET: Officials reopen the bridge", 16, 15, "ET", None, "Officials reopen"),
    ("06:30h - Police clear the square", 6, 30, None, None, "Police clear"),
    ("ORIGINAL: 9:05 a.m.: Crews reach the school", 9, 5, None, None, "Crews reach"),
    ("ORE 16.20 - Nuovi scontri nella regione", 16, 20, None, None, "Nuovi scontri"),
    ("h. 16.20 – Nuovi scontri nella regione", 16, 20, None, None, "Nuovi scontri"),  # Italian "h." for "ore"
    ("Ore 9 - Il prefetto convoca il comitato", 9, 0, None, None, "Il prefetto"),  # Italian, the hour alone
    ("Ore 10 – Il prefetto chiude il ponte", 10, 0, None, None, "Il prefetto"),  # set off by a dash: a stamp
    ("ore 18,45 – Riapre la stazione centrale", 18, 45, None, None, "Riapre la stazione"),  # minutes after a comma
    ("17 h 12 Les secours arrivent sur place", 17, 12, None, None, "Les secours"),  # French, spaced
    ("16h Le préfet fait le point", 16, 0, None, None, "Le préfet"),  # French, the hour alone
    ("21.05 h El Gobierno convoca una reunión", 21, 5, "local time", None, "El Gobierno"),  # Spanish o'clock
    ("Jane Doe : Kabul, Afghanistan : 0915GMT Rockets hit the city", 9, 15, "GMT", None, "Rockets hit"),  # a log
    ("3:10 p.m. (1410 GMT; 10:10 a.m. EDT)", 14, 10, "GMT", None, ""),  # the zoned reading, then more readings
    ("+++ 21:15 Feuerwehr meldet zwei Verletzte +++", 21, 15, None, None, "Feuerwehr meldet zwei Verletzte"),
    ("UPDATE 21u03: 50 gewonden, meerdere doden, dader gevlucht.", 21, 3, None, None, "50 gewonden"),  # Dutch
    ("Update (15:55 Eastern) As of right now, USA Today is reporting", 15, 55, "Eastern", None, "As of right now"),
    ("Jan. 21 | 10:22 p.m. – Officials in Monterey Park respond", 22, 22, None, (1, 21, None), "Officials"),  # a bar
    ("AGGIORNAMENTO ORE 15.30: Dodici sono le vittime accertate", 15, 30, None, None, "Dodici"),  # Italian "update"
    ("AGGIORNAMENTO ORE 16: Uno dei bambini trasportati a Torino", 16, 0, None, None, "Uno dei"),  # an hour alone, a colon
]


@pytest.mark.parametrize("line,hour,minute,zone,date,text", LEADING, ids=[c[0][:30] for c in LEADING])
def test_leading_reads_the_stamp_and_keeps_the_headline(line, hour, minute, zone, date, text):
    found = read_leading(line)
    assert isinstance(found, Leading), found
    clock = found.clock
    assert (clock.hour, clock.minute, clock.zone) == (hour, minute, zone)
    if date is not None:
        assert (clock.month, clock.day, clock.year) == date
    assert found.rest.startswith(text)


def test_two_zones_in_one_stamp_take_the_first():
    found = read_leading("9:42am EST, 5:42pm EAT")
    assert isinstance(found, Leading)
    assert (found.clock.hour, found.clock.minute, found.clock.zone, found.second_zone) == (9, 42, "EST", "5:42pm EAT")


@pytest.mark.parametrize("line", [
    "At 11 a.m., Maria remained a Category 3 hurricane",         # a sentence that starts with "At"
    "4.9 magnitude aftershock hit the country",                  # a decimal
    "1,300 rescue workers have managed to get into Chengdu",     # a count
    "12 dead, including women and children",
    "Oil rises to $115.13 a barrel",
    "Surabhi Vaya July 25, 2014 00:00:33 IST",                   # a byline
    "h. il sindaco ha parlato alle 16.20",                       # "h." before no clock
    "Ore 3,5 milioni - la stima dei danni",                     # a decimal after "ore"
    "Ancore 5 - le barche in porto",                             # "ore" inside a word
])
def test_leading_leaves_prose_alone(line):
    assert not isinstance(read_leading(line), Leading)


def test_a_numeric_date_after_a_12_hour_clock_dates_the_stamp_but_not_after_a_24_hour_one():
    found = read_leading("Update as at 6:30 pm 14/8/19")
    assert isinstance(found, Leading) and (found.clock.hour, found.clock.numeric_date) == (18, "14/8/19")
    market = read_leading("15:50 14/8/19 Markets close higher")  # a market table's time and date
    assert not isinstance(market, Leading) or market.clock.numeric_date is None


def test_a_numeric_date_after_a_dash_ending_the_line_dates_the_stamp():
    """Brazilian pages write the minutes with an "m" and the day after a dash: "07h03m - 05/02/2019"."""
    found = read_leading("07h03m - 05/02/2019")
    assert isinstance(found, Leading) and (found.clock.hour, found.clock.minute, found.clock.numeric_date) == (7, 3, "05/02/2019")
    headline = read_leading("16h43m - 03/02/2019 bombeiros retomam as buscas")  # a date inside a headline's words
    assert not isinstance(headline, Leading) or headline.clock.numeric_date is None


def test_an_edit_note_is_read_but_marked_as_one():
    """"Updated: ..." is an entry's stamp only on a page that has no other stamps (the page decides)."""
    found = read_leading("Updated: March 25, 2022 5:38pm")
    assert isinstance(found, Leading) and found.edit_note
    assert not read_leading("Update 12:45 ET: According to Florida Governor Rick Scott").edit_note


@pytest.mark.parametrize("line", ["4:05 p.m. ET | March 3, 2009 | permalink",
                                  "11:20 PM | Comments (4) | TrackBack (0)"])
def test_a_post_footer_stamp_is_marked_as_closing_the_post_above(line):
    found = read_leading(line)
    assert isinstance(found, Leading) and found.footer and found.rest == ""
    assert not read_leading("4:05 p.m. ET | Comments pour in after the vote").footer


@pytest.mark.parametrize("line", [
    "10 p.m. curfew imposed",                    # lower case after the time: a sentence
    "updated: Aug 15 2021, 10:25 ist",
    "Ore 10 di attesa per i soccorsi",           # a lower-case word run into the hour: a sentence's
    "Ore 10 Il prefetto chiude il ponte",        # an hour alone after "ore" with no separator, even before a capital
    "26/01/2019  08h28m - Atualizado em 06/02/2019 as 08h07m",  # a page's publication line, then its last edit
    "9:02 AM - Updated at 4:15 PM",
])
def test_leading_says_why_a_stamp_like_line_is_not_an_entry(line):
    assert isinstance(read_leading(line), str)


def test_trailing_dash_stamp_after_the_headline():
    found = read_dashed("Russian state TV employee fined after storming news broadcast with anti-war sign — 1:42 p.m.")
    assert found is not None and (found.clock.hour, found.clock.minute) == (13, 42)
    assert found.headline == "Russian state TV employee fined after storming news broadcast with anti-war sign"


def test_trailing_agency_dateline_leaves_the_headline_to_the_next_line():
    found = read_dashed("SAN JUAN, Puerto Rico (AP) 5:35 a.m.")
    assert found is not None and found.headline == "" and (found.clock.hour, found.clock.minute) == (5, 35)


@pytest.mark.parametrize("line", ["Updated April 21, 2019 - 11:47 pm", "Final score 2 - 1", "Match ends - 21:45"])
def test_trailing_dash_ignores_edit_notes_scores_and_unzoned_clocks(line):
    assert read_dashed(line) is None


def test_a_stamp_between_a_headline_and_its_body_set_off_by_comma_and_colon():
    found = read_comma_headline("Ferry links to the island suspended, 09:45: The harbour master closed the port at dawn.")
    assert found is not None and (found.clock.hour, found.clock.minute) == (9, 45)
    assert (found.headline, found.after) == ("Ferry links to the island suspended", "The harbour master closed the port at dawn.")


def test_a_lone_comma_set_time_is_no_stamp_but_several_are():
    meta = DocumentMeta(source="Test", date=dt.date(2020, 1, 1), tz="UTC")
    verse = read_text("Study notes\n\nJohn, 3:16: For God so loved the world.\n\nWe read it aloud.\n", path="p.txt", meta=meta)
    assert all(e.time_precision == "day" for e in verse.entries)
    blog = read_text("Live\n\nRoads reopen, 17:05: The bridge is open.\n\nSchools close, 16:40: Classes stop.\n",
                     path="p.txt", meta=meta)
    assert [f"{e.published_at:%H:%M}" for e in blog.entries] == ["17:05", "16:40"]


@pytest.mark.parametrize("line", [
    "The curfew ends at dawn. Shops open, 09:45: The mayor says",   # a sentence ends before the time
    "Police said the blast came at 09:45: it shook the station",     # lower case after the colon
    "Updated, 09:45: The page was revised",                          # an edit note
])
def test_a_comma_before_a_time_in_prose_or_an_edit_note_is_no_stamp(line):
    assert read_comma_headline(line) is None


def test_published_at_stamp_run_into_the_headline():
    found = read_published("  1. Christchurch schools in lockdownpublished at 03:44 Greenwich Mean Time 15 March 2019")
    assert found is not None
    assert (found.clock.hour, found.clock.minute, found.clock.zone) == (3, 44, "Greenwich Mean Time")
    assert (found.clock.day, found.clock.month, found.clock.year) == (15, 3, 2019)
    assert found.headline == "Christchurch schools in lockdown"


def test_a_flattened_line_splits_where_each_update_begins():
    line = ("10.20 pm: At least five people have been killed in strikes near a TV tower in Kyiv. Five more have been "
            "injured. 10.10 pm: US Secretary of State Antony Blinken tells the council that crimes are mounting. "
            "9.45 pm: Russian forces have now attacked a TV tower in Kyiv, says Ukraine's defence ministry.")
    points = split_points(line)
    assert [line[p:p + 8] for p in points] == ["10.10 pm", "9.45 pm:"]


def test_a_ticker_s_closing_plus_signs_are_not_the_headline_s():
    assert read_leading("+++ 21:15 Feuerwehr meldet zwei Verletzte +++").rest == "Feuerwehr meldet zwei Verletzte"


def test_a_german_ticker_stamp_glued_to_the_word_before_it_opens_an_update():
    line = "Die Lage bleibt angespannt.Erneuter Alarm im Norden9.15 Uhr: Die Armee meldet zwei Verletzte."
    assert [line[p:p + 8] for p in split_points(line)] == ["9.15 Uhr"]
    assert split_points("Das Treffen im Rathaus beginnt um 9.15 Uhr: Alle sind eingeladen.") == []
    line = "+++ Lage ruhig +++ Danke +++22.00 Uhr: Die Polizei meldet zwei Verletzte."  # glued to a ticker's marks
    assert [line[p:p + 9] for p in split_points(line)] == ["22.00 Uhr"]


def test_bare_clocks_running_in_order_on_a_flattened_line_each_open_an_update():
    """Lines written for this test."""
    line = ("En directo hace 5 min 22:40 El puente sigue cerrado. 22:15 Los bomberos llegan al lugar. "
            "21:50 Primeras imágenes del incendio")
    assert [line[p:p + 5] for p in split_points(line)] == ["22:40", "22:15", "21:50"]
    # out of order, too few, or times a sentence gives are no stamps
    assert split_points("Trains left at 21:50 Monday. 22:15 Trains were late. 21:40 Buses ran.") == []
    assert split_points("The match began. 19:30 Kickoff was delayed. 20:15 Rain fell.") == []
    assert split_points("Shops open from 09:00 Monday. Banks open at 10:00 Tuesday. Bars open at 18:00 Friday.") == []


def test_a_spanish_ticker_s_run_together_stamps_each_open_an_update():
    line = "Minuto a minuto 21.40 h El tren llega a la estación. 21.32 h Los bomberos trabajan en la zona."
    assert [line[p:p + 7] for p in split_points(line)] == ["21.40 h", "21.32 h"]
    # one such time in a line is a time of day in a sentence
    assert split_points("La reunión empezó a las 21.40 h En Madrid nadie habló.") == []
    # nor are two times a sentence gives
    assert split_points("El tren salió a las 10.30 h Madrid y llegó a las 12.45 h Barcelona.") == []


def test_a_reporters_log_run_together_splits_at_each_byline():
    line = ("Jane Doe : Kabul : 0915GMT Rockets hit the city. John Roe : Herat, Afghanistan : 0850GMT Roads are shut. "
            "Ann Poe : Kandahar : 2015 was the worst year, she said.")
    assert [line[p:p + 8] for p in split_points(line)] == ["John Roe"]


def test_a_flattened_update_may_open_with_an_updated_label_and_a_bar():
    line = ("Floods Mar 3, 2019 6:00 PM EST Updated 6:00 p.m. EST, March 3 | The river crests. "
            "Updated 1:15 p.m. EST, March 3 | Roads close. He said the 1:15 p.m. EST | bulletin was late")
    assert [line[p:p + 15] for p in split_points(line)] == ["Updated 6:00 p.", "Updated 1:15 p."]
    # a sentence's own "updated" is no label
    assert split_points("The page was last updated 7:52 p.m. EDT | Reuters reported that 5 died.") == []


def test_a_split_never_falls_inside_the_line_s_opening_stamp():
    assert split_points("6/12 – 9:10 a.m. EDT: Crews reopen the highway.") == []


def test_a_time_inside_a_sentence_does_not_split_a_line():
    line = ("The quake in the Noto region struck around 4:10 pm (0710 GMT), NHK said. "
            "Officials met at 9:30 am: no decision was taken.")
    assert split_points(line) == []


def test_the_embedded_reader_s_prefilter_passes_every_line_the_full_pattern_matches():
    """The cheap test on a line (a digit, a separator before a capital) may only skip lines in which
    the embedded-stamp pattern finds nothing: checked on every line of the corpus and the samples."""
    from pathlib import Path

    from streams.ingest.stamps import embedded

    root = Path(__file__).resolve().parents[2] / "data"
    lines = [line for path in sorted([*root.glob("corpus/pages/*.txt"), *root.glob("samples/*.txt")])
             for line in path.read_text(encoding="utf-8").splitlines()]
    skipped = [line for line in lines if not (embedded._SEPARATOR.search(line) and embedded._DIGIT.search(line))]
    assert len(skipped) > len(lines) // 2  # it skips most lines, or it is no prefilter
    assert [line for line in skipped if embedded._EMBEDDED.search(line)] == []


@pytest.mark.parametrize("line,hour,minute,date", [
    ("14:05 , Priya Lantern", 14, 5, None),
    ("Tuesday 3 March 2020 08:15 , Ola Brandt-Keller", 8, 15, (3, 3, 2020)),
])
def test_a_stamp_with_only_the_author_s_name_after_a_comma_is_a_byline(line, hour, minute, date):
    found = read_leading(line)
    assert isinstance(found, Leading) and found.rest == "" and found.reader.endswith(":byline")
    assert (found.clock.hour, found.clock.minute) == (hour, minute)
    if date is not None:
        assert (found.clock.month, found.clock.day, found.clock.year) == date


@pytest.mark.parametrize("line", ["14:05, rescuers reached the second floor", "9:40 , Then the police arrived"])
def test_a_time_then_a_comma_and_a_sentence_is_no_byline(line):
    assert not isinstance(read_leading(line), Leading)


def test_hrs_after_a_clock_is_the_page_s_own_o_clock():
    found = read_leading("16.05 hrs")
    assert isinstance(found, Leading) and (found.clock.hour, found.clock.minute, found.clock.zone) == (16, 5, "local time")
    assert not isinstance(read_leading("2.30 hrs of rain fell on the town"), Leading)


@pytest.mark.parametrize("line,hour,zone", [("3w ago / 8:14 AM EDT", 8, "EDT"), ("5d ago · 10:02 PM PDT", 22, "PDT")])
def test_a_relative_time_before_the_absolute_stamp_is_passed_over(line, hour, zone):
    found = read_leading(line)
    assert isinstance(found, Leading) and (found.clock.hour, found.clock.zone) == (hour, zone)
    assert read_leading("3w ago the river rose") is None


def test_a_dotted_date_after_the_clock_and_zone_dates_the_stamp():
    found = read_leading("06:20 GMT 14.02.2019")
    assert isinstance(found, Leading) and found.rest == ""
    assert (found.clock.hour, found.clock.zone, found.clock.day, found.clock.month, found.clock.year) == (
        6, "GMT", 14, 2, 2019)
    assert not isinstance(read_leading("06:20 GMT 14.02"), Leading)


def test_a_flattened_update_may_open_with_a_figure_after_its_colon():
    line = "Two were hurt near the bridge. 14: 20 pm: 7 dead after the span fell. The army arrived."
    assert [line[p:p + 9] for p in split_points(line)] == ["14: 20 pm"]
    assert split_points("The vote closes at 5 pm: 3 motions remain. Turnout was low.") == []


def test_a_raw_unix_time_alone_on_a_line_is_read_in_utc():
    found = read_epoch("1600000000")
    assert found is not None and (found.year, found.month, found.day, found.hour, found.minute, found.zone) == (
        2020, 9, 13, 12, 26, "UTC")
    assert read_epoch("9876543210") is None           # past 2040: an id
    assert read_epoch("Call 1600000000 now") is None  # inside a sentence


@pytest.mark.parametrize("line,weekday", [("> Friday, 9 a.m.", 4), ("1:05 a.m. Wednesday — Ferry service is halted", 2)])
def test_a_weekday_alone_before_or_after_the_clock_belongs_to_the_stamp(line, weekday):
    found = read_leading(line)
    assert isinstance(found, Leading) and found.clock.weekday == weekday and not found.clock.has_date


@pytest.mark.parametrize("line", ["Sunday, 10 a.m. was the last sighting", "By Friday, 6 p.m. the river had crested",
                                  "7 p.m. Saturday crowds gathered by the pier"])
def test_a_weekday_beside_a_clock_in_a_sentence_makes_no_dated_stamp(line):
    found = read_leading(line)
    assert not isinstance(found, Leading) or (found.clock.weekday is None and found.rest.startswith("Saturday"))


@pytest.mark.parametrize("line,hour,text", [("UPDATE (7:15) – 12 roads remain closed in the county", 7, "12 roads"),
                                            ("Update (4:30 PM) - Officials say six bodies were found", 16, "Officials")])
def test_a_labelled_clock_in_brackets_before_a_dash_is_a_stamp(line, hour, text):
    found = read_leading(line)
    assert isinstance(found, Leading) and found.labelled and found.clock.hour == hour and found.rest.startswith(text)


def test_a_clock_in_brackets_after_words_is_no_leading_stamp():
    assert read_leading("The toll (5:00) – rose again") is None


def test_a_stamp_right_after_an_edit_note_opens_the_next_flattened_update():
    line = ("Crews cleared the road before dawn. Updated at 9.14am BST 8.52am BST Ferries cancelled The first "
            "sailings were called off.")
    assert [line[p:p + 10] for p in split_points(line)] == ["8.52am BST"]


@pytest.mark.parametrize("line", [
    "Crews cleared the road. Updated at 9.14am BST 4.14am EDT Ferries wait.",   # the note's own time in a second zone
    "The agency updated at 9.14am BST 8.52am BST Figures show a rise.",          # an edit note inside a sentence
    "Crews cleared the road. Updated at 9.14am BST 8.52 Ferries wait.",          # a bare number after the note
])
def test_an_edit_note_followed_by_no_update_stamp_does_not_split(line):
    assert split_points(line) == []


@pytest.mark.parametrize("line", ["As of 0930 GMT: The toll rises to 12.", "Breaking NewsAs of 0930 GMT: The toll rises to 12."])
def test_as_of_a_zoned_time_and_a_colon_is_an_update_s_stamp(line):
    found = read_leading(line)
    assert isinstance(found, Leading) and (found.clock.hour, found.clock.minute, found.clock.zone) == (9, 30, "GMT")
    assert found.rest == "The toll rises to 12."


@pytest.mark.parametrize("line", ["As of 0930 GMT, rescuers had found 12 bodies.", "As of 10 a.m.: roads stay shut",
                                  "As of 9 p.m. EDT the river was rising"])
def test_as_of_a_time_in_a_sentence_is_no_stamp(line):
    assert not isinstance(read_leading(line), Leading)


def test_a_clock_glued_to_an_opening_quote_is_a_stamp_and_a_number_glued_to_a_word_is_not():
    found = read_leading("3.20″Talks to resume in Geneva, officials say”")
    assert isinstance(found, Leading) and (found.clock.hour, found.clock.minute) == (3, 20)
    assert found.rest.startswith("″Talks")
    assert not isinstance(read_leading("3.20euros a litre at the pump"), Leading)


def test_a_range_of_four_digit_times_is_stamped_with_its_start():
    found = read_leading("0940-1005: Talks begin at the town hall")
    assert isinstance(found, Leading) and (found.clock.hour, found.clock.minute) == (9, 40)
    assert found.rest == "Talks begin at the town hall"
    assert not isinstance(read_leading("0940-1005 people were moved to shelters"), Leading)


def test_a_headline_closed_by_a_dated_update_in_brackets_is_stamped_by_it():
    found = read_bracketed_update("Casualties by province (Update 5/14, 08:00 PM KST)")
    assert found is not None and found.headline == "Casualties by province"
    assert (found.clock.hour, found.clock.numeric_date, found.clock.zone) == (20, "5/14", "KST")
    assert read_bracketed_update("Casualties by province (Update 8 p.m.)") is None  # no date: a note, not a post
    assert read_bracketed_update("Hundreds dead in the storm (Updated)") is None


def test_an_article_byline_with_a_reading_time_is_a_dated_stamp():
    found = read_byline("by Jane Doe and the news desk May 2, 2024 9:10 AM 3 min read")
    assert found is not None and (found.clock.month, found.clock.day, found.clock.hour) == (5, 2, 9)
    assert read_byline("By Jane Doe May 2, 2024 9:10 AM") is None          # no reading time: any byline
    assert read_byline("by Jane Doe 9:10 AM 3 min read") is None           # no date


def test_a_raw_unix_time_after_an_update_label_is_read_with_the_text_after_it():
    found = read_labelled_epoch("Show latest update 1600000000 Bridge closed Crews shut it.")
    assert found is not None and (found[0].hour, found[0].minute, found[1], found[2]) == (
        12, 26, "1600000000", "Bridge closed Crews shut it.")
    assert read_labelled_epoch("the update 1600000000 was logged") is None
    assert read_labelled_epoch("Update 9876543210 Bridge closed") is None  # past 2040: an id


@pytest.mark.parametrize("line,hour,zone,text", [
    ("Midnight", 0, None, ""),
    ("Noon EDT", 12, "EDT", ""),
    ("12 noon: Crowds gather at the square", 12, None, "Crowds gather"),
    ("MIDNIGHT - Ferries stop for the night", 0, None, "Ferries stop"),
    ("Mezzanotte – Il sindaco chiude il ponte", 0, None, "Il sindaco"),
])
def test_a_word_for_the_hour_opening_a_line_is_a_stamp(line, hour, zone, text):
    found = read_leading(line)
    assert isinstance(found, Leading) and found.clock.word
    assert (found.clock.hour, found.clock.minute, found.clock.zone) == (hour, 0, zone)
    assert found.rest.startswith(text) and bool(found.rest) == bool(text)


@pytest.mark.parametrize("line", ["Midnight Mass drew a full church", "Noon prayers were cancelled",
                                  "midnight came and went", "Noonday heat kept people indoors",
                                  "Midnight-blue vans lined the road"])
def test_a_word_for_the_hour_in_a_sentence_is_no_stamp(line):
    assert not isinstance(read_leading(line), Leading)


def test_a_rule_of_underscores_run_into_a_stamp_is_furniture():
    found = read_leading("____6:15 p.m.")
    assert isinstance(found, Leading) and (found.clock.hour, found.clock.minute, found.rest) == (18, 15, "")
    assert not isinstance(read_leading("___Police said at 6:15 p.m. the road was shut"), Leading)


def test_a_stamp_closed_by_its_zone_in_brackets_opens_a_flattened_update():
    line = "09:40 (CET) Ferries resume. 09:25 (CET) The port reopens after the storm. 09:05 (CET)"
    assert [line[p:p + 11] for p in split_points(line)] == ["09:25 (CET)", "09:05 (CET)"]


@pytest.mark.parametrize("line", ["The ferry left at 09:25 (CET) Monday and docked late.",   # no sentence ends before
                                  "Ferries resume. 09:25 (CET) was the time of the first sailing.",  # lower case after
                                  "Ferries resume. 09:25 (0825 GMT)"])                       # no zone alone in brackets
def test_a_time_with_a_bracketed_zone_in_prose_does_not_split_a_line(line):
    assert split_points(line) == []


@pytest.mark.parametrize("line,hour,text", [("4:15 pm bridge reopens to traffic", 16, "bridge reopens"),
                                            ("7.40 a.m. ferries cancelled on the north coast", 7, "ferries cancelled")])
def test_a_short_lower_case_headline_after_a_12_hour_clock_is_a_weak_stamp(line, hour, text):
    """Weak: it opens an entry only beside other stamps of its kind (the page decides)."""
    found = read_leading(line)
    assert isinstance(found, Leading) and found.weak and found.clock.hour == hour and found.rest.startswith(text)
    assert not read_leading("4:15 pm: bridge reopens to traffic").weak  # a separator makes it an ordinary stamp


@pytest.mark.parametrize("line", [
    "9 a.m. is when the curfew on the island lifts.",                      # a sentence: it ends in a full stop
    "10 am to 4 pm daily at the town hall",                                # a schedule: another time in it
    "6:30 p.m. was the hour the crowd on the square began to thin and leave",  # too long for a headline
    "14:20 police say the road is shut",                                   # a bare 24-hour time
    "18:05 GMT rail services suspended",                                   # no 12-hour clock
    "11 p.m. deadline passes quietly",                                     # on the hour: a time a noun takes
])
def test_a_lower_case_line_after_a_clock_that_is_no_headline_is_no_stamp(line):
    assert not isinstance(read_leading(line), Leading)


def test_an_update_label_with_an_at_sign_before_the_clock():
    found = read_leading("UPDATE @ 3:05pm: The shelter has reopened.")
    assert isinstance(found, Leading) and (found.clock.hour, found.clock.minute, found.label) == (15, 5, "UPDATE")
    assert not isinstance(read_leading("@ 3:05pm the shelter reopened"), Leading)  # no label: the sign is no furniture


@pytest.mark.parametrize("line,zone", [
    ("10:45 GMT+3: Rescuers reach the village", "GMT+3"),  # an offset right before the separator's colon
    ("10:45 hrs IST: Rescuers reach the village", "IST"),  # "hrs" then the zone it is in
    ("TSİ 10.45: Rescuers reach the village", "TSİ"),  # the zone before the clock, as Turkish pages write it
])
def test_a_zone_after_an_offset_or_hrs_is_read(line, zone):
    """Lines written for this test, in shapes Indian and Middle Eastern pages use."""
    found = read_leading(line)
    assert isinstance(found, Leading) and found.clock.zone == zone and found.rest.startswith("Rescuers")


def test_an_update_credited_to_its_source_is_a_stamp_and_keeps_its_credit():
    found = read_leading("Update 4:10 p.m. from Associated Press - Officials say the road has reopened.")  # for this test
    assert isinstance(found, Leading) and (found.clock.hour, found.clock.minute) == (16, 10)
    assert found.separated and found.rest.startswith("from Associated Press - Officials")
    plain = read_leading("4:10 p.m. from the station the buses left")  # no name and separator: no credit
    assert not (isinstance(plain, Leading) and plain.separated)


def test_a_zone_s_bare_name_is_one_only_where_a_bracket_or_separator_closes_it():
    found = read_leading("10:30 a.m. Eastern Ukraine sees heavy shelling")  # written for this test: a headline's word
    assert isinstance(found, Leading) and found.clock.zone is None and found.rest.startswith("Eastern Ukraine")
    found = read_leading("3:55 p.m. Pacific - Police say the road is closed")
    assert isinstance(found, Leading) and found.clock.zone == "Pacific" and found.rest.startswith("Police")
