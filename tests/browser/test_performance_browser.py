"""The home page is light: what a first visit downloads, measured in Chromium."""

import pytest

pytestmark = pytest.mark.browser

HOME_PAGE_BUDGET = 300 * 1024


@pytest.mark.parametrize("path", ["/fr/", "/en/"])
def test_home_page_weighs_under_300_kb_on_a_first_visit(browser_page, test_city, path):
    responses = []
    browser_page.on("response", lambda response: responses.append(response))
    browser_page.visit(path)  # a new browser context: nothing cached yet
    browser_page.wait_for_load_state("networkidle")

    sizes = {response.url: len(response.body()) for response in responses if response.status == 200}
    assert len(sizes) >= 2  # the page and its style sheet at least
    assert sum(sizes.values()) < HOME_PAGE_BUDGET, sizes
