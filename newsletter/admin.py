"""The subscriber list for staff with the newsletter permissions (the "Newsletter" group), not every editor.

Declarative; every change goes through newsletter.services: deleting is the GDPR erasure (anonymous count
kept, address removed from the admin history), unsubscribing and the exports call services too.
Nobody adds subscribers here: an address enters the list only through the double opt-in.
"""

import json

from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .consent import consent_text
from .models import DeletionCount, Subscriber

EXPORT_PERMISSION = "newsletter.export_subscribers"


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "status", "subscribed_at", "confirmed_at", "unsubscribed_at"]
    list_filter = ["status", "language", "consent_version", "form_language"]
    show_facets = admin.ShowFacets.ALWAYS
    search_fields = ["email"]
    search_help_text = _("Search by e-mail address or part of it.")
    list_per_page = 100
    view_on_site = False
    readonly_fields = [
        "email",
        "status",
        "subscribed_at",
        "source_path",
        "form_language",
        "consent_version",
        "consent_statement",
        "confirmed_at",
        "unsubscribed_at",
    ]
    fieldsets = [
        (None, {"fields": ["email", "language", "status"]}),
        (
            _("Consent proof"),
            {
                "fields": [
                    "subscribed_at",
                    "source_path",
                    "form_language",
                    "consent_version",
                    "consent_statement",
                    "confirmed_at",
                    "unsubscribed_at",
                ]
            },
        ),
    ]
    actions = ["unsubscribe_selected", "export_personal_data"]

    def has_add_permission(self, request):
        return False

    def has_export_permission(self, request):
        return request.user.has_perm(EXPORT_PERMISSION)

    @admin.display(description=_("consent statement shown"))
    def consent_statement(self, obj):
        return consent_text(obj.consent_version, obj.form_language) or "—"

    @admin.action(
        description=_("Unsubscribe the selected addresses"),
        permissions=["change"],
        location=[ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM],
    )
    def unsubscribe_selected(self, request, queryset):
        done = sum(services.unsubscribe_subscriber(subscriber) for subscriber in queryset)
        self.message_user(
            request,
            ngettext("%(count)d address unsubscribed.", "%(count)d addresses unsubscribed.", done)
            % {"count": done},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Export personal data (JSON, right of access)"),
        permissions=["view"],
        location=[ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM],
    )
    def export_personal_data(self, request, queryset):
        records = [services.export_subscriber_data(subscriber) for subscriber in queryset]
        data = records[0] if len(records) == 1 else records
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="newsletter-personal-data.json"'
        return response

    def delete_model(self, request, obj):
        services.erase_subscriber(obj)

    def delete_queryset(self, request, queryset):
        services.erase_subscribers(queryset)

    def get_urls(self):
        export = self.admin_site.admin_view(self.export_confirmed_view)
        return [
            path("export-confirmed/", export, name="newsletter_subscriber_export_confirmed"),
            *super().get_urls(),
        ]

    def export_confirmed_view(self, request):
        """The confirmed subscribers as CSV, streamed (optionally one language: ?language=fr)."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        language = request.GET.get("language")
        if language not in dict(Subscriber._meta.get_field("language").choices):
            language = None
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        response = StreamingHttpResponse(
            services.confirmed_subscribers_csv(language=language), content_type="text/csv; charset=utf-8"
        )
        suffix = f"-{language}" if language else ""
        response["Content-Disposition"] = f'attachment; filename="newsletter-subscribers{suffix}-{stamp}.csv"'
        return response

    def changelist_view(self, request, extra_context=None):
        counts = Subscriber.objects.counts_by_status_and_language()
        languages = Subscriber._meta.get_field("language").choices
        summary = [
            {
                "status": status,
                "label": label,
                "counts": [counts.get((status, code), 0) for code, _name in languages],
                "total": sum(counts.get((status, code), 0) for code, _name in languages),
            }
            for status, label in Subscriber.Status.choices
        ]
        extra_context = {
            **(extra_context or {}),
            "summary_languages": [name for _code, name in languages],
            "summary_rows": summary,
            "can_export": self.has_export_permission(request),
            "export_url": reverse("admin:newsletter_subscriber_export_confirmed"),
        }
        return super().changelist_view(request, extra_context=extra_context)


@admin.register(DeletionCount)
class DeletionCountAdmin(admin.ModelAdmin):
    """Read-only: how many addresses were erased or purged per day, the only trace they leave."""

    list_display = ["day", "reason", "count"]
    list_filter = ["reason"]
    date_hierarchy = "day"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
