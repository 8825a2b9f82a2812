"""`{% error_summary %}`: above a change form sent back with errors, every error of the form and of its inline
rows, each a link to its field, in a `role="alert"` box that screen readers announce when the page opens
(templates/admin/change_form.html). Each field is already described by its own error list: Django gives the
field `aria-invalid` and `aria-describedby` pointing at it."""

from django import template
from django.forms.forms import NON_FIELD_ERRORS
from django.utils.translation import gettext

register = template.Library()


def _form_errors(form, place=None):
    for name, messages in form.errors.items():
        field = form.fields.get(name) if name != NON_FIELD_ERRORS else None
        field_id = form[name].id_for_label if field is not None and not field.widget.is_hidden else None
        label = form[name].label if field is not None else None
        where = ", ".join(str(part) for part in (place, label) if part)
        for message in messages:
            yield {"where": where, "message": message, "field_id": field_id}


@register.inclusion_tag("admin/includes/error_summary.html")
def error_summary(adminform, inline_admin_formsets):
    errors = list(_form_errors(adminform.form))
    for inline in inline_admin_formsets:
        formset = inline.formset
        name = inline.opts.verbose_name_plural
        errors += [
            {"where": name, "message": message, "field_id": None} for message in formset.non_form_errors()
        ]
        for number, form in enumerate(formset.forms, start=1):
            place = gettext("%(inline)s, row %(number)s") % {
                "inline": inline.opts.verbose_name,
                "number": number,
            }
            errors += _form_errors(form, place)
    return {"errors": errors}
