"""Staff find partner cities by their country's name, in French or in English, whatever the admin's language."""

import pytest


@pytest.fixture(autouse=True)
def cities(make_city):
    make_city("torun", "Toruń", name_en="Toruń", country="PL")
    make_city("poznan", "Poznań", name_en="Poznań", country="PL", region_fr="Grande-Pologne")
    make_city("pisa", "Pise", name_en="Pisa", country="IT")
    make_city("lima", "Lima", name_en="Lima", country="PE")


def found(staff_client, term, language):
    response = staff_client.get(
        "/admin/partnerships/partnercity/", {"q": term}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    return sorted(city.slug for city in response.context["cl"].result_list)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("term", ["Pologne", "Poland", "pologne", "POLAND", "polo"])
def test_a_country_name_in_either_language_finds_its_cities(staff_client, term, language):
    assert found(staff_client, term, language) == ["poznan", "torun"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_accents_do_not_matter_and_names_still_match(staff_client, language):
    assert found(staff_client, "Perou", language) == ["lima"]
    assert found(staff_client, "Pérou", language) == ["lima"]
    assert found(staff_client, "Italie", language) == ["pisa"]
    assert found(staff_client, "Pisa", language) == ["pisa"]
    assert found(staff_client, "Norvège", language) == []


def test_the_search_box_says_what_it_searches(staff_client):
    html = staff_client.get("/admin/partnerships/partnercity/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Search by name, region or country, in French or English." in html
    html = staff_client.get("/admin/partnerships/partnercity/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Recherchez par nom, région ou pays, en français ou en anglais." in html
