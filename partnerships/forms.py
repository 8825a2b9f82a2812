"""The public filter form of the partner-city list: a GET form that works without JavaScript."""

import unicodedata
from functools import lru_cache
from urllib.parse import urlencode

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from .continents import Continent
from .models import AgreementType


def name_sort_key(name):
    """Alphabetical order that ignores accents: "États-Unis" sorts among the E."""
    return unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().casefold()


@lru_cache(maxsize=64)
def _countries_by_name(country_codes, language):
    """[(code, name)] in alphabetical order of the names in `language` (the active one); kept, as every
    list page asks for the same."""
    return sorted(
        ((code, all_countries.name(code)) for code in country_codes), key=lambda c: name_sort_key(c[1])
    )


class PartnerCityFilterForm(forms.Form):
    """Every field optional; a value that is not offered is reported and ignored.

    `themes` (the Theme objects) and `country_codes` (the countries of the published cities) come from
    the view, already fetched, so the form itself runs no query.
    """

    type = forms.ChoiceField(
        label=_("Agreement"),
        required=False,
        choices=[("", _("All agreements")), *AgreementType.choices],
    )
    continent = forms.ChoiceField(
        label=_("Continent"),
        required=False,
        choices=[
            ("", _("All continents")),
            *[(value, label) for value, label in Continent.choices if value != Continent.ANTARCTICA],
        ],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, data, *, themes, country_codes):
        super().__init__(data)
        self.themes_by_slug = {theme.slug: theme for theme in themes}
        self.fields["theme"].choices = [("", _("All themes"))] + [(t.slug, t.name) for t in themes]
        self.fields["country"].choices = [
            ("", _("All countries")),
            *_countries_by_name(tuple(country_codes), get_language()),
        ]

    def filters(self):
        """Keyword arguments for `PartnerCityQuerySet.filtered()`; invalid fields are left out."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "agreement_type": data.get("type") or None,
            "continent": data.get("continent") or None,
            "country": data.get("country") or None,
            "theme": self.themes_by_slug.get(data.get("theme") or ""),
        }

    @property
    def submitted_values(self):
        """What the visitor asked for, field by field: what the rendered form (and its errors) depend on."""
        return "&".join(f"{name}={self.data.get(name, '')}" for name in self.fields) if self.is_bound else ""

    @property
    def query_string(self):
        """The filters asked for, as a query string for the list's page links (other parameters dropped)."""
        if not self.is_bound:
            return ""
        return urlencode([(name, self.data[name]) for name in self.fields if self.data.get(name)])

    @property
    def is_filtering(self):
        return any(self.filters().values())
