from django.contrib import admin

from .models import LegalPage, LegalPageKind, SiteProfile
from .translation_admin import SiteTranslationAdmin


@admin.register(SiteProfile)
class SiteProfileAdmin(SiteTranslationAdmin):
    list_display = ["site_title", "city_name", "contact_email"]

    def has_add_permission(self, request):
        # One profile per site.
        return not SiteProfile.objects.exists() and super().has_add_permission(request)


@admin.register(LegalPage)
class LegalPageAdmin(SiteTranslationAdmin):
    list_display = ["title", "slug", "updated_at"]
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request):
        # One page per kind: once all exist, there is only editing left.
        return LegalPage.objects.count() < len(LegalPageKind) and super().has_add_permission(request)

    def get_readonly_fields(self, request, obj=None):
        # Which page a text belongs to is chosen once; its URL depends on it.
        return [*self.readonly_fields, "slug"] if obj else self.readonly_fields
