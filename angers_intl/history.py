"""The history of content records: every save kept as a version (who, when, every field in both languages),
two versions compared field by field, an earlier version restored. django-simple-history stores the
versions (a `Historical<Model>` table per model, `<model>.history`); this module says which models are
tracked and holds the rules of comparing and restoring, which the admin (`angers_intl/admin_history.py`)
only shows.

- Registration: `track(Model, …)` at the end of each app's `translation.py`, because modeltranslation adds
  the `<field>_fr`/`<field>_en` columns when it registers the model (at app-ready time, after the model class
  is prepared), and a version must hold both languages. Never a subscriber nor anything holding a
  subscriber's address: the erasure of a subscriber must leave no copy of the address.
- One version per save: a form saves the record, then its many-to-many fields (themes, partner cities),
  which simple-history would record as two or three versions; the admin and the imports save the record
  without a version and then record one (`record_version`), with the final relations. Bulk publishing
  (`angers_intl.publishing.set_published`, an UPDATE) records a version of each record it changed.
- Restoring puts a version's values back (both languages, relations included) but never its publication
  state (`published`, `publish_at`, `unpublish_at`): a restore is an edit, staff publish separately. If a
  related record the version names was deleted (a key date's city, a distinction's level, a theme) or its
  image file is gone, nothing is restored and the refusal says what is missing: a partial restore would
  leave a record that matches no version, which is harder to understand than a clear refusal.
"""

import datetime
import difflib
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext, gettext_lazy
from modeltranslation.translator import NotRegistered, translator
from simple_history.models import HistoricalRecords

# A restore never changes these: publishing is a step of its own.
PUBLICATION_FIELDS = ("published", "publish_at", "unpublish_at")
RESTORE_REASON = "restored:"

_records = {}


class SiteHistoricalRecords(HistoricalRecords):
    """simple-history's records, whose many-to-many version tables have translated names too."""

    def get_meta_options_m2m(self, through_model):
        options = super().get_meta_options_m2m(through_model)
        field = next(f for f in self.cls._meta.many_to_many if f.remote_field.through is through_model)
        names = {"field": field.verbose_name, "model": self.cls._meta.verbose_name}
        options["verbose_name"] = format_lazy(gettext_lazy("version: {field} ({model})"), **names)
        options["verbose_name_plural"] = format_lazy(gettext_lazy("versions: {field} ({model})"), **names)
        return options


def track(model, *, m2m_fields=(), excluded_fields=()):
    """Keep a version of `model` at every save (simple_history.register, with the options the site uses).
    Call it after modeltranslation registered the model, so that the versions have its language columns."""
    records = SiteHistoricalRecords(
        m2m_fields=list(m2m_fields),
        excluded_fields=list(excluded_fields),
        verbose_name=format_lazy(gettext_lazy("version: {}"), model._meta.verbose_name),
        verbose_name_plural=format_lazy(gettext_lazy("versions: {}"), model._meta.verbose_name_plural),
    )
    # What simple_history.register() does, keeping the HistoricalRecords to record versions explicitly.
    records.manager_name = "history"
    records.table_name = None
    records.module = model.__module__
    records.cls = model
    records.add_extra_methods(model)
    records.finalize(model)
    _records[model] = records


def is_tracked(model):
    return model in _records


def tracked_models():
    return list(_records)


def record_version(obj, *, created=False, user=None, reason=None):
    """Record the current state of `obj` (its fields and many-to-many relations) as a version, by `user`
    (default: the user of the request being answered)."""
    if user is not None:
        obj._history_user = user
    if reason:
        obj._change_reason = reason
    try:
        _records[type(obj)].create_historical_record(obj, "+" if created else "~")
    finally:
        for attribute in ("_history_user", "_change_reason"):
            obj.__dict__.pop(attribute, None)


class saving_without_version:
    """`with saving_without_version(obj): obj.save(); form.save_m2m()` then `record_version(obj)`: one
    version for a save and its relations."""

    def __init__(self, obj):
        self.obj = obj

    def __enter__(self):
        self.obj.skip_history_when_saving = True
        return self.obj

    def __exit__(self, *exc):
        self.obj.__dict__.pop("skip_history_when_saving", None)


# What a version shows --------------------------------------------------------------------------------------


def translated_field_names(model):
    """The original names of `model`'s translated fields ("name"), whose per-language columns
    ("name_fr", "name_en") are what a version compares and restores."""
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def version_fields(model):
    """The fields a version shows, in the form's order: the editable ones, each language apart."""
    history_model = model.history.model
    tracked = {f.name for f in history_model.tracked_fields}
    translated = translated_field_names(model)
    fields = [
        f
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and f.name in tracked and f.name not in translated
    ]
    return fields + list(history_model._history_m2m_fields)


def field_label(model_field):
    """The field's label in the active language; « Résumé [fr] » for one language of a translated field."""
    return capfirst(str(model_field.verbose_name))


def restored_fields(model, keep=()):
    """The fields a restore writes: a version's editable fields, less the publication state and `keep`."""
    kept = set(PUBLICATION_FIELDS) | set(keep)
    return [f for f in version_fields(model) if f.name not in kept]


@dataclass
class Segment:
    text: str
    changed: bool


@dataclass
class Change:
    """One field changed between two versions, each value as staff read it."""

    name: str
    label: str
    old: str
    new: str
    old_segments: list = field(default_factory=list)
    new_segments: list = field(default_factory=list)


def _values(record, model_field):
    if model_field.many_to_many:
        return record.m2m_values.get(model_field.name, frozenset())
    value = getattr(record, model_field.attname)
    # A language column left NULL by code and "" saved by a form are the same empty text.
    return "" if value is None and isinstance(model_field, models.CharField | models.TextField) else value


def load_relations(records, model):
    """Give each version (historical record) that has none `m2m_values` {field name: frozenset of ids},
    and return {model field: {id: label}} for the related records still present: a fixed number of
    queries whatever the number of versions."""
    fields = version_fields(model)
    saved = [record for record in records if not hasattr(record, "m2m_values")]
    for record in saved:
        record.m2m_values = {}
    for f in fields:
        if f.many_to_many and saved:
            through = getattr(model.history.model, f.name).model
            target = f.m2m_reverse_field_name()
            values = {}
            rows = through.objects.filter(history__in=saved).values_list("history_id", f"{target}_id")
            for history_id, target_id in rows:
                values.setdefault(history_id, set()).add(target_id)
            for record in saved:
                record.m2m_values[f.name] = frozenset(values.get(record.pk, ()))
    ids = {f: set() for f in fields if f.is_relation}
    for f in ids:
        for record in records:
            if f.many_to_many:
                ids[f] |= record.m2m_values.get(f.name, frozenset())
            elif getattr(record, f.attname) is not None:
                ids[f].add(getattr(record, f.attname))
    return {
        f: {obj.pk: str(obj) for obj in f.related_model._base_manager.filter(pk__in=wanted)}
        for f, wanted in ids.items()
        if wanted
    }


def shown_value(model_field, value, related_labels):
    """A stored value as text for staff, in the active language."""
    if model_field.many_to_many:
        labels = related_labels.get(model_field, {})
        names = sorted(labels.get(pk, deleted_label(pk)) for pk in value)
        return ", ".join(names) if names else "—"
    if value is None or value == "":
        return "—"
    if model_field.is_relation:
        return related_labels.get(model_field, {}).get(value, deleted_label(value))
    if isinstance(model_field, models.BooleanField):
        return gettext("Yes") if value else gettext("No")
    if model_field.flatchoices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(model_field, models.FileField):
        return str(value).rsplit("/", 1)[-1]
    return str(value)


def deleted_label(pk):
    return gettext("deleted record (no. %(id)s)") % {"id": pk}


WORDS = re.compile(r"(\s+)")


def _segments(old, new):
    """The two texts cut into runs of words, those that differ marked (`<del>` / `<ins>` on the page)."""
    old_words, new_words = WORDS.split(old), WORDS.split(new)
    old_segments, new_segments = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i2 > i1:
            old_segments.append(Segment("".join(old_words[i1:i2]), tag != "equal"))
        if j2 > j1:
            new_segments.append(Segment("".join(new_words[j1:j2]), tag != "equal"))
    return old_segments, new_segments


def changed_field_names(old_record, new_record):
    """The names of the fields that differ between two saved versions."""
    model = new_record.instance_type
    labels = load_relations([old_record, new_record], model)
    return [change.name for change in changes_between(old_record, new_record, labels)]


def changes_between(old_record, new_record, related_labels, fields=None):
    """The fields that differ between two versions (`old_record` may be None: a created record)."""
    changes = []
    for model_field in fields or version_fields(new_record.instance_type):
        new_value = _values(new_record, model_field)
        old_value = _values(old_record, model_field) if old_record is not None else None
        if old_record is not None and old_value == new_value:
            continue
        if old_record is None and new_value in (None, "", frozenset()):
            continue
        old_text = shown_value(model_field, old_value, related_labels) if old_record is not None else "—"
        new_text = shown_value(model_field, new_value, related_labels)
        change = Change(model_field.name, field_label(model_field), old_text, new_text)
        if isinstance(model_field, models.TextField | models.CharField) and not model_field.choices:
            change.old_segments, change.new_segments = _segments(old_text, new_text)
        else:
            change.old_segments = [Segment(old_text, True)]
            change.new_segments = [Segment(new_text, True)]
        changes.append(change)
    return changes


def restore_date(record):
    """The date of the version a version restored, or None when it is not a restore."""
    reason = record.history_change_reason or ""
    if not reason.startswith(RESTORE_REASON):
        return None
    try:
        return datetime.datetime.fromisoformat(reason.removeprefix(RESTORE_REASON))
    except ValueError:
        return None


# Restoring -------------------------------------------------------------------------------------------------


class RestoreRefused(Exception):
    """Nothing was restored; `problems` says why, in the active language."""

    def __init__(self, problems):
        super().__init__(problems)
        self.problems = problems


def restore_problems(obj, record, keep=()):
    """What stops `record` from being restored onto `obj`: the related records or files it names that no
    longer exist (messages in the active language). Empty: it can be restored."""
    model = type(obj)
    load_relations([record], model)
    problems = []
    for model_field in restored_fields(model, keep):
        label = field_label(model_field)
        if model_field.many_to_many:
            wanted = record.m2m_values[model_field.name]
            present = set(
                model_field.related_model._base_manager.filter(pk__in=wanted).values_list("pk", flat=True)
            )
            missing = len(wanted - present)
            if missing:
                problems.append(
                    gettext("%(field)s: %(count)d of the items this version names no longer exist.")
                    % {"field": label, "count": missing}
                )
        elif model_field.is_relation:
            pk = getattr(record, model_field.attname)
            if pk is not None and not model_field.related_model._base_manager.filter(pk=pk).exists():
                problems.append(
                    gettext("%(field)s: the record this version names (%(name)s) no longer exists.")
                    % {"field": label, "name": model_field.related_model._meta.verbose_name}
                )
        elif isinstance(model_field, models.FileField):
            name = getattr(record, model_field.attname)
            if name and not model_field.storage.exists(name):
                problems.append(
                    gettext("%(field)s: the file of this version is no longer stored.") % {"field": label}
                )
    return problems


def restore_version(obj, record, *, user, keep=()):
    """Give `obj` the field values of `record` (an earlier version of it), both languages and relations,
    keeping its publication state and the `keep` fields. Recorded as a version of its own, by `user`.
    Raises RestoreRefused (nothing changed) when related records are missing or the values are no longer
    valid (a slug taken since by another record…)."""
    model = type(obj)
    if record.instance_type is not model or getattr(record, model._meta.pk.attname) != obj.pk:
        raise RestoreRefused([gettext("This version belongs to another record.")])
    problems = restore_problems(obj, record, keep)
    if problems:
        raise RestoreRefused(problems)
    fields = restored_fields(model, keep)
    with transaction.atomic():
        for model_field in fields:
            if not model_field.many_to_many:
                setattr(obj, model_field.attname, getattr(record, model_field.attname))
                if isinstance(model_field, models.ImageField):
                    for dimension in (model_field.width_field, model_field.height_field):
                        if dimension:
                            setattr(obj, dimension, getattr(record, dimension, None))
        try:
            obj.full_clean()
        except ValidationError as error:
            raise RestoreRefused(
                [
                    gettext("%(field)s: %(message)s")
                    % {"field": field_label(model._meta.get_field(name)), "message": message}
                    if name in {f.name for f in model._meta.fields}
                    else message
                    for name, messages in error.message_dict.items()
                    for message in messages
                ]
            ) from None
        with saving_without_version(obj):
            obj.save()
            for model_field in fields:
                if model_field.many_to_many:
                    getattr(obj, model_field.name).set(record.m2m_values[model_field.name])
        record_version(obj, user=user, reason=f"{RESTORE_REASON}{record.history_date.isoformat()}")
    return obj


def current_state(obj):
    """The record as it stands, shaped like a version (unsaved), to compare a version with."""
    model = type(obj)
    history_model = model.history.model
    state = history_model(**{f.attname: getattr(obj, f.attname) for f in history_model.tracked_fields})
    state.m2m_values = {
        f.name: frozenset(getattr(obj, f.name).values_list("pk", flat=True))
        for f in version_fields(model)
        if f.many_to_many
    }
    return state


def versions_of(obj):
    """The versions of `obj`, newest first."""
    return (
        type(obj)
        .history.filter(**{type(obj)._meta.pk.attname: obj.pk})
        .order_by("-history_date", "-history_id")
    )
