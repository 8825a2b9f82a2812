"""The Angers content: loaded once, loaded again without change, staff edits kept."""

import io

from django.contrib.auth.models import Group
from django.core.management import call_command

from angers_intl.staff import COMMUNICATION_GROUP
from networks.models import Distinction, Network, NetworkFigure, Recognition, RecognitionLevel

MODELS = [Network, NetworkFigure, Recognition, RecognitionLevel, Distinction]


def snapshot():
    return {model.__name__: sorted(model.objects.values_list()) for model in MODELS}


def test_the_loader_creates_the_angers_networks_and_recognitions(networks_content):
    for line in [
        "networks: 7 created",
        "figures: 11 created",
        "labels and awards: 6 created",
        "levels: 4 created",
        "distinctions: 6 created",
    ]:
        assert line in networks_content
    assert set(Network.objects.values_list("slug", flat=True)) == {
        "afccre",
        "cites-unies-france",
        "uclg",
        "eurocities",
        "pays-de-la-loire-cooperation-internationale",
        "global-covenant-of-mayors",
        "educating-cities",
    }
    assert Network.objects.published().count() == 7
    assert set(Recognition.objects.published().values_list("slug", flat=True)) == {
        "europe-prize",
        "ville-euro-citoyenne",
        "ville-europeenne",
        "tree-cities-of-the-world",
        "green-city-accord",
        "age-friendly-cities",
    }
    prize = Recognition.objects.get(slug="europe-prize")
    assert prize.established_year == 1955
    assert [level.name_en for level in prize.levels.all()] == [
        "European Diploma",
        "Flag of Honour",
        "Plaque of Honour",
        "Europe Prize",
    ]
    diploma = prize.distinctions.get()
    assert (diploma.year, diploma.level.rank) == (2018, 1)
    assert Recognition.objects.get(slug="ville-euro-citoyenne").distinctions.get().year == 2012
    trees = Recognition.objects.get(slug="tree-cities-of-the-world")
    assert (trees.renewal, trees.renewal_period_years) == ("periodic", 1)
    assert Network.objects.get(slug="uclg").acronym_en == "UCLG"


def test_a_second_run_changes_nothing(networks_content):
    before = snapshot()
    output = io.StringIO()
    call_command("load_content", stdout=output)
    assert "networks: 0 created, 7 kept as they were" in output.getvalue()
    assert "distinctions: 0 created, 6 kept as they were" in output.getvalue()
    assert snapshot() == before


def test_staff_edits_survive_a_new_run(networks_content):
    Network.objects.filter(slug="afccre").update(name_en="AFCCRE, edited by staff", published=False)
    NetworkFigure.objects.filter(network__slug="afccre").update(value=1600, year=2025)
    RecognitionLevel.objects.filter(recognition__slug="europe-prize", rank=2).update(name_en="Flag (edited)")
    Distinction.objects.filter(recognition__slug="europe-prize").update(note_en="Awarded in Strasbourg")
    call_command("load_content", stdout=io.StringIO())
    afccre = Network.objects.get(slug="afccre")
    assert (afccre.name_en, afccre.published) == ("AFCCRE, edited by staff", False)
    assert afccre.figures.get().value == 1600
    assert RecognitionLevel.objects.get(recognition__slug="europe-prize", rank=2).name_en == "Flag (edited)"
    assert Distinction.objects.get(recognition__slug="europe-prize").note_en == "Awarded in Strasbourg"
    assert Distinction.objects.count() == 6


def test_the_communication_group_may_manage_networks_and_recognitions(networks_content):
    permissions = set(
        Group.objects.get(name=COMMUNICATION_GROUP).permissions.values_list("codename", flat=True)
    )
    for model in ["network", "networkfigure", "recognition", "recognitionlevel", "distinction"]:
        for action in ["add", "change", "delete", "view"]:
            assert f"{action}_{model}" in permissions


def test_every_loaded_text_exists_in_both_languages(networks_content):
    for network in Network.objects.all():
        for field in ["name", "description", "city_benefits"]:
            assert getattr(network, f"{field}_fr"), (network.slug, field)
            assert getattr(network, f"{field}_en"), (network.slug, field)
    for recognition in Recognition.objects.all():
        for field in ["name", "description"]:
            assert getattr(recognition, f"{field}_fr"), (recognition.slug, field)
            assert getattr(recognition, f"{field}_en"), (recognition.slug, field)


def test_what_staff_renamed_or_deleted_is_not_loaded_again(networks_content):
    Network.objects.filter(slug="uclg").update(slug="cglu")
    Network.objects.filter(slug="eurocities").delete()
    RecognitionLevel.objects.filter(recognition__slug="europe-prize", rank=4).delete()
    counts = {model.__name__: model.objects.count() for model in MODELS}

    call_command("load_content", stdout=io.StringIO())

    assert {model.__name__: model.objects.count() for model in MODELS} == counts
    assert not Network.objects.filter(slug__in=["uclg", "eurocities"]).exists()
    assert Network.objects.filter(slug="cglu").exists()
