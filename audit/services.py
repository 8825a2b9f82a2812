"""Every audit log entry is written here, and only here; receivers, admin and services call these functions.

Each function is named for what happened. `actor` defaults to the staff member of the request being
answered (audit.middleware), or nobody for a command or the worker.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from .middleware import current_request
from .models import AuditEntry

Action = AuditEntry.Action
# What a subscriber's entries show once the subscriber is erased (as in the admin history).
ERASED_REPR = "[erased subscriber]"
_REPR_LENGTH = AuditEntry._meta.get_field("object_repr").max_length
_DETAIL_LENGTH = AuditEntry._meta.get_field("detail").max_length
_CURRENT = object()


def current_actor():
    """The signed-in user of the request being answered, or None."""
    user = getattr(current_request(), "user", None)
    return user if user is not None and user.is_authenticated else None


def _entry(action, *, actor=_CURRENT, obj=None, model=None, object_id="", object_repr="", detail=""):
    if actor is _CURRENT:
        actor = current_actor()
    if obj is not None:
        model, object_id = type(obj), obj.pk
        object_repr = object_repr or str(obj)
    return AuditEntry(
        action=action,
        actor=actor,
        actor_name=actor.get_username() if actor is not None else "",
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False) if model else None,
        object_id=str(object_id) if object_id not in (None, "") else "",
        object_repr=str(object_repr)[:_REPR_LENGTH],
        detail=str(detail)[:_DETAIL_LENGTH],
    )


def _record(action, **kwargs):
    entry = _entry(action, **kwargs)
    entry.save()
    return entry


# -- Sign-in ---------------------------------------------------------------------------------------------


def record_sign_in(user):
    return _record(Action.SIGN_IN, actor=user)


def record_failed_sign_in(username):
    """A refused password. The account is named only if it exists: what was typed may be anything (a
    password typed in the wrong field), so it is not kept."""
    return _record(Action.SIGN_IN_FAILED, actor=_existing_user(username))


def record_lockout(username):
    return _record(Action.LOCKED_OUT, actor=_existing_user(username))


def record_two_factor_sign_in(user):
    return _record(Action.TWO_FACTOR_SIGN_IN, actor=user)


def record_two_factor_failure(user):
    return _record(Action.TWO_FACTOR_FAILED, actor=user)


def record_two_factor_enabled(user):
    return _record(Action.TWO_FACTOR_ENABLED, actor=user)


def _existing_user(username):
    if not username:
        return None
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


# -- Content ---------------------------------------------------------------------------------------------


def record_publication_change(obj, *, actor=_CURRENT):
    """`obj` was just published or unpublished (its `published` flag says which)."""
    action = Action.PUBLICATION if obj.published else Action.UNPUBLICATION
    return _record(action, actor=actor, obj=obj)


def record_publication_changes(objects, *, published, actor=_CURRENT):
    """Several records published (or unpublished) at once, by a bulk action."""
    action = Action.PUBLICATION if published else Action.UNPUBLICATION
    if actor is _CURRENT:
        actor = current_actor()
    return AuditEntry.objects.bulk_create(_entry(action, actor=actor, obj=obj) for obj in objects)


def record_deletion(obj, *, actor=_CURRENT):
    return _record(Action.DELETION, actor=actor, obj=obj)


def record_import(model, *, created, updated, skipped, file_name="", actor=_CURRENT):
    """A spreadsheet import confirmed by staff: what kind of record, how many rows created (as drafts),
    updated and skipped, from which file. Each record's change is in its history too."""
    detail = f"created={created} updated={updated} skipped={skipped}"
    return _record(
        Action.IMPORT,
        actor=actor,
        model=model,
        object_repr=file_name or model._meta.verbose_name_plural,
        detail=detail,
    )


# -- Subscribers: named by their id, never by their address ---------------------------------------------


def record_subscriber_deletions(subscriber_ids, *, reason, actor=_CURRENT):
    from newsletter.models import Subscriber

    if actor is _CURRENT:
        actor = current_actor()
    entries = (
        _entry(Action.DELETION, actor=actor, model=Subscriber, object_id=pk, detail=reason)
        for pk in subscriber_ids
    )
    return AuditEntry.objects.bulk_create(entries, batch_size=500)


def record_subscriber_export(*, file_format, filters="", actor=_CURRENT):
    """The list of subscribers downloaded, in `file_format`, with the list's `filters` (never a search
    term, which may be an address)."""
    from newsletter.models import Subscriber

    detail = f"{file_format} {filters}".strip()
    return _record(Action.SUBSCRIBER_EXPORT, actor=actor, model=Subscriber, detail=detail)


def record_personal_data_export(subscriber_ids, *, actor=_CURRENT):
    from newsletter.models import Subscriber

    if actor is _CURRENT:
        actor = current_actor()
    return AuditEntry.objects.bulk_create(
        _entry(Action.PERSONAL_DATA_EXPORT, actor=actor, model=Subscriber, object_id=pk)
        for pk in subscriber_ids
    )


def forget_subscribers(subscriber_ids, batch_size=500):
    """Erased subscribers: their entries keep the id only, whatever an older version may have written."""
    from newsletter.models import Subscriber

    content_type = ContentType.objects.get_for_model(Subscriber)
    ids = [str(pk) for pk in subscriber_ids]
    for start in range(0, len(ids), batch_size):
        AuditEntry.objects.filter(
            content_type=content_type, object_id__in=ids[start : start + batch_size]
        ).update(object_repr=ERASED_REPR, detail="")


# -- Retention -------------------------------------------------------------------------------------------


def purge_expired_entries(*, retention_days):
    """Delete the entries older than `retention_days` days; returns how many."""
    cutoff = timezone.now() - timedelta(days=retention_days)
    deleted, _per_model = AuditEntry.objects.filter(moment__lt=cutoff).delete()
    return deleted
