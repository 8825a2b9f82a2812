"""The Atom feed of news and events (parsed with feedparser) and the iCalendar files (parsed with
icalendar), per language, with the right times across a change of summer time, and valid when empty."""

import datetime
import zoneinfo

import feedparser
import icalendar
import pytest

from tests.dates import site_time

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def parsed_feed(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def parsed_calendar(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/fr/actualites/flux/", "Actualités et agenda de Valmont à l’international"),
        ("/en/news/feed/", "News and events of Valmont International"),
    ],
)
def test_the_feed_of_an_empty_site_is_valid(client, site_profile, path, title):
    feed = parsed_feed(client, path)
    assert feed.feed.title == title
    assert feed.entries == []


def test_the_feed_has_its_own_title_beside_the_newsletters(client, site_profile):
    news = parsed_feed(client, "/en/news/feed/")
    newsletter = parsed_feed(client, "/en/newsletter/issues/feed/")
    assert news.feed.title != newsletter.feed.title


def test_the_feed_holds_the_published_news_and_events_in_each_language(
    client, site_profile, make_news_item, make_event, clock
):
    clock(site_time(2027, 3, 20))
    make_news_item(
        title="Délégation en visite", title_en="A delegation visits", date=datetime.date(2027, 3, 1)
    )
    make_event(title="Cérémonie", title_en="Ceremony")
    make_news_item(title="Brouillon", published=False)
    english = parsed_feed(client, "/en/news/feed/")
    assert [entry.title for entry in english.entries] == [
        "Ceremony (event, March 28, 2027)",
        "A delegation visits",
    ]
    assert english.entries[1].link.startswith("http://testserver/en/news/")
    french = parsed_feed(client, "/fr/actualites/flux/")
    assert [entry.title for entry in french.entries] == [
        "Cérémonie (événement, 28 mars 2027)",
        "Délégation en visite",
    ]
    assert french.entries[0].link.startswith("http://testserver/fr/agenda/")
    assert "Une cérémonie ouverte à tous." in french.entries[0].summary


@pytest.mark.parametrize("path", ["/fr/agenda/agenda.ics", "/en/events/calendar.ics"])
def test_the_calendar_of_an_empty_site_is_valid(client, site_profile, path):
    calendar = parsed_calendar(client, path)
    assert calendar["VERSION"] == "2.0"
    assert calendar.events == []
    # A component all the same (RFC 5545 asks for one): the site's time zone.
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_the_calendar_keeps_local_times_across_the_change_to_summer_time(client, site_profile, make_event):
    # Summer time begins in Europe/Paris on Sunday 28 March 2027 at 2:00 (UTC+1 → UTC+2).
    make_event(title="Veille", title_en="Eve", starts_at=site_time(2027, 3, 27, 18))
    make_event(
        title="Nuit du changement",
        title_en="Night of the change",
        starts_at=site_time(2027, 3, 28, 1, 0),  # 00:00 UTC
        ends_at=site_time(2027, 3, 28, 4, 0),  # 02:00 UTC: two real hours
    )
    make_event(title="Dimanche", title_en="Sunday", starts_at=site_time(2027, 3, 28, 10))
    make_event(title="Mardi", title_en="Tuesday", starts_at=site_time(2027, 3, 30, 18))
    calendar = parsed_calendar(client, "/en/events/calendar.ics")
    events = {event["SUMMARY"]: event for event in calendar.events}
    assert {event["DTSTART"].params["TZID"] for event in calendar.events} == {"Europe/Paris"}
    assert {
        name: event.start.astimezone(datetime.UTC).strftime("%d %H:%M") for name, event in events.items()
    } == {
        "Eve": "27 17:00",
        "Night of the change": "28 00:00",
        "Sunday": "28 08:00",
        "Tuesday": "30 16:00",
    }
    assert events["Sunday"].start == datetime.datetime(2027, 3, 28, 10, tzinfo=PARIS)
    assert events["Tuesday"].start == datetime.datetime(2027, 3, 30, 18, tzinfo=PARIS)
    night = events["Night of the change"]
    assert night.end.astimezone(datetime.UTC) - night.start.astimezone(datetime.UTC) == datetime.timedelta(
        hours=2
    )
    # The VTIMEZONE gives both offsets, so any reader finds the same moments.
    zone = calendar.walk("VTIMEZONE")[0]
    offsets = {component["TZOFFSETTO"].td for component in zone.walk() if "TZOFFSETTO" in component}
    assert offsets == {datetime.timedelta(hours=1), datetime.timedelta(hours=2)}


def test_the_event_pages_and_the_feed_give_the_local_dates_across_the_change(
    client, site_profile, make_event
):
    sunday = make_event(title="Dimanche", starts_at=site_time(2027, 3, 28, 10))
    tuesday = make_event(title="Mardi", starts_at=site_time(2027, 3, 30, 18))
    assert (
        '<time datetime="2027-03-28T10:00:00+0200">'
        in client.get(f"/fr/agenda/{sunday.slug}/").content.decode()
    )
    assert (
        '<time datetime="2027-03-30T18:00:00+0200">'
        in client.get(f"/fr/agenda/{tuesday.slug}/").content.decode()
    )
    titles = {entry.title for entry in parsed_feed(client, "/fr/actualites/flux/").entries}
    assert titles == {"Dimanche (événement, 28 mars 2027)", "Mardi (événement, 30 mars 2027)"}


def test_the_calendar_holds_past_and_coming_events_in_the_pages_language(
    client, site_profile, make_event, clock
):
    clock(site_time(2027, 3, 29))
    make_event(title="Visite passée", title_en="Past visit", starts_at=site_time(2027, 3, 1, 10))
    make_event(title="Cérémonie", title_en="Ceremony", place_en="Council chamber", online=True)
    make_event(title="Brouillon", published=False)
    french = parsed_calendar(client, "/fr/agenda/agenda.ics")
    assert [event["SUMMARY"] for event in french.events] == ["Visite passée", "Cérémonie"]
    assert french["X-WR-CALNAME"] == "Agenda de Valmont à l’international"
    english = parsed_calendar(client, "/en/events/calendar.ics")
    assert [event["SUMMARY"] for event in english.events] == ["Past visit", "Ceremony"]
    assert english.events[1]["LOCATION"] == "Council chamber, online"
    assert len({event["UID"] for event in english.events}) == 2


def test_an_events_own_calendar_file_carries_its_zone(client, site_profile, make_event):
    event = make_event(
        title="Jumelage",
        starts_at=datetime.datetime(2027, 7, 4, 15, tzinfo=datetime.UTC),
        time_zone="America/Chicago",
        registration_url="https://example.org/register",
    )
    response = client.get(f"/fr/agenda/{event.slug}/evenement.ics")
    assert response["Content-Disposition"] == f'inline; filename="{event.slug}.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    (component,) = calendar.events
    assert component["DTSTART"].params["TZID"] == "America/Chicago"
    assert component.start == datetime.datetime(2027, 7, 4, 10, tzinfo=zoneinfo.ZoneInfo("America/Chicago"))
    assert "Inscription : https://example.org/register" in component["DESCRIPTION"]
    assert sorted(zone["TZID"] for zone in calendar.walk("VTIMEZONE")) == ["America/Chicago", "Europe/Paris"]


def test_the_events_page_links_to_the_calendar(client, site_profile):
    page = client.get("/en/events/").content.decode()
    assert 'href="/en/events/calendar.ics"' in page
