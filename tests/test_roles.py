"""The three roles, as staff meet them in the admin: Communication edits and publishes content,
Newsletter manages subscribers and sends issues, Administration manages accounts. Each is a group that
`migrate` sets up; a member has no other right."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone

from newsletter.consent import CONSENT_VERSION
from newsletter.models import Subscriber
from partnerships.models import PartnerCity

pytestmark = pytest.mark.django_db


def member_of(group_name, username):
    user = User.objects.create(username=username, email=f"{username}@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def draft_city():
    return PartnerCity.objects.create(
        slug="torun",
        name_fr="Toruń",
        summary_fr="La ville natale de Copernic.",
        country="PL",
        agreement_type="twinning",
        year_started=2011,
    )


@pytest.fixture
def subscriber():
    now = timezone.now()
    return Subscriber.objects.create(
        email="reader@example.org",
        language="fr",
        form_language="fr",
        consent_version=CONSENT_VERSION,
        subscribed_at=now,
        source_path="/fr/",
        status=Subscriber.Status.CONFIRMED,
        confirmed_at=now,
    )


def signed_in(client, group_name):
    client.force_login(member_of(group_name, group_name.lower()))
    return client


ADMIN_PAGES = {
    "partner cities": reverse("admin:partnerships_partnercity_changelist"),
    "subscribers": reverse("admin:newsletter_subscriber_changelist"),
    "newsletter issues": reverse("admin:newsletter_newsletterissue_changelist"),
    "accounts": reverse("admin:auth_user_changelist"),
    "audit log": reverse("admin:audit_auditentry_changelist"),
}

ALLOWED = {
    "Communication": {"partner cities"},
    "Newsletter": {"subscribers", "newsletter issues"},
    "Administration": {"accounts", "audit log"},
}


@pytest.mark.parametrize("group_name", ALLOWED)
def test_each_group_reaches_its_own_lists_and_no_other(client, group_name):
    signed_in(client, group_name)
    for page, url in ADMIN_PAGES.items():
        expected = 200 if page in ALLOWED[group_name] else 403
        assert client.get(url).status_code == expected, (group_name, page)


def test_communication_edits_and_publishes_a_city(client, draft_city):
    signed_in(client, "Communication")
    response = client.post(
        reverse("admin:partnerships_partnercity_changelist"),
        {"action": "publish_selected", "_selected_action": [draft_city.pk]},
        follow=True,
    )
    assert response.status_code == 200
    draft_city.refresh_from_db()
    assert draft_city.published


def test_newsletter_staff_cannot_touch_content_nor_accounts(client, draft_city):
    signed_in(client, "Newsletter")
    change = reverse("admin:partnerships_partnercity_change", args=[draft_city.pk])
    assert client.get(change).status_code == 403
    assert client.post(change, {"name_fr": "Autre"}).status_code == 403
    assert client.get(reverse("admin:auth_user_add")).status_code == 403


def test_communication_sees_no_subscriber(client, subscriber):
    signed_in(client, "Communication")
    assert client.get(reverse("admin:newsletter_subscriber_change", args=[subscriber.pk])).status_code == 403


def test_newsletter_staff_see_and_manage_subscribers(client, subscriber):
    signed_in(client, "Newsletter")
    response = client.get(reverse("admin:newsletter_subscriber_changelist"))
    assert "reader@example.org" in response.text


def test_an_administrator_creates_an_account_and_puts_it_in_a_group(client):
    signed_in(client, "Administration")
    response = client.post(
        reverse("admin:auth_user_add"),
        {"username": "dominique", "usable_password": "false", "password1": "", "password2": ""},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    account = User.objects.get(username="dominique")
    change = reverse("admin:auth_user_change", args=[account.pk])
    form_page = client.get(change)
    assert 'name="groups"' in form_page.text
    # Superuser status and single permissions are not theirs to grant: the fields are not on the form.
    assert 'name="is_superuser"' not in form_page.text
    assert 'name="user_permissions"' not in form_page.text
    communication = Group.objects.get(name="Communication")
    response = client.post(
        change,
        {
            "username": "dominique",
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",  # sent anyway by a crafted request: ignored
            "groups": [communication.pk],
            "date_joined_0": "2026-12-01",
            "date_joined_1": "10:00:00",
        },
    )
    assert response.status_code == 302
    account.refresh_from_db()
    assert list(account.groups.all()) == [communication]
    assert account.is_staff
    assert not account.is_superuser


def test_an_administrator_cannot_take_over_a_superuser(client):
    root = User.objects.create_superuser("root", "root@example.org", "a long enough password 1")
    signed_in(client, "Administration")
    assert client.get(reverse("admin:auth_user_change", args=[root.pk])).status_code == 200  # view only
    assert client.get(reverse("admin:auth_user_password_change", args=[root.pk])).status_code == 403
    response = client.post(reverse("admin:auth_user_change", args=[root.pk]), {"username": "mine"})
    assert response.status_code == 403
    root.refresh_from_db()
    assert root.username == "root"


def test_an_administrator_sees_no_content(client, draft_city):
    signed_in(client, "Administration")
    index = client.get(reverse("admin:index"))
    assert reverse("admin:auth_user_changelist") in index.text
    assert reverse("admin:partnerships_partnercity_changelist") not in index.text
