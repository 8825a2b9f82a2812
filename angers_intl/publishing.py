"""Publishing and unpublishing content, the same way for every kind that has a `published` flag (a model
whose manager is a `PublishableQuerySet`): partner cities, programmes, networks, recognitions.

A single record changes through its form, a list's editable column or an import: `save()` runs and the
audit log records the change (audit/receivers.py). Many records change at once through `set_published`,
the service behind the lists' "Publish"/"Unpublish" actions: one UPDATE, which sends no signal, so it
writes the audit entries, records a version of each record in the history (angers_intl/history.py, by
the staff member who acted) and marks the public pages' fragments out of date itself.

One rule refuses a publication: a required French field (a translated field the model requires, French
being the reference language) is empty, as when an import filled only the English columns.
`missing_for_publication` finds them; the model's `full_clean()` (`angers_intl.publication.Publishable`: forms,
the loader) and `set_published` (the bulk action) both apply it.
"""

import dataclasses

from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from . import history
from .fragments import bump_content_version
from .querysets import PublishableQuerySet


def is_publishable(model):
    return isinstance(model._default_manager.all(), PublishableQuerySet)


def required_translated_fields(model):
    """The translated fields `model` requires (blank=False), in model order."""
    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return []
    return [
        field.name for field in model._meta.concrete_fields if field.name in translated and not field.blank
    ]


def missing_for_publication(obj):
    """The names (verbose, in the active language) of the required fields of `obj` empty in French."""
    return [
        str(obj._meta.get_field(name).verbose_name)
        for name in required_translated_fields(type(obj))
        if not (getattr(obj, build_localized_fieldname(name, DEFAULT_LANGUAGE)) or "").strip()
    ]


def item_label(obj):
    """What to call `obj` in a message: its name in the active language, else in another, else its slug."""
    for name in [str(obj), *(getattr(obj, f"name_{code}", "") for code in AVAILABLE_LANGUAGES)]:
        if name and name.strip():
            return name
    return getattr(obj, "slug", "") or f"#{obj.pk}"


def publication_refused_message(obj):
    """Why `obj` cannot be published, in the active language, or "" when it can."""
    missing = missing_for_publication(obj)
    if not missing:
        return ""
    return ngettext(
        "“%(item)s” cannot be published: this field is empty in French: %(fields)s. Fill it in first.",
        "“%(item)s” cannot be published: these fields are empty in French: %(fields)s. Fill them in first.",
        len(missing),
    ) % {"item": item_label(obj), "fields": ", ".join(missing)}


@dataclasses.dataclass
class PublicationChanges:
    changed: int = 0
    refused: list = dataclasses.field(default_factory=list)  # (record, message) pairs left as they were


def set_published(queryset, *, published, actor):
    """Publish (`published=True`) or unpublish the records of `queryset` that are not so already; one audit
    entry per record changed, naming `actor`. A record that `missing_for_publication` refuses is left as it
    was and reported. Returns `PublicationChanges`."""
    from audit import services as audit

    model = queryset.model
    result = PublicationChanges()
    with transaction.atomic():
        candidates = list(queryset.exclude(published=published).order_by("pk"))
        ids = []
        for obj in candidates:
            message = publication_refused_message(obj) if published else ""
            if message:
                result.refused.append((obj, message))
            else:
                ids.append(obj.pk)
        if not ids:
            return result
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
    result.changed = len(changed)
    return result
