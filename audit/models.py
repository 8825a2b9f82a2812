"""The audit log: who signed in (or failed to), published, unpublished, deleted or exported subscriber data.

Kept minimal (GDPR): no IP address, no subscriber address (a subscriber is named by its id only), no
username typed at a failed sign-in unless it is an existing account's. Entries are written only through
`audit.services` and deleted after `AUDIT_LOG_RETENTION_DAYS` by `manage.py purge_audit_log`.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from angers_intl.constraints import ValidatedModel


class AuditAction(models.TextChoices):
    SIGN_IN = "sign_in", _("Sign-in")
    TWO_FACTOR_SIGN_IN = "two_factor_sign_in", _("Two-factor code accepted")
    SIGN_IN_FAILED = "sign_in_failed", _("Failed sign-in")
    TWO_FACTOR_FAILED = "two_factor_failed", _("Wrong two-factor code")
    LOCKED_OUT = "locked_out", _("Sign-in locked after repeated failures")
    TWO_FACTOR_ENABLED = "two_factor_enabled", _("Two-factor sign-in enabled")
    PUBLICATION = "publication", _("Publication")
    UNPUBLICATION = "unpublication", _("Unpublication")
    DELETION = "deletion", _("Deletion")
    IMPORT = "import", _("Import from a spreadsheet")
    SUBSCRIBER_EXPORT = "subscriber_export", _("Export of the subscriber list")
    PERSONAL_DATA_EXPORT = "personal_data_export", _("Export of a subscriber's personal data")


class AuditEntry(ValidatedModel):
    Action = AuditAction

    moment = models.DateTimeField(_("moment"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=32, choices=AuditAction)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The account's username when the entry was written: still readable once the account is deleted.
    actor_name = models.CharField(_("username"), max_length=150, blank=True)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("type of record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_id = models.CharField(_("record id"), max_length=64, blank=True)
    object_repr = models.CharField(_("record"), max_length=200, blank=True)
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-moment", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="audit_entry_object")]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=AuditAction.values),
                name="audit_entry_action_valid",
                violation_error_message=_("Choose one of the actions of the list."),
            ),
            models.CheckConstraint(
                condition=Q(object_id="") | Q(content_type__isnull=False),
                name="audit_entry_object_has_type",
                violation_error_message=_("A record id needs the type of the record."),
            ),
        ]

    def __str__(self):
        who = self.actor_name or "—"
        return f"{self.moment:%Y-%m-%d %H:%M} · {self.get_action_display()} · {who}"
