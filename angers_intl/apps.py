from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AngersIntlConfig(AppConfig):
    name = "angers_intl"
    verbose_name = _("Site")

    def ready(self):
        # Staff groups are setup, not content: granted after every migrate (and test database flush).
        from .staff import grant_staff_permissions

        post_migrate.connect(grant_staff_permissions, sender=self)


def project_app_configs():
    """Our own apps (those inside the project folder), in INSTALLED_APPS order."""
    base = str(settings.BASE_DIR)
    return [config for config in apps.get_app_configs() if config.path.startswith(base)]
