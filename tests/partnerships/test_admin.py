"""The back office, as a member of the Communication group (staff, not superuser) uses it."""

import re

import pytest
from django.contrib.auth.models import Group

from partnerships.models import Milestone, PartnerCity, Programme, Theme


@pytest.fixture(autouse=True)
def cities_to_work_on(make_city):
    """What staff find in the admin: five cities (one with two key dates), two themes, a programme."""
    culture = Theme.objects.create(slug="culture", name_fr="Culture", name_en="Culture")
    health = Theme.objects.create(slug="health", name_fr="Santé", name_en="Health")
    torun = make_city(
        "torun", "Toruń", name_en="Toruń", country="PL", year_started=2011, themes=[culture, health]
    )
    Milestone.objects.create(
        partner_city=torun, year=2011, title_fr="Premiers contacts", title_en="First contacts"
    )
    Milestone.objects.create(partner_city=torun, year=2016, title_fr="Jumelage", title_en="Twinning")
    make_city("pisa", "Pise", name_en="Pisa", country="IT")
    make_city("austin", "Austin", name_en="Austin", country="US")
    make_city("wigan", "Wigan", name_en="Wigan", country="GB")
    haarlem = make_city("haarlem", "Haarlem", name_en="Haarlem")
    programme = Programme.objects.create(
        slug="jeunes-ambassadeurs", name_fr="Jeunes ambassadeurs", summary_fr="Des échanges.", published=True
    )
    programme.partner_cities.add(haarlem)


CITY_FORM = {
    "name_fr": "Turku",
    "name_en": "Turku",
    "slug": "turku",
    "country": "FI",
    "region_fr": "Finlande-Propre",
    "region_en": "Southwest Finland",
    "agreement_type": "friendship",
    "status": "active",
    "year_started": "2020",
    "agreement_signed_on": "",
    "summary_fr": "Une ville finlandaise.",
    "summary_en": "A Finnish city.",
    "body_fr": "Du **texte**.",
    "body_en": "Some **text**.",
    "image_alt_fr": "",
    "image_alt_en": "",
    "image_credit_fr": "",
    "image_credit_en": "",
    # A browser sends the focal point's initial values (the centre) with every form.
    "image_focal_x": "50",
    "image_focal_y": "50",
    "latitude": "60.4518",
    "longitude": "22.2666",
    "website": "https://www.turku.fi/",
    "display_order": "0",
    "milestones-TOTAL_FORMS": "1",
    "milestones-INITIAL_FORMS": "0",
    "milestones-MIN_NUM_FORMS": "0",
    "milestones-MAX_NUM_FORMS": "1000",
    "milestones-0-year": "",
    "milestones-0-date": "2021-06-01",
    "milestones-0-title_fr": "Pacte d’amitié",
    "milestones-0-title_en": "Friendship pact",
    "milestones-0-text_fr": "",
    "milestones-0-text_en": "",
}


def test_communication_group_has_exactly_the_partnership_permissions(communication_user):
    codenames = set(Group.objects.get(name="Communication").permissions.values_list("codename", flat=True))
    expected = {
        f"{action}_{model}"
        for action in ("add", "change", "delete", "view")
        for model in ("partnercity", "milestone", "programme", "theme")
    }
    assert expected <= codenames
    partnership_codenames = set(
        Group.objects.get(name="Communication")
        .permissions.filter(content_type__app_label="partnerships")
        .values_list("codename", flat=True)
    )
    assert partnership_codenames == expected
    assert not communication_user.is_superuser


@pytest.mark.parametrize("language", ["fr", "en"])
def test_admin_pages_open_for_the_communication_group(staff_client, language):
    culture = Theme.objects.get(slug="culture")
    for path in [
        "/admin/",
        "/admin/partnerships/partnercity/",
        "/admin/partnerships/partnercity/add/",
        "/admin/partnerships/partnercity/?agreement_type__exact=twinning&status__exact=active",
        f"/admin/partnerships/partnercity/?country=PL&themes__id__exact={culture.pk}&q=toru",
        "/admin/partnerships/programme/",
        "/admin/partnerships/programme/add/",
        "/admin/partnerships/theme/",
        "/admin/partnerships/theme/add/",
    ]:
        response = staff_client.get(path, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, path


def test_change_pages_open_with_tabs_per_language(staff_client):
    torun = PartnerCity.objects.get(slug="torun")
    html = staff_client.get(f"/admin/partnerships/partnercity/{torun.pk}/change/").content.decode()
    assert 'name="name_fr"' in html
    assert 'name="name_en"' in html
    assert 'name="milestones-1-title_en"' in html  # the key dates inline
    assert re.search(r'<script src="/static/translation_admin/tabs\.[0-9a-f]+\.js"[^>]*\bdefer', html)
    assert "jquery-ui" not in html
    assert "ajax.googleapis.com" not in html
    programme = Programme.objects.get(slug="jeunes-ambassadeurs")
    assert staff_client.get(f"/admin/partnerships/programme/{programme.pk}/change/").status_code == 200
    theme = Theme.objects.get(slug="health")
    assert staff_client.get(f"/admin/partnerships/theme/{theme.pk}/change/").status_code == 200


def test_list_shows_name_country_type_year_status_publication(staff_client):
    html = staff_client.get("/admin/partnerships/partnercity/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for column in [
        "name",
        "country",
        "agreement type",
        "year the relationship began",
        "status",
        "publication",
    ]:
        assert column in html.lower()
    assert ">Live<" in html
    assert "Toruń" in html
    assert "Poland" in html
    assert "Twinning" in html


def test_a_communication_member_adds_a_city_in_both_languages(staff_client):
    response = staff_client.post(
        "/admin/partnerships/partnercity/add/",
        {**CITY_FORM, "themes": [Theme.objects.get(slug="culture").pk]},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    city = PartnerCity.objects.get(slug="turku")
    assert (city.name_fr, city.name_en, city.region_en) == ("Turku", "Turku", "Southwest Finland")
    assert [t.slug for t in city.themes.all()] == ["culture"]
    milestone = Milestone.objects.get(partner_city=city)
    assert (milestone.year, milestone.title_en) == (2021, "Friendship pact")  # year taken from the date


def test_a_communication_member_edits_a_city_and_a_programme(staff_client):
    response = staff_client.post("/admin/partnerships/partnercity/add/", CITY_FORM)
    city = PartnerCity.objects.get(slug="turku")
    change = {
        **CITY_FORM,
        "summary_en": "A city on the Baltic coast.",
        "published": "on",
        "milestones-TOTAL_FORMS": "1",
        "milestones-INITIAL_FORMS": "1",
        "milestones-0-id": str(city.milestones.get().pk),
        "milestones-0-partner_city": str(city.pk),
    }
    response = staff_client.post(f"/admin/partnerships/partnercity/{city.pk}/change/", change)
    assert response.status_code == 302
    city.refresh_from_db()
    assert city.summary_en == "A city on the Baltic coast."
    assert city.published

    programme = Programme.objects.get(slug="jeunes-ambassadeurs")
    response = staff_client.post(
        f"/admin/partnerships/programme/{programme.pk}/change/",
        {
            "name_fr": "Jeunes ambassadeurs",
            "name_en": "Young ambassadors",
            "slug": programme.slug,
            "start_year": "1967",
            "summary_fr": "Résumé.",
            "summary_en": "Summary.",
            "body_fr": "",
            "body_en": "",
            "partner_cities": [city.pk],
            "website": "",
            "published": "on",
            "display_order": "1",
        },
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.name_en == "Young ambassadors"
    assert list(programme.partner_cities.all()) == [city]


def test_admin_shows_a_translated_error_next_to_the_field(staff_client):
    response = staff_client.post(
        "/admin/partnerships/partnercity/add/",
        {**CITY_FORM, "year_started": "1850", "latitude": "95"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Saisissez une année comprise entre 1900 et" in html
    assert "La latitude est comprise entre -90 et 90 degrés." in html
    assert not PartnerCity.objects.filter(slug="turku").exists()


def test_list_sorted_by_name_sorts_by_what_it_displays(staff_client):
    """In English, a city without an English name shows (and sorts by) its French one."""
    PartnerCity.objects.filter(slug="pisa").update(name_en="")
    PartnerCity.objects.filter(slug="austin").update(name_en=None)
    PartnerCity.objects.filter(slug="haarlem").update(name_en="Zz Haarlem")
    html = staff_client.get(
        "/admin/partnerships/partnercity/?o=2", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()  # column 2: the name (column 1 is the thumbnail)
    names = re.findall(r'<td class="field-shown_name"><a href="[^"]+">([^<]+)</a></td>', html)
    assert names == ["Austin", "Pise", "Toruń", "Wigan", "Zz Haarlem"]


def test_view_on_site_opens_the_public_page_or_the_staff_preview(staff_client):
    wigan = PartnerCity.objects.get(slug="wigan")
    change_page = f"/admin/partnerships/partnercity/{wigan.pk}/change/"

    def view_on_site():
        html = staff_client.get(change_page, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        return re.search(r'<a href="([^"]+)" class="viewsitelink">', html).group(1)

    assert view_on_site() == "/en/partner-cities/wigan/"
    PartnerCity.objects.filter(pk=wigan.pk).update(published=False)
    assert view_on_site() == "/en/partner-cities/preview/wigan/"
    assert staff_client.get("/en/partner-cities/preview/wigan/").status_code == 200


def test_a_staff_member_without_permissions_sees_no_dashboard_section(client, django_user_model):
    user = django_user_model.objects.create(username="intern", is_staff=True)
    client.force_login(user)
    page = client.get("/admin/").content.decode()
    assert 'id="dashboard"' not in page


def test_an_image_is_previewed_in_the_form_and_the_list_and_shown_on_the_site(
    staff_client, client, media_root, jpeg_file
):
    haarlem = PartnerCity.objects.get(slug="haarlem")
    form = {
        **CITY_FORM,
        "name_fr": "Haarlem",
        "slug": "haarlem",
        "country": "NL",
        "agreement_type": "twinning",
        "year_started": "1964",
        "latitude": "52.3874",
        "longitude": "4.6462",
        "published": "on",
        "image": jpeg_file("grote-markt.jpg"),
        "image_alt_fr": "La Grote Markt de Haarlem",
        "image_alt_en": "Haarlem’s Grote Markt",
        "image_credit_fr": "Ville de Haarlem",
        "milestones-TOTAL_FORMS": "0",
    }
    response = staff_client.post(f"/admin/partnerships/partnercity/{haarlem.pk}/change/", form)
    assert response.status_code == 302, response.context["adminform"].form.errors
    haarlem.refresh_from_db()
    assert (haarlem.image_width, haarlem.image_height) == (1200, 800)

    change = staff_client.get(f"/admin/partnerships/partnercity/{haarlem.pk}/change/").content.decode()
    assert re.search(
        r'<img src="/media/renditions/partnerships/cities/[0-9a-f]{20}-320w\.webp" width="320"', change
    )
    listing = staff_client.get("/admin/partnerships/partnercity/").content.decode()
    assert re.search(
        r'<img src="/media/renditions/[^"]+-320w\.webp" width="80" height="53" alt="Haarlem"', listing
    )

    public = client.get("/en/partner-cities/haarlem/").content.decode()
    assert re.search(
        r'<img src="/media/renditions/[^"]+-960w\.webp" srcset="[^"]+ 320w, [^"]+ 640w, [^"]+ 960w"', public
    )
    assert 'alt="Haarlem’s Grote Markt"' in public
    assert 'Image: <span lang="fr">Ville de Haarlem</span>' in public  # the credit falls back to French
    assert 'width="960" height="640"' in client.get("/fr/villes-partenaires/").content.decode()
