"""The admin site, named after the site itself: its header and title are the site profile's title (in
the staff member's language), and the site profile is reached as its one form, never as a list of one row.

Its index opens on the staff dashboard (angers_intl/dashboard.py), which staff can download as CSV.

It also holds the second step of the sign-in (angers_intl/sign_in.py): a session that still owes a
two-factor code has no permission here, and its sign-in page sends it to the code (or enrolment) page."""

from django.contrib import admin
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class SiteAdminSite(admin.AdminSite):
    # Until a site profile exists.
    site_header = _("International relations")
    site_title = _("International relations")
    index_title = _("Administration")

    def has_permission(self, request):
        from . import sign_in

        return super().has_permission(request) and not sign_in.second_step_needed(request.user)

    def login(self, request, extra_context=None):
        from . import sign_in

        user = request.user
        if request.method == "GET" and user.is_active and user.is_staff and sign_in.second_step_needed(user):
            return redirect(sign_in.second_step_url(request))
        return super().login(request, extra_context)

    def get_urls(self):
        from . import sign_in
        from .markdown_preview import markdown_preview_view

        views = sign_in.admin_views(self)
        return [
            path("markdown-preview/", self.admin_view(markdown_preview_view), name="markdown_preview"),
            path("two-factor/", views["verify"], name="two_factor_verify"),
            path("two-factor/setup/", views["setup"], name="two_factor_setup"),
            path("two-factor/sign-out/", views["cancel"], name="two_factor_cancel"),
            path("dashboard.csv", self.admin_view(self.dashboard_export), name="dashboard_export"),
            path("translations/", self.admin_view(self.translation_report_view), name="translation_report"),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        from .dashboard import dashboard_for

        extra_context = {"dashboard": dashboard_for(request.user), **(extra_context or {})}
        return super().index(request, extra_context)

    def dashboard_export(self, request):
        """The dashboard's lines as CSV, in the staff member's language, as they see it (their permissions)."""
        from .dashboard import dashboard_csv, dashboard_for, dashboard_rows

        dashboard = dashboard_for(request.user)
        rows = dashboard_rows(dashboard, lambda path: request.build_absolute_uri(path) if path else "")
        response = StreamingHttpResponse(dashboard_csv(rows), content_type="text/csv; charset=utf-8")
        filename = f"dashboard-{dashboard.today.isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response

    def translation_report_view(self, request):
        """What is missing or outdated in English (angers_intl/translation_report.py), for the kinds of
        content the staff member may view."""
        from django.template.response import TemplateResponse

        from .translation_report import translation_gaps

        request.current_app = self.name
        context = {
            **self.each_context(request),
            "title": _("Translations to do"),
            "subtitle": None,
            "groups": [
                (capfirst(model._meta.verbose_name_plural), gaps)
                for model, gaps in translation_gaps(request.user)
            ],
        }
        return TemplateResponse(request, "admin/translation_report.html", context)

    def each_context(self, request):
        from .models import SiteProfile

        context = super().each_context(request)
        # The same object as the templates' `site_profile`: one query per request for both.
        title = SiteProfile.for_request(request).site_title
        if title:
            context["site_header"] = title
            context["site_title"] = title
        return context

    def get_app_list(self, request, app_label=None):
        from .models import SiteProfile

        app_list = super().get_app_list(request, app_label)
        for app in app_list:
            for model in app["models"]:
                if model["model"] is SiteProfile and model["admin_url"]:
                    model["admin_url"] = self.site_profile_url(request)
                    # One profile: the link names it in the singular.
                    model["name"] = capfirst(SiteProfile._meta.verbose_name)
        return app_list

    def site_profile_url(self, request):
        """The change form of the one site profile, or the add form while there is none."""
        from .models import SiteProfile

        profile = SiteProfile.for_request(request)
        if profile.pk:
            return reverse("admin:angers_intl_siteprofile_change", args=[profile.pk], current_app=self.name)
        return reverse("admin:angers_intl_siteprofile_add", current_app=self.name)
