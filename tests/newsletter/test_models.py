"""The database keeps the subscriber list consistent whatever code writes to it."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from newsletter.consent import CONSENT_TEXTS, CONSENT_VERSION, consent_statement
from newsletter.models import Subscriber, normalise_email


def make(**fields):
    values = {
        "email": "someone@example.org",
        "language": "fr",
        "form_language": "fr",
        "consent_version": CONSENT_VERSION,
        "subscribed_at": timezone.now(),
    }
    values.update(fields)
    return Subscriber.objects.create(**values)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Jean.Dupont@Example.FR ", "Jean.Dupont@example.fr"),
        ("x@EXAMPLE.org", "x@example.org"),
        ("no-at-sign", "no-at-sign"),
        ('"odd@local"@Example.org', '"odd@local"@example.org'),
    ],
)
def test_addresses_are_stored_with_a_lowercase_domain_and_the_local_part_as_typed(typed, stored):
    assert normalise_email(typed) == stored


def test_one_subscriber_per_address_whatever_the_case(db):
    make(email="Someone@example.org")
    with pytest.raises(IntegrityError):
        make(email="someone@EXAMPLE.org".lower())


def test_lookup_by_address_ignores_case(db):
    subscriber = make(email="Someone@example.org")
    assert Subscriber.objects.for_email(" SOMEONE@example.ORG ").get() == subscriber


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "spam"},
        {"language": "de"},
        {"form_language": "xx"},
        {"status": "confirmed", "confirmed_at": None},
        {"status": "unsubscribed", "unsubscribed_at": None},
    ],
)
def test_the_database_refuses_inconsistent_subscribers(db, fields):
    with pytest.raises(IntegrityError):
        make(**fields)


def test_clean_explains_inconsistencies_in_words(db):
    make(email="taken@example.org")
    subscriber = Subscriber(
        email="TAKEN@example.org",
        language="fr",
        form_language="fr",
        consent_version=CONSENT_VERSION,
        subscribed_at=timezone.now(),
        status=Subscriber.Status.CONFIRMED,
    )
    with pytest.raises(ValidationError) as error:
        subscriber.full_clean()
    assert set(error.value.message_dict) == {"email", "confirmed_at"}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_consent_statement_shown_is_the_archived_text_of_the_current_version(language):
    """Changing the sentence or its translation needs a new version in newsletter/consent.py."""
    from django.utils import translation

    with translation.override(language):
        assert consent_statement() == CONSENT_TEXTS[CONSENT_VERSION][language]


def test_every_subscriber_secret_is_different(db):
    first, second = make(email="a@example.org"), make(email="b@example.org")
    secrets = {
        first.unsubscribe_key,
        first.confirmation_nonce,
        second.unsubscribe_key,
        second.confirmation_nonce,
    }
    assert len(secrets) == 4
    # 128 random bits, URL-safe: 22 characters of the base64url alphabet.
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{22}", secret) for secret in secrets)
