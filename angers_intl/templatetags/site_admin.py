"""Template tags of the admin's own templates."""

from django import template

from angers_intl.admin_history import change_message

register = template.Library()


@register.filter(name="change_message")
def change_message_filter(entry):
    """`{{ action|change_message }}`: a history entry's message in the staff member's language."""
    return change_message(entry)


@register.simple_tag(takes_context=True)
def translation_gap_count(context):
    """`{% translation_gap_count as gaps %}`: how many translation gaps the signed-in staff member may see
    (angers_intl/translation_report.py)."""
    from angers_intl.translation_report import translation_gap_count as count

    return count(context["request"].user)
