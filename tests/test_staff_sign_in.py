"""Staff sign-in that resists attacks: long passwords, a lockout after repeated failures that says nothing
about the account, two-factor codes (TOTP), and sessions that expire when idle."""

import html
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from angers_intl.sign_in import grouped_secret
from tests.dates import site_time

LOGIN = "/admin/login/"
PASSWORD = "a-long-test-password"
WRONG_CREDENTIALS = {
    "fr": "Veuillez compléter correctement les champs «\xa0nom d’utilisateur\xa0» et «\xa0mot de passe\xa0»",
    "en": "Please enter the correct username and password for a staff account.",
}
LOCKED_OUT = {
    "fr": "Trop de tentatives de connexion échouées. La connexion est suspendue pendant 15 minutes",
    "en": "Too many failed sign-in attempts. Signing in is suspended for 15 minutes",
}


@pytest.fixture
def staff_member(db, settings):
    # A deliberately slow password hash is not what these tests are about.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return User.objects.create_user("dominique", "dominique@example.org", PASSWORD, is_staff=True)


def sign_in(client, username, password, language="fr", follow=False):
    return client.post(
        f"{LOGIN}?next=/admin/",
        {"username": username, "password": password, "next": "/admin/"},
        HTTP_ACCEPT_LANGUAGE=language,
        follow=follow,
    )


def without_nonces(response):
    """The page without what changes on every response anyway (CSP nonces, CSRF tokens)."""
    page = re.sub(r'nonce="[^"]*"', "", response.content.decode())
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)


# -- Lockout -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_repeated_failures_lock_the_sign_in_for_a_while_then_it_works_again(
    client, staff_member, settings, clock, language
):
    start = clock(site_time(2026, 3, 10, 9, 0))
    assert settings.AXES_FAILURE_LIMIT == 5
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "dominique", "wrong-password", language)
        assert response.status_code == 200
        assert WRONG_CREDENTIALS[language] in response.content.decode()

    response = sign_in(client, "dominique", "wrong-password", language)
    assert response.status_code == 429
    assert LOCKED_OUT[language] in response.content.decode()
    # Locked: even the right password is refused, with the same page.
    response = sign_in(client, "dominique", PASSWORD, language)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session

    clock(start + timedelta(minutes=14))
    assert sign_in(client, "dominique", PASSWORD, language).status_code == 429
    clock(start + timedelta(minutes=31))  # the cool-off restarted with the last refused attempt
    response = sign_in(client, "dominique", PASSWORD, language)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_lockout_page_is_the_same_for_an_account_that_does_not_exist(
    client, staff_member, settings, clock, language
):
    clock(site_time(2026, 3, 10, 9, 0), tick=False)
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        unknown = sign_in(client, "nobody-here", "wrong-password", language)
        known = sign_in(client, "dominique", "wrong-password", language)
        assert without_nonces(unknown).replace("nobody-here", "dominique") == without_nonces(known)
    unknown = sign_in(client, "nobody-here", "wrong-password", language)
    known = sign_in(client, "dominique", "wrong-password", language)
    assert unknown.status_code == known.status_code == 429
    assert without_nonces(unknown) == without_nonces(known)
    assert "dominique" not in known.content.decode()
    assert LOCKED_OUT[language] in known.content.decode()


def test_with_a_shared_cache_the_failures_are_counted_there(client, staff_member, settings):
    """With REDIS_URL, django-axes counts in the cache (shared by every app instance), not the database."""
    from axes.models import AccessAttempt

    settings.AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "nobody-here", "wrong-password")
    assert sign_in(client, "dominique", PASSWORD).status_code == 302  # another username, same client
    assert sign_in(client, "nobody-here", "wrong-password").status_code == 429
    assert not AccessAttempt.objects.exists()


def test_failures_are_counted_per_client_address_behind_our_proxy(client, staff_member, settings):
    settings.NEWSLETTER_TRUST_X_FORWARDED_FOR = True
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN, {"username": "dominique", "password": "x"}, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7"
        )
    assert (
        client.post(
            LOGIN, {"username": "dominique", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="203.0.113.7"
        ).status_code
        == 429
    )
    # Another client (the right-most entry is the one our proxy saw) still signs in.
    response = client.post(
        LOGIN,
        {"username": "dominique", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.2",
    )
    assert response.status_code == 302


# -- Passwords -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Ce mot de passe est trop court. Il doit contenir au minimum 12 caractères."),
        ("en", "This password is too short. It must contain at least 12 characters."),
    ],
)
def test_a_password_of_eleven_characters_is_refused(client, staff_member, language, message):
    client.force_login(staff_member)
    response = client.post(
        "/admin/password_change/",
        {"old_password": PASSWORD, "new_password1": "Kq7#vBn2$xL", "new_password2": "Kq7#vBn2$xL"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    staff_member.refresh_from_db()
    assert staff_member.check_password(PASSWORD)


# -- Two-factor codes ----------------------------------------------------------------------------------


def code(device, offset=0):
    return f"{(totp(device.bin_key) + offset) % 1_000_000:06d}"


@pytest.fixture
def with_device(staff_member):
    return TOTPDevice.objects.create(user=staff_member, name="phone", confirmed=True)


@pytest.mark.parametrize(
    ("language", "wrong_code"),
    [
        ("fr", "Ce code est faux ou a expiré"),
        ("en", "This code is wrong or has expired"),
    ],
)
def test_a_staff_member_with_a_device_gives_its_code_after_the_password(
    client, with_device, language, wrong_code
):
    response = sign_in(client, "dominique", PASSWORD, language, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/two-factor/?next=/admin/"
    assert 'autocomplete="one-time-code"' in response.content.decode()
    # Signed in with the password only: no admin page yet.
    response = client.get("/admin/partnerships/partnercity/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/admin/two-factor/")

    response = client.post(
        "/admin/two-factor/",
        {"token": code(with_device, 500_000), "next": "/admin/"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    assert wrong_code in response.content.decode()
    assert client.get("/admin/").status_code == 302

    with_device.refresh_from_db()
    with_device.throttle_reset()  # a wrong code delays the next try by a second
    response = client.post("/admin/two-factor/", {"token": code(with_device), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_with_two_factor_off_a_password_is_enough(client, staff_member, settings):
    assert settings.STAFF_TWO_FACTOR_REQUIRED is False
    response = sign_in(client, "dominique", PASSWORD, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert response.status_code == 200


def test_with_two_factor_required_a_staff_member_enrols_then_gives_codes(client, staff_member, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    response = sign_in(client, "dominique", PASSWORD, "en", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/two-factor/setup/?next=/admin/"
    page = response.content.decode()
    assert "This site requires two-factor sign-in" in page
    assert '<svg role="img"' in page
    assert "two-factor-qr" in page
    assert "otpauth://totp/" in page
    assert client.get("/admin/").status_code == 302

    device = TOTPDevice.objects.get(user=staff_member, confirmed=False)
    assert grouped_secret(device) in page  # the key to type, in groups of four
    assert html.escape(device.config_url) in page
    response = client.post("/admin/two-factor/setup/", {"token": code(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200

    # The next sign-in asks for the code.
    client.post("/admin/logout/")
    response = sign_in(client, "dominique", PASSWORD, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/two-factor/?next=/admin/"


def test_a_staff_member_may_sign_out_from_the_code_page(client, with_device):
    sign_in(client, "dominique", PASSWORD)
    response = client.post("/admin/two-factor/sign-out/")
    assert response["Location"] == LOGIN
    assert "_auth_user_id" not in client.session


def test_the_code_pages_are_for_signed_in_staff_only(client, db):
    response = client.get("/admin/two-factor/setup/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{LOGIN}?next=")


# -- Idle sessions -------------------------------------------------------------------------------------


def test_a_session_expires_after_the_idle_time_and_each_request_pushes_it_back(
    client, staff_member, settings, clock
):
    assert settings.SESSION_COOKIE_AGE == 60 * 60
    assert settings.SESSION_COOKIE_NAME == "sessionid"
    start = clock(site_time(2026, 3, 10, 9, 0))
    sign_in(client, "dominique", PASSWORD)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert response.cookies["sessionid"]["max-age"] == 3600

    clock(start + timedelta(minutes=50))
    assert client.get("/admin/").status_code == 200
    clock(start + timedelta(minutes=100))  # 50 minutes after the last request
    assert client.get("/admin/").status_code == 200
    clock(start + timedelta(minutes=161))  # 61 idle minutes
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_public_pages_touch_no_session_for_visitors(client, db, site_profile):
    response = client.get("/fr/")
    assert response.status_code == 200
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_a_staff_preview_also_waits_for_the_two_factor_code(client, with_device, staff_member):
    from partnerships.models import AgreementType, PartnerCity

    staff_member.is_superuser = True
    staff_member.save()
    PartnerCity.objects.create(
        slug="draft-town", name_fr="Ville brouillon", country="NL", agreement_type=AgreementType.TWINNING,
        year_started=1990, summary_fr="Brouillon.", latitude="52.1", longitude="4.2",
    )  # fmt: skip
    preview = "/fr/villes-partenaires/apercu/draft-town/"
    sign_in(client, "dominique", PASSWORD)
    response = client.get(preview, follow=True)
    assert response.redirect_chain[-1][0].startswith("/admin/two-factor/")
    client.post("/admin/two-factor/", {"token": code(with_device)})
    assert "Ville brouillon" in client.get(preview).content.decode()
