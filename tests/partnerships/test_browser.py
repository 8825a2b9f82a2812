"""The partner-city pages and their admin in a real headless Chromium: accessibility (axe, WCAG 2.1 AA),
no request to any other host, valid HTML (Nu Html Checker), and the admin's language tabs."""

import pytest
from django.contrib.auth.models import Group, User

from partnerships.models import PartnerCity

pytestmark = pytest.mark.browser

PAGES = {
    "fr": [
        "/fr/villes-partenaires/",
        "/fr/villes-partenaires/brzezno/",
        "/fr/villes-partenaires/carte/",
        "/fr/villes-partenaires/chronologie/",
        "/fr/villes-partenaires/programmes/kalani-house/",
    ],
    "en": [
        "/en/partner-cities/?type=friendship",  # the "no result" state
        "/en/partner-cities/haiqiao/",
        "/en/partner-cities/map/",
        "/en/partner-cities/timeline/",
        "/en/partner-cities/programmes/youth-exchange/",
    ],
}
MORE_PAGES = ["/en/partner-cities/", "/fr/villes-partenaires/?type=twinning&continent=europe&theme=youth"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pages_have_no_accessibility_violation_and_ask_no_other_host(browser_page, partner_world, language):
    for path in PAGES[language]:
        response = browser_page.visit(path)
        assert response.status == 200, path
        assert browser_page.axe_violations() == [], path
    assert browser_page.foreign_requests() == []
    assert browser_page.context.cookies() == []


def test_map_markers_are_keyboard_links_with_a_name(browser_page, partner_world):
    browser_page.visit("/en/partner-cities/map/")
    marker = browser_page.get_by_role("link", name="Haiqiao (China)")
    assert marker.count() == 1
    marker.focus()
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**/en/partner-cities/haiqiao/")
    assert browser_page.locator("h1").inner_text() == "Haiqiao"


def test_pages_are_valid_html(client, partner_world, html_validator):
    paths = [*PAGES["fr"], *PAGES["en"], *MORE_PAGES, "/en/partner-cities/preview/eastwold/"]
    client.force_login(User.objects.create(username="editor", is_staff=True))
    documents = {path: client.get(path).content.decode() for path in paths}
    assert html_validator(documents) == {}


@pytest.fixture
def staff_browser(browser_page, partner_world):
    """The browser, signed in to the admin as a Communication member (not a superuser)."""
    user = User.objects.create_user("dominique", password="correct-horse-battery-staple", is_staff=True)
    user.groups.add(Group.objects.get(name="Communication"))
    browser_page.visit("/admin/login/")
    browser_page.fill("#id_username", "dominique")
    browser_page.fill("#id_password", "correct-horse-battery-staple")
    browser_page.locator("input[type=submit]").click()
    browser_page.wait_for_url("**/admin/")
    return browser_page


def test_admin_tabs_load_from_our_host_and_show_an_error_in_a_hidden_tab(staff_browser):
    brzezno = PartnerCity.objects.get(slug="brzezno")
    staff_browser.visit(f"/admin/partnerships/partnercity/{brzezno.pk}/change/")
    assert staff_browser.locator(".mt-tabs [role=tablist]").count() > 5  # our script built the tabs
    assert staff_browser.locator(".mt-tab-has-errors").count() == 0
    assert not staff_browser.locator("#id_name_en").is_visible()  # the admin is in French: French first

    # A pasted English name too long for the field is refused by the server.
    staff_browser.evaluate("document.getElementById('id_name_en').removeAttribute('maxlength')")
    staff_browser.evaluate("document.getElementById('id_name_en').value = 'T'.repeat(150)")
    staff_browser.locator("input[name=_continue]").click()
    staff_browser.wait_for_load_state()

    english_tab = staff_browser.get_by_role("tab", name="Nom – English (contient une erreur)", exact=True)
    assert "mt-tab-has-errors" in english_tab.get_attribute("class")
    assert english_tab.get_attribute("aria-selected") == "true"  # opened on the tab with the error
    assert "⚠" in english_tab.inner_text()
    assert staff_browser.locator("#id_name_en").is_visible()
    assert staff_browser.foreign_requests() == []
