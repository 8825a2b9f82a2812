"""What a browser sends back from an admin change form that staff submit as it stands (the starting point of
tests that then change one field): every field's current value, the inline formsets included, and the lines
of every textarea separated by `\r\n`, as browsers send them."""

import datetime

from django import forms


def _field_data(form, name):
    bound = form[name]
    widget = bound.field.widget
    value = bound.value()
    key = form.add_prefix(name)
    if isinstance(bound.field, forms.FileField):
        return {}
    if isinstance(widget, forms.CheckboxInput):
        return {key: "on"} if value else {}
    if isinstance(widget, forms.MultiWidget):
        parts = widget.decompress(value) if not isinstance(value, list) else value
        return {f"{key}_{index}": _text(part) for index, part in enumerate(parts)}
    if isinstance(value, (list, tuple)):
        return {key: [_text(item) for item in value]}
    text = _text(value)
    if isinstance(widget, forms.Textarea):
        text = text.replace("\n", "\r\n")
    return {key: text}


def _text(value):
    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _form_data(form):
    data = {}
    for name in form.fields:
        data.update(_field_data(form, name))
    return data


def admin_form_data(response):
    """`{name: value}` of the admin add or change form rendered in `response` (a test client's response)."""
    data = _form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_data(formset.management_form))
        for form in formset.forms:
            data.update(_form_data(form))
    return data
