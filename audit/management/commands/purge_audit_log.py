"""Delete audit log entries older than the retention period: run daily from cron (docs/operations.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from audit import services


class Command(BaseCommand):
    help = "Delete audit log entries older than --days days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.AUDIT_LOG_RETENTION_DAYS,
            help="Age in days beyond which entries are deleted (default: AUDIT_LOG_RETENTION_DAYS, %(default)s).",
        )

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        deleted = services.purge_expired_entries(retention_days=days)
        self.stdout.write(
            f"{deleted} audit log entr{'y' if deleted == 1 else 'ies'} older than {days} day(s) deleted."
        )
