"""Factories for news and events: each test makes the items it needs (the bundled content has none)."""

import datetime
import itertools

import pytest

from tests.dates import site_time

_numbers = itertools.count(1)


@pytest.fixture
def make_news_item(db):
    from news.models import NewsItem

    def make(*, title="Délégation en visite", links=None, **fields):
        number = next(_numbers)
        values = {
            "title_fr": title,
            "title_en": fields.pop("title_en", ""),
            "slug": f"actualite-{number}",
            "summary_fr": "Une délégation est reçue à l’hôtel de ville.",
            "published": True,
            "date": datetime.date(2027, 3, 1),
            **fields,
        }
        item = NewsItem.objects.create(**values)
        for name, records in (links or {}).items():
            getattr(item, name).set(records)
        return item

    return make


@pytest.fixture
def make_event(db):
    from news.models import Event

    def make(*, title="Cérémonie anniversaire", starts_at=None, ends_at=None, links=None, **fields):
        number = next(_numbers)
        starts_at = starts_at or site_time(2027, 3, 28, 18)
        values = {
            "title_fr": title,
            "title_en": fields.pop("title_en", ""),
            "slug": f"evenement-{number}",
            "summary_fr": "Une cérémonie ouverte à tous.",
            "place_fr": "Salle du conseil",
            "published": True,
            "starts_at": starts_at,
            "ends_at": ends_at or starts_at + datetime.timedelta(hours=2),
            **fields,
        }
        event = Event.objects.create(**values)
        for name, records in (links or {}).items():
            getattr(event, name).set(records)
        return event

    return make


# The factories and staff of the sections news and events link to.
from tests.networks.conftest import make_network, make_recognition  # noqa: E402, F401
from tests.partnerships.conftest import communication_user, make_city, staff_client  # noqa: E402, F401
