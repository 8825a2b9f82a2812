"""Bounces and complaints fed back from a maildir (`manage.py process_bounces MAILDIR`, run from cron).

Reads two standard kinds of report that mail servers and providers send back to our Return-Path / abuse
address:
- delivery status notifications (RFC 3464, multipart/report; report-type=delivery-status): per recipient,
  `Action: failed` with `Status: 5.x.x` is a hard bounce, `Action: delayed` or `Status: 4.x.x` a soft one;
- complaints (RFC 5965 ARF, multipart/report; report-type=feedback-report): the recipient marked our
  message as spam.

The recipient is found first by our own Message-ID in the returned original (`<issue-ISSUE.DELIVERY@…>`:
the delivery row, hence the subscriber, whatever address forwarding went through), else by the
report's Original-Recipient / Final-Recipient (or the complaint's Original-Rcpt-To).

A hard bounce or a complaint stops every further message to that address (`suppressed_reason`, with the
date; their pending deliveries are deleted); soft bounces are counted and stop it after
NEWSLETTER_SOFT_BOUNCE_LIMIT. Staff see why in the subscriber admin. A processed message is flagged as seen
("S") in the maildir and never counted twice.
"""

import email.parser
import email.policy
import mailbox
import re
from dataclasses import dataclass, field
from email.utils import parseaddr
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Delivery, Subscriber, SuppressionReason

OUR_MESSAGE_ID = re.compile(r"<issue-\d+\.(\d+)@[^>]+>")
LAST_BOUNCE_MAX_LENGTH = Subscriber._meta.get_field("last_bounce").max_length


class Kind:
    HARD = "hard"
    SOFT = "soft"
    COMPLAINT = "complaint"


@dataclass(frozen=True)
class Report:
    """One recipient's bounce or complaint, as read from a report."""

    kind: str
    addresses: tuple  # candidates from the report's recipient fields, best first
    message_id: str = ""
    details: str = ""


@dataclass
class Summary:
    hard: int = 0
    soft: int = 0
    complaints: int = 0
    suppressed: int = 0
    unmatched: int = 0
    not_reports: int = 0
    unmatched_addresses: list = field(default_factory=list)


def _address(value):
    """`rfc822; someone@example.org` (or `<someone@…>`) → someone@example.org."""
    value = (value or "").strip()
    if ";" in value:
        _type, value = value.split(";", 1)
    return parseaddr(value.strip())[1]


def _parts(message, content_type):
    return [part for part in message.walk() if part.get_content_type() == content_type]


def _original_message_id(message):
    """The Message-ID of the message that bounced, from the returned original or its headers."""
    for part in message.walk():
        content_type = part.get_content_type()
        if content_type == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if inner is not None and inner.get("Message-ID"):
                return str(inner["Message-ID"]).strip()
        elif content_type == "text/rfc822-headers":
            text = part.get_payload(decode=True) or b""
            headers = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(text)
            if headers.get("Message-ID"):
                return str(headers["Message-ID"]).strip()
    return ""


def read_reports(message):
    """The bounces and complaints `message` reports (empty if it is not a report we understand)."""
    if message.get_content_type() != "multipart/report":
        return []
    report_type = (message.get_param("report-type") or "").lower()
    message_id = _original_message_id(message)
    reports = []
    if report_type == "delivery-status":
        for part in _parts(message, "message/delivery-status"):
            blocks = part.get_payload()
            # The first block is about the message (Reporting-MTA…); each of the next is one recipient.
            for block in blocks[1:] if isinstance(blocks, list) else []:
                action = (block.get("Action") or "").strip().lower()
                status = (block.get("Status") or "").strip()
                if action == "failed" and status.startswith("5"):
                    kind = Kind.HARD
                elif action == "delayed" or status.startswith("4"):
                    kind = Kind.SOFT
                else:
                    continue  # delivered, relayed, expanded: not a problem
                diagnostic = " ".join(str(block.get("Diagnostic-Code") or "").split())
                addresses = tuple(
                    address
                    for address in (
                        _address(block.get("Original-Recipient")),
                        _address(block.get("Final-Recipient")),
                    )
                    if address
                )
                reports.append(Report(kind, addresses, message_id, f"{status} {diagnostic}".strip()))
    elif report_type == "feedback-report":
        for part in _parts(message, "message/feedback-report"):
            payload = part.get_payload()
            fields = payload[0] if isinstance(payload, list) and payload else part
            feedback_type = (fields.get("Feedback-Type") or "abuse").strip()
            addresses = tuple(address for address in (_address(fields.get("Original-Rcpt-To")),) if address)
            reports.append(Report(Kind.COMPLAINT, addresses, message_id, f"complaint: {feedback_type}"))
    return reports


def subscriber_for(report):
    """Who `report` is about: by our Message-ID (the delivery row), else by address."""
    match = OUR_MESSAGE_ID.fullmatch(report.message_id)
    if match:
        delivery = Delivery.objects.filter(pk=int(match[1])).select_related("subscriber").first()
        if delivery is not None:
            return delivery.subscriber
    for address in report.addresses:
        subscriber = Subscriber.objects.for_email(address).first()
        if subscriber is not None:
            return subscriber
    return None


def record(subscriber, report):
    """Record `report` on `subscriber`. True when it stops the newsletter to them (now)."""
    now = timezone.now()
    details = report.details[:LAST_BOUNCE_MAX_LENGTH]
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        changes = {"last_bounce": details}
        reason = None
        if report.kind == Kind.HARD:
            reason = SuppressionReason.HARD_BOUNCE
        elif report.kind == Kind.COMPLAINT:
            reason = SuppressionReason.COMPLAINT
        else:
            changes["soft_bounce_count"] = F("soft_bounce_count") + 1
            if subscriber.soft_bounce_count + 1 >= settings.NEWSLETTER_SOFT_BOUNCE_LIMIT:
                reason = SuppressionReason.SOFT_BOUNCES
        suppress = reason is not None and not subscriber.suppressed_reason
        if suppress:
            changes.update(suppressed_reason=reason, suppressed_at=now)
        Subscriber.objects.filter(pk=subscriber.pk).update(**changes)
        if suppress:
            # Nothing more goes out to them, not even the rest of an issue being sent.
            Delivery.objects.filter(subscriber=subscriber, state=Delivery.State.PENDING).delete()
    return suppress


def process_maildir(path):
    """Read every message of the maildir at `path` not processed yet; returns a Summary.

    Raises mailbox.NoSuchMailboxError when `path` is not a maildir."""
    if not all(Path(path, sub).is_dir() for sub in ("new", "cur", "tmp")):
        raise mailbox.NoSuchMailboxError(path)
    folder = mailbox.Maildir(path, factory=None, create=False)
    summary = Summary()
    for key in list(folder.iterkeys()):
        message = folder[key]
        if "S" in message.get_flags():
            continue  # processed by an earlier run
        reports = read_reports(message)
        if not reports:
            summary.not_reports += 1
            continue
        for report in reports:
            subscriber = subscriber_for(report)
            if subscriber is None:
                summary.unmatched += 1
                summary.unmatched_addresses.extend(report.addresses)
                continue
            if report.kind == Kind.HARD:
                summary.hard += 1
            elif report.kind == Kind.SOFT:
                summary.soft += 1
            else:
                summary.complaints += 1
            summary.suppressed += record(subscriber, report)
        message.add_flag("S")
        message.set_subdir("cur")
        folder[key] = message
    return summary
