"""Template tags of the admin's own templates."""

from django import template

from angers_intl.admin_history import change_message

register = template.Library()


@register.filter(name="change_message")
def change_message_filter(entry):
    """`{{ action|change_message }}`: a history entry's message in the staff member's language."""
    return change_message(entry)
