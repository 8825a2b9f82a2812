"""Sending an issue through the real worker code into a real SMTP server (aiosmtpd on loopback)."""

import time

import pytest
from django.utils import timezone, translation

from newsletter import sending, services
from newsletter.models import Delivery, NewsletterIssue

from .issues import confirmed, issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail(sending_settings, smtp_server, site_profile):
    return smtp_server


def send_now(newsletter_issue, django_capture_on_commit_callbacks, run_worker):
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(newsletter_issue)
    run_worker()
    newsletter_issue.refresh_from_db()


def test_each_subscriber_gets_the_issue_once_in_their_language(
    mail, django_capture_on_commit_callbacks, run_worker
):
    confirmed("ana@example.org", "fr")
    confirmed("ben@example.org", "en")
    newsletter_issue = issue()

    send_now(newsletter_issue, django_capture_on_commit_callbacks, run_worker)

    assert newsletter_issue.state == NewsletterIssue.State.SENT
    assert mail.counts() == {"ana@example.org": 1, "ben@example.org": 1}
    [french] = mail.received("ana@example.org")
    [english] = mail.received("ben@example.org")
    assert french["Subject"] == "Des nouvelles de nos villes jumelles"
    assert english["Subject"] == "News from our twin cities"
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}
    assert all(
        answer.startswith("250") for answer in Delivery.objects.values_list("smtp_response", flat=True)
    )


def test_the_rate_limit_spaces_the_messages(mail, settings, django_capture_on_commit_callbacks, run_worker):
    settings.NEWSLETTER_SEND_RATE = 20
    for number in range(6):
        confirmed(f"reader{number}@example.org")
    newsletter_issue = issue()
    started = time.monotonic()
    send_now(newsletter_issue, django_capture_on_commit_callbacks, run_worker)
    assert time.monotonic() - started >= 5 / 20  # six messages at 20 per second: five gaps of 50 ms
    assert len(mail.received()) == 6


def test_pause_then_resume_sends_the_rest_once(mail, django_capture_on_commit_callbacks, run_worker):
    for number in range(4):
        confirmed(f"reader{number}@example.org")
    newsletter_issue = issue()
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(newsletter_issue)
    with translation.override("en"):
        sending.pause(newsletter_issue)
    run_worker()  # the queued send finds the issue paused: nothing goes out
    assert mail.received() == []
    newsletter_issue.refresh_from_db()
    assert newsletter_issue.state == NewsletterIssue.State.PAUSED
    # Stored as a code: each staff member reads it in their own admin language.
    assert newsletter_issue.pause_code == "staff"
    with translation.override("en"):
        assert newsletter_issue.pause_reason == "Paused by staff."
    with translation.override("fr"):
        assert newsletter_issue.pause_reason == "Suspendu par l’équipe."

    with django_capture_on_commit_callbacks(execute=True):
        sending.resume(newsletter_issue)
    run_worker()
    newsletter_issue.refresh_from_db()
    assert newsletter_issue.state == NewsletterIssue.State.SENT
    assert mail.counts() == {f"reader{number}@example.org": 1 for number in range(4)}


def test_a_server_refusing_everything_pauses_the_send_with_its_answer(
    mail, settings, django_capture_on_commit_callbacks, run_worker
):
    settings.NEWSLETTER_PAUSE_AFTER_REFUSALS = 3
    for number in range(5):
        confirmed(f"reader{number}@example.org")
    mail.refuse["*"] = "554 5.7.1 Relay access denied"
    newsletter_issue = issue()
    send_now(newsletter_issue, django_capture_on_commit_callbacks, run_worker)

    assert newsletter_issue.state == NewsletterIssue.State.PAUSED
    # The worker has no staff language: the reason is a code and the server's own answer, put into words
    # when staff read it, in their language.
    assert newsletter_issue.pause_details == {"count": 3, "answer": "554 5.7.1 Relay access denied"}
    with translation.override("en"):
        assert newsletter_issue.pause_reason == (
            "The mail server refused 3 messages in a row, the last with: 554 5.7.1 Relay access denied"
        )
    with translation.override("fr"):
        assert newsletter_issue.pause_reason == (
            "Le serveur de messagerie a refusé 3 messages de suite, le dernier avec : "
            "554 5.7.1 Relay access denied"
        )
    assert mail.received() == []
    assert set(Delivery.objects.values_list("state", flat=True)) == {Delivery.State.PENDING}


def test_permanent_failures_are_recorded_and_temporary_ones_retried_later(
    mail, django_capture_on_commit_callbacks, run_worker
):
    confirmed("gone@example.org")
    confirmed("busy@example.org")
    confirmed("fine@example.org")
    mail.refuse["gone@example.org"] = "550 5.1.1 No such user"
    mail.refuse["busy@example.org"] = "451 4.7.1 Try again later"
    newsletter_issue = issue()
    send_now(newsletter_issue, django_capture_on_commit_callbacks, run_worker)

    gone = Delivery.objects.get(subscriber__email="gone@example.org")
    busy = Delivery.objects.get(subscriber__email="busy@example.org")
    assert (gone.state, gone.attempts, gone.smtp_response) == ("failed", 1, "550 5.1.1 No such user")
    assert (busy.state, busy.attempts) == ("pending", 1)
    assert busy.next_attempt_at > timezone.now()  # retried after the back-off, by a task queued for then
    assert newsletter_issue.state == NewsletterIssue.State.SENDING
    assert mail.counts() == {"fine@example.org": 1}


def test_someone_who_unsubscribes_during_a_send_gets_nothing_more(
    mail, django_capture_on_commit_callbacks, run_worker
):
    stays = confirmed("stays@example.org")
    leaves = confirmed("leaves@example.org")
    newsletter_issue = issue()
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(newsletter_issue)
    sending.prepare_deliveries(newsletter_issue)
    assert Delivery.objects.filter(subscriber=leaves).exists()
    services.unsubscribe_subscriber(leaves)
    erased = confirmed("erased@example.org")
    Delivery.objects.create(issue=newsletter_issue, subscriber=erased, language="fr")
    services.erase_subscriber(erased)
    run_worker()

    assert mail.counts() == {stays.email: 1}
    assert not Delivery.objects.filter(
        subscriber__email__in=["leaves@example.org", "erased@example.org"]
    ).exists()
