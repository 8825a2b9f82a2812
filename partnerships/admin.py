"""Back office for partner cities, their key dates, programmes and themes (tabs per language).

Two modeltranslation traps are handled here:
- an error inside a language tab that is not shown: `static/partnerships/admin_tabs.js` marks the tab
  (class, "⚠") and opens the first tab with an error (Django 6's admin puts the `errors` class on an inner
  element, where modeltranslation's own script does not look);
- sorting a list by a translated name: the column sorts by what it displays, the name in the admin's
  language or, when that is empty, the French fallback (`TranslatedOrderingMixin`).
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.forms.widgets import Script
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname

from angers_intl.images import image_renditions

from .models import Milestone, PartnerCity, Programme, Theme
from .services import upcoming_anniversaries

THUMBNAIL_WIDTH = 80


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
    css = {"all": ["partnerships/admin.css"]}
    js = [Script("partnerships/admin_tabs.js", defer=True)]


def view_on_site_or_preview(obj):
    """Published items open their public page; others the staff preview."""
    return obj.get_absolute_url() if obj.published else obj.get_preview_url()


class MilestoneInline(TranslationStackedInline):
    model = Milestone
    extra = 0
    fields = [("year", "date"), "title", "text"]


@admin.register(Theme)
class ThemeAdmin(TranslatedOrderingMixin, TabbedTranslationAdmin):
    list_display = ["shown_name", "slug", "display_order"]
    list_editable = ["display_order"]
    search_fields = ["name_fr", "name_en", "slug"]
    prepopulated_fields = {"slug": ("name_fr",)}
    Media = TabbedAdminMedia


@admin.register(PartnerCity)
class PartnerCityAdmin(TranslatedOrderingMixin, TabbedTranslationAdmin):
    list_display = [
        "thumbnail",
        "shown_name",
        "country",
        "agreement_type",
        "year_started",
        "status",
        "published",
    ]
    list_display_links = ["thumbnail", "shown_name"]
    list_filter = ["agreement_type", ("country", CountryFilter), "status", "themes", "published"]
    search_fields = ["name_fr", "name_en", "region_fr", "region_en", "slug"]
    prepopulated_fields = {"slug": ("name_fr",)}
    readonly_fields = ["image_preview"]
    inlines = [MilestoneInline]
    change_list_template = "partnerships/admin/partnercity_change_list.html"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    ("country", "region"),
                    ("agreement_type", "status"),
                    ("year_started", "agreement_signed_on"),
                    "themes",
                ]
            },
        ),
        (_("Text"), {"fields": ["summary", "body"]}),
        (_("Image"), {"fields": ["image", "image_preview", "image_alt", "image_credit"]}),
        (_("Position and website"), {"fields": [("latitude", "longitude"), "website"]}),
        (_("Publication"), {"fields": [("published", "display_order")]}),
    ]
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    Media = TabbedAdminMedia

    def view_on_site(self, obj):
        return view_on_site_or_preview(obj)

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        return self._image_tag(obj, width=THUMBNAIL_WIDTH, alt=obj.name) or "—"

    @admin.display(description=_("preview"))
    def image_preview(self, obj):
        return self._image_tag(obj, width=320, alt=obj.image_alt) or _("No image yet.")

    @staticmethod
    def _image_tag(obj, *, width, alt):
        found = image_renditions(obj.image) if obj and obj.image else []
        if not found:
            return ""
        rendition = found[0]
        height = max(1, round(rendition.height * width / rendition.width))
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}" class="partnerships-thumbnail">',
            rendition.url,
            width,
            height,
            alt,
        )

    @staticmethod
    def _change_url(obj):
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])

    def get_urls(self):
        return [
            path(
                "anniversaries/",
                self.admin_site.admin_view(self.anniversaries_view),
                name="partnerships_anniversaries",
            ),
            *super().get_urls(),
        ]

    def anniversaries_view(self, request):
        """Round anniversaries of partnerships and programmes this year and next, to plan events."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Upcoming anniversaries"),
            "opts": self.model._meta,
            "anniversaries": [
                (anniversary, self._change_url(anniversary.subject))
                for anniversary in upcoming_anniversaries(today)
            ],
            "this_year": today.year,
            "next_year": today.year + 1,
        }
        return TemplateResponse(request, "partnerships/admin/anniversaries.html", context)


@admin.register(Programme)
class ProgrammeAdmin(TranslatedOrderingMixin, TabbedTranslationAdmin):
    list_display = ["shown_name", "start_year", "published", "display_order"]
    list_filter = ["published", "partner_cities"]
    search_fields = ["name_fr", "name_en", "slug"]
    prepopulated_fields = {"slug": ("name_fr",)}
    filter_horizontal = ["partner_cities"]
    fields = [
        "name",
        "slug",
        "start_year",
        "summary",
        "body",
        "partner_cities",
        "website",
        "published",
        "display_order",
    ]
    Media = TabbedAdminMedia

    def view_on_site(self, obj):
        return view_on_site_or_preview(obj)
