"""One convention for every translated admin (angers_intl/translation_admin.py): the same base class and
media (our own language tabs, static/translation_admin/tabs.js, and the admin's own stylesheet),
slugs prefilled from the French name, and admin HTML that the Content-Security-Policy lets through."""

import html
import json
import re

import pytest
from django.conf import settings
from django.contrib import admin
from modeltranslation.translator import translator

from angers_intl.translation_admin import SiteTranslationAdmin

TRANSLATED_ADMINS = [
    model_admin
    for model_admin in admin.site._registry.values()
    if model_admin.model in translator.get_registered_models()
]


def add_url(model_admin):
    return f"/admin/{model_admin.opts.app_label}/{model_admin.opts.model_name}/add/"


def test_every_translated_model_has_an_admin_on_the_one_base_class():
    assert {model_admin.opts.label for model_admin in TRANSLATED_ADMINS} == {
        "angers_intl.SiteProfile",
        "angers_intl.LegalPage",
        "partnerships.Theme",
        "partnerships.PartnerCity",
        "partnerships.Programme",
        "networks.Network",
        "networks.Recognition",
        "networks.Distinction",
        "news.NewsItem",
        "news.Event",
        "newsletter.NewsletterIssue",
    }
    for model_admin in TRANSLATED_ADMINS:
        assert isinstance(model_admin, SiteTranslationAdmin), model_admin


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("model_admin", TRANSLATED_ADMINS, ids=lambda model_admin: model_admin.opts.label)
def test_a_translated_form_loads_the_tabs_from_our_own_host(admin_client, model_admin, language):
    page = admin_client.get(add_url(model_admin), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    # Our own tabs (static/translation_admin/tabs.js), not modeltranslation's, nor jQuery UI from any host.
    assert re.search(r'<script src="/static/translation_admin/tabs\.[0-9a-f]+\.js"[^>]*\bdefer', page)
    assert "jquery-ui" not in page
    assert "tabbed_translation_fields" not in page
    assert re.search(r'<link href="/static/css/admin\.[0-9a-f]+\.css"', page)
    assert "googleapis" not in page


def prepopulated_fields(page):
    found = re.search(r'data-prepopulated-fields="([^"]*)"', page)
    return {field["name"]: field["dependency_list"] for field in json.loads(html.unescape(found[1]))}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_slug_is_prefilled_from_the_french_name(admin_client, language):
    with_slugs = [
        model_admin
        for model_admin in TRANSLATED_ADMINS
        for field in model_admin.opts.fields
        if field.name == "slug" and field.get_internal_type() == "SlugField"
    ]
    assert {model_admin.opts.label for model_admin in with_slugs} >= {
        "partnerships.PartnerCity",
        "partnerships.Programme",
        "partnerships.Theme",
        "networks.Network",
        "networks.Recognition",
        "news.NewsItem",
        "news.Event",
    }
    for model_admin in with_slugs:
        page = admin_client.get(add_url(model_admin), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        # From the French of the name (a title for news and events).
        source = "title" if model_admin.opts.app_label == "news" else "name"
        assert prepopulated_fields(page) == {"slug": [f"{source}_fr"]}, model_admin


ADMIN_SOURCES = [
    *settings.BASE_DIR.glob("*/admin.py"),
    *settings.BASE_DIR.glob("templates/admin/**/*.html"),
    *settings.BASE_DIR.glob("templates/*/admin/**/*.html"),
    *settings.BASE_DIR.glob("*/templates/admin/**/*.html"),
]


@pytest.mark.parametrize(
    "path",
    ADMIN_SOURCES,
    ids=lambda path: str(path.relative_to(settings.BASE_DIR)),
)
def test_admin_code_has_no_inline_style_and_describes_columns_with_admin_display(path):
    text = path.read_text()
    assert not re.search(r"\bstyle=", text), (
        "inline styles are blocked by the CSP: use a class of css/admin.css"
    )
    assert "short_description" not in text, "use @admin.display(description=…)"
