"""The public pages of news and events, in both languages, under a fixed clock: the lists, the page of each
item with its JSON-LD, calls for projects open or closed in words, the home page and the pages of what they
link to."""

import datetime
import json
import re

import pytest

from tests.dates import site_time


def main_of(response):
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def json_ld(response):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode())
    return json.loads(found[1])


@pytest.mark.parametrize(
    ("news_path", "events_path"), [("/fr/actualites/", "/fr/agenda/"), ("/en/news/", "/en/events/")]
)
def test_the_lists_answer_in_both_languages_and_are_cacheable(client, site_profile, news_path, events_path):
    for path in (news_path, events_path):
        response = client.get(path)
        assert response.status_code == 200
        assert response["Cache-Control"] == "public, max-age=300"
        assert "Set-Cookie" not in response


def test_the_news_list_shows_published_news_newest_first(client, site_profile, make_news_item, in_english):
    make_news_item(title="Plus ancienne", title_en="Older", date=datetime.date(2027, 1, 5))
    make_news_item(title="Récente", title_en="Recent", date=datetime.date(2027, 3, 5))
    make_news_item(title="Brouillon", published=False)
    english = main_of(client.get("/en/news/"))
    assert english.index("Recent") < english.index("Older")
    assert "Brouillon" not in english
    french = main_of(client.get("/fr/actualites/"))
    assert french.index("Récente") < french.index("Plus ancienne")


def test_the_news_list_is_paginated(client, site_profile, make_news_item, settings):
    settings.PUBLIC_LIST_PAGE_SIZE = 2
    for day in range(1, 6):
        make_news_item(title=f"Nouvelle {day}", date=datetime.date(2027, 3, day))
    first = main_of(client.get("/fr/actualites/"))
    assert "Nouvelle 5" in first
    assert "Nouvelle 3" not in first
    assert "Nouvelle 1" in main_of(client.get("/fr/actualites/?page=3"))
    assert client.get("/fr/actualites/?page=4").status_code == 404


def test_the_events_page_lists_coming_events_then_past_ones(client, site_profile, make_event, clock):
    clock(site_time(2027, 3, 29, 12))
    make_event(title="Visite passée", title_en="Past visit", starts_at=site_time(2027, 3, 1, 10))
    make_event(title="Cérémonie", title_en="Ceremony", starts_at=site_time(2027, 3, 30, 18))
    make_event(title="Départ", title_en="Departure", starts_at=site_time(2027, 4, 10, 9))
    english = main_of(client.get("/en/events/"))
    assert [
        english.index(text)
        for text in ("Coming events", "Ceremony", "Departure", "Past events", "Past visit")
    ] == sorted(
        english.index(text)
        for text in ("Coming events", "Ceremony", "Departure", "Past events", "Past visit")
    )
    french = main_of(client.get("/fr/agenda/"))
    assert french.index("Événements à venir") < french.index("Cérémonie") < french.index("Événements passés")
    assert "/fr/agenda/agenda.ics" in french


def test_the_events_page_says_when_nothing_is_coming(client, site_profile, make_event, clock):
    clock(site_time(2027, 5, 1))
    make_event(title="Visite passée")
    page = main_of(client.get("/fr/agenda/"))
    assert "Aucun événement n’est prévu pour le moment." in page
    assert "Événements passés" in page


def test_an_events_page_shows_its_times_in_its_zone_and_its_json_ld(client, site_profile, make_event):
    event = make_event(
        title="Cérémonie",
        title_en="Ceremony",
        summary_en="A ceremony open to all.",
        place_en="Council chamber",
        online=True,
        registration_url="https://example.org/register",
    )
    response = client.get(f"/en/events/{event.slug}/")
    page = main_of(response)
    assert '<time datetime="2027-03-28T18:00:00+0200">' in page
    assert "/en/events/" + event.slug + "/event.ics" in page
    assert "Council chamber" in page
    data = json_ld(response)
    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Ceremony",
        "description": "A ceremony open to all.",
        "startDate": "2027-03-28T18:00+02:00",
        "endDate": "2027-03-28T20:00+02:00",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
        "url": f"http://testserver/en/events/{event.slug}/",
        "location": [
            {"@type": "Place", "name": "Council chamber", "address": "Council chamber"},
            {"@type": "VirtualLocation", "url": "https://example.org/register"},
        ],
        "organizer": {"@type": "Organization", "name": "Valmont International"},
        "offers": {"@type": "Offer", "url": "https://example.org/register"},
    }


def test_an_event_in_another_zone_says_so(client, site_profile, make_event):
    event = make_event(
        starts_at=datetime.datetime(2027, 6, 1, 14, tzinfo=datetime.UTC), time_zone="America/New_York"
    )
    page = main_of(client.get(f"/en/events/{event.slug}/"))
    assert '<time datetime="2027-06-01T10:00:00-0400">' in page
    assert "local time, America/New_York" in page


def test_a_news_items_page_has_its_news_article_json_ld(client, site_profile, make_news_item):
    item = make_news_item(title="Délégation en visite", date=datetime.date(2027, 3, 1))
    response = client.get(f"/fr/actualites/{item.slug}/")
    assert response.status_code == 200
    data = json_ld(response)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Délégation en visite"
    assert data["datePublished"] == "2027-03-01"
    assert data["description"] == "Une délégation est reçue à l’hôtel de ville."
    assert data["url"] == f"http://testserver/fr/actualites/{item.slug}/"
    assert data["publisher"] == {"@type": "Organization", "name": "Valmont à l’international"}


def test_an_english_page_shows_the_french_text_marked_when_english_is_missing(
    client, site_profile, make_news_item
):
    item = make_news_item(title="Délégation en visite")
    page = main_of(client.get(f"/en/news/{item.slug}/"))
    assert '<h1 id="item-title"><span lang="fr">Délégation en visite</span></h1>' in page


def test_a_call_for_projects_is_open_until_its_deadline_then_closed(
    client, site_profile, make_news_item, clock
):
    deadline = site_time(2027, 4, 30, 23, 59)
    item = make_news_item(title="Appel à projets", deadline=deadline)
    clock(deadline - datetime.timedelta(minutes=1), tick=False)
    french = main_of(client.get(f"/fr/actualites/{item.slug}/"))
    assert "Appel à projets ouvert :" in french
    assert "candidatures jusqu’au 30 avril 2027 23:59" in french
    assert "Call for projects open:" in main_of(client.get("/en/news/"))
    clock(deadline, tick=False)
    french = main_of(client.get(f"/fr/actualites/{item.slug}/"))
    assert "Appel à projets clos :" in french
    assert "candidatures closes le 30 avril 2027 23:59" in french
    assert "Call for projects closed:" in main_of(client.get("/en/news/"))


def test_a_calls_page_changes_at_its_deadline_even_with_fragments_cached(
    client, site_profile, make_news_item, clock, settings
):
    settings.FRAGMENT_CACHE_SECONDS = 60
    deadline = site_time(2027, 4, 30, 12)
    item = make_news_item(deadline=deadline)
    clock(deadline - datetime.timedelta(seconds=10), tick=False)
    assert "Appel à projets ouvert" in main_of(client.get(f"/fr/actualites/{item.slug}/"))
    clock(deadline + datetime.timedelta(seconds=1), tick=False)
    # The page's fragment is keyed on the call's state: no stale "open" once the deadline has passed.
    assert "Appel à projets clos" in main_of(client.get(f"/fr/actualites/{item.slug}/"))


def test_unpublished_items_are_not_found(client, site_profile, make_news_item, make_event):
    item = make_news_item(published=False)
    event = make_event(published=False)
    assert client.get(f"/fr/actualites/{item.slug}/").status_code == 404
    assert client.get(f"/fr/agenda/{event.slug}/").status_code == 404
    assert client.get(f"/fr/agenda/{event.slug}/evenement.ics").status_code == 404


def test_the_home_page_shows_the_latest_news_and_next_events_only_when_there_are_some(
    client, site_profile, make_news_item, make_event, clock
):
    clock(site_time(2027, 3, 20))
    assert "Dernières actualités" not in main_of(client.get("/fr/"))
    assert "Prochains événements" not in main_of(client.get("/fr/"))
    make_news_item(title="Délégation en visite")
    make_event(title="Visite passée", starts_at=site_time(2027, 3, 1, 10))
    page = main_of(client.get("/fr/"))
    assert "Délégation en visite" in page
    assert "Prochains événements" not in page  # the only event is past
    make_event(title="Cérémonie", title_en="Ceremony")
    english = main_of(client.get("/en/"))
    assert "Latest news" in english
    assert "Next events" in english
    assert "Ceremony" in english


def test_partner_city_programme_and_network_pages_list_their_news_and_coming_events(
    client, site_profile, make_news_item, make_event, make_city, make_network, clock
):
    from partnerships.models import Programme

    clock(site_time(2027, 3, 20))
    city = make_city()
    programme = Programme.objects.create(
        slug="jeunes", name_fr="Jeunes", summary_fr="Échanges.", published=True
    )
    network = make_network()
    links = {"partner_cities": [city], "programmes": [programme], "networks": [network]}
    make_news_item(title="Délégation en visite", links=links)
    make_event(title="Cérémonie", links=links)
    make_event(title="Visite passée", starts_at=site_time(2027, 3, 1, 10), links=links)
    make_news_item(title="Brouillon", published=False, links=links)
    for path in (city.get_absolute_url(), programme.get_absolute_url(), network.get_absolute_url()):
        page = main_of(client.get(path))
        assert "Délégation en visite" in page, path
        assert "Cérémonie" in page, path
        assert "Visite passée" not in page, path
        assert "Brouillon" not in page, path


def test_the_labels_page_shows_the_news_of_each_distinction(
    client, site_profile, make_news_item, make_event, make_recognition, clock
):
    from networks.models import Distinction

    clock(site_time(2027, 3, 20))
    recognition = make_recognition()
    distinction = Distinction.objects.create(recognition=recognition, year=2026)
    make_news_item(title="Label obtenu", links={"distinctions": [distinction]})
    make_event(title="Remise du label", links={"distinctions": [distinction]})
    page = main_of(client.get("/fr/labels-et-distinctions/"))
    assert "Label obtenu" in page
    assert "Remise du label" in page


def test_every_page_advertises_both_atom_feeds_each_with_its_title(client, site_profile, in_english):
    for path in ("/fr/", "/en/partner-cities/", "/en/events/"):
        page = client.get(path).content.decode()
        feeds = re.findall(
            r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)" title="([^"]+)">', page
        )
        assert len(feeds) == 2, path
        assert len({title for _href, title in feeds}) == 2
    english = client.get("/en/").content.decode()
    assert 'href="/en/news/feed/" title="News and events (Atom feed)"' in english
    assert 'href="/en/newsletter/issues/feed/" title="Newsletter archive (Atom feed)"' in english


def test_the_header_links_to_the_news_and_the_events(client, site_profile):
    page = client.get("/fr/agenda/").content.decode()
    assert '<a href="/fr/actualites/">Actualités</a>' in page
    assert '<a href="/fr/agenda/" aria-current="page">Agenda</a>' in page


def test_the_sitemap_lists_the_published_items(client, site_profile, make_news_item, make_event):
    item = make_news_item()
    event = make_event()
    make_news_item(title="Brouillon", published=False, slug="brouillon")
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-news.xml" in index
    assert "sitemap-events.xml" in index
    news = client.get("/sitemap-news.xml").content.decode()
    assert f"http://testserver/fr/actualites/{item.slug}/" in news
    assert f"http://testserver/en/news/{item.slug}/" in news
    assert "brouillon" not in news
    assert f"http://testserver/en/events/{event.slug}/" in client.get("/sitemap-events.xml").content.decode()


def test_a_former_slug_redirects_to_the_current_page(client, site_profile, make_news_item):
    item = make_news_item(slug="ancienne-adresse")
    item.slug = "nouvelle-adresse"
    item.save()
    response = client.get("/en/news/ancienne-adresse/")
    assert response.status_code == 301
    assert response["Location"] == "/en/news/nouvelle-adresse/"


def test_the_previews_are_for_staff_only(client, site_profile, make_event, django_user_model):
    event = make_event(published=False)
    response = client.get(f"/en/events/preview/{event.slug}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    client.force_login(django_user_model.objects.create(username="someone", is_staff=True))
    assert client.get(f"/en/events/preview/{event.slug}/").status_code == 403
