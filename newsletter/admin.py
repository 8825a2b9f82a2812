"""The subscriber list for staff with the newsletter permissions (the "Newsletter" group), not every editor.

Declarative; every change goes through newsletter.services: deleting is the GDPR erasure (anonymous count
kept, address removed from the admin history), unsubscribing and the exports call services too.
Nobody adds subscribers here: an address enters the list only through the double opt-in.
"""

import json
import re
import tempfile

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.csp import CSP
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override

from angers_intl.translation_admin import SiteTranslationAdmin
from audit import services as audit

from . import drafts, rendering, sending, services
from .consent import CONSENT_TEXTS, consent_text
from .models import DeletionCount, Delivery, NewsletterIssue, Subscriber

EXPORT_PERMISSION = "newsletter.export_subscribers"
EXPORT_FORMAT_PARAM = "format"
EXPORT_FORMATS = ["xlsx", "csv"]
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The changelist's parameter of its "language" list filter.
LANGUAGE_FILTER_PARAM = "language__exact"
# Something@something.tld, no spaces: searched as the whole address.
COMPLETE_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class ConsentVersionFilter(admin.SimpleListFilter):
    """The versions of the consent statement, from `consent.CONSENT_TEXTS` (the field has no choices, and
    listing its distinct values would read the whole table)."""

    title = _("consent text version")
    parameter_name = "consent_version__exact"

    def lookups(self, request, model_admin):
        return [(version, version) for version in sorted(CONSENT_TEXTS, reverse=True)]

    def queryset(self, request, queryset):
        return queryset.filter(consent_version=self.value()) if self.value() else queryset


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "language",
        "status",
        "subscribed_at",
        "confirmed_at",
        "unsubscribed_at",
        "suppressed_reason",
    ]
    list_filter = ["status", "language", "suppressed_reason", ConsentVersionFilter, "form_language"]
    # At 100,000 subscribers each filter's counts cost a scan of the table: shown when staff ask ("Show
    # counts"); the status × language table above the list gives the main ones in one query.
    show_facets = admin.ShowFacets.ALLOW
    show_full_result_count = False
    ordering = ["-subscribed_at", "-pk"]  # the order of the `subscriber_recent_idx` index
    search_fields = ["email"]
    search_help_text = _("Search by e-mail address or part of it.")
    list_per_page = 50
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
        "suppressed_reason",
        "suppressed_at",
        "soft_bounce_count",
        "last_bounce",
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
        (
            _("Bounces and complaints"),
            {
                "fields": ["suppressed_reason", "suppressed_at", "soft_bounce_count", "last_bounce"],
                "description": _(
                    "Fed back by manage.py process_bounces: an address that does not exist or whose owner "
                    "marked the newsletter as spam is no longer sent to."
                ),
            },
        ),
    ]
    actions = ["unsubscribe_selected", "export_personal_data"]

    def has_add_permission(self, request):
        return False

    def get_search_results(self, request, queryset, search_term):
        """A whole address (what a person asking about their data gives) is found through the unique index
        on the lowered address, in a millisecond at any size; a part of one scans the table."""
        term = search_term.strip()
        if COMPLETE_ADDRESS.fullmatch(term):
            return queryset.for_email(term), False
        return super().get_search_results(request, queryset, search_term)

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
        audit.record_personal_data_export([subscriber.pk for subscriber in queryset], actor=request.user)
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
        """The confirmed subscribers of the list as staff filtered it (the changelist's query string:
        status, language, search…), as XLSX or as CSV for French Excel, read from the database in chunks."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        params = request.GET.copy()
        file_format = params.pop(EXPORT_FORMAT_PARAM, [EXPORT_FORMATS[0]])[-1]
        if file_format not in EXPORT_FORMATS:
            file_format = EXPORT_FORMATS[0]
        request.GET = params  # what is left is the changelist's own query string
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            self.message_user(
                request, _("These filters are not valid: choose them again in the list."), messages.ERROR
            )
            return redirect("admin:newsletter_subscriber_changelist")
        rows = services.confirmed_subscriber_rows(changelist.get_queryset(request))
        # The filters, for the audit log; never the search term (it may be an address).
        filters = "&".join(f"{key}={value}" for key, value in sorted(params.items()) if key != "q")
        audit.record_subscriber_export(file_format=file_format, filters=filters, actor=request.user)
        language = params.get(LANGUAGE_FILTER_PARAM)
        suffix = f"-{language}" if language in dict(settings.LANGUAGES) else ""
        name = f"newsletter-subscribers{suffix}-{timezone.localdate().isoformat()}.{file_format}"
        if file_format == "csv":
            response = StreamingHttpResponse(
                services.subscribers_csv(rows), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        # FileResponse closes the file once sent.
        workbook = services.subscribers_xlsx(rows, tempfile.TemporaryFile())  # noqa: SIM115
        workbook.seek(0)
        return FileResponse(workbook, as_attachment=True, filename=name, content_type=XLSX_CONTENT_TYPE)

    def export_links(self, request):
        """The export, as the list is filtered now, in each format; then one language at a time."""
        base = reverse("admin:newsletter_subscriber_export_confirmed")

        def url(**changes):
            params = request.GET.copy()
            for key in ("p", "e"):
                params.pop(key, None)
            for key, value in changes.items():
                params[key] = value
            return f"{base}?{params.urlencode()}"

        formats = [
            (_("Excel (XLSX)"), url(format="xlsx")),
            (_("CSV for Excel (semicolons)"), url(format="csv")),
        ]
        languages = [
            (
                capfirst(get_language_info(code)["name_local"]),
                url(format="xlsx", **{LANGUAGE_FILTER_PARAM: code}),
            )
            for code, _name in settings.LANGUAGES
        ]
        return {"formats": formats, "languages": languages}

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
        can_export = self.has_export_permission(request)
        extra_context = {
            **(extra_context or {}),
            "summary_languages": [name for _code, name in languages],
            "summary_rows": summary,
            "can_export": can_export,
            "export": self.export_links(request) if can_export else None,
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


# -- Newsletter issues ---------------------------------------------------------------------------------

SEND_PERMISSION = "newsletter.send_newsletterissue"
# The message preview alone may use inline styles (an e-mail's styles are inline): its own CSP, shown in a
# sandboxed iframe of the admin page, which keeps the strict site-wide CSP.
PREVIEW_CSP = {
    "default-src": [CSP.NONE],
    "style-src": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "https:", "data:"],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.NONE],
    "frame-ancestors": [CSP.SELF],
}
CARD_FIELDS = ["partner_cities", "programmes", "networks", "distinctions", "news_items", "events"]
CONTENT_FIELDS = ["subject", "preheader", "body", *CARD_FIELDS]


@admin.register(NewsletterIssue)
class NewsletterIssueAdmin(SiteTranslationAdmin):
    list_display = ["subject", "state", "scheduled_at", "sending_started_at", "sent_at"]
    list_filter = ["state"]
    search_fields = ["subject_fr", "subject_en"]
    date_hierarchy = "created_at"
    filter_horizontal = CARD_FIELDS
    readonly_fields = ["state", "sending_started_at", "sent_at", "pause_reason_shown", "links"]
    fieldsets = [
        (None, {"fields": ["subject", "preheader", "body"]}),
        (
            _("Cards"),
            {
                "fields": CARD_FIELDS,
                "description": _("Published content shown as cards below the text, with a link to its page."),
            },
        ),
        (
            _("Sending"),
            {
                "fields": [
                    "links",
                    "state",
                    "scheduled_at",
                    "pause_reason_shown",
                    "sending_started_at",
                    "sent_at",
                ],
                "description": _(
                    "Save, check the preview, then choose an action below: send a test to yourself, "
                    "send now, or schedule for the date and time given here."
                ),
            },
        ),
    ]
    actions = ["send_test", "send_now", "schedule_issue", "pause_issue", "resume_issue", "cancel_issue"]

    # A restore brings back the text and the cards, never the sending's state or time.
    restore_keeps_fields = ["state", "scheduled_at"]

    def has_send_permission(self, request):
        return request.user.has_perm(SEND_PERMISSION)

    def can_restore(self, request, obj):
        # What went out stays as it was sent.
        return super().can_restore(request, obj) and obj.is_editable

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and not obj.is_editable:
            # What went out stays as it was sent.
            readonly += [name for name in self.get_form(request).base_fields if name not in readonly] + [
                "scheduled_at"
            ]
        return readonly

    def get_form(self, request, obj=None, **kwargs):
        if obj is not None and not obj.is_editable:
            kwargs["fields"] = []
        return super().get_form(request, obj, **kwargs)

    @admin.display(description=_("reason for the pause"))
    def pause_reason_shown(self, obj):
        return obj.pause_reason or "—"

    @admin.display(description=_("preview and progress"))
    def links(self, obj):
        if not obj.pk:
            return _("Save the issue to preview it.")
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("admin:newsletter_newsletterissue_preview", args=[obj.pk]),
            _("Preview, in each language"),
            reverse("admin:newsletter_newsletterissue_progress", args=[obj.pk]),
            _("Sending progress"),
        )

    def _each(self, request, queryset, operation, done_message):
        for issue in queryset:
            try:
                operation(issue)
            except sending.SendingRefused as refused:
                for problem in refused.problems:
                    self.message_user(request, f"{issue}: {problem}", messages.ERROR)
            else:
                self.message_user(request, done_message % {"issue": issue}, messages.SUCCESS)

    @admin.action(
        description=_("Send a test to my address"),
        permissions=["view"],
        location=[ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM],
    )
    def send_test(self, request, queryset):
        if not request.user.email:
            self.message_user(
                request, _("Your account has no e-mail address: add one to receive tests."), messages.ERROR
            )
            return
        for issue in queryset:
            sending.queue_test(issue, [request.user.email])
            self.message_user(
                request,
                _(
                    "A test of “%(issue)s” in each language is queued for %(email)s: the worker sends it "
                    "within a few seconds."
                )
                % {"issue": issue, "email": request.user.email},
                messages.SUCCESS,
            )

    @admin.action(
        description=_("Send now to every confirmed subscriber"),
        permissions=["send"],
        location=[ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM],
    )
    def send_now(self, request, queryset):
        self._each(request, queryset, sending.start_sending, _("“%(issue)s” is being sent."))

    @admin.action(
        description=_("Schedule for the date and time given"),
        permissions=["send"],
        location=[ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM],
    )
    def schedule_issue(self, request, queryset):
        def schedule(issue):
            if issue.scheduled_at is None:
                raise sending.SendingRefused([_("Give the date and time to send it, save, then schedule.")])
            sending.schedule(issue, issue.scheduled_at)

        self._each(request, queryset, schedule, _("“%(issue)s” is scheduled."))

    @admin.action(
        description=_("Pause sending"),
        permissions=["send"],
        location=[ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM],
    )
    def pause_issue(self, request, queryset):
        self._each(request, queryset, sending.pause, _("“%(issue)s”: sending paused."))

    @admin.action(
        description=_("Resume sending"),
        permissions=["send"],
        location=[ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM],
    )
    def resume_issue(self, request, queryset):
        self._each(request, queryset, sending.resume, _("“%(issue)s”: sending resumed."))

    @admin.action(
        description=_("Cancel (nothing more is sent)"),
        permissions=["send"],
        location=[ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM],
    )
    def cancel_issue(self, request, queryset):
        self._each(request, queryset, sending.cancel, _("“%(issue)s” is cancelled."))

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(function)

        return [
            path("<int:pk>/preview/", view(self.preview_view), name="newsletter_newsletterissue_preview"),
            path(
                "<int:pk>/preview/<str:language>.html",
                view(self.preview_html_view),
                name="newsletter_newsletterissue_preview_html",
            ),
            path("<int:pk>/progress/", view(self.progress_view), name="newsletter_newsletterissue_progress"),
            path(
                "draft-from-changes/",
                view(self.draft_from_changes_view),
                name="newsletter_newsletterissue_draft_from_changes",
            ),
            *super().get_urls(),
        ]

    def _issue(self, request, pk):
        issue = NewsletterIssue.objects.filter(pk=pk).first()
        if issue is None:
            raise Http404
        if not self.has_view_or_change_permission(request, issue):
            raise PermissionDenied
        return issue

    def preview_view(self, request, pk):
        """The issue as subscribers receive it: the HTML part (sandboxed iframes) and the text part."""
        issue = self._issue(request, pk)
        previews = []
        for code, name in settings.LANGUAGES:
            rendered = rendering.with_sample_unsubscribe_link(rendering.render_issue(issue, code))
            previews.append(
                {
                    "code": code,
                    "name": name,
                    "subject": rendered.subject,
                    "text": rendered.text,
                    "html_url": reverse("admin:newsletter_newsletterissue_preview_html", args=[pk, code]),
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": issue,
            "title": _("Preview of “%(issue)s”") % {"issue": issue},
            "previews": previews,
        }
        return TemplateResponse(request, "admin/newsletter/newsletterissue/preview.html", context)

    def preview_html_view(self, request, pk, language):
        issue = self._issue(request, pk)
        if language not in dict(settings.LANGUAGES):
            raise Http404
        html = rendering.with_sample_unsubscribe_link(rendering.render_issue(issue, language)).html
        return preview_response(html)

    def draft_from_changes_view(self, request):
        """POST: a new draft listing what changed since the last sent issue; then its page, to edit it."""
        if request.method != "POST":
            return redirect("admin:newsletter_newsletterissue_changelist")
        if not self.has_add_permission(request):
            raise PermissionDenied
        issue = drafts.create_draft_from_changes()
        self.log_addition(request, issue, [{"added": {}}])
        self.message_user(
            request,
            _("A draft listing what changed since the last issue was created: rewrite it, then preview it."),
            messages.SUCCESS,
        )
        return redirect("admin:newsletter_newsletterissue_change", issue.pk)

    def progress_view(self, request, pk):
        issue = self._issue(request, pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": issue,
            "title": _("Sending “%(issue)s”") % {"issue": issue},
            "progress": sending.progress(issue),
            "refresh": issue.state == NewsletterIssue.State.SENDING,
            "failures": issue.deliveries.filter(state=Delivery.State.FAILED).select_related("subscriber")[
                :50
            ],
        }
        return TemplateResponse(request, "admin/newsletter/newsletterissue/progress.html", context)


@csp_override(PREVIEW_CSP)
@xframe_options_sameorigin
def preview_response(html):
    return HttpResponse(html)
