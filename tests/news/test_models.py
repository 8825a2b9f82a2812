"""News and events: their invariants (database constraints with their messages beside the field), and what
moves with the clock (coming or past, a call open or closed), in the database and on a loaded record."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from news.models import Event, NewsItem
from tests.dates import site_time


def errors_of(record):
    with pytest.raises(ValidationError) as raised:
        record.full_clean()
    return raised.value.message_dict


def test_an_event_that_ends_before_it_starts_is_refused_beside_its_end(make_event, in_english):
    event = make_event()
    event.ends_at = event.starts_at - datetime.timedelta(minutes=1)
    assert errors_of(event)["ends_at"] == ["The event cannot end before it starts: choose a later end."]
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


def test_an_event_may_end_when_it_starts(make_event):
    event = make_event()
    event.ends_at = event.starts_at
    event.full_clean()


@pytest.mark.parametrize("url", ["ftp://example.org/form", "javascript:alert(1)", "mailto:a@example.org"])
def test_a_registration_link_must_be_a_web_address(make_event, in_english, url):
    event = make_event()
    event.registration_url = url
    assert "Enter a web address starting with http:// or https://." in errors_of(event)["registration_url"]


def test_the_database_refuses_a_registration_link_that_is_not_http(make_event):
    event = make_event()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(registration_url="ftp://example.org/")


def test_a_registration_link_in_https_is_accepted(make_event):
    event = make_event(registration_url="https://example.org/register")
    event.full_clean()


@pytest.mark.parametrize("hours", [-1, 3])
def test_an_events_deadline_must_fall_within_its_dates(make_event, in_french, hours):
    event = make_event()  # 18:00 to 20:00
    event.deadline = event.starts_at + datetime.timedelta(hours=hours)
    assert errors_of(event)["deadline"] == [
        "La date limite doit tomber pendant l’événement, entre son début et sa fin."
    ]


def test_an_event_with_its_deadline_at_its_end_is_valid(make_event):
    event = make_event()
    event.deadline = event.ends_at
    event.full_clean()


def test_a_news_slug_cannot_take_the_address_of_the_feed(make_news_item, in_english):
    item = make_news_item()
    item.slug = "feed"
    assert errors_of(item)["slug"] == ["This slug is the address of another page; choose another slug."]


def test_a_call_is_open_until_its_deadline_and_closed_from_it(make_news_item, clock):
    deadline = site_time(2027, 4, 1, 12)
    item = make_news_item(deadline=deadline)
    make_news_item(title="Sans appel")
    clock(deadline - datetime.timedelta(seconds=1), tick=False)
    assert item.is_open()
    assert list(NewsItem.objects.calls_open()) == [item]
    assert not NewsItem.objects.calls_closed().exists()
    clock(deadline, tick=False)
    assert not item.is_open()
    assert not NewsItem.objects.calls_open().exists()
    assert list(NewsItem.objects.calls_closed()) == [item]


def test_coming_and_past_events_under_a_fixed_clock(make_event, clock):
    clock(site_time(2027, 3, 28, 19), tick=False)
    past = make_event(starts_at=site_time(2027, 3, 1, 10))
    ongoing = make_event(starts_at=site_time(2027, 3, 28, 18))  # until 20:00
    coming = make_event(starts_at=site_time(2027, 3, 30, 18))
    assert list(Event.objects.coming()) == [ongoing, coming]
    assert list(Event.objects.past()) == [past]
    assert [(event, event.is_over) for event in Event.objects.coming_then_past()] == [
        (ongoing, False),
        (coming, False),
        (past, True),
    ]
    assert [event.is_past() for event in (past, ongoing, coming)] == [True, False, False]


def test_an_events_times_are_shown_in_its_own_zone(make_event):
    event = make_event(
        starts_at=datetime.datetime(2027, 3, 30, 16, tzinfo=datetime.UTC), time_zone="America/New_York"
    )
    assert event.local_start.hour == 12  # daylight saving time in New York since 14 March 2027
    assert event.local_start.utcoffset() == datetime.timedelta(hours=-4)


def test_an_unknown_time_zone_is_refused(make_event, in_english):
    event = make_event()
    event.time_zone = "Mars/Olympus_Mons"
    assert errors_of(event)["time_zone"] == ["Choose a time zone from the list, such as Europe/Paris."]
