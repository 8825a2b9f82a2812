"""The newsletter's background tasks (Django's task framework; `manage.py db_worker` runs them).

Each is a thin entry point into newsletter/sending.py, where the rules live. Arguments are ids: a task
reads the issue's current state when it runs, not the state it had when it was queued.
"""

from django.tasks import task

from . import sending


@task
def send_issue(issue_id):
    """Send (or go on sending) an issue that is in the "sending" state."""
    sending.run_send(issue_id)


@task
def watch_send(issue_id, lease_owner):
    """Resume a send whose worker stopped renewing its lease (killed, machine lost)."""
    sending.watch_send(issue_id, lease_owner)


@task
def start_scheduled_issue(issue_id):
    """At the scheduled time, start sending an issue that is still scheduled for then."""
    sending.start_scheduled(issue_id)


@task
def send_test_issue(issue_id, addresses):
    """A test of the issue, in each language, to staff `addresses` (queued from the admin)."""
    sending.send_test_now(issue_id, addresses)
