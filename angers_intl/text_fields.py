"""Multi-line text holds one kind of line ending: `\\n`.

Browsers send a textarea's lines separated by `\\r\\n` (the HTML standard says so), while the content loader,
the imports and code write `\\n`. Stored as received, the same text would exist in two spellings: the admin
would then log a change for every text field that holds a line break although staff changed nothing, and
exports would differ from what was loaded. So every multi-line text field of the site is `TextField` below
(a test checks that no model uses Django's own): it normalises `\\r\\n` and `\\r` to `\\n`

- in its form field, before the form compares what was sent with what is stored (no false change);
- when the model is saved, updated through a queryset or validated (`to_python`, `get_prep_value`,
  `pre_save`), whoever writes: the admin, an import, the content loader, code.

Migrations name Django's `TextField` (nothing changes in the database); the data migrations named
`normalise_line_endings` rewrote what was stored before (`normalise_stored_line_endings`).
"""

from django import forms
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Replace


def normalise_line_endings(value):
    """`\\r\\n` and lone `\\r` become `\\n`; anything that is not a string is returned as it is."""
    if isinstance(value, str) and "\r" in value:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


class MultilineTextFormField(forms.CharField):
    """A textarea's text with `\\n` line endings, so that an unchanged text compares equal to the stored one."""

    def to_python(self, value):
        return normalise_line_endings(super().to_python(value))


class TextField(models.TextField):
    """Django's `TextField`, whose values always have `\\n` line endings (see the module's docstring)."""

    def to_python(self, value):
        return normalise_line_endings(super().to_python(value))

    def get_prep_value(self, value):
        return normalise_line_endings(super().get_prep_value(value))

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        normalised = normalise_line_endings(value)
        if normalised is not value:
            # Straight into the instance's dict: the attribute of a field modeltranslation manages is a
            # descriptor that would write the value into the current language's column.
            model_instance.__dict__[self.attname] = normalised
        return normalised

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": MultilineTextFormField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs


class MarkdownField(TextField):
    """A text staff write in Markdown, which the public pages render with `angers_intl.markdown` (sanitised).

    The one mark of a Markdown field: every admin edits it with the Markdown editor (toolbar and live preview,
    `angers_intl.widgets.MarkdownEditor`, applied by `angers_intl.translation_admin`). Nothing changes in the
    database: migrations name Django's `TextField`.
    """


def normalise_stored_line_endings(apps, app_label):
    """For a data migration: rewrite the `\\r\\n` and `\\r` stored in every text column of the app's models
    (each language's column included) as `\\n`."""
    for model in apps.get_app_config(app_label).get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.TextField):
                continue
            normalised = Replace(
                Replace(F(field.attname), Value("\r\n"), Value("\n")), Value("\r"), Value("\n")
            )
            model._base_manager.filter(**{f"{field.attname}__contains": "\r"}).update(
                **{field.attname: normalised}
            )
