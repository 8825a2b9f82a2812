"""The admin reads right in French: every model has its own French names, singular and plural, and the
messages of Django's admin that put a model's name into a sentence are worded for any gender and number
(our catalogue overrides Django's: `angers_intl/admin_wording.py`). No label or help text names a code file."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.admin_forms import admin_form_data

OUR_APPS = ("angers_intl", "partnerships", "networks", "newsletter")
OUR_MODELS = [model for app in OUR_APPS for model in apps.get_app_config(app).get_models()]

# What Django's French catalogue (and django-import-export's) made of our models' names.
WRONG_FRENCH = [
    re.compile(pattern)
    for pattern in [
        r"sélectionnés",
        r"selectionné\(e\)s",
        r"[uU]n objet",
        r"[lL][’']objet [^«]{1,60}«",  # « l’objet date clé « 2011 » »
        r"[lL][’']objet %",
        r"supplémentaire",
        r"Pagination des",
        r"Modification de ",
        r"Ajout de ",
        r"Ajouter un autre",
        r"Sélectionner tous les \d",
        r"Rechercher dans les",
        r"Sélectionnez",
    ]
]


def names(model, language):
    with translation.override(language):
        return str(model._meta.verbose_name), str(model._meta.verbose_name_plural)


@pytest.mark.parametrize("model", OUR_MODELS, ids=lambda model: model._meta.label)
def test_every_model_has_french_names_of_its_own(model):
    french_singular, french_plural = names(model, "fr")
    english_singular, english_plural = names(model, "en")

    assert french_singular != english_singular
    assert french_plural != english_plural
    assert french_singular != french_plural


def test_our_catalogue_comes_before_djangos():
    with translation.override("fr"):
        assert (
            gettext("Delete selected %(verbose_name_plural)s")
            == "Supprimer la sélection (%(verbose_name_plural)s)"
        )
        assert gettext("Add another %(verbose_name)s") == "Ajouter : %(verbose_name)s"
        assert (
            gettext("Export selected %(verbose_name_plural)s")
            == "Exporter la sélection (%(verbose_name_plural)s)"
        )
    with translation.override("en"):
        assert gettext("Delete selected %(verbose_name_plural)s") == "Delete selected %(verbose_name_plural)s"


FILE_PATH = re.compile(r"[\w-]+(/[\w.-]+)*\.(py|html|txt|ya?ml|js|css|json|po|mo|cfg|toml)\b")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_label_or_help_text_names_a_file(language):
    with translation.override(language):
        texts = {
            f"{model._meta.label}.{field.name}": f"{field.verbose_name} {field.help_text}"
            for model in OUR_MODELS
            for field in model._meta.get_fields()
            if hasattr(field, "help_text")
        }
    assert texts["newsletter.Subscriber.consent_version"]
    assert {name: text for name, text in texts.items() if FILE_PATH.search(text)} == {}


@pytest.fixture
def admin_client(client, test_city):
    user = User.objects.create_superuser("dominique", "dominique@example.org", "x")
    client.force_login(user)
    return client


def admin_pages(model, model_admin):
    info = model._meta.app_label, model._meta.model_name
    yield reverse("admin:{}_{}_changelist".format(*info))
    yield reverse("admin:{}_{}_add".format(*info))
    obj = model._default_manager.first()
    if obj is not None:
        for view in ("change", "delete", "history"):
            yield reverse(f"admin:{info[0]}_{info[1]}_{view}", args=[obj.pk])


def test_admin_pages_in_french_have_no_wrongly_agreed_words(admin_client):
    pages = {}
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in OUR_APPS:
            continue
        for url in admin_pages(model, model_admin):
            response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="fr", follow=True)
            if response.status_code == 403:  # nobody adds subscribers, deletion counts…
                continue
            assert response.status_code == 200, url
            pages[url] = response.content.decode()
    # The confirmation of "delete the selection" and the message after saving a form.
    cities = apps.get_model("partnerships", "PartnerCity").objects.all()[:2]
    changelist = reverse("admin:partnerships_partnercity_changelist")
    pages["delete selected"] = admin_client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [city.pk for city in cities]},
        HTTP_ACCEPT_LANGUAGE="fr",
    ).content.decode()
    change = reverse("admin:partnerships_partnercity_change", args=[cities[0].pk])
    form = admin_form_data(admin_client.get(change, HTTP_ACCEPT_LANGUAGE="fr"))
    pages["saved"] = admin_client.post(
        change, {**form, "_continue": "1"}, HTTP_ACCEPT_LANGUAGE="fr", follow=True
    ).content.decode()

    assert len(pages) > 30
    found = {
        url: [match[0] for wrong in WRONG_FRENCH for match in wrong.finditer(html)]
        for url, html in pages.items()
    }
    assert {url: wrong for url, wrong in found.items() if wrong} == {}
    assert "Supprimer la sélection (villes partenaires)" in pages[changelist]
    assert "Voulez-vous vraiment supprimer la sélection (villes partenaires)" in pages["delete selected"]
    assert "Modification réussie : ville partenaire « <a" in pages["saved"]
    assert "Le formulaire ci-dessous permet de la poursuivre." in pages["saved"]
    assert "Ajouter : Date cl\\u00e9" in pages[change]  # the inline's button, in its JSON settings
