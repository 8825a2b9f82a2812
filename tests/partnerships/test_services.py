"""Round anniversaries for communication planning, and the story of all partnerships year by year."""

import datetime

import pytest
from django.utils import translation

from partnerships.models import Milestone, PartnershipStatus, Programme
from partnerships.services import is_round_anniversary, partnership_timeline, upcoming_anniversaries


@pytest.mark.parametrize(
    ("years", "expected"),
    [(0, False), (5, False), (10, True), (15, False), (20, True), (25, True), (30, True), (35, False),
     (50, True), (60, True), (62, False), (70, True), (75, True), (100, True), (125, True)],
)  # fmt: skip
def test_round_anniversaries_are_tens_and_quarters(years, expected):
    assert is_round_anniversary(years) is expected


def test_anniversaries_this_year_and_next_come_from_the_data(make_city):
    today = datetime.date(2026, 3, 1)
    make_city(slug="haarlem", name="Haarlem", year_started=1964)  # 62 in 2026, 63 in 2027: nothing
    make_city(slug="bamako", name="Bamako", year_started=1976, published=False)  # 50 in 2026
    make_city(
        slug="torun",
        name="Toruń",
        year_started=2011,
        agreement_signed_on=datetime.date(2016, 5, 9),
    )  # 15 and 16 years of partnership: nothing; the agreement is 10 in 2026
    make_city(slug="ended", name="Ended", year_started=1977, status=PartnershipStatus.ENDED)  # 50 in 2027
    make_city(slug="wigan", name="Wigan", year_started=2002)  # 25 in 2027
    Programme.objects.create(slug="ambassadors", name_fr="Ambassadeurs", summary_fr="x", start_year=1967)
    Programme.objects.create(slug="house", name_fr="Maison", summary_fr="x")  # no start year

    found = [(a.year, a.years, str(a.subject), a.exact_date) for a in upcoming_anniversaries(today)]

    assert found == [
        (2026, 50, "Bamako", None),
        (2026, 10, "Toruń", datetime.date(2026, 5, 9)),
        (2027, 60, "Ambassadeurs", None),
        (2027, 25, "Wigan", None),
    ]


def test_timeline_groups_first_years_key_dates_and_programmes_by_year(make_city):
    haarlem = make_city(slug="haarlem", name="Haarlem", year_started=1964)
    torun = make_city(slug="torun", name="Toruń", year_started=2011)
    Milestone.objects.create(partner_city=torun, year=2011, title_fr="Début du partenariat")
    Milestone.objects.create(
        partner_city=torun, year=2016, date=datetime.date(2016, 5, 9), title_fr="Accord de jumelage"
    )
    programme = Programme.objects.create(slug="amb", name_fr="Ambassadeurs", summary_fr="x", start_year=1967)

    with translation.override("fr"):
        timeline = partnership_timeline([haarlem, torun], list(Milestone.objects.all()), [programme])

    assert [(entry.year, [event.title for event in entry.events]) for entry in timeline] == [
        (1964, ["Jumelage avec Haarlem"]),
        (1967, ["Lancement : Ambassadeurs"]),
        (2011, ["Début du partenariat"]),  # a key date of the first year replaces the generic line
        (2016, ["Accord de jumelage"]),
    ]
