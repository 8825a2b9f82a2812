"""What every translated admin of the site shares: the two modeltranslation traps, handled once.

- An error inside a language tab that is not shown: `static/translation_admin/tabs.js` marks the tab
  (class, "⚠") and opens the first tab with an error (Django 6's admin puts the `errors` class on an inner
  element, where modeltranslation's own script does not look). `TabbedAdminMedia` loads it.
- Sorting a list by a translated name: the column sorts by what it displays, the name in the admin's
  language or, when that is empty, the French fallback (`TranslatedOrderingMixin`).
"""

from django.contrib import admin
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.forms.widgets import Script
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname


def displayed_translation(field_name):
    """The value a translated field displays in the current language: its own, or the fallback's when
    empty or NULL. Sorting by this sorts by what the list shows."""
    language = get_language() or DEFAULT_LANGUAGE
    if language not in AVAILABLE_LANGUAGES:
        language = DEFAULT_LANGUAGE
    own = F(build_localized_fieldname(field_name, language))
    fallback = F(build_localized_fieldname(field_name, DEFAULT_LANGUAGE))
    if language == DEFAULT_LANGUAGE:
        return Coalesce(own, Value(""), output_field=models.CharField())
    return Coalesce(NullIf(own, Value("")), fallback, Value(""), output_field=models.CharField())


class TranslatedOrderingMixin:
    """Adds a `shown_name` annotation and a "name" column sorted by it."""

    translated_ordering_field = "name"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(shown_name=displayed_translation(self.translated_ordering_field))
        )

    @admin.display(description=_("name"), ordering="shown_name")
    def shown_name(self, obj):
        return getattr(obj, self.translated_ordering_field)


class TabbedAdminMedia:
    css = {"all": ["translation_admin/tabs.css"]}
    js = [Script("translation_admin/tabs.js", defer=True)]


class SiteTranslationAdmin(TabbedTranslationAdmin):
    """modeltranslation's tabbed admin, with a visible mark on a language tab that holds an error."""

    Media = TabbedAdminMedia
