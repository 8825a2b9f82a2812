"""Exactly once, even after `kill -9`: a real `db_worker` process, killed mid-issue, then another started.

The side chosen for the message in flight at the kill (newsletter/sending.py): it may arrive twice, never
not at all. So every confirmed subscriber receives the issue, and at most one of them receives it twice.
"""

import signal

import pytest

from .smtp import SmtpServer
from .worker_process import WorkerSite

SUBSCRIBERS = 30
LEASE_SECONDS = 2


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


def test_a_send_killed_mid_issue_is_resumed_and_reaches_everyone_once(tmp_path, smtp):
    site = WorkerSite(
        tmp_path, smtp.port, NEWSLETTER_SEND_RATE=25, NEWSLETTER_SEND_LEASE_SECONDS=LEASE_SECONDS,
        NEWSLETTER_SEND_BATCH_SIZE=5,
    )  # fmt: skip
    site.prepare(SUBSCRIBERS)

    first = site.start_worker()
    try:
        assert site.wait_for(lambda: smtp.handler.count() >= 10, timeout=30), "nothing sent"
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        first.kill()
    received_at_kill = smtp.handler.count()
    assert received_at_kill < SUBSCRIBERS, "the worker finished before it was killed"
    # The killed worker's task stays RUNNING for ever in django-tasks-db: no worker will run it again.
    assert site.query("SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'") == [
        (1,)
    ]

    second = site.start_worker()
    try:
        # Resumed within the lease (plus the worker's polling): the watchdog task takes the send over.
        assert site.wait_for(lambda: site.issue_state() == "sent", timeout=LEASE_SECONDS + 20), (
            second.stderr.read1().decode() if second.poll() is not None else "not resumed"
        )
    finally:
        second.terminate()
        second.wait(timeout=10)

    counts = smtp.handler.counts()
    expected = {f"reader{number}@example.org" for number in range(SUBSCRIBERS)}
    assert set(counts) == expected, "someone received nothing"
    duplicates = sum(count - 1 for count in counts.values())
    assert duplicates <= 1, f"{duplicates} duplicates: {counts}"
    assert max(counts.values()) <= 2
    assert site.query("SELECT state, count(*) FROM newsletter_delivery GROUP BY state") == [
        ("sent", SUBSCRIBERS)
    ]
    # Each message in its subscriber's language.
    for to, message in smtp.handler.messages:
        number = int(to.removeprefix("reader").split("@")[0])
        assert message["Subject"] == ("Des nouvelles" if number % 2 else "News")
