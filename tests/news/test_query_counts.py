"""Each page of news and events runs the same number of queries for 5 items as for 50, whatever they link
to (the site profile of the layout included).

Measured: news list 3 (the profile, the count for the pagination, the page's news), events page 3, a news
item's page 5 and an event's page 5 (the profile, the item, the partner cities, programmes and networks it
links to), the home page 5 (the profile, the figures, the network count, the latest news, the next events),
the Atom feed 3, the iCalendar feed 2.
"""

import datetime

import pytest

from news.models import Event, NewsItem
from tests.dates import site_time

PAGES = {
    "news list": ("/en/news/", 3),
    "events": ("/en/events/", 3),
    "news item": ("/en/news/news-0/", 5),
    "event": ("/en/events/event-0/", 5),
    "home": ("/en/", 5),
    "feed": ("/en/news/feed/", 3),
    "calendar": ("/en/events/calendar.ics", 2),
}


@pytest.fixture
def make_many(make_city, make_network):
    city = make_city()
    network = make_network()

    def make(count):
        start = NewsItem.objects.count()
        news = NewsItem.objects.bulk_create(
            NewsItem(
                slug=f"news-{number}",
                title_fr=f"Nouvelle {number}",
                title_en=f"News {number}",
                summary_fr="Résumé.",
                date=datetime.date(2027, 1, 1) + datetime.timedelta(days=number),
                deadline=site_time(2027, 6, 1) if number % 2 else None,
                published=True,
            )
            for number in range(start, start + count)
        )
        events = Event.objects.bulk_create(
            Event(
                slug=f"event-{number}",
                title_fr=f"Événement {number}",
                title_en=f"Event {number}",
                summary_fr="Résumé.",
                starts_at=site_time(2027, 3, 1) + datetime.timedelta(days=number),
                ends_at=site_time(2027, 3, 1, 14) + datetime.timedelta(days=number),
                published=True,
            )
            for number in range(start, start + count)
        )
        for record in [*news, *events]:
            record.partner_cities.add(city)
            record.networks.add(network)

    return make


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_the_number_of_items(
    client, site_profile, make_many, django_assert_num_queries, settings, clock, name
):
    clock(site_time(2027, 3, 20))
    settings.PUBLIC_LIST_PAGE_SIZE = 1000
    path, expected = PAGES[name]
    make_many(5)
    with django_assert_num_queries(expected):
        small = client.get(path)
    make_many(45)
    with django_assert_num_queries(expected):
        large = client.get(path)
    assert small.status_code == large.status_code == 200
    if name in {"news list", "events", "calendar"}:
        assert b"49" in large.content
        assert b"49" not in small.content
