"""Sending an issue: the checks before, the state changes staff make, and the worker's loop.

Exactly once, even after a crash (docs/operations.md, "Newsletter sending"):
- The progress is in our own rows, one Delivery per (issue, subscriber), not in the task queue. A worker
  claims a few pending rows at a time (`select_for_update(skip_locked=True)` on PostgreSQL, so several
  workers share one send; on SQLite the claim is one write transaction, taken whole), sends each message,
  then marks that row sent in its own commit.
- The side chosen for the one message in flight when a worker is killed: it may arrive twice, never not at
  all. A kill between the SMTP server's "250 OK" and the commit leaves the row pending, and it is sent again
  (with the same Message-ID, which many mail programs use to drop the copy). At most one message per killed
  worker is affected.
- The worker running a send renews a lease on the issue. django-tasks-db leaves a killed task RUNNING for
  ever, so the send is resumed by a watchdog task, `watch_send`, queued when the lease is taken: it runs
  again just after the lease would expire and, if nobody renewed it, takes the send over. A killed send thus
  resumes at most NEWSLETTER_SEND_LEASE_SECONDS (plus the worker's polling interval, 1 s) after the kill,
  as soon as a worker is running.
"""

import contextlib
import logging
import re
import smtplib
import time
import uuid
from dataclasses import dataclass, replace
from datetime import timedelta
from urllib.parse import urlsplit

import markdown as markdown_lib
from django.conf import settings
from django.core.mail import mailers
from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import override

from angers_intl.querysets import visible_q

from . import rendering
from .emails import unsubscribe_url_maker
from .models import LANGUAGE_CODES, Delivery, IssueState, NewsletterIssue, PauseReason, Subscriber

logger = logging.getLogger(__name__)

LINK_SCHEMES = {"http", "https", "mailto", "tel"}
HREF = re.compile(r'<a[^>]*\shref="([^"]*)"')
SMTP_RESPONSE_MAX_LENGTH = Delivery._meta.get_field("smtp_response").max_length
# Retries sooner than this are waited for in the loop; later ones are queued as a task for then.
WAIT_IN_LOOP_SECONDS = 5
# How stale the worker's view of unsubscriptions may be while it sends a batch.
RECHECK_SECONDS = 0.2


def language_name(code):
    return dict(settings.LANGUAGES)[code]


# -- Checks before anything is sent ---------------------------------------------------------------------


def broken_links(markdown_text):
    """The links of `markdown_text` that would not work in an e-mail: empty, unclosed, of an unknown scheme."""
    broken = []
    text = markdown_text or ""
    for match in rendering.MARKDOWN_LINK.finditer(text):
        if not match[2].strip():
            broken.append(match[0])
    rest = rendering.MARKDOWN_LINK.sub("", text)
    broken += re.findall(r"\[[^\]]*\]\([^)]*$", rest, flags=re.MULTILINE)
    html = markdown_lib.markdown(text, extensions=["sane_lists"])
    for href in HREF.findall(html):
        parts = urlsplit(href)
        if not href or (href.startswith("/") and not href.startswith("//")):
            continue  # Empty ones are reported above; site paths are made absolute.
        if parts.scheme not in LINK_SCHEMES or (parts.scheme in {"http", "https"} and not parts.netloc):
            broken.append(href)
    return broken


def problems_before_sending(issue, *, scheduled_at=None):
    """Why `issue` cannot be sent (or scheduled at `scheduled_at`): translated sentences, empty when it can."""
    problems = []
    for code in LANGUAGE_CODES:
        name = capfirst(language_name(code))
        if not (getattr(issue, f"subject_{code}", "") or "").strip():
            problems.append(_("%(language)s version: the subject is empty.") % {"language": name})
        if not (getattr(issue, f"body_{code}", "") or "").strip():
            problems.append(_("%(language)s version: the text is empty.") % {"language": name})
        for link in broken_links(getattr(issue, f"body_{code}", "")):
            problems.append(
                _("%(language)s version: the link %(link)s is broken; write links as [text](https://…).")
                % {"language": name, "link": link}
            )
    if issue.pk:
        # Public when the issue goes out (its scheduled moment, or now), by the site's one rule.
        at = scheduled_at if scheduled_at is not None and scheduled_at > timezone.now() else None
        unpublished = [
            *issue.partner_cities.not_published(at=at),
            *issue.programmes.not_published(at=at),
            *issue.networks.not_published(at=at),
            *issue.news_items.not_published(at=at),
            *issue.events.not_published(at=at),
            *issue.distinctions.exclude(visible_q("recognition__", at=at)).select_related("recognition"),
        ]
        for item in unpublished:
            problems.append(_("“%(item)s” is not published: publish it or remove its card.") % {"item": item})
    if scheduled_at is not None and scheduled_at <= timezone.now():
        problems.append(_("The date and time to send it are in the past: choose a later one."))
    return problems


# -- What staff do -------------------------------------------------------------------------------------


class SendingRefused(Exception):
    """The issue cannot go out as asked; `problems` says why, in the staff member's language."""

    def __init__(self, problems):
        super().__init__(" ".join(problems))
        self.problems = problems


def _enqueue(task, *args, run_after=None):
    """Queue a task once the current transaction commits (a worker must find the state it was given)."""
    queued = task.using(run_after=run_after) if run_after else task
    transaction.on_commit(lambda: queued.enqueue(*args))


def start_sending(issue):
    """Send a draft or scheduled issue now, in the worker. Raises SendingRefused with the reasons."""
    from . import tasks

    problems = problems_before_sending(issue)
    if issue.state not in (IssueState.DRAFT, IssueState.SCHEDULED):
        problems.append(_("Only a draft or a scheduled issue can be sent."))
    if problems:
        raise SendingRefused(problems)
    with transaction.atomic():
        started = NewsletterIssue.objects.filter(
            pk=issue.pk, state__in=[IssueState.DRAFT, IssueState.SCHEDULED]
        ).update(
            state=IssueState.SENDING,
            sending_started_at=timezone.now(),
            pause_code="",
            pause_details={},
            lease_owner="",
            lease_expires_at=None,
        )
        if started:
            _enqueue(tasks.send_issue, issue.pk)
    issue.refresh_from_db()


def schedule(issue, when):
    """Send the issue at `when` (a future time). Raises SendingRefused with the reasons."""
    from . import tasks

    problems = problems_before_sending(issue, scheduled_at=when)
    if issue.state not in (IssueState.DRAFT, IssueState.SCHEDULED):
        problems.append(_("Only a draft or a scheduled issue can be scheduled."))
    if problems:
        raise SendingRefused(problems)
    with transaction.atomic():
        NewsletterIssue.objects.filter(pk=issue.pk).update(state=IssueState.SCHEDULED, scheduled_at=when)
        _enqueue(tasks.start_scheduled_issue, issue.pk, run_after=when)
    issue.refresh_from_db()


def start_scheduled(issue_id):
    """The scheduled time came: send the issue if it is still scheduled for (no later than) now."""
    issue = NewsletterIssue.objects.filter(
        pk=issue_id, state=IssueState.SCHEDULED, scheduled_at__lte=timezone.now()
    ).first()
    if issue is None:
        return  # Rescheduled (a later task will come), unscheduled or cancelled.
    try:
        start_sending(issue)
    except SendingRefused as refused:
        # Content changed since it was scheduled: staff see why it did not go out.
        logger.warning("Newsletter issue %s not sent when due: %s", issue_id, refused)
        NewsletterIssue.objects.filter(pk=issue_id).update(
            state=IssueState.DRAFT, pause_code=PauseReason.NOT_SENDABLE_WHEN_DUE, pause_details={}
        )


def pause(issue):
    """Stop sending after the message in progress; `resume` goes on where it stopped."""
    NewsletterIssue.objects.filter(pk=issue.pk, state=IssueState.SENDING).update(
        state=IssueState.PAUSED,
        pause_code=PauseReason.STAFF,
        pause_details={},
        lease_owner="",
        lease_expires_at=None,
    )
    issue.refresh_from_db()


def resume(issue):
    from . import tasks

    with transaction.atomic():
        resumed = NewsletterIssue.objects.filter(pk=issue.pk, state=IssueState.PAUSED).update(
            state=IssueState.SENDING, pause_code="", pause_details={}, lease_owner="", lease_expires_at=None
        )
        if resumed:
            _enqueue(tasks.send_issue, issue.pk)
    issue.refresh_from_db()


def cancel(issue):
    """Nothing more of this issue goes out; what was sent stays recorded."""
    NewsletterIssue.objects.filter(
        pk=issue.pk, state__in=[IssueState.DRAFT, IssueState.SCHEDULED, IssueState.SENDING, IssueState.PAUSED]
    ).update(state=IssueState.CANCELLED, lease_owner="", lease_expires_at=None)
    issue.refresh_from_db()


def queue_test(issue, addresses):
    """A test of the issue to staff `addresses`, sent by the worker (never in the admin's request)."""
    from . import tasks

    _enqueue(tasks.send_test_issue, issue.pk, list(addresses))


def send_test_now(issue_id, addresses):
    """The worker's part of a test send: the issue as it is now (it may have been edited since)."""
    issue = NewsletterIssue.objects.filter(pk=issue_id).first()
    if issue is not None:
        send_test(issue, addresses)


def send_test(issue, addresses):
    """The issue in each language to staff `addresses`, now (the subject says it is a test).

    Its unsubscribe link leads to the "nothing to unsubscribe" page: no subscriber is behind it.
    """
    make_unsubscribe_url = unsubscribe_url_maker()
    messages = []
    for language in LANGUAGE_CODES:
        rendered = rendering.render_issue(issue, language)
        with override(language):
            subject = _("[Test] %(subject)s") % {"subject": rendered.subject}
        rendered = replace(rendered, subject=subject)
        for address in addresses:
            messages.append(
                rendering.address(
                    rendered,
                    to=address,
                    unsubscribe_url=make_unsubscribe_url(language, 0, "test"),
                    message_id=f"issue-{issue.pk}.test-{uuid.uuid4().hex}",
                )
            )
    return mailers.default.send_messages(messages)


@dataclass(frozen=True)
class Progress:
    total: int
    sent: int
    failed: int
    remaining: int
    per_second: float | None
    seconds_left: float | None


def progress(issue):
    """Sent, failed and remaining messages, the rate over the last minute and the time left at that rate."""
    counts = dict(
        Delivery.objects.filter(issue=issue).order_by().values_list("state").annotate(n=Count("pk"))
    )
    sent = counts.get(Delivery.State.SENT, 0)
    failed = counts.get(Delivery.State.FAILED, 0)
    pending = counts.get(Delivery.State.PENDING, 0)
    window = 60
    recent = Delivery.objects.filter(
        issue=issue, state=Delivery.State.SENT, sent_at__gte=timezone.now() - timedelta(seconds=window)
    ).count()
    per_second = recent / window if recent else None
    seconds_left = pending / per_second if per_second and pending else (0 if not pending else None)
    return Progress(sent + failed + pending, sent, failed, pending, per_second, seconds_left)


# -- The worker ------------------------------------------------------------------------------------------


class PauseSend(Exception):
    """The mail server refuses us (not one address): stop, keep every unsent row pending, tell staff why.

    Carries a PauseReason and its parameters, not a sentence: the worker has no staff language."""

    def __init__(self, code, **details):
        super().__init__(code, details)
        self.code = code
        self.details = details


def _lease():
    return timedelta(seconds=settings.NEWSLETTER_SEND_LEASE_SECONDS)


def watch_send(issue_id, lease_owner):
    """The watchdog of one lease: take the send over if its lease ran out, else look again when it would."""
    from . import tasks

    issue = NewsletterIssue.objects.filter(pk=issue_id, state=IssueState.SENDING).first()
    if issue is None:
        return  # Sent, paused or cancelled: nothing to watch.
    if issue.lease_expires_at is None or issue.lease_expires_at < timezone.now():
        logger.warning("Newsletter issue %s: its worker stopped renewing the lease; resuming.", issue_id)
        run_send(issue_id)
    elif issue.lease_owner == lease_owner:
        tasks.watch_send.using(run_after=issue.lease_expires_at + timedelta(seconds=1)).enqueue(
            issue_id, lease_owner
        )
    # Otherwise the lease was taken anew (after a pause, or by a takeover): its own watchdog watches it.


def run_send(issue_id):
    """The worker's loop for one issue; several workers may run it at once for the same issue."""
    from . import tasks

    worker = f"{uuid.uuid4().hex[:16]}"
    now = timezone.now()
    acquired = (
        NewsletterIssue.objects.filter(pk=issue_id, state=IssueState.SENDING)
        .filter(Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lt=now))
        .update(lease_owner=worker, lease_expires_at=now + _lease())
    )
    if acquired:
        tasks.watch_send.using(run_after=now + _lease() + timedelta(seconds=1)).enqueue(issue_id, worker)
    issue = NewsletterIssue.objects.filter(pk=issue_id, state=IssueState.SENDING).first()
    if issue is None:
        return
    if not issue.deliveries_prepared:
        prepare_deliveries(issue)
    Sender(issue, worker).run()


def prepare_deliveries(issue, chunk_size=1000):
    """One pending row per confirmed subscriber, in their language (idempotent: a resumed send adds none)."""
    recipients = Subscriber.objects.confirmed().order_by("pk").values_list("pk", "language")
    batch = []
    for subscriber_id, language in recipients.iterator(chunk_size=chunk_size):
        batch.append(Delivery(issue_id=issue.pk, subscriber_id=subscriber_id, language=language))
        if len(batch) >= chunk_size:
            Delivery.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    if batch:
        Delivery.objects.bulk_create(batch, ignore_conflicts=True)
    NewsletterIssue.objects.filter(pk=issue.pk).update(deliveries_prepared=True)


class Sender:
    """One worker's part of one send: claims rows, sends their messages on one SMTP connection, records."""

    def __init__(self, issue, worker):
        self.issue = issue
        self.worker = worker
        self.prepared = {
            language: rendering.PreparedIssue(rendering.render_issue(issue, language))
            for language in LANGUAGE_CODES
        }
        self.unsubscribe_url = unsubscribe_url_maker()
        self.rate = settings.NEWSLETTER_SEND_RATE
        self.next_slot = time.monotonic()
        self.lease_renewed = time.monotonic()
        self.refusals = []  # (delivery pk, attempts before) since the last accepted message
        self.backend = None

    # The loop

    def run(self):
        self.backend = mailers.default
        try:
            self._open()
            while self._still_sending():
                batch = self._claim()
                if not batch:
                    if not self._finish_or_wait():
                        return
                    continue
                for delivery in self._deliverable(batch):
                    if not self._still_sending():
                        break
                    self._deliver(delivery)
        except PauseSend as reason:
            self._pause(reason)
        finally:
            self._release_claims()
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self.backend.close()

    def _still_sending(self):
        """Renew the lease when a third of it has gone; False once staff paused or cancelled the send."""
        if time.monotonic() - self.lease_renewed < settings.NEWSLETTER_SEND_LEASE_SECONDS / 3:
            return True
        return self._renew()

    def _renew(self):
        until = timezone.now() + _lease()
        renewed = NewsletterIssue.objects.filter(pk=self.issue.pk, state=IssueState.SENDING).update(
            lease_expires_at=until
        )
        Delivery.objects.filter(
            issue=self.issue, claimed_by=self.worker, state=Delivery.State.PENDING
        ).update(claimed_until=until)
        self.lease_renewed = time.monotonic()
        return bool(renewed)

    def _claim(self):
        if not self._renew():
            return []
        now = timezone.now()
        claimable = (
            Q(issue=self.issue, state=Delivery.State.PENDING)
            & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            & (Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        )
        with transaction.atomic():
            ids = list(
                Delivery.objects.select_for_update(skip_locked=True)
                .filter(claimable)
                .order_by("pk")
                .values_list("pk", flat=True)[: settings.NEWSLETTER_SEND_BATCH_SIZE]
            )
            Delivery.objects.filter(claimable, pk__in=ids).update(
                claimed_by=self.worker, claimed_until=now + _lease()
            )
        return list(
            Delivery.objects.filter(pk__in=ids, claimed_by=self.worker, state=Delivery.State.PENDING)
            .select_related("subscriber")
            .order_by("pk")
        )

    def _finish_or_wait(self):
        """Nothing to claim now. True to loop again (a retry is due soon), False when this worker is done."""
        from . import tasks

        pending = Delivery.objects.filter(issue=self.issue, state=Delivery.State.PENDING)
        if not pending.exists():
            NewsletterIssue.objects.filter(pk=self.issue.pk, state=IssueState.SENDING).update(
                state=IssueState.SENT, sent_at=timezone.now(), lease_owner="", lease_expires_at=None
            )
            return False
        now = timezone.now()
        if pending.filter(claimed_until__gte=now).exists():
            return False  # Other workers hold the rest; the last of them marks the issue sent.
        next_attempt = pending.aggregate(at=Min("next_attempt_at"))["at"]
        if next_attempt is None:
            return True
        wait = (next_attempt - now).total_seconds()
        if wait <= WAIT_IN_LOOP_SECONDS:
            time.sleep(max(wait, 0))
            return True
        # Later retries: a task for then, and the lease stretched so the watchdog does not step in before.
        NewsletterIssue.objects.filter(pk=self.issue.pk, state=IssueState.SENDING).update(
            lease_expires_at=next_attempt + _lease()
        )
        tasks.send_issue.using(run_after=next_attempt).enqueue(self.issue.pk)
        return False

    # One message

    def _deliverable(self, batch):
        """The rows of `batch` still to send, checked again at most every RECHECK_SECONDS: someone who
        unsubscribed (their pending rows are deleted), hard-bounced or was erased since the claim gets nothing
        more."""
        checked_at, allowed = None, set()
        for delivery in batch:
            if checked_at is None or time.monotonic() - checked_at > RECHECK_SECONDS:
                remaining = [row.pk for row in batch if row.pk >= delivery.pk]
                allowed = set(
                    Delivery.objects.filter(
                        pk__in=remaining,
                        state=Delivery.State.PENDING,
                        subscriber__status=Subscriber.Status.CONFIRMED,
                        subscriber__suppressed_reason="",
                    ).values_list("pk", flat=True)
                )
                checked_at = time.monotonic()
            if delivery.pk in allowed:
                yield delivery
            else:
                Delivery.objects.filter(pk=delivery.pk, state=Delivery.State.PENDING).delete()

    def _deliver(self, delivery):
        message = self.prepared[delivery.language].addressed(
            to=delivery.subscriber.email,
            unsubscribe_url=self.unsubscribe_url(
                delivery.language, delivery.subscriber_id, delivery.subscriber.unsubscribe_key
            ),
            message_id=f"issue-{self.issue.pk}.{delivery.pk}",
        )
        self._wait_for_rate()
        try:
            response = self._send_reconnecting(message)
        except smtplib.SMTPRecipientsRefused as refused:
            code, text = next(iter(refused.recipients.values()))
            self._refused(delivery, code, text)
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as refused:
            self._refused(delivery, refused.smtp_code, refused.smtp_error)
        else:
            Delivery.objects.filter(pk=delivery.pk).update(
                state=Delivery.State.SENT,
                sent_at=timezone.now(),
                attempts=delivery.attempts + 1,
                smtp_response=response[:SMTP_RESPONSE_MAX_LENGTH],
                claimed_by="",
                claimed_until=None,
            )
            self.refusals = []

    def _wait_for_rate(self):
        if self.rate <= 0:
            return
        now = time.monotonic()
        if self.next_slot > now:
            time.sleep(self.next_slot - now)
        self.next_slot = max(self.next_slot, now) + 1 / self.rate

    def _open(self):
        try:
            self.backend.open()
        except (OSError, smtplib.SMTPException) as error:
            raise PauseSend(PauseReason.SERVER_UNREACHABLE, error=str(error)) from error

    def _send_reconnecting(self, message):
        """Send on the open connection; if it dropped, reconnect once. A second failure pauses the send."""
        for attempt in (1, 2):
            try:
                return self._send(message)
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError):
                raise
            except (OSError, smtplib.SMTPException) as error:
                with contextlib.suppress(OSError, smtplib.SMTPException):
                    self.backend.close()
                if attempt == 2:
                    raise PauseSend(PauseReason.SERVER_STOPPED, error=str(error)) from error
                self._open()
        raise AssertionError("unreachable")

    def _send(self, message):
        """One message, and the server's answer to it ("250 2.0.0 Ok: queued as …")."""
        smtp = getattr(self.backend, "connection", None)
        if not isinstance(smtp, smtplib.SMTP):
            # A backend that is not SMTP (console in development, locmem in tests).
            self.backend.send_messages([message.email_message()])
            return f"accepted by {type(self.backend).__module__}"
        if smtp.sock is None:
            self._open()
            smtp = self.backend.connection
        sender = self.backend.prep_address(message.from_email)
        recipient = self.backend.prep_address(message.to)
        data = message.as_bytes()
        smtp.ehlo_or_helo_if_needed()
        code, text = smtp.mail(sender)
        if code != 250:
            _reset(smtp)
            raise smtplib.SMTPSenderRefused(code, text, sender)
        code, text = smtp.rcpt(recipient)
        if code not in (250, 251):
            _reset(smtp)
            raise smtplib.SMTPRecipientsRefused({recipient: (code, text)})
        try:
            code, text = smtp.data(data)
        except smtplib.SMTPDataError:
            _reset(smtp)
            raise
        return f"{code} {_text(text)}"

    def _refused(self, delivery, code, text):
        answer = f"{code} {_text(text)}"[:SMTP_RESPONSE_MAX_LENGTH]
        attempts = delivery.attempts + 1
        temporary = 400 <= code < 500 and attempts < settings.NEWSLETTER_SEND_MAX_ATTEMPTS
        changes = {"attempts": attempts, "smtp_response": answer, "claimed_by": "", "claimed_until": None}
        if temporary:
            delay = settings.NEWSLETTER_RETRY_BASE_SECONDS * 2 ** (attempts - 1)
            changes["next_attempt_at"] = timezone.now() + timedelta(seconds=delay)
        else:
            changes["state"] = Delivery.State.FAILED
        Delivery.objects.filter(pk=delivery.pk).update(**changes)
        self.refusals.append((delivery.pk, delivery.attempts))
        if len(self.refusals) >= settings.NEWSLETTER_PAUSE_AFTER_REFUSALS:
            # Refused again and again with nothing accepted: the server refuses us, not these addresses.
            # Their rows go back to where they were, and staff see the server's answer.
            for pk, attempts_before in self.refusals:
                Delivery.objects.filter(pk=pk).update(
                    state=Delivery.State.PENDING, attempts=attempts_before, next_attempt_at=None
                )
            raise PauseSend(PauseReason.REFUSED_IN_ROW, count=len(self.refusals), answer=answer)

    def _pause(self, reason):
        logger.warning("Newsletter issue %s paused: %s %s", self.issue.pk, reason.code, reason.details)
        NewsletterIssue.objects.filter(pk=self.issue.pk, state=IssueState.SENDING).update(
            state=IssueState.PAUSED,
            pause_code=reason.code,
            pause_details=reason.details,
            lease_owner="",
            lease_expires_at=None,
        )

    def _release_claims(self):
        Delivery.objects.filter(
            issue=self.issue, claimed_by=self.worker, state=Delivery.State.PENDING
        ).update(claimed_by="", claimed_until=None)


def _reset(smtp):
    with contextlib.suppress(OSError, smtplib.SMTPException):
        smtp.rset()


def _text(value):
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)
