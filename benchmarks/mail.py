"""Benchmark: one newsletter issue to 10,000 confirmed subscribers through the real worker.

    make bench-mail                                   # its own SQLite file and its own aiosmtpd sink
    BENCH_SMTP_HOST=127.0.0.1 BENCH_SMTP_PORT=2525 make bench-mail   # an SMTP sink already running
    BENCH_RECIPIENTS=2000 make bench-mail             # fewer recipients

A throwaway SQLite file database (never db.sqlite3; DATABASE_URL names another one, which is migrated and
filled), an https SITE_BASE_URL (so every message carries the one-click headers), no rate limit, and
`manage.py db_worker` as a separate process, as in production. The sink is plain SMTP on loopback.
With its own sink, `delivered` and `duplicates` are what the sink received; with an outside sink, what our
per-recipient rows say. The worker's memory (VmRSS) is sampled while it sends: `rss_mib_first_tenth` and
`rss_mib_last_tenth` show whether it grows with the number of recipients. The last line is a JSON object.
"""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

RECIPIENTS = int(os.environ.get("BENCH_RECIPIENTS", "10000"))
TIMEOUT_SECONDS = 600

SEED = """
from django.utils import timezone
from newsletter import sending
from newsletter.consent import CONSENT_VERSION
from newsletter.models import NewsletterIssue, Subscriber

now = timezone.now()
Subscriber.objects.bulk_create(
    (
        Subscriber(
            email=f"reader{number}@example.org", language="fr" if number % 2 else "en",
            form_language="fr", consent_version=CONSENT_VERSION, subscribed_at=now, confirmed_at=now,
            status=Subscriber.Status.CONFIRMED,
        )
        for number in range(RECIPIENTS)
    ),
    batch_size=2000,
)
issue = NewsletterIssue.objects.create(
    subject_fr="Des nouvelles de nos villes jumelles", subject_en="News from our twin cities",
    preheader_fr="Pise, Haarlem et un nouveau label", preheader_en="Pisa, Haarlem and a new label",
    body_fr="## Bonjour\\n\\nLisez [notre page](/fr/villes-partenaires/) et le reste.\\n\\n" + "Un paragraphe. " * 40,
    body_en="## Hello\\n\\nRead [our page](/en/partner-cities/) and the rest.\\n\\n" + "A paragraph. " * 40,
)
sending.start_sending(issue)
"""


def rss_kib(pid, field="VmRSS"):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except FileNotFoundError:
        return None
    return None


def main():
    scratch = Path(tempfile.mkdtemp(prefix="angers-bench-mail-"))
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{scratch / 'bench-mail.sqlite3'}"
    outside_sink = bool(os.environ.get("BENCH_SMTP_HOST") and os.environ.get("BENCH_SMTP_PORT"))
    sink = None
    if outside_sink:
        host, port = os.environ["BENCH_SMTP_HOST"], int(os.environ["BENCH_SMTP_PORT"])
    else:
        from tests.newsletter.smtp import SmtpServer

        sink = SmtpServer().__enter__()
        host, port = "127.0.0.1", sink.port
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "benchmark-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": database_url,
        "SITE_BASE_URL": "https://international.example.org",
        "DEFAULT_FROM_EMAIL": "lettre@international.example.org",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": host,
        "EMAIL_PORT": str(port),
        "EMAIL_USE_TLS": "0",
        "NEWSLETTER_SEND_RATE": "0",
        "NEWSLETTER_SEND_BATCH_SIZE": "200",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run(  # noqa: S603 - our own manage.py
        [*manage, "migrate", "--noinput"], cwd=BASE_DIR, env=env, check=True, capture_output=True
    )
    seed = SEED.replace("RECIPIENTS", str(RECIPIENTS))
    subprocess.run([*manage, "shell", "-c", seed], cwd=BASE_DIR, env=env, check=True)  # noqa: S603
    sys.stdout.write(f"database: {database_url}; sink: {host}:{port}; {RECIPIENTS} recipients\n")
    sys.stdout.flush()

    def rows(sql):
        if not database_url.startswith("sqlite:///"):
            raise SystemExit("Counting rows is written for the SQLite file this benchmark makes.")
        with sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=30) as connection:
            return connection.execute(sql).fetchall()

    started = time.monotonic()
    worker = subprocess.Popen(  # noqa: S603 - our own manage.py
        [*manage, "db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.2"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    samples = []  # (messages sent so far, worker RSS in KiB)
    try:
        while time.monotonic() - started < TIMEOUT_SECONDS:
            time.sleep(0.5)
            sent = rows("SELECT count(*) FROM newsletter_delivery WHERE state = 'sent'")[0][0]
            samples.append((sent, rss_kib(worker.pid)))
            if rows("SELECT state FROM newsletter_newsletterissue")[0][0] in ("sent", "paused", "cancelled"):
                break
        seconds = time.monotonic() - started
        peak_kib = rss_kib(worker.pid, "VmHWM")
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    if sink is not None:
        counts = sink.handler.counts()
        delivered, duplicates = len(counts), sum(count - 1 for count in counts.values())
        sink.__exit__(None, None, None)
    else:
        delivered = rows("SELECT count(*) FROM newsletter_delivery WHERE state = 'sent'")[0][0]
        duplicates = 0  # One row per (issue, subscriber), sent once; the sink's own count is outside.

    def rss_mib_at(fraction_low, fraction_high):
        values = [
            rss
            for sent, rss in samples
            if rss and fraction_low * RECIPIENTS <= sent <= fraction_high * RECIPIENTS
        ]
        return round(max(values) / 1024, 1) if values else None

    state = rows("SELECT state, pause_code, pause_details FROM newsletter_newsletterissue")[0]
    result = {
        "database": "SQLite file" if database_url.startswith("sqlite") else database_url.split("@")[-1],
        "recipients": RECIPIENTS,
        "delivered": delivered,
        "duplicates": duplicates,
        "issue_state": state[0],
        "seconds": round(seconds, 1),
        "messages_per_second": round(delivered / seconds, 1) if seconds else None,
        "peak_rss_mib": round(peak_kib / 1024, 1) if peak_kib else None,
        "rss_mib_first_tenth": rss_mib_at(0.0, 0.1),
        "rss_mib_last_tenth": rss_mib_at(0.9, 1.0),
    }
    if state[1]:
        result["pause_reason"] = f"{state[1]} {state[2]}"
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
