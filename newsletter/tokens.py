"""Signed tokens for the links in e-mails (Django's signing, one salt per purpose).

- Confirmation: the subscriber's id and confirmation nonce, with a timestamp; valid
  NEWSLETTER_CONFIRMATION_MAX_AGE_HOURS hours. The nonce changes when the status changes (confirmation,
  unsubscription, new subscription), so a link works once and an old link never confirms a later request.
- Unsubscribe: the subscriber's id and unsubscribe key, no expiry. The key never changes, so the link in any
  e-mail ever sent keeps working, also after the person left and subscribed again. Erasure deletes the row:
  the link then leads to "nothing to unsubscribe".
- Form issue time: when a form was shown, to refuse forms sent back too fast (robots).
"""

import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
FORM_SALT = "newsletter.form-issued"


class InvalidToken(Exception):
    """A token that was tampered with, cut, or is not a token at all."""


class ExpiredToken(InvalidToken):
    """A genuine confirmation token that is too old."""


@dataclass(frozen=True)
class TokenData:
    subscriber_id: int
    secret: str


def confirmation_signer():
    return signing.TimestampSigner(salt=CONFIRM_SALT)


def make_confirmation_token(subscriber):
    return confirmation_signer().sign_object({"s": subscriber.pk, "n": subscriber.confirmation_nonce})


def read_confirmation_token(token):
    max_age = timedelta(hours=settings.NEWSLETTER_CONFIRMATION_MAX_AGE_HOURS)
    try:
        data = confirmation_signer().unsign_object(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidToken from error
    return _token_data(data, "n")


def make_unsubscribe_token(subscriber_id, unsubscribe_key):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"s": subscriber_id, "k": unsubscribe_key})


def read_unsubscribe_token(token):
    try:
        data = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidToken from error
    return _token_data(data, "k")


def _token_data(data, secret_field):
    if not isinstance(data, dict):
        raise InvalidToken
    subscriber_id, secret = data.get("s"), data.get(secret_field)
    if not isinstance(subscriber_id, int) or not isinstance(secret, str):
        raise InvalidToken
    return TokenData(subscriber_id=subscriber_id, secret=secret)


def make_form_issue_stamp(issued_at=None):
    """A signed 'shown at' time for a form (seconds since the epoch)."""
    return signing.dumps(int(time.time() if issued_at is None else issued_at), salt=FORM_SALT)


def form_age_seconds(stamp):
    """Seconds since the form carrying `stamp` was shown, or None if the stamp is missing or forged."""
    try:
        issued_at = signing.loads(stamp or "", salt=FORM_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(issued_at, int):
        return None
    return time.time() - issued_at
