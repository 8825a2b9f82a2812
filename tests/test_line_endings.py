"""Multi-line text is stored with `\n` line endings, whoever writes it (angers_intl/text_fields.py)."""

import pytest
from django.apps import apps
from django.db import connection, models

from angers_intl.text_fields import TextField, normalise_stored_line_endings
from newsletter.models import NewsletterIssue
from partnerships.models import PartnerCity

OUR_APPS = ("angers_intl", "partnerships", "networks", "newsletter")


def test_every_text_field_of_every_language_normalises_line_endings():
    text_fields = [
        f"{model._meta.label}.{field.name}"
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.TextField)
    ]
    assert "partnerships.PartnerCity.summary_en" in text_fields
    assert "newsletter.NewsletterIssue.body_fr" in text_fields
    not_normalised = [
        name
        for name in text_fields
        if not isinstance(
            apps.get_model(name.rsplit(".", 1)[0])._meta.get_field(name.rsplit(".", 1)[1]), TextField
        )
    ]
    assert not_normalised == []


@pytest.fixture
def torun(db):
    return PartnerCity.objects.create(
        slug="torun",
        name_fr="Toruń",
        country="PL",
        agreement_type="twinning",
        year_started=2011,
        summary_fr="Ville de Copernic.",
    )


def test_saving_stores_newlines_only(torun):
    torun.summary_fr = "Ville de Copernic,\r\nau bord de la Vistule.\rSur deux lignes."
    torun.body_en = "One\r\n\r\nTwo"
    torun.save()

    stored = PartnerCity.objects.values("summary_fr", "body_en").get(pk=torun.pk)
    assert stored == {
        "summary_fr": "Ville de Copernic,\nau bord de la Vistule.\nSur deux lignes.",
        "body_en": "One\n\nTwo",
    }
    assert torun.summary_fr == stored["summary_fr"]  # the instance holds what was stored


def test_queryset_updates_and_validation_normalise_too(torun):
    PartnerCity.objects.filter(pk=torun.pk).update(body_fr="Un\r\ndeux")
    assert PartnerCity.objects.get(pk=torun.pk).body_fr == "Un\ndeux"

    torun.body_fr = "Trois\r\nquatre"
    torun.full_clean()
    assert torun.body_fr == "Trois\nquatre"


def test_newsletter_text_is_normalised(db):
    issue = NewsletterIssue.objects.create(subject_fr="Nouvelles", body_fr="## Titre\r\n\r\nTexte")
    issue.refresh_from_db()
    assert issue.body_fr == "## Titre\n\nTexte"


def test_the_data_migration_rewrites_what_was_stored_before(torun):
    table = PartnerCity._meta.db_table
    with connection.cursor() as cursor:  # as a browser's text was stored before: behind the field's back
        cursor.execute(
            f"UPDATE {table} SET summary_fr = %s, body_en = %s WHERE id = %s",  # noqa: S608
            ["Un\r\ndeux", "One\rtwo", torun.pk],
        )

    normalise_stored_line_endings(apps, "partnerships")

    stored = PartnerCity.objects.values("summary_fr", "body_en").get(pk=torun.pk)
    assert stored == {"summary_fr": "Un\ndeux", "body_en": "One\ntwo"}
