"""Staff write, check, preview and send an issue from the admin; subscribers receive it in a real SMTP server."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from newsletter.models import Delivery, NewsletterIssue, Subscriber
from newsletter.staff import NEWSLETTER_GROUP
from tests.dates import site_time

from .issues import confirmed, issue

CHANGELIST = "/admin/newsletter/newsletterissue/"


@pytest.fixture
def mail(sending_settings, smtp_server, site_profile):
    site_profile.publisher_fr = "Ville de Valmont"
    site_profile.publisher_en = "Town of Valmont"
    site_profile.postal_address_fr = (
        "Hôtel de ville, boulevard de la Résistance et de la Déportation, 79000 Valmont"
    )
    site_profile.contact_email = "international@example.org"
    site_profile.save()
    return smtp_server


@pytest.fixture
def sender(client, newsletter_staff):
    newsletter_staff.email = "staff@example.org"
    newsletter_staff.save()
    client.force_login(newsletter_staff)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def run_action(client, action, newsletter_issue):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [newsletter_issue.pk]}, follow=True)


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]


def send_from_admin(client, newsletter_issue, django_capture_on_commit_callbacks, run_worker):
    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(client, "send_now", newsletter_issue)
    run_worker()
    newsletter_issue.refresh_from_db()
    return response


@pytest.mark.django_db
def test_from_the_admin_action_to_the_inbox_in_each_language(
    mail, sender, django_capture_on_commit_callbacks, run_worker
):
    confirmed("ana@example.org", "fr")
    confirmed("ben@example.org", "en")
    confirmed("left@example.org", "fr").delete()  # erased before the send: nothing for them
    newsletter_issue = issue()

    response = send_from_admin(sender, newsletter_issue, django_capture_on_commit_callbacks, run_worker)

    assert "“News from our twin cities” is being sent." in shown_messages(response)
    assert newsletter_issue.state == NewsletterIssue.State.SENT
    assert mail.counts() == {"ana@example.org": 1, "ben@example.org": 1}

    [french] = mail.received("ana@example.org")
    [english] = mail.received("ben@example.org")
    assert french["Subject"] == "Des nouvelles de nos villes jumelles"
    assert english["Subject"] == "News from our twin cities"
    assert french["From"] == "Valmont à l’international <lettre@international.example.org>"
    assert french["Reply-To"] == "international@example.org"
    for message, unsubscribe_path in ((french, "/fr/lettre-d-information/"), (english, "/en/newsletter/")):
        assert message["Date"]
        assert re.fullmatch(r"<issue-\d+\.\d+@international\.example\.org>", message["Message-ID"])
        [url] = re.fullmatch(r"<(https://\S+)>", message["List-Unsubscribe"]).groups()
        assert url.startswith(f"https://international.example.org{unsubscribe_path}")
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert url in text
        assert f'href="{url}"' in html
        assert "<style" in html  # only the media queries (narrow screens, dark mode) stay in it
        assert 'style="' in html  # the rest is inlined
        assert "<script" not in html
        assert "&lt;h2" not in html
        assert "<h2 " in html
        assert "@import" not in html
        assert "fonts.googleapis" not in html
        assert not re.search(r'(href|src)="/', html)  # every link absolute
    french_text = french.get_body(("plain",)).get_content()
    assert "notre page <https://international.example.org/fr/villes-partenaires/>" in french_text
    assert "Hôtel de ville, boulevard de la Résistance et de la Déportation, 79000 Valmont" in french_text
    assert "Town of Valmont" in english.get_body(("html",)).get_content()


@pytest.mark.django_db
def test_one_click_unsubscribe_from_the_header_needs_no_page_nor_cookie(
    mail, sender, client, django_capture_on_commit_callbacks, run_worker
):
    ana = confirmed("ana@example.org", "fr")
    send_from_admin(sender, issue(), django_capture_on_commit_callbacks, run_worker)
    [message] = mail.received("ana@example.org")
    url = message["List-Unsubscribe"].strip("<>")
    path = url.removeprefix("https://international.example.org")

    client.logout()
    # The footer link: GET shows a confirm button and changes nothing.
    page = client.get(path)
    assert page.status_code == 200
    assert "<button" in page.content.decode()
    ana.refresh_from_db()
    assert ana.status == Subscriber.Status.CONFIRMED

    # What a mail provider sends (RFC 8058): a POST with this body, no Origin, no cookie.
    client.cookies.clear()
    answer = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    assert answer.content == b""
    assert not answer.cookies
    ana.refresh_from_db()
    assert ana.status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.django_db
def test_a_broken_issue_gets_clear_messages_and_nothing_is_sent(
    mail, sender, django_capture_on_commit_callbacks, run_worker
):
    from partnerships.models import PartnerCity

    confirmed("ana@example.org")
    broken = issue(subject_en="", body_fr="Voir [la page]() et [ce lien](javascript:alert(1))")
    hidden_city = PartnerCity.objects.create(
        name="Secret", slug="secret", country="IT", agreement_type="twinning", year_started=2000,
        summary="Pas encore publiée.", published=False,
    )  # fmt: skip
    broken.partner_cities.add(hidden_city)

    response = send_from_admin(sender, broken, django_capture_on_commit_callbacks, run_worker)

    shown = shown_messages(response)
    assert any("English version: the subject is empty." in message for message in shown)
    assert any("French version: the link [la page]() is broken" in message for message in shown)
    assert any("French version: the link javascript:alert(1) is broken" in message for message in shown)
    assert any("“Secret” is not published: publish it or remove its card." in message for message in shown)
    assert broken.state == NewsletterIssue.State.DRAFT
    assert mail.received() == []
    assert not Delivery.objects.exists()


@pytest.mark.django_db
def test_a_schedule_in_the_past_is_refused(mail, sender):
    newsletter_issue = issue(scheduled_at=timezone.now() - timedelta(hours=1))
    response = run_action(sender, "schedule_issue", newsletter_issue)
    assert any("in the past" in message for message in shown_messages(response))
    newsletter_issue.refresh_from_db()
    assert newsletter_issue.state == NewsletterIssue.State.DRAFT


@pytest.mark.django_db
def test_only_the_newsletter_group_and_superusers_may_send(
    mail, client, django_capture_on_commit_callbacks, run_worker
):
    confirmed("ana@example.org")
    editor = User.objects.create_user("editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Communication"))
    newsletter_issue = issue()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(client, "send_now", newsletter_issue)
    assert response.status_code == 403
    run_worker()
    assert mail.received() == []

    member = User.objects.create_user("member", is_staff=True)
    member.groups.add(Group.objects.get(name=NEWSLETTER_GROUP))
    assert member.has_perm("newsletter.send_newsletterissue")
    assert User.objects.create_superuser("root").has_perm("newsletter.send_newsletterissue")


@pytest.mark.django_db
def test_preview_in_a_sandboxed_iframe_with_its_own_csp(mail, sender):
    newsletter_issue = issue()
    page = sender.get(f"{CHANGELIST}{newsletter_issue.pk}/preview/")
    assert page.status_code == 200
    body = page.content.decode()
    assert body.count('<iframe sandbox=""') == 4  # wide and 320 px, in each language
    assert "'unsafe-inline'" not in page["Content-Security-Policy"]
    assert "News from our twin cities" in body  # the English text part
    assert "notre page &lt;https://international.example.org/fr/villes-partenaires/&gt;" in body
    assert "__newsletter_unsubscribe_url__" not in body

    frame = sender.get(f"{CHANGELIST}{newsletter_issue.pk}/preview/en.html")
    assert frame.status_code == 200
    assert "style-src 'unsafe-inline'" in frame["Content-Security-Policy"]
    assert "default-src 'none'" in frame["Content-Security-Policy"]
    assert frame["X-Frame-Options"] == "SAMEORIGIN"
    assert "News from our twin cities" in frame.content.decode()


@pytest.mark.django_db
def test_a_test_send_goes_through_the_worker_to_the_staff_member_in_each_language(
    mail, sender, django_capture_on_commit_callbacks, run_worker
):
    confirmed("ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(sender, "send_test", issue())
    assert "is queued for staff@example.org" in " ".join(shown_messages(response))
    assert mail.received() == []  # nothing left in the admin's request: the worker sends it

    run_worker()
    subjects = sorted(message["Subject"] for message in mail.received("staff@example.org"))
    assert subjects == ["[Test] Des nouvelles de nos villes jumelles", "[Test] News from our twin cities"]
    assert mail.received("ana@example.org") == []


@pytest.mark.django_db
def test_a_scheduled_issue_goes_out_when_its_time_comes_and_not_before(
    mail, sender, clock, django_capture_on_commit_callbacks, run_worker
):
    clock(site_time(2026, 3, 2, 9, 0))
    confirmed("ana@example.org", "fr")
    confirmed("ben@example.org", "en")
    newsletter_issue = issue(scheduled_at=site_time(2026, 3, 2, 10, 0))
    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(sender, "schedule_issue", newsletter_issue)
    assert "“News from our twin cities” is scheduled." in shown_messages(response)

    clock(site_time(2026, 3, 2, 9, 59))
    run_worker()
    newsletter_issue.refresh_from_db()
    assert newsletter_issue.state == NewsletterIssue.State.SCHEDULED
    assert mail.received() == []

    clock(site_time(2026, 3, 2, 10, 1))
    with django_capture_on_commit_callbacks(execute=True):
        run_worker()  # the start task is due: it starts the send and queues it
    run_worker()
    newsletter_issue.refresh_from_db()
    assert newsletter_issue.state == NewsletterIssue.State.SENT
    assert mail.counts() == {"ana@example.org": 1, "ben@example.org": 1}


@pytest.mark.django_db
def test_a_scheduled_issue_broken_since_stays_a_draft_and_says_why_in_the_readers_language(
    mail, sender, client, clock, django_capture_on_commit_callbacks, run_worker, newsletter_staff
):
    clock(site_time(2026, 3, 2, 9, 0))
    confirmed("ana@example.org", "fr")
    newsletter_issue = issue(scheduled_at=site_time(2026, 3, 2, 10, 0))
    with django_capture_on_commit_callbacks(execute=True):
        run_action(sender, "schedule_issue", newsletter_issue)
    NewsletterIssue.objects.filter(pk=newsletter_issue.pk).update(body_en="")  # emptied after scheduling

    clock(site_time(2026, 3, 2, 10, 1))
    run_worker()
    newsletter_issue.refresh_from_db()
    assert newsletter_issue.state == NewsletterIssue.State.DRAFT
    assert mail.received() == []
    sender.force_login(newsletter_staff)  # an hour later: the session of 9:00 expired while idle
    english = sender.get(f"{CHANGELIST}{newsletter_issue.pk}/change/").content.decode()
    assert "At its scheduled time the issue could not be sent: English version: the text is empty." in english
    sender.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    french = sender.get(f"{CHANGELIST}{newsletter_issue.pk}/change/").content.decode()
    assert "À l’heure prévue, le numéro n’a pas pu être envoyé : " in french
    assert "Anglais" in french or "anglais" in french


@pytest.mark.django_db
def test_staff_read_why_a_send_stopped_in_their_own_language(
    mail, sender, settings, django_capture_on_commit_callbacks, run_worker
):
    settings.NEWSLETTER_PAUSE_AFTER_REFUSALS = 2
    for number in range(3):
        confirmed(f"reader{number}@example.org")
    mail.refuse["*"] = "554 5.7.1 Relay access denied"
    newsletter_issue = issue()
    send_from_admin(sender, newsletter_issue, django_capture_on_commit_callbacks, run_worker)
    assert newsletter_issue.state == NewsletterIssue.State.PAUSED

    progress = f"{CHANGELIST}{newsletter_issue.pk}/progress/"
    english = sender.get(progress).content.decode()
    assert (
        "The mail server refused 2 messages in a row, the last with: 554 5.7.1 Relay access denied" in english
    )
    sender.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    french = sender.get(progress).content.decode()
    assert (
        "Le serveur de messagerie a refusé 2 messages de suite, le dernier avec : 554 5.7.1 Relay access denied"
        in french
    )
