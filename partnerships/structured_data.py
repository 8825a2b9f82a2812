"""schema.org JSON-LD for partner-city pages, serialised so that no content can end the script element."""

import json

from django.utils.safestring import mark_safe

# Characters that could close the <script> element or start an HTML comment, as JSON escapes.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
_SCRIPT_ESCAPES.update({0x2028: "\\u2028", 0x2029: "\\u2029"})


def city_json_ld(city, url, image_url=None):
    """A schema.org City: name, description, URL, coordinates and country (ISO code), region."""
    data = {
        "@context": "https://schema.org",
        "@type": "City",
        "name": city.name,
        "description": city.plain_summary,
        "url": url,
        "address": {"@type": "PostalAddress", "addressCountry": city.country.code},
    }
    if city.has_position:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(city.latitude),
            "longitude": float(city.longitude),
        }
    if city.region:
        data["address"]["addressRegion"] = city.region
    if city.website:
        data["sameAs"] = city.website
    if image_url:
        data["image"] = image_url
    return data


def json_ld_script(data):
    """`<script type="application/ld+json">` holding `data`; safe whatever strings `data` contains."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 - escaped above
