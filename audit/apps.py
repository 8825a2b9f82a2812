from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Audit log")

    def ready(self):
        # Sign-ins, publication changes and deletions are recorded whoever makes them (audit/receivers.py).
        from . import receivers

        receivers.connect()
