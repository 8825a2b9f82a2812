"""Newsletter pages cost the same few queries whatever the size of the subscriber list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from newsletter.consent import CONSENT_VERSION
from newsletter.emails import confirmation_path, unsubscribe_path
from newsletter.models import Subscriber

from .helpers import ANSWER_PAGE, PAGE, UNSUBSCRIBE_PAGE


def add_subscribers(count, start=0):
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"reader{number}@example.org",
            language="fr",
            form_language="fr",
            consent_version=CONSENT_VERSION,
            subscribed_at=timezone.now(),
        )
        for number in range(start, start + count)
    )


def queries_per_page(client, paths):
    counts = {}
    for name, path in paths.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


@pytest.mark.parametrize("language", ["fr", "en"])
def test_public_newsletter_pages_run_a_fixed_number_of_queries(client, site_profile, language):
    add_subscribers(5)
    target = Subscriber.objects.order_by("pk").first()
    with translation.override(language):
        paths = {
            "home (footer form)": f"/{language}/",
            "newsletter": PAGE[language],
            "answer": ANSWER_PAGE[language],
            "unsubscribe request": UNSUBSCRIBE_PAGE[language],
            "confirm": confirmation_path(target),
            "unsubscribe": unsubscribe_path(target.pk, target.unsubscribe_key),
        }
    assert paths["confirm"].startswith(PAGE[language])
    few = queries_per_page(client, paths)
    add_subscribers(50, start=5)
    assert queries_per_page(client, paths) == few
    # The site profile only, plus the subscriber behind a link.
    assert few["newsletter"] == 1
    assert few["answer"] == 1
    assert few["confirm"] == 2
    assert few["unsubscribe"] == 2
