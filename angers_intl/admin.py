from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from .models import SiteProfile


@admin.register(SiteProfile)
class SiteProfileAdmin(TabbedTranslationAdmin):
    list_display = ["site_title", "city_name", "contact_email"]

    def has_add_permission(self, request):
        # One profile per site.
        return not SiteProfile.objects.exists() and super().has_add_permission(request)
