"""The networks and labels pages in a real headless Chromium (axe, other hosts) and in the Nu Html Checker."""

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "/fr/reseaux/",
    "/en/networks/",
    "/fr/reseaux/world-towns/",
    "/en/networks/world-towns/",
    "/fr/labels-et-distinctions/",
    "/en/labels-and-awards/",
]


def test_pages_have_no_accessibility_violation_and_ask_no_other_host(browser_page, networks_world):
    for path in PAGES:
        response = browser_page.visit(path)
        assert response.status == 200, path
        assert browser_page.axe_violations() == [], path
    assert browser_page.foreign_requests() == []
    assert browser_page.context.cookies() == []


def test_the_europe_prize_ladder_says_in_words_which_rung_the_city_reached(browser_page, networks_world):
    browser_page.visit("/en/labels-and-awards/#europe-prize")
    rungs = browser_page.locator("#europe-prize .ladder li").all_inner_texts()
    assert [" ".join(rung.split()) for rung in rungs] == [
        "European Diploma reached by the city in 2018",
        "Flag of Honour not reached",
        "Plaque of Honour not reached",
        "Europe Prize not reached",
    ]


def test_an_anchor_leads_to_each_network(browser_page, networks_world):
    browser_page.visit("/fr/reseaux/#world-towns")
    assert browser_page.locator("#world-towns h3").inner_text().startswith("Villes du monde unies")
    browser_page.get_by_role("link", name="En savoir plus sur VMU").click()
    assert browser_page.url.endswith("/fr/reseaux/world-towns/")


def test_pages_are_valid_html(client, networks_world, admin_user, html_validator):
    documents = {path: client.get(path).content.decode() for path in PAGES}
    client.force_login(admin_user)
    for path in ["/fr/reseaux/apercu/world-towns/", "/en/labels-and-awards/preview/"]:
        documents[path] = client.get(path).content.decode()
    assert html_validator(documents) == {}
