"""Delete subscriptions nobody confirmed: run daily from cron (docs/operations.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsletter import services


class Command(BaseCommand):
    help = "Delete newsletter subscriptions left unconfirmed for more than --days days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.NEWSLETTER_PURGE_UNCONFIRMED_AFTER_DAYS,
            help="Age in days of the latest subscription request (default: "
            "NEWSLETTER_PURGE_UNCONFIRMED_AFTER_DAYS, %(default)s).",
        )

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        deleted = services.purge_unconfirmed(older_than_days=days)
        self.stdout.write(f"{deleted} unconfirmed subscription(s) older than {days} day(s) deleted.")
