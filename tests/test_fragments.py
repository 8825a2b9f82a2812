"""Fragment caching (angers_intl/fragments.py): a cache miss of a page with a new query string reuses the
parts that do not depend on it, shows the same HTML, and no fragment outlives a save or a preview."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from angers_intl.models import SiteProfile
from partnerships.models import PartnerCity

PAGES = ["/fr/", "/en/partner-cities/", "/en/partner-cities/{slug}/", "/fr/mentions-legales/"]


@pytest.fixture
def fragments_on(settings):
    settings.FRAGMENT_CACHE_SECONDS = 60


def without_form_stamp(html):
    """The footer form's signed "shown at" stamp is the one part that changes with the clock."""
    return re.sub(r'name="issued" value="[^"]*"', 'name="issued"', html)


def page(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return without_form_stamp(response.content.decode()), len(queries)


@pytest.mark.parametrize("path", PAGES)
def test_a_new_query_string_reuses_the_fragments_and_shows_the_same_page(
    client, test_city, fragments_on, path
):
    path = path.format(slug=PartnerCity.objects.published().order_by("pk").first().slug)
    first, first_queries = page(client, f"{path}?q=1")
    second, second_queries = page(client, f"{path}?q=2")
    assert second.replace("q=2", "q=1") == first
    assert second_queries < first_queries


def test_the_fragments_are_those_the_page_would_render_without_them(client, test_city, settings):
    path = "/en/partner-cities/?type=twinning"
    settings.FRAGMENT_CACHE_SECONDS = 0
    uncached, _queries = page(client, path)
    settings.FRAGMENT_CACHE_SECONDS = 60
    page(client, path)
    cached, _queries = page(client, path)
    assert cached == uncached


def test_a_filtered_list_gets_its_own_results(client, test_city, fragments_on):
    everything, _queries = page(client, "/en/partner-cities/")
    twinnings = PartnerCity.objects.published().filter(agreement_type="twinning")
    others = PartnerCity.objects.published().exclude(agreement_type="twinning")
    assert twinnings.exists()
    assert others.exists()
    filtered, _queries = page(client, "/en/partner-cities/?type=twinning")
    assert filtered != everything
    assert others.first().name_en not in filtered.split('id="results-title"')[1].split("open-data-title")[0]


def test_a_saved_change_shows_at_once(client, test_city, fragments_on):
    city = PartnerCity.objects.published().order_by("pk").first()
    page(client, "/en/partner-cities/")
    page(client, city.get_absolute_url())
    city.name_en = "Renamed In The Admin"
    city.save()
    profile = SiteProfile.objects.get()
    profile.site_title_en = "A New Site Title"
    profile.save()
    for path in ("/en/partner-cities/", f"/en/partner-cities/{city.slug}/"):
        html, _queries = page(client, path)
        assert "Renamed In The Admin" in html
        assert "A New Site Title" in html
