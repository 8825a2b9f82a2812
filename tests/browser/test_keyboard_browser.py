"""The site with the keyboard only: the header path, visible focus, and the footer signup form."""

import pytest

pytestmark = pytest.mark.browser

# The header's stops, in document order: skip link, site name, the other language, the main menu.
HEADER_STOPS = ".skip-link, .site-name, .language-switcher a, .main-nav a"
# What Tab stops on: focusable elements not taken out of the tab order (the honeypot is, on purpose).
FOCUSABLE = ", ".join(
    f'{selector}:not([tabindex="-1"])'
    for selector in ("a[href]", "button", "input:not([type=hidden])", "select", "textarea")
)
FOOTER_SIGNUP = ".site-footer__newsletter"

FOCUSED_ELEMENT = (
    """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    text: element.textContent.trim() || element.getAttribute('name') || '',
    href: element.getAttribute('href'),
    name: element.getAttribute('name'),
    tag: element.tagName.toLowerCase(),
    type: element.getAttribute('type'),
    insideSignup: Boolean(element.closest('"""
    + FOOTER_SIGNUP
    + """')),
    focusVisible: element.matches(':focus-visible'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== 'none',
  };
}"""
)


def press_tab(page):
    page.keyboard.press("Tab")
    return page.evaluate(FOCUSED_ELEMENT)


def is_visibly_focused(stop):
    return stop["focusVisible"] and (stop["outline"] or stop["shadow"])


@pytest.mark.parametrize("path", ["/fr/", "/en/legal-notice/"])
def test_tab_walks_through_the_header_in_order_with_a_visible_focus(browser_page, test_city, path):
    browser_page.visit(path)
    expected = browser_page.eval_on_selector_all(
        HEADER_STOPS, "(links) => links.map((link) => link.getAttribute('href'))"
    )
    assert len(expected) >= 8  # skip link, site name, one other language, five sections

    stops = [press_tab(browser_page) for _ in expected]

    assert [stop["href"] for stop in stops] == expected
    assert [stop["text"] for stop in stops if not is_visibly_focused(stop)] == []


def test_the_footer_signup_is_reached_by_tab_and_sent_with_enter(browser_page, test_city):
    """Works with whatever the signup include holds: a form (each field up to its submit button
    reached and filled from the keyboard, then sent with Enter) or a link to the newsletter page
    (reached and followed with Enter)."""
    browser_page.visit("/en/")
    expected = browser_page.eval_on_selector(FOOTER_SIGNUP, SIGNUP_STOPS)
    assert expected, "the footer offers no way to subscribe"

    # From the start of the main content, Tab until the signup, then through it.
    browser_page.locator("#main").focus()
    reached = []
    for _ in range(200):
        stop = press_tab(browser_page)
        if stop["insideSignup"]:
            reached.append(stop)
            if len(reached) == len(expected):
                break
            fill_focused_field(browser_page, stop)
        elif reached:
            break
    assert [describe(stop) for stop in reached] == expected
    assert [stop["text"] for stop in reached if not is_visibly_focused(stop)] == []

    # Focus is on the submit button or the link: Enter sends or follows it.
    with browser_page.expect_navigation() as navigation:
        browser_page.keyboard.press("Enter")
    assert navigation.value.status < 400
    assert browser_page.locator("h1").count() == 1
    assert browser_page.foreign_requests() == []


# The keyboard stops of the signup: every focusable element, up to the form's submit button if any.
SIGNUP_STOPS = (
    """(section) => {
  const stops = [];
  for (const element of section.querySelectorAll('"""
    + FOCUSABLE
    + """')) {
    stops.push(`${element.tagName.toLowerCase()} ${element.getAttribute('href') || element.getAttribute('name') || ''}`);
    if (element.form && (element.type === 'submit' || element.tagName === 'BUTTON')) break;
  }
  return stops;
}"""
)


def describe(stop):
    return f"{stop['tag']} {stop['href'] or stop['name'] or ''}"


def fill_focused_field(page, stop):
    """Give a form field what a visitor would type, through the keyboard."""
    if stop["tag"] == "input" and stop["type"] in {"checkbox", "radio"}:
        page.keyboard.press("Space")
    elif stop["tag"] == "input" and stop["type"] == "email":
        page.keyboard.type("visitor@example.org")
    elif stop["tag"] in {"input", "textarea"} and stop["type"] not in {"submit", "button"}:
        page.keyboard.type("Visitor")
