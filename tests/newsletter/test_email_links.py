"""Where the links of the subscription e-mails point: the served address in development, SITE_BASE_URL in
production."""

import pytest

from .helpers import form_fields, html_part

pytestmark = pytest.mark.django_db

SUBSCRIBE_PAGE = "/fr/lettre-d-information/"
UNSUBSCRIBE_REQUEST_PAGE = "/en/newsletter/unsubscribe/"


@pytest.fixture
def development(settings):
    """`make run PORT=8765` without SITE_BASE_URL in the environment (the setting keeps its default)."""
    settings.DEBUG = True
    settings.SITE_BASE_URL_FROM_ENVIRONMENT = False
    settings.SITE_BASE_URL = "http://127.0.0.1:8000"


def links(message):
    return [word for word in message.body.split() if word.startswith("http")]


def test_in_development_the_links_follow_the_served_address(development, client, site_profile, mailoutbox):
    client.post(
        SUBSCRIBE_PAGE,
        form_fields(email="dev@example.org", language="en", source=SUBSCRIBE_PAGE),
        HTTP_HOST="127.0.0.1:8765",
    )
    [confirmation] = mailoutbox
    assert links(confirmation)
    assert all(link.startswith("http://127.0.0.1:8765/") for link in links(confirmation)), links(confirmation)
    assert "http://127.0.0.1:8765/en/newsletter/confirm/" in confirmation.body
    assert confirmation.extra_headers["List-Unsubscribe"].startswith("<http://127.0.0.1:8765/en/newsletter/")
    assert "127.0.0.1:8000" not in confirmation.body + html_part(confirmation)

    client.post(UNSUBSCRIBE_REQUEST_PAGE, form_fields(email="dev@example.org"), HTTP_HOST="127.0.0.1:8765")
    [_, unsubscribe_link] = mailoutbox
    assert "http://127.0.0.1:8765/en/newsletter/unsubscribe/" in unsubscribe_link.body
    assert "127.0.0.1:8000" not in unsubscribe_link.body


def test_in_development_an_explicit_site_base_url_still_wins(
    development, settings, client, site_profile, mailoutbox
):
    settings.SITE_BASE_URL_FROM_ENVIRONMENT = True
    settings.SITE_BASE_URL = "http://127.0.0.1:9000"
    client.post(
        SUBSCRIBE_PAGE,
        form_fields(email="dev@example.org", language="fr", source=SUBSCRIBE_PAGE),
        HTTP_HOST="127.0.0.1:8765",
    )
    [confirmation] = mailoutbox
    assert all(link.startswith("http://127.0.0.1:9000/") for link in links(confirmation))


def test_in_production_the_links_come_from_site_base_url_whatever_the_host(
    settings, client, site_profile, mailoutbox
):
    settings.DEBUG = False
    settings.SITE_BASE_URL_FROM_ENVIRONMENT = True
    settings.SITE_BASE_URL = "https://international.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "evil.example"]
    client.post(
        SUBSCRIBE_PAGE,
        form_fields(email="prod@example.org", language="fr", source=SUBSCRIBE_PAGE),
        HTTP_HOST="evil.example",
    )
    [confirmation] = mailoutbox
    assert links(confirmation)
    assert all(link.startswith("https://international.example.org/") for link in links(confirmation))
    assert "evil.example" not in confirmation.body + html_part(confirmation)
