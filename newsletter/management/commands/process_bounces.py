"""Feed bounces and complaints back from a maildir: run from cron (docs/operations.md)."""

import mailbox

from django.core.management.base import BaseCommand, CommandError

from newsletter import bounces


class Command(BaseCommand):
    help = (
        "Read the bounce reports (RFC 3464) and complaints (RFC 5965) of a maildir and stop sending to "
        "addresses that bounced for good or complained."
    )

    def add_arguments(self, parser):
        parser.add_argument("maildir", help="Path of the maildir the bounce address delivers to.")

    def handle(self, *args, maildir, **options):
        try:
            summary = bounces.process_maildir(maildir)
        except mailbox.NoSuchMailboxError:
            raise CommandError(f"{maildir} is not a maildir (it needs new/, cur/ and tmp/).") from None
        self.stdout.write(
            f"{summary.hard} hard bounce(s), {summary.soft} soft bounce(s), {summary.complaints} complaint(s); "
            f"{summary.suppressed} address(es) no longer sent to; {summary.unmatched} report(s) about no "
            f"subscriber; {summary.not_reports} message(s) that are not reports (left unread)."
        )
