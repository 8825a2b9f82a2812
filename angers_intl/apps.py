from django.apps import AppConfig, apps
from django.conf import settings
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class AngersIntlConfig(AppConfig):
    name = "angers_intl"
    verbose_name = _("Site")

    def ready(self):
        # Staff groups are setup, not content: granted after every migrate (and test database flush).
        from .staff import grant_staff_permissions

        post_migrate.connect(grant_staff_permissions, sender=self)
        # Renditions and any other decoding refuse a pixel bomb too (Pillow raises above twice this).
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = settings.IMAGE_UPLOAD_MAX_PIXELS

        # Any public record saved or deleted: the cached page fragments are out of date.
        from .fragments import bump_content_version

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(bump_content_version, dispatch_uid="fragments-content-version")


def project_app_configs():
    """Our own apps (those inside the project folder), in INSTALLED_APPS order."""
    base = str(settings.BASE_DIR)
    return [config for config in apps.get_app_configs() if config.path.startswith(base)]


class SiteAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, with our `SiteAdminSite` as `admin.site` (named in INSTALLED_APPS)."""

    default = False  # AngersIntlConfig stays this module's default app config
    default_site = "angers_intl.admin_site.SiteAdminSite"
