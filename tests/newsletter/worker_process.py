"""A throwaway SQLite file database and `manage.py db_worker` processes that share it (the kill -9 test).

The worker runs as a separate process, as in production, so the database must be one another process can
see: a SQLite file made for the test (never the in-memory test database, never db.sqlite3).
"""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SEED = """
from django.utils import timezone
from newsletter import sending
from newsletter.consent import CONSENT_VERSION
from newsletter.models import NewsletterIssue, Subscriber

now = timezone.now()
Subscriber.objects.bulk_create(
    [
        Subscriber(
            email=f"reader{number}@example.org", language="fr" if number % 2 else "en",
            form_language="fr", consent_version=CONSENT_VERSION, subscribed_at=now, confirmed_at=now,
            status=Subscriber.Status.CONFIRMED,
        )
        for number in range({count})
    ],
    batch_size=1000,
)
issue = NewsletterIssue.objects.create(
    subject_fr="Des nouvelles", subject_en="News", body_fr="Bonjour.", body_en="Hello.",
)
sending.start_sending(issue)
"""


class WorkerSite:
    """A database file, the environment that points Django (web or worker) at it and at an SMTP server."""

    def __init__(self, directory, smtp_port, **settings):
        self.database = Path(directory) / "newsletter-send.sqlite3"
        self.env = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "test-only-secret-key-not-for-production-0123456789abcdef",
            "DJANGO_ALLOWED_HOSTS": "localhost,testserver",
            "DATABASE_URL": f"sqlite:///{self.database}",
            "SITE_BASE_URL": "https://international.example.org",
            "DEFAULT_FROM_EMAIL": "lettre@international.example.org",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_USE_TLS": "0",
            "DJANGO_LOG_LEVEL": "ERROR",
            **{name: str(value) for name, value in settings.items()},
        }
        self.env.pop("DJANGO_SETTINGS_MODULE", None)

    def manage(self, *args):
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True, capture_output=True
        )

    def prepare(self, subscribers):
        """Migrate the empty file, add confirmed subscribers and start sending one issue to them."""
        self.manage("migrate", "--noinput")
        self.manage("shell", "-c", SEED.replace("{count}", str(subscribers)))

    def start_worker(self):
        return subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--no-startup-delay",
                "--no-reload",
                "--interval",
                "0.2",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def query(self, sql):
        with sqlite3.connect(self.database, timeout=20) as connection:
            return connection.execute(sql).fetchall()

    def issue_state(self):
        return self.query("SELECT state FROM newsletter_newsletterissue")[0][0]

    def wait_for(self, condition, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.05)
        return False
