"""Query methods shared by every kind of content staff publish.

The one rule of what visitors see (docs/architecture.md, "Drafts and publication"): a record is public when
its `published` box is ticked and, at this moment, its `publish_at` (if any) has come and its `unpublish_at`
(if any) has not. It is applied at request time, so no scheduled job is needed. `visible_q()` writes it for a
query, through a relation too (`visible_q("partner_city__")`); `angers_intl.publication.Publishable`
applies the same rule to a loaded record, and a test checks that the two agree.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class PublicationState(models.TextChoices):
    """Where a record stands, for staff (the admin list's column and filter)."""

    DRAFT = "draft", "draft"
    SCHEDULED = "scheduled", "scheduled"
    LIVE = "live", "live"
    ENDED = "ended", "ended"


def visible_q(prefix="", *, at=None):
    """The condition "public at `at` (now by default)" on the records reached through `prefix` (a lookup
    path ending with `__`, or "" for the queryset's own records)."""
    at = at or timezone.now()
    return (
        Q(**{f"{prefix}published": True})
        & (Q(**{f"{prefix}publish_at__isnull": True}) | Q(**{f"{prefix}publish_at__lte": at}))
        & (Q(**{f"{prefix}unpublish_at__isnull": True}) | Q(**{f"{prefix}unpublish_at__gt": at}))
    )


def state_q(state, *, at=None):
    """The records in `state` (a `PublicationState`) at `at`: the admin's filter."""
    at = at or timezone.now()
    if state == PublicationState.DRAFT:
        return Q(published=False)
    if state == PublicationState.SCHEDULED:
        return Q(published=True, publish_at__gt=at)
    if state == PublicationState.ENDED:
        # publish_at < unpublish_at (a constraint): an ended record's start has passed too.
        return Q(published=True, unpublish_at__lte=at)
    return visible_q(at=at)


class PublishableQuerySet(models.QuerySet):
    """Content with a publication state: visitors only ever see what `published()` returns."""

    def published(self, *, at=None):
        """The records public now (or at `at`): see the module's rule."""
        return self.filter(visible_q(at=at))

    def not_published(self, *, at=None):
        """The records visitors cannot see now (or at `at`): drafts, scheduled and ended ones."""
        return self.exclude(visible_q(at=at))

    def in_state(self, state, *, at=None):
        return self.filter(state_q(state, at=at))
