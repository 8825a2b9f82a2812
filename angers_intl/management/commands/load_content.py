"""Load a city's content folder (docs/content-format.md); without a folder, the bundled one.

Everything is checked before anything is written: on bad data every problem is printed, as "file, record,
field: message", and nothing is stored. Idempotent: a record created once is never created again nor
overwritten, whatever staff did to it since (`angers_intl.content_format`).
"""

from django.core.management.base import BaseCommand, CommandError, no_translations

from angers_intl.content_format import BUNDLED_CONTENT_DIR, ContentErrors, load_folder


class Command(BaseCommand):
    help = (
        "Load a city's content folder (YAML files, docs/content-format.md): create what was never loaded, "
        "never overwrite what staff changed. Without a folder, the bundled content."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", default=str(BUNDLED_CONTENT_DIR), help="the content folder")

    @no_translations
    def handle(self, *args, folder, **options):
        try:
            report = load_folder(folder)
        except ContentErrors as errors:
            for problem in errors.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(errors.problems)} problem(s) in the content folder {folder}: nothing was stored."
            ) from None
        for label, created, kept in report:
            self.stdout.write(f"{label}: {created} created, {kept} kept as they were")
        self.stdout.write(self.style.SUCCESS("Content is loaded."))
