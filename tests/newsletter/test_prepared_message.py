"""The worker's fast way of addressing a message gives the message Django's mail framework builds."""

import email
import email.policy

import pytest

from newsletter import rendering
from newsletter.emails import unsubscribe_url_maker

from .issues import issue

pytestmark = pytest.mark.django_db

COMPARED_HEADERS = [
    "Subject",
    "From",
    "Reply-To",
    "To",
    "Message-ID",
    "List-Id",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "MIME-Version",
]


@pytest.fixture
def prepared(sending_settings, site_profile):
    site_profile.contact_email = "international@example.org"
    site_profile.save()
    newsletter_issue = issue(
        body_fr="## Été à Valmont\n\nDes échanges — « guillemets », = signes =, et une ligne très longue " * 5
    )
    return {
        code: rendering.PreparedIssue(rendering.render_issue(newsletter_issue, code)) for code in ("fr", "en")
    }


def parse(data):
    return email.message_from_bytes(data, policy=email.policy.default)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_fast_message_is_the_one_django_builds(prepared, language):
    url = unsubscribe_url_maker()(language, 42, "abcdefabcdefabcdef")
    message = prepared[language].addressed(to="ana@example.org", unsubscribe_url=url, message_id="issue-1.42")
    fast = message.as_bytes()
    django = message.email_message().message(policy=email.policy.SMTP).as_bytes()

    fast_parsed, django_parsed = parse(fast), parse(django)
    for name in COMPARED_HEADERS:
        assert str(fast_parsed[name]) == str(django_parsed[name]), name
    assert fast_parsed["Date"].datetime is not None
    for kind in ("plain", "html"):
        assert fast_parsed.get_body((kind,)).get_content() == django_parsed.get_body((kind,)).get_content()
    assert url in fast_parsed.get_body(("plain",)).get_content()
    # A header a mail provider reads as is: the URL in angle brackets, not RFC 2047 encoded words.
    assert f"List-Unsubscribe: <{url}>\r\n".encode() in fast
    assert all(len(line) <= 998 for line in fast.split(b"\r\n"))
    assert b"\n" not in fast.replace(b"\r\n", b"")


def test_an_address_that_is_not_ascii_goes_the_django_way(prepared):
    message = prepared["fr"].addressed(
        to="josé@exemple.fr", unsubscribe_url="https://international.example.org/x/", message_id="issue-1.1"
    )
    assert parse(message.as_bytes())["To"] == "josé@exemple.fr"
