"""Publishing and unpublishing content, the same way for every kind that has a `published` flag (a model
whose manager is a `PublishableQuerySet`): partner cities, programmes, networks, recognitions.

A single record changes through its form, a list's editable column or an import: `save()` runs and the
audit log records the change (audit/receivers.py). Many records change at once through `set_published`,
the service behind the lists' "Publish"/"Unpublish" actions: one UPDATE, which sends no signal, so it
writes the audit entries, records a version of each record in the history (angers_intl/history.py, by
the staff member who acted) and marks the public pages' fragments out of date itself.
"""

from django.db import transaction
from django.utils import timezone

from . import history
from .fragments import bump_content_version
from .querysets import PublishableQuerySet


def is_publishable(model):
    return isinstance(model._default_manager.all(), PublishableQuerySet)


def set_published(queryset, *, published, actor):
    """Publish (`published=True`) or unpublish the records of `queryset` that are not so already; one audit
    entry per record changed, naming `actor`. Returns how many changed."""
    from audit import services as audit

    model = queryset.model
    with transaction.atomic():
        ids = list(queryset.exclude(published=published).order_by().values_list("pk", flat=True))
        if not ids:
            return 0
        changes = {"published": published}
        if any(field.name == "updated_at" for field in model._meta.concrete_fields):
            changes["updated_at"] = timezone.now()  # `auto_now` is not applied by update()
        model._base_manager.filter(pk__in=ids).update(**changes)
        changed = list(model._base_manager.filter(pk__in=ids).order_by("pk"))
        audit.record_publication_changes(changed, published=published, actor=actor)
        if history.is_tracked(model):
            for record in changed:
                history.record_version(record, user=actor)
    bump_content_version(model)
    return len(changed)
