"""Write the database's content into a folder, in the format `load_content` reads (docs/content-format.md).

The export is canonical, so two exports of the same content are identical files: stable order, no database
ids, no dates of export or of last change, image files named after slugs, paths relative to the folder.
"""

from django.core.management.base import BaseCommand, no_translations

from angers_intl.content_format import export_folder


class Command(BaseCommand):
    help = "Write the site's content (site profile, partner cities, networks…) as a content folder of YAML files."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the folder to write (created if needed; its files are replaced)")

    @no_translations
    def handle(self, *args, folder, **options):
        for label, count in export_folder(folder):
            self.stdout.write(f"{label}: {count} written")
        self.stdout.write(self.style.SUCCESS(f"Content is exported to {folder}."))
