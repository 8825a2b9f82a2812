"""The news and event pages in a real headless Chromium (axe, WCAG 2.1 AA; no other host; no cookie), and
valid HTML (Nu Html Checker), in both languages."""

import datetime

import pytest
from django.contrib.auth.models import User

from tests.dates import site_time

pytestmark = pytest.mark.browser

PAGES = {
    "fr": [
        "/fr/",
        "/fr/actualites/",
        "/fr/actualites/appel-bamako/",
        "/fr/agenda/",
        "/fr/agenda/ceremonie/",
        "/fr/agenda/visite/",
        "/fr/villes-partenaires/haarlem/",
        "/fr/labels-et-distinctions/",
    ],
    "en": [
        "/en/",
        "/en/news/",
        "/en/news/delegation/",
        "/en/events/",
        "/en/events/ceremonie/",
        "/en/events/en-ligne/",
        "/en/networks/network/",
    ],
}


@pytest.fixture
def news_world(site_profile, make_news_item, make_event, make_city, make_network, make_recognition, clock):
    """Two news items (one a call for projects), coming, past and online events, linked to a city, a
    network and a distinction; the clock on 20 March 2027."""
    from networks.models import Distinction

    clock(site_time(2027, 3, 20))
    city = make_city()
    network = make_network()
    distinction = Distinction.objects.create(recognition=make_recognition(), year=2026)
    links = {"partner_cities": [city], "networks": [network], "distinctions": [distinction]}
    make_news_item(
        slug="appel-bamako",
        title="Appel à projets pour les associations",
        title_en="Call for projects for associations",
        summary_en="Associations may apply.",
        body_fr="Les dossiers sont à déposer **en ligne**.",
        deadline=site_time(2027, 4, 30, 23, 59),
        links=links,
    )
    make_news_item(
        slug="delegation", title="Délégation en visite", date=datetime.date(2027, 3, 2), links=links
    )
    make_event(
        slug="ceremonie",
        title="Cérémonie anniversaire",
        title_en="Anniversary ceremony",
        registration_url="https://example.org/inscription",
        links=links,
    )
    make_event(slug="visite", title="Visite passée", starts_at=site_time(2027, 3, 1, 10), links=links)
    make_event(
        slug="en-ligne",
        title="Rencontre en ligne",
        place_fr="",
        online=True,
        starts_at=datetime.datetime(2027, 4, 2, 15, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2027, 4, 3, 15, tzinfo=datetime.UTC),
        time_zone="America/New_York",
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pages_have_no_accessibility_violation_and_ask_no_other_host(browser_page, news_world, language):
    for path in PAGES[language]:
        response = browser_page.visit(path)
        assert response.status == 200, path
        assert browser_page.axe_violations() == [], path
    assert browser_page.foreign_requests() == []
    assert browser_page.console_errors == []
    assert browser_page.context.cookies() == []


def test_pages_are_valid_html(client, news_world, html_validator):
    paths = [*PAGES["fr"], *PAGES["en"], "/fr/agenda/apercu/ceremonie/", "/en/news/preview/delegation/"]
    client.force_login(User.objects.create(username="editor", is_staff=True, is_superuser=True))
    documents = {path: client.get(path).content.decode() for path in paths}
    assert all("<main" in html for html in documents.values())
    assert html_validator(documents) == {}


def test_the_pages_of_a_site_without_news_are_valid_html(client, site_profile, html_validator):
    paths = ["/fr/actualites/", "/fr/agenda/", "/en/news/", "/en/events/", "/en/"]
    documents = {path: client.get(path).content.decode() for path in paths}
    assert "Aucune actualité n’a encore été publiée." in documents["/fr/actualites/"]
    assert "No event has been published yet." in documents["/en/events/"]
    assert html_validator(documents) == {}
