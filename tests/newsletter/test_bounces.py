"""Bounces (RFC 3464) and complaints (RFC 5965) read from a maildir stop the newsletter to those addresses."""

import io
import mailbox
from email.message import Message
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest
from django.core.management import CommandError, call_command

from newsletter import sending
from newsletter.models import Delivery, NewsletterIssue, Subscriber

from .issues import confirmed, issue

pytestmark = pytest.mark.django_db

SUBSCRIBER_ADMIN = "/admin/newsletter/subscriber/"


@pytest.fixture
def mail(sending_settings, smtp_server, site_profile):
    return smtp_server


@pytest.fixture
def maildir(tmp_path):
    return mailbox.Maildir(tmp_path / "bounces", create=True)


def send_issue(django_capture_on_commit_callbacks, run_worker, **fields):
    newsletter_issue = issue(**fields)
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(newsletter_issue)
    run_worker()
    newsletter_issue.refresh_from_db()
    return newsletter_issue


def delivery_status_notification(recipient, status, *, action="failed", original=None, headers_only=False):
    """A DSN as a receiving server sends it back: explanation, delivery-status, the original (or its head)."""
    report = MIMEMultipart("report", report_type="delivery-status")
    report["From"] = "MAILER-DAEMON@mx.example.net"
    report["Subject"] = "Undelivered Mail Returned to Sender"
    report.attach(
        MIMEText("This is the mail system at host mx.example.net. I'm sorry to have to inform you…")
    )
    per_message = Message()
    per_message["Reporting-MTA"] = "dns; mx.example.net"
    per_recipient = Message()
    per_recipient["Final-Recipient"] = f"rfc822; {recipient}"
    per_recipient["Original-Recipient"] = f"rfc822;{recipient}"
    per_recipient["Action"] = action
    per_recipient["Status"] = status
    per_recipient["Diagnostic-Code"] = f"smtp; {status.replace('.', '')[:3]} {status} Mailbox problem"
    delivery_status = Message()
    delivery_status.set_type("message/delivery-status")
    delivery_status.set_payload([per_message, per_recipient])
    report.attach(delivery_status)
    if original is not None:
        if headers_only:
            head = "".join(f"{name}: {value}\n" for name, value in original.items())
            report.attach(MIMEText(head, "rfc822-headers"))
        else:
            report.attach(MIMEMessage(original))
    return report


def complaint(recipient, original):
    """An ARF report, as a mailbox provider's feedback loop sends it."""
    report = MIMEMultipart("report", report_type="feedback-report")
    report["From"] = "fbl@provider.example"
    report.attach(MIMEText("This is an email abuse report for an email message received from us."))
    fields = Message()
    fields["Feedback-Type"] = "abuse"
    fields["User-Agent"] = "ProviderFBL/1.0"
    fields["Version"] = "1"
    fields["Original-Rcpt-To"] = f"<{recipient}>"
    feedback = Message()
    feedback.set_type("message/feedback-report")
    feedback.set_payload([fields])
    report.attach(feedback)
    report.attach(MIMEMessage(original))
    return report


def process(maildir):
    out = io.StringIO()
    call_command("process_bounces", maildir._path, stdout=out)
    return out.getvalue()


def test_a_hard_bounce_found_by_our_message_id_stops_the_next_issues(
    mail, maildir, django_capture_on_commit_callbacks, run_worker
):
    gone = confirmed("gone@example.org")
    stays = confirmed("stays@example.org", "en")
    send_issue(django_capture_on_commit_callbacks, run_worker)
    [original] = mail.received("gone@example.org")
    # Forwarded along the way: the report names another address, our Message-ID still says who it was.
    maildir.add(delivery_status_notification("old-alias@forwarder.example", "5.1.1", original=original))

    output = process(maildir)

    assert "1 hard bounce(s)" in output
    gone.refresh_from_db()
    assert gone.suppressed_reason == "hard_bounce"
    assert gone.suppressed_at is not None
    assert gone.last_bounce.startswith("5.1.1")
    assert gone.status == Subscriber.Status.CONFIRMED  # they did not unsubscribe; we stop sending

    mail.raw.clear()
    second = send_issue(django_capture_on_commit_callbacks, run_worker, subject_fr="Deuxième numéro")
    assert second.state == NewsletterIssue.State.SENT
    assert mail.counts() == {stays.email: 1}
    assert not Delivery.objects.filter(issue=second, subscriber=gone).exists()

    # Run again (cron): the same report is not counted twice.
    assert "0 hard bounce(s)" in process(maildir)


def test_soft_bounces_are_counted_and_stop_after_the_limit(
    mail, maildir, settings, django_capture_on_commit_callbacks, run_worker
):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 2
    full = confirmed("full@example.org")
    send_issue(django_capture_on_commit_callbacks, run_worker)
    [original] = mail.received("full@example.org")
    maildir.add(
        delivery_status_notification("full@example.org", "4.2.2", action="delayed", original=original)
    )
    process(maildir)
    full.refresh_from_db()
    assert (full.soft_bounce_count, full.suppressed_reason) == (1, "")

    maildir.add(
        delivery_status_notification(
            "full@example.org", "4.2.2", action="delayed", original=original, headers_only=True
        )
    )
    output = process(maildir)
    assert "1 soft bounce(s)" in output
    full.refresh_from_db()
    assert (full.soft_bounce_count, full.suppressed_reason) == (2, "soft_bounces")
    assert full not in Subscriber.objects.confirmed()


def test_a_complaint_stops_the_newsletter_and_staff_see_why(
    mail, maildir, client, newsletter_staff, django_capture_on_commit_callbacks, run_worker
):
    annoyed = confirmed("annoyed@example.org")
    confirmed("happy@example.org")
    send_issue(django_capture_on_commit_callbacks, run_worker)
    [original] = mail.received("annoyed@example.org")
    maildir.add(complaint("annoyed@example.org", original))
    maildir.add(MIMEText("Just a reply: thanks for the newsletter!").as_bytes())

    output = process(maildir)

    assert "1 complaint(s)" in output
    assert "1 message(s) that are not reports" in output
    annoyed.refresh_from_db()
    assert annoyed.suppressed_reason == "complaint"

    client.force_login(newsletter_staff)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    listed = client.get(SUBSCRIBER_ADMIN, {"suppressed_reason__exact": "complaint"}).content.decode()
    assert "annoyed@example.org" in listed
    assert "happy@example.org" not in listed
    assert "marked as spam by its owner (complaint)" in listed
    page = client.get(f"{SUBSCRIBER_ADMIN}{annoyed.pk}/change/").content.decode()
    assert "complaint: abuse" in page
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    assert (
        "signalé comme indésirable" in client.get(f"{SUBSCRIBER_ADMIN}{annoyed.pk}/change/").content.decode()
    )


def test_a_bounce_about_nobody_we_know_changes_nothing(maildir, db):
    confirmed("someone@example.org")
    maildir.add(delivery_status_notification("stranger@example.net", "5.1.1"))
    assert "1 report(s) about no subscriber" in process(maildir)
    assert Subscriber.objects.get().suppressed_reason == ""


def test_a_path_that_is_not_a_maildir_is_a_clear_error(tmp_path, db):
    with pytest.raises(CommandError, match="is not a maildir"):
        call_command("process_bounces", str(tmp_path / "nowhere"))


def test_the_database_refuses_a_suppression_without_its_date(db):
    from django.db import IntegrityError

    subscriber = confirmed("x@example.org")
    with pytest.raises(IntegrityError):
        Subscriber.objects.filter(pk=subscriber.pk).update(suppressed_reason="hard_bounce")
