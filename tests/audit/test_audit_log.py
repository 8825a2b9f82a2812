"""The audit log: sign-ins, failed sign-ins, publications and unpublications (however made), deletions and
exports of subscriber data are recorded; only superusers read it; it keeps no subscriber's address and
nothing older than the retention period."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from angers_intl.staff import COMMUNICATION_GROUP
from audit.models import AuditEntry
from networks.models import Network, NetworkKind, NetworkScope, Recognition, RecognitionKind, Renewal
from newsletter.consent import CONSENT_VERSION
from newsletter.models import Subscriber
from newsletter.staff import NEWSLETTER_GROUP
from partnerships.models import AgreementType, PartnerCity, Programme
from tests.dates import site_time

Action = AuditEntry.Action
PASSWORD = "a-long-test-password"


@pytest.fixture
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def staff(username, group=None, **fields):
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD, is_staff=True, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db, fast_hashing):
    return staff("camille", COMMUNICATION_GROUP)


@pytest.fixture
def newsletter_member(db, fast_hashing):
    return staff("sacha", NEWSLETTER_GROUP)


@pytest.fixture
def administrator(db, fast_hashing):
    return staff("root", is_superuser=True)


def entries(**filters):
    return list(AuditEntry.objects.filter(**filters).order_by("pk"))


def summary(**filters):
    return [(entry.action, entry.actor_name, entry.object_repr) for entry in entries(**filters)]


def city(slug="haarlem", name="Haarlem", **fields):
    values = {
        "slug": slug,
        "name_fr": name,
        "country": "NL",
        "agreement_type": AgreementType.TWINNING,
        "year_started": 1964,
        "summary_fr": "Une ville jumelle.",
        "latitude": "52.38",
        "longitude": "4.64",
        "published": False,
        **fields,
    }
    return PartnerCity.objects.create(**values)


def subscriber(email):
    now = timezone.now()
    return Subscriber.objects.create(
        email=email,
        language="fr",
        form_language="fr",
        consent_version=CONSENT_VERSION,
        subscribed_at=now,
        source_path="/fr/",
        status=Subscriber.Status.CONFIRMED,
        confirmed_at=now,
    )


# -- Sign-ins ------------------------------------------------------------------------------------------


def test_sign_ins_and_failed_sign_ins_are_recorded_without_what_was_typed(client, editor):
    client.post("/admin/login/", {"username": "camille", "password": "not-the-password"})
    client.post("/admin/login/", {"username": "typed-by-mistake", "password": "not-the-password"})
    client.post("/admin/login/", {"username": "camille", "password": PASSWORD})

    assert [(entry.action, entry.actor, entry.actor_name) for entry in entries()] == [
        (Action.SIGN_IN_FAILED, editor, "camille"),
        (Action.SIGN_IN_FAILED, None, ""),
        (Action.SIGN_IN, editor, "camille"),
    ]
    for entry in entries():
        assert "typed-by-mistake" not in f"{entry.object_repr} {entry.detail} {entry.actor_name}"


def test_a_lockout_is_recorded(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "camille", "password": "wrong"})
    assert summary(action=Action.LOCKED_OUT) == [(Action.LOCKED_OUT, "camille", "")]


# -- Publications --------------------------------------------------------------------------------------


def test_a_publication_and_an_unpublication_from_the_form_are_recorded(client, editor):
    programme = Programme.objects.create(slug="youth", name_fr="Jeunes ambassadeurs", summary_fr="Résumé.")
    client.force_login(editor)
    form = {
        "name_fr": "Jeunes ambassadeurs",
        "name_en": "Young ambassadors",
        "slug": "youth",
        "start_year": "1967",
        "summary_fr": "Résumé.",
        "summary_en": "Summary.",
        "body_fr": "",
        "body_en": "",
        "website": "",
        "display_order": "1",
    }
    url = reverse("admin:partnerships_programme_change", args=[programme.pk])
    assert client.post(url, {**form, "published": "on"}).status_code == 302
    assert client.post(url, {**form, "name_en": "Young envoys", "published": "on"}).status_code == 302
    assert client.post(url, form).status_code == 302

    # A change that leaves the flag alone is not a publication.
    assert summary(content_type__model="programme") == [
        (Action.PUBLICATION, "camille", "Jeunes ambassadeurs"),
        (Action.UNPUBLICATION, "camille", "Jeunes ambassadeurs"),
    ]
    assert {entry.object_id for entry in entries(content_type__model="programme")} == {str(programme.pk)}


def test_a_publication_by_code_or_a_command_is_recorded_without_a_staff_member(db):
    haarlem = city()
    haarlem.published = True
    haarlem.save()
    city(slug="pisa", name="Pise", published=True)  # created published
    assert summary() == [(Action.PUBLICATION, "", "Haarlem"), (Action.PUBLICATION, "", "Pise")]


PUBLISHABLE = [
    ("partnerships", "partnercity", lambda number: city(slug=f"city-{number}", name=f"Ville {number}")),
    (
        "partnerships",
        "programme",
        lambda number: Programme.objects.create(
            slug=f"p-{number}", name_fr=f"Programme {number}", summary_fr="R."
        ),
    ),
    (
        "networks",
        "network",
        lambda number: Network.objects.create(
            slug=f"n-{number}",
            name_fr=f"Réseau {number}",
            kind=NetworkKind.CITY_NETWORK,
            scope=NetworkScope.EUROPEAN,
        ),
    ),
    (
        "networks",
        "recognition",
        lambda number: Recognition.objects.create(
            slug=f"r-{number}", name_fr=f"Label {number}", kind=RecognitionKind.LABEL, renewal=Renewal.ONE_OFF
        ),
    ),
]


@pytest.mark.parametrize(
    ("app", "model", "make"), PUBLISHABLE, ids=[model for _app, model, _make in PUBLISHABLE]
)
def test_every_publishable_list_publishes_and_unpublishes_the_selected_items(
    client, editor, app, model, make
):
    items = [make(number) for number in range(3)]
    client.force_login(editor)
    changelist = reverse(f"admin:{app}_{model}_changelist")
    selected = [items[0].pk, items[1].pk]

    response = client.post(
        changelist,
        {"action": "publish_selected", "_selected_action": selected},
        HTTP_ACCEPT_LANGUAGE="fr",
        follow=True,
    )
    assert "2 éléments publiés." in response.content.decode()
    published = {item.pk for item in type(items[0]).objects.published()}
    assert published == set(selected)

    response = client.post(
        changelist,
        {"action": "unpublish_selected", "_selected_action": [items[0].pk, items[2].pk]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert "1 item unpublished." in response.content.decode()  # the third was not published
    assert {item.pk for item in type(items[0]).objects.published()} == {items[1].pk}

    changes = entries(action__in=[Action.PUBLICATION, Action.UNPUBLICATION])
    assert [(entry.action, entry.actor, entry.object_id) for entry in changes] == [
        (Action.PUBLICATION, editor, str(items[0].pk)),
        (Action.PUBLICATION, editor, str(items[1].pk)),
        (Action.UNPUBLICATION, editor, str(items[0].pk)),
    ]


def test_publishing_needs_the_change_permission(client, db):
    viewer = staff("viewer")
    viewer.user_permissions.add(
        *Group.objects.get(name=COMMUNICATION_GROUP).permissions.filter(codename__startswith="view_")
    )
    haarlem = city()
    client.force_login(viewer)
    page = client.get(reverse("admin:partnerships_partnercity_changelist")).content.decode()
    assert "publish_selected" not in page
    client.post(
        reverse("admin:partnerships_partnercity_changelist"),
        {"action": "publish_selected", "_selected_action": [haarlem.pk]},
    )
    haarlem.refresh_from_db()
    assert not haarlem.published
    assert not AuditEntry.objects.filter(action=Action.PUBLICATION).exists()


def test_a_bulk_publication_reaches_the_public_pages_at_once(client, editor, settings):
    settings.FRAGMENT_CACHE_SECONDS = 60
    haarlem = city()
    assert "Haarlem" not in client.get("/fr/villes-partenaires/").content.decode()
    client.force_login(editor)
    client.post(
        reverse("admin:partnerships_partnercity_changelist"),
        {"action": "publish_selected", "_selected_action": [haarlem.pk]},
    )
    client.logout()
    assert "Haarlem" in client.get("/fr/villes-partenaires/").content.decode()


# -- Deletions -----------------------------------------------------------------------------------------


def test_a_deletion_in_the_admin_is_recorded(client, editor):
    haarlem = city()
    client.force_login(editor)
    response = client.post(
        reverse("admin:partnerships_partnercity_delete", args=[haarlem.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert summary(action=Action.DELETION) == [(Action.DELETION, "camille", "Haarlem")]


# -- Subscriber data -----------------------------------------------------------------------------------


def test_exports_of_subscriber_data_are_recorded(client, newsletter_member):
    person = subscriber("jeanne@example.org")
    client.force_login(newsletter_member)
    export = reverse("admin:newsletter_subscriber_export_confirmed")
    response = client.get(export, {"format": "csv", "language__exact": "fr", "q": "jeanne@example.org"})
    assert b"".join(response.streaming_content)
    client.post(
        reverse("admin:newsletter_subscriber_changelist"),
        {"action": "export_personal_data", "_selected_action": [person.pk]},
    )
    exports = entries(action__in=[Action.SUBSCRIBER_EXPORT, Action.PERSONAL_DATA_EXPORT])
    assert [(entry.action, entry.actor, entry.object_id, entry.detail) for entry in exports] == [
        (Action.SUBSCRIBER_EXPORT, newsletter_member, "", "csv language__exact=fr"),
        (Action.PERSONAL_DATA_EXPORT, newsletter_member, str(person.pk), ""),
    ]


def test_an_erased_subscribers_address_is_nowhere_in_the_audit_log(client, newsletter_member):
    person = subscriber("erase-me@example.org")
    client.force_login(newsletter_member)
    changelist = reverse("admin:newsletter_subscriber_changelist")
    client.post(changelist, {"action": "export_personal_data", "_selected_action": [person.pk]})
    client.get(reverse("admin:newsletter_subscriber_export_confirmed"), {"format": "csv", "q": "erase-me"})
    client.post(reverse("admin:newsletter_subscriber_delete", args=[person.pk]), {"post": "yes"})

    assert not Subscriber.objects.exists()
    assert [entry.action for entry in entries(content_type__model="subscriber")] == [
        Action.PERSONAL_DATA_EXPORT,
        Action.SUBSCRIBER_EXPORT,
        Action.DELETION,
    ]
    for row in AuditEntry.objects.values():
        assert not any("erase-me" in str(value) for value in row.values()), row


# -- Reading the log -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_only_superusers_read_the_log(client, administrator, editor, newsletter_member, language):
    city(published=True)
    log = reverse("admin:audit_auditentry_changelist")
    for member in (editor, newsletter_member):
        client.force_login(member)
        assert client.get(log).status_code == 403
        assert log not in client.get("/admin/").content.decode()

    client.force_login(administrator)
    page = client.get(log, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert {"fr": "Journal d’audit", "en": "Audit log"}[language] in page
    assert "Haarlem" in page
    assert {"fr": "Publication", "en": "Publication"}[language] in page
    assert client.get(log, {"action__exact": "publication", "q": "Haar"}).status_code == 200
    # Read-only: nothing to add, change or delete.
    entry = AuditEntry.objects.first()
    assert client.get(reverse("admin:audit_auditentry_add")).status_code == 403
    assert client.get(reverse("admin:audit_auditentry_delete", args=[entry.pk])).status_code == 403
    response = client.post(reverse("admin:audit_auditentry_change", args=[entry.pk]), {"detail": "forged"})
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.detail == ""


# -- Retention -----------------------------------------------------------------------------------------


def test_the_purge_deletes_entries_older_than_the_retention_and_keeps_the_rest(db, settings, clock):
    now = clock(site_time(2026, 6, 1, 3, 15))
    settings.AUDIT_LOG_RETENTION_DAYS = 365
    for days in (400, 366, 364, 1):
        AuditEntry.objects.create(action=Action.SIGN_IN, moment=now - timedelta(days=days), detail=f"{days}")
    output = io.StringIO()
    call_command("purge_audit_log", stdout=output)
    assert sorted(int(entry.detail) for entry in AuditEntry.objects.all()) == [1, 364]
    assert "2 audit log entries older than 365 day(s) deleted." in output.getvalue()

    call_command("purge_audit_log", "--days", "30", stdout=output)
    assert [entry.detail for entry in AuditEntry.objects.all()] == ["1"]
