"""Names marked with their language; figures and lifecycles written out in the page's language ("1 500" in French,
"1,500" in English); and the presentation of the pages: networks grouped under headings by kind, a recognition's
distinctions grouped by status, its ladder of levels. They read prefetched data only (no query)."""

from django import template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import get_language, gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

from angers_intl.templatetags.site_tags import translated
from networks.models import Distinction, DistinctionStatus, FigureQualifier, NetworkKind, Renewal

register = template.Library()

NETWORK_KIND_HEADINGS = {
    NetworkKind.CITY_NETWORK: _("City networks"),
    NetworkKind.THEMATIC_NETWORK: _("Thematic networks"),
}

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
    # Otherwise the name is in the page's language, or the French one shown in its place (site_tags.translated).
    return translated(item, "name")


@register.filter
def by_kind(networks):
    """`{% for group in networks|by_kind %}`: [{kind, heading, networks}, …] in the order of `NetworkKind`,
    leaving out empty kinds."""
    groups = []
    for kind in NetworkKind:
        members = [network for network in networks if network.kind == kind]
        if members:
            groups.append({"kind": kind, "heading": NETWORK_KIND_HEADINGS[kind], "networks": members})
    return groups


@register.filter
def distinctions_by_status(recognition, on=None):
    """`{% with groups=recognition|distinctions_by_status %}`: the city's distinctions (prefetched) by status
    (`Distinction.status()`), newest first: {"current": […], "upcoming": […], "expired": […], …}."""
    on = on or timezone.localdate()
    groups = {status: [] for status in DistinctionStatus.values}
    for distinction in sorted(recognition.distinctions.all(), key=Distinction.sort_key, reverse=True):
        groups[distinction.status(on)].append(distinction)
    return groups


@register.filter
def ladder(recognition):
    """`{% for rung in recognition|ladder %}`: the levels in rank order, each saying whether the city reached
    it and when (prefetched levels and distinctions)."""
    reached = {}
    for distinction in recognition.distinctions.all():
        if distinction.level_id:
            reached.setdefault(distinction.level_id, []).append(distinction)
    rungs = []
    for level in recognition.levels.all():
        distinctions = sorted(reached.get(level.pk, []), key=Distinction.sort_key)
        years = ", ".join(str(distinction.year) for distinction in distinctions if distinction.year)
        rungs.append({"level": level, "reached": bool(distinctions), "years": years})
    return rungs
