"""Where a text has no English, the English page shows the French one and says so (`lang="fr"`, for screen
readers); staff saving a record are told which English fields are empty (angers_intl/fallback.py)."""

import re

import pytest

from partnerships.models import Milestone, Programme, Theme
from tests.admin_forms import admin_form_data


@pytest.fixture
def cities(make_city):
    culture = Theme.objects.create(slug="culture", name_fr="Culture", name_en="Culture")
    crafts = Theme.objects.create(slug="crafts", name_fr="Artisanat d’art")
    torun = make_city(
        "torun",
        "Toruń",
        country="PL",
        summary_fr="Ville natale de **Copernic**.",
        summary_en="",
        body_fr="Au bord de la Vistule.",
        body_en="On the Vistula.",
        themes=[culture, crafts],
    )
    Milestone.objects.create(
        partner_city=torun, year=2011, title_fr="Premiers contacts", title_en="First contacts"
    )
    Milestone.objects.create(
        partner_city=torun, year=2016, title_fr="Jumelage signé", text_fr="À **Angers**."
    )
    pisa = make_city("pisa", "Pise", name_en="Pisa", country="IT")
    programme = Programme.objects.create(
        slug="youth", name_fr="Jeunes ambassadeurs", summary_fr="Des échanges.", published=True
    )
    programme.partner_cities.add(torun)
    return torun, pisa


def marked(html):
    """The texts inside `lang="fr"` elements, markup removed."""
    found = re.findall(r'<(span|div) lang="fr">(.*?)</\1>', html, re.S)
    return [re.sub(r"<[^>]+>", "", text).strip() for _tag, text in found]


def test_the_english_city_page_marks_the_french_it_shows(client, cities):
    html = client.get("/en/partner-cities/torun/").content.decode()

    assert marked(html) == [
        "Toruń",  # breadcrumb
        "Toruń",  # heading
        "Ville natale de Copernic.",
        "Jumelage signé",
        "À Angers.",
        "Jeunes ambassadeurs",
        "Artisanat d’art",
    ]
    assert "On the Vistula." in html
    assert '<div lang="fr"><p>On the Vistula.' not in html
    assert "First contacts" in html
    assert '<span lang="fr">First contacts' not in html


def test_english_texts_and_french_pages_are_not_marked(client, cities):
    # Only the link to the next partner, Toruń, which has no English name.
    assert marked(client.get("/en/partner-cities/pisa/").content.decode()) == ["Toruń"]
    assert marked(client.get("/fr/villes-partenaires/torun/").content.decode()) == []
    assert marked(client.get("/fr/villes-partenaires/").content.decode()) == []


def test_the_english_list_timeline_and_programme_mark_the_french(client, cities):
    listing = marked(client.get("/en/partner-cities/").content.decode())
    assert listing.count("Toruń") == 1
    assert "Pisa" not in listing
    assert "Pise" not in listing
    assert {"Artisanat d’art", "Jeunes ambassadeurs", "Des échanges."} <= set(listing)
    timeline = marked(client.get("/en/partner-cities/timeline/").content.decode())
    assert {"Jumelage signé", "À Angers.", "Toruń"} <= set(timeline)
    assert "First contacts" not in timeline
    programme = marked(client.get("/en/partner-cities/programmes/youth/").content.decode())
    assert programme[:3] == ["Jeunes ambassadeurs", "Jeunes ambassadeurs", "Des échanges."]


def test_cached_fragments_follow_a_translation_added_later(client, cities, settings):
    settings.FRAGMENT_CACHE_SECONDS = 60
    torun, _pisa = cities
    assert "Ville natale de Copernic." in marked(client.get("/en/partner-cities/torun/").content.decode())
    assert marked(client.get("/fr/villes-partenaires/torun/").content.decode()) == []

    torun.summary_en = "Copernicus’s birthplace."
    torun.save()

    html = client.get("/en/partner-cities/torun/").content.decode()
    assert "Copernicus’s birthplace." in html
    assert "Ville natale de Copernic." not in marked(html)


def test_the_marking_costs_no_query(client, cities, django_assert_max_num_queries):
    # The city page's own queries (tests/partnerships/test_query_counts.py), none more.
    with django_assert_max_num_queries(9):
        client.get("/en/partner-cities/torun/")


def warnings(response):
    return [str(message) for message in response.context["messages"] if message.level_tag == "warning"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            "Sans texte en anglais, les pages en anglais affichent à la place le texte en français : "
            "Nom, Résumé et Crédit de l’image ; date clé « 2016 · Jumelage signé » : Titre et Texte.",
        ),
        (
            "en",
            "Empty in English, so the English pages show the French text instead: "
            "Name, Summary and Image credit; key date “2016 · Jumelage signé”: Title and Text.",
        ),
    ],
)
def test_saving_warns_about_empty_english_fields(staff_client, cities, language, expected):
    torun, _pisa = cities
    change = f"/admin/partnerships/partnercity/{torun.pk}/change/"
    form = admin_form_data(staff_client.get(change, HTTP_ACCEPT_LANGUAGE=language))
    form.update(image_credit_fr="Photo : Ville de Toruń")

    response = staff_client.post(change, form, HTTP_ACCEPT_LANGUAGE=language, follow=True)

    assert warnings(response) == [expected]


def test_a_complete_translation_saves_without_warning(staff_client, cities):
    _torun, pisa = cities
    change = f"/admin/partnerships/partnercity/{pisa.pk}/change/"
    form = admin_form_data(staff_client.get(change))

    response = staff_client.post(change, form, follow=True)

    assert warnings(response) == []
