"""Sending an issue through the real worker code into a real SMTP server (aiosmtpd on loopback)."""

import pytest

from newsletter import sending
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
