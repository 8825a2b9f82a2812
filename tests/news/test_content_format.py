"""News and events in a city's content folder (docs/content-format.md): loaded like every kind, their times
with their offset, their links by slug; refused whole on a bad record; exported back the same."""

import datetime
import io
import shutil
import zoneinfo

import pytest
from django.core.management import CommandError, call_command

from news.models import Event, NewsItem
from tests.test_content_format import SECOND_CITY, assert_same_folders, empty_the_database, export

NEWS = """\
- slug: appel-a-projets
  title: {fr: Appel à projets, en: Call for projects}
  date: 2027-03-01
  summary: {fr: Les associations peuvent candidater., en: Associations may apply.}
  deadline: 2027-04-30T23:59:00+02:00
  partner_cities: [lumera]
  published: true
"""
EVENTS = """\
- slug: ceremonie
  title: {fr: Cérémonie, en: Ceremony}
  starts_at: 2027-03-28T18:00:00+02:00
  ends_at: 2027-03-28T20:00:00+02:00
  time_zone: Europe/Paris
  place: {fr: Salle du conseil, en: Council chamber}
  registration_url: https://example.org/inscription
  summary: {fr: Une cérémonie ouverte à tous., en: A ceremony open to all.}
  networks: [villes-des-vallees]
  published: true
"""


@pytest.fixture
def folder(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    folder = tmp_path / "valmont"
    shutil.copytree(SECOND_CITY, folder)
    (folder / "news.yaml").write_text(NEWS, encoding="utf-8")
    (folder / "events.yaml").write_text(EVENTS, encoding="utf-8")
    return folder


def test_news_and_events_load_with_their_times_and_links(db, folder):
    call_command("load_content", str(folder), stdout=io.StringIO())
    item = NewsItem.objects.get()
    assert item.deadline == datetime.datetime(2027, 4, 30, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))
    assert [city.slug for city in item.partner_cities.all()] == ["lumera"]
    event = Event.objects.get()
    assert (event.title_en, event.place_en) == ("Ceremony", "Council chamber")
    assert event.starts_at == datetime.datetime(2027, 3, 28, 16, tzinfo=datetime.UTC)
    assert [network.slug for network in event.networks.all()] == ["villes-des-vallees"]


def test_they_round_trip(db, folder, tmp_path):
    call_command("load_content", str(folder), stdout=io.StringIO())
    first = export(tmp_path / "first")
    empty_the_database()
    call_command("load_content", str(first), stdout=io.StringIO())
    assert_same_folders(first, export(tmp_path / "second"))
    assert "ceremonie" in (first / "events.yaml").read_text()


def test_an_event_ending_before_it_starts_refuses_the_folder(db, folder):
    (folder / "events.yaml").write_text(EVENTS.replace("20:00:00", "17:00:00"), encoding="utf-8")
    errors = io.StringIO()
    with pytest.raises(CommandError):
        call_command("load_content", str(folder), stdout=io.StringIO(), stderr=errors)
    assert "events.yaml, ceremonie, ends_at: The event cannot end before it starts" in errors.getvalue()
    assert not NewsItem.objects.exists()
