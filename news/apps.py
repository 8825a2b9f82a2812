from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and events")

    def ready(self):
        # Staff groups are setup, not content: granted after every migrate (and test database flush).
        from .staff import grant_staff_permissions

        post_migrate.connect(grant_staff_permissions, sender=self)
