"""Every change to a subscriber goes through these functions; views, admin and commands call them.

They enforce the lifecycle (double opt-in, single-use confirmation, unsubscription that always works,
erasure that leaves no address behind) and send the e-mails. No model save() or signal does any of it.
"""

import csv
import logging
import smtplib
import zoneinfo
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

import openpyxl
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from openpyxl.cell import WriteOnlyCell

from angers_intl.spreadsheets import CSV_BOM, CSV_DELIMITER, spreadsheet_safe
from audit import services as audit

from . import emails, ratelimit
from .consent import CONSENT_VERSION, consent_text
from .models import LANGUAGE_CODES, DeletionCount, Delivery, Subscriber, new_key, normalise_email
from .tokens import ExpiredToken, InvalidToken, read_confirmation_token, read_unsubscribe_token

logger = logging.getLogger(__name__)

ERASED_REPR = "[erased subscriber]"
SOURCE_PATH_MAX_LENGTH = Subscriber._meta.get_field("source_path").max_length


class SubscriptionOutcome(StrEnum):
    CONFIRMATION_SENT = "confirmation_sent"
    ALREADY_SUBSCRIBED = "already_subscribed"
    LOOKS_AUTOMATED = "looks_automated"
    RATE_LIMITED = "rate_limited"
    MAIL_FAILED = "mail_failed"


class UnsubscriptionRequestOutcome(StrEnum):
    LINK_SENT = "link_sent"
    NOTHING_TO_DO = "nothing_to_do"
    LOOKS_AUTOMATED = "looks_automated"
    RATE_LIMITED = "rate_limited"
    MAIL_FAILED = "mail_failed"


class LinkState(StrEnum):
    """What a confirmation or unsubscribe link can do, or did."""

    READY = "ready"
    DONE = "done"
    ALREADY_DONE = "already_done"
    EXPIRED = "expired"
    INVALID = "invalid"


@dataclass(frozen=True)
class LinkResult:
    """The state of a link, and the address it is for (shown on its page; empty when unknown)."""

    state: LinkState
    email: str = ""


def request_subscription(
    *, email, language, source="", form_language=None, automated=False, client_address=None, base_url=None
):
    """Someone asked to receive the newsletter at `email`. Starts (or restarts) the double opt-in.

    A form that looks automated (honeypot filled: the view gives a form sent back too fast a second chance
    instead) changes nothing and sends nothing;
    so does a request from `client_address` (as given by `ratelimit.client_address`) once over its hourly
    limit, and a request for an address that already got NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY e-mails today.
    Otherwise:
    new address → pending, consent proof, confirmation e-mail;
    pending → consent proof updated, confirmation e-mail again (earlier links keep working);
    unsubscribed → stays unsubscribed (the proof of withdrawal is kept) with the new request's consent proof,
    and a confirmation e-mail; only the confirmation makes it confirmed again (see docs/architecture.md);
    confirmed → nothing changes, its owner gets a short notice.
    The e-mail's links start with `base_url` (default SITE_BASE_URL; see emails.base_url_for).
    """
    if language not in LANGUAGE_CODES:
        raise ValueError(f"Unknown language {language!r}")
    if automated:
        return SubscriptionOutcome.LOOKS_AUTOMATED
    if client_address is not None and not ratelimit.allow_submission_from(client_address):
        return SubscriptionOutcome.RATE_LIMITED
    email = normalise_email(email)
    if not ratelimit.allow_mail_to(email):
        return SubscriptionOutcome.RATE_LIMITED
    consent = {
        "subscribed_at": timezone.now(),
        "source_path": _clean_source(source),
        "form_language": form_language if form_language in LANGUAGE_CODES else language,
        "consent_version": CONSENT_VERSION,
    }
    with transaction.atomic():
        subscriber, created = _lock_or_create(email, {"language": language, **consent})
        if not created and subscriber.status == Subscriber.Status.CONFIRMED:
            outcome = SubscriptionOutcome.ALREADY_SUBSCRIBED
        else:
            outcome = SubscriptionOutcome.CONFIRMATION_SENT
            if not created:
                if (
                    subscriber.status == Subscriber.Status.UNSUBSCRIBED
                    and not subscriber.awaits_new_confirmation
                ):
                    # A fresh double opt-in: earlier links can no longer confirm anything. The status and
                    # the dates of the withdrawal stay until the owner of the address confirms.
                    subscriber.confirmation_nonce = new_key()
                subscriber.language = language
                for field, value in consent.items():
                    setattr(subscriber, field, value)
                subscriber.save()
    send = {
        SubscriptionOutcome.CONFIRMATION_SENT: emails.send_confirmation_request,
        SubscriptionOutcome.ALREADY_SUBSCRIBED: emails.send_already_subscribed,
    }[outcome]
    return outcome if _mail(send, subscriber, base_url) else SubscriptionOutcome.MAIL_FAILED


def inspect_confirmation_link(token):
    """What the confirmation link can do, without doing it (for the page with the confirm button)."""
    state, subscriber = _confirmation_target(token)
    return LinkResult(state, subscriber.email if subscriber else "")


def confirm_subscription(token):
    """The owner of the address confirmed. Works once, within the confirmation delay."""
    with transaction.atomic():
        state, subscriber = _confirmation_target(token, lock=True)
        if state != LinkState.READY:
            return LinkResult(state, subscriber.email if subscriber else "")
        # A new cycle starts: its confirmation replaces any earlier one, and the earlier withdrawal ends.
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.confirmation_nonce = new_key()
        subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at", "confirmation_nonce"])
    return LinkResult(LinkState.DONE, subscriber.email)


def request_unsubscription(email, *, automated=False, client_address=None, base_url=None):
    """Someone asked, on the newsletter page, to unsubscribe `email`: its owner gets an unsubscribe link.

    Unknown or already unsubscribed addresses get nothing (the visitor sees the same answer either way), nor
    do forms that look automated, clients over their hourly limit and addresses over their daily limit.
    """
    if automated:
        return UnsubscriptionRequestOutcome.LOOKS_AUTOMATED
    if client_address is not None and not ratelimit.allow_submission_from(client_address):
        return UnsubscriptionRequestOutcome.RATE_LIMITED
    email = normalise_email(email)
    if not ratelimit.allow_mail_to(email):
        return UnsubscriptionRequestOutcome.RATE_LIMITED
    subscriber = (
        Subscriber.objects.for_email(email).exclude(status=Subscriber.Status.UNSUBSCRIBED).order_by().first()
    )
    if subscriber is None:
        return UnsubscriptionRequestOutcome.NOTHING_TO_DO
    if not _mail(emails.send_unsubscribe_link, subscriber, base_url):
        return UnsubscriptionRequestOutcome.MAIL_FAILED
    return UnsubscriptionRequestOutcome.LINK_SENT


def inspect_unsubscribe_link(token):
    """What the unsubscribe link can do, without doing it (for the page with the button)."""
    state, subscriber = _unsubscribe_target(token)
    return LinkResult(state, subscriber.email if subscriber else "")


def unsubscribe(token):
    """The owner of the address used the unsubscribe link of one of our e-mails."""
    with transaction.atomic():
        state, subscriber = _unsubscribe_target(token, lock=True)
        if state != LinkState.READY:
            return LinkResult(state, subscriber.email if subscriber else "")
        unsubscribe_subscriber(subscriber)
    return LinkResult(LinkState.DONE, subscriber.email)


def unsubscribe_subscriber(subscriber):
    """Mark one subscriber as unsubscribed (from a link, or by staff on the person's request).

    An unsubscribed address with a new request waiting for confirmation: the request is refused (its
    confirmation links stop working) and the withdrawal is dated anew.
    """
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED and not subscriber.awaits_new_confirmation:
        return False
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.confirmation_nonce = new_key()
    subscriber.save(update_fields=["status", "unsubscribed_at", "confirmation_nonce"])
    # Nothing more goes out to them, not even the rest of an issue being sent (the worker checks each row).
    Delivery.objects.filter(subscriber=subscriber, state=Delivery.State.PENDING).delete()
    return True


def erase_subscribers(queryset):
    """Right to erasure: delete the rows, remove the address from the admin history (the audit log names
    subscribers by id only, and forgets even that label), count the deletions."""
    return _delete(queryset, DeletionCount.Reason.ERASURE)


def erase_subscriber(subscriber):
    return erase_subscribers(Subscriber.objects.filter(pk=subscriber.pk))


def purge_unconfirmed(older_than_days):
    """Delete subscriptions never confirmed within `older_than_days` days of the (latest) request.

    Also those refused before any confirmation (the owner used the unsubscribe link of the confirmation
    e-mail): nobody ever consented for these addresses, so there is nothing to keep. A row that was ever
    confirmed is never purged, whatever new request is waiting on it: it holds the proof of withdrawal.
    """
    cutoff = timezone.now() - timedelta(days=older_than_days)
    stale = Subscriber.objects.never_confirmed().filter(subscribed_at__lt=cutoff)
    return _delete(stale, DeletionCount.Reason.PURGE)


def export_subscriber_data(subscriber):
    """Everything we hold about one person (right of access), as a JSON-ready dict."""

    def when(moment):
        return moment.isoformat() if moment else None

    return {
        "email": subscriber.email,
        "newsletter_language": subscriber.language,
        "status": subscriber.status,
        "subscription_requested_at": when(subscriber.subscribed_at),
        "subscribed_from_page": subscriber.source_path,
        "form_language": subscriber.form_language,
        "consent_text_version": subscriber.consent_version,
        "consent_text": consent_text(subscriber.consent_version, subscriber.form_language),
        "confirmed_at": when(subscriber.confirmed_at),
        "unsubscribed_at": when(subscriber.unsubscribed_at),
        "ip_address": None,
        "exported_at": when(timezone.now()),
    }


class _Echo:
    """A file-like object whose write() returns the line, for csv.writer in a streamed response."""

    def write(self, value):
        return value


EXPORT_HEADER = ["email", "language", "confirmed_at", "unsubscribe_url"]
EXPORT_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def confirmed_subscriber_rows(queryset, *, chunk_size=2000):
    """[email, language, confirmed at, unsubscribe URL] for the confirmed subscribers of `queryset` (the
    admin list as filtered), read in chunks (never all in memory). Times are the site's (TIME_ZONE), as
    the admin shows them, without time zone (spreadsheets have none); text cells are formula-safe."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    unsubscribe_url = emails.unsubscribe_url_maker()
    fields = ("pk", "email", "language", "confirmed_at", "unsubscribe_key")
    rows = queryset.filter(status=Subscriber.Status.CONFIRMED, suppressed_reason="").order_by("pk")
    rows = rows.values_list(*fields)
    for pk, email, language, confirmed_at, key in rows.iterator(chunk_size=chunk_size):
        yield [
            spreadsheet_safe(email),
            language,
            timezone.localtime(confirmed_at, zone).replace(tzinfo=None),
            unsubscribe_url(language, pk, key),
        ]


def subscribers_csv(rows):
    """The rows as CSV lines for French Excel (BOM, semicolons), to stream."""
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER)
    yield CSV_BOM + writer.writerow(EXPORT_HEADER)
    for email, language, confirmed_at, url in rows:
        yield writer.writerow([email, language, confirmed_at.strftime(EXPORT_TIME_FORMAT), url])


def subscribers_xlsx(rows, file):
    """The rows as an Excel workbook written into `file`; openpyxl's write-only mode keeps memory flat
    (rows go to a temporary file as they come)."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("subscribers")
    sheet.append(EXPORT_HEADER)
    for email, language, confirmed_at, url in rows:
        when = WriteOnlyCell(sheet, value=confirmed_at)
        when.number_format = "yyyy-mm-dd hh:mm:ss"
        sheet.append([email, language, when, url])
    workbook.save(file)
    return file


def _lock_or_create(email, defaults):
    """The subscriber of `email`, locked until the end of the transaction; created if missing.

    Two requests at once for a new address both try to insert; the unique index lets one win, the other
    gets IntegrityError (PostgreSQL makes it wait for the winner's commit) and then locks the winner's row.
    """
    try:
        return Subscriber.objects.select_for_update().for_email(email).get(), False
    except Subscriber.DoesNotExist:
        pass
    try:
        with transaction.atomic():
            return Subscriber.objects.create(email=email, **defaults), True
    except IntegrityError:
        return Subscriber.objects.select_for_update().for_email(email).get(), False


def _confirmation_target(token, lock=False):
    try:
        data = read_confirmation_token(token)
    except ExpiredToken:
        return LinkState.EXPIRED, None
    except InvalidToken:
        return LinkState.INVALID, None
    subscribers = Subscriber.objects.select_for_update() if lock else Subscriber.objects
    subscriber = subscribers.filter(pk=data.subscriber_id).first()
    if subscriber is None:
        return LinkState.INVALID, None
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return LinkState.ALREADY_DONE, subscriber
    if not subscriber.can_be_confirmed or not constant_time_compare(
        subscriber.confirmation_nonce, data.secret
    ):
        # Used already, or superseded by an unsubscription or a later subscription.
        return LinkState.INVALID, None
    return LinkState.READY, subscriber


def _unsubscribe_target(token, lock=False):
    try:
        data = read_unsubscribe_token(token)
    except InvalidToken:
        return LinkState.INVALID, None
    subscribers = Subscriber.objects.select_for_update() if lock else Subscriber.objects
    subscriber = subscribers.filter(pk=data.subscriber_id).first()
    if subscriber is None or not constant_time_compare(subscriber.unsubscribe_key, data.secret):
        # Erased (or never existed): nothing left to unsubscribe.
        return LinkState.INVALID, None
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED and not subscriber.awaits_new_confirmation:
        return LinkState.ALREADY_DONE, subscriber
    return LinkState.READY, subscriber


def _delete(queryset, reason):
    with transaction.atomic():
        ids = list(queryset.order_by().values_list("pk", flat=True))
        if not ids:
            return 0
        deleted, _per_model = Subscriber.objects.filter(pk__in=ids).delete()
        _scrub_admin_history(ids)
        audit.forget_subscribers(ids)
        audit.record_subscriber_deletions(ids, reason=reason)
        counter, _created = DeletionCount.objects.get_or_create(day=timezone.localdate(), reason=reason)
        DeletionCount.objects.filter(pk=counter.pk).update(count=F("count") + deleted)
    return deleted


def _scrub_admin_history(ids, batch_size=500):
    """The admin's history names objects by str(obj), the address: replace it in the deleted rows' entries."""
    content_type = ContentType.objects.get_for_model(Subscriber)
    for start in range(0, len(ids), batch_size):
        object_ids = [str(pk) for pk in ids[start : start + batch_size]]
        LogEntry.objects.filter(content_type=content_type, object_id__in=object_ids).update(
            object_repr=ERASED_REPR
        )


def _clean_source(source):
    """The path of the page the form was on: a local path only, without query string, cut to fit."""
    source = (source or "").split("?", 1)[0].split("#", 1)[0]
    if not source.startswith("/") or source.startswith("//"):
        return ""
    return source[:SOURCE_PATH_MAX_LENGTH]


def _mail(send, subscriber, base_url=None):
    """Send one e-mail; a mail server failure is logged (and reported to admins), not shown to the visitor."""
    try:
        send(subscriber, base_url=base_url)
    except (OSError, smtplib.SMTPException):
        logger.exception("Newsletter e-mail to subscriber %s could not be sent.", subscriber.pk)
        return False
    return True
