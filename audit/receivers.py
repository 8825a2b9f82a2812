"""What is recorded whoever does it: sign-ins (Django's and django-axes' signals), a change of a record's
`published` flag (an admin form, a list's editable column, an import, code), and the deletion of a record
staff manage in the admin. Bulk actions that use `update()` write their entries themselves
(angers_intl.publishing.set_published). Each receiver only calls audit.services.
"""

from axes.signals import user_locked_out
from django.contrib import admin
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_save

from angers_intl.publishing import is_publishable

from . import services

# Apps whose deletions are recorded (subscribers are recorded by the erasure itself, with their id only).
AUDITED_APPS = {"angers_intl", "partnerships", "networks", "newsletter"}
NOT_AUDITED = {"newsletter.Subscriber", "audit.AuditEntry"}
_WAS_PUBLISHED = "_audit_was_published"


def signed_in(sender, request, user, **kwargs):
    services.record_sign_in(user)


def sign_in_failed(sender, credentials, request=None, **kwargs):
    services.record_failed_sign_in(credentials.get("username"))


def locked_out(sender, request=None, username=None, **kwargs):
    services.record_lockout(username)


def remember_publication_state(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not is_publishable(sender):
        return
    if update_fields is not None and "published" not in update_fields:
        return
    if instance._state.adding:
        was = False
    else:
        was = sender._base_manager.filter(pk=instance.pk).values_list("published", flat=True).first()
    setattr(instance, _WAS_PUBLISHED, bool(was))


def record_publication_change(sender, instance, raw=False, **kwargs):
    was = instance.__dict__.pop(_WAS_PUBLISHED, None)
    if raw or was is None or was == bool(instance.published):
        return
    services.record_publication_change(instance)


def record_deletion(sender, instance, **kwargs):
    if (
        sender._meta.app_label in AUDITED_APPS
        and sender._meta.label not in NOT_AUDITED
        and admin.site.is_registered(sender)
    ):
        services.record_deletion(instance)


def connect():
    user_logged_in.connect(signed_in, dispatch_uid="audit-sign-in")
    user_login_failed.connect(sign_in_failed, dispatch_uid="audit-sign-in-failed")
    user_locked_out.connect(locked_out, dispatch_uid="audit-locked-out")
    pre_save.connect(remember_publication_state, dispatch_uid="audit-publication-before")
    post_save.connect(record_publication_change, dispatch_uid="audit-publication-after")
    post_delete.connect(record_deletion, dispatch_uid="audit-deletion")
