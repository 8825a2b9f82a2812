"""The back office: only newsletter staff see subscribers; exports, erasure and the purge command."""

import csv
import html
import io
import json
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from angers_intl.staff import COMMUNICATION_GROUP
from newsletter.consent import CONSENT_TEXTS, CONSENT_VERSION
from newsletter.models import DeletionCount, Subscriber
from tests.dates import site_time

CHANGELIST = "/admin/newsletter/subscriber/"
EXPORT = "/admin/newsletter/subscriber/export-confirmed/"


def subscriber(email, status=Subscriber.Status.CONFIRMED, language="fr", days_ago=0):
    moment = timezone.now() - timedelta(days=days_ago)
    return Subscriber.objects.create(
        email=email,
        language=language,
        form_language=language,
        consent_version=CONSENT_VERSION,
        subscribed_at=moment,
        source_path="/fr/",
        status=status,
        confirmed_at=None if status == Subscriber.Status.PENDING else moment,
        unsubscribed_at=moment if status == Subscriber.Status.UNSUBSCRIBED else None,
    )


@pytest.fixture
def staff_client(client, newsletter_staff):
    client.force_login(newsletter_staff)
    return client


@pytest.fixture
def communication_editor(db):
    """A content editor: the Communication group, as `migrate` sets it up (no content needed)."""
    user = User.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name=COMMUNICATION_GROUP))
    return user


def test_the_communication_group_does_not_see_subscribers(client, communication_editor):
    subscriber("private@example.org")
    group = Group.objects.get(name=COMMUNICATION_GROUP)
    assert not group.permissions.filter(content_type__app_label="newsletter").exists()

    client.force_login(communication_editor)
    assert "/admin/newsletter/subscriber/" not in client.get("/admin/").content.decode()
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(EXPORT).status_code == 403


def test_the_newsletter_group_is_set_up_by_migrate_without_content_and_idempotent(db):
    call_command("migrate", verbosity=0)  # once more: the group gains nothing twice
    codenames = set(Group.objects.get(name="Newsletter").permissions.values_list("codename", flat=True))
    assert codenames == {
        "view_subscriber",
        "change_subscriber",
        "delete_subscriber",
        "export_subscribers",
        "view_deletioncount",
        # The issues: written and sent by the same team.
        "add_newsletterissue",
        "change_newsletterissue",
        "delete_newsletterissue",
        "view_newsletterissue",
        "send_newsletterissue",
    }


def test_newsletter_staff_see_the_list_with_counts_by_status_and_language(staff_client):
    for number in range(3):
        subscriber(f"fr{number}@example.org")
    subscriber("en@example.org", language="en")
    subscriber("wait@example.org", status=Subscriber.Status.PENDING)
    subscriber("gone@example.org", status=Subscriber.Status.UNSUBSCRIBED, language="en")

    response = staff_client.get(CHANGELIST)
    assert response.status_code == 200
    page = response.content.decode()
    summary = {row["status"]: (row["counts"], row["total"]) for row in response.context["summary_rows"]}
    assert summary == {"pending": ([1, 0], 1), "confirmed": ([3, 1], 4), "unsubscribed": ([0, 1], 1)}
    assert "<caption>Abonnés par statut et par langue</caption>" in page
    assert "wait@example.org" in page
    assert "Ajouter abonné" not in page

    searched = staff_client.get(CHANGELIST, {"q": "fr1@"})
    assert list(searched.context["cl"].result_list) == [Subscriber.objects.get(email="fr1@example.org")]
    filtered = staff_client.get(CHANGELIST, {"status__exact": "confirmed", "language__exact": "en"})
    assert [item.email for item in filtered.context["cl"].result_list] == ["en@example.org"]


def test_a_whole_address_is_found_whatever_its_case_and_a_part_still_finds_every_match(staff_client):
    for address in ("ana@example.org", "xana@example.org", "ana@example.org.uk"):
        subscriber(address)

    whole = staff_client.get(CHANGELIST, {"q": " Ana@Example.ORG "})
    assert [item.email for item in whole.context["cl"].result_list] == ["ana@example.org"]
    part = staff_client.get(CHANGELIST, {"q": "ana@example"})
    assert sorted(item.email for item in part.context["cl"].result_list) == [
        "ana@example.org",
        "ana@example.org.uk",
        "xana@example.org",
    ]


def test_the_list_runs_a_fixed_number_of_queries(staff_client):
    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(CHANGELIST).status_code == 200
        return len(queries)

    for number in range(5):
        subscriber(f"few{number}@example.org")
    few = count_queries()
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"many{number}@example.org",
            language="en",
            form_language="en",
            consent_version=CONSENT_VERSION,
            subscribed_at=timezone.now(),
        )
        for number in range(50)
    )
    assert count_queries() == few


def exported_csv(response):
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")  # the BOM: French Excel reads UTF-8
    return list(csv.reader(io.StringIO(content.removeprefix("\ufeff")), delimiter=";"))


def exported_xlsx(response):
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def test_csv_export_of_confirmed_subscribers_is_streamed_for_french_excel(staff_client):
    rows = [
        Subscriber(
            email=f"reader{number}@example.org",
            language="fr" if number % 2 else "en",
            form_language="fr",
            consent_version=CONSENT_VERSION,
            subscribed_at=timezone.now(),
            status=Subscriber.Status.CONFIRMED,
            confirmed_at=timezone.now(),
        )
        for number in range(2000)
    ]
    Subscriber.objects.bulk_create(rows, batch_size=500)
    subscriber("pending@example.org", status=Subscriber.Status.PENDING)
    subscriber("left@example.org", status=Subscriber.Status.UNSUBSCRIBED)

    response = staff_client.get(EXPORT, {"format": "csv"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="newsletter-subscribers-')
    lines = exported_csv(response)
    assert lines[0] == ["email", "language", "confirmed_at", "unsubscribe_url"]
    assert len(lines) == 2001
    emails = {line[0] for line in lines[1:]}
    assert "pending@example.org" not in emails
    assert "left@example.org" not in emails
    english = next(line for line in lines[1:] if line[1] == "en")
    assert english[3].startswith("http://127.0.0.1:8000/en/newsletter/unsubscribe/")


def test_the_export_keeps_the_lists_filters_and_search(staff_client):
    subscriber("ana@example.org", language="fr")
    subscriber("ben@example.org", language="en")
    subscriber("bob@other.example", language="en")
    subscriber("eve@example.org", language="en", status=Subscriber.Status.PENDING)

    english = exported_csv(staff_client.get(EXPORT, {"language__exact": "en", "format": "csv"}))
    assert sorted(line[0] for line in english[1:]) == ["ben@example.org", "bob@other.example"]
    searched = exported_csv(
        staff_client.get(EXPORT, {"language__exact": "en", "q": "other", "format": "csv"})
    )
    assert [line[0] for line in searched[1:]] == ["bob@other.example"]
    # An unknown filter is refused with a message, not a server error.
    refused = staff_client.get(EXPORT, {"nonsense__gt": "1"}, follow=True)
    assert refused.status_code == 200
    assert (
        "These filters are not valid" in refused.content.decode() or "Ces filtres" in refused.content.decode()
    )


def test_the_list_offers_the_export_with_its_current_filters_and_each_language(staff_client):
    subscriber("ana@example.org", language="fr")
    page = staff_client.get(CHANGELIST, {"status__exact": "confirmed", "q": "ana"}).content.decode()
    assert 'style="' not in page.split('id="content"', 1)[1].split('id="footer"', 1)[0]  # the CSP blocks them
    links = re.findall(r'href="(/admin/newsletter/subscriber/export-confirmed/\?[^"]*)"', page)
    queries = [parse_qs(urlsplit(html.unescape(link)).query) for link in links]
    assert {"status__exact": ["confirmed"], "q": ["ana"], "format": ["xlsx"]} in queries
    assert {"status__exact": ["confirmed"], "q": ["ana"], "format": ["csv"]} in queries
    for code in ("fr", "en"):
        assert {
            "status__exact": ["confirmed"],
            "q": ["ana"],
            "format": ["xlsx"],
            "language__exact": [code],
        } in queries
    assert ">English<" in page
    assert ">Français<" in page


def test_the_xlsx_export_gives_paris_times_and_safe_cells(staff_client, clock):
    clock(timezone.datetime(2026, 7, 14, 10, 30, tzinfo=timezone.UTC))  # 12:30 in Paris (summer time)
    subscriber("=cmd@example.org", language="fr")
    subscriber("reader@example.org", language="en")
    response = staff_client.get(EXPORT, {"language__exact": "fr"})  # XLSX unless CSV is asked for
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="newsletter-subscribers-fr-2026-07-14.xlsx"' in response["Content-Disposition"]
    [header, row] = exported_xlsx(response)
    assert header == ["email", "language", "confirmed_at", "unsubscribe_url"]
    assert row[:3] == ["'=cmd@example.org", "fr", timezone.datetime(2026, 7, 14, 12, 30)]
    csv_row = exported_csv(staff_client.get(EXPORT, {"format": "csv", "language__exact": "fr"}))[1]
    assert csv_row[:3] == ["'=cmd@example.org", "fr", "2026-07-14 12:30:00"]


def test_the_export_link_in_the_exported_file_unsubscribes(client, staff_client):
    subscriber("csv@example.org", language="en")
    lines = exported_csv(staff_client.get(EXPORT, {"format": "csv"}))
    path = lines[1][3].removeprefix("http://127.0.0.1:8000")
    client.post(path)
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_staff_without_the_export_permission_cannot_export(client, newsletter_staff):
    group = Group.objects.get(name="Newsletter")
    group.permissions.remove(group.permissions.get(codename="export_subscribers"))
    client.force_login(User.objects.get(pk=newsletter_staff.pk))
    assert client.get(EXPORT).status_code == 403
    assert "export-confirmed" not in client.get(CHANGELIST).content.decode()


def test_gdpr_export_of_one_persons_data(staff_client):
    person = subscriber("me@example.org", language="en")
    response = staff_client.post(
        CHANGELIST, {"action": "export_personal_data", "_selected_action": [person.pk]}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="newsletter-personal-data.json"'
    data = json.loads(response.content)
    assert data["email"] == "me@example.org"
    assert data["status"] == "confirmed"
    assert data["subscribed_from_page"] == "/fr/"
    assert data["consent_text_version"] == CONSENT_VERSION
    assert data["consent_text"] == CONSENT_TEXTS[CONSENT_VERSION]["en"]
    assert data["ip_address"] is None


def test_gdpr_export_from_the_subscribers_own_page(staff_client):
    person = subscriber("me@example.org")
    change_url = reverse("admin:newsletter_subscriber_change", args=[person.pk])
    page = staff_client.get(change_url).content.decode()
    assert "Exporter les données personnelles (JSON, droit d’accès)" in page
    response = staff_client.post(
        change_url, {"CHANGE_FORM-action": "export_personal_data", "_selected_action": [person.pk]}
    )
    assert json.loads(response.content)["email"] == "me@example.org"


def test_erasing_a_person_keeps_only_an_anonymous_count(staff_client):
    person = subscriber("erase-me@example.org")
    keep = subscriber("keep@example.org")
    change_url = reverse("admin:newsletter_subscriber_change", args=[person.pk])
    staff_client.post(change_url, {"language": "en"})  # an edit leaves a trace in the admin history
    assert LogEntry.objects.filter(object_repr="erase-me@example.org").exists()

    response = staff_client.post(
        reverse("admin:newsletter_subscriber_delete", args=[person.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert list(Subscriber.objects.all()) == [keep]
    assert not LogEntry.objects.filter(object_repr__contains="erase-me").exists()
    assert DeletionCount.objects.get().count == 1
    assert DeletionCount.objects.get().reason == DeletionCount.Reason.ERASURE


def test_erasing_several_people_from_the_list(staff_client):
    people = [subscriber(f"bulk{number}@example.org") for number in range(3)]
    staff_client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [person.pk for person in people], "post": "yes"},
    )
    assert not Subscriber.objects.exists()
    assert DeletionCount.objects.get(reason=DeletionCount.Reason.ERASURE).count == 3
    assert not LogEntry.objects.filter(object_repr__contains="bulk").exists()


def test_staff_can_unsubscribe_someone_on_their_request(staff_client):
    person = subscriber("phone@example.org")
    staff_client.post(CHANGELIST, {"action": "unsubscribe_selected", "_selected_action": [person.pk]})
    person.refresh_from_db()
    assert person.status == Subscriber.Status.UNSUBSCRIBED


def test_staff_cannot_add_subscribers_nor_rewrite_the_consent_proof(staff_client):
    assert staff_client.get("/admin/newsletter/subscriber/add/").status_code == 403
    person = subscriber("proof@example.org")
    staff_client.post(
        reverse("admin:newsletter_subscriber_change", args=[person.pk]),
        {"language": "en", "email": "other@example.org", "status": "pending", "consent_version": "fake"},
    )
    person.refresh_from_db()
    assert (person.language, person.email, person.status, person.consent_version) == (
        "en",
        "proof@example.org",
        "confirmed",
        CONSENT_VERSION,
    )


def test_purge_command_deletes_old_unconfirmed_subscriptions_only(db, settings, clock):
    clock(site_time(2027, 4, 10, 9, 0))  # 31 days back crosses the change to summer time
    subscriber("old-pending@example.org", status=Subscriber.Status.PENDING, days_ago=31)
    subscriber("new-pending@example.org", status=Subscriber.Status.PENDING, days_ago=2)
    subscriber("old-confirmed@example.org", days_ago=400)
    subscriber("old-left@example.org", status=Subscriber.Status.UNSUBSCRIBED, days_ago=400)
    refused = subscriber("refused@example.org", status=Subscriber.Status.UNSUBSCRIBED, days_ago=31)
    Subscriber.objects.filter(pk=refused.pk).update(confirmed_at=None)  # unsubscribed before confirming

    out = io.StringIO()
    call_command("purge_unconfirmed_subscriptions", stdout=out)
    assert settings.NEWSLETTER_PURGE_UNCONFIRMED_AFTER_DAYS == 30
    assert "2 unconfirmed subscription(s) older than 30 day(s) deleted." in out.getvalue()
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "new-pending@example.org",
        "old-confirmed@example.org",
        "old-left@example.org",
    ]
    assert DeletionCount.objects.get(reason=DeletionCount.Reason.PURGE).count == 2

    call_command("purge_unconfirmed_subscriptions", "--days", "1", stdout=io.StringIO())
    assert not Subscriber.objects.filter(email="new-pending@example.org").exists()
    assert DeletionCount.objects.get(reason=DeletionCount.Reason.PURGE).count == 3


def test_purge_command_refuses_a_nonsense_delay(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("purge_unconfirmed_subscriptions", "--days", "0", stdout=io.StringIO())


def test_deletion_counts_are_read_only_for_staff(staff_client):
    # Any day will do: the counts are only read here.
    DeletionCount.objects.create(day=timezone.localdate(), reason=DeletionCount.Reason.PURGE, count=4)
    assert staff_client.get("/admin/newsletter/deletioncount/").status_code == 200
    assert staff_client.get("/admin/newsletter/deletioncount/add/").status_code == 403
