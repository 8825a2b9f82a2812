"""The back office of news and events, as a member of the Communication group uses it: both languages,
the times in the event's own zone, and bad input answered by a message beside the field (never a 500)."""

import datetime
import zoneinfo

import pytest

from news.models import Event, NewsItem
from tests.dates import site_time

EVENT_FORM = {
    "title_fr": "Cérémonie anniversaire",
    "title_en": "Anniversary ceremony",
    "slug": "ceremonie",
    "time_zone": "Europe/Paris",
    "starts_at_0": "2027-03-28",
    "starts_at_1": "18:00",
    "ends_at_0": "2027-03-28",
    "ends_at_1": "20:00",
    "deadline_0": "",
    "deadline_1": "",
    "place_fr": "Salle du conseil",
    "place_en": "Council chamber",
    "registration_url": "https://example.org/inscription",
    "summary_fr": "Une cérémonie ouverte à tous.",
    "summary_en": "A ceremony open to all.",
    "body_fr": "",
    "body_en": "",
    "image_alt_fr": "",
    "image_alt_en": "",
    "image_credit_fr": "",
    "image_credit_en": "",
    "image_focal_x": "50",
    "image_focal_y": "50",
    "published": "on",
    "publish_at_0": "",
    "publish_at_1": "",
    "unpublish_at_0": "",
    "unpublish_at_1": "",
}

NEWS_FORM = {
    "title_fr": "Appel à projets Bamako",
    "title_en": "Call for projects: Bamako",
    "slug": "appel-bamako",
    "date": "2027-03-01",
    "deadline_0": "2027-04-30",
    "deadline_1": "23:59",
    "summary_fr": "Les associations peuvent candidater.",
    "summary_en": "Associations may apply.",
    "body_fr": "",
    "body_en": "",
    "image_alt_fr": "",
    "image_alt_en": "",
    "image_credit_fr": "",
    "image_credit_en": "",
    "image_focal_x": "50",
    "image_focal_y": "50",
    "published": "on",
    "publish_at_0": "",
    "publish_at_1": "",
    "unpublish_at_0": "",
    "unpublish_at_1": "",
}


def test_a_communication_member_adds_an_event_in_both_languages(staff_client, make_city):
    city = make_city()
    response = staff_client.post("/admin/news/event/add/", {**EVENT_FORM, "partner_cities": [city.pk]})
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(slug="ceremonie")
    assert (event.title_fr, event.title_en, event.place_en) == (
        "Cérémonie anniversaire",
        "Anniversary ceremony",
        "Council chamber",
    )
    assert event.starts_at == datetime.datetime(2027, 3, 28, 16, tzinfo=datetime.UTC)  # 18:00 summer time
    assert list(event.partner_cities.all()) == [city]
    assert event.history.count() == 1


def test_an_events_times_are_typed_and_shown_in_its_own_zone(staff_client):
    response = staff_client.post("/admin/news/event/add/", {**EVENT_FORM, "time_zone": "America/New_York"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(slug="ceremonie")
    assert event.starts_at == datetime.datetime(2027, 3, 28, 18, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    page = staff_client.get(f"/admin/news/event/{event.pk}/change/").content.decode()
    assert 'name="starts_at_1" value="18:00:00"' in page


def test_a_communication_member_adds_a_call_for_projects(staff_client):
    response = staff_client.post("/admin/news/newsitem/add/", NEWS_FORM)
    assert response.status_code == 302, response.context["adminform"].form.errors
    item = NewsItem.objects.get(slug="appel-bamako")
    assert item.deadline == datetime.datetime(2027, 4, 30, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))
    listing = staff_client.get("/admin/news/newsitem/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Appel à projets Bamako" in listing


BAD_EVENTS = {
    "an end before the start": (
        {"ends_at_0": "2027-03-28", "ends_at_1": "17:00"},
        "ends_at",
        "The event cannot end before it starts: choose a later end.",
        "L’événement ne peut pas finir avant de commencer : choisissez une fin plus tardive.",
    ),
    "a registration link that is not a web page": (
        {"registration_url": "ftp://example.org/form"},
        "registration_url",
        "Enter a web address starting with http:// or https://.",
        "Saisissez une adresse web commençant par http:// ou https://.",
    ),
    "a deadline after the end": (
        {"deadline_0": "2027-03-29", "deadline_1": "12:00"},
        "deadline",
        "The deadline must fall within the event’s dates, between its start and its end.",
        "La date limite doit tomber pendant l’événement, entre son début et sa fin.",
    ),
    "a deadline before the start": (
        {"deadline_0": "2027-03-01", "deadline_1": "12:00"},
        "deadline",
        "The deadline must fall within the event’s dates, between its start and its end.",
        "La date limite doit tomber pendant l’événement, entre son début et sa fin.",
    ),
}


@pytest.mark.parametrize("case", BAD_EVENTS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_bad_input_gets_a_message_beside_the_field(staff_client, case, language):
    changes, field, english, french = BAD_EVENTS[case]
    response = staff_client.post(
        "/admin/news/event/add/", {**EVENT_FORM, **changes}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors[field] == [english if language == "en" else french]
    assert not Event.objects.exists()


def test_the_list_filters_calls_open_and_closed(staff_client, communication_user, make_news_item, clock):
    clock(datetime.datetime(2027, 4, 1, 10, tzinfo=datetime.UTC))
    staff_client.force_login(communication_user)  # signed in at that moment
    make_news_item(title="Appel ouvert", deadline=datetime.datetime(2027, 5, 1, tzinfo=datetime.UTC))
    make_news_item(title="Appel clos", deadline=datetime.datetime(2027, 3, 1, tzinfo=datetime.UTC))
    opened = staff_client.get("/admin/news/newsitem/?call=open").content.decode()
    closed = staff_client.get("/admin/news/newsitem/?call=closed").content.decode()
    assert "Appel ouvert" in opened
    assert "Appel clos" not in opened
    assert "Appel clos" in closed
    assert "Appel ouvert" not in closed


def test_view_on_site_of_a_draft_opens_the_staff_preview(staff_client, make_event):
    event = make_event(published=False)
    page = staff_client.get(f"/admin/news/event/{event.pk}/change/").content.decode()
    assert f"/fr/agenda/apercu/{event.slug}/" in page
    preview = staff_client.get(f"/fr/agenda/apercu/{event.slug}/")
    assert preview.status_code == 200
    assert "private" in preview["Cache-Control"]


def test_publication_actions_publish_the_selected_items(staff_client, make_news_item):
    item = make_news_item(published=False)
    response = staff_client.post(
        "/admin/news/newsitem/", {"action": "publish_selected", "_selected_action": [item.pk]}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.published


def test_an_unchanged_event_form_saved_again_changes_nothing(staff_client, make_event):
    from django.contrib.admin.models import LogEntry

    from tests.admin_forms import admin_form_data

    event = make_event(time_zone="America/New_York")
    starts_at = event.starts_at
    url = f"/admin/news/event/{event.pk}/change/"
    data = admin_form_data(staff_client.get(url))
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.starts_at == starts_at
    entry = LogEntry.objects.filter(object_id=str(event.pk)).latest("action_time")
    assert entry.change_message == "[]"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_lists_and_forms_open_for_the_communication_group(
    staff_client, make_news_item, make_event, language
):
    item, event = make_news_item(), make_event(deadline=site_time(2027, 3, 28, 19))
    for url in (
        "/admin/news/newsitem/",
        "/admin/news/event/",
        "/admin/news/newsitem/add/",
        "/admin/news/event/add/",
        f"/admin/news/newsitem/{item.pk}/change/",
        f"/admin/news/event/{event.pk}/change/",
        f"/admin/news/event/{event.pk}/history/",
    ):
        assert staff_client.get(url, HTTP_ACCEPT_LANGUAGE=language).status_code == 200, url
    listing = staff_client.get("/admin/news/event/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    # The column and the filter of calls for projects, in the staff member's language.
    assert ("Appel à projets" if language == "fr" else "Call for projects") in listing
