"""Fixtures for the newsletter tests: staff, a real SMTP server, the worker, forms sent the way a browser
sends them. (The cache, holding the rate-limit counters, is emptied around every test by tests/conftest.py.)"""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from newsletter.staff import NEWSLETTER_GROUP

from .helpers import PAGE, UNSUBSCRIBE_PAGE, form_fields


@pytest.fixture
def subscribe(client):
    """Send the subscription form of the newsletter page of `page_language` (default: `language`)."""

    def send(email, language="fr", page_language=None, **extra):
        page_language = page_language or language
        data = form_fields(email=email, language=language, source=PAGE[page_language])
        data.update(extra)
        return client.post(PAGE[page_language], data)

    return send


@pytest.fixture
def ask_unsubscribe_link(client):
    """Send the 'send me an unsubscribe link' form."""

    def send(email, page_language="fr", **extra):
        data = form_fields(email=email)
        data.update(extra)
        return client.post(UNSUBSCRIBE_PAGE[page_language], data)

    return send


@pytest.fixture
def newsletter_staff(db):
    """A staff member of the Newsletter group, which `migrate` sets up."""
    user = User.objects.create_user("newsletter-staff", is_staff=True)
    user.groups.add(Group.objects.get(name=NEWSLETTER_GROUP))
    return user


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback, and Django's default mailer pointed at it (as in production)."""
    from .smtp import SmtpServer

    with SmtpServer() as server:
        settings.MAILERS = server.mailers_setting()
        yield server.handler


@pytest.fixture
def sending_settings(settings):
    """Production-like sending: an https site address, the database task queue, no rate limit, short lease."""
    settings.SITE_BASE_URL = "https://international.example.org"
    settings.DEFAULT_FROM_EMAIL = "lettre@international.example.org"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.NEWSLETTER_SEND_RATE = 0
    settings.NEWSLETTER_SEND_LEASE_SECONDS = 3
    settings.NEWSLETTER_RETRY_BASE_SECONDS = 60
    return settings


@pytest.fixture
def run_worker(monkeypatch):
    """Run `manage.py db_worker --batch` here: every task due now, then it stops (signal handlers restored).

    In this process the worker shares the test's connection, inside the test's transaction: its
    `close_old_connections()` between tasks would close it on PostgreSQL (CONN_MAX_AGE 0), so it is a no-op
    here. The real worker process is tested in test_worker_crash.py."""
    import signal

    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
        try:
            call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
        finally:
            for sig, handler in handlers.items():
                signal.signal(sig, handler)

    return run
