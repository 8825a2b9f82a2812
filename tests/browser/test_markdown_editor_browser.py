"""The admin's Markdown editor in Chromium, under the Content-Security-Policy: the toolbar formats the text,
the preview follows as staff type, a key date added to the form gets its editor, and axe finds nothing wrong
in the editor."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from partnerships.models import PartnerCity

pytestmark = pytest.mark.browser

# The nodes of a violation that lie inside an editor (toolbar, buttons, textarea, preview), after typing and
# previewing: the crawl of tests/browser/test_admin_accessibility_browser.py checks the rest of the page.
INSIDE_AN_EDITOR = "(selector) => !!document.querySelector(selector)?.closest('.markdown-editor')"


@pytest.fixture
def haarlem_form(browser_page, db, django_user_model, settings):
    """A Communication staff member signed in, on the change form of a partner city."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = django_user_model.objects.create_user("camille", password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Communication"))
    city = PartnerCity.objects.create(
        slug="haarlem",
        name_fr="Haarlem",
        country="NL",
        agreement_type="twinning",
        year_started=1964,
        summary_fr="Une ville jumelle.",
        summary_en="",
        latitude=Decimal("52.38"),
        longitude=Decimal("4.64"),
    )
    page = browser_page
    page.set_default_timeout(5000)
    page.visit("/admin/login/")
    page.fill("#id_username", "camille")
    page.fill("#id_password", "a-long-test-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.visit(f"/admin/partnerships/partnercity/{city.pk}/change/")
    return page


def open_english_tab(page, field_id):
    page.locator(".mt-tabs", has=page.locator(f"#{field_id}")).get_by_role("tab", name="English").click()


def axe_violations_in_editors(page):
    found = []
    for violation in page.axe_results():
        for node in violation["nodes"]:
            if page.evaluate(INSIDE_AN_EDITOR, node["target"][-1]):
                found.append((violation["id"], node["target"], node["failureSummary"]))
    return found


def test_bold_wraps_the_selection_and_the_preview_shows_it_under_the_policy(haarlem_form):
    page = haarlem_form
    open_english_tab(page, "id_summary_en")
    summary = page.locator("#id_summary_en")
    expect(summary).to_be_visible()
    summary.fill("A twin town.")
    summary.evaluate("(field) => field.setSelectionRange(2, 6)")  # "twin"

    toolbar = page.get_by_role("toolbar", name="Mise en forme – Résumé [en]")
    toolbar.get_by_role("button", name="Gras").click()
    expect(summary).to_have_value("A **twin** town.")

    preview = page.get_by_role("region", name="Aperçu – Résumé [en]")
    expect(preview.locator("strong")).to_have_text("twin")
    expect(preview.locator(".markdown-preview")).to_have_attribute("lang", "en")
    # The preview never took the focus: staff keep typing where they were.
    assert page.evaluate("document.activeElement.id") == "id_summary_en"

    # As staff type, the preview follows (a link to another site announced in English, as on the page).
    summary.press("End")
    summary.press_sequentially(" See [the site](https://example.org/).")
    expect(preview.locator("a")).to_have_text("the site (external site)")

    assert page.console_errors == []
    assert page.foreign_requests() == []


def test_the_toolbar_is_one_tab_stop_and_works_from_the_keyboard(haarlem_form):
    page = haarlem_form
    open_english_tab(page, "id_body_en")
    body = page.locator("#id_body_en")
    body.fill("Markets")
    body.evaluate("(field) => field.select()")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "Gras"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.textContent") == "Intertitre"
    page.keyboard.press("Enter")
    expect(body).to_have_value("## Markets")
    expect(page.get_by_role("region", name="Aperçu – Texte [en]").locator("h2")).to_have_text("Markets")
    assert page.console_errors == []


def test_a_key_date_added_to_the_form_gets_a_working_editor(haarlem_form):
    page = haarlem_form
    page.locator("#milestones-group .add-row a").click()
    text = page.locator("#id_milestones-0-text_fr")
    expect(text).to_be_visible()
    text.fill("Signée *à Haarlem*.")
    editor = page.locator(".markdown-editor", has=text)
    toolbar = editor.get_by_role("toolbar", name="Mise en forme – Texte [fr]")
    assert (
        toolbar.get_by_role("button", name="Lien").get_attribute("aria-controls") == "id_milestones-0-text_fr"
    )
    preview = editor.get_by_role("region", name="Aperçu – Texte [fr]")
    expect(preview.locator("em")).to_have_text("à Haarlem")
    assert page.console_errors == []


def test_axe_finds_no_violation_in_the_editors(haarlem_form):
    page = haarlem_form
    open_english_tab(page, "id_summary_en")
    page.locator("#id_summary_en").fill("A **twin** town, see [its site](https://example.org/).")
    expect(page.get_by_role("region", name="Aperçu – Résumé [en]").locator("a")).to_be_visible()
    assert page.locator(".markdown-editor").count() >= 4
    assert axe_violations_in_editors(page) == []
