"""`manage.py restore DIR`: checks a backup's checksums, then restores its database and media files."""

from django.core.management.base import BaseCommand, CommandError

from angers_intl.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` into an empty database and media folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the backup folder (with its manifest.json)")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace the current database and media files instead of requiring empty ones",
        )

    def handle(self, *args, folder, replace, **options):
        try:
            manifest = restore_backup(folder, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']} from {folder} "
                f"({len(manifest['files'])} files checked)."
            )
        )
