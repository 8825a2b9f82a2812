from django.apps import AppConfig, apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class AngersIntlConfig(AppConfig):
    name = "angers_intl"
    verbose_name = _("Site")


def project_app_configs():
    """Our own apps (those inside the project folder), in INSTALLED_APPS order."""
    base = str(settings.BASE_DIR)
    return [config for config in apps.get_app_configs() if config.path.startswith(base)]
