"""The networks and labels pages in a real headless Chromium (axe, other hosts) and in the Nu Html Checker."""

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "/fr/reseaux/",
    "/en/networks/",
    "/fr/reseaux/uclg/",
    "/en/networks/uclg/",
    "/fr/labels-et-distinctions/",
    "/en/labels-and-awards/",
]


def test_pages_have_no_accessibility_violation_and_ask_no_other_host(browser_page, angers_content):
    for path in PAGES:
        response = browser_page.visit(path)
        assert response.status == 200, path
        assert browser_page.axe_violations() == [], path
    assert browser_page.foreign_requests() == []
    assert browser_page.context.cookies() == []


def test_the_europe_prize_ladder_says_in_words_which_rung_the_city_reached(browser_page, angers_content):
    browser_page.visit("/en/labels-and-awards/#europe-prize")
    rungs = browser_page.locator("#europe-prize .ladder li").all_inner_texts()
    assert [" ".join(rung.split()) for rung in rungs] == [
        "European Diploma reached by the city in 2018",
        "Flag of Honour not reached",
        "Plaque of Honour not reached",
        "Europe Prize not reached",
    ]


def test_an_anchor_leads_to_each_network(browser_page, angers_content):
    browser_page.visit("/fr/reseaux/#uclg")
    assert browser_page.locator("#uclg h3").inner_text().startswith("Cités et Gouvernements Locaux Unis")
    browser_page.get_by_role("link", name="En savoir plus sur CGLU").click()
    assert browser_page.url.endswith("/fr/reseaux/uclg/")


def test_pages_are_valid_html(client, angers_content, admin_user, html_validator):
    documents = {path: client.get(path).content.decode() for path in PAGES}
    client.force_login(admin_user)
    for path in ["/fr/reseaux/apercu/uclg/", "/en/labels-and-awards/preview/"]:
        documents[path] = client.get(path).content.decode()
    assert html_validator(documents) == {}
