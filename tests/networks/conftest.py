"""Fixtures for the networks app: networks, recognitions with levels, a Communication staff member."""

import pytest

from angers_intl.staff import COMMUNICATION_GROUP
from networks.models import (
    Distinction,
    FigureMeasure,
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
