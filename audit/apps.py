from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Audit log")

    def ready(self):
        # Sign-ins, publication changes and deletions are recorded whoever makes them (audit/receivers.py).
        from . import receivers

        receivers.connect()

        # The Administration group, after every migrate (and test database flush): audit/staff.py.
        from .staff import grant_staff_permissions

        post_migrate.connect(grant_staff_permissions, sender=self)
