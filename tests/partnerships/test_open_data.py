"""Open data: the published partnerships as CSV and JSON, in both languages, with their licence."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerships.opendata import FIELDS

CSV_URL = "/fr/villes-partenaires/open-data.csv"
JSON_URL = "/en/partner-cities/open-data.json"


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_csv_lists_every_published_partnership_in_both_languages(client, partner_world):
    response = client.get(CSV_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(response)
    assert list(rows[0]) == FIELDS
    assert [row["slug"] for row in rows] == [
        "eastwold", "marbeck", "kalani", "vinaterra", "sorvik", "haiqiao", "brzezno", "pine-hollow",
    ]  # fmt: skip
    brzezno = next(row for row in rows if row["slug"] == "brzezno")
    assert brzezno["name_fr"] == "Brzezno"
    assert (brzezno["country_code"], brzezno["country_fr"], brzezno["country_en"]) == (
        "PL",
        "Pologne",
        "Poland",
    )
    assert (brzezno["agreement_type_fr"], brzezno["agreement_type_en"]) == ("Jumelage", "Twinning")
    assert (brzezno["year_started"], brzezno["agreement_signed_on"]) == ("2011", "2016-05-09")
    assert brzezno["page_en"] == "http://testserver/en/partner-cities/brzezno/"
    vinaterra = next(row for row in rows if row["slug"] == "vinaterra")
    assert (vinaterra["name_fr"], vinaterra["name_en"]) == ("Vinaterre", "Vinaterra")
    kalani = next(row for row in rows if row["slug"] == "kalani")
    assert kalani["agreement_type_en"] == "Decentralised cooperation"
    assert kalani["longitude"] == "-8.0029"  # a negative number stays a number


def test_json_carries_the_licence_and_typed_values(client, partner_world, settings):
    data = json.loads(client.get(JSON_URL).content)
    assert data["licence"] == {"name": settings.OPEN_DATA_LICENCE_NAME, "url": settings.OPEN_DATA_LICENCE_URL}
    eastwold = data["partner_cities"][0]
    assert eastwold["slug"] == "eastwold"
    assert eastwold["year_started"] == 1964
    assert eastwold["latitude"] == 53.545
    assert eastwold["agreement_signed_on"] is None
    assert sorted(eastwold["themes"]) == ["culture", "youth"]
    brzezno = next(city for city in data["partner_cities"] if city["slug"] == "brzezno")
    assert brzezno["agreement_signed_on"] == "2016-05-09"


def test_unpublished_cities_stay_out_of_the_open_data(client, make_city):
    make_city(slug="haarlem", name="Haarlem")
    make_city(slug="secret", name="Secret", published=False)
    assert [row["slug"] for row in csv_rows(client.get(CSV_URL))] == ["haarlem"]
    assert [city["slug"] for city in json.loads(client.get(JSON_URL).content)["partner_cities"]] == [
        "haarlem"
    ]


def test_a_name_that_looks_like_a_formula_is_exported_as_text(client, make_city):
    make_city(slug="formula", name='=HYPERLINK("http://example.org")')
    row = csv_rows(client.get(CSV_URL))[0]
    assert row["name_fr"] == '\'=HYPERLINK("http://example.org")'


@pytest.mark.parametrize("region", ["+33 cmd", "-cmd", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_a_text_cell_a_spreadsheet_would_run_is_escaped_but_numbers_stay_numbers(client, make_city, region):
    make_city(slug="formula", region_fr=region, latitude=Decimal("-12.5"), longitude=Decimal("-8.0029"))
    row = csv_rows(client.get(CSV_URL))[0]
    assert row["region_fr"] == f"'{region}"
    assert (row["latitude"], row["longitude"]) == ("-12.5", "-8.0029")


def test_the_list_page_links_to_the_open_data(client, partner_world):
    page = client.get("/en/partner-cities/").content.decode()
    assert 'href="/en/partner-cities/open-data.csv"' in page
    assert 'href="/en/partner-cities/open-data.json"' in page
    assert "Licence Ouverte / Open Licence 2.0" in page


@pytest.mark.parametrize("url", [CSV_URL, JSON_URL])
def test_open_data_runs_a_fixed_number_of_queries(client, make_cities, url):
    make_cities(5)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    make_cities(45)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(few) == len(many)
    assert response.status_code == 200
