"""Current, expired, not yet valid, expiring within 90 days: dates relative to today."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from networks.models import Distinction, DistinctionStatus, Renewal

TODAY = timezone.localdate()


def days(count):
    return TODAY + datetime.timedelta(days=count)


@pytest.fixture
def tree_cities(make_recognition):
    """Awarded one year at a time: last year's has expired, this year's runs out in 30 days."""
    recognition = make_recognition(
        "tree-cities",
        name_fr="Tree Cities of the World",
        name_en="Tree Cities of the World",
        renewal=Renewal.PERIODIC,
        renewal_period_years=1,
    )
    expired = Distinction.objects.create(
        recognition=recognition, year=days(-334).year - 1, valid_from=days(-400), valid_until=days(-35)
    )
    expiring = Distinction.objects.create(
        recognition=recognition, year=days(-334).year, valid_from=days(-334), valid_until=days(30)
    )
    return SimpleNamespace(recognition=recognition, expired=expired, expiring=expiring)


def test_current_and_expired_are_told_apart(tree_cities):
    assert list(Distinction.objects.current()) == [tree_cities.expiring]
    assert list(Distinction.objects.expired()) == [tree_cities.expired]
    assert tree_cities.expired.status() == DistinctionStatus.EXPIRED
    assert tree_cities.expiring.status() == DistinctionStatus.CURRENT


def test_the_last_day_of_validity_is_still_current(make_recognition):
    distinction = Distinction.objects.create(
        recognition=make_recognition(), year=TODAY.year, valid_until=TODAY
    )
    assert list(Distinction.objects.current()) == [distinction]
    assert distinction.status() == DistinctionStatus.CURRENT
    assert distinction.status(on=days(1)) == DistinctionStatus.EXPIRED
    assert list(Distinction.objects.expired(on=days(1))) == [distinction]


def test_a_distinction_without_dates_is_current(make_recognition):
    distinction = Distinction.objects.create(recognition=make_recognition())
    assert list(Distinction.objects.current()) == [distinction]
    assert distinction.status() == DistinctionStatus.CURRENT


def test_a_distinction_that_starts_later_is_not_yet_current(make_recognition):
    distinction = Distinction.objects.create(recognition=make_recognition(), valid_from=days(10))
    assert list(Distinction.objects.current()) == []
    assert list(Distinction.objects.upcoming()) == [distinction]
    assert distinction.status() == DistinctionStatus.UPCOMING
    assert list(Distinction.objects.current(on=days(10))) == [distinction]


def test_expiring_within_90_days(make_recognition, tree_cities):
    later = Distinction.objects.create(recognition=make_recognition("later"), valid_until=days(91))
    on_the_limit = Distinction.objects.create(recognition=make_recognition("limit"), valid_until=days(90))
    Distinction.objects.create(recognition=make_recognition("forever"))
    assert set(Distinction.objects.expiring_within(90)) == {tree_cities.expiring, on_the_limit}
    assert later not in Distinction.objects.expiring_within(90)


def test_the_public_page_never_shows_an_expired_distinction_as_current(client, tree_cities):
    Distinction.objects.filter(pk=tree_cities.expiring.pk).delete()
    page = client.get("/en/labels-and-awards/").content.decode()
    assert '<ul class="distinctions">' not in page
    assert "Previously:" in page
    assert f"{tree_cities.expired.year} (expired on " in page


def test_the_public_page_shows_the_current_one_and_the_past_one_apart(client, tree_cities):
    page = client.get("/fr/labels-et-distinctions/").content.decode()
    current_list = page.split('<ul class="distinctions">')[1].split("</ul>")[0]
    past = page.split('<p class="distinctions__past">')[1].split("</p>")[0]
    assert "valable jusqu’au" in current_list
    assert "expirée" not in current_list
    assert "Auparavant" in past
    assert "expirée le" in past


def test_staff_see_the_distinctions_expiring_within_90_days(client, communication_staff, tree_cities):
    response = client.get("/admin/networks/distinction/?validity=expiring", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [tree_cities.expiring]
    notice = client.get("/admin/networks/recognition/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "1 distinction expires within 90 days." in notice
    assert "?validity=expiring" in notice
    listed = client.get("/admin/networks/recognition/?validity=expiring", HTTP_ACCEPT_LANGUAGE="en")
    assert list(listed.context["cl"].result_list) == [tree_cities.recognition]


def test_a_periodic_recognition_asks_for_the_end_of_validity(tree_cities):
    from django.core.exceptions import ValidationError

    distinction = Distinction(recognition=tree_cities.recognition, year=TODAY.year, valid_from=TODAY)
    with pytest.raises(ValidationError) as error:
        distinction.full_clean()
    assert error.value.message_dict["valid_until"] == [
        "This label or award is only valid for a period: give the last day of validity."
    ]
    distinction.valid_until = days(364)
    distinction.full_clean()


@pytest.fixture
def every_case(make_recognition):
    """Distinctions of a one-off and a periodic recognition covering every status and boundary."""
    once = make_recognition("once")
    periodic = make_recognition("periodic", renewal=Renewal.PERIODIC, renewal_period_years=1)
    cases = []
    for recognition in (once, periodic):
        for year, valid_from, valid_until in [
            (None, None, None),
            (2001, None, days(-1)),
            (2002, None, TODAY),
            (2003, None, days(30)),
            (2004, None, days(200)),
            (2005, days(-10), None),
            (2006, days(10), None),
            (2007, days(10), days(100)),
            (2008, days(-100), days(-10)),
            (2009, days(-100), days(10)),
            (2010, TODAY, TODAY),
        ]:
            cases.append(
                Distinction.objects.create(
                    recognition=recognition, year=year, valid_from=valid_from, valid_until=valid_until
                )
            )
    return cases


def test_status_agrees_with_the_querysets_in_every_case(every_case):
    sets = {
        DistinctionStatus.CURRENT: set(Distinction.objects.current()),
        DistinctionStatus.EXPIRED: set(Distinction.objects.expired()),
        DistinctionStatus.UPCOMING: set(Distinction.objects.upcoming()),
        DistinctionStatus.UNCONFIRMED: set(Distinction.objects.unconfirmed()),
    }
    expiring = set(Distinction.objects.expiring_within(90))
    for distinction in Distinction.objects.select_related("recognition"):
        status = distinction.status()
        assert [name for name, members in sets.items() if distinction in members] == [status], distinction
        assert (distinction in expiring) == (
            status == DistinctionStatus.CURRENT
            and distinction.valid_until is not None
            and distinction.valid_until <= days(90)
        ), distinction
    assert all(sets.values()), "every status is covered"


def test_a_periodic_distinction_without_end_of_validity_is_never_current(make_recognition):
    periodic = make_recognition("tree", renewal=Renewal.PERIODIC, renewal_period_years=1)
    distinction = Distinction.objects.create(recognition=periodic)
    assert distinction.status() == DistinctionStatus.UNCONFIRMED
    assert list(Distinction.objects.current()) == []
    assert list(Distinction.objects.unconfirmed()) == [distinction]


def test_a_periodic_distinction_with_a_year_needs_its_end_of_validity(tree_cities):
    from django.core.exceptions import ValidationError

    distinction = Distinction(recognition=tree_cities.recognition, year=2001)
    with pytest.raises(ValidationError) as error:
        distinction.full_clean()
    assert list(error.value.message_dict) == ["valid_until"]
