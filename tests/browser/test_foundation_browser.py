"""The foundation pages seen in a real headless Chromium."""

import pytest

pytestmark = pytest.mark.browser


def test_home_page_asks_no_other_host_and_sets_no_cookie(browser_page, test_city):
    browser_page.visit("/fr/")
    assert browser_page.locator("h1").inner_text() == "Valmont dans le monde"  # the test city's site title
    assert browser_page.foreign_requests() == []
    assert browser_page.context.cookies() == []


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(browser_page, test_city):
    browser_page.visit("/en/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to main content"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_leads_to_the_same_page(browser_page, test_city):
    browser_page.visit("/fr/villes-partenaires/")
    browser_page.get_by_role("link", name="English").click()
    assert browser_page.url.endswith("/en/partner-cities/")
    assert browser_page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("path", ["/fr/", "/en/"])
def test_home_page_has_no_accessibility_violation(browser_page, test_city, path):
    browser_page.visit(path)
    assert browser_page.axe_violations() == []


# The HTML validation of these pages (and of every other public page) is in tests/test_html_validity.py:
# one Nu Html Checker run for the whole crawl.
