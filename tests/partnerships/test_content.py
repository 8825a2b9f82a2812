"""The Angers content: complete, valid, and loaded without ever overwriting what staff changed."""

import datetime
import io
from decimal import Decimal

from django.core.management import call_command

from partnerships.models import Milestone, PartnerCity, Programme, Theme


def load():
    output = io.StringIO()
    call_command("load_content", stdout=output)
    return output.getvalue()


def snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (PartnerCity, Milestone, Programme, Theme, PartnerCity.themes.through)
    ] + [list(Programme.partner_cities.through.objects.order_by("pk").values())]


def test_the_nine_relationships_of_angers_are_loaded(angers_content):
    cities = {
        c.slug: (c.country.code, c.agreement_type, c.year_started, c.published)
        for c in PartnerCity.objects.all()
    }
    assert cities == {
        "haarlem": ("NL", "twinning", 1964, True),
        "osnabruck": ("DE", "twinning", 1964, True),
        "pisa": ("IT", "twinning", 1982, True),
        "wigan": ("GB", "twinning", 1988, True),
        "sodertalje": ("SE", "partnership", 1998, True),
        "torun": ("PL", "twinning", 2011, True),
        "bamako": ("ML", "decentralised_cooperation", 1974, True),
        "yantai": ("CN", "partnership", 2006, True),
        "austin": ("US", "partnership", 2011, True),
    }
    torun = PartnerCity.objects.get(slug="torun")
    assert torun.agreement_signed_on == datetime.date(2016, 5, 9)
    assert [(m.year, m.date) for m in torun.milestones.all()] == [
        (2011, None),
        (2016, datetime.date(2016, 5, 9)),
    ]
    assert (
        PartnerCity.objects.get(slug="yantai").region_en,
        PartnerCity.objects.get(slug="austin").region_en,
    ) == (
        "Shandong",
        "Texas",
    )
    assert (
        PartnerCity.objects.get(slug="bamako").latitude,
        PartnerCity.objects.get(slug="bamako").longitude,
    ) == (
        Decimal("12.6392"),
        Decimal("-8.0029"),
    )
    ambassadors = Programme.objects.get(slug="jeunes-ambassadeurs")
    assert ambassadors.start_year == 1967
    assert {c.slug for c in ambassadors.partner_cities.all()} == {"haarlem", "osnabruck", "pisa", "wigan"}
    house = Programme.objects.get(slug="maison-du-partenariat-angers-bamako")
    assert [c.slug for c in house.partner_cities.all()] == ["bamako"]


def test_the_content_is_valid_and_written_in_both_languages(angers_content):
    for model, fields in [
        (PartnerCity, ["name", "summary", "body"]),
        (Programme, ["name", "summary", "body"]),
        (Milestone, ["title", "text"]),
        (Theme, ["name"]),
    ]:
        for obj in model.objects.all():
            obj.full_clean()
            for field in fields:
                assert getattr(obj, f"{field}_fr"), (obj, field)
                assert getattr(obj, f"{field}_en"), (obj, field)
    for city in PartnerCity.objects.all():
        assert city.themes.exists(), city
        assert len(city.summary_fr) <= 600
        assert city.body_en.count("\n\n") <= 2


def test_loading_twice_changes_nothing(angers_content):
    before = snapshot()
    output = load()
    assert snapshot() == before
    assert "partner cities: 0 created, 9 kept as they were" in output
    assert "programmes: 0 created, 2 kept as they were" in output


def test_staff_edits_survive_a_new_load(angers_content):
    PartnerCity.objects.filter(slug="wigan").update(summary_en="Edited by staff.", published=False)
    torun = PartnerCity.objects.get(slug="torun")
    torun.milestones.filter(year=2011).delete()
    torun.themes.clear()
    Programme.objects.filter(slug="jeunes-ambassadeurs").update(name_fr="Ambassadeurs (modifié)")
    PartnerCity.objects.filter(slug="yantai").delete()

    load()

    wigan = PartnerCity.objects.get(slug="wigan")
    assert (wigan.summary_en, wigan.published) == ("Edited by staff.", False)
    assert [m.year for m in torun.milestones.all()] == [2016]
    assert not torun.themes.exists()
    assert Programme.objects.get(slug="jeunes-ambassadeurs").name_fr == "Ambassadeurs (modifié)"
    assert not PartnerCity.objects.filter(slug="yantai").exists()  # deleted by staff: stays deleted


def test_a_city_staff_renamed_or_deleted_is_not_loaded_again(angers_content):
    PartnerCity.objects.filter(slug="osnabruck").update(slug="osnabrueck")
    PartnerCity.objects.filter(slug="pisa").delete()
    Programme.objects.filter(slug="jeunes-ambassadeurs").update(slug="ambassadeurs")

    load()

    assert PartnerCity.objects.filter(name_fr="Osnabrück").count() == 1
    assert not PartnerCity.objects.filter(slug__in=["osnabruck", "pisa"]).exists()
    assert Programme.objects.filter(name_fr=Programme.objects.get(slug="ambassadeurs").name_fr).count() == 1
    assert PartnerCity.objects.count() == 8
