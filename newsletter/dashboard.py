"""What the newsletter tells the staff dashboard (angers_intl/dashboard.py): the sends in progress."""

from dataclasses import dataclass

from django.db.models import Count, F

from .models import Delivery, IssueState, NewsletterIssue

IN_PROGRESS = [IssueState.SCHEDULED, IssueState.SENDING, IssueState.PAUSED]


@dataclass(frozen=True)
class SendInProgress:
    issue: NewsletterIssue
    total: int  # messages prepared (none until the worker starts the send)
    sent: int
    failed: int

    @property
    def done(self):
        return self.sent + self.failed

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0


def sends_in_progress():
    """[SendInProgress] of the issues sending or paused (the earliest started first), then scheduled (the
    next to go first), with their
    messages sent and failed: two queries, whatever the number of issues and messages."""
    issues = list(
        NewsletterIssue.objects.filter(state__in=IN_PROGRESS).order_by(
            F("sending_started_at").asc(nulls_last=True), F("scheduled_at").asc(nulls_last=True), "pk"
        )
    )
    counts = {}
    rows = (
        Delivery.objects.filter(issue__state__in=IN_PROGRESS)
        .order_by()
        .values_list("issue", "state")
        .annotate(n=Count("pk"))
    )
    for issue_id, state, number in rows:
        counts[issue_id, state] = number
    found = []
    for issue in issues:
        sent = counts.get((issue.pk, Delivery.State.SENT), 0)
        failed = counts.get((issue.pk, Delivery.State.FAILED), 0)
        pending = counts.get((issue.pk, Delivery.State.PENDING), 0)
        found.append(SendInProgress(issue, total=sent + failed + pending, sent=sent, failed=failed))
    return found
