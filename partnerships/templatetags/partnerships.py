from django import template
from django.utils.formats import number_format
from django.utils.translation import pgettext

from partnerships.structured_data import json_ld_script

register = template.Library()


@register.filter
def json_ld(data):
    """`{{ structured_data|json_ld }}`: a JSON-LD script element that no content can break out of."""
    return json_ld_script(data)


@register.filter
def coordinate(value, axis):
    """`{{ city.latitude|coordinate:"lat" }}` → 52.3874° N (52,3874° N in French); axis "lat" or "lon"."""
    number = float(value)
    if axis == "lat":
        hemisphere = pgettext("compass point", "N") if number >= 0 else pgettext("compass point", "S")
    else:
        hemisphere = pgettext("compass point", "E") if number >= 0 else pgettext("compass point", "W")
    return f"{number_format(abs(number), 4)}° {hemisphere}"
