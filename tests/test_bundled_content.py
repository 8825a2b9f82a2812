"""Checks of the bundled content (content/angers), the content `make run` loads: it is complete, valid, written
in both languages, loads again without overwriting what staff changed, and every public page renders with it.

This is the one test file that reads the Angers content. Every other test builds the data it needs, or loads
the invented test city (tests/fixtures/second_city, fixture `test_city`).
"""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from angers_intl.content_format import BUNDLED_CONTENT_DIR
from angers_intl.models import LegalPage, LegalPageKind
from angers_intl.staff import COMMUNICATION_GROUP
from networks.models import Distinction, Network, NetworkFigure, Recognition, RecognitionLevel
from partnerships.models import Milestone, PartnerCity, Programme, Theme
from tests.site_crawl import crawl_public_site
from tests.test_content_format import assert_same_folders, export

NETWORK_MODELS = [Network, NetworkFigure, Recognition, RecognitionLevel, Distinction]


@pytest.fixture
def angers_content(db):
    """The bundled content, loaded by the same command as `make run`; the command's report."""
    return load()


def load():
    output = io.StringIO()
    call_command("load_content", stdout=output)
    return output.getvalue()


def partnerships_snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (PartnerCity, Milestone, Programme, Theme, PartnerCity.themes.through)
    ] + [list(Programme.partner_cities.through.objects.order_by("pk").values())]


def networks_snapshot():
    return {model.__name__: sorted(model.objects.values_list()) for model in NETWORK_MODELS}


def test_every_public_page_renders_with_the_bundled_content(angers_content, client):
    site = crawl_public_site(client)
    assert site.broken_links == []
    assert not site.truncated
    assert {url: response.status_code for url, response in site.pages.items()} == dict.fromkeys(
        site.pages, 200
    )
    assert {"/fr/villes-partenaires/torun/", "/en/networks/uclg/", "/en/labels-and-awards/"} <= set(
        site.pages
    )


def test_exporting_the_bundled_content_gives_back_the_bundled_folder(angers_content, tmp_path):
    """The bundled folder is canonical: `export_content` writes it back byte for byte."""
    assert_same_folders(BUNDLED_CONTENT_DIR, export(tmp_path / "export"))


# Partner cities, key dates, programmes, themes.


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
    before = partnerships_snapshot()
    output = load()
    assert partnerships_snapshot() == before
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


# Networks, labels and awards.


def test_the_loader_creates_the_angers_networks_and_recognitions(angers_content):
    for line in [
        "networks: 7 created",
        "figures: 11 created",
        "labels and awards: 6 created",
        "levels: 4 created",
        "distinctions: 6 created",
    ]:
        assert line in angers_content
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


def test_a_second_run_changes_nothing(angers_content):
    before = networks_snapshot()
    output = io.StringIO()
    call_command("load_content", stdout=output)
    assert "networks: 0 created, 7 kept as they were" in output.getvalue()
    assert "distinctions: 0 created, 6 kept as they were" in output.getvalue()
    assert networks_snapshot() == before


def test_staff_edits_survive_a_new_run(angers_content):
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


def test_every_loaded_text_exists_in_both_languages(angers_content):
    for network in Network.objects.all():
        for field in ["name", "description", "city_benefits"]:
            assert getattr(network, f"{field}_fr"), (network.slug, field)
            assert getattr(network, f"{field}_en"), (network.slug, field)
    for recognition in Recognition.objects.all():
        for field in ["name", "description"]:
            assert getattr(recognition, f"{field}_fr"), (recognition.slug, field)
            assert getattr(recognition, f"{field}_en"), (recognition.slug, field)


def test_what_staff_renamed_or_deleted_is_not_loaded_again(angers_content):
    Network.objects.filter(slug="uclg").update(slug="cglu")
    Network.objects.filter(slug="eurocities").delete()
    RecognitionLevel.objects.filter(recognition__slug="europe-prize", rank=4).delete()
    counts = {model.__name__: model.objects.count() for model in NETWORK_MODELS}

    call_command("load_content", stdout=io.StringIO())

    assert {model.__name__: model.objects.count() for model in NETWORK_MODELS} == counts
    assert not Network.objects.filter(slug__in=["uclg", "eurocities"]).exists()
    assert Network.objects.filter(slug="cglu").exists()


# Legal pages.


def test_loader_writes_the_three_legal_pages_in_both_languages(angers_content):
    pages = {page.slug: page for page in LegalPage.objects.all()}
    assert set(pages) == set(LegalPageKind.values)
    for page in pages.values():
        assert page.title_fr != page.title_en
        assert min(len(page.body_fr), len(page.body_en)) > 500


def test_loader_keeps_what_staff_changed(angers_content):
    LegalPage.objects.filter(slug="privacy").update(body_fr="Texte revu par le service juridique.")
    LegalPage.objects.filter(slug="legal_notice").delete()
    output = io.StringIO()

    call_command("load_content", stdout=output)

    assert LegalPage.objects.get(slug="privacy").body_fr == "Texte revu par le service juridique."
    assert LegalPage.objects.filter(slug="legal_notice").exists()
    assert "legal pages: 1 created, 2 kept as they were" in output.getvalue()


@pytest.mark.parametrize(
    ("path", "title", "expected"),
    [
        (
            "/fr/mentions-legales/",
            "Mentions légales",
            ["Directeur de la publication", "Le maire d’Angers", "Hébergement"],
        ),
        (
            "/en/legal-notice/",
            "Legal notice",
            ["Publication director", "The Mayor of Angers", "Intellectual property"],
        ),
        ("/fr/donnees-personnelles/", "Données personnelles et cookies", ["adresse IP", "30 jours", "CNIL"]),
        ("/en/personal-data/", "Personal data and cookies", ["IP address", "30 days", "withdraw"]),
        (
            "/fr/accessibilite/",
            "Déclaration d’accessibilité",
            ["<strong>non conforme</strong>", "RGAA", "Défenseur des droits"],
        ),
        (
            "/en/accessibility/",
            "Accessibility statement",
            ["<strong>not compliant</strong>", "axe-core", "Defender of Rights"],
        ),
    ],
)
def test_legal_pages_show_the_staff_text_in_the_visitors_language(
    client, angers_content, path, title, expected
):
    response = client.get(path)
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in page
    for text in expected:
        assert text in page
    assert '<p class="legal-page__updated">' in page


def test_privacy_and_accessibility_pages_end_with_the_sites_contact(client, angers_content):
    for path in ["/fr/donnees-personnelles/", "/en/accessibility/"]:
        page = client.get(path).content.decode()
        contact = page[page.index("<h2>Contact</h2>") :]
        assert 'href="mailto:relations.internationales@ville.angers.fr"' in contact


def test_external_links_in_legal_texts_are_announced_and_french_names_marked(client, angers_content):
    page = client.get("/en/personal-data/").content.decode()
    assert (
        '<a href="https://www.cnil.fr/" rel="external noopener">CNIL'
        '<span class="visually-hidden"> (external site)</span></a>'
    ) in page
    assert '<span lang="fr">Commission nationale de l’informatique et des libertés</span>' in page


# The anniversaries the admin's dashboard lists, from the bundled cities, key dates, programmes, networks and
# distinctions.


@pytest.fixture
def communication_client(client, angers_content):
    user = User.objects.create(username="camille", is_staff=True)
    user.groups.add(Group.objects.get(name=COMMUNICATION_GROUP))
    client.force_login(user)
    client.user = user
    return client


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        # March 2026 to February 2027: Yantai's 20 years, the key date of Toruń's agreement (10 years), the
        # ambassadors' 60 years (2027, known by its year).
        (
            datetime.date(2026, 3, 1),
            [("Yantai", "Partnership"), ("Toruń", "Key date"), ("Young ambassadors exchange", "Programme")],
        ),
        # 2027 alone: the ambassadors; Wigan's 40 and Södertälje's 30 years (2028) are beyond twelve months.
        (datetime.date(2027, 1, 1), [("Young ambassadors exchange", "Programme")]),
    ],
)
def test_the_dashboard_lists_the_anniversaries_of_the_coming_twelve_months(
    communication_client, clock, today, expected
):
    clock(today)
    communication_client.force_login(
        communication_client.user
    )  # a session from the real day would have expired
    page = communication_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<h2 id="dashboard-anniversaries">Anniversaries of the coming twelve months</h2>' in page
    section = page.split('id="dashboard-anniversaries"')[1].split("</section>")[0]
    listed = re.findall(
        r'<th scope="row"><a href="/admin/\w+/\w+/\d+/change/">([^<]+)</a><br><span class="dashboard-note">([^<]+)</span>',
        section,
    )
    assert listed == expected
