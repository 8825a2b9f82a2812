"""Someone asks back an address that left: the proof of its withdrawal stays until its owner confirms."""

from datetime import timedelta

from django.utils import timezone

from newsletter import services
from newsletter.models import Subscriber
from tests.dates import site_time

from .helpers import confirmation_link, unsubscribe_link


def left_and_asked_back(client, subscribe, mailoutbox, email="left@example.org"):
    """An address that subscribed, confirmed and left; then someone submits it again. Returns the row as it left."""
    subscribe(email, language="en")
    client.post(confirmation_link(mailoutbox[0]))
    client.post(unsubscribe_link(mailoutbox[0]))
    left = Subscriber.objects.get()
    subscribe(email, language="fr")
    return left


def test_an_unconfirmed_request_for_an_address_that_left_sends_it_nothing(
    client, site_profile, subscribe, mailoutbox
):
    left_and_asked_back(client, subscribe, mailoutbox)
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber not in Subscriber.objects.confirmed()
    assert list(services.confirmed_subscriber_rows(Subscriber.objects.all())) == []


def test_the_purge_keeps_the_withdrawal_of_an_address_asked_back_but_never_confirmed(
    client, site_profile, subscribe, mailoutbox, clock
):
    clock(site_time(2027, 1, 20, 9, 0))
    left = left_and_asked_back(client, subscribe, mailoutbox)
    month_ago = timezone.now() - timedelta(days=40)
    Subscriber.objects.update(
        confirmed_at=month_ago - timedelta(days=2),
        unsubscribed_at=month_ago - timedelta(days=1),
        subscribed_at=month_ago,
    )

    assert services.purge_unconfirmed(older_than_days=30) == 0
    subscriber = Subscriber.objects.get(pk=left.pk)
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at == month_ago - timedelta(days=1)
    assert subscriber.confirmed_at == month_ago - timedelta(days=2)


def test_the_purge_still_deletes_an_address_that_never_confirmed_anything(db, site_profile, clock):
    clock(site_time(2027, 1, 20, 9, 0))
    services.request_subscription(email="never@example.org", language="fr")
    Subscriber.objects.update(subscribed_at=timezone.now() - timedelta(days=31))
    assert services.purge_unconfirmed(older_than_days=30) == 1
    assert not Subscriber.objects.exists()


def test_confirming_the_new_request_subscribes_again_with_new_dates(
    client, site_profile, subscribe, mailoutbox
):
    left = left_and_asked_back(client, subscribe, mailoutbox)
    assert client.post(confirmation_link(mailoutbox[1])).status_code == 200

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at > left.unsubscribed_at > left.confirmed_at
    assert subscriber.unsubscribed_at is None
    assert subscriber.subscribed_at > left.subscribed_at
    assert (subscriber.language, subscriber.form_language) == ("fr", "fr")
    assert list(Subscriber.objects.confirmed()) == [subscriber]


def test_asking_back_twice_before_confirming_keeps_both_links_working(
    client, site_profile, subscribe, mailoutbox
):
    left_and_asked_back(client, subscribe, mailoutbox)
    subscribe("left@example.org", language="fr")
    assert len(mailoutbox) == 3
    assert client.get(confirmation_link(mailoutbox[1])).status_code == 200
    assert client.post(confirmation_link(mailoutbox[2])).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_the_unsubscribe_link_of_the_new_confirmation_e_mail_refuses_the_request(
    client, site_profile, subscribe, mailoutbox
):
    left = left_and_asked_back(client, subscribe, mailoutbox)
    page = client.get(unsubscribe_link(mailoutbox[1]))
    assert page.status_code == 200
    assert "Déjà désabonné" not in page.content.decode()
    assert "Se désabonner de la lettre d’information" in page.content.decode()

    assert client.post(unsubscribe_link(mailoutbox[1])).status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert not subscriber.awaits_new_confirmation
    assert subscriber.unsubscribed_at > left.unsubscribed_at
    assert client.post(confirmation_link(mailoutbox[1])).status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_an_old_confirmation_link_cannot_confirm_an_address_that_left(
    client, site_profile, subscribe, mailoutbox
):
    subscribe("gone@example.org")
    client.post(unsubscribe_link(mailoutbox[0]))  # refused before confirming
    assert client.post(confirmation_link(mailoutbox[0])).status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
