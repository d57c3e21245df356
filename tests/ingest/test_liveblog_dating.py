"""How a live blog's entries get their day and zone: day headers, stamps' own dates, the manifest's
date, midnight read from the page's order, and a page's statement of its zone; and which text each takes."""

from __future__ import annotations

import datetime as dt

import pytest

from streams.ingest import DocumentMeta, ParseError, read_text
from streams.ingest.daymarks import DayMark, read_day_mark, read_run_in_header, run_in_starts
from streams.ingest.stamps import numeric_date, read_published, split_points
from streams.ingest.zones import declared_zone, writes_day_first


def times(text: str, **meta) -> list[str]:
    reading = read_text(text, path="page.txt", meta=DocumentMeta(source="Test", **meta))
    return [f"{e.published_at:%Y-%m-%d %H:%M}" for e in reading.entries]


def test_newest_first_page_crossing_midnight_goes_back_a_day():
    page = "Latest\n\n00.20 That's all for tonight.\n\n23.25 Watch our video.\n\n22.50 Radars were struck.\n"
    assert times(page, date=dt.date(2011, 3, 21)) == ["2011-03-22 00:20", "2011-03-21 23:25", "2011-03-21 22:50"]


def test_oldest_first_page_crossing_midnight_goes_on_a_day():
    page = "Live\n\n22:40 GMT – First.\n\n23:10 GMT – Second.\n\n00:15 GMT – Third.\n"
    assert times(page, date=dt.date(2024, 5, 1)) == ["2024-05-01 22:40", "2024-05-01 23:10", "2024-05-02 00:15"]


def test_a_day_header_names_the_day_of_its_earliest_entries():
    page = ("Wednesday, February 8, 2023\n\n0130 GMT — Toll rises above 15,000.\n\n2100 GMT — Aid could resume.\n\n"
            "1935 GMT — Toll in Syria climbs.\n")
    assert times(page) == ["2023-02-09 01:30", "2023-02-08 21:00", "2023-02-08 19:35"]


def test_a_posting_date_above_a_blog_run_past_midnight_names_its_last_day():
    """A mirror or archive dates the page when it was posted, after its last update; the manifest's date is
    the day of the earliest update. Read as the latest day, the header agrees with the manifest."""
    page = "Friday, June 8, 2012\n\nFloods: live\n\n00.40 We stop here.\n\n23.10 River peaks.\n\n21.55 Dam holds.\n"
    assert times(page, date=dt.date(2012, 6, 7), tz="UTC") == [
        "2012-06-08 00:40", "2012-06-07 23:10", "2012-06-07 21:55"]
    assert times(page, tz="UTC") == ["2012-06-09 00:40", "2012-06-08 23:10", "2012-06-08 21:55"]


def test_a_repost_s_own_date_years_after_the_events_does_not_date_the_entries():
    """A blog that copied a timeline years later shows its own posting date above it; the manifest's date
    (the day of the earliest update) dates the entries, and the timeline's year-less headers follow it."""
    page = ("Tuesday, March 3, 2015\n\nReposted: the siege, hour by hour\n\nSaturday June 7\n\n"
            "0615 GMT: Gunmen seize the town hall.\n\n0940 GMT: Talks begin.\n\nSunday June 8\n\n0800 GMT: Hostages freed.\n")
    assert times(page, date=dt.date(2008, 6, 7)) == ["2008-06-07 06:15", "2008-06-07 09:40", "2008-06-08 08:00"]
    with pytest.raises(ParseError, match="the text says Saturday"):
        times(page, date=dt.date(2014, 6, 7))  # a year from the header: the header dates the page, and June 7, 2015 is no Saturday


def test_a_month_and_day_without_a_year_before_the_clock_date_the_stamp_in_the_page_s_year():
    page = ("Flood updates\n\n6/12 – 9:10 a.m. EDT: Crews reopen the highway.\n\n"
            "6/11 – 4:00 p.m. EDT: The river crests downtown.\n")
    assert times(page, date=dt.date(2019, 6, 11)) == ["2019-06-12 13:10", "2019-06-11 20:00"]


def test_an_intro_that_names_the_order_decides_midnight_when_the_times_do_not():
    updates = "2 p.m.\n\nCrews clear roads.\n\n7:10 a.m.\n\nPower is out.\n\n11:20 p.m.\n\nThe storm hits the coast.\n"
    page = "The Latest on the storm (all times local):\n\n" + updates
    assert times(page, date=dt.date(2021, 8, 29), tz="UTC") == ["2021-08-30 14:00", "2021-08-30 07:10", "2021-08-29 23:20"]
    with pytest.raises(ParseError, match="midnight"):
        times("Storm updates (all times local):\n\n" + updates, date=dt.date(2021, 8, 29), tz="UTC")


def test_a_top_entry_dated_after_the_earliest_day_makes_the_page_newest_first():
    """Times that tell no order (each gap over six hours) and no intro naming it: a first stamp dated after the
    day of the earliest update (--date) is not the earliest, so the undated ones below go back across midnight."""
    page = ("UPDATED: 9:05 a.m. EST, May 4 — Crews find two more bodies.\n\n"
            "UPDATED: 10:40 p.m. EST — Four died when the roof fell.\n\n"
            "UPDATED: 4:15 p.m. EST — The roof of a hall fell in.\n")
    assert times(page, date=dt.date(2019, 5, 3)) == ["2019-05-04 14:05", "2019-05-04 03:40", "2019-05-03 21:15"]
    with pytest.raises(ParseError, match="midnight"):
        times(page, date=dt.date(2019, 5, 4))  # dated the earliest day itself, the top tells nothing


def test_the_manifest_date_is_the_day_of_the_earliest_entries():
    page = "The Latest (all times local):\n\n11:15 a.m.\n\nToll jumps to 28.\n\n8:20 p.m.\n\nAt least 12 dead.\n\n6:50 p.m.\n\nThree killed.\n"
    assert times(page, date=dt.date(2018, 9, 15), tz="Asia/Manila") == [
        "2018-09-16 03:15", "2018-09-15 12:20", "2018-09-15 10:50"]


def test_a_late_post_out_of_order_stays_on_its_day():
    page = "Updates\n\n11:50 P.M. Rocks thrown.\n\n11:44 P.M. IDF protests.\n\n11:55 P.M. Light wounds.\n\n11:03 P.M. Rocket strikes.\n"
    assert times(page, date=dt.date(2014, 8, 23), tz="UTC") == [
        "2014-08-23 23:50", "2014-08-23 23:44", "2014-08-23 23:55", "2014-08-23 23:03"]


def test_a_jump_over_half_a_day_on_a_page_that_gives_no_order_is_an_error_naming_the_line():
    page = "Live\n\n23:50 GMT – Late news.\n\n10:10 GMT – Morning news.\n"
    with pytest.raises(ParseError, match=r"page.txt:5: .*midnight"):
        times(page, date=dt.date(2024, 5, 1))


def test_stamps_with_their_own_date_need_no_manifest():
    page = "Live\n\n15 Oct 2020, 18:43\n\nSix villages taken.\n\n15 Oct 2020, 18:11\n\nToll rises to four.\n"
    assert times(page) == ["2020-10-15 18:43", "2020-10-15 18:11"]


def test_a_numeric_date_is_read_month_or_day_first_by_the_page_date():
    page = "Live\n\nUpdate (11/13/15 15:43 PST):\n\nState of emergency.\n\nUpdate (11/13/15 16:04 PST):\n\nStatement.\n"
    assert times(page, date=dt.date(2015, 11, 13)) == ["2015-11-13 23:43", "2015-11-14 00:04"]


def test_a_date_in_figures_read_in_the_order_the_page_writes_is_that_reading_or_none():
    assert numeric_date("09/08/2018", None) is None  # either way round, and no page date to choose
    assert numeric_date("09/08/2018", None, day_first=True) == dt.date(2018, 8, 9)
    assert numeric_date("09/08/2018", None, day_first=False) == dt.date(2018, 9, 8)
    assert numeric_date("15/08/2018", None, day_first=False) is None  # no fifteenth month


def test_no_date_anywhere_is_an_error_naming_the_first_entry():
    with pytest.raises(ParseError, match=r"page.txt:3: no date for this entry"):
        times("Live\n\n20:35 GMT – Something happened.\n\n19:00 GMT – Before that.\n")


def test_the_page_says_what_zone_its_times_are_in():
    page = "All times are Paris time (GMT+2).\n\n9:17am: Missiles downed\n\n8:42am: One killed\n"
    assert times(page, date=dt.date(2023, 6, 23)) == ["2023-06-23 07:17", "2023-06-23 06:42"]
    local = "The Latest on the explosions (all times local):\n\n11:30 p.m.\n\nToll rises to 34.\n\n10 p.m.\n\nFlags.\n"
    assert times(local, date=dt.date(2016, 3, 22), tz="Europe/Brussels") == ["2016-03-22 22:30", "2016-03-22 21:00"]


def test_a_french_page_says_its_zone_too():
    page = "Les horaires sont donnés en heure de Paris (TU +1)\n\n16h : Le bilan s'alourdit.\n\n15h30 : Explosion.\n"
    assert times(page, date=dt.date(2019, 2, 4)) == ["2019-02-04 15:00", "2019-02-04 14:30"]
    # a sentence on the hours of something else states no zone
    assert declared_zone("Les heures de pointe sont en hausse à Paris.") is None


def test_a_stamp_may_name_its_city_s_zone_in_french():
    page = "En direct\n\n21:05 heure de Beyrouth\n\nLes frappes reprennent.\n\n20:40 heure de Beyrouth\n\nUne alerte.\n"
    assert times(page, date=dt.date(2024, 7, 2)) == ["2024-07-02 18:05", "2024-07-02 17:40"]


def test_eastern_time_follows_daylight_saving():
    page = "Live\n\nUpdate 12:45 ET: Governor speaks.\n\nUpdate 12:23 ET: Senator speaks.\n"
    assert times(page, date=dt.date(2016, 6, 12)) == ["2016-06-12 16:45", "2016-06-12 16:23"]
    assert times(page, date=dt.date(2016, 1, 12)) == ["2016-01-12 17:45", "2016-01-12 17:23"]


def test_a_lone_bare_time_does_not_make_an_article_a_live_blog():
    article = "Quake hits\n\nThe quake struck on Monday, officials said.\n\n10:24\n\nRescuers dug through the night.\n"
    reading = read_text(article, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2021, 8, 15)))
    assert {e.time_precision for e in reading.entries} == {"day"}
    assert any("lone bare time" in r.reason for r in reading.rejected)


def test_the_same_time_twice_in_two_clocks_is_one_entry():
    page = "Live\n\n4.31pm BST\n16:31\nDonations can be made.\n4.27pm BST\n16:27\nFirefighters travelled.\n"
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2016, 8, 24)))
    assert [(f"{e.published_at:%H:%M}", e.headline) for e in reading.entries] == [
        ("15:31", "Donations can be made."), ("15:27", "Firefighters travelled.")]


def test_a_dated_publication_line_above_the_updates_is_not_an_entry():
    page = "Day four of war\n\nStaff and agencies\nSun 23 Mar 2003 11.50 EST\n\n0055: Leader killed.\n\n0100: Report denied.\n"
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2003, 3, 23)))
    assert [f"{e.published_at:%H:%M}" for e in reading.entries] == ["00:55", "01:00"]
    assert any("publication" in r.reason for r in reading.rejected)


def test_a_footer_stamp_dates_the_post_above_it():
    """Old-style blogs close each post with "time | date | permalink": the post is the text above it."""
    page = ("Storm blog\n\nMarch 3, 2009\n\nLevee breached\n\nWater poured into the ward.\n\n"
            "4:05 p.m. ET | March 3, 2009 | permalink\n\nShelters open\n\nThe city opened two shelters.\n\n"
            "3:40 p.m. ET | March 3, 2009 | permalink\n\nMore to\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test"))
    assert [(f"{e.published_at:%H:%M}", e.headline, e.body) for e in reading.entries] == [
        ("21:05", "Levee breached", "Water poured into the ward."),
        ("20:40", "Shelters open", "The city opened two shelters.")]
    on_top = "Storm blog\n\nMarch 3, 2009\n\n4:05 p.m. ET | permalink\n\nLevee breached\n\nWater poured in.\n"
    assert [e.headline for e in read_text(on_top, path="page.txt", meta=DocumentMeta(source="Test")).entries] == [
        "Levee breached"]


def test_a_stamp_over_the_page_s_own_title_is_its_publication_time():
    page = ("May 4th, 2012\n09:12 AM ET\n\nFerry sinks off coast\n\n[Posted at 9:05 a.m.] Divers reached the hull.\n\n"
            "[Posted at 8:40 a.m.] A ferry sank overnight.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", title="Ferry sinks off coast",
                                                                 date=dt.date(2012, 5, 4), tz="America/New_York"))
    assert [f"{e.published_at:%H:%M}" for e in reading.entries] == ["13:05", "12:40"]
    assert any("title follows" in r.reason for r in reading.rejected)


def test_updates_without_blank_lines_between_them():
    page = ("Here are the latest updates:\n10:24\nEmbassy evacuating\nThe United States has started evacuating.\n"
            "09:46\nTaliban race closer\nThe Taliban raced closer.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2021, 8, 15)))
    assert [(e.headline, e.body) for e in reading.entries] == [
        ("Embassy evacuating", "The United States has started evacuating."),
        ("Taliban race closer", "The Taliban raced closer.")]


def test_nothing_found_says_which_lines_looked_like_stamps():
    with pytest.raises(ParseError) as err:
        read_text("Updated: March 25, 2022 5:38pm\n", path="page.txt", meta=DocumentMeta(source="Test"))
    assert "line 1" in str(err.value) and "edit note" in str(err.value)


def test_an_iso_date_and_time_above_the_updates_is_the_page_s_publication_time():
    page = ("Floods: live\n\n2020-07-09 14:05\n\nRivers kept rising across the valley overnight.\n\n"
            "14:02\n\nA bridge gave way.\n\n13:48\n\nSchools closed early.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2020, 7, 9)))
    assert [f"{e.published_at:%H:%M}" for e in reading.entries] == ["14:02", "13:48"]
    assert any("publication" in r.reason for r in reading.rejected)
    zoned = page.replace("2020-07-09 14:05", "2020-07-09 14:05 GMT")
    assert times(zoned, date=dt.date(2020, 7, 9)) == ["2020-07-09 14:02", "2020-07-09 13:48"]
    every = "Floods: live\n\n2020-07-10 09:15\n\nLevee holds.\n\n2020-07-09 22:40\n\nPumps arrive.\n"
    assert times(every) == ["2020-07-10 09:15", "2020-07-09 22:40"]


def test_a_labelled_store_date_before_a_time_stays_a_day_and_the_time_an_update():
    """The corpus store's own " date YYYY-MM-DD" line names a day; the stamp run onto it is an update."""
    page = " date 2020-07-10 09:15\nLevee holds\nEngineers checked it at dawn.\n08:40\nPumps arrive\nTrucks came in.\n"
    assert times(page) == ["2020-07-10 09:15", "2020-07-10 08:40"]


def test_a_zone_named_once_in_the_intro_is_the_zone_of_its_stamps():
    bracketed = ("Storm day two\n\nWe follow the storm as it moves inland. (EET)\n\n"
                 "6:10 p.m: Roads shut\n\n5:45 p.m: Power out\n")
    assert times(bracketed, date=dt.date(2022, 2, 25)) == ["2022-02-25 16:10", "2022-02-25 15:45"]
    sentence = ("Floods\n\nRivers burst their banks. Times are in New Zealand time.\n\n"
                "9:05am: Town cut off\n\n8:30am: Rain\n")
    assert times(sentence, date=dt.date(2011, 1, 14)) == ["2011-01-13 20:05", "2011-01-13 19:30"]
    lower = "Floods (times are GMT)\n\n9:05am: Town cut off\n\n8:30am: Rain\n"
    assert times(lower, date=dt.date(2011, 1, 14), tz="Pacific/Auckland") == ["2011-01-14 09:05", "2011-01-14 08:30"]


def test_a_bracketed_zone_inside_a_sentence_or_below_the_first_stamp_names_no_zone():
    prose = "Storm day two\n\nThe front reached the coast at 4pm (EET) on Friday.\n\n6:10 p.m: Roads shut\n"
    assert times(prose, date=dt.date(2022, 2, 25)) == ["2022-02-25 18:10"]
    below = "Storm day two\n\n6:10 p.m: Roads shut\n\nA caption follows. (EET)\n\n5:45 p.m: Power out\n"
    assert times(below, date=dt.date(2022, 2, 25)) == ["2022-02-25 18:10", "2022-02-25 17:45"]
    region = "War day two\n\nUpdates are in Eastern Ukraine today.\n\n6:10 p.m: Roads shut\n"
    assert times(region, date=dt.date(2022, 2, 25)) == ["2022-02-25 18:10"]


def test_byline_stamps_take_the_text_below_them():
    page = ("Storm live\n\nFerries stay in port.\n\n06:12 , Ana Rivo\n\nFerry services halted\n\n"
            "06:40 , Ana Rivo\n\nRoads reopen in the north.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2022, 1, 5), tz="UTC"))
    assert [(f"{e.published_at:%H:%M}", e.headline) for e in reading.entries] == [
        ("06:12", "Ferry services halted"), ("06:40", "Roads reopen in the north.")]


def test_a_dotted_publication_line_above_hrs_stamps_is_not_an_entry():
    page = ("Floods ticker\n04.03.2021 - 09:00\nRivers rose overnight.\n16.05 hrs\nDam holds\n"
            "15.40 hrs\nSchools closed\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2021, 3, 3),
                                                                 tz="Europe/Berlin"))
    assert [(f"{e.published_at:%H:%M}", e.headline) for e in reading.entries] == [
        ("15:05", "Dam holds"), ("14:40", "Schools closed")]
    assert any("publication" in r.reason for r in reading.rejected)


def test_a_day_header_run_into_the_first_stamp_dates_it_and_the_rest():
    page = "Gales: live\n3 March 202114:25 GMT\nFerries halted.\n- 14:02 GMT\nBridge closed.\n- 13:40 GMT\nWind rises.\n"
    assert times(page) == ["2021-03-03 14:25", "2021-03-03 14:02", "2021-03-03 13:40"]
    assert read_run_in_header(2, "3 March 2021 14:25 GMT") is None  # one dated stamp: no header there
    assert times("Gales\n\n12 May 201929:30\nText.\n\n- 14:02 GMT\nMore.\n- 13:40 GMT\nWind.\n",
                 date=dt.date(2019, 5, 12)) == ["2019-05-12 14:02", "2019-05-12 13:40"]


def test_a_dated_stamp_glued_to_the_sentence_before_it_opens_an_update():
    """A flattened copy ran the next update's "Oct 2, 2019 09:40 (CET)" into the last sentence of the one
    above, its year touching the clock: each update keeps its own stamp and text."""
    page = ("Storm live\n\nOct 2, 201909:55 (CET) Ferries halted at noon. Roads shut.Oct 2, 201909:40 (CET)"
            "Trains stop! Oct 2, 201909:12 (CET) Wind rises.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test"))
    assert [(f"{e.published_at:%Y-%m-%d %H:%M}", e.headline) for e in reading.entries] == [
        ("2019-10-02 08:55", "Ferries halted at noon. Roads shut."), ("2019-10-02 08:40", "Trains stop!"),
        ("2019-10-02 08:12", "Wind rises.")]


@pytest.mark.parametrize("line", [
    "Officials said Oct 2, 201909:40 was the worst hour.",        # no sentence end before the date
    "Roads shut. Oct 2, 2019 09:40 saw the worst gusts.",          # the year stands apart from the clock
    "Roads shut.Oct 2, 201929:40 (CET) was no time at all.",       # no valid HH:MM after the year
    "Roads shut.Oct 2, 2019 was the worst day.",
])
def test_a_date_inside_prose_does_not_split_a_line(line):
    assert run_in_starts(line) == []


def test_raw_unix_times_stamp_posts_only_when_the_page_has_two():
    page = "Quake live\n\n1600000000\n\nToll rises\n\nMore found.\n\n1599998400\n\nAid arrives\n"
    assert times(page, date=dt.date(2020, 9, 13)) == ["2020-09-13 12:26", "2020-09-13 12:00"]
    single = "Quake\n\nThe quake struck at dawn.\n\n1600000000\n\nRescuers dug all day.\n"
    reading = read_text(single, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2020, 9, 13)))
    assert {e.time_precision for e in reading.entries} == {"day"}


def test_weekday_stamps_fall_in_the_week_of_the_page_s_date_in_its_order():
    """A timeline posted on a Tuesday names its days by weekday: the first the nearest Friday to the
    manifest's date (the earliest update's day, not the posting date above), later ones onward in the page's order."""
    page = (" date 2021-06-08\n\nHow the weekend unfolded:\n\n> Friday, 9 a.m.\n\nThe fair opens.\n\n"
            "> Saturday, 10 a.m.\n\nCrowds arrive.\n\n> Saturday, 3:20 p.m.:\n\nA stand collapses.\n")
    assert times(page, date=dt.date(2021, 6, 4), tz="UTC") == [
        "2021-06-04 09:00", "2021-06-05 10:00", "2021-06-05 15:20"]


def test_a_weekday_after_the_clock_dates_the_entries_past_midnight():
    page = ("Timeline\n\n10:40 p.m. — Sirens sound.\n\n11:55 p.m. — Roads close.\n\n"
            "12:20 a.m. Sunday — Fire is contained.\n\n2 a.m. — Crews leave.\n")
    assert times(page, date=dt.date(2022, 7, 2), tz="UTC") == [
        "2022-07-02 22:40", "2022-07-02 23:55", "2022-07-03 00:20", "2022-07-03 02:00"]
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2022, 7, 2), tz="UTC"))
    assert reading.entries[2].headline.startswith("Fire is contained")


def test_a_stamp_restated_at_the_start_of_the_body_is_the_same_post():
    page = ("Floods: live\n\n"
            "Ferry crossings resume at noonpublished at 10:42 British Summer Time 9 May 2024\n"
            "10:42 BST 9 May 2024Operators say boats will run hourly.\n\n"
            "River gauges fallpublished at 10:05 British Summer Time 9 May 2024\n"
            "10:05 BST 9 May 2024\nThe Environment Agency lowered two warnings.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test"))
    assert [(f"{e.published_at:%H:%M}", e.headline) for e in reading.entries] == [
        ("09:42", "Ferry crossings resume at noon"), ("09:05", "River gauges fall")]
    assert reading.entries[0].body.startswith("Operators say") and reading.entries[1].body.startswith("The Environment")


def test_two_posts_at_the_same_minute_with_their_own_headlines_stay_two():
    page = ("Floods: live\n\n10:42 BST – Ferry crossings resume\n\n10:42 BST – Bridge reopens to cars\n\n"
            "Road closedpublished at 10:05 British Summer Time 9 May 2024\n10:06 BST 9 May 2024Traffic is diverted.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2024, 5, 9)))
    assert [f"{e.published_at:%H:%M}" for e in reading.entries] == ["09:42", "09:42", "09:05", "09:06"]


def test_a_lone_stamp_signed_by_its_author_makes_a_live_blog():
    page = ("Storm live\n\nThe storm reached the coast overnight.\n\n17:05 , Ida Marsh\n\nWhat we know so far\n\n"
            "Two bridges are shut.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2022, 1, 5), tz="UTC"))
    assert [(f"{e.published_at:%H:%M}", e.headline) for e in reading.entries] == [("17:05", "What we know so far")]


def test_a_lone_time_then_a_comma_and_a_sentence_is_no_signed_stamp():
    article = "Quake hits\n\nThe quake struck on Monday.\n\n17:05, Rescuers dug on.\n\nTwo bridges are shut.\n"
    reading = read_text(article, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2021, 8, 15)))
    assert {e.time_precision for e in reading.entries} == {"day"}


def test_a_bare_time_on_a_12_hour_page_takes_the_half_of_the_day_of_its_neighbours():
    """A copy that dropped "PM" from some updates: "(6:15)" above "(2:45 PM)" is a quarter past six in the
    evening, not the next morning."""
    page = ("Flood updates\n\nUPDATE (6:15) – Crews reach the bridge.\n\nUPDATE (4:10) – Shelters open.\n\n"
            "UPDATE (2:45 PM) – A curfew is set.\n\nUPDATE (11:20 AM) – The river crests.\n")
    assert times(page, date=dt.date(2024, 3, 4), tz="UTC") == [
        "2024-03-04 18:15", "2024-03-04 16:10", "2024-03-04 14:45", "2024-03-04 11:20"]


def test_a_bare_time_with_a_leading_zero_keeps_a_page_on_24_hours():
    """"09:40" is how a 24-hour page writes the morning: its bare times stay as written, in the morning
    after the "5:50 PM" below them (written "9:40", the same page would be one evening)."""
    page = "Flood updates\n\n{} – Crews reach the bridge.\n\n6:15 – Shelters open.\n\n5:50 PM – The river crests.\n"
    assert times(page.format("09:40"), date=dt.date(2024, 3, 4), tz="UTC") == [
        "2024-03-05 09:40", "2024-03-05 06:15", "2024-03-04 17:50"]
    assert times(page.format("9:40"), date=dt.date(2024, 3, 4), tz="UTC") == [
        "2024-03-04 21:40", "2024-03-04 18:15", "2024-03-04 17:50"]


def test_a_stated_order_is_kept_a_jump_of_hours_against_it_is_the_day_before():
    """An intro that names the order ("The Latest") means each update sits above the one before it: a later
    time below crosses midnight back, even hours short of the 6 a page's own times would need."""
    page = ("The Latest on the floods (all times local):\n\n2:05 p.m.\n\nThe river crests.\n\n10:20 a.m.\n\n"
            "Levees hold.\n\n1:40 p.m.\n\nRain starts to fall.\n")
    assert times(page, date=dt.date(2019, 5, 3), tz="UTC") == [
        "2019-05-04 14:05", "2019-05-04 10:20", "2019-05-03 13:40"]


def test_a_slip_of_less_than_an_hour_against_a_stated_order_stays_on_its_day():
    page = ("The Latest on the storm (all times local):\n\n6 p.m.\n\nWinds ease.\n\n6:45 p.m.\n\nPower returns.\n\n"
            "6:30 p.m.\n\nCrews go out.\n")
    assert times(page, date=dt.date(2019, 5, 3), tz="UTC") == [
        "2019-05-03 18:00", "2019-05-03 18:45", "2019-05-03 18:30"]


def test_on_a_newest_first_page_the_updates_above_the_first_day_header_are_the_day_after_it():
    """Even across less than the six hours that tell a midnight elsewhere: the lowest update above the header is
    earlier in the day than the first below it, and the header says the day changes between them."""
    page = ("EN DIRECT - Crues\n\n18h10: Les routes rouvrent.\n\n13h30: Une digue cède.\n\n*** MARDI 12 MARS ***\n\n"
            "16h20: La pluie redouble.\n\n11h40: Alerte rouge.\n")
    assert times(page, date=dt.date(2024, 3, 12), tz="UTC") == [
        "2024-03-13 18:10", "2024-03-13 13:30", "2024-03-12 16:20", "2024-03-12 11:40"]


def test_entries_above_a_newest_first_page_s_first_day_header_are_the_next_day_only_across_midnight():
    """A post above the header that is earlier in the day than the first post under it was written after midnight;
    one later in the day (a summary on top) is on the header's own day."""
    below = "Here are the latest updates on Tuesday, March 9:\n\n6:50 p.m.\n\nThe levee holds.\n\n5:15 p.m.\n\nRain.\n"
    for above, day in (("1:20 a.m.", "2021-03-10 01:20"), ("11:05 a.m.", "2021-03-10 11:05"),
                       ("7:30 p.m.", "2021-03-09 19:30"), ("9:40 p.m. EDT", "2021-03-10 01:40")):
        page = f"Flood updates\n\n{above}\n\nWhere things stand.\n\n{below}"
        assert times(page, date=dt.date(2021, 3, 9), tz="UTC") == [day, "2021-03-09 18:50", "2021-03-09 17:15"]


def test_on_an_oldest_first_page_the_updates_above_the_first_day_header_keep_the_manifest_s_day():
    page = ("Floods: live\n\n09:10 GMT – Rain starts.\n\n10:20 GMT – Rivers rise.\n\nWednesday, March 13\n\n"
            "08:00 GMT – A levee breaks.\n")
    assert times(page, date=dt.date(2024, 3, 12)) == ["2024-03-12 09:10", "2024-03-12 10:20", "2024-03-13 08:00"]


def test_a_french_day_header_is_read_and_a_french_word_alone_is_not():
    assert read_day_mark(3, "*** MARDI 12 MARS ***") == DayMark(3, None, 3, 12, 1)
    assert read_day_mark(3, "1er juin 2023") == DayMark(3, 2023, 6, 1, None)
    assert read_day_mark(3, "Mars rover lands") is None


def test_month_and_weekday_names_of_other_languages_come_from_the_data_whole():
    """data/calendar_words.toml: each name a whole word, so German "Januar" never cuts English "January" short."""
    assert read_day_mark(3, "Samedi 14 AOÛT") == DayMark(3, None, 8, 14, 5)
    assert read_day_mark(3, "12 Dezember 2023") == DayMark(3, 2023, 12, 12, None)
    assert read_day_mark(3, "Среда, 5 марта") == DayMark(3, None, 3, 5, 2)
    found = read_published("Storm reaches the coastpublished at 11:49 GMT 7 January 2015")
    assert found is not None and (found.clock.year, found.clock.month, found.clock.day) == (2015, 1, 7)
    assert read_day_mark(3, "12 Marsala") is None and read_day_mark(3, "Lundis 3 mars") is None


def test_a_raw_unix_time_after_an_update_label_stamps_the_post_run_into_it():
    page = ("Storm article\n\nThe storm struck on Monday.\n\n"
            "Show latest update 1600000000 Bridge closed Engineers shut the bridge after cracks appeared.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2020, 9, 13)))
    assert [(f"{e.published_at:%H:%M}", e.time_precision) for e in reading.entries] == [("12:26", "minute")]
    assert reading.entries[0].headline.startswith("Bridge closed")
    prose = "Storm article\n\nThe update 1600000000 was logged by the agency.\n"
    reading = read_text(prose, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2020, 9, 13)))
    assert {e.time_precision for e in reading.entries} == {"day"}


def test_a_bullet_list_inside_an_update_is_its_text_and_a_summary_above_the_updates_is_not():
    page = ("Quake live\n\nSummary\n  • Rescuers reach the valley.\n\n9.40pm GMT\n\nWhere things stand\n\n"
            "  • The toll stands at 14.\n  • Two towns remain cut off.\n\nWe will be back tomorrow.\n\n"
            "  • Timestamp:\n9.10pm GMT\n\nAid flights land.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2023, 4, 2)))
    closing = reading.entries[0]
    assert closing.headline == "Where things stand"
    assert "The toll stands at 14." in closing.body and "Two towns remain cut off." in closing.body
    text = " ".join(f"{e.headline} {e.body}" for e in reading.entries)
    assert "Rescuers reach the valley" not in text and "Timestamp" not in text


def test_a_headline_run_straight_into_a_signed_stamp_heads_the_post_below():
    page = ("Floods live\n\n06:12 , Ana Rivo\nWelcome to our coverage of the floods.\nBridge swept away\n"
            "06:40 , Ana Rivo\nThe old bridge at the ford was swept away overnight.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2022, 1, 5), tz="UTC"))
    assert [(e.headline, e.body) for e in reading.entries] == [
        ("Welcome to our coverage of the floods.", ""),
        ("Bridge swept away", "The old bridge at the ford was swept away overnight.")]


def test_a_title_line_is_not_taken_across_a_blank_line_nor_from_a_post_it_is_the_only_text_of():
    spaced = ("Floods live\n\n06:12 , Ana Rivo\n\nWelcome to our coverage.\n\nBridge swept away\n\n"
              "06:40 , Ana Rivo\n\nThe bridge went overnight.\n")
    reading = read_text(spaced, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2022, 1, 5), tz="UTC"))
    assert reading.entries[1].headline == "The bridge went overnight."
    only = "Floods live\n\n06:12 , Ana Rivo\nRoads shut across the county\n06:40 , Ana Rivo\nThe bridge went overnight.\n"
    reading = read_text(only, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2022, 1, 5), tz="UTC"))
    assert [e.headline for e in reading.entries] == ["Roads shut across the county", "The bridge went overnight."]


def test_a_signed_stamp_takes_no_headline_from_the_intro_nor_a_closing_credit_or_pointer():
    """The title-like line above the first signed stamp is the page's own (its title, a summary), and a credit or
    a pointer to a video ends the post above: none heads the post below. A headline in a post's place still does."""
    tail = "Ferries stay in harbour.\nThe port is shut.\n{line}\n08:30 , Tom Hale\nTwo sailors were rescued.\n"
    meta = DocumentMeta(source="Test", date=dt.date(2022, 1, 5), tz="UTC")
    for line in ("Additional reporting by Sam Lee in Leeds", "Watch the footage of the rescue below",
                 "Con información de agencias"):
        page = "Gales close ports across the north\n08:05 , Tom Hale\n" + tail.format(line=line)
        reading = read_text(page, path="page.txt", meta=meta)
        assert [(e.headline, e.body.split("\n")[-1]) for e in reading.entries] == [
            ("Ferries stay in harbour.", line), ("Two sailors were rescued.", "")]
    for line in ("Coastguard reaches the yacht", "Watch parties fill the square", "Reporting delays hit ports"):
        headed = "Gales close ports\n\n08:05 , Tom Hale\n" + tail.format(line=line)
        reading = read_text(headed, path="page.txt", meta=meta)
        assert [e.headline for e in reading.entries] == ["Ferries stay in harbour.", line]


def test_update_after_a_bare_time_makes_it_a_post_s_stamp_among_12_hour_ones():
    """A bare time among stamps with "p.m." is a sidebar's or a video's length, unless "update" follows it: then it is a
    post, in the half of the day its neighbours are."""
    page = ("Blasts: live\n\n11 p.m. update: One dead\n\nText.\n\n10 p.m. update -- Fires out\n\nText.\n\n"
            "9:15 update -- Casualties\n\nTen hurt.\n\n8:55 p.m. -- Governor speaks\n\nText.\n")
    assert times(page, date=dt.date(2018, 9, 13), tz="UTC") == [
        "2018-09-13 23:00", "2018-09-13 22:00", "2018-09-13 21:15", "2018-09-13 20:55"]
    assert len(times(page.replace("9:15 update", "9:15"), date=dt.date(2018, 9, 13), tz="UTC")) == 3


def test_a_list_of_links_under_a_related_label_is_no_part_of_the_post():
    """"Related:" or "Lesen Sie auch:" on its own line opens links to other stories; their headlines, with figures of
    other incidents, stay out of the post. A paragraph that only starts with the word stays."""
    meta = DocumentMeta(source="Test", date=dt.date(2022, 1, 5), tz="UTC")
    for label in ("Related:", "Trending", "Lesen Sie auch:", "Related coverage"):
        page = (f"Gales live\n\n08:05 GMT – Ports shut.\n\nTwo sailors are missing.\n\n{label}\n"
                "Ferry sinks off the coast, 30 dead\n\n07:10 GMT – Winds rise.\n")
        reading = read_text(page, path="page.txt", meta=meta)
        assert [e.body for e in reading.entries] == ["Two sailors are missing.", ""], label
    kept = "Gales live\n\n08:05 GMT – Ports shut.\n\nRelated damage was reported inland.\n\n07:10 GMT – Winds rise.\n"
    assert read_text(kept, path="page.txt", meta=meta).entries[0].body == "Related damage was reported inland."


def test_an_update_stamp_opening_its_body_takes_the_headline_right_above_it_but_no_list_item():
    page = ("Wildfires: latest\nCrews hold the line near town\nUpdate 9:05 p.m. EDT June 3: Firefighters held the "
            "fire at the river.\nThe wind eased.\nEvacuation orders lifted\nUpdate 8:10 p.m. EDT June 3: Residents "
            "may return home.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2021, 6, 3)))
    assert [(e.headline, e.body.split("\n")[0]) for e in reading.entries] == [
        ("Crews hold the line near town", "Firefighters held the fire at the river."),
        ("Evacuation orders lifted", "Residents may return home.")]
    listed = page.replace("Evacuation orders lifted", "4. Smoke over the ridge, June 3. (AP)")
    reading = read_text(listed, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2021, 6, 3)))
    assert reading.entries[1].headline == "Residents may return home."


def test_an_article_byline_with_its_reading_time_stamps_the_article_under_the_headline_above_it():
    """"by <author> <date, time> N min read" heads an article: the article is one post, even above a sidebar of
    yearless stamps, and the line above the byline is its headline."""
    page = ("Skip to content\n\nStorm floods the coast.\n\nby Jane Doe May 2, 2024 9:10 AM 3 min read\n"
            "Waves broke over the sea wall at dawn.\n\nNews Feed\n\n7:26 PM\n\nMarkets close.\n\n1:34 PM\n\nTalks end.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2024, 5, 2), tz="UTC"))
    article = reading.entries[0]
    assert (f"{article.published_at:%Y-%m-%d %H:%M}", article.headline) == ("2024-05-02 09:10", "Storm floods the coast.")
    assert article.body.startswith("Waves broke")
    plain = page.replace(" 3 min read", "")
    reading = read_text(plain, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2024, 5, 2), tz="UTC"))
    assert [e.headline for e in reading.entries] == ["Markets close.", "Talks end."]


def test_a_ticker_item_run_into_the_ticker_s_title_line_is_an_update():
    page = "Storm ticker: +++ 23:50 Dam holds +++\n\nEngineers say the dam holds.\n\n+++ 23:20 Rain eases +++\nLess rain.\n"
    assert times(page, date=dt.date(2023, 10, 24), tz="UTC") == ["2023-10-24 23:50", "2023-10-24 23:20"]
    assert split_points("Prices rose +++ 23:50 on the screen") == []


def test_a_date_in_figures_alone_on_its_line_is_a_day_header_read_the_way_the_page_writes_dates():
    """One unambiguous date ("14/03") says the page writes the day first, so "02/03" is 2 March; a page without
    one is read as its zone writes dates; in a zone that says neither, the reading nearest the page's date."""
    page = "Floods: live\n14/03/2021\n09h10 : Rain stops.\n02/03/2021\n18h40 : Dam holds.\n"
    assert times(page, date=dt.date(2021, 3, 2), tz="UTC") == ["2021-03-14 09:10", "2021-03-02 18:40"]
    page = "Floods: live\n04/03/2021\n09:10 - Rain stops.\n03/03/2021\n18:40 - Dam holds.\n"
    assert times(page, date=dt.date(2021, 3, 3), tz="Europe/Rome") == ["2021-03-04 08:10", "2021-03-03 17:40"]
    assert times(page, date=dt.date(2021, 3, 3), tz="America/Chicago") == ["2021-04-03 14:10", "2021-03-04 00:40"]
    assert times(page, date=dt.date(2021, 3, 3), tz="UTC") == ["2021-03-04 09:10", "2021-03-03 18:40"]


def test_which_way_round_a_zone_writes_dates_in_figures():
    assert (writes_day_first("Europe/Paris"), writes_day_first("America/New_York"), writes_day_first("EST")) == (
        True, False, False)
    assert writes_day_first("UTC") is None and writes_day_first("+03:00") is None


def test_figures_in_a_sentence_or_a_score_are_no_day_header():
    page = "Floods: live\n09:10 - Rain stops.\nThe 04/03/2021 report is out.\n08:40 - Dam holds.\n3-1\n"
    assert times(page, date=dt.date(2021, 3, 3), tz="UTC") == ["2021-03-03 09:10", "2021-03-03 08:40"]


def test_a_ticker_title_that_repeats_the_newest_post_s_stamp_line_is_no_entry():
    title = "09:30 Dam holds after the storm"
    page = f"{title}\n\nStorm ticker\n\n{title}\n\nEngineers say it holds.\n\n08:50 Rain eases\n\nLess rain.\n"
    meta = DocumentMeta(source="Test", title=title, date=dt.date(2023, 10, 24), tz="UTC")
    reading = read_text(page, path="page.txt", meta=meta)
    assert [(e.headline, e.body) for e in reading.entries] == [
        ("Dam holds after the storm", "Engineers say it holds."), ("Rain eases", "Less rain.")]
    assert any("the page's title" in r.reason for r in reading.rejected)
    alone = page.replace(f"{title}\n\nEngineers", "Engineers")  # not repeated below: the title line is the post
    reading = read_text(alone, path="page.txt", meta=meta)
    assert [e.headline for e in reading.entries] == ["Dam holds after the storm", "Rain eases"]


def test_a_word_for_the_hour_takes_its_place_in_a_newest_first_page():
    """"Midnight" between "2:10 a.m." and "11:35 p.m." tells the page's order, so the late time is the day before."""
    page = ("The Latest on the fire (all times local):\n\n2:10 a.m.\n\nCrews contain the blaze.\n\nMidnight\n\n"
            "Roads are shut.\n\n11:35 p.m.\n\nA fire breaks out.\n")
    assert times(page, date=dt.date(2020, 7, 4), tz="UTC") == ["2020-07-05 02:10", "2020-07-05 00:00", "2020-07-04 23:35"]


def test_a_word_for_the_hour_alone_on_a_page_is_no_stamp():
    reading = read_text("Night shift\n\nMidnight\n\nThe ward was quiet.\n", path="page.txt",
                        meta=DocumentMeta(source="Test", date=dt.date(2020, 7, 4), tz="UTC"))
    assert reading.entries and all(e.time_precision == "day" for e in reading.entries)


def test_a_clock_alone_with_its_date_on_the_next_line_is_one_dated_stamp():
    """"21:40" over "14.3.2019": the date is the stamp's own, so the stamp keeps the text below it."""
    page = ("21:40\n14.3.2019\nFerries stop for the night.\n22:15\n14.3.2019\nThe storm reaches the coast.\n"
            "06:05\n15.3.2019\nRoads reopen.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", tz="UTC"))
    assert [(f"{e.published_at:%Y-%m-%d %H:%M}", e.headline) for e in reading.entries] == [
        ("2019-03-14 21:40", "Ferries stop for the night."), ("2019-03-14 22:15", "The storm reaches the coast."),
        ("2019-03-15 06:05", "Roads reopen.")]


def test_a_date_line_after_a_blank_or_after_a_stamp_with_its_headline_stays_a_day_header():
    page = "09:10 Roads close\nRain all night.\n\n08:40\n\n5.4.2020\n\n07:55 Dam holds\n5.4.2020\nLevels fall.\n"
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2020, 4, 5), tz="UTC"))
    assert [e.headline for e in reading.entries] == ["Roads close", "Dam holds"]
    assert any(r.text == "08:40" and "no text" in r.reason for r in reading.rejected)


def test_a_clock_with_its_date_below_above_stamps_without_a_date_is_the_page_s_publication_time():
    page = "20:30\nTuesday, 9 June 2020\n\nFloods: live\n\n11:55 - Rivers rise.\n\n11:20 - Schools shut.\n"
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2020, 6, 9), tz="UTC"))
    assert [f"{e.published_at:%H:%M}" for e in reading.entries] == ["11:55", "11:20"]
    assert any(r.text == "20:30" and "publication" in r.reason for r in reading.rejected)


def test_updated_at_lines_are_the_stamps_of_a_page_that_has_no_others():
    """A copy whose updates are each opened by "Updated at 21:05 BJT" (Beijing time) has no other stamps."""
    page = ("A mine flooded on Monday.\n\nUpdated at 9:30 BJT, Tuesday\n\nPumps arrived.\n\n"
            "Updated at 7:10 BJT, Tuesday\n\nDivers went down.\n\n"
            "Updated at 21:05 BJT\n\nRescuers reached the shaft.\n")
    assert times(page, date=dt.date(2021, 1, 11)) == ["2021-01-12 01:30", "2021-01-11 23:10", "2021-01-11 13:05"]


def test_updated_at_lines_on_a_page_with_stamps_are_edit_notes():
    page = ("Updated at 21:05 BJT\n\n20:40 BJT - Rescuers reached the shaft.\n\n"
            "19:10 BJT - Pumps arrived.\n")
    reading = read_text(page, path="page.txt", meta=DocumentMeta(source="Test", date=dt.date(2021, 1, 11)))
    assert [f"{e.published_at:%H:%M}" for e in reading.entries] == ["12:40", "11:10"]
    assert any("edit note" in r.reason for r in reading.rejected)


def test_a_lower_case_headline_stamp_opens_an_entry_only_beside_others_of_its_kind():
    page = ("Storm: updates\n\n9:20 am\n\nThe river crests.\n\n8:45 am roads closed in the valley\n\n"
            "Police shut two roads.\n\n7:30 am\n\nRain sets in.\n")
    meta = DocumentMeta(source="Test", date=dt.date(2022, 2, 1), tz="UTC")
    reading = read_text(page, path="page.txt", meta=meta)
    assert [(f"{e.published_at:%H:%M}", e.headline) for e in reading.entries] == [
        ("09:20", "The river crests."), ("08:45", "roads closed in the valley"), ("07:30", "Rain sets in.")]
    alone = "Storm: updates\n\n8:45 am roads closed in the valley\n\nPolice shut two roads.\n"
    assert all(e.time_precision == "day" for e in read_text(alone, path="page.txt", meta=meta).entries)


def headlines(text: str, **meta) -> list[str]:
    reading = read_text(text, path="page.txt", meta=DocumentMeta(source="Test", **meta))
    return [e.headline for e in reading.entries]


def test_a_title_line_above_every_update_stamp_across_a_blank_is_that_update_s_headline():
    """A page written for this test in a national desk's layout: each update's title, a blank line, then
    "Update <time>: <text>"."""
    page = ("Storm live\n\nRiver crests in town\n\nUpdate 9:30 p.m. EDT June 3: The river crested at noon.\n\n"
            "Officials are watching the dam.\n\nMain bridge closed\n\nUpdate 7:10 p.m. EDT June 3: Police closed the bridge.\n\n"
            "Two shelters open\n\nUpdate 5:00 p.m. EDT June 3: Two shelters opened downtown.\n")
    assert headlines(page, date=dt.date(2024, 6, 3)) == ["River crests in town", "Main bridge closed", "Two shelters open"]
    # where one update has none (a post's last sentence above it), the lines are the posts' ends, not titles
    mixed = page.replace("Two shelters open\n\n", "It rained all day.\n\n")
    assert headlines(mixed, date=dt.date(2024, 6, 3))[1:] == ["Police closed the bridge.", "Two shelters opened downtown."]


def test_a_store_s_month_only_label_before_the_first_stamp_is_no_part_of_it():
    """A page written for this test: the store's " date 2018-07" names no day (and here not even the page's month)."""
    page = " date 2018-07 19h45 – Rescuers reach the club.\n\n19h09 – Police close the street.\n"
    assert times(page, date=dt.date(2013, 1, 28), tz="America/Sao_Paulo") == ["2013-01-28 21:45", "2013-01-28 21:09"]
