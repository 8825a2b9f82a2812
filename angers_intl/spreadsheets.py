"""CSV and XLSX files that staff import and export in the admin (django-import-export resources).

One column per editable field, both languages' translated columns (`name_fr`, `name_en`…), related records by
slug, never a database id: a file exported from one site can be edited in a spreadsheet and imported into
another. `ContentResource` is the base of every app's resources (`partnerships/resources.py`,
`networks/resources.py`); docs/architecture.md ("Import and export in the admin") says what staff see.

- Cells are parsed by Django's form fields, so a bad number or date reads as Django's own translated
  message, in the admin's language, on the row of the preview (never a traceback).
- A text cell that a spreadsheet would run as a formula (= + - @ tab CR) is exported behind a `'`, which the
  import removes again: an exported file imports back unchanged.
- Rows are validated with `full_clean()`, so the models' constraints and `clean()` messages show in the preview.
- A record an import creates is never published by it: staff publish it after review. The `published`
  column is exported for information and ignored on import, so an update keeps the record's state; the
  schedule (`publish_at`, `unpublish_at`) is not in the files, staff set it in the form.
"""

from diff_match_patch import diff_match_patch
from django import forms
from django.core.exceptions import ValidationError
from django.utils.encoding import force_str
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.fields import Field

from . import history

# A spreadsheet runs a cell starting with one of these as a formula (tab and CR as well, in some).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"

# The CSV files staff download (the subscriber export, the dashboard): what French Excel opens right with a
# double click. A BOM says UTF-8, semicolons separate the cells.
CSV_BOM = "\ufeff"
CSV_DELIMITER = ";"


def spreadsheet_safe(value):
    """`value` with a leading `'` when a spreadsheet would run it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return ESCAPE + value
    return value


def spreadsheet_unescaped(value):
    """The text `spreadsheet_safe()` escaped, as it was."""
    if isinstance(value, str) and value.startswith(ESCAPE) and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


def _messages(error):
    return " ".join(error.messages)


class TextWidget(widgets.CharWidget):
    """Text: empty cells are empty text, formula triggers escaped on export and unescaped on import."""

    def __init__(self, **kwargs):
        super().__init__(coerce_to_string=True, allow_blank=True)

    def clean(self, value, row=None, **kwargs):
        return spreadsheet_unescaped(super().clean(value, row, **kwargs))

    def render(self, value, obj=None, **kwargs):
        return spreadsheet_safe(super().render(value, obj, **kwargs))


class FormFieldWidget(widgets.Widget):
    """A cell parsed by a Django form field: its translated message when the value is not valid."""

    form_field = forms.CharField(required=False)

    def __init__(self, **kwargs):
        super().__init__(coerce_to_string=True)

    def clean(self, value, row=None, **kwargs):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return self.form_field.clean(value.strip() if isinstance(value, str) else value)
        except ValidationError as error:
            raise ValueError(_messages(error)) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class IntegerWidget(FormFieldWidget):
    form_field = forms.IntegerField(required=False)


class DecimalWidget(FormFieldWidget):
    form_field = forms.DecimalField(required=False)


class DateWidget(FormFieldWidget):
    """ISO dates (2024-06-21) on export; ISO or French day/month/year (21/06/2024) on import."""

    form_field = forms.DateField(required=False, input_formats=["%Y-%m-%d", "%d/%m/%Y"])

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value.isoformat()


class CountryWidget(widgets.Widget):
    """A country as its ISO 3166 code (NL, US); the model's validation refuses an unknown code."""

    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip().upper()

    def render(self, value, obj=None, **kwargs):
        return getattr(value, "code", None) or ""


class SlugForeignKeyWidget(widgets.ForeignKeyWidget):
    """A related record by its slug; an unknown slug is a translated error on the row."""

    def __init__(self, model, field="slug", **kwargs):
        super().__init__(model, field=field, **kwargs)

    def clean(self, value, row=None, **kwargs):
        if value is None or not str(value).strip():
            return None
        value = str(value).strip()
        try:
            return self.get_queryset(value, row, **kwargs).get(**{self.field: value})
        except self.model.DoesNotExist:
            raise ValueError(self.unknown_message(value, row)) from None

    def unknown_message(self, value, row):
        return _("No %(model)s has the slug “%(slug)s”.") % {
            "model": self.model._meta.verbose_name,
            "slug": value,
        }


class SlugsWidget(widgets.ManyToManyWidget):
    """Related records as their slugs, separated by commas; an unknown slug is an error, never dropped."""

    def __init__(self, model, **kwargs):
        super().__init__(model, separator=",", field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        slugs = sorted({slug.strip() for slug in str(value or "").split(self.separator) if slug.strip()})
        found = self.model.objects.filter(slug__in=slugs)
        unknown = sorted(set(slugs) - {item.slug for item in found})
        if unknown:
            raise ValueError(
                _("Unknown %(model)s: %(slugs)s.")
                % {"model": self.model._meta.verbose_name_plural, "slugs": ", ".join(unknown)}
            )
        return found

    def render(self, value, obj=None, **kwargs):
        return ", ".join(sorted(item.slug for item in value.all())) if value is not None else ""


def _with_line_breaks(text):
    return mark_safe(escape(text).replace("\n", "<br>"))  # noqa: S308 (escaped first)


class StyleFreeDiff(resources.Diff):
    """The preview's changes as <ins> and <del>, without the inline styles of diff-match-patch's HTML,
    which the admin's Content-Security-Policy blocks (import-export's stylesheet colours them)."""

    TAGS = {diff_match_patch.DIFF_INSERT: "ins", diff_match_patch.DIFF_DELETE: "del"}

    def as_html(self):
        matcher = diff_match_patch()
        cells = []
        for before, after in zip(self.left, self.right, strict=True):
            if before != after and self.new:
                before = ""
            parts = matcher.diff_main(force_str(before), force_str(after))
            matcher.diff_cleanupSemantic(parts)
            cells.append(
                format_html_join(
                    "",
                    "<{0}>{1}</{0}>",
                    (
                        (self.TAGS.get(operation, "span"), _with_line_breaks(text))
                        for operation, text in parts
                    ),
                )
            )
        return cells


class ContentResource(resources.ModelResource):
    """What every content resource shares (see the module's docstring)."""

    WIDGETS_MAP = {
        **resources.ModelResource.WIDGETS_MAP,
        "CharField": TextWidget,
        "TextField": TextWidget,
        "SlugField": TextWidget,
        "URLField": TextWidget,
        "DecimalField": DecimalWidget,
        "DateField": DateWidget,
        "IntegerField": IntegerWidget,
        "PositiveIntegerField": IntegerWidget,
        "PositiveSmallIntegerField": IntegerWidget,
        "SmallIntegerField": IntegerWidget,
    }

    class Meta:
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = False
        report_skipped = True

    @classmethod
    def published_column(cls):
        """The publication state, exported for information; an import never changes it."""
        return Field(
            attribute="published", column_name="published", widget=widgets.BooleanWidget(), readonly=True
        )

    def get_diff_class(self):
        return StyleFreeDiff

    def get_instance(self, instance_loader, row):
        # A key that does not parse (an unknown recognition, a bad year) cannot name an existing record:
        # the row is new, and validating it reports the bad cell.
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None

    def import_instance(self, instance, row, **kwargs):
        """Also checks the many-to-many columns now, so that an unknown slug is reported on its row
        (import-export would only read them after saving the record)."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

    def do_instance_save(self, instance, is_create):
        # One version in the history for the row and its relations (themes, partner cities): recorded
        # by save_m2m, once the relations are set (angers_intl/history.py).
        if not history.is_tracked(type(instance)):
            return super().do_instance_save(instance, is_create)
        with history.saving_without_version(instance):
            super().do_instance_save(instance, is_create)
        instance._version_pending = "created" if is_create else "changed"
        return None

    def save_m2m(self, instance, row, **kwargs):
        with history.saving_without_version(instance):
            super().save_m2m(instance, row, **kwargs)
        pending = instance.__dict__.pop("_version_pending", None)
        if pending:
            history.record_version(instance, created=pending == "created")

    def before_save_instance(self, instance, row, **kwargs):
        # New records wait for staff review; updated ones keep their state (`published` is read-only).
        if instance._state.adding and hasattr(instance, "published"):
            instance.published = False
        super().before_save_instance(instance, row, **kwargs)
