"""Invariants of networks, figures, recognitions, levels and distinctions: in the database and in clean()."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import translation

from networks.models import (
    Distinction,
    FigureMeasure,
    Network,
    NetworkFigure,
    Recognition,
    RecognitionLevel,
    Renewal,
)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def refused_by_database(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_network_kind_and_scope_are_checked_by_the_database(make_network):
    network = make_network()
    refused_by_database(lambda: Network.objects.filter(pk=network.pk).update(kind="club"))
    refused_by_database(lambda: Network.objects.filter(pk=network.pk).update(scope="galactic"))


def test_network_slugs_are_unique(make_network):
    make_network("eurocities")
    refused_by_database(lambda: make_network("eurocities"))


@pytest.mark.parametrize("year", [1850, 2101])
def test_founding_year_out_of_range_is_refused_by_the_database(make_network, year):
    refused_by_database(lambda: make_network(founded_year=year))


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Enter a year between 1900 and the current year."),
        ("fr", "Saisissez une année comprise entre 1900 et l’année en cours."),
    ],
)
def test_founding_year_in_the_future_is_refused_with_a_clear_message(make_network, language, message):
    network = make_network(founded_year=1951)
    with time_machine.travel(datetime.datetime(2031, 6, 1, 12, tzinfo=PARIS), tick=False):
        network.founded_year = 2031
        network.full_clean()
        network.founded_year = 2032
        with pytest.raises(ValidationError) as error, translation.override(language):
            network.full_clean()
        with translation.override(language):
            assert error.value.message_dict["founded_year"] == [message]


def test_a_network_has_one_figure_per_measure(make_network, make_figure):
    network = make_network()
    make_figure(network, FigureMeasure.MEMBERS, 300)
    refused_by_database(lambda: make_figure(network, FigureMeasure.MEMBERS, 400))
    duplicate = NetworkFigure(network=network, measure=FigureMeasure.MEMBERS, value=400)
    for language, message in [
        ("en", "This network already has a figure for this measure."),
        ("fr", "Ce réseau a déjà un chiffre pour cette mesure."),
    ]:
        with translation.override(language), pytest.raises(ValidationError, match=message):
            duplicate.full_clean()


def test_a_share_of_the_world_population_is_a_percentage(make_network, make_figure):
    network = make_network()
    refused_by_database(lambda: make_figure(network, FigureMeasure.WORLD_POPULATION_SHARE, 170))
    make_figure(network, FigureMeasure.WORLD_POPULATION_SHARE, 70)


def test_figures_are_listed_in_the_order_of_their_measures(make_network, make_figure):
    network = make_network()
    make_figure(network, FigureMeasure.POPULATION, 130_000_000)
    make_figure(network, FigureMeasure.MEMBERS, 200)
    make_figure(network, FigureMeasure.COUNTRIES, 38)
    assert [figure.measure for figure in network.ordered_figures] == ["members", "countries", "population"]


def test_a_periodic_recognition_needs_its_renewal_period(make_recognition):
    refused_by_database(lambda: make_recognition("trees", renewal=Renewal.PERIODIC))
    refused_by_database(lambda: make_recognition("prize", renewal=Renewal.ONE_OFF, renewal_period_years=2))
    make_recognition("trees", renewal=Renewal.PERIODIC, renewal_period_years=1)
    recognition = Recognition(slug="x", name_fr="X", kind="label", renewal=Renewal.PERIODIC)
    for language, message in [
        ("en", "Say every how many years this recognition must be renewed."),
        ("fr", "Indiquez tous les combien d’années cette distinction doit être renouvelée."),
    ]:
        with translation.override(language):
            with pytest.raises(ValidationError) as error:
                recognition.full_clean()
            assert message in error.value.message_dict["renewal_period_years"]


def test_recognition_kind_and_lifecycle_are_checked_by_the_database(make_recognition):
    recognition = make_recognition()
    refused_by_database(lambda: Recognition.objects.filter(pk=recognition.pk).update(kind="medal"))
    refused_by_database(lambda: Recognition.objects.filter(pk=recognition.pk).update(renewal="forever"))


def test_level_ranks_are_unique_within_a_recognition(europe_prize, make_recognition):
    refused_by_database(
        lambda: RecognitionLevel.objects.create(recognition=europe_prize, rank=1, name_fr="Bis")
    )
    refused_by_database(
        lambda: RecognitionLevel.objects.create(recognition=europe_prize, rank=0, name_fr="Zéro")
    )
    other = make_recognition("other")
    RecognitionLevel.objects.create(recognition=other, rank=1, name_fr="Premier niveau")


def test_the_same_distinction_cannot_be_recorded_twice(europe_prize, make_recognition):
    diploma = europe_prize.levels.get(rank=1)
    refused_by_database(
        lambda: Distinction.objects.create(recognition=europe_prize, year=2018, level=diploma)
    )
    for language, message in [
        ("en", "This distinction (same year and level) is already recorded."),
        ("fr", "Cette distinction (même année et même niveau) est déjà enregistrée."),
    ]:
        with translation.override(language), pytest.raises(ValidationError, match=re.escape(message)):
            Distinction(recognition=europe_prize, year=2018, level=diploma).full_clean()
    # Undated ones too: a second "recognised, year unknown" would say nothing new.
    label = make_recognition("label")
    Distinction.objects.create(recognition=label)
    refused_by_database(lambda: Distinction.objects.create(recognition=label))
    Distinction.objects.create(recognition=label, year=2020)


def test_validity_cannot_end_before_it_starts(make_recognition):
    recognition = make_recognition()
    refused_by_database(
        lambda: Distinction.objects.create(
            recognition=recognition, year=2020, valid_from="2020-06-01", valid_until="2020-05-31"
        )
    )


def test_exact_date_must_fall_in_the_year_given(make_recognition):
    recognition = make_recognition()
    refused_by_database(lambda: Distinction.objects.create(recognition=recognition, awarded_on="2018-06-20"))
    distinction = Distinction(recognition=recognition, year=2019, awarded_on="2018-06-20")
    for language, message in [
        ("en", "The exact date must fall in the year given."),
        ("fr", "La date exacte doit tomber dans l’année indiquée."),
    ]:
        with translation.override(language):
            with pytest.raises(ValidationError) as error:
                distinction.full_clean()
            assert error.value.message_dict["awarded_on"] == [message]


def test_a_level_of_another_recognition_is_refused_with_a_clear_message(europe_prize, make_recognition):
    other = make_recognition("trees", name_fr="Villes arborées", name_en="Tree Cities")
    distinction = Distinction(recognition=other, year=2020, level=europe_prize.levels.get(rank=2))
    with translation.override("fr"), pytest.raises(ValidationError) as error:
        distinction.full_clean()
    assert error.value.message_dict["level"] == [
        "Ce niveau appartient à «\xa0Prix de l’Europe\xa0», pas à «\xa0Villes arborées\xa0»\xa0: choisissez l’un de ses propres "
        "niveaux."
    ]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the composite foreign key exists on PostgreSQL"
)
def test_postgresql_refuses_a_level_of_another_recognition(europe_prize, make_recognition):
    other = make_recognition("trees")
    refused_by_database(
        lambda: Distinction.objects.create(
            recognition=other, year=2020, level=europe_prize.levels.get(rank=2)
        )
    )
    # Nor can a level be moved to another recognition under a distinction that uses it.
    refused_by_database(
        lambda: RecognitionLevel.objects.filter(recognition=europe_prize, rank=1).update(recognition=other)
    )


def test_deleting_a_recognition_deletes_its_levels_and_distinctions(europe_prize):
    europe_prize.delete()
    assert not RecognitionLevel.objects.exists()
    assert not Distinction.objects.exists()


def test_a_level_the_city_holds_cannot_be_deleted_alone(europe_prize):
    from django.db.models import RestrictedError

    with pytest.raises(RestrictedError):
        europe_prize.levels.get(rank=1).delete()
    europe_prize.levels.get(rank=4).delete()


def test_urls_of_networks_and_recognitions(make_network, make_recognition):
    network = make_network("uclg")
    recognition = make_recognition("europe-prize")
    with translation.override("fr"):
        assert network.get_absolute_url() == "/fr/reseaux/uclg/"
        assert recognition.get_absolute_url() == "/fr/labels-et-distinctions/#europe-prize"


def test_names_and_acronyms_follow_the_language(make_network):
    network = make_network(
        "uclg",
        name_fr="Cités et Gouvernements Locaux Unis",
        name_en="United Cities and Local Governments",
        acronym_fr="CGLU",
        acronym_en="UCLG",
    )
    with translation.override("fr"):
        assert (str(network), network.name) == ("CGLU", "Cités et Gouvernements Locaux Unis")
    with translation.override("en"):
        assert (str(network), network.name) == ("UCLG", "United Cities and Local Governments")


def test_a_founding_year_before_1900_is_refused_on_the_field_in_french(db):
    network = Network(name_fr="Réseau", name_en="Network", slug="old", kind="city", scope="european")
    network.founded_year = 1800
    with translation.override("fr"):
        with pytest.raises(ValidationError) as error:
            network.full_clean()
        assert error.value.message_dict == {
            "founded_year": ["Saisissez une année comprise entre 1900 et l’année en cours."]
        }


def test_no_constraint_of_the_app_shows_its_raw_name(db):
    from django.apps import apps

    for model in apps.get_app_config("networks").get_models():
        for constraint in model._meta.constraints:
            message = constraint.get_violation_error_message()
            assert constraint.name not in message, (model.__name__, constraint.name)


def test_the_database_refuses_an_exact_date_outside_the_year(make_recognition):
    import datetime

    recognition = make_recognition()
    refused_by_database(
        lambda: Distinction.objects.create(
            recognition=recognition, year=2018, awarded_on=datetime.date(2019, 1, 15)
        )
    )
    Distinction.objects.create(recognition=recognition, year=2019, awarded_on=datetime.date(2019, 1, 15))


def test_the_database_refuses_an_exact_date_without_a_year(make_recognition):
    import datetime

    recognition = make_recognition()
    refused_by_database(
        lambda: Distinction.objects.create(recognition=recognition, awarded_on=datetime.date(2019, 1, 15))
    )


def test_the_database_refuses_an_empty_network_slug(make_network):
    refused_by_database(lambda: make_network(""))


def test_the_database_refuses_an_empty_recognition_slug(make_recognition):
    refused_by_database(lambda: make_recognition(""))


def test_the_database_refuses_an_unknown_name_language(make_network, make_recognition):
    refused_by_database(lambda: make_network(name_language="klingon"))
    refused_by_database(lambda: make_recognition(name_language="xx"))
