"""The back office as a member of the Communication group (not a superuser), in French and in English."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from networks.models import (
    Distinction,
    FigureMeasure,
    Network,
    NetworkFigure,
    NetworkKind,
    NetworkScope,
    Recognition,
    Renewal,
)

from .conftest import admin_form_data

LANGUAGES = ["fr", "en"]


@pytest.fixture(autouse=True)
def networks_to_work_on(make_network, make_figure, make_recognition, europe_prize):
    """What staff find in the admin: city networks, two worldwide thematic ones, a four-level ladder (the
    city holds its first level, 2018) and a label renewed every year."""
    uclg = make_network("uclg", acronym_en="UCLG", acronym_fr="CGLU", scope=NetworkScope.WORLDWIDE)
    make_figure(uclg, measure=FigureMeasure.COUNTRIES, value=140)
    make_network("afccre")
    make_network("eurocities")
    for slug in ("global-covenant-of-mayors", "educating-cities"):
        make_network(slug, kind=NetworkKind.THEMATIC_NETWORK, scope=NetworkScope.WORLDWIDE)
    make_network("european-thematic", kind=NetworkKind.THEMATIC_NETWORK)
    make_recognition(
        "tree-cities-of-the-world",
        name_fr="Tree Cities of the World",
        name_en="Tree Cities of the World",
        renewal=Renewal.PERIODIC,
        renewal_period_years=1,
    )


@pytest.mark.parametrize(
    ("language", "heading"),
    [("fr", "Réseaux et reconnaissances"), ("en", "Networks and recognition")],
)
def test_the_admin_index_lists_the_app_for_communication_staff(
    client, communication_staff, language, heading
):
    page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<html lang="{language}"' in page
    assert heading in page
    assert "/admin/networks/network/" in page
    assert "/admin/networks/recognition/" in page
    assert "/admin/networks/distinction/" in page


ADMIN_PAGES = [
    "/admin/networks/network/",
    "/admin/networks/network/add/",
    "/admin/networks/network/?kind__exact=thematic&scope__exact=worldwide",
    "/admin/networks/network/?q=CGLU",
    "/admin/networks/recognition/",
    "/admin/networks/recognition/add/",
    "/admin/networks/recognition/?kind__exact=commitment&validity=current",
    "/admin/networks/distinction/",
    "/admin/networks/distinction/add/",
    "/admin/networks/distinction/?validity=expired",
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_pages_load_in_both_languages(client, communication_staff, language):
    change_pages = [
        f"/admin/networks/{obj._meta.model_name}/{obj.pk}/change/"
        for obj in [
            Network.objects.get(slug="uclg"),
            Recognition.objects.get(slug="europe-prize"),
            Distinction.objects.get(year=2018),
        ]
    ]
    for path in ADMIN_PAGES + change_pages:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, path
        assert f'<html lang="{language}"' in response.content.decode(), path


def test_network_list_filters_by_kind_and_scope_and_searches_acronyms(client, communication_staff):
    listed = client.get("/admin/networks/network/?kind__exact=thematic&scope__exact=worldwide")
    assert {network.slug for network in listed.context["cl"].result_list} == {
        "global-covenant-of-mayors",
        "educating-cities",
    }
    found = client.get("/admin/networks/network/?q=UCLG")
    assert [network.slug for network in found.context["cl"].result_list] == ["uclg"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_edit_a_network_in_both_languages_with_its_figures(client, communication_staff, language):
    network = Network.objects.get(slug="uclg")
    url = f"/admin/networks/network/{network.pk}/change/"
    form = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert form.status_code == 200
    data = admin_form_data(form)
    data |= {
        "name_en": "United Cities and Local Governments (world organisation)",
        "acronym_fr": "CGLU",
        "headquarters_fr": "Barcelone",
        "headquarters_en": "Barcelona",
        "figures-TOTAL_FORMS": str(int(data["figures-TOTAL_FORMS"]) + 1),
        "figures-1-measure": "members",
        "figures-1-qualifier": "exact",
        "figures-1-value": "240000",
        "figures-1-year": "2024",
    }
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302, response.context["adminform"].form.errors
    network.refresh_from_db()
    assert network.name_en == "United Cities and Local Governments (world organisation)"
    assert (network.headquarters_fr, network.headquarters_en) == ("Barcelone", "Barcelona")
    assert NetworkFigure.objects.get(network=network, measure="members").year == 2024


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_add_a_recognition_with_levels_and_a_distinction(client, communication_staff, language):
    form = client.get("/admin/networks/recognition/add/", HTTP_ACCEPT_LANGUAGE=language)
    data = admin_form_data(form) | {
        "name_fr": "Capitale verte",
        "name_en": "Green Capital",
        "slug": "green-capital",
        "kind": "award",
        "renewal": "periodic",
        "renewal_period_years": "3",
        "awarding_body_fr": "Commission européenne",
        "awarding_body_en": "European Commission",
        "display_order": "5",
        "published": "on",
        "levels-TOTAL_FORMS": "2",
        "levels-0-rank": "1",
        "levels-0-name_fr": "Finaliste",
        "levels-0-name_en": "Finalist",
        "levels-1-rank": "2",
        "levels-1-name_fr": "Lauréate",
        "levels-1-name_en": "Winner",
        "distinctions-TOTAL_FORMS": "1",
        "distinctions-0-year": "2024",
        "distinctions-0-valid_from": "2024-01-01",
        "distinctions-0-valid_until": "2026-12-31",
        "distinctions-0-note_fr": "Première candidature",
        "distinctions-0-note_en": "First application",
    }
    response = client.post("/admin/networks/recognition/add/", data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302
    recognition = Recognition.objects.get(slug="green-capital")
    assert [level.name_en for level in recognition.levels.all()] == ["Finalist", "Winner"]
    assert recognition.distinctions.get().note_fr == "Première candidature"


def test_the_distinction_inline_offers_only_the_levels_of_its_recognition(client, communication_staff):
    prize = Recognition.objects.get(slug="europe-prize")
    Recognition.objects.get(slug="tree-cities-of-the-world").levels.create(rank=1, name_fr="Arbre")
    form = client.get(f"/admin/networks/recognition/{prize.pk}/change/")
    inline = next(i for i in form.context["inline_admin_formsets"] if i.formset.model is Distinction)
    choices = inline.formset.forms[0].fields["level"].queryset
    assert {level.recognition_id for level in choices} == {prize.pk}
    assert choices.count() == 4


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "This level belongs to “Europe Prize”, not to “Tree Cities of the World”"),
        ("fr", "Ce niveau appartient à «\xa0Prix de l’Europe\xa0», pas à «\xa0Tree Cities of the World\xa0»"),
    ],
)
def test_a_level_of_another_recognition_is_refused_in_the_admin(
    client, communication_staff, language, message
):
    trees = Recognition.objects.get(slug="tree-cities-of-the-world")
    flag = Recognition.objects.get(slug="europe-prize").levels.get(rank=2)
    data = {
        "recognition": trees.pk,
        "level": flag.pk,
        "year": "2022",
        "note_fr": "",
        "note_en": "",
    }
    response = client.post("/admin/networks/distinction/add/", data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Distinction.objects.filter(year=2022).exists()


def test_the_logo_is_previewed_in_the_admin_and_shown_with_its_size(
    client, communication_staff, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    network = Network.objects.get(slug="eurocities")
    url = f"/admin/networks/network/{network.pk}/change/"
    image = io.BytesIO()
    Image.new("RGB", (120, 40), "navy").save(image, format="PNG")
    data = admin_form_data(client.get(url)) | {
        "logo": SimpleUploadedFile("eurocities.png", image.getvalue(), content_type="image/png"),
        "logo_alt_fr": "Logo d’Eurocities",
        "logo_alt_en": "Eurocities logo",
    }
    assert client.post(url, data).status_code == 302
    network.refresh_from_db()
    assert (network.logo_width, network.logo_height) == (120, 40)
    change_page = client.get(url).content.decode()
    # Sized by a class of the admin's stylesheet: the Content-Security-Policy blocks inline styles.
    logo = f'<img src="{network.logo.url}" alt="" height="48" class="admin-logo-preview">'
    assert logo in change_page
    assert logo in client.get("/admin/networks/network/").content.decode()
    assert "/static/css/admin." in change_page
    public = client.get("/en/networks/eurocities/").content.decode()
    assert (
        f'<img class="logo" src="{network.logo.url}" alt="Eurocities logo" width="120" height="40">' in public
    )


def test_view_on_site_opens_the_public_page_or_the_staff_preview(client, communication_staff):
    network = Network.objects.get(slug="afccre")
    change_url = f"/admin/networks/network/{network.pk}/change/"
    assert 'href="/en/networks/afccre/"' in client.get(change_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    Network.objects.filter(pk=network.pk).update(published=False)
    page = client.get(change_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'href="/en/networks/preview/afccre/"' in page
    recognition = Recognition.objects.get(slug="europe-prize")
    change_url = f"/admin/networks/recognition/{recognition.pk}/change/"
    assert 'href="/fr/labels-et-distinctions/#europe-prize"' in client.get(change_url).content.decode()
    Recognition.objects.filter(pk=recognition.pk).update(published=False)
    assert 'href="/fr/labels-et-distinctions/apercu/#europe-prize"' in client.get(change_url).content.decode()


def test_a_level_the_city_holds_cannot_be_deleted_from_the_inline(client, communication_staff):
    prize = Recognition.objects.get(slug="europe-prize")
    url = f"/admin/networks/recognition/{prize.pk}/change/"
    data = admin_form_data(client.get(url, HTTP_ACCEPT_LANGUAGE="en")) | {"levels-0-DELETE": "on"}
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "would require deleting the following protected related objects" in response.content.decode()
    assert prize.levels.count() == 4
