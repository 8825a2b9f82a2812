"""Fixtures for the newsletter tests: a clean cache (rate limits), forms sent the way a browser sends them."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from newsletter.staff import NEWSLETTER_GROUP

from .helpers import PAGE, UNSUBSCRIBE_PAGE, form_fields


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def subscribe(client):
    """Send the subscription form of the newsletter page of `page_language` (default: `language`)."""

    def send(email, language="fr", page_language=None, **extra):
        page_language = page_language or language
        data = form_fields(email=email, language=language, source=PAGE[page_language])
        data.update(extra)
        return client.post(PAGE[page_language], data)

    return send


@pytest.fixture
def ask_unsubscribe_link(client):
    """Send the 'send me an unsubscribe link' form."""

    def send(email, page_language="fr", **extra):
        data = form_fields(email=email)
        data.update(extra)
        return client.post(UNSUBSCRIBE_PAGE[page_language], data)

    return send


@pytest.fixture
def newsletter_staff(db):
    """A staff member of the Newsletter group, which `migrate` sets up."""
    user = User.objects.create_user("newsletter-staff", is_staff=True)
    user.groups.add(Group.objects.get(name=NEWSLETTER_GROUP))
    return user
