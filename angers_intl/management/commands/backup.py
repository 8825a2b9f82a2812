"""`manage.py backup DIR`: the database and the media files into DIR, with a manifest of checksums."""

from django.core.management.base import BaseCommand, CommandError

from angers_intl.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump custom format, or SQLite's online copy) and the media files into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a new or empty folder (one per backup)")

    def handle(self, *args, folder, **options):
        try:
            manifest = create_backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = sum(entry["size"] for entry in manifest["files"].values())
        media = sum(1 for name in manifest["files"] if name.startswith("media/"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {folder}: {manifest['engine']} database and {media} media files, "
                f"{size / 1024 / 1024:.1f} MiB, checksums in manifest.json."
            )
        )
