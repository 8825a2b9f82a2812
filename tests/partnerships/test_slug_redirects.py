"""A shared link to a city, a programme or a theme keeps working after staff change its slug: the former
address answers 301 to the current page, in the same language (angers_intl/slug_redirects.py)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from angers_intl.models import SlugRedirect
from partnerships.models import PartnerCity, Programme, Theme
from tests.admin_forms import admin_form_data

CITY_PAGES = {"fr": "/fr/villes-partenaires/{}/", "en": "/en/partner-cities/{}/"}
PROGRAMME_PAGES = {"fr": "/fr/villes-partenaires/programmes/{}/", "en": "/en/partner-cities/programmes/{}/"}


def rename(record, slug):
    record.slug = slug
    record.save()


def assert_moved(client, pages, old, new):
    for language, page in pages.items():
        response = client.get(page.format(old))
        assert response.status_code == 301, (language, response.status_code)
        assert response["Location"] == page.format(new)
        assert client.get(page.format(new)).status_code == 200


def test_a_slug_changed_in_the_admin_redirects_in_both_languages(client, staff_client, partner_world):
    brzezno = PartnerCity.objects.get(slug="brzezno")
    change = f"/admin/partnerships/partnercity/{brzezno.pk}/change/"
    form = admin_form_data(staff_client.get(change))
    assert staff_client.post(change, {**form, "slug": "brzezno-pomorskie"}).status_code == 302

    assert_moved(client, CITY_PAGES, "brzezno", "brzezno-pomorskie")
    # The query string goes along.
    response = client.get("/en/partner-cities/brzezno/?utm_source=newsletter")
    assert response["Location"] == "/en/partner-cities/brzezno-pomorskie/?utm_source=newsletter"


def test_a_chain_of_changes_leads_straight_to_the_current_page(client, partner_world):
    city = PartnerCity.objects.get(slug="sorvik")
    rename(city, "sorvik-1")
    rename(PartnerCity.objects.get(pk=city.pk), "sorvik-2")

    assert_moved(client, CITY_PAGES, "sorvik", "sorvik-2")
    assert_moved(client, CITY_PAGES, "sorvik-1", "sorvik-2")


def test_a_slug_that_becomes_current_again_stops_redirecting(client, partner_world):
    city = PartnerCity.objects.get(slug="kalani")
    rename(city, "kalani-mali")
    rename(city, "kalani")

    assert client.get("/fr/villes-partenaires/kalani/").status_code == 200
    assert_moved(client, CITY_PAGES, "kalani-mali", "kalani")
    assert list(SlugRedirect.objects.values_list("old_slug", flat=True)) == ["kalani-mali"]


def test_a_former_slug_another_city_takes_is_that_citys(client, partner_world):
    rename(PartnerCity.objects.get(slug="marbeck"), "marbeck-am-see")
    rename(PartnerCity.objects.get(slug="eastwold"), "marbeck")

    response = client.get("/en/partner-cities/marbeck/")
    assert response.status_code == 200
    assert response.context["city"].name_fr == "Eastwold"
    assert not SlugRedirect.objects.filter(old_slug="marbeck").exists()


def test_deleting_the_city_deletes_its_former_addresses(client, partner_world):
    city = PartnerCity.objects.get(slug="haiqiao")
    rename(city, "haiqiao-zhen")
    city.delete()

    assert not SlugRedirect.objects.exists()
    assert client.get("/fr/villes-partenaires/haiqiao/").status_code == 404


def test_an_unpublished_city_gives_its_new_slug_away_to_staff_only(client, staff_client, partner_world):
    city = PartnerCity.objects.get(slug="vinaterra")
    city.published = False
    rename(city, "vinaterra-toscana")

    assert client.get("/fr/villes-partenaires/vinaterra/").status_code == 404
    response = staff_client.get("/en/partner-cities/preview/vinaterra/")
    assert response.status_code == 301
    assert response["Location"] == "/en/partner-cities/preview/vinaterra-toscana/"


def test_programmes_and_themes_keep_their_former_addresses(client, partner_world):
    programme = Programme.objects.get(slug="youth-exchange")
    rename(programme, "youth-exchanges")
    rename(Theme.objects.get(slug="youth"), "young-people")

    assert_moved(client, PROGRAMME_PAGES, "youth-exchange", "youth-exchanges")
    response = client.get("/fr/villes-partenaires/", {"theme": "youth", "type": "twinning"})
    assert response.status_code == 301
    assert response["Location"] == "/fr/villes-partenaires/?theme=young-people&type=twinning"
    assert client.get(response["Location"]).status_code == 200


def test_normal_pages_never_look_for_former_addresses(client, partner_world):
    rename(PartnerCity.objects.get(slug="sorvik"), "sorvik-2")
    with CaptureQueriesContext(connection) as queries:
        for path in [
            "/fr/villes-partenaires/sorvik-2/",
            "/en/partner-cities/?theme=youth",
            "/fr/villes-partenaires/",
        ]:
            assert client.get(path).status_code == 200
    assert not [query for query in queries if SlugRedirect._meta.db_table in query["sql"]]


def test_one_former_slug_leads_to_one_record_of_a_kind(partner_world):
    city = PartnerCity.objects.get(slug="sorvik")
    rename(city, "sorvik-2")
    kind = ContentType.objects.get_for_model(PartnerCity)
    other = PartnerCity.objects.get(slug="kalani")

    with pytest.raises(IntegrityError):
        SlugRedirect.objects.create(content_type=kind, object_id=other.pk, old_slug="sorvik")
