"""Subscribers and the proof of their consent, shaped for sending to tens of thousands of addresses later.

The address is kept as typed except the domain, which is lowercased (domains are case-insensitive; the local
part may in theory be case-sensitive, so it is delivered as typed). One subscriber per mailbox whatever the
case: a unique index on the lowered address. The consent proof is the latest one (see docs/architecture.md).
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from angers_intl.constraints import ValidatedModel
from angers_intl.text_fields import MarkdownField

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def new_key():
    """A random, URL-safe key (128 bits)."""
    return secrets.token_urlsafe(16)


def normalise_email(email):
    """Strip surrounding spaces and lowercase the domain; the local part stays as typed."""
    email = (email or "").strip()
    local, separator, domain = email.rpartition("@")
    if not separator:
        return email
    return f"{local}@{domain.lower()}"


class SubscriberQuerySet(models.QuerySet):
    def for_email(self, email):
        """The subscriber of this mailbox, compared case-insensitively in the database (uses the unique index)."""
        return self.alias(email_lower=Lower("email")).filter(email_lower=Lower(Value(normalise_email(email))))

    def confirmed(self):
        """The addresses the newsletter goes to (an unsubscribed address asked back is not, until confirmed;
        nor is one that bounced for good or complained, see `suppressed_reason`)."""
        return self.filter(status=Subscriber.Status.CONFIRMED, suppressed_reason="")

    def never_confirmed(self):
        """Rows nobody ever confirmed: no consent and no withdrawal to prove (the purge deletes them)."""
        return self.filter(confirmed_at__isnull=True).exclude(status=Subscriber.Status.CONFIRMED)

    def counts_by_status_and_language(self):
        """{(status, language): count} in one query."""
        rows = self.order_by().values_list("status", "language").annotate(count=models.Count("pk"))
        return {(status, language): count for status, language, count in rows}


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("waiting for confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    UNSUBSCRIBED = "unsubscribed", _("unsubscribed")


class SuppressionReason(models.TextChoices):
    """Why we no longer send to a confirmed address (manage.py process_bounces records it)."""

    HARD_BOUNCE = "hard_bounce", _("the address does not exist (hard bounce)")
    COMPLAINT = "complaint", _("marked as spam by its owner (complaint)")
    SOFT_BOUNCES = "soft_bounces", _("temporary failures again and again (soft bounces)")


class DeletionReason(models.TextChoices):
    ERASURE = "erasure", _("erased on request")
    PURGE = "purge", _("unconfirmed, purged")


class Subscriber(ValidatedModel):
    Status = SubscriberStatus

    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, help_text=_("Language of the newsletter.")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    # Consent proof: the latest request and what it said.
    subscribed_at = models.DateTimeField(_("subscription requested at"))
    source_path = models.CharField(
        _("subscribed from page"), max_length=200, blank=True, help_text=_("Path of the page with the form.")
    )
    form_language = models.CharField(
        _("language of the form"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("Language of the page on which the visitor read the consent statement."),
    )
    consent_version = models.CharField(
        _("consent text version"),
        max_length=20,
        help_text=_(
            "Version of the consent statement shown; the site keeps the exact wording of every version."
        ),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    # Secrets for the links: the unsubscribe key never changes (old e-mails keep working); the confirmation
    # nonce changes at every change of status, so a confirmation link works once.
    unsubscribe_key = models.CharField(max_length=32, default=new_key, editable=False)
    confirmation_nonce = models.CharField(max_length=32, default=new_key, editable=False)
    # Bounces and complaints fed back by manage.py process_bounces: why nothing more is sent, and since when.
    suppressed_reason = models.CharField(
        _("no longer sent to because"), max_length=12, choices=SuppressionReason, blank=True
    )
    suppressed_at = models.DateTimeField(_("no longer sent to since"), null=True, blank=True)
    soft_bounce_count = models.PositiveSmallIntegerField(_("temporary failures (soft bounces)"), default=0)
    last_bounce = models.CharField(
        _("last bounce or complaint"),
        max_length=500,
        blank=True,
        help_text=_("What the receiving mail server said (status and diagnostic), or the complaint's type."),
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-subscribed_at"]
        permissions = [("export_subscribers", _("Can export the list of confirmed subscribers"))]
        constraints = [
            # Also checked in clean(): an expression constraint's error would show at the top of the form.
            models.UniqueConstraint(
                Lower("email"),
                name="subscriber_email_unique_ci",
                violation_error_message=_("This address is already in the list."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=SubscriberStatus.values),
                name="subscriber_status_valid",
                violation_error_message=_("Choose a status from the list."),
            ),
            models.CheckConstraint(
                condition=Q(language__in=LANGUAGE_CODES),
                name="subscriber_language_valid",
                violation_error_message=_("Choose one of the site's languages."),
            ),
            models.CheckConstraint(
                condition=Q(form_language__in=LANGUAGE_CODES),
                name="subscriber_form_language_valid",
                violation_error_message=_("Choose one of the site's languages."),
            ),
            models.CheckConstraint(
                condition=Q(confirmed_at__isnull=False) | ~Q(status=SubscriberStatus.CONFIRMED),
                name="subscriber_confirmed_has_date",
                violation_error_message=_("A confirmed subscriber needs the date of the confirmation."),
            ),
            models.CheckConstraint(
                condition=Q(unsubscribed_at__isnull=False) | ~Q(status=SubscriberStatus.UNSUBSCRIBED),
                name="subscriber_unsubscribed_has_date",
                violation_error_message=_("An unsubscribed address needs the date it left."),
            ),
            models.CheckConstraint(
                condition=Q(suppressed_reason="", suppressed_at__isnull=True)
                | Q(suppressed_reason__in=SuppressionReason.values, suppressed_at__isnull=False),
                name="subscriber_suppression_has_reason_and_date",
                violation_error_message=_("An address no longer sent to needs the reason and the date."),
            ),
        ]
        indexes = [
            # Sending: confirmed subscribers of one language, in batches by primary key.
            models.Index(fields=["status", "language", "id"], name="subscriber_sending_idx"),
            # Purge of old unconfirmed requests.
            models.Index(fields=["status", "subscribed_at"], name="subscriber_status_date_idx"),
            # The admin list: latest first, the primary key breaking ties (the changelist's order), so a page
            # of 100,000 subscribers reads the index instead of sorting the table.
            models.Index(fields=["-subscribed_at", "-id"], name="subscriber_recent_idx"),
        ]

    def __str__(self):
        return self.email

    def clean(self):
        super().clean()
        # Not constraints: the address is normalised first, and the duplicate is reported on its field.
        self.email = normalise_email(self.email)
        if self.email and Subscriber.objects.for_email(self.email).exclude(pk=self.pk).exists():
            raise ValidationError({"email": _("This address is already in the list.")})

    @property
    def awaits_new_confirmation(self):
        """Unsubscribed, and asked back since: the withdrawal stands until the owner confirms the new request."""
        return (
            self.status == self.Status.UNSUBSCRIBED
            and self.unsubscribed_at is not None
            and self.subscribed_at > self.unsubscribed_at
        )

    @property
    def can_be_confirmed(self):
        return self.status == self.Status.PENDING or self.awaits_new_confirmation


class DeletionCount(ValidatedModel):
    """What remains of erased or purged subscribers: a number per day and reason, no address."""

    Reason = DeletionReason

    day = models.DateField(_("day"))
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    count = models.PositiveIntegerField(_("addresses deleted"), default=0)

    class Meta:
        verbose_name = _("deletion count")
        verbose_name_plural = _("deletion counts")
        ordering = ["-day", "reason"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "reason"],
                name="deletion_count_unique_day_reason",
                violation_error_message=_("This day already has a count for this reason."),
            ),
            models.CheckConstraint(
                condition=Q(reason__in=DeletionReason.values),
                name="deletion_count_reason_valid",
                violation_error_message=_("Choose a reason from the list."),
            ),
        ]

    def __str__(self):
        return f"{self.day}: {self.get_reason_display()} ({self.count})"


class IssueState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SCHEDULED = "scheduled", _("scheduled")
    SENDING = "sending", _("sending")
    PAUSED = "paused", _("paused")
    SENT = "sent", _("sent")
    CANCELLED = "cancelled", _("cancelled")


class PauseReason(models.TextChoices):
    """Why a send stopped, stored as a code (the worker has no staff language) and said at display time."""

    STAFF = "staff", _("paused by staff")
    SERVER_UNREACHABLE = "unreachable", _("mail server unreachable")
    SERVER_STOPPED = "stopped", _("mail server stopped answering")
    REFUSED_IN_ROW = "refused", _("mail server refused messages in a row")
    NOT_SENDABLE_WHEN_DUE = "not_sendable", _("could not be sent at its scheduled time")


# The sentences staff read; %-parameters come from `pause_details` (the server's answer, in its own words).
PAUSE_SENTENCES = {
    PauseReason.STAFF: _("Paused by staff."),
    PauseReason.SERVER_UNREACHABLE: _("The mail server cannot be reached: %(error)s"),
    PauseReason.SERVER_STOPPED: _("The mail server stopped answering: %(error)s"),
    PauseReason.REFUSED_IN_ROW: _(
        "The mail server refused %(count)d messages in a row, the last with: %(answer)s"
    ),
    PauseReason.NOT_SENDABLE_WHEN_DUE: _("At its scheduled time the issue could not be sent: %(problems)s"),
}


# Once sending has started an issue is public: the e-mails link to its archive page.
ARCHIVED_STATES = [IssueState.SENDING, IssueState.PAUSED, IssueState.SENT]


class NewsletterIssueQuerySet(models.QuerySet):
    def archived(self):
        """The issues of the public archive: those sent (or being sent), latest first."""
        return self.filter(state__in=ARCHIVED_STATES).order_by("-sending_started_at", "-pk")


class NewsletterIssue(models.Model):
    """One issue of the newsletter, written in French and English, and its sending.

    The state is the issue's own publication rule (draft → scheduled → sending ⇄ paused → sent, or
    cancelled); newsletter/sending.py changes it, never a save() in a view. While sending, the worker that
    runs the send renews a lease (`lease_expires_at`): a send whose lease ran out lost its worker, and the
    next worker resumes it (docs/operations.md, "Newsletter sending").
    """

    State = IssueState

    subject = models.CharField(_("subject"), max_length=200)
    preheader = models.CharField(
        _("preheader"),
        max_length=200,
        blank=True,
        help_text=_("One sentence that mail programs show after the subject, before the message is opened."),
    )
    body = MarkdownField(
        _("text"),
        help_text=_("Markdown: a line starting with ## is a section heading, [text](https://…) is a link."),
    )
    partner_cities = models.ManyToManyField(
        "partnerships.PartnerCity", verbose_name=_("partner cities"), related_name="+", blank=True
    )
    programmes = models.ManyToManyField(
        "partnerships.Programme", verbose_name=_("programmes"), related_name="+", blank=True
    )
    networks = models.ManyToManyField(
        "networks.Network", verbose_name=_("networks"), related_name="+", blank=True
    )
    distinctions = models.ManyToManyField(
        "networks.Distinction", verbose_name=_("labels and awards"), related_name="+", blank=True
    )
    news_items = models.ManyToManyField("news.NewsItem", verbose_name=_("news"), related_name="+", blank=True)
    events = models.ManyToManyField("news.Event", verbose_name=_("events"), related_name="+", blank=True)
    state = models.CharField(_("state"), max_length=10, choices=IssueState, default=IssueState.DRAFT)
    scheduled_at = models.DateTimeField(
        _("send at"), null=True, blank=True, help_text=_("For a scheduled issue: when sending starts.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    sending_started_at = models.DateTimeField(_("sending started at"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    pause_code = models.CharField(
        _("reason for the pause"), max_length=12, choices=PauseReason, blank=True, editable=False
    )
    pause_details = models.JSONField(_("details of the pause"), default=dict, blank=True, editable=False)
    # Filled once by the worker: one Delivery per subscriber confirmed when the send started.
    deliveries_prepared = models.BooleanField(default=False, editable=False)
    lease_owner = models.CharField(max_length=64, blank=True, editable=False)
    lease_expires_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = NewsletterIssueQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at", "-pk"]
        permissions = [("send_newsletterissue", _("Can send newsletter issues"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=IssueState.values),
                name="newsletter_issue_state_valid",
                violation_error_message=_("Unknown state of a newsletter issue."),
            ),
            models.CheckConstraint(
                condition=~Q(state=IssueState.SCHEDULED) | Q(scheduled_at__isnull=False),
                name="newsletter_issue_scheduled_has_date",
                violation_error_message=_("A scheduled issue needs the date and time to send it."),
            ),
            models.CheckConstraint(
                condition=~Q(state=IssueState.SENT) | Q(sent_at__isnull=False),
                name="newsletter_issue_sent_has_date",
                violation_error_message=_("A sent issue needs the date it was sent."),
            ),
            models.CheckConstraint(
                condition=~Q(state__in=[IssueState.SENDING, IssueState.PAUSED, IssueState.SENT])
                | Q(sending_started_at__isnull=False),
                name="newsletter_issue_started_has_date",
                violation_error_message=_("An issue being sent needs the date its sending started."),
            ),
            models.CheckConstraint(
                condition=Q(pause_code__in=["", *PauseReason.values]),
                name="newsletter_issue_pause_code_valid",
                violation_error_message=_("Unknown reason for a pause."),
            ),
        ]
        indexes = [models.Index(fields=["state", "-sending_started_at"], name="newsletter_issue_archive_idx")]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("newsletter:issue_detail", kwargs={"pk": self.pk})

    @property
    def pause_reason(self):
        """Why sending stopped, in the active language (empty when it did not)."""
        if not self.pause_code:
            return ""
        details = dict(self.pause_details or {})
        if self.pause_code == PauseReason.NOT_SENDABLE_WHEN_DUE:
            # The checks are run again now: their sentences come in the reader's language and say what is
            # still wrong (staff may have fixed part of it since).
            from .sending import problems_before_sending

            details["problems"] = " ".join(problems_before_sending(self)) or "—"
        try:
            return str(PAUSE_SENTENCES[self.pause_code]) % details
        except (KeyError, TypeError, ValueError):
            return str(PauseReason(self.pause_code).label)

    @property
    def is_editable(self):
        """Only drafts and scheduled issues change; what went out, even in part, stays as it was sent."""
        return self.state in (IssueState.DRAFT, IssueState.SCHEDULED)


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("to send")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class Delivery(models.Model):
    """One issue to one subscriber: the send's progress, row by row (claimed by one worker at a time).

    No address is copied here: erasing a subscriber deletes their rows with them.
    """

    State = DeliveryState

    issue = models.ForeignKey(
        NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("issue")
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("subscriber")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    state = models.CharField(_("state"), max_length=8, choices=DeliveryState, default="pending")
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    smtp_response = models.CharField(_("answer of the mail server"), max_length=500, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"],
                name="delivery_unique_issue_subscriber",
                violation_error_message=_("This subscriber already has this issue."),
            ),
            models.CheckConstraint(
                condition=Q(state__in=DeliveryState.values),
                name="delivery_state_valid",
                violation_error_message=_("Unknown state of a delivery."),
            ),
            models.CheckConstraint(
                condition=Q(language__in=LANGUAGE_CODES),
                name="delivery_language_valid",
                violation_error_message=_("Unknown language."),
            ),
            models.CheckConstraint(
                condition=~Q(state=DeliveryState.SENT) | Q(sent_at__isnull=False),
                name="delivery_sent_has_date",
                violation_error_message=_("A sent message needs the time it was sent."),
            ),
        ]
        indexes = [models.Index(fields=["issue", "state", "id"], name="delivery_progress_idx")]

    def __str__(self):
        return f"{self.issue} → {self.subscriber_id}"

    def get_absolute_url(self):
        return self.issue.get_absolute_url()
