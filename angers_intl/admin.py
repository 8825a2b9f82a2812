from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import LegalPage, LegalPageKind, SiteProfile
from .staff import may_manage_account
from .translation_admin import SiteTranslationAdmin


@admin.register(SiteProfile)
class SiteProfileAdmin(SiteTranslationAdmin):
    """One form: the list of one row redirects to it (and the admin index links straight to it)."""

    fieldsets = [
        (_("Identity"), {"fields": ["city_name", "site_title", "tagline", "intro", "logo", "logo_alt"]}),
        (_("Sharing on social media"), {"fields": ["share_image", "share_image_alt"]}),
        (
            _("Social media accounts"),
            {
                "fields": [
                    "mastodon_url",
                    "bluesky_url",
                    "linkedin_url",
                    "facebook_url",
                    "instagram_url",
                    "youtube_url",
                    "peertube_url",
                ]
            },
        ),
        (_("Contact"), {"fields": ["contact_email", "contact_phone", "postal_address", "website"]}),
        (_("Legal notice"), {"fields": ["publisher", "publication_director", "host"]}),
        (_("Newsletter"), {"fields": ["newsletter_sender_name"]}),
    ]

    def has_add_permission(self, request):
        # One profile per site (read once per request: every admin page's sidebar asks).
        return SiteProfile.for_request(request).pk is None and super().has_add_permission(request)

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return redirect(self.admin_site.site_profile_url(request))


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


# django-otp registers its own TOTP admin, which shows the secrets and untranslated labels: staff enrol on
# the admin's two-factor page (angers_intl/sign_in.py); here an administrator only sees the devices and
# deletes the one of a lost phone (its owner then enrols again at the next sign-in). Administrators (the
# Administration group) have the view and delete permissions; nobody adds or changes a device here.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class TwoFactorDeviceAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__email"]
    list_select_related = ["user"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# Staff accounts: the Administration group manages them without being superusers (angers_intl/staff.py).
admin.site.unregister(User)


@admin.register(User)
class StaffAccountAdmin(UserAdmin):
    superuser_only_fields = ("is_superuser", "user_permissions")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (
                name,
                {**options, "fields": [f for f in options["fields"] if f not in self.superuser_only_fields]},
            )
            for name, options in fieldsets
        ]

    def get_list_filter(self, request):
        return self.list_filter if request.user.is_superuser else ["is_staff", "is_active", "groups"]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_manage_account(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_manage_account(request.user, obj))
