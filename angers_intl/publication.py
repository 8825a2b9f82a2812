"""The publication fields and rules, in one place for every kind staff publish (partner cities, programmes,
networks, labels and awards).

    class PartnerCity(Publishable, …):
        published = PublicationFields()

adds, where the line stands in the model (so forms and the content format keep their order):

- `published`: staff tick it to publish; nothing is public before;
- `publish_at`, `unpublish_at`: optional moments; a published record is public from the first (if any)
  until the second (if any), applied at request time by `PublishableQuerySet.published()` (no cron job);
- the database check `publish_at < unpublish_at` when both are set, with its message beside `unpublish_at`.

`Publishable` (an abstract model with no field) gives a loaded record the same rule
(`is_public()`, `publication_state()`: the admin list's column) and refuses a published record
whose required French fields are empty (`angers_intl.publishing.missing_for_publication`), in
`full_clean()`: the change form, a list's editable column and the content loader all run it.
"""

import dataclasses
import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import formats, timezone
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from .querysets import PublicationState


class PublicationFields:
    """Contributes `published`, `publish_at` and `unpublish_at`, and their check constraint."""

    def __init__(self):
        # Made here, while the class body runs, so the fields keep this place in the model's field order.
        self.published = models.BooleanField(
            _("published"),
            default=False,
            help_text=_(
                "Tick to show it to visitors, from the start of publication (at once if empty) until its end "
                "(for good if empty). Unticked, it is a draft that only staff see."
            ),
        )
        self.publish_at = models.DateTimeField(
            _("start of publication"),
            null=True,
            blank=True,
            help_text=_(
                "Optional: the moment it goes public, if “published” is ticked. Leave empty to publish "
                "as soon as it is saved."
            ),
        )
        self.unpublish_at = models.DateTimeField(
            _("end of publication"),
            null=True,
            blank=True,
            help_text=_("Optional: the moment visitors stop seeing it. Leave empty to keep it public."),
        )

    def contribute_to_class(self, cls, name):
        cls.add_to_class("published", self.published)
        cls.add_to_class("publish_at", self.publish_at)
        cls.add_to_class("unpublish_at", self.unpublish_at)
        cls._meta.constraints = [
            *cls._meta.constraints,
            models.CheckConstraint(
                # `unpublish_at` first: the message is shown beside it (ValidatedModel).
                condition=Q(unpublish_at__isnull=True)
                | Q(publish_at__isnull=True)
                | Q(unpublish_at__gt=F("publish_at")),
                name=f"{cls._meta.app_label}_{cls._meta.model_name}_publish_before_unpublish",
                violation_error_message=_(
                    "The end of publication must come after its start: choose a later moment, or leave it empty."
                ),
            ),
        ]


def _moment(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


@dataclasses.dataclass(frozen=True)
class StateOfPublication:
    state: PublicationState
    moment: datetime.datetime | None = None  # when it goes live, stops being live, or stopped

    @property
    def label(self):
        """In the active language: Draft · Scheduled (goes live on …) · Live · Live until … · Ended (…)."""
        if self.state == PublicationState.DRAFT:
            return pgettext("publication state", "Draft")
        if self.state == PublicationState.SCHEDULED:
            return gettext("Scheduled (goes live on %(moment)s)") % {"moment": _moment(self.moment)}
        if self.state == PublicationState.ENDED:
            return gettext("Ended (unpublished on %(moment)s)") % {"moment": _moment(self.moment)}
        if self.moment:
            return gettext("Live until %(moment)s") % {"moment": _moment(self.moment)}
        return pgettext("publication state", "Live")

    def __str__(self):
        return self.label


class Publishable(models.Model):
    """Abstract base of the models with `PublicationFields` (see the module)."""

    class Meta:
        abstract = True

    def full_clean(self, exclude=None, validate_unique=True, validate_constraints=True):
        """Also refuses a published record whose required French fields are empty, beside `published` (or
        for the whole record where `published` is not being edited), with every other message. Not a
        constraint: the fields to check are the translated ones (modeltranslation's registry)."""
        from .publishing import publication_refused_message

        errors = {}
        try:
            super().full_clean(exclude, validate_unique, validate_constraints)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.published and (message := publication_refused_message(self)):
            key = NON_FIELD_ERRORS if exclude and "published" in exclude else "published"
            errors.setdefault(key, []).append(ValidationError(message, code="french_field_empty"))
        if errors:
            raise ValidationError(errors)

    def publication_state(self, at=None):
        """The `StateOfPublication` at `at` (now by default): the same rule as
        `PublishableQuerySet.published()`, on the loaded record."""
        at = at or timezone.now()
        if not self.published:
            return StateOfPublication(PublicationState.DRAFT)
        if self.publish_at is not None and self.publish_at > at:
            return StateOfPublication(PublicationState.SCHEDULED, self.publish_at)
        if self.unpublish_at is not None and self.unpublish_at <= at:
            return StateOfPublication(PublicationState.ENDED, self.unpublish_at)
        return StateOfPublication(PublicationState.LIVE, self.unpublish_at)

    def is_public(self, at=None):
        return self.publication_state(at).state == PublicationState.LIVE
