"""The admin's Markdown editor: every Markdown field of every admin form has it, its toolbar and preview are
named in the staff member's language, and its preview endpoint renders as the public site does, for staff
only. (The typing, the toolbar and axe: tests/browser/test_markdown_editor_browser.py.)"""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.test import Client, RequestFactory

from angers_intl.text_fields import MarkdownField
from angers_intl.widgets import MarkdownEditor

PREVIEW_URL = "/admin/markdown-preview/"

# The texts the public pages render as Markdown (`{% translated obj "field" "markdown" %}`).
MARKDOWN_FIELDS = {
    "angers_intl.LegalPage.body",
    "partnerships.PartnerCity.summary",
    "partnerships.PartnerCity.body",
    "partnerships.Milestone.text",
    "partnerships.Programme.summary",
    "partnerships.Programme.body",
    "networks.Network.description",
    "networks.Network.city_benefits",
    "networks.Recognition.description",
    "news.NewsItem.summary",
    "news.NewsItem.body",
    "news.Event.summary",
    "news.Event.body",
    "newsletter.NewsletterIssue.body",
}


@pytest.fixture
def make_city(db):
    from decimal import Decimal

    from partnerships.models import PartnerCity

    def make(name, **fields):
        defaults = {"slug": name.lower(), "name_fr": name, "country": "NL", "agreement_type": "twinning"}
        defaults |= {"year_started": 1964, "summary_fr": "Une ville jumelle.", "latitude": Decimal(52)}
        return PartnerCity.objects.create(**defaults, longitude=Decimal(4), **fields)

    return make


@pytest.fixture
def communication_client(db):
    user = User.objects.create_user("camille", is_staff=True)
    user.groups.add(Group.objects.get(name="Communication"))
    client = Client()
    client.force_login(user)
    return client


def preview(client, text, language="en", **headers):
    return client.post(PREVIEW_URL, {"text": text, "language": language}, **headers)


def markdown_form_fields(form_class):
    """The form's fields for a Markdown column (each language's)."""
    model_fields = {field.name: field for field in form_class._meta.model._meta.get_fields()}
    return {
        name: field
        for name, field in form_class.base_fields.items()
        if isinstance(model_fields.get(name), MarkdownField)
    }


def test_the_markdown_fields_are_the_texts_the_public_pages_render_as_markdown():
    from django.apps import apps

    marked = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if not hasattr(model, "instance_type")  # the history's copies of the models (django-simple-history)
        for field in model._meta.get_fields()
        if isinstance(field, MarkdownField) and not hasattr(field, "translated_field")
    }
    assert marked == MARKDOWN_FIELDS


def test_every_markdown_field_of_every_admin_form_and_inline_has_the_editor(admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    edited = set()
    for model_admin in admin.site._registry.values():
        form_classes = [model_admin.get_form(request)]
        form_classes += [
            inline.get_formset(request).form for inline in model_admin.get_inline_instances(request)
        ]
        for form_class in form_classes:
            for name, field in markdown_form_fields(form_class).items():
                assert isinstance(field.widget, MarkdownEditor), (form_class._meta.model, name)
                edited.add(f"{form_class._meta.model._meta.label}.{name}")
    assert edited == {f"{field}_{language}" for field in MARKDOWN_FIELDS for language in ("fr", "en")}


def test_the_editor_is_named_in_the_staff_members_language_and_points_at_its_textarea(
    communication_client, make_city
):
    city = make_city(name="Haarlem", summary_en="A **twin** town.")
    url = f"/admin/partnerships/partnercity/{city.pk}/change/"

    page = communication_client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    start = page.index('<markdown-toolbar class="markdown-editor__toolbar" for="id_summary_en"')
    editor = page[start : page.index("</section>", start)]
    assert 'aria-label="Mise en forme – Résumé [en]"' in editor
    buttons = re.findall(
        r'<button type="button"[^>]*aria-controls="id_summary_en"[^>]*>([^<]+)</button>', editor
    )
    assert buttons == [
        "Gras", "Italique", "Intertitre", "Lien", "Liste à puces", "Liste numérotée", "Citation",
    ]  # fmt: skip
    assert (
        '<section class="markdown-editor__preview" aria-label="Aperçu – Résumé [en]" aria-live="polite"'
        in editor
    )
    # The saved text is previewed from the start, marked with the field's language.
    assert '<div class="markdown-preview" lang="en"><p>A <strong>twin</strong> town.</p></div>' in editor
    # Hidden until the script shows them: without JavaScript, the textarea alone.
    assert re.search(r"<markdown-toolbar [^>]*hidden>", editor)

    page = communication_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'aria-label="Formatting – Summary [en]"' in page
    assert ">Bulleted list</button>" in page
    assert 'aria-label="Preview – Summary [fr]"' in page
    # Scripts and styles are static files from our own host (the CSP allows no inline code).
    assert re.search(
        r'<script src="/static/vendor/markdown-toolbar-element/index\.[0-9a-f]+\.js"[^>]*type="module"', page
    )
    assert re.search(r'<script src="/static/markdown_editor/editor\.[0-9a-f]+\.js"[^>]*defer', page)
    assert re.search(r'<link href="/static/css/markdown_editor\.[0-9a-f]+\.css"', page)


def test_a_key_date_inline_has_the_editor_in_its_rows_and_its_template_row(communication_client, make_city):
    city = make_city(name="Haarlem")
    city.milestones.create(year=1990, title_fr="Signature", text_fr="Signée *à Haarlem*.")
    page = communication_client.get(f"/admin/partnerships/partnercity/{city.pk}/change/").content.decode()
    assert 'for="id_milestones-0-text_fr" data-no-focus aria-label="Mise en forme – Texte [fr]"' in page
    assert "<p>Signée <em>à Haarlem</em>.</p>" in page
    # The row Django copies when staff add a key date (the script renames its ids, then enhances it).
    assert 'for="id_milestones-__prefix__-text_en"' in page


def test_staff_get_the_public_rendering_sanitised(communication_client):
    response = preview(
        communication_client,
        'Un **jumelage** <script>alert(1)</script> <a href="/fr/" onclick="alert(2)">ici</a> '
        "[site](https://example.org/)",
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    html = response.json()["html"]
    assert "<strong>jumelage</strong>" in html
    assert "<script" not in html
    assert "alert(1)" not in html
    assert "onclick" not in html
    assert '<a href="/fr/">ici</a>' in html
    # A link to another site is announced in the language of the field, as on its public page.
    assert '<span class="visually-hidden"> (external site)</span>' in html
    french = preview(communication_client, "[site](https://example.org/)", language="fr").json()["html"]
    assert "(site externe)" in french


def test_an_unknown_language_previews_in_the_staff_members_language(communication_client):
    html = preview(communication_client, "[site](https://example.org/)", language="xx").json()["html"]
    assert "(site externe)" in html


def test_the_newsletter_group_previews_its_issues(db, client):
    user = User.objects.create_user("nina", is_staff=True)
    user.groups.add(Group.objects.get(name="Newsletter"))
    client.force_login(user)
    assert preview(client, "**x**").json() == {"html": "<p><strong>x</strong></p>"}


def test_visitors_and_accounts_without_the_right_cannot_preview(db, client):
    response = preview(client, "**x**")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")

    client.force_login(User.objects.create_user("visitor"))
    response = preview(client, "**x**")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")

    client.force_login(User.objects.create_user("intern", is_staff=True))
    assert preview(client, "**x**").status_code == 403


def test_the_preview_is_a_post_with_the_csrf_token(communication_client, db):
    assert communication_client.get(PREVIEW_URL).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(User.objects.get(username="camille"))
    assert preview(strict, "**x**").status_code == 403
    strict.get("/admin/")
    token = strict.cookies["csrftoken"].value
    assert preview(strict, "**x**", HTTP_X_CSRFTOKEN=token).status_code == 200


def test_a_text_too_long_gets_a_clear_message_in_the_staff_members_language(communication_client, settings):
    settings.MARKDOWN_PREVIEW_MAX_CHARS = 1000
    assert preview(communication_client, "x" * 1000).status_code == 200

    response = preview(communication_client, "x" * 1001, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 413
    assert response.json() == {
        "error": "This text is too long to preview: 1,001 characters, and the preview shows at most 1,000. "
        "Saving is not affected."
    }
    response = preview(communication_client, "x" * 1001, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json()["error"].startswith(
        "Ce texte est trop long pour l’aperçu\u00a0: 1\u00a0001 caractères"
    )
