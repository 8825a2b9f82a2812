"""Countries by name: django-countries stores ISO codes, staff type names, in either language."""

import unicodedata
from functools import cache

from django.conf import settings
from django.utils import translation
from django_countries import countries


def _folded(text):
    """Lowercase, without accents or surrounding spaces: "Pérou " and "perou" compare equal."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold().strip())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def _names_by_language(language):
    with translation.override(language):
        return tuple((_folded(name), code) for code, name in countries)


def country_codes_named(text):
    """The codes of the countries whose name, in any of the site's languages, contains `text` (accents
    and case ignored): "Pologne" and "poland" both give {"PL"}; "guinée" gives every Guinea."""
    wanted = _folded(text)
    if len(wanted) < 2:
        return set()
    return {
        code
        for language, _name in settings.LANGUAGES
        for name, code in _names_by_language(language)
        if wanted in name
    }
