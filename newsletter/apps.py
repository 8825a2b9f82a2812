from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        # Staff groups are setup, not content: granted after every migrate (and test database flush).
        from .staff import grant_staff_permissions

        post_migrate.connect(grant_staff_permissions, sender=self)

        from . import checks  # noqa: F401 - registers the deployment checks
