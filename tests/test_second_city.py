"""Another city runs the same code: the invented town of Valmont, loaded from its own content folder into an
empty database, shows its own name everywhere and the name of the bundled city nowhere. The same folder is
the content of the suite's crawls (`public_site`, `site_in_browser`), so it holds every kind of public page."""

import datetime
import re

import pytest

from angers_intl.models import LegalPage, SiteProfile
from networks.models import Distinction, Network, NetworkFigure, Recognition, RecognitionLevel
from partnerships.models import Milestone, PartnerCity, Programme, Theme
from tests.site_crawl import crawl_public_site


@pytest.fixture
def second_city_site(test_city, client):
    return crawl_public_site(client)


def test_the_second_city_loads_into_an_empty_database(test_city):
    assert SiteProfile.objects.get().city_name_en == "Valmont"
    assert set(PartnerCity.objects.values_list("slug", flat=True)) == {"brennhausen", "lumera", "sarvoja"}
    assert Milestone.objects.count() == 4
    assert PartnerCity.objects.get(slug="brennhausen").image.width == 64
    assert set(Theme.objects.values_list("slug", flat=True)) == {"culture", "youth", "environment"}
    programme = Programme.objects.get()
    assert sorted(programme.partner_cities.values_list("slug", flat=True)) == ["brennhausen", "sarvoja"]
    assert set(Network.objects.values_list("slug", flat=True)) == {"villes-des-vallees", "eau-vive"}
    assert NetworkFigure.objects.count() == 3
    assert Recognition.objects.count() == Distinction.objects.count() == 4
    assert list(
        RecognitionLevel.objects.filter(recognition__slug="rubans-de-la-vallee").values_list(
            "rank", flat=True
        )
    ) == [1, 2, 3]
    assert LegalPage.objects.count() == 3


def test_every_kind_of_public_page_of_the_second_city_answers_in_both_languages(second_city_site):
    assert not second_city_site.broken_links
    assert not second_city_site.truncated
    paths = {path for path in second_city_site.pages if "?" not in path}
    assert paths == {
        *("/fr/", "/en/", "/fr/lettre-d-information/", "/en/newsletter/"),
        *("/fr/lettre-d-information/numeros/", "/en/newsletter/issues/"),
        *("/fr/mentions-legales/", "/fr/donnees-personnelles/", "/fr/accessibilite/"),
        *("/en/legal-notice/", "/en/personal-data/", "/en/accessibility/"),
        *("/fr/villes-partenaires/", "/fr/villes-partenaires/carte/", "/fr/villes-partenaires/chronologie/"),
        *("/en/partner-cities/", "/en/partner-cities/map/", "/en/partner-cities/timeline/"),
        *(f"/fr/villes-partenaires/{slug}/" for slug in ("brennhausen", "lumera", "sarvoja")),
        *(f"/en/partner-cities/{slug}/" for slug in ("brennhausen", "lumera", "sarvoja")),
        "/fr/villes-partenaires/programmes/choeurs-sans-frontieres/",
        "/en/partner-cities/programmes/choeurs-sans-frontieres/",
        *("/fr/reseaux/", "/fr/reseaux/villes-des-vallees/", "/fr/reseaux/eau-vive/"),
        *("/en/networks/", "/en/networks/villes-des-vallees/", "/en/networks/eau-vive/"),
        "/fr/labels-et-distinctions/",
        "/en/labels-and-awards/",
        # The news and events lists, empty (the folder has no news: the crawls of the suite add some).
        *("/fr/actualites/", "/fr/agenda/", "/en/news/", "/en/events/"),
    }
    for url, response in second_city_site.pages.items():
        assert "Valmont" in response.content.decode(), url


def test_the_labels_page_shows_the_ladder_and_current_expired_and_periodic_distinctions(
    test_city, client, clock
):
    clock(datetime.date(2026, 1, 15))
    page = client.get("/en/labels-and-awards/").content.decode()
    assert (
        '<span class="ladder__name">Silver Ribbon</span> <span class="ladder__status">reached by the city in 2020</span>'
        in page
    )
    assert (
        '<span class="ladder__name">Gold Ribbon</span> <span class="ladder__status">not reached</span>'
        in page
    )
    assert "Awarded for 3 years at a time, then renewed" in page
    assert "2023 (valid until March 31, 2099)" in page
    assert "<strong>Previously:</strong> 2016 (expired on Dec. 31, 2018)" in page


def test_no_public_page_of_the_second_city_names_the_bundled_city(second_city_site):
    naming = {
        url: re.findall(r".{0,60}Angers.{0,60}", response.content.decode())
        for url, response in second_city_site.pages.items()
        if "Angers" in response.content.decode()
    }
    assert naming == {}
