"""Accessible names for the admin's fields where Django's templates give them none (axe-core's `label` and
`select-name` rules): every field of a table row (a tabular inline, the editable columns of a list) and
an empty file field.

- A tabular inline shows its fields under the table's column headings, with no <label>: each field gets
  an `aria-label`, its label (`Year`, `Note [en]`, `Delete`).
- A list's editable column (`list_editable`) likewise: its label and the row's record (`Display order
  (Lyon)`), as twenty inputs named only "Display order" could not be told apart.
- A file field (`ClearableFileInput`) is drawn in a fieldset whose legend is its label, there to group the
  file input with the "clear" checkbox of a field that has a file; an empty one is a lone input the legend
  does not name: it gets its label too.

`AccessibleAdminMixin` is mixed into `SiteTranslationAdmin`, `AccessibleInlineMixin` and
`AccessibleTabularInlineMixin` into the inlines (angers_intl/translation_admin.py); an admin or an inline
not built on those mixes them in itself.
"""

from django.forms import ClearableFileInput
from django.forms.utils import pretty_name


def name_field(field, name):
    """Sets the widget's accessible name, unless it has one. Through a related-object wrapper (the
    add/change icons beside a select), the widget drawn is the wrapped one."""
    widget = getattr(field.widget, "widget", field.widget)
    widget.attrs.setdefault("aria-label", str(name))


def name_fields(form, record=None):
    """Names each visible field of `form` after its label, and `record` if given."""
    for field_name, field in form.fields.items():
        if field.widget.is_hidden:
            continue
        label = field.label or pretty_name(field_name)
        name_field(field, f"{label} ({record})" if record is not None else label)


def name_file_field(formfield):
    if formfield is not None and isinstance(formfield.widget, ClearableFileInput):
        name_field(formfield, formfield.label)
    return formfield


class AccessibleAdminMixin:
    """A model admin whose editable list columns and file fields have accessible names."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return name_file_field(super().formfield_for_dbfield(db_field, request, **kwargs))

    def get_changelist_form(self, request, **kwargs):
        form_class = super().get_changelist_form(request, **kwargs)

        class NamedRowForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                name_fields(self, self.instance if self.instance.pk else None)

        NamedRowForm.__name__ = form_class.__name__
        return NamedRowForm


class AccessibleInlineMixin:
    """An inline whose file fields have accessible names."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return name_file_field(super().formfield_for_dbfield(db_field, request, **kwargs))


class AccessibleTabularInlineMixin(AccessibleInlineMixin):
    """A tabular inline whose every field (its "delete" box included) has an accessible name."""

    def get_formset(self, request, obj=None, **kwargs):
        formset_class = super().get_formset(request, obj, **kwargs)

        class NamedRowsFormSet(formset_class):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                name_fields(form)

        NamedRowsFormSet.__name__ = formset_class.__name__
        return NamedRowsFormSet
