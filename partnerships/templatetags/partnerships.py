from django import template

from partnerships.maps import format_coordinate
from partnerships.structured_data import json_ld_script

register = template.Library()


@register.filter
def json_ld(data):
    """`{{ structured_data|json_ld }}`: a JSON-LD script element that no content can break out of."""
    return json_ld_script(data)


@register.filter
def coordinate(value, axis):
    """`{{ city.latitude|coordinate:"lat" }}` → 52.3874° N (52,3874° N in French); axis "lat" or "lon"."""
    return format_coordinate(value, axis)
