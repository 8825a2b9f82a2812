"""The date rules at their edges, each under a clock the test sets.

The machine's clock runs in UTC and the site's in Europe/Paris: for an hour or two around midnight the two
disagree on the date. Every rule uses the site's date (`timezone.localdate()`), so these tests put the clock
at the moments where a rule reading the UTC date would answer differently.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from networks.models import Distinction, DistinctionStatus, Network, Recognition, Renewal
from partnerships.models import AgreementType, PartnerCity, Programme
from partnerships.services import upcoming_anniversaries
from tests.dates import site_time

UTC = datetime.UTC


def utc_time(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=UTC)


def partner_city(slug="turku", **fields):
    values = {
        "name_fr": slug.title(),
        "name_en": slug.title(),
        "country": "FI",
        "agreement_type": AgreementType.TWINNING,
        "year_started": 2000,
        "summary_fr": "Une ville.",
        "latitude": Decimal("60.45"),
        "longitude": Decimal("22.27"),
        "published": True,
    } | fields
    return PartnerCity(slug=slug, **values)


def year_errors(instance, field):
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict.get(field, [])
    return []


@pytest.fixture
def label(db):
    return Recognition.objects.create(slug="label", name_fr="Label", kind="label", published=True)


# The year changes at midnight in Paris, not in Greenwich.


def test_on_new_years_eve_next_year_is_still_in_the_future(db, clock, in_english):
    clock(site_time(2026, 12, 31, 23, 59))
    assert year_errors(partner_city(year_started=2027), "year_started") == [
        "Enter a year between 1900 and the current year."
    ]
    network = Network(slug="n", name_fr="Réseau", kind="city", scope="european", founded_year=2027)
    assert year_errors(network, "founded_year") == ["Enter a year between 1900 and the current year."]


def test_on_the_first_of_january_in_paris_the_new_year_is_accepted_while_utc_is_still_in_december(db, clock):
    moment = clock(utc_time(2026, 12, 31, 23, 30))
    assert moment.date() == datetime.date(2026, 12, 31)  # the machine's date (UTC)
    assert timezone.localdate() == datetime.date(2027, 1, 1)  # the site's date
    assert year_errors(partner_city(year_started=2027), "year_started") == []
    network = Network(slug="n", name_fr="Réseau", kind="city", scope="european", founded_year=2027)
    assert year_errors(network, "founded_year") == []
    programme = Programme(slug="p", name_fr="Programme", summary_fr="x", start_year=2027)
    assert year_errors(programme, "start_year") == []


def test_a_signature_dated_today_in_paris_is_not_in_the_future(db, clock):
    clock(utc_time(2027, 6, 30, 22, 30))  # 1 July, 00:30 in Paris (summer time, UTC+2)
    city = partner_city(year_started=2027, agreement_signed_on=datetime.date(2027, 7, 1))
    assert year_errors(city, "agreement_signed_on") == []
    city.agreement_signed_on = datetime.date(2027, 7, 2)
    with translation.override("fr"):
        assert year_errors(city, "agreement_signed_on") == ["Cette date est dans le futur."]


# The last day of validity is still valid; the day after is not, from midnight in Paris.


@pytest.mark.parametrize(
    ("last_day", "last_minute_utc", "midnight_utc"),
    [
        # An ordinary winter day: Paris is UTC+1.
        (datetime.date(2027, 1, 15), utc_time(2027, 1, 15, 22, 59), utc_time(2027, 1, 15, 23, 0)),
        # The day summer time begins (28 March 2027, 02:00 → 03:00): by night Paris is UTC+2.
        (datetime.date(2027, 3, 28), utc_time(2027, 3, 28, 21, 59), utc_time(2027, 3, 28, 22, 0)),
        # The day summer time ends (31 October 2027, 03:00 → 02:00): by night Paris is UTC+1 again.
        (datetime.date(2027, 10, 31), utc_time(2027, 10, 31, 22, 59), utc_time(2027, 10, 31, 23, 0)),
        # 29 February of a leap year is a day of validity like any other.
        (datetime.date(2028, 2, 29), utc_time(2028, 2, 29, 22, 59), utc_time(2028, 2, 29, 23, 0)),
        # The last day of the year.
        (datetime.date(2027, 12, 31), utc_time(2027, 12, 31, 22, 59), utc_time(2027, 12, 31, 23, 0)),
    ],
)
def test_a_distinction_is_current_until_midnight_in_paris_on_its_last_day(
    label, clock, last_day, last_minute_utc, midnight_utc
):
    distinction = Distinction.objects.create(recognition=label, valid_until=last_day)

    clock(last_minute_utc)
    assert timezone.localtime().strftime("%H:%M") == "23:59"
    assert distinction.status() == DistinctionStatus.CURRENT
    assert list(Distinction.objects.current()) == [distinction]
    assert list(Distinction.objects.expiring_within(0)) == [distinction]

    clock(midnight_utc)
    assert timezone.localdate() == last_day + datetime.timedelta(days=1)
    assert distinction.status() == DistinctionStatus.EXPIRED
    assert list(Distinction.objects.current()) == []
    assert list(Distinction.objects.expired()) == [distinction]


def test_a_distinction_starting_on_29_february_is_upcoming_on_the_28th(label, clock):
    distinction = Distinction.objects.create(recognition=label, valid_from=datetime.date(2028, 2, 29))
    clock(site_time(2028, 2, 28, 23, 59))
    assert distinction.status() == DistinctionStatus.UPCOMING
    clock(site_time(2028, 2, 29, 0, 0))
    assert distinction.status() == DistinctionStatus.CURRENT
    assert list(Distinction.objects.current()) == [distinction]


def test_the_expiry_notice_covers_exactly_ninety_days_across_new_year(label, clock):
    clock(site_time(2027, 12, 1))
    on_the_limit = Distinction.objects.create(recognition=label, valid_until=datetime.date(2028, 2, 29))
    other = Recognition.objects.create(slug="other", name_fr="Autre", kind="label")
    one_day_later = Distinction.objects.create(recognition=other, valid_until=datetime.date(2028, 3, 1))
    assert list(Distinction.objects.expiring_within(90)) == [on_the_limit]
    assert one_day_later.status() == DistinctionStatus.CURRENT


def test_periodic_labels_are_never_current_without_their_last_day(db, clock):
    clock(site_time(2027, 12, 31, 23, 59))
    trees = Recognition.objects.create(
        slug="trees", name_fr="Arbres", kind="label", renewal=Renewal.PERIODIC, renewal_period_years=1
    )
    distinction = Distinction.objects.create(recognition=trees)
    assert distinction.status() == DistinctionStatus.UNCONFIRMED


# Anniversaries: this year and next, moving on at midnight in Paris.


def anniversaries():
    return [(a.year, a.years, str(a.subject), a.exact_date) for a in upcoming_anniversaries()]


def test_an_anniversary_that_falls_next_year_is_announced_from_this_year(db, clock):
    partner_city("turku", year_started=2008).save()
    clock(site_time(2027, 12, 31, 23, 59))
    assert anniversaries() == [(2028, 20, "Turku", None)]
    clock(utc_time(2027, 12, 31, 23, 30))  # already 1 January 2028 in Paris
    assert anniversaries() == [(2028, 20, "Turku", None)]
    clock(site_time(2029, 1, 1, 0, 0))  # the year after: gone from the window
    assert anniversaries() == []


def test_the_window_moves_on_at_midnight_in_paris_not_in_utc(db, clock):
    partner_city("turku", year_started=2018).save()  # 10 years in 2028
    clock(utc_time(2026, 12, 31, 23, 30))  # 2026 in UTC, 2027 in Paris: the window is 2027-2028
    assert anniversaries() == [(2028, 10, "Turku", None)]
    clock(site_time(2026, 12, 31, 23, 30))  # still 2026 in Paris: the window is 2026-2027
    assert anniversaries() == []


def test_an_agreement_signed_on_29_february_is_dated_in_leap_years_only(db, clock):
    partner_city("turku", year_started=1990, agreement_signed_on=datetime.date(2008, 2, 29)).save()
    clock(site_time(2027, 6, 1))  # 2028 is a leap year: 20 years on 29 February 2028
    assert anniversaries() == [(2028, 20, "Turku", datetime.date(2028, 2, 29))]
    clock(site_time(2032, 6, 1))  # 2033 has no 29 February: the 25th anniversary is undated
    assert anniversaries() == [(2033, 25, "Turku", None)]


def test_an_anniversary_on_a_dated_signature_keeps_its_day(db, clock):
    partner_city("turku", year_started=2011, agreement_signed_on=datetime.date(2016, 5, 9)).save()
    clock(site_time(2026, 5, 9, 23, 59))
    assert anniversaries() == [(2026, 10, "Turku", datetime.date(2026, 5, 9))]
