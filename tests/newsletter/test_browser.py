"""The newsletter in a real headless Chromium: subscribe from the footer, confirm from the e-mail; a11y and HTML."""

import re

import pytest
from django.utils import timezone

from newsletter.consent import CONSENT_VERSION
from newsletter.emails import confirmation_path, unsubscribe_path
from newsletter.models import Subscriber

from .helpers import ANSWER_PAGE, PAGE, UNSUBSCRIBE_PAGE, form_fields

pytestmark = pytest.mark.browser


def test_subscribe_from_the_footer_of_the_home_page_and_confirm_from_the_mail(
    browser_page, site_profile, mailoutbox, settings, live_server
):
    settings.NEWSLETTER_MIN_SUBMIT_SECONDS = 0  # a test types faster than a person
    settings.SITE_BASE_URL = live_server.url

    browser_page.visit("/fr/")
    footer = browser_page.locator("footer")
    footer.get_by_label("Adresse e-mail").fill("browser.test@example.org")
    footer.get_by_label("Langue de la lettre").select_option("en")
    footer.get_by_role("button", name="S’inscrire").click()

    browser_page.wait_for_url("**/fr/lettre-d-information/verifiez-votre-messagerie/")
    assert browser_page.locator("h1").inner_text() == "Consultez votre messagerie"
    assert browser_page.context.cookies() == []

    [message] = mailoutbox
    assert message.to == ["browser.test@example.org"]
    link = re.search(r"http://\S+/en/newsletter/confirm/\S+", message.body).group(0)
    browser_page.goto(link)
    assert browser_page.locator("h1").inner_text() == "Confirm your subscription"
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    browser_page.get_by_role("button", name="Confirm my subscription").click()
    browser_page.locator("h1", has_text="Subscription confirmed").wait_for()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.language == "en"
    assert subscriber.form_language == "fr"
    assert subscriber.source_path == "/fr/"
    assert browser_page.foreign_requests() == []


def test_an_invalid_address_is_explained_and_kept(browser_page, db):
    browser_page.visit("/en/newsletter/")
    form = browser_page.locator("main form").first
    # The browser's own check would stop "name@" before sending; an address it accepts but we refuse:
    form.get_by_label("E-mail address").fill("name@example")
    form.get_by_role("button", name="Subscribe").click()
    browser_page.locator(".errorlist").first.wait_for()
    assert "Enter a valid e-mail address" in browser_page.locator("main .errorlist").inner_text()
    assert form.get_by_label("E-mail address").input_value() == "name@example"
    assert browser_page.title().startswith("Error:")
    assert browser_page.axe_violations() == []


def pending_subscriber(language):
    return Subscriber.objects.create(
        email=f"a11y-{language}@example.org",
        language=language,
        form_language=language,
        consent_version=CONSENT_VERSION,
        subscribed_at=timezone.now(),
    )


def newsletter_pages(language):
    """Every newsletter page a visitor can reach, in `language`: name → path."""
    from django.utils import translation

    subscriber = pending_subscriber(language)
    with translation.override(language):
        return {
            "newsletter": PAGE[language],
            "answer": ANSWER_PAGE[language],
            "unsubscribe request": UNSUBSCRIBE_PAGE[language],
            "unsubscribe link sent": UNSUBSCRIBE_PAGE[language]
            + ("lien-envoye/" if language == "fr" else "link-sent/"),
            "confirm": confirmation_path(subscriber),
            "unsubscribe": unsubscribe_path(subscriber.pk, subscriber.unsubscribe_key),
            "invalid confirm link": PAGE[language]
            + ("confirmer/nope/" if language == "fr" else "confirm/nope/"),
            "invalid unsubscribe link": UNSUBSCRIBE_PAGE[language] + "nope/",
        }


@pytest.mark.parametrize("language", ["fr", "en"])
def test_newsletter_pages_have_no_accessibility_violation(browser_page, site_profile, language):
    for name, path in newsletter_pages(language).items():
        response = browser_page.visit(path)
        assert response.status in (200, 400), name
        assert browser_page.locator("html").get_attribute("lang") == language
        assert browser_page.axe_violations() == [], name


def test_newsletter_pages_are_valid_html(client, site_profile, html_validator, mailoutbox):
    documents = {}
    for language in ("fr", "en"):
        pages = newsletter_pages(language)
        for name, path in pages.items():
            documents[f"{language} {name}"] = client.get(path).content.decode()
        done = client.post(pages["confirm"])
        documents[f"{language} confirmed"] = done.content.decode()
        errors = client.post(PAGE[language], form_fields(email="not an address", language=language))
        documents[f"{language} form with errors"] = errors.content.decode()
    assert html_validator(documents) == {}
