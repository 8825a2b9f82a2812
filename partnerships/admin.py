"""Back office for partner cities, their key dates, programmes and themes (tabs per language).

Media, slugs, "view on site" and the modeltranslation traps are handled once, for every translated admin of
the site, by `angers_intl.translation_admin.SiteTranslationAdmin`.
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from django_countries.filters import CountryFilter

from angers_intl.images import image_renditions
from angers_intl.import_export_admin import StaffImportExportMixin
from angers_intl.translation_admin import (
    PublicationStateFilter,
    SiteTranslationAdmin,
    SiteTranslationStackedInline,
    TranslatedOrderingMixin,
)

from .countries import country_codes_named
from .models import Milestone, PartnerCity, Programme, Theme
from .resources import PartnerCityResource, ProgrammeResource

THUMBNAIL_WIDTH = 80


class MilestoneInline(SiteTranslationStackedInline):
    model = Milestone
    extra = 0
    fields = [("year", "date"), "title", "text"]


@admin.register(Theme)
class ThemeAdmin(TranslatedOrderingMixin, SiteTranslationAdmin):
    list_display = ["shown_name", "slug", "display_order"]
    list_editable = ["display_order"]
    search_fields = ["name_fr", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(PartnerCity)
class PartnerCityAdmin(StaffImportExportMixin, TranslatedOrderingMixin, SiteTranslationAdmin):
    resource_classes = [PartnerCityResource]
    list_display = [
        "thumbnail",
        "shown_name",
        "country_name",
        "agreement_type",
        "year_started",
        "status",
        "publication_state",
    ]
    list_display_links = ["thumbnail", "shown_name"]
    list_filter = ["agreement_type", ("country", CountryFilter), "status", "themes", PublicationStateFilter]
    search_fields = ["name_fr", "name_en", "region_fr", "region_en", "slug"]
    search_help_text = _("Search by name, region or country, in French or English.")
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["image_preview"]
    inlines = [MilestoneInline]
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
        (
            _("Image"),
            {
                "fields": [
                    "image",
                    "image_preview",
                    ("image_focal_x", "image_focal_y"),
                    "image_alt",
                    "image_credit",
                ]
            },
        ),
        (_("Position and website"), {"fields": [("latitude", "longitude"), "website"]}),
        (_("Publication"), {"fields": ["published", ("publish_at", "unpublish_at"), "display_order"]}),
    ]
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    preview_url_name = "partnerships:city_preview"

    @admin.display(description=_("country"), ordering="country")
    def country_name(self, obj):
        # The country's name; the plain field would look it up in the 250 country choices on every row.
        return obj.country.name

    def get_search_results(self, request, queryset, search_term):
        """Also the cities of the countries whose name contains what staff typed, in French or English
        (the country is stored as its ISO code)."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if codes := country_codes_named(search_term):
            results |= queryset.filter(country__in=codes)
        return results, may_have_duplicates

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
            '<img src="{}" width="{}" height="{}" alt="{}" class="admin-thumbnail">',
            rendition.url,
            width,
            height,
            alt,
        )

    def get_urls(self):
        # The former "upcoming anniversaries" page is now part of the dashboard on the admin index.
        former = RedirectView.as_view(pattern_name="admin:index", permanent=True)
        return [path("anniversaries/", former, name="partnerships_anniversaries"), *super().get_urls()]


@admin.register(Programme)
class ProgrammeAdmin(StaffImportExportMixin, TranslatedOrderingMixin, SiteTranslationAdmin):
    resource_classes = [ProgrammeResource]
    list_display = ["shown_name", "start_year", "publication_state", "display_order"]
    list_filter = [PublicationStateFilter, "partner_cities"]
    search_fields = ["name_fr", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["partner_cities"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "start_year", "summary", "body", "partner_cities", "website"]}),
        (_("Publication"), {"fields": ["published", ("publish_at", "unpublish_at"), "display_order"]}),
    ]
    preview_url_name = "partnerships:programme_preview"
