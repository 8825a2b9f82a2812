"""At scale (5,000 partner cities, 500 programmes, 15,000 key dates, 200 networks, 500 distinctions,
60 newsletter issues, 1,000 news items and 1,000 events) every public page runs the same number of queries as with a handful of records, at
most 10, and no HTML page is larger than 300 KB: every list is paginated, the timeline too, and the map
groups its cities by area.

The data is built once for the module with bulk_create, committed beside the tests' transactions and
flushed at the end (the `public_site` pattern of tests/conftest.py). Fragment caching stays off (the
tests' default), so every request is a full render.
"""

import re
from datetime import timedelta
from decimal import Decimal
from html import unescape
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from networks.models import Distinction, Network, NetworkKind, NetworkScope, Recognition, RecognitionKind
from news.models import Event, NewsItem
from newsletter.models import NewsletterIssue
from partnerships.maps import WORLD, Zone
from partnerships.models import AgreementType, Milestone, PartnerCity, Programme, Theme
from tests.conftest import committed_test_city

SMALL, LARGE = "small", "large"
CITIES, PROGRAMMES, KEY_DATES, NETWORKS, RECOGNITIONS, YEARS = 5000, 500, 15_000, 200, 100, 5
ISSUES = 60
NEWS = EVENTS = 1000
MAX_QUERIES = 10
MAX_PAGE_BYTES = 300 * 1024
EUROPE = Zone.of(0, 48, 2).key  # a cell of the world map's grid (12°), which the built cities cover

# One page of every public URL pattern, with the status it answers. {issue} is the latest issue's id.
PAGES = {
    "home": ("/fr/", 200),
    "city list": ("/en/partner-cities/", 200),
    "filtered city list": ("/en/partner-cities/?type=twinning&page=1", 200),
    "city page": ("/en/partner-cities/city-0/", 200),
    "programme page": ("/en/partner-cities/programmes/scale-programme-0/", 200),
    "map": ("/en/partner-cities/map/", 200),
    "map of a zone": (f"/en/partner-cities/map/?zone={EUROPE}", 200),
    "timeline": ("/en/partner-cities/timeline/", 200),
    "network list": ("/en/networks/", 200),
    "network page": ("/en/networks/scale-network-0/", 200),
    "labels and awards": ("/en/labels-and-awards/", 200),
    "newsletter": ("/en/newsletter/", 200),
    "check your inbox": ("/en/newsletter/check-your-inbox/", 200),
    "unsubscribe request": ("/en/newsletter/unsubscribe/", 200),
    "unsubscribe link sent": ("/en/newsletter/unsubscribe/link-sent/", 200),
    "confirmation link (invalid)": ("/en/newsletter/confirm/not-a-token/", 400),
    "unsubscribe link (invalid)": ("/en/newsletter/unsubscribe/not-a-token/", 400),
    "newsletter archive": ("/en/newsletter/issues/", 200),
    "newsletter issue": ("/en/newsletter/issues/{issue}/", 200),
    "legal notice": ("/fr/mentions-legales/", 200),
    "personal data": ("/en/personal-data/", 200),
    "accessibility": ("/en/accessibility/", 200),
    "news list": ("/en/news/", 200),
    "news item": ("/en/news/delegation-en-visite/", 200),
    "events": ("/en/events/", 200),
    "event page": ("/en/events/ceremonie-anniversaire/", 200),
    "news feed": ("/en/news/feed/", 200),
    "events calendar": ("/en/events/calendar.ics", 200),
    "event calendar": ("/en/events/ceremonie-anniversaire/event.ics", 200),
    "sitemap of the news": ("/sitemap-news.xml?p=1", 200),
    # Data, not pages: their queries are checked, not their size.
    "newsletter feed": ("/en/newsletter/issues/feed/", 200),
    "open data (CSV)": ("/en/partner-cities/open-data.csv", 200),
    "open data (JSON)": ("/en/partner-cities/open-data.json", 200),
    "sitemap index": ("/sitemap.xml", 200),
    "sitemap section": ("/sitemap-partner-cities.xml?p=1", 200),
}
DATA = {
    "newsletter feed",
    "open data (CSV)",
    "open data (JSON)",
    "sitemap index",
    "sitemap section",
    "news feed",
    "events calendar",
    "event calendar",
    "sitemap of the news",
}

# The paginated lists at scale: a path, and what identifies one item of the list in its HTML.
LISTS = {
    "city list": ("/en/partner-cities/", r'href="/en/partner-cities/(city-\d+)/"'),
    "timeline": (
        "/en/partner-cities/timeline/",
        # The key dates have French titles only: the English page marks them lang="fr".
        r'<h3 class="story__title">(?:<span lang="fr">)?([^<]+)(?:</span>)?</h3>\s*'
        r'<p class="story__subject"><a href="/en/partner-cities/(city-\d+)/"',
    ),
    "network list": ("/en/networks/", r'href="/en/networks/(scale-network-\d+)/"'),
    "labels and awards": ("/en/labels-and-awards/", r'id="(award-\d+)"'),
    "newsletter archive": ("/en/newsletter/issues/", r'href="/en/newsletter/issues/(\d+)/"'),
    "news list": ("/en/news/", r'href="/en/news/(scale-news-\d+)/"'),
    "events": ("/en/events/", r'href="/en/events/(scale-event-\d+)/"'),
}


def build(first_city, cities, programmes, networks, recognitions, issues, news=0, events=0):
    """`cities` more published partner cities (three key dates each, one theme), `programmes`
    programmes of ten cities each, `networks` networks, `recognitions` awards held `YEARS` years each,
    `issues` sent newsletter issues."""
    theme, _created = Theme.objects.get_or_create(slug="culture", defaults={"name_fr": "Culture"})
    made = PartnerCity.objects.bulk_create(
        PartnerCity(
            slug=f"city-{first_city + index}",
            name_fr=f"Ville {first_city + index}",
            name_en=f"City {first_city + index}",
            country=("DE", "NL", "IT", "JP", "US")[index % 5],
            agreement_type=AgreementType.TWINNING if index % 2 else AgreementType.PARTNERSHIP,
            year_started=1950 + index % 70,
            summary_fr="Une ville partenaire.",
            latitude=Decimal(-60 + (index * 7) % 130),
            longitude=Decimal(-170 + (index * 13) % 340),
            published=True,
        )
        for index in range(cities)
    )
    PartnerCity.themes.through.objects.bulk_create(
        PartnerCity.themes.through(partnercity_id=city.pk, theme_id=theme.pk) for city in made
    )
    Milestone.objects.bulk_create(
        Milestone(partner_city=city, year=city.year_started + offset, title_fr=f"Étape {offset}")
        for city in made
        for offset in (0, 5, 10)
    )
    start = Programme.objects.filter(slug__startswith="scale-").count()
    new_programmes = Programme.objects.bulk_create(
        Programme(
            slug=f"scale-programme-{start + i}",
            name_fr=f"Programme {start + i}",
            summary_fr="Un programme.",
            published=True,
        )
        for i in range(programmes)
    )
    Programme.partner_cities.through.objects.bulk_create(
        Programme.partner_cities.through(
            programme_id=programme.pk, partnercity_id=made[(i * 10 + k) % len(made)].pk
        )
        for i, programme in enumerate(new_programmes)
        for k in range(min(10, len(made)))
    )
    start = Network.objects.filter(slug__startswith="scale-").count()
    Network.objects.bulk_create(
        Network(
            slug=f"scale-network-{start + i}",
            name_fr=f"Réseau {start + i}",
            kind=NetworkKind.CITY_NETWORK,
            scope=NetworkScope.EUROPEAN,
            published=True,
        )
        for i in range(networks)
    )
    start = Recognition.objects.filter(slug__startswith="award-").count()
    new_recognitions = Recognition.objects.bulk_create(
        Recognition(
            slug=f"award-{start + i}", name_fr=f"Prix {start + i}", kind=RecognitionKind.AWARD, published=True
        )
        for i in range(recognitions)
    )
    Distinction.objects.bulk_create(
        Distinction(recognition=recognition, year=2000 + year)
        for recognition in new_recognitions
        for year in range(YEARS)
    )
    sent = timezone.now() - timedelta(days=400)
    NewsletterIssue.objects.bulk_create(
        NewsletterIssue(
            subject_fr=f"Lettre {i}",
            subject_en=f"Letter {i}",
            body_fr="Des nouvelles.",
            state=NewsletterIssue.State.SENT,
            sending_started_at=sent - timedelta(days=i),
            sent_at=sent - timedelta(days=i),
        )
        for i in range(issues)
    )
    build_news(made, news=news, events=events)


def build_news(cities, *, news, events):
    """`news` published news items and `events` published events (half of them past), each linked to a
    partner city."""
    now = timezone.now()
    start = NewsItem.objects.filter(slug__startswith="scale-news-").count()
    items = NewsItem.objects.bulk_create(
        NewsItem(
            slug=f"scale-news-{start + i}",
            title_fr=f"Nouvelle {start + i}",
            summary_fr="Une nouvelle.",
            date=timezone.localdate(now) - timedelta(days=1 + i % 700),
            deadline=now + timedelta(days=i % 60 - 30) if i % 3 == 0 else None,
            published=True,
        )
        for i in range(news)
    )
    start = Event.objects.filter(slug__startswith="scale-event-").count()
    made_events = Event.objects.bulk_create(
        Event(
            slug=f"scale-event-{start + i}",
            title_fr=f"Événement {start + i}",
            summary_fr="Un événement.",
            starts_at=now + timedelta(days=i - events // 2),
            ends_at=now + timedelta(days=i - events // 2, hours=2),
            published=True,
        )
        for i in range(events)
    )
    NewsItem.partner_cities.through.objects.bulk_create(
        NewsItem.partner_cities.through(newsitem_id=item.pk, partnercity_id=cities[i % len(cities)].pk)
        for i, item in enumerate(items)
    )
    Event.partner_cities.through.objects.bulk_create(
        Event.partner_cities.through(event_id=event.pk, partnercity_id=cities[i % len(cities)].pk)
        for i, event in enumerate(made_events)
    )


def measure(client):
    """{page name: (queries, bytes, HTML)} of every page of PAGES."""
    issue = NewsletterIssue.objects.archived().first()
    results = {}
    for name, (path, status) in PAGES.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path.format(issue=issue.pk))
        assert response.status_code == status, (path, response.status_code)
        results[name] = (len(queries), len(response.content), response.content.decode())
    return results


def on_the_world_map():
    """The published cities inside the world map's frame (Antarctica is left out)."""
    located = PartnerCity.objects.published().located()
    return located.filter(
        latitude__range=(WORLD.south, WORLD.north), longitude__range=(WORLD.west, WORLD.east)
    )


@pytest.fixture(scope="module")
def scale(django_db_setup, django_db_blocker, shared_client_handler):
    """`.measured` {size: {page name: (queries, bytes, HTML)}} with a few records, then at scale;
    `.small_cities` the names of the cities on the world map with a few records, `.small_table` those
    with coordinates; `.on_the_map` the number at scale; `.get(path)` a page at scale."""
    client = Client()
    client.handler = shared_client_handler

    def get(path):
        with django_db_blocker.unblock():
            return client.get(path)

    with committed_test_city(django_db_blocker):
        with django_db_blocker.unblock():
            build(0, cities=5, programmes=2, networks=2, recognitions=2, issues=0, news=3, events=3)
            small = measure(client)
            small_cities = set(on_the_world_map().values_list("name_en", flat=True))
            small_table = set(PartnerCity.objects.published().located().values_list("name_en", flat=True))
            build(
                5,
                cities=CITIES - 5,
                programmes=PROGRAMMES - 2,
                networks=NETWORKS - 2,
                recognitions=RECOGNITIONS - 2,
                issues=ISSUES,
                news=NEWS - 3,
                events=EVENTS - 3,
            )
            assert Milestone.objects.filter(partner_city__slug__startswith="city-").count() == KEY_DATES
            assert (
                Distinction.objects.filter(recognition__slug__startswith="award-").count()
                == RECOGNITIONS * YEARS
            )
            large = measure(client)
            on_the_map = on_the_world_map().count()
        yield SimpleNamespace(
            measured={SMALL: small, LARGE: large},
            small_cities=small_cities,
            small_table=small_table,
            on_the_map=on_the_map,
            get=get,
        )


# The tests only read the module's data, but pytest-django creates the test database for marked tests only.
@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_every_page_runs_the_same_few_queries_at_scale(scale, name):
    small_queries, _size, _html = scale.measured[SMALL][name]
    large_queries, _size, _html = scale.measured[LARGE][name]
    assert large_queries == small_queries <= MAX_QUERIES


@pytest.mark.django_db
@pytest.mark.parametrize("name", [name for name in PAGES if name not in DATA])
def test_no_page_is_larger_than_300_kb_at_scale(scale, name):
    _queries, size, _html = scale.measured[LARGE][name]
    assert size <= MAX_PAGE_BYTES


# Pagination


def items(html, pattern):
    return set(re.findall(pattern, html))


@pytest.mark.django_db
@pytest.mark.parametrize("name", LISTS)
def test_the_second_page_of_a_list_shows_what_the_first_does_not(scale, name):
    path, pattern = LISTS[name]
    first, second = scale.get(path), scale.get(f"{path}?page=2")
    assert first.status_code == second.status_code == 200
    first_html, second_html = first.content.decode(), second.content.decode()
    assert items(first_html, pattern)
    assert items(second_html, pattern)
    assert not items(first_html, pattern) & items(second_html, pattern)
    # The page links: page 1 leads to page 2, which says it is the current one and leads back.
    assert 'href="?page=2" rel="next"' in first_html
    assert re.search(r'<a href="\?page=2" aria-current="page">', second_html)
    assert 'href="?page=1" rel="prev"' in second_html


@pytest.mark.django_db
@pytest.mark.parametrize("name", LISTS)
def test_the_last_page_of_a_list_has_no_next_page(scale, name):
    path, pattern = LISTS[name]
    response = scale.get(f"{path}?page=last")
    html = response.content.decode()
    assert response.status_code == 200
    assert items(html, pattern)
    assert 'rel="next"' not in html
    assert 'rel="prev"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("page", ["9999", "0", "two"])
def test_a_page_the_list_does_not_have_says_so_in_english(scale, name, page):
    path, _pattern = LISTS[name]
    response = scale.get(f"{path}?page={page}")
    html = unescape(response.content.decode())
    assert response.status_code == 404
    assert re.search(r"This list has no such page: it has \d+ pages\.", html)
    assert f'<a href="{path}">Go to the first page of the list</a>' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/fr/reseaux/", "/fr/villes-partenaires/chronologie/", "/fr/lettre-d-information/numeros/"]
)
def test_a_page_the_list_does_not_have_says_so_in_french(scale, path):
    response = scale.get(f"{path}?page=abc")
    html = unescape(response.content.decode())
    assert response.status_code == 404
    assert re.search(r"Cette liste n’a pas cette page : elle en compte \d+\.", html)
    assert f'<a href="{path}">Aller à la première page de la liste</a>' in html


@pytest.mark.django_db
def test_a_filtered_list_keeps_its_filters_in_the_link_to_its_first_page(scale):
    response = scale.get("/en/partner-cities/?type=twinning&page=999")
    assert response.status_code == 404
    assert '<a href="/en/partner-cities/?type=twinning">Go to the first page of the list</a>' in (
        unescape(response.content.decode())
    )


@pytest.mark.django_db
def test_the_timeline_links_each_decade_to_the_page_where_it_begins(scale):
    html = scale.get("/en/partner-cities/timeline/").content.decode()
    decades = dict(re.findall(r'<a href="(\?page=\d+#year-\d+)">(\d{4})s</a>', html))
    assert set(decades.values()) >= {"1950", "1960", "1970", "1980", "1990", "2000", "2010"}
    link = next(link for link, decade in decades.items() if decade == "1980")
    page, year = re.fullmatch(r"\?page=(\d+)#year-(\d+)", link).groups()
    assert year == "1980"
    target = scale.get(f"/en/partner-cities/timeline/?page={page}").content.decode()
    assert 'id="year-1980"' in target
    previous = scale.get(f"/en/partner-cities/timeline/?page={int(page) - 1}").content.decode()
    assert "1980" not in re.findall(r'class="story__year-title">(\d{4})', previous)


@pytest.mark.django_db
def test_a_year_cut_by_a_page_break_says_it_continues(scale):
    # At scale a year has some 200 events: the second page of 100 continues the first page's year.
    first = scale.get("/en/partner-cities/timeline/").content.decode()
    second = unescape(scale.get("/en/partner-cities/timeline/?page=2").content.decode())
    last_year_of_first = re.findall(r'id="year-(\d{4})"', first)[-1]
    assert re.search(
        rf'class="story__year-title">{last_year_of_first} <span class="story__continued">'
        r"\(continued\)</span>",
        second,
    )
    assert f'id="year-{last_year_of_first}"' not in second


# The map


def marker_names(html):
    return set(re.findall(r'class="map__marker" aria-label="([^"(]+) \(', unescape(html)))


def group_counts(html):
    return [int(count) for count in re.findall(r'class="map__group-count"[^>]*>(\d+)</text>', html)]


@pytest.mark.django_db
def test_with_a_few_cities_the_map_shows_each_city_and_lists_them(scale):
    _queries, _size, html = scale.measured[SMALL]["map"]
    assert group_counts(html) == []
    # Each city is a link on the world map or on a detail map, and a row of the table.
    assert marker_names(html) == scale.small_cities
    rows = set(re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', unescape(html)))
    assert rows == scale.small_table


@pytest.mark.django_db
def test_at_scale_the_world_map_groups_the_cities_by_area_and_counts_them_all(scale):
    _queries, _size, html = scale.measured[LARGE]["map"]
    counts = group_counts(html)
    assert len(counts) > 50
    assert all(count >= 2 for count in counts)
    assert sum(counts) + len(marker_names(html)) == scale.on_the_map
    # The table counts them by country, each country leading to the list of its cities.
    assert re.search(
        r'<th scope="row"><a href="/en/partner-cities/\?country=DE">Germany</a></th>\s*<td>1001</td>', html
    )
    assert "City 4999" not in html


@pytest.mark.django_db
def test_a_group_leads_to_the_map_of_its_area_down_to_each_city(scale):
    html = scale.measured[LARGE]["map"][2]
    path = "/en/partner-cities/map/"
    link = re.search(
        r'<a href="(\?zone=[\d-]+)" class="map__group" aria-label="(\d+) partner cities \(', html
    )
    levels = 0
    while link:
        levels += 1
        response = scale.get(path + link[1])
        assert response.status_code == 200
        html = response.content.decode()
        assert "See the world map" in html
        link = re.search(r'<a href="(\?zone=[\d-]+)" class="map__group"', html)
    assert levels >= 1
    # The last map shows cities, each a link to its page and a row of the table.
    names = marker_names(html)
    assert names
    assert names <= set(re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', unescape(html)))


@pytest.mark.django_db
@pytest.mark.parametrize("zone", ["europe", "0-999-0", "7-1-1", "0-1", "1-2-3-4", "-1-2-3"])
def test_a_zone_the_map_does_not_have_is_not_found(scale, zone):
    assert scale.get(f"/en/partner-cities/map/?zone={zone}").status_code == 404
