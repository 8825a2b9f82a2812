"""Scheduled publishing: a published item is public from its `publish_at` until its `unpublish_at`, decided at
request time, the same way on every page, download and feed; the admin shows where each item stands, refuses
an end before the start and a publication with an empty required French field; the caches catch up within
the documented delay."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group, User
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from angers_intl.content_format import load_folder
from angers_intl.querysets import PublicationState
from angers_intl.staff import COMMUNICATION_GROUP
from networks.models import Network, NetworkKind, NetworkScope, Recognition, RecognitionKind
from newsletter.drafts import what_changed
from newsletter.rendering import issue_cards
from newsletter.sending import problems_before_sending
from partnerships.content_kinds import KINDS as partnership_kinds
from partnerships.models import AgreementType, Milestone, PartnerCity, Programme
from tests.admin_forms import admin_form_data
from tests.dates import site_time
from tests.newsletter.issues import issue

SECOND = datetime.timedelta(seconds=1)
DAY = datetime.timedelta(days=1)
START = site_time(2026, 3, 2, 9)  # a Monday, 9:00 in Paris
END = site_time(2026, 3, 9, 18)

LIST = "/fr/villes-partenaires/"
TIMELINE = "/en/partner-cities/timeline/"
SITEMAP = "/sitemap-partner-cities.xml"
OPEN_DATA = "/en/partner-cities/open-data.json"


def city(slug="haarlem", name="Haarlem", **fields):
    values = {
        "slug": slug,
        "name_fr": name,
        "name_en": name,
        "country": "NL",
        "agreement_type": AgreementType.TWINNING,
        "year_started": 1964,
        "summary_fr": "Une ville jumelle.",
        "summary_en": "A twin town.",
        "published": True,
        **fields,
    }
    return PartnerCity.objects.create(**values)


def what_visitors_see(client, item):
    """Where `item` (a partner city) shows: its page, the list, the sitemap, the open data."""
    page = client.get(item.get_absolute_url())
    return {
        "page": page.status_code,
        "list": item.name_fr in client.get(LIST).content.decode(),
        "sitemap": f"/{item.slug}/" in client.get(SITEMAP).content.decode(),
        "open data": item.slug
        in [row["slug"] for row in json.loads(client.get(OPEN_DATA).content)["partner_cities"]],
    }


VISIBLE = {"page": 200, "list": True, "sitemap": True, "open data": True}
HIDDEN = {"page": 404, "list": False, "sitemap": False, "open data": False}


# -- The rule, at its boundaries -------------------------------------------------------------------------


def test_an_item_goes_public_at_its_start_and_stops_at_its_end_on_every_page(client, db, clock):
    haarlem = city(publish_at=START, unpublish_at=END)
    clock(START - SECOND, tick=False)
    assert what_visitors_see(client, haarlem) == HIDDEN
    clock(START, tick=False)
    assert what_visitors_see(client, haarlem) == VISIBLE
    clock(END - SECOND, tick=False)
    assert what_visitors_see(client, haarlem) == VISIBLE
    clock(END, tick=False)
    assert what_visitors_see(client, haarlem) == HIDDEN


def test_an_unticked_item_stays_a_draft_whatever_its_dates(client, db, clock):
    draft = city(published=False, publish_at=START)
    clock(START + SECOND, tick=False)
    assert what_visitors_see(client, draft) == HIDDEN
    assert draft.publication_state().state == PublicationState.DRAFT


def test_a_key_date_of_a_city_not_yet_public_is_not_in_the_timeline(client, db, clock):
    city(slug="eastwold", name="Eastwold", year_started=1971)
    coming = city(slug="haarlem", name="Haarlem", publish_at=START)
    Milestone.objects.create(
        partner_city=coming, year=1990, title_fr="Pont", title_en="A bridge named after us"
    )
    clock(START - SECOND, tick=False)
    html = client.get(TIMELINE).content.decode()
    assert "Eastwold" in html
    assert "A bridge named after us" not in html
    assert "Haarlem" not in html
    assert not Milestone.objects.of_published_cities().exists()
    clock(START, tick=False)
    assert "A bridge named after us" in client.get(TIMELINE).content.decode()


def test_other_kinds_follow_the_same_rule(client, db, clock):
    haarlem = city()
    programme = Programme.objects.create(
        slug="youth", name_fr="Échanges", summary_fr="Des jeunes.", published=True, unpublish_at=END
    )
    programme.partner_cities.add(haarlem)
    network = Network.objects.create(
        slug="eurocities",
        name_fr="Eurocities",
        kind=NetworkKind.CITY_NETWORK,
        scope=NetworkScope.EUROPEAN,
        published=True,
        publish_at=START,
    )
    Recognition.objects.create(
        slug="europe-prize",
        name_fr="Prix de l’Europe",
        kind=RecognitionKind.AWARD,
        published=True,
        unpublish_at=END,
    )
    clock(START - SECOND, tick=False)
    assert client.get(programme.get_absolute_url()).status_code == 200
    assert client.get(network.get_absolute_url()).status_code == 404
    assert "Prix de l’Europe" in client.get("/fr/labels-et-distinctions/").content.decode()
    clock(END, tick=False)
    assert client.get(programme.get_absolute_url()).status_code == 404
    assert "Échanges" not in client.get(haarlem.get_absolute_url()).content.decode()
    assert client.get(network.get_absolute_url()).status_code == 200
    assert "Prix de l’Europe" not in client.get("/fr/labels-et-distinctions/").content.decode()


@pytest.mark.parametrize(
    ("fields", "at", "state"),
    [
        ({"published": False}, START, PublicationState.DRAFT),
        ({"publish_at": START}, START - SECOND, PublicationState.SCHEDULED),
        ({"publish_at": START}, START, PublicationState.LIVE),
        ({"unpublish_at": END}, END - SECOND, PublicationState.LIVE),
        ({"publish_at": START, "unpublish_at": END}, END, PublicationState.ENDED),
        ({}, END, PublicationState.LIVE),
    ],
)
def test_the_record_and_the_database_apply_one_rule(db, fields, at, state):
    haarlem = city(**fields)
    assert haarlem.publication_state(at).state == state
    assert haarlem.is_public(at) == (state == PublicationState.LIVE)
    assert PartnerCity.objects.published(at=at).exists() == haarlem.is_public(at)
    assert list(PartnerCity.objects.in_state(state, at=at)) == [haarlem]


# -- The admin ---------------------------------------------------------------------------------------------


@pytest.fixture
def editor(db, client):
    user = User.objects.create(username="camille", is_staff=True)
    user.groups.add(Group.objects.get(name=COMMUNICATION_GROUP))
    client.force_login(user)
    return user


def test_the_list_says_where_each_item_stands_in_the_staff_members_language(client, editor, clock):
    city(slug="draft", name="Draft town", published=False)
    city(slug="coming", name="Coming town", publish_at=START)
    city(slug="live", name="Live town")
    city(slug="until", name="Until town", unpublish_at=END)
    city(slug="gone", name="Gone town", publish_at=START - DAY * 30, unpublish_at=START - DAY)
    clock(START - SECOND, tick=False)
    changelist = reverse("admin:partnerships_partnercity_changelist")
    english = client.get(changelist, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for label in (
        "Draft",
        "Scheduled (goes live on March 2, 2026, 9 a.m.)",
        "Live",
        "Live until March 9, 2026, 6 p.m.",
        "Ended (unpublished on March 1, 2026, 9 a.m.)",
    ):
        assert f'<td class="field-publication_state">{label}</td>' in english
    french = client.get(changelist, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    for label in (
        "Brouillon",
        "Programmé (en ligne le 2 mars 2026 09:00)",
        "En ligne",
        "En ligne jusqu’au 9 mars 2026 18:00",
        "Terminé (hors ligne depuis le 1 mars 2026 09:00)",
    ):
        assert f'<td class="field-publication_state">{label}</td>' in french
    scheduled = client.get(
        changelist, {"publication": "scheduled"}, HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Coming town" in scheduled
    assert "Live town" not in scheduled


def test_an_end_before_the_start_is_refused_beside_the_field(client, editor):
    haarlem = city()
    url = reverse("admin:partnerships_partnercity_change", args=[haarlem.pk])
    data = admin_form_data(client.get(url))
    data.update(
        {
            "publish_at_0": "2026-03-09",
            "publish_at_1": "18:00",
            "unpublish_at_0": "2026-03-02",
            "unpublish_at_1": "09:00",
        }
    )
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["unpublish_at"] == [
        "The end of publication must come after its start: choose a later moment, or leave it empty."
    ]
    french = client.post(url, data, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "La fin de la publication doit venir après son début" in french
    haarlem.refresh_from_db()
    assert haarlem.publish_at is None
    assert haarlem.unpublish_at is None


def test_the_database_refuses_an_end_before_the_start(db):
    haarlem = city()
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerCity.objects.filter(pk=haarlem.pk).update(publish_at=END, unpublish_at=START)
    with pytest.raises(IntegrityError), transaction.atomic():
        Network.objects.create(
            slug="n",
            name_fr="N",
            kind=NetworkKind.CITY_NETWORK,
            scope=NetworkScope.EUROPEAN,
            publish_at=START,
            unpublish_at=START,
        )


def test_ticking_published_with_an_empty_french_name_is_refused_in_the_form(client, editor):
    imported = city(slug="torun", name="", name_en="Toruń", published=False)
    # The change form.
    change = reverse("admin:partnerships_partnercity_change", args=[imported.pk])
    data = admin_form_data(client.get(change))
    data["published"] = "on"
    response = client.post(change, data, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert (
        "Impossible de publier « Toruń » : ce champ est vide en français : nom. Remplissez-le d’abord."
        in response.context["adminform"].form.errors["published"]
    )
    imported.refresh_from_db()
    assert not imported.published


def test_the_bulk_action_publishes_the_others_and_names_the_refused(client, editor):
    ready = [city(slug=f"ready-{n}", name=f"Ready {n}", published=False) for n in range(2)]
    imported = city(slug="torun", name="", name_en="Toruń", summary_fr="", published=False)
    response = client.post(
        reverse("admin:partnerships_partnercity_changelist"),
        {"action": "publish_selected", "_selected_action": [imported.pk, *(c.pk for c in ready)]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    html = response.content.decode()
    assert (
        "“Toruń” cannot be published: these fields are empty in French: name, summary. Fill them in first."
        in html
    )
    assert "2 items published." in html
    assert set(PartnerCity.objects.published()) == set(ready)
    imported.refresh_from_db()
    assert not imported.published


# -- Caching -----------------------------------------------------------------------------------------------


@pytest.fixture
def fragments_in_memory(settings):
    """Fragment caching on, in this process's memory (whose expiry follows the test's clock)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sched"}
    }
    settings.FRAGMENT_CACHE_SECONDS = 60
    return datetime.timedelta(seconds=60)


def test_a_time_driven_change_shows_once_the_fragments_expire(client, db, clock, fragments_in_memory):
    ttl = fragments_in_memory
    leaving = city(slug="leaving", name="Leaving town", unpublish_at=END)
    coming = city(slug="coming", name="Coming town", publish_at=START)
    clock(START - SECOND, tick=False)
    first = client.get(LIST).content.decode()
    assert "Leaving town" in first
    assert "Coming town" not in first
    assert client.get(leaving.get_absolute_url()).status_code == 200
    # Saves bump the content version; a clock passing a moment does not: the delay is the fragments' TTL.
    clock(START + ttl + SECOND, tick=False)
    assert "Coming town" in client.get(LIST).content.decode()
    assert client.get(coming.get_absolute_url()).status_code == 200
    clock(END + ttl + SECOND, tick=False)
    assert "Leaving town" not in client.get(LIST).content.decode()
    assert client.get(leaving.get_absolute_url()).status_code == 404


# -- Content folder and newsletter -------------------------------------------------------------------------


def test_the_content_folder_carries_the_schedule(db, tmp_path):
    (tmp_path / "partner-cities.yaml").write_text(
        "- slug: haarlem\n"
        "  name: {fr: Haarlem}\n"
        "  country: NL\n"
        "  agreement_type: twinning\n"
        "  year_started: 1964\n"
        "  summary: {fr: Une ville jumelle.}\n"
        "  published: true\n"
        "  publish_at: 2026-03-02T09:00:00+01:00\n"
        "  unpublish_at: '2026-03-09 18:00'\n",
        encoding="utf-8",
    )
    load_folder(tmp_path, kinds=[kind for kind in partnership_kinds if kind.model is PartnerCity])
    haarlem = PartnerCity.objects.get()
    assert haarlem.publish_at == START
    assert haarlem.unpublish_at == END


def test_the_newsletter_draft_lists_what_went_public_at_its_start(db, clock):
    clock(START - datetime.timedelta(days=100), tick=False)  # saved long before the draft's window
    city(slug="coming", name="Coming town", publish_at=START)
    city(slug="old", name="Old town")
    city(slug="leaving", name="Leaving town", publish_at=START - SECOND, unpublish_at=START)
    now = clock(START + datetime.timedelta(days=1), tick=False)
    assert [c.slug for c in what_changed(now=now)["cities"]] == ["coming"]


def test_a_newsletter_card_must_be_public_when_the_issue_goes_out_and_shows_only_while_public(db, clock):
    clock(START - DAY, tick=False)
    coming = city(slug="coming", name="Coming town", publish_at=START)
    leaving = city(slug="leaving", name="Leaving town", unpublish_at=START)
    news = issue()
    news.partner_cities.add(coming, leaving)
    with translation.override("en"):
        before = problems_before_sending(news)
        at_start = problems_before_sending(news, scheduled_at=START)
    assert before == ["“Coming town” is not published: publish it or remove its card."]
    assert at_start == ["“Leaving town” is not published: publish it or remove its card."]
    assert [card["title"] for card in issue_cards(news, absolute=False)] == ["Leaving town"]
    clock(START, tick=False)
    assert [card["title"] for card in issue_cards(news, absolute=False)] == ["Coming town"]
