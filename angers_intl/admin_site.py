"""The admin site, named after the site itself: its header and title are the site profile's title (in
the staff member's language), and the site profile is reached as its one form, never as a list of one row."""

from django.contrib import admin
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class SiteAdminSite(admin.AdminSite):
    # Until a site profile exists.
    site_header = _("International relations")
    site_title = _("International relations")
    index_title = _("Administration")

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
