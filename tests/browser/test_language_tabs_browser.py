"""The language tabs of the translated admin forms (static/translation_admin/tabs.js) in Chromium, under the
Content-Security-Policy: the WAI-ARIA tabs pattern (names, the tab list labelled by its field's label, arrow
keys), and the one switch that shows a language in every field, in step with the tabs, without a mouse."""

import pytest
from playwright.sync_api import expect

from partnerships.models import PartnerCity
from tests.conftest import BrowserPage

pytestmark = pytest.mark.browser


@pytest.fixture
def city_form(chromium, live_server, test_city, django_user_model, settings):
    """A partner city's change form, signed in as a superuser, the admin in English (the browser's language)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    page = BrowserPage(context.new_page(), live_server.url)
    page.set_default_timeout(5000)
    page.visit("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    city = PartnerCity.objects.order_by("pk").first()
    page.visit(f"/admin/partnerships/partnercity/{city.pk}/change/")
    yield page
    context.close()


def shown_languages(page):
    """The language each tab list of the form shows: {field id without language: "fr" or "en"}."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('[role=tab][aria-selected=true]')]
            .map(tab => [tab.getAttribute('aria-controls'), tab.dataset.language]))"""
    )


def pressed(page):
    return page.locator(".mt-switch button[aria-pressed=true]").all_inner_texts()


def test_each_tab_is_named_after_its_field_and_language_and_its_list_after_the_label(city_form):
    page = city_form
    english = page.get_by_role("tab", name="Name – English", exact=True)
    french = page.get_by_role("tab", name="Name – Français", exact=True)
    assert english.get_attribute("aria-selected") == "true"  # the admin's language comes first
    assert french.get_attribute("aria-selected") == "false"
    assert english.get_attribute("aria-controls") == "tab_id_name_en"
    tablist = page.locator("[role=tablist]", has=english)
    label = page.locator(f"#{tablist.get_attribute('aria-labelledby')}")
    assert label.inner_text().strip().rstrip(":").strip() == "Name"  # "[en]" is the tab's to say
    assert page.get_by_role("tabpanel", name="Name – English").locator("#id_name_en").is_visible()
    # The inline key dates have their tabs too, and nothing nests a control in another.
    assert page.locator("#milestones-group [role=tablist]").count() >= 2
    assert page.locator("[role=tab] a, [role=tab] [role=tab], li[role=tab]").count() == 0
    assert page.console_errors == []
    assert page.foreign_requests() == []


def test_arrow_keys_move_between_the_tabs_of_a_field_with_a_visible_focus(city_form):
    page = city_form
    english = page.get_by_role("tab", name="Name – English", exact=True)
    english.focus()
    page.keyboard.press("ArrowRight")  # wraps round to the first
    french = page.get_by_role("tab", name="Name – Français", exact=True)
    assert page.evaluate("document.activeElement.id") == french.get_attribute("id")
    assert french.get_attribute("aria-selected") == "true"
    assert french.get_attribute("tabindex") == "0"
    assert english.get_attribute("tabindex") == "-1"  # one tab stop per tab list
    assert page.locator("#id_name_fr").is_visible()
    assert not page.locator("#id_name_en").is_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("End")
    assert english.get_attribute("aria-selected") == "true"
    page.keyboard.press("Home")
    assert french.get_attribute("aria-selected") == "true"


def test_the_switch_shows_one_language_in_every_field_and_stays_in_step_with_the_tabs(city_form):
    page = city_form
    switch = page.get_by_role("group", name="Language of every field")
    expect(switch).to_be_visible()
    assert pressed(page) == ["English"]
    assert set(shown_languages(page).values()) == {"en"}

    # One field switched alone: the switch no longer claims every field shows English.
    page.get_by_role("tab", name="Summary – Français", exact=True).click()
    assert pressed(page) == []
    assert "different languages" in switch.inner_text()

    switch.get_by_role("button", name="Français").click()
    assert set(shown_languages(page).values()) == {"fr"}
    assert pressed(page) == ["Français"]
    assert page.locator("#id_name_fr").is_visible()
    assert not page.locator("#id_summary_en").is_visible()


def test_the_whole_form_changes_language_from_the_keyboard_alone(city_form):
    page = city_form
    page.locator("body").focus()
    # Tab from the top of the page to the switch's French button, as a keyboard user would.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.mt-switch') !== null"):
            break
    else:
        pytest.fail("Tab never reached the language switch")
    while page.evaluate("document.activeElement.dataset.language") != "fr":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert set(shown_languages(page).values()) == {"fr"}
    page.keyboard.press("Tab")  # to "English"
    page.keyboard.press("Space")
    assert set(shown_languages(page).values()) == {"en"}
    assert pressed(page) == ["English"]


def test_a_key_date_added_with_add_another_gets_tabs_in_the_switch_language(city_form):
    page = city_form
    page.get_by_role("group", name="Language of every field").get_by_role("button", name="Français").click()
    before = page.locator("#milestones-group [role=tablist]").count()
    page.locator("#milestones-group .add-row a").click()
    assert page.locator("#milestones-group [role=tablist]").count() == before + 2  # title and text
    assert set(shown_languages(page).values()) == {"fr"}
    assert pressed(page) == ["Français"]
    assert page.console_errors == []
