"""Partner cities, key dates, programmes: every invariant is refused by the database and explained by
clean() in the staff member's language."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django_countries import countries

from partnerships.continents import COUNTRY_CONTINENT, Continent, countries_in
from partnerships.models import Milestone, Programme

THIS_YEAR = 2026


@pytest.fixture(autouse=True)
def _in_the_middle_of_this_year(clock):
    clock(datetime.date(THIS_YEAR, 6, 15))


def refused_by_database(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def messages(error, field):
    return [str(message) for message in error.value.message_dict[field]]


@pytest.mark.parametrize(
    "fields",
    [
        {"year_started": 1899},
        {"agreement_type": "alliance"},
        {"status": "paused"},
        {"year_started": 2011, "agreement_signed_on": datetime.date(2010, 12, 31)},
        {"latitude": Decimal("90.0001")},
        {"latitude": Decimal("-90.5")},
        {"longitude": Decimal("180.0001")},
        {"longitude": Decimal("-181")},
        {"latitude": None},
        {"slug": ""},
        {"slug": "carte"},
    ],
    ids=[
        "year-before-1900",
        "unknown-agreement-type",
        "unknown-status",
        "signed-before-start",
        "latitude-too-north",
        "latitude-too-south",
        "longitude-too-east",
        "longitude-too-west",
        "latitude-without-longitude",
        "empty-slug",
        "reserved-slug",
    ],
)
def test_database_refuses_an_invalid_partner_city(make_city, fields):
    refused_by_database(lambda: make_city(**fields))


def test_database_accepts_limits_and_a_signature_in_the_first_year(make_city):
    city = make_city(
        year_started=1900,
        agreement_signed_on=datetime.date(1900, 1, 1),
        latitude=Decimal("-90"),
        longitude=Decimal("180"),
    )
    assert city.pk


def test_a_city_may_wait_for_its_coordinates(make_city):
    city = make_city(latitude=None, longitude=None)
    city.full_clean()
    city.longitude = Decimal("4.6462")
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            city.full_clean()
        assert messages(error, "latitude") == ["Give both latitude and longitude, or neither."]


def test_slugs_are_unique(make_city):
    make_city(slug="haarlem")
    refused_by_database(lambda: make_city(slug="haarlem", name="Haarlem bis"))


def test_clean_explains_each_mistake_in_french(make_city):
    city = make_city()
    city.year_started = 1960
    city.agreement_signed_on = datetime.date(1950, 5, 9)
    city.latitude = Decimal("95")
    city.longitude = Decimal("-200")
    city.slug = "map"
    with translation.override("fr"):
        with pytest.raises(ValidationError) as error:
            city.full_clean()
        assert messages(error, "agreement_signed_on") == [
            "L’accord ne peut pas avoir été signé avant le début de la relation."
        ]
        assert "La latitude est comprise entre -90 et 90 degrés." in messages(error, "latitude")
        assert "La longitude est comprise entre -180 et 180 degrés." in messages(error, "longitude")
        assert messages(error, "slug") == [
            "Cet identifiant est l’adresse d’une autre page ; choisissez-en un autre."
        ]


def test_clean_explains_in_english_too(make_city):
    city = make_city()
    city.year_started = 1850
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            city.full_clean()
        assert messages(error, "year_started") == ["Enter a year between 1900 and the current year."]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Saisissez une année comprise entre 1900 et l’année en cours."),
        ("en", "Enter a year between 1900 and the current year."),
    ],
)
@pytest.mark.parametrize("year", [1899, THIS_YEAR + 1])
def test_a_year_out_of_range_gets_the_same_message_at_either_bound(make_city, language, message, year):
    # 1899 is refused by the database bounds (a constraint), next year by the validator (it moves every year).
    city = make_city()
    city.year_started = year
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            city.full_clean()
        assert messages(error, "year_started") == [message]


def test_this_year_is_the_last_year_allowed(make_city):
    city = make_city(year_started=THIS_YEAR)
    city.full_clean()


def test_an_image_needs_its_alternative_text(make_city, media_root, jpeg_file):
    city = make_city()
    city.image.save("haarlem.jpg", jpeg_file(), save=False)
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            city.full_clean()
        assert messages(error, "image_alt_fr") == ["Describe the image for people who cannot see it."]


def test_a_key_date_may_be_an_exact_date_or_only_a_year(make_city):
    city = make_city(slug="torun", name="Toruń", year_started=2011)
    signed = Milestone(partner_city=city, date=datetime.date(2016, 5, 9), title_fr="Jumelage")
    signed.full_clean()  # the year is taken from the date
    signed.save()
    assert signed.year == 2016
    Milestone.objects.create(partner_city=city, year=2016, title_fr="Année de l’accord")
    Milestone.objects.create(partner_city=city, year=2011, title_fr="Partenariat")
    assert [(m.year, m.date) for m in city.milestones.all()] == [
        (2011, None),
        (2016, None),
        (2016, datetime.date(2016, 5, 9)),
    ]


def test_a_key_date_needs_a_year_matching_its_date(make_city):
    city = make_city()
    refused_by_database(
        lambda: Milestone.objects.create(
            partner_city=city, year=2015, date=datetime.date(2016, 5, 9), title_fr="Décalé"
        )
    )
    refused_by_database(lambda: Milestone.objects.create(partner_city=city, year=1899, title_fr="Trop tôt"))
    with translation.override("fr"):
        with pytest.raises(ValidationError) as error:
            Milestone(partner_city=city, title_fr="Sans date").full_clean()
        assert messages(error, "year") == ["Indiquez une date exacte ou au moins une année."]
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            Milestone(partner_city=city, year=2015, date=datetime.date(2016, 5, 9), title_fr="x").full_clean()
        assert messages(error, "year") == ["The year does not match the date."]


def test_a_programme_start_year_is_checked(db):
    refused_by_database(
        lambda: Programme.objects.create(slug="old", name_fr="Ancien", summary_fr="x", start_year=1800)
    )
    programme = Programme(slug="future", name_fr="Futur", summary_fr="x", start_year=THIS_YEAR + 2)
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            programme.full_clean()
        assert messages(error, "start_year") == ["Enter a year between 1900 and the current year."]
    Programme.objects.create(slug="unknown-start", name_fr="Sans date", summary_fr="x")


def test_every_country_has_a_continent():
    assert {country.code for country in countries} <= set(COUNTRY_CONTINENT)
    assert Continent.of("ml") == Continent.AFRICA
    assert Continent.of("US") == Continent.NORTH_AMERICA
    assert Continent.of("CN") == Continent.ASIA
    assert {"NL", "DE", "IT", "GB", "SE", "PL"} <= set(countries_in(Continent.EUROPE))


def test_summary_as_plain_text_has_no_markup(make_city):
    city = make_city(summary_fr="Une **ville** <script>alert(1)</script> & ses [amis](https://example.org).")
    with translation.override("fr"):
        assert city.plain_summary == "Une ville & ses amis."
