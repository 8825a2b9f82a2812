"""Fixtures for the networks app: networks, recognitions with levels, a whole set of both for the public
pages (`networks_world`), a Communication staff member."""

import pytest

from angers_intl.staff import COMMUNICATION_GROUP
from networks.models import (
    Distinction,
    FigureMeasure,
    FigureQualifier,
    Network,
    NetworkFigure,
    NetworkKind,
    NetworkScope,
    Recognition,
    RecognitionKind,
    RecognitionLevel,
    Renewal,
)


@pytest.fixture
def make_network(db):
    def make(slug="network", **fields):
        values = {
            "name_fr": f"Réseau {slug}",
            "name_en": f"Network {slug}",
            "kind": NetworkKind.CITY_NETWORK,
            "scope": NetworkScope.EUROPEAN,
            "published": True,
        } | fields
        return Network.objects.create(slug=slug, **values)

    return make


@pytest.fixture
def make_figure(db):
    def make(network, measure=FigureMeasure.MEMBERS, value=1500, **fields):
        return NetworkFigure.objects.create(network=network, measure=measure, value=value, **fields)

    return make


@pytest.fixture
def make_recognition(db):
    def make(slug="recognition", **fields):
        values = {
            "name_fr": f"Label {slug}",
            "name_en": f"Award {slug}",
            "kind": RecognitionKind.LABEL,
            "renewal": Renewal.ONE_OFF,
            "published": True,
        } | fields
        return Recognition.objects.create(slug=slug, **values)

    return make


@pytest.fixture
def europe_prize(make_recognition):
    """A four-level ladder; the city holds the first level (2018)."""
    prize = make_recognition(
        "europe-prize",
        name_fr="Prix de l’Europe",
        name_en="Europe Prize",
        kind=RecognitionKind.AWARD,
        awarding_body_fr="Assemblée parlementaire du Conseil de l’Europe",
        awarding_body_en="Parliamentary Assembly of the Council of Europe",
    )
    for rank, (name_fr, name_en) in enumerate(
        [
            ("Diplôme européen", "European Diploma"),
            ("Drapeau d’honneur", "Flag of Honour"),
            ("Plaque d’honneur", "Plaque of Honour"),
            ("Prix de l’Europe", "Europe Prize"),
        ],
        start=1,
    ):
        RecognitionLevel.objects.create(recognition=prize, rank=rank, name_fr=name_fr, name_en=name_en)
    Distinction.objects.create(recognition=prize, year=2018, level=prize.levels.get(rank=1))
    return prize


@pytest.fixture
def communication_staff(db, client):
    """A staff member of the Communication group (not a superuser), signed in on `client`. The group and
    its permissions exist after `migrate`; each test makes the networks and labels it works on."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("comms", "comms@example.org", password=None, is_staff=True)
    user.groups.add(Group.objects.get(name=COMMUNICATION_GROUP))
    client.force_login(user)
    return user


NETWORKS = {
    # slug: (French name, French acronym, English name, English acronym)
    "river-towns": ("Alliance des villes fluviales", "AVF", "Alliance of River Towns", "ART"),
    "twin-towns-france": ("Villes jumelles de France", "VJF", "Twin Towns of France", "TTF"),
    "world-towns": ("Villes du monde unies", "VMU", "United World Towns", "UWT"),
    "bridges": ("Ponts d’Europe", "", "Bridges of Europe", ""),
    "valley-cooperation": ("Coopération des vallées", "", "Valley Cooperation", ""),
    "climate-pact": ("Pacte climat des maires", "PCM", "Mayors’ Climate Pact", "MCP"),
    "learning-towns": ("Villes apprenantes", "VA", "Learning Towns", "LT"),
}
CITY_NETWORKS = ["river-towns", "twin-towns-france", "world-towns", "bridges", "valley-cooperation"]
THEMATIC_NETWORKS = ["climate-pact", "learning-towns"]
FIGURES = {
    # slug: (founded, [(measure, qualifier, value)])
    "river-towns": (1951, [(FigureMeasure.MEMBERS, FigureQualifier.MORE_THAN, 1500)]),
    "twin-towns-france": (1975, [(FigureMeasure.MEMBERS, FigureQualifier.EXACT, 300)]),
    "world-towns": (2004, [(FigureMeasure.WORLD_POPULATION_SHARE, FigureQualifier.NEARLY, 70)]),
    "bridges": (
        1986,
        [
            (FigureMeasure.MEMBERS, FigureQualifier.MORE_THAN, 200),
            (FigureMeasure.COUNTRIES, FigureQualifier.EXACT, 38),
            (FigureMeasure.POPULATION, FigureQualifier.EXACT, 130_000_000),
        ],
    ),
    "valley-cooperation": (None, []),
    "climate-pact": (
        2016,
        [
            (FigureMeasure.MEMBERS, FigureQualifier.EXACT, 12761),
            (FigureMeasure.COUNTRIES, FigureQualifier.EXACT, 142),
            (FigureMeasure.POPULATION, FigureQualifier.MORE_THAN, 1_000_000_000),
        ],
    ),
    "learning-towns": (
        1994,
        [
            (FigureMeasure.MEMBERS, FigureQualifier.MORE_THAN, 500),
            (FigureMeasure.COUNTRIES, FigureQualifier.EXACT, 34),
        ],
    ),
}

KEPT_IN_ENGLISH = {"Tree Towns", "Clean Air Accord"}

RECOGNITIONS = {
    "europe-prize": ("Prix de l’Europe", "Europe Prize"),
    "citizen-town": ("Ville citoyenne", "Citizen Town (Ville citoyenne)"),
    "open-town": ("Ville ouverte", "Open Town (Ville ouverte)"),
    "tree-towns": ("Tree Towns", "Tree Towns"),
    "clean-air-accord": ("Clean Air Accord", "Clean Air Accord"),
    "friendly-towns": ("Ville amie des aînés", "Age-friendly Town"),
}


@pytest.fixture
def networks_world(make_network, make_figure, make_recognition, europe_prize):
    """Seven networks (five city networks, two thematic) with founding years and figures, and six
    recognitions of every kind: the Europe Prize ladder (first level in 2018), a label of 2012 with a note, a
    label without year, a yearly label kept in English without validity dates, and two commitments."""
    for order, (slug, (name_fr, acronym_fr, name_en, acronym_en)) in enumerate(NETWORKS.items()):
        founded, figures = FIGURES[slug]
        network = make_network(
            slug,
            name_fr=name_fr,
            name_en=name_en,
            acronym_fr=acronym_fr,
            acronym_en=acronym_en,
            kind=NetworkKind.THEMATIC_NETWORK if slug in THEMATIC_NETWORKS else NetworkKind.CITY_NETWORK,
            scope=NetworkScope.WORLDWIDE,
            founded_year=founded,
            display_order=order,
            description_fr=f"{name_fr} : un réseau de villes.",
            description_en=f"{name_en}: a network of towns.",
        )
        for measure, qualifier, value in figures:
            make_figure(network, measure=measure, qualifier=qualifier, value=value)
    Network.objects.filter(slug="river-towns").update(
        description_fr="Le réseau à l’origine des fêtes fluviales.",
        description_en="The network that started the river festivals.",
        website="https://www.river-towns.example/",
    )
    Network.objects.filter(slug="world-towns").update(
        city_benefits_fr="Une voix au niveau mondial.", city_benefits_en="A voice at world level."
    )
    Network.objects.filter(slug="valley-cooperation").update(
        headquarters_fr="Valmont", headquarters_en="Valmont", description_fr="Animé avec l’association VALCO."
    )
    Network.objects.filter(slug="valley-cooperation").update(description_en="Run with the VALCO association.")

    Recognition.objects.filter(pk=europe_prize.pk).update(established_year=1955, display_order=1)
    citizen = make_recognition(
        "citizen-town",
        name_fr="Ville citoyenne",
        name_en="Citizen Town (Ville citoyenne)",
        awarding_body_fr="Ministère des Affaires étrangères",
        awarding_body_en="French Ministry of Foreign Affairs",
        description_fr="Pour ses échanges de jeunes «\u00a0ambassadeurs\u00a0» depuis 1967.",
        description_en="For the exchanges of youth ambassadors.",
        display_order=2,
    )
    Distinction.objects.create(
        recognition=citizen,
        year=2012,
        note_fr="Pour le programme des jeunes ambassadeurs",
        note_en="For the youth ambassadors programme",
    )
    open_town = make_recognition(
        "open-town", name_fr="Ville ouverte", name_en="Open Town (Ville ouverte)", display_order=3
    )
    Distinction.objects.create(recognition=open_town)
    trees = make_recognition(
        "tree-towns",
        name_fr="Tree Towns",
        name_en="Tree Towns",
        name_language="en",
        renewal=Renewal.PERIODIC,
        renewal_period_years=1,
        website="https://www.tree-towns.example/",
        display_order=4,
    )
    Distinction.objects.create(recognition=trees)
    accord = make_recognition(
        "clean-air-accord",
        name_fr="Clean Air Accord",
        name_en="Clean Air Accord",
        name_language="en",
        kind=RecognitionKind.COMMITMENT,
        renewal=Renewal.COMMITMENT,
        display_order=5,
    )
    Distinction.objects.create(recognition=accord)
    friendly = make_recognition(
        "friendly-towns",
        name_fr="Ville amie des aînés",
        name_en="Age-friendly Town",
        kind=RecognitionKind.COMMITMENT,
        renewal=Renewal.COMMITMENT,
        awarding_body_fr="Organisation mondiale de la santé (OMS)",
        awarding_body_en="World Health Organization (WHO)",
        display_order=6,
    )
    Distinction.objects.create(recognition=friendly)


def admin_form_data(response):
    """The POST data of an admin change form as rendered: the main form and every inline, unchanged."""
    from django import forms

    data = {}

    def add(form):
        for name, field in form.fields.items():
            bound = form[name]
            if isinstance(field, forms.FileField):
                continue
            value = bound.value()
            if isinstance(field.widget, forms.CheckboxInput):
                if value:
                    data[bound.html_name] = "on"
                continue
            data[bound.html_name] = "" if value is None else str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data
