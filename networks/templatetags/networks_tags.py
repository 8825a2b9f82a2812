"""Names marked with their language; figures and lifecycles written out in the page's language ("1 500" in French, "1,500" in English)."""

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import get_language, gettext, ngettext, pgettext

from networks.models import FigureQualifier, Renewal

register = template.Library()

MILLION = 1_000_000
BILLION = 1_000_000_000


def readable_number(value):
    """Round millions and billions in words, everything else with the language's thousands separator."""
    if value >= BILLION and value % BILLION == 0:
        count = value // BILLION
        return ngettext("%(number)s billion", "%(number)s billion", count) % {
            "number": number_format(count, force_grouping=True)
        }
    if value >= MILLION and value % MILLION == 0:
        count = value // MILLION
        return ngettext("%(number)s million", "%(number)s million", count) % {
            "number": number_format(count, force_grouping=True)
        }
    return number_format(value, force_grouping=True)


@register.filter
def figure_amount(figure):
    """`{{ figure|figure_amount }}`: "more than 1,500", "nearly 70%", "130 million"."""
    amount = readable_number(figure.value)
    if figure.is_percentage:
        amount = pgettext("percentage", "%(number)s%%") % {"number": amount}
    if figure.qualifier == FigureQualifier.MORE_THAN:
        return gettext("more than %(amount)s") % {"amount": amount}
    if figure.qualifier == FigureQualifier.NEARLY:
        return gettext("nearly %(amount)s") % {"amount": amount}
    return amount


@register.filter
def lifecycle(recognition):
    """`{{ recognition|lifecycle }}`: "Renewed every year", "Awarded once", …"""
    if recognition.renewal == Renewal.PERIODIC and recognition.renewal_period_years:
        years = recognition.renewal_period_years
        if years == 1:
            return gettext("Awarded for one year at a time, renewed every year")
        return ngettext(
            "Awarded for %(years)d year at a time, then renewed",
            "Awarded for %(years)d years at a time, then renewed",
            years,
        ) % {"years": years}
    if recognition.renewal == Renewal.COMMITMENT:
        return gettext("A commitment, without expiry")
    return gettext("Awarded once, without expiry")


@register.filter
def marked_name(item):
    """`{{ network|marked_name }}`: the name, inside `<span lang="en">` when it is kept in another language
    than the page's (`name_language`), so that screen readers pronounce it right. Not for `<title>`."""
    language = item.name_language
    page_language = (get_language() or "").split("-")[0]
    if language and language != page_language:
        return format_html('<span lang="{}">{}</span>', language, item.name)
    return item.name
