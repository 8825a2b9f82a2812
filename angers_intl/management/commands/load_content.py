"""Load the city's content: each of our apps with a `content` package gets its `load(stdout)` called.

Idempotent and keyed on slugs: it creates what is missing and never overwrites what staff edited.
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from angers_intl.apps import project_app_configs


class Command(BaseCommand):
    help = "Create the city's content (site profile, partner cities, networks…) where it is missing."

    def handle(self, *args, **options):
        for app_config in project_app_configs():
            if not module_has_submodule(app_config.module, "content"):
                continue
            loader = import_module(f"{app_config.name}.content")
            with transaction.atomic():
                loader.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Content is loaded."))
