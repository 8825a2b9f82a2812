"""Home page, error pages and the base layout, in both languages."""

import pytest
from django.test import override_settings

from partnerships.models import AgreementType, PartnerCity


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Villes partenaires"), ("en", "Partner cities")],
)
def test_home_renders_with_no_content(client, db, language, expected):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_home_shows_figures_computed_from_the_data(client, site_profile):
    PartnerCity.objects.create(
        name="Haarlem",
        slug="haarlem",
        country="NL",
        agreement_type=AgreementType.TWINNING,
        year_started=1964,
        published=True,
    )
    PartnerCity.objects.create(
        name="Bamako",
        slug="bamako",
        country="ML",
        agreement_type=AgreementType.DECENTRALISED_COOPERATION,
        year_started=1974,
        published=True,
    )
    PartnerCity.objects.create(
        name="Hidden",
        slug="hidden",
        country="NL",
        agreement_type=AgreementType.TWINNING,
        year_started=1950,
        published=False,
    )
    response = client.get("/en/")
    figures = response.context["city_figures"]
    assert figures == {"city_count": 2, "country_count": 2, "first_twinning_year": 1964}
    page = response.content.decode()
    assert "<dd>1964</dd>" in page
    assert "A city open to the world." in page
    assert "Valmont International" in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Page introuvable"), ("en", "Page not found")],
)
def test_404_page_in_both_languages(client, db, language, expected):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert expected in page
    assert f'<html lang="{language}">' in page
    assert 'class="main-nav"' in page


def test_404_switcher_offers_the_other_home_page(client, db):
    page = client.get("/en/no-such-page/").content.decode()
    assert 'href="/fr/" hreflang="fr"' in page


@override_settings(ROOT_URLCONF="tests.urls_failing")
@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Une erreur s’est produite de notre côté"), ("en", "Something went wrong on our side")],
)
def test_500_page_in_both_languages(client, db, language, expected):
    client.raise_request_exception = False
    response = client.get(f"/{language}/boom/")
    assert response.status_code == 500
    assert expected in response.content.decode()


def test_every_page_has_a_skip_link_and_the_main_navigation(client, db):
    page = client.get("/fr/").content.decode()
    assert '<a class="skip-link" href="#main">' in page
    assert '<main id="main"' in page
    for label in [
        "Accueil",
        "Villes partenaires",
        "Réseaux",
        "Labels et distinctions",
        "Lettre d’information",
    ]:
        assert label in page
