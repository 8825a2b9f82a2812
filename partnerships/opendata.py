"""Open data: the published partnerships as one table, the same in CSV and JSON, in both languages.

One record per partner city, with stable codes (ISO 3166 country, agreement and status codes, theme slugs)
beside their French and English labels, so that a portal or a newsroom can reuse it without our site.
"""

from django.conf import settings
from django.utils import translation
from django_countries import countries

from .models import AgreementType, PartnerCity

LANGUAGES = [code for code, _name in settings.LANGUAGES]

FIELDS = [
    "slug",
    *[f"name_{code}" for code in LANGUAGES],
    "country_code",
    *[f"country_{code}" for code in LANGUAGES],
    *[f"region_{code}" for code in LANGUAGES],
    "agreement_type",
    *[f"agreement_type_{code}" for code in LANGUAGES],
    "year_started",
    "agreement_signed_on",
    "status",
    "latitude",
    "longitude",
    "themes",
    "website",
    *[f"page_{code}" for code in LANGUAGES],
]


def _labels(choices, value):
    labels = {}
    for code in LANGUAGES:
        with translation.override(code):
            labels[code] = str(choices(value).label) if value in choices.values else value
    return labels


def _country_names(country_code):
    names = {}
    for code in LANGUAGES:
        with translation.override(code):
            names[code] = countries.name(country_code)
    return names


def partnership_records(absolute_url):
    """The published partner cities as dicts keyed by FIELDS, in list order, in a fixed number of queries.

    `absolute_url(path)` makes the page links absolute (the request's `build_absolute_uri`).
    """
    records = []
    for city in PartnerCity.objects.published().with_themes():
        country_names = _country_names(city.country.code)
        agreement_labels = _labels(AgreementType, city.agreement_type)
        record = {
            "slug": city.slug,
            "country_code": city.country.code,
            "agreement_type": city.agreement_type,
            "year_started": city.year_started,
            "agreement_signed_on": city.agreement_signed_on.isoformat() if city.agreement_signed_on else None,
            "status": city.status,
            "latitude": float(city.latitude) if city.latitude is not None else None,
            "longitude": float(city.longitude) if city.longitude is not None else None,
            "themes": [theme.slug for theme in city.themes.all()],
            "website": city.website,
        }
        for code in LANGUAGES:
            # French is the fallback of every translated field, as on the pages.
            record[f"name_{code}"] = getattr(city, f"name_{code}") or city.name_fr
            record[f"country_{code}"] = country_names[code]
            record[f"region_{code}"] = getattr(city, f"region_{code}") or city.region_fr or ""
            record[f"agreement_type_{code}"] = agreement_labels[code]
            with translation.override(code):
                record[f"page_{code}"] = absolute_url(city.get_absolute_url())
        records.append({field: record[field] for field in FIELDS})
    return records
