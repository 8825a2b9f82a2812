"""Subscribe, confirm, unsubscribe and come back, in both languages, with the real e-mails."""

import datetime

import pytest

from newsletter.consent import CONSENT_TEXTS, CONSENT_VERSION
from newsletter.models import Subscriber
from tests.dates import site_time

from .helpers import ANSWER_PAGE, PAGE, confirmation_link, html_part, unsubscribe_link

LIFECYCLE = {
    "fr": {
        "subject": "Confirmez votre inscription à la lettre d’information Valmont à l’international",
        "body": "Quelqu’un, sans doute vous, a demandé à recevoir la lettre d’information",
        "not_you": "Ce n’est pas vous\u00a0?",
        "confirm_button": "Confirmer mon inscription",
        "confirmed": "Inscription confirmée",
        "unsubscribe_button": "Se désabonner",
        "unsubscribed": "Vous êtes désabonné",
    },
    "en": {
        "subject": "Confirm your subscription to the Valmont International newsletter",
        "body": "Someone, probably you, asked to receive the newsletter of Valmont International",
        "not_you": "Not you?",
        "confirm_button": "Confirm my subscription",
        "confirmed": "Subscription confirmed",
        "unsubscribe_button": "Unsubscribe",
        "unsubscribed": "You are unsubscribed",
    },
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_whole_lifecycle_in_the_subscribers_language(
    client, site_profile, subscribe, mailoutbox, clock, language
):
    words = LIFECYCLE[language]

    asked = clock(site_time(2027, 5, 3, 9, 0), tick=False)
    response = subscribe("Camille@Example.ORG", language=language)
    assert response.status_code == 302
    assert response["Location"] == ANSWER_PAGE[language]
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Camille@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.language == language

    [message] = mailoutbox
    assert message.to == ["Camille@example.org"]
    assert message.subject == words["subject"]
    assert words["body"] in message.body
    assert words["not_you"] in message.body
    assert words["body"] in html_part(message)
    assert f'<html lang="{language}">' in html_part(message)
    link = confirmation_link(message)
    assert link.startswith(PAGE[language])
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Opening the link (or a mail scanner fetching it) confirms nothing.
    page = client.get(link)
    assert page.status_code == 200
    assert words["confirm_button"] in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    confirmed_moment = clock(site_time(2027, 5, 3, 9, 20), tick=False)
    confirmed = client.post(link)
    assert confirmed.status_code == 200
    assert words["confirmed"] in confirmed.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert (subscriber.subscribed_at, subscriber.confirmed_at) == (asked, confirmed_moment)

    leave = unsubscribe_link(message)
    assert words["unsubscribe_button"] in client.get(leave).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED

    left_moment = clock(site_time(2027, 6, 1, 18, 0), tick=False)
    left = client.post(leave)
    assert left.status_code == 200
    assert words["unsubscribed"] in left.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at == left_moment
    assert subscriber.confirmed_at == confirmed_moment  # the proof of consent stays


def test_consent_proof_is_stored(site_profile, subscribe, clock):
    asked = clock(site_time(2027, 5, 3, 9, 0), tick=False)
    subscribe("ana@example.org", language="en", page_language="fr", source="/fr/villes-partenaires/?x=1")
    subscriber = Subscriber.objects.get()
    assert subscriber.language == "en"
    assert subscriber.form_language == "fr"
    assert subscriber.source_path == "/fr/villes-partenaires/"
    assert subscriber.consent_version == CONSENT_VERSION
    assert subscriber.subscribed_at == asked
    assert subscriber.confirmed_at is None
    assert subscriber.unsubscribed_at is None


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_form_shows_exactly_the_consent_text_of_the_stored_version(client, db, language):
    page = client.get(PAGE[language]).content.decode()
    assert CONSENT_TEXTS[CONSENT_VERSION][language] in page


def test_a_confirmation_link_works_once(client, site_profile, subscribe, mailoutbox):
    subscribe("once@example.org")
    link = confirmation_link(mailoutbox[0])
    assert client.post(link).status_code == 200

    again = client.post(link)
    assert "déjà confirmée" in again.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_an_old_confirmation_link_does_not_confirm_a_later_subscription(
    client, site_profile, subscribe, mailoutbox
):
    subscribe("back@example.org")
    first_link = confirmation_link(mailoutbox[0])
    client.post(first_link)
    client.post(unsubscribe_link(mailoutbox[0]))

    subscribe("back@example.org")
    subscriber = Subscriber.objects.get()
    assert subscriber.awaits_new_confirmation

    response = client.post(first_link)
    assert response.status_code == 400
    assert "Lien de confirmation non valable" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_an_expired_confirmation_link_offers_to_subscribe_again(
    client, site_profile, subscribe, mailoutbox, settings, clock
):
    sent_at = clock(site_time(2027, 3, 26, 10, 0))  # the 72 hours run across the change to summer time
    subscribe("late@example.org", language="en")
    link = confirmation_link(mailoutbox[0])
    hours = settings.NEWSLETTER_CONFIRMATION_MAX_AGE_HOURS
    # 72 real hours: added in UTC (on Paris wall time, the night of the change would count one hour less).
    clock(sent_at.astimezone(datetime.UTC) + datetime.timedelta(hours=hours, minutes=1))
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 400
        page = response.content.decode()
        assert "Confirmation link expired" in page
        assert "This link was valid for 72 hours" in page
        assert 'action="/en/newsletter/"' in page
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_link_still_valid_just_before_expiry_confirms(
    client, site_profile, subscribe, mailoutbox, settings, clock
):
    sent_at = clock(site_time(2027, 10, 29, 10, 0))  # and across the change back to winter time
    subscribe("justintime@example.org", language="en")
    link = confirmation_link(mailoutbox[0])
    hours = settings.NEWSLETTER_CONFIRMATION_MAX_AGE_HOURS
    clock(sent_at.astimezone(datetime.UTC) + datetime.timedelta(hours=hours, minutes=-1))
    assert client.post(link).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


@pytest.mark.parametrize(
    "token",
    ["nonsense", "a" * 5000, "eyJzIjoxLCJuIjoieCJ9:1abcde:forged-signature", "%00%ff", "..:..:.."],
)
def test_tampered_links_get_a_clear_page(client, db, token):
    for path in (
        f"/fr/lettre-d-information/confirmer/{token}/",
        f"/fr/lettre-d-information/desabonnement/{token}/",
    ):
        for response in (client.get(path), client.post(path)):
            assert response.status_code in (400, 404)
            assert "non valable" in response.content.decode() or response.status_code == 404


def test_pending_subscriber_asking_again_gets_another_mail_and_both_links_work(
    client, site_profile, subscribe, mailoutbox
):
    subscribe("twice@example.org")
    subscribe("twice@example.org", language="en")
    assert len(mailoutbox) == 2
    assert Subscriber.objects.get().language == "en"
    assert mailoutbox[1].subject.startswith("Confirm your subscription")
    assert client.get(confirmation_link(mailoutbox[0])).status_code == 200
    assert client.post(confirmation_link(mailoutbox[1])).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_confirmed_subscriber_asking_again_is_told_and_nothing_changes(
    client, site_profile, subscribe, mailoutbox
):
    subscribe("fan@example.org", language="en")
    client.post(confirmation_link(mailoutbox[0]))
    confirmed_at = Subscriber.objects.get().confirmed_at

    subscribe("FAN@example.org", language="fr")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at == confirmed_at
    assert subscriber.language == "en"
    notice = mailoutbox[1]
    assert notice.subject == "You already receive the Valmont International newsletter"
    assert "/confirm" not in notice.body
    assert unsubscribe_link(notice).startswith("/en/newsletter/unsubscribe/")


def test_resubscribing_after_unsubscribing_starts_a_fresh_double_opt_in(
    client, site_profile, subscribe, mailoutbox
):
    subscribe("again@example.org", page_language="en", language="en")
    client.post(confirmation_link(mailoutbox[0]))
    client.post(unsubscribe_link(mailoutbox[0]))
    left = Subscriber.objects.get()

    subscribe("again@example.org", language="fr")
    subscriber = Subscriber.objects.get()
    # Until the owner confirms, the address stays unsubscribed and the proof of its withdrawal stays.
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.awaits_new_confirmation
    assert (subscriber.confirmed_at, subscriber.unsubscribed_at) == (left.confirmed_at, left.unsubscribed_at)
    assert subscriber.language == "fr"
    assert subscriber.form_language == "fr"
    assert subscriber.subscribed_at > left.subscribed_at
    assert not Subscriber.objects.confirmed().exists()
    assert len(mailoutbox) == 2
    assert mailoutbox[1].subject.startswith("Confirmez votre inscription")

    client.post(confirmation_link(mailoutbox[1]))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at > left.unsubscribed_at
    assert subscriber.unsubscribed_at is None
    assert list(Subscriber.objects.confirmed()) == [subscriber]


def test_unsubscribe_link_of_an_old_mail_works_after_resubscribing(
    client, site_profile, subscribe, mailoutbox
):
    subscribe("loyal@example.org")
    old_unsubscribe = unsubscribe_link(mailoutbox[0])
    client.post(confirmation_link(mailoutbox[0]))
    client.post(old_unsubscribe)
    subscribe("loyal@example.org")
    client.post(confirmation_link(mailoutbox[1]))

    response = client.post(old_unsubscribe)
    assert "Vous êtes désabonné" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_unsubscribing_twice_says_so(client, site_profile, subscribe, mailoutbox):
    subscribe("gone@example.org")
    link = unsubscribe_link(mailoutbox[0])
    client.post(link)
    response = client.get(link)
    assert response.status_code == 200
    assert "Déjà désabonné" in response.content.decode()


def test_one_click_unsubscribe_from_a_mail_provider(client, site_profile, subscribe, mailoutbox):
    """RFC 8058: the provider POSTs `List-Unsubscribe=One-Click` to the header's URL, without Origin."""
    subscribe("oneclick@example.org")
    url = mailoutbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    response = client.post(url.removeprefix("http://127.0.0.1:8000"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.parametrize("page_language", ["fr", "en"])
def test_asking_for_an_unsubscribe_link_by_address(
    client, site_profile, subscribe, ask_unsubscribe_link, mailoutbox, page_language
):
    subscribe("lost@example.org", language="en")
    client.post(confirmation_link(mailoutbox[0]))

    response = ask_unsubscribe_link("LOST@example.org", page_language=page_language)
    assert response.status_code == 302
    message = mailoutbox[1]
    assert message.to == ["lost@example.org"]
    assert message.subject == "Your link to unsubscribe from the Valmont International newsletter"
    client.post(unsubscribe_link(message))
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_links_are_built_from_the_configured_base_url(client, site_profile, subscribe, mailoutbox, settings):
    settings.SITE_BASE_URL = "https://international.example.org"
    subscribe("abs@example.org")
    assert "https://international.example.org/fr/lettre-d-information/confirmer/" in mailoutbox[0].body
    assert (
        mailoutbox[0]
        .extra_headers["List-Unsubscribe"]
        .startswith("<https://international.example.org/fr/lettre-d-information/desabonnement/")
    )


def test_mails_name_the_site_from_its_profile_never_a_fixed_city(client, db, subscribe, mailoutbox):
    from angers_intl.models import SiteProfile

    SiteProfile.objects.create(
        city_name="Tampere", site_title="Tampere International", contact_email="hello@tampere.example"
    )
    subscribe("t@example.org", language="en")
    message = mailoutbox[0]
    assert "Tampere International" in message.subject
    assert "Angers" not in message.body + html_part(message)  # no city name is written in code
    assert message.reply_to == ["hello@tampere.example"]
