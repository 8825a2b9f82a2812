"""Several processes subscribing the same address at the same moment create one subscriber (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

from newsletter import services
from newsletter.models import Subscriber

THREADS = 8


@pytest.mark.django_db(transaction=True)
def test_simultaneous_signups_for_one_address_create_one_subscriber(mailoutbox, settings):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers, so there is no race to test; CI runs this on PostgreSQL")
    settings.NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY = THREADS
    barrier = threading.Barrier(THREADS)
    outcomes, errors = [], []

    def sign_up(number):
        try:
            barrier.wait(timeout=10)
            # Each thread has its own database connection, like separate gunicorn workers.
            outcomes.append(
                services.request_subscription(
                    email="Same.Person@Example.org" if number % 2 else "same.person@example.ORG",
                    language="fr",
                    source="/fr/",
                )
            )
        except Exception as error:  # collected and reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(number,)) for number in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Subscriber.objects.count() == 1
    assert outcomes == [services.SubscriptionOutcome.CONFIRMATION_SENT] * THREADS
    assert len(mailoutbox) == THREADS
