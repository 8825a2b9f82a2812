"""Another city runs the same code: a small invented city, loaded from its own content folder into an empty
database, shows its own name everywhere and the name of the bundled city nowhere."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from angers_intl.models import LegalPage, SiteProfile
from networks.models import Distinction, Network, Recognition
from partnerships.models import Milestone, PartnerCity
from tests.site_crawl import crawl_public_site

SECOND_CITY = Path(__file__).parent / "fixtures" / "second_city"


@pytest.fixture
def second_city(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    assert not PartnerCity.objects.exists()  # an empty database
    call_command("load_content", str(SECOND_CITY), stdout=io.StringIO())


@pytest.fixture
def second_city_site(second_city, client):
    return crawl_public_site(client)


def test_the_second_city_loads_into_an_empty_database(second_city):
    assert SiteProfile.objects.get().city_name_en == "Valmont"
    assert set(PartnerCity.objects.values_list("slug", flat=True)) == {"brennhausen", "lumera", "sarvoja"}
    assert Milestone.objects.count() == 4
    assert PartnerCity.objects.get(slug="brennhausen").image.width == 64
    assert Network.objects.count() == Recognition.objects.count() == Distinction.objects.count() == 1
    assert LegalPage.objects.count() == 3


def test_every_public_page_of_the_second_city_answers_in_both_languages(second_city_site):
    assert not second_city_site.broken_links
    assert not second_city_site.truncated
    paths = set(second_city_site.pages)
    assert {"/fr/", "/en/"} <= paths
    assert any(path.startswith("/fr/villes-partenaires/brennhausen") for path in paths)
    assert any(path.startswith("/en/partner-cities/brennhausen") for path in paths)
    for url, response in second_city_site.pages.items():
        assert "Valmont" in response.content.decode(), url


def test_no_public_page_of_the_second_city_names_the_bundled_city(second_city_site):
    naming = {
        url: re.findall(r".{0,60}Angers.{0,60}", response.content.decode())
        for url, response in second_city_site.pages.items()
        if "Angers" in response.content.decode()
    }
    assert naming == {}
