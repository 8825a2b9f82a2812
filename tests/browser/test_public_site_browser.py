"""Every public page, found by following links from /fr/ and /en/, seen in headless Chromium.

One crawl for the module (one browser context, one tab): axe-core (WCAG 2.1 A/AA), the requests the
browser made, cookies, Content-Security-Policy errors, external links and a 320 px wide screen.
"""

from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import translation

from tests.conftest import BrowserPage, close_connections_opened_beside_the_tests, committed_test_city
from tests.site_crawl import crawl_public_site

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
MISSING_PAGES = ["/fr/page-absente/", "/en/no-such-page/"]

# Links to another host that lack rel="external" or the visually hidden "(external site)".
UNANNOUNCED_EXTERNAL_LINKS = """(hints) => [...document.querySelectorAll('a[href]')]
  .filter((a) => ['http:', 'https:'].includes(a.protocol) && a.host !== location.host)
  .filter((a) => !(a.relList.contains('external') && [...a.querySelectorAll('.visually-hidden')]
    .some((hint) => hints.some((text) => hint.textContent.includes(text)))))
  .map((a) => a.href)"""


def external_site_hints():
    hints = []
    for language in ("fr", "en"):
        with translation.override(language):
            hints.append(f"({translation.gettext('external site')})")
    return hints


@pytest.fixture(scope="module")
def site_in_browser(django_db_setup, django_db_blocker, chromium, live_server):
    """Loads the test city's content (Valmont), finds the pages with the test client, then visits each in
    Chromium. The content is committed beside the tests' transactions, so the visits all happen here, and
    the database is emptied as soon as they are done: the tests read only the findings."""
    with committed_test_city(django_db_blocker), django_db_blocker.unblock():
        site = crawl_public_site(Client())
        hints = external_site_hints()
        context = chromium.new_context(base_url=live_server.url, locale="fr-FR", viewport=WIDE)
        page = BrowserPage(context.new_page(), live_server.url)
        findings = {}
        for url in [*site.pages, *MISSING_PAGES]:
            errors_before = len(page.console_errors)
            response = page.visit(url)
            found = {
                "status": response.status,
                "axe": page.axe_violations(),
                "unannounced_external_links": page.evaluate(UNANNOUNCED_EXTERNAL_LINKS, hints),
            }
            page.set_viewport_size(NARROW)
            found["scroll_width"] = page.evaluate("document.documentElement.scrollWidth")
            page.set_viewport_size(WIDE)
            found["console_errors"] = page.console_errors[errors_before:]
            findings[url] = found
        result = SimpleNamespace(
            site=site,
            findings=findings,
            foreign_requests=page.foreign_requests(),
            cookies=context.cookies(),
        )
        context.close()
        close_connections_opened_beside_the_tests()
    return result


def test_the_crawl_reaches_every_section_in_both_languages(site_in_browser):
    urls = set(site_in_browser.findings)
    assert {
        *("/fr/", "/en/", "/fr/mentions-legales/", "/en/accessibility/", "/fr/labels-et-distinctions/"),
        *("/en/partner-cities/brennhausen/", "/en/partner-cities/programmes/choeurs-sans-frontieres/"),
        *(
            "/fr/reseaux/villes-des-vallees/",
            "/en/partner-cities/map/",
            "/fr/villes-partenaires/chronologie/",
        ),
    } <= urls
    assert {url: found["status"] for url, found in site_in_browser.findings.items()} == {
        url: 404 if url in MISSING_PAGES else 200 for url in urls
    }


def test_no_page_has_an_accessibility_violation(site_in_browser):
    violations = {url: found["axe"] for url, found in site_in_browser.findings.items() if found["axe"]}
    assert violations == {}


def test_no_page_asks_another_host_or_gives_the_visitor_a_cookie(site_in_browser):
    assert site_in_browser.foreign_requests == []
    assert site_in_browser.cookies == []


def test_no_page_breaks_the_content_security_policy_or_logs_an_error(site_in_browser):
    errors = {url: found["console_errors"] for url, found in site_in_browser.findings.items()}
    # A missing page answers 404, which Chromium logs as a failed load: that one is expected.
    errors = {
        url: [error for error in found if not (url in MISSING_PAGES and "404" in error)]
        for url, found in errors.items()
    }
    assert {url: found for url, found in errors.items() if found} == {}


def test_links_to_other_sites_are_announced(site_in_browser):
    unannounced = {
        url: found["unannounced_external_links"]
        for url, found in site_in_browser.findings.items()
        if found["unannounced_external_links"]
    }
    assert unannounced == {}


def test_every_page_fits_a_320_pixel_wide_screen_without_horizontal_scrolling(site_in_browser):
    too_wide = {
        url: found["scroll_width"]
        for url, found in site_in_browser.findings.items()
        if found["scroll_width"] > NARROW["width"]
    }
    assert too_wide == {}
