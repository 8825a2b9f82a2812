"""Strangers learn nothing, robots send nothing, bad input breaks nothing, pages stay cacheable."""

import re
import time
from datetime import timedelta

import pytest

from newsletter.models import Subscriber
from newsletter.tokens import form_age_seconds, make_form_issue_stamp
from tests.dates import site_time

from .helpers import ANSWER_PAGE, PAGE, UNSUBSCRIBE_PAGE, confirmation_link, form_fields, unsubscribe_link


def snapshot(response):
    """Everything a visitor receives, for byte-for-byte comparison."""
    headers = {name: value for name, value in response.items() if name.lower() != "date"}
    return response.status_code, headers, response.content, dict(response.cookies)


def test_the_answer_is_identical_whatever_the_address_state(
    client, site_profile, subscribe, mailoutbox, settings
):
    subscribe("pending@example.org")
    subscribe("confirmed@example.org")
    client.post(confirmation_link(mailoutbox[-1]))
    subscribe("left@example.org")
    client.post(unsubscribe_link(mailoutbox[-1]))
    settings.NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY = 1  # limited@ is over its daily limit after one mail
    subscribe("limited@example.org")

    answers = {
        "new": subscribe("new@example.org"),
        "pending": subscribe("pending@example.org"),
        "confirmed": subscribe("confirmed@example.org"),
        "unsubscribed": subscribe("left@example.org"),
        "over the limit": subscribe("limited@example.org"),
        "honeypot": subscribe("robot@example.org", website="http://spam.example"),
        "honeypot and too fast": subscribe(
            "robot2@example.org", website="http://spam.example", issued=make_form_issue_stamp()
        ),
    }
    reference = snapshot(answers["new"])
    assert reference[0] == 302
    assert reference[1]["Location"] == ANSWER_PAGE["fr"]
    for state, response in answers.items():
        assert snapshot(response) == reference, state

    # The page behind the redirect is the same URL for all; its footer form carries the time it was shown.
    pages = {
        state: re.sub(rb'name="issued" value="[^"]*"', b"", client.get(response["Location"]).content)
        for state, response in answers.items()
    }
    assert len(set(pages.values())) == 1


def test_the_unsubscribe_request_answer_is_identical_for_known_and_unknown_addresses(
    client, site_profile, subscribe, ask_unsubscribe_link, mailoutbox
):
    subscribe("known@example.org")
    mails_before = len(mailoutbox)
    known = ask_unsubscribe_link("known@example.org")
    unknown = ask_unsubscribe_link("stranger@example.org")
    assert snapshot(known) == snapshot(unknown)
    assert known["Location"] == "/fr/lettre-d-information/desabonnement/lien-envoye/"
    assert [message.to for message in mailoutbox[mails_before:]] == [["known@example.org"]]


def test_honeypot_filled_sends_nothing(site_profile, subscribe, mailoutbox):
    subscribe("bot@example.org", website="https://cheap-pills.example")
    assert mailoutbox == []
    assert not Subscriber.objects.exists()


def test_honeypot_is_hidden_from_people_and_assistive_technologies(client, db):
    page = client.get(PAGE["en"]).content.decode()
    assert (
        '<div class="visually-hidden" aria-hidden="true"><label for="footer-newsletter-website">'
        "Leave this field empty</label>"
        '<input type="text" name="website" tabindex="-1" autocomplete="off" id="footer-newsletter-website"></div>'
    ) in page


def second_chance_form(response):
    """The re-shown subscription form's fields, as the browser would send them back."""
    html = response.content.decode()
    form = html[html.index('action="/', html.index('id="subscribe-title"')) :]
    form = form[: form.index("</form>")]
    fields = dict(re.findall(r'name="(issued|source)" value="([^"]*)"', form))
    [email] = re.findall(r'name="email" value="([^"]*)"', form)
    [language] = re.findall(r'<option value="(\w+)"[^>]* selected', form)
    return {**fields, "email": email, "language": language, "website": ""}


@pytest.mark.parametrize("issued", ["now", "", "forged:stamp", "missing"])
def test_a_form_sent_too_fast_gets_a_second_chance_never_a_false_success(
    client, site_profile, mailoutbox, clock, issued
):
    clock(site_time(2026, 3, 2, 10, 0))
    data = form_fields(email="quick@example.org", language="en", source=PAGE["fr"])
    if issued == "missing":
        del data["issued"]
    else:
        data["issued"] = make_form_issue_stamp() if issued == "now" else issued
    response = client.post(PAGE["fr"], data)

    # Not "check your inbox": the same form again, filled in, and nothing sent yet.
    assert response.status_code == 200
    assert mailoutbox == []
    assert not Subscriber.objects.exists()
    assert "no-store" in response["Cache-Control"]  # it shows the typed address
    page = response.content.decode()
    assert "Rien n’a encore été envoyé" in page
    again = second_chance_form(response)
    assert again["email"] == "quick@example.org"
    assert again["language"] == "en"
    assert 0 <= form_age_seconds(again["issued"]) < 1  # a fresh stamp

    # One click a few seconds later, and the e-mail goes out.
    clock(site_time(2026, 3, 2, 10, 0) + timedelta(seconds=5))
    answer = client.post(PAGE["fr"], again)
    assert answer.status_code == 302
    assert answer["Location"] == ANSWER_PAGE["fr"]
    [message] = mailoutbox
    assert message.to == ["quick@example.org"]


def test_the_second_chance_speaks_the_visitors_language(client, site_profile, mailoutbox):
    response = client.post(
        PAGE["en"], form_fields(email="quick@example.org", language="en", issued=make_form_issue_stamp())
    )
    page = response.content.decode()
    assert "Nothing was sent yet: the form came back very quickly" in page
    assert "<title>One more click – Newsletter" in page
    assert mailoutbox == []

    french = client.post(
        UNSUBSCRIBE_PAGE["fr"], form_fields(email="quick@example.org", issued=make_form_issue_stamp())
    )
    assert french.status_code == 200
    assert "Rien n’a encore été envoyé" in french.content.decode()


def test_the_second_chance_is_the_same_whatever_the_address_state(
    client, site_profile, subscribe, mailoutbox
):
    subscribe("pending@example.org")
    subscribe("confirmed@example.org")
    client.post(confirmation_link(mailoutbox[-1]))
    subscribe("left@example.org")
    client.post(unsubscribe_link(mailoutbox[-1]))
    mails_before = len(mailoutbox)

    def too_fast(email):
        response = client.post(
            PAGE["fr"],
            form_fields(email=email, language="fr", source=PAGE["fr"], issued=make_form_issue_stamp()),
        )
        status, headers, content, cookies = snapshot(response)
        headers.pop("Expires")  # "now", like Date
        headers.pop("Content-Length")  # the addresses differ in length; the content is compared
        content = re.sub(rb'name="issued" value="[^"]*"', b"", content).replace(email.encode(), b"ADDRESS")
        return status, headers, content, cookies

    answers = {
        email: too_fast(email)
        for email in ["new@example.org", "pending@example.org", "confirmed@example.org", "left@example.org"]
    }
    assert len(set(map(repr, answers.values()))) == 1
    assert len(mailoutbox) == mails_before


def test_a_robot_that_fills_the_honeypot_gets_the_neutral_answer_even_when_fast(
    client, site_profile, mailoutbox
):
    data = form_fields(email="bot@example.org", language="fr", website="http://spam.example")
    data["issued"] = make_form_issue_stamp()
    response = client.post(PAGE["fr"], data)
    assert response.status_code == 302
    assert response["Location"] == ANSWER_PAGE["fr"]
    assert mailoutbox == []


def test_the_minimum_delay_is_a_setting(client, site_profile, mailoutbox, settings):
    settings.NEWSLETTER_MIN_SUBMIT_SECONDS = 0
    client.post(
        PAGE["fr"], form_fields(email="quick@example.org", language="fr", issued=make_form_issue_stamp())
    )
    assert len(mailoutbox) == 1

    settings.NEWSLETTER_MIN_SUBMIT_SECONDS = 120
    response = client.post(PAGE["fr"], form_fields(email="slow@example.org", language="fr"))  # a minute ago
    assert response.status_code == 200  # the form again, to send once more
    assert len(mailoutbox) == 1


def test_at_most_a_few_mails_per_address_per_day(
    site_profile, subscribe, ask_unsubscribe_link, mailoutbox, settings
):
    assert settings.NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY == 3
    for _attempt in range(5):
        assert subscribe("Victim@Example.org").status_code == 302
    ask_unsubscribe_link("victim@example.org")
    assert len(mailoutbox) == 3
    assert Subscriber.objects.count() == 1


def test_submissions_per_client_address_are_limited(site_profile, subscribe, mailoutbox, settings):
    settings.NEWSLETTER_SUBMISSIONS_PER_CLIENT_PER_HOUR = 4
    for number in range(6):
        assert subscribe(f"person{number}@example.org").status_code == 302
    assert len(mailoutbox) == 4
    assert Subscriber.objects.count() == 4


def test_forwarded_for_counts_only_behind_a_trusted_proxy(client, site_profile, mailoutbox, settings):
    settings.NEWSLETTER_SUBMISSIONS_PER_CLIENT_PER_HOUR = 1

    def from_forwarded(client_address, email):
        client.post(PAGE["fr"], form_fields(email=email, language="fr"), HTTP_X_FORWARDED_FOR=client_address)

    # Not trusted: a client cannot escape the limit by inventing addresses.
    from_forwarded("203.0.113.1", "a@example.org")
    from_forwarded("203.0.113.2", "b@example.org")
    assert len(mailoutbox) == 1

    # Behind our nginx: each visitor has their own allowance (the last address is the one nginx saw).
    settings.NEWSLETTER_TRUST_X_FORWARDED_FOR = True
    from_forwarded("198.51.100.7, 203.0.113.3", "c@example.org")
    from_forwarded("203.0.113.4", "d@example.org")
    from_forwarded("203.0.113.4", "e@example.org")
    assert len(mailoutbox) == 3


def stored_cache_keys(cache):
    """Every key the cache holds, on the per-process memory cache and on Redis alike."""
    from django.core.cache.backends.redis import RedisCache

    if isinstance(cache, RedisCache):
        return [key.decode() for key in cache._cache.get_client().keys("*")]
    return list(cache._cache.keys())


def test_no_address_nor_e_mail_in_clear_in_the_cache(site_profile, subscribe):
    from django.core.cache import caches

    subscribe("secret@example.org")
    keys = stored_cache_keys(caches["default"])
    assert keys
    assert not any("secret@example.org" in key or "127.0.0.1" in key for key in keys)


@pytest.mark.parametrize(
    ("language", "email", "message"),
    [
        ("fr", "not-an-address", "Saisissez une adresse e-mail valide"),
        ("en", "not-an-address", "Enter a valid e-mail address"),
        ("fr", "a" * 250 + "@example.org", "Cette adresse est trop longue"),
        ("en", "a" * 250 + "@example.org", "This address is too long"),
        ("en", "", "Enter your e-mail address."),
    ],
)
def test_invalid_address_redisplays_the_form_with_the_error_in_the_visitors_language(
    client, db, mailoutbox, language, email, message
):
    response = client.post(PAGE[language], form_fields(email=email, language=language))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert f'value="{email}"' in page if email else 'name="email"' in page
    assert 'aria-invalid="true"' in page
    assert page.count("<h1>") == 1
    assert mailoutbox == []


def test_invalid_address_on_the_unsubscribe_form(client, db):
    response = client.post(UNSUBSCRIBE_PAGE["en"], form_fields(email="@@"))
    assert response.status_code == 200
    assert "Enter a valid e-mail address" in response.content.decode()
    assert 'value="@@"' in response.content.decode()


GARBAGE = [
    {},
    {"email": "x@example.org"},
    {"email": "x@example.org", "language": "de"},
    {"email": "x@example.org", "language": "fr" * 10_000},
    {"email": "é" * 100_000, "language": "fr"},
    {"email": "x@example.org\x00", "language": "fr"},
    {"email": ["a@example.org", "b@example.org"], "language": ["fr", "en"]},
    {"email": "x@example.org", "language": "fr", "source": "//evil.example/" + "x" * 5000},
    {"email": "x@example.org", "language": "fr", "issued": "x" * 100_000, "website": "y" * 100_000},
]


def test_garbage_posts_never_cause_a_server_error(client, db):
    for path in (PAGE["fr"], UNSUBSCRIBE_PAGE["en"]):
        for data in GARBAGE:
            response = client.post(path, data)
            assert response.status_code in (200, 302, 400), (path, data)


def test_bytes_that_are_not_utf8_never_cause_a_server_error(client, db):
    bodies = [b"email=%FF%FE%00&language=fr", b"\xff\xfe\xfd", b"email=" + b"\xe9" * 1000]
    content_types = [
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=nothing",
        "text/plain",
    ]
    for body in bodies:
        for content_type in content_types:
            response = client.generic("POST", PAGE["fr"], body, content_type=content_type)
            assert response.status_code in (200, 302, 400), (body, content_type)


def test_a_bad_source_is_not_stored(client, site_profile, subscribe):
    subscribe("src@example.org", source="https://evil.example/")
    assert Subscriber.objects.get().source_path == ""


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_REFERER": "https://evil.example/page"},
    ],
)
def test_a_form_posted_from_another_site_is_refused_with_a_clear_page(
    client, site_profile, mailoutbox, headers
):
    for path in (PAGE["en"], UNSUBSCRIBE_PAGE["en"]):
        response = client.post(path, form_fields(email="csrf@example.org", language="en"), **headers)
        assert response.status_code == 403
        page = response.content.decode()
        assert "Form sent from another site" in page
        assert 'href="/en/newsletter/"' in page
    assert mailoutbox == []


def test_a_confirmation_posted_from_another_site_is_refused(client, site_profile, subscribe, mailoutbox):
    subscribe("target@example.org")
    response = client.post(confirmation_link(mailoutbox[0]), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_REFERER": "http://testserver/fr/"},
        {},
    ],
)
def test_a_form_posted_from_our_own_pages_is_accepted(client, site_profile, mailoutbox, headers):
    response = client.post(PAGE["fr"], form_fields(email="own@example.org", language="fr"), **headers)
    assert response.status_code == 302
    assert len(mailoutbox) == 1


def test_the_configured_site_origin_is_accepted_behind_a_proxy(client, site_profile, mailoutbox, settings):
    settings.SITE_BASE_URL = "https://international.example.org"
    response = client.post(
        PAGE["fr"],
        form_fields(email="proxy@example.org", language="fr"),
        HTTP_ORIGIN="https://international.example.org",
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    "path", ["/fr/", "/en/", PAGE["fr"], PAGE["en"], UNSUBSCRIBE_PAGE["fr"], ANSWER_PAGE["en"]]
)
def test_anonymous_pages_set_no_cookie_and_do_not_vary_on_cookie(client, db, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.cookies == {}
    assert "cookie" not in response.get("Vary", "").lower()
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_the_footer_form_of_every_page_posts_to_the_newsletter_page(client, db):
    page = client.get("/en/partner-cities/").content.decode()
    assert (
        '<form class="newsletter-form newsletter-form--compact" method="post" action="/en/newsletter/">'
        in page
    )
    assert 'name="source" value="/en/partner-cities/"' in page
    assert '<option value="en" selected lang="en">English</option>' in page


def test_the_stamp_of_a_page_served_from_a_cache_for_a_day_still_works(client, site_profile, mailoutbox):
    """A shared cache may serve a page (and its form) long after it was made: old stamps stay valid."""
    day_old = make_form_issue_stamp(time.time() - 24 * 3600)
    client.post(PAGE["fr"], form_fields(email="cached@example.org", language="fr", issued=day_old))
    assert len(mailoutbox) == 1


def test_the_services_send_nothing_for_a_form_that_looks_automated(db, site_profile, mailoutbox):
    from newsletter import services

    subscribed = services.request_subscription(email="robot@example.org", language="fr", automated=True)
    asked = services.request_unsubscription("robot@example.org", automated=True)
    assert (subscribed, asked) == ("looks_automated", "looks_automated")
    assert not Subscriber.objects.exists()
    assert mailoutbox == []


def test_the_services_send_nothing_to_a_client_over_its_hourly_limit(db, site_profile, mailoutbox, settings):
    from newsletter import services

    settings.NEWSLETTER_SUBMISSIONS_PER_CLIENT_PER_HOUR = 2
    client_address = "203.0.113.9"
    first = services.request_subscription(email="a@example.org", language="fr", client_address=client_address)
    second = services.request_unsubscription("a@example.org", client_address=client_address)
    third = services.request_subscription(email="b@example.org", language="fr", client_address=client_address)
    fourth = services.request_unsubscription("a@example.org", client_address=client_address)
    assert (first, second, third, fourth) == (
        "confirmation_sent",
        "link_sent",
        "rate_limited",
        "rate_limited",
    )
    assert len(mailoutbox) == 2
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["a@example.org"]
    # Another client still gets through.
    assert services.request_subscription(
        email="b@example.org", language="fr", client_address="198.51.100.1"
    ) == ("confirmation_sent")


def test_a_client_cannot_escape_the_limit_by_prepending_addresses_to_forwarded_for(
    client, site_profile, mailoutbox, settings
):
    settings.NEWSLETTER_SUBMISSIONS_PER_CLIENT_PER_HOUR = 1
    settings.NEWSLETTER_TRUST_X_FORWARDED_FOR = True
    for number in range(3):
        # The client sends its own X-Forwarded-For; nginx appends the address it saw (always the same here).
        client.post(
            PAGE["fr"],
            form_fields(email=f"person{number}@example.org", language="fr"),
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number + 1}, 203.0.113.50",
        )
    assert len(mailoutbox) == 1
