"""Back office for networks, labels and awards: tabbed French/English forms, filters, inlines, logo previews.

The Communication group manages all of it (permissions granted by `networks/staff.py` after `migrate`).
"""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from angers_intl.admin_accessibility import AccessibleTabularInlineMixin
from angers_intl.import_export_admin import StaffImportExportMixin
from angers_intl.translation_admin import (
    PublicationStateFilter,
    SiteTranslationAdmin,
    SiteTranslationTabularInline,
    TranslatedOrderingMixin,
)

from .models import (
    EXPIRY_NOTICE_DAYS,
    Distinction,
    DistinctionStatus,
    Network,
    NetworkFigure,
    Recognition,
    RecognitionLevel,
)
from .resources import DistinctionResource, NetworkResource

LOGO_PREVIEW_HEIGHT = 48


@admin.display(description=_("logo"))
def logo_preview(obj):
    if not obj.logo:
        return "—"
    # Sized by the `admin-logo-preview` class of css/admin.css (the CSP blocks inline styles).
    return format_html(
        '<img src="{}" alt="" height="{}" class="admin-logo-preview">', obj.logo.url, LOGO_PREVIEW_HEIGHT
    )


class ValidityFilter(admin.SimpleListFilter):
    """Current, expiring within 90 days, not yet valid, expired: the rules of `DistinctionQuerySet`."""

    title = _("validity")
    parameter_name = "validity"

    def lookups(self, request, model_admin):
        return [
            ("expiring", _("Expiring within %(days)s days") % {"days": EXPIRY_NOTICE_DAYS}),
            (DistinctionStatus.CURRENT, _("Current")),
            (DistinctionStatus.UPCOMING, _("Not yet valid")),
            (DistinctionStatus.EXPIRED, _("Expired")),
        ]

    def queryset(self, request, queryset):
        distinctions = self.distinctions(self.value())
        if distinctions is None:
            return queryset
        return self.restrict(queryset, distinctions)

    @staticmethod
    def distinctions(value):
        match value:
            case "expiring":
                return Distinction.objects.expiring_within(EXPIRY_NOTICE_DAYS).order_by("valid_until")
            case DistinctionStatus.CURRENT:
                return Distinction.objects.current()
            case DistinctionStatus.UPCOMING:
                return Distinction.objects.upcoming()
            case DistinctionStatus.EXPIRED:
                return Distinction.objects.expired()
        return None

    def restrict(self, queryset, distinctions):
        return queryset.filter(pk__in=distinctions.values("pk"))


class RecognitionValidityFilter(ValidityFilter):
    """On the labels and awards list: those with a distinction in the chosen state."""

    title = _("the city's distinctions")

    def restrict(self, queryset, distinctions):
        return queryset.filter(pk__in=distinctions.values("recognition"))


def warn_about_expiring_distinctions(request):
    """A notice on the lists staff open: which distinctions must be renewed soon."""
    count = Distinction.objects.expiring_within(EXPIRY_NOTICE_DAYS).count()
    if count:
        url = reverse("admin:networks_distinction_changelist") + "?validity=expiring"
        text = ngettext(
            "%(count)d distinction expires within %(days)d days.",
            "%(count)d distinctions expire within %(days)d days.",
            count,
        ) % {"count": count, "days": EXPIRY_NOTICE_DAYS}
        messages.warning(request, format_html('{} <a href="{}">{}</a>', text, url, _("See them")))


class NetworkFigureInline(AccessibleTabularInlineMixin, admin.TabularInline):
    model = NetworkFigure
    extra = 0
    fields = ["measure", "qualifier", "value", "year"]


@admin.register(Network)
class NetworkAdmin(StaffImportExportMixin, TranslatedOrderingMixin, SiteTranslationAdmin):
    resource_classes = [NetworkResource]
    list_display = [
        "shown_name",
        "acronym",
        "kind",
        "scope",
        "founded_year",
        logo_preview,
        "publication_state",
        "display_order",
    ]
    list_display_links = ["shown_name"]
    list_editable = ["display_order"]  # publishing: the bulk actions (one audit entry each)
    list_filter = ["kind", "scope", PublicationStateFilter]
    search_fields = ["name_fr", "name_en", "acronym_fr", "acronym_en", "slug"]
    ordering = ["kind", "display_order", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = [logo_preview]
    inlines = [NetworkFigureInline]
    preview_url_name = "networks:network_preview"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "name_language",
                    "acronym",
                    "slug",
                    "kind",
                    "scope",
                    ("founded_year", "joined_year"),
                    "headquarters",
                ]
            },
        ),
        (_("Text"), {"fields": ["description", "city_benefits", "website"]}),
        (_("Logo"), {"fields": ["logo", logo_preview, "logo_alt"]}),
        (_("Publication"), {"fields": ["published", ("publish_at", "unpublish_at"), "display_order"]}),
    ]


class RecognitionLevelInline(SiteTranslationTabularInline):
    model = RecognitionLevel
    extra = 0
    fields = ["rank", "name"]
    ordering = ["rank"]


class DistinctionInline(SiteTranslationTabularInline):
    model = Distinction
    extra = 0
    fields = ["year", "level", "awarded_on", "valid_from", "valid_until", "note"]
    verbose_name_plural = _("the city's distinctions (save new levels first to choose them here)")

    def get_formset(self, request, obj=None, **kwargs):
        # Inline instances are made per request: remembering the recognition being edited is safe.
        self.parent_recognition = obj
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "level":
            parent = getattr(self, "parent_recognition", None)
            kwargs["queryset"] = (
                RecognitionLevel.objects.filter(recognition=parent)
                .select_related("recognition")
                .order_by("rank")
                if parent
                else RecognitionLevel.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Recognition)
class RecognitionAdmin(TranslatedOrderingMixin, SiteTranslationAdmin):
    list_display = [
        "shown_name",
        "kind",
        "awarding_body",
        "renewal",
        logo_preview,
        "publication_state",
        "display_order",
    ]
    list_display_links = ["shown_name"]
    list_editable = ["display_order"]  # publishing: the bulk actions (one audit entry each)
    list_filter = ["kind", "renewal", PublicationStateFilter, RecognitionValidityFilter]
    search_fields = ["name_fr", "name_en", "awarding_body_fr", "awarding_body_en", "slug"]
    ordering = ["display_order", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = [logo_preview]
    inlines = [RecognitionLevelInline, DistinctionInline]
    preview_url_name = "networks:recognition_list_preview"
    fieldsets = [
        (None, {"fields": ["name", "name_language", "slug", "kind", "awarding_body", "established_year"]}),
        (_("Lifecycle"), {"fields": ["renewal", "renewal_period_years"]}),
        (_("Text"), {"fields": ["description", "website"]}),
        (_("Logo"), {"fields": ["logo", logo_preview, "logo_alt"]}),
        (_("Publication"), {"fields": ["published", ("publish_at", "unpublish_at"), "display_order"]}),
    ]

    def changelist_view(self, request, extra_context=None):
        warn_about_expiring_distinctions(request)
        return super().changelist_view(request, extra_context)

    def preview_url(self, obj):
        # Labels and awards have no page of their own: their preview is the list's, at their entry.
        return reverse(self.preview_url_name) + f"#{obj.slug}"


@admin.register(Distinction)
class DistinctionAdmin(StaffImportExportMixin, SiteTranslationAdmin):
    resource_classes = [DistinctionResource]
    list_display = ["recognition", "level", "year", "valid_from", "valid_until", "validity"]
    list_filter = [ValidityFilter, "recognition"]
    list_select_related = ["recognition", "level"]
    search_fields = ["recognition__name_fr", "recognition__name_en", "note_fr", "note_en"]
    ordering = ["recognition__display_order", "recognition__slug", "-year"]
    fields = ["recognition", "level", "year", "awarded_on", "valid_from", "valid_until", "note"]

    @admin.display(description=_("validity"))
    def validity(self, obj):
        return obj.status().label

    def changelist_view(self, request, extra_context=None):
        if request.GET.get(ValidityFilter.parameter_name) != "expiring":
            warn_about_expiring_distinctions(request)
        return super().changelist_view(request, extra_context)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "level":
            kwargs["queryset"] = RecognitionLevel.objects.select_related("recognition").order_by(
                "recognition__display_order", "recognition__slug", "rank"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
