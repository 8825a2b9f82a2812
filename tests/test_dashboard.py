"""The staff dashboard on the admin index: anniversaries of the coming twelve months, labels to renew, drafts
waiting to be published, newsletter sends in progress; its CSV export; the former anniversaries page."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from angers_intl.staff import COMMUNICATION_GROUP
from networks.models import Distinction, Network, Recognition, Renewal
from newsletter.models import Delivery, NewsletterIssue
from newsletter.staff import NEWSLETTER_GROUP
from partnerships.models import AgreementType, Milestone, PartnerCity, PartnershipStatus, Programme
from tests.dates import site_time
from tests.newsletter.issues import confirmed, issue

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 6, 15)  # the window: June 2027 to May 2028


def city(slug, **fields):
    values = {
        "name_fr": slug.title(),
        "name_en": slug.title(),
        "country": "FI",
        "agreement_type": AgreementType.TWINNING,
        "year_started": 2004,  # 22 to 24 years in the windows of these tests: no round anniversary
        "summary_fr": "Une ville.",
        "latitude": Decimal("60.45"),
        "longitude": Decimal("22.27"),
        "published": True,
    } | fields
    return PartnerCity.objects.create(slug=slug, **values)


def key_date(partner_city, title, *, year=None, date=None):
    return Milestone.objects.create(
        partner_city=partner_city, title_fr=title, title_en=title, year=year or date.year, date=date
    )


def network(slug, **fields):
    values = {"name_fr": slug.title(), "kind": "city", "scope": "european", "published": True} | fields
    return Network.objects.create(slug=slug, **values)


def recognition(slug, **fields):
    values = {"name_fr": slug.title(), "name_en": slug.title(), "kind": "label", "published": True} | fields
    return Recognition.objects.create(slug=slug, **values)


def periodic(slug):
    return recognition(slug, renewal=Renewal.PERIODIC, renewal_period_years=1)


def staff(username, group):
    user = User.objects.create_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def today(clock):
    clock(TODAY)
    return TODAY


@pytest.fixture
def communication(client, today):
    client.force_login(staff("camille", COMMUNICATION_GROUP))
    return client


def section_rows(page, section):
    """The rows of a dashboard section's table, each as its cells' text (tags removed)."""
    match = re.search(rf'<section [^>]*aria-labelledby="dashboard-{section}">(.*?)</section>', page, re.S)
    assert match, f"no section {section}"
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", match.group(1), re.S)[1:]  # after the header row
    return [
        [
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in rows
    ]


def dashboard_page(client, language="en"):
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


# Anniversaries


def test_anniversaries_of_the_coming_twelve_months_past_coming_and_by_year(communication):
    eastwold = city("eastwold", year_started=1977, agreement_signed_on=datetime.date(2007, 9, 20))
    key_date(eastwold, "Charter renewed", date=datetime.date(2017, 6, 3))  # 10 years, 3 June: past
    key_date(eastwold, "First school exchange", year=2008)  # 20 years in 2028, day not known
    key_date(eastwold, "Last day of the window", date=datetime.date(2018, 5, 31))  # 31 May 2028
    key_date(eastwold, "Beyond twelve months", date=datetime.date(2018, 6, 20))  # 20 June 2028: absent
    Programme.objects.create(
        slug="youth", name_fr="Jeunesse", name_en="Youth", summary_fr="…", start_year=2002
    )
    network("river-towns", name_en="River Towns", joined_year=1988)  # 40 years in 2028
    trees = recognition("trees", name_en="Trees")
    Distinction.objects.create(recognition=trees, year=2017, awarded_on=datetime.date(2017, 11, 10))
    city("gone", year_started=1977, status=PartnershipStatus.ENDED)  # ended: left out

    rows = section_rows(dashboard_page(communication), "anniversaries")

    assert rows == [
        [
            "2027 (year only: the day is not known)",
            "Eastwold Partnership",
            "Relationship began",
            "50 years",
            "this year",
        ],
        [
            "2027 (year only: the day is not known)",
            "Youth Programme",
            "Programme began",
            "25 years",
            "this year",
        ],
        ["June 3, 2027", "Eastwold Key date", "Charter renewed", "10 years", "past"],
        ["Sept. 20, 2027", "Eastwold Partnership", "Current agreement signed", "20 years", "coming"],
        ["Nov. 10, 2027", "Trees · 2017 Distinction", "Obtained", "10 years", "coming"],
        [
            "2028 (year only: the day is not known)",
            "River Towns Network membership",
            "Joined the network",
            "40 years",
            "coming",
        ],
        [
            "2028 (year only: the day is not known)",
            "Eastwold Key date",
            "First school exchange",
            "20 years",
            "coming",
        ],
        ["May 31, 2028", "Eastwold Key date", "Last day of the window", "10 years", "coming"],
    ]


def test_each_anniversary_links_to_the_change_form_and_speaks_french(communication):
    eastwold = city("eastwold", year_started=1977)
    page = dashboard_page(communication, "fr")
    assert f'<a href="/admin/partnerships/partnercity/{eastwold.pk}/change/">Eastwold</a>' in page
    assert section_rows(page, "anniversaries") == [
        [
            "2027 (année seulement : le jour n’est pas connu)",
            "Eastwold Partenariat",
            "Début de la relation",
            "50 ans",
            "cette année",
        ]
    ]


def test_29_february_is_its_day_in_a_leap_year_and_its_month_otherwise(client, clock):
    clock(datetime.date(2026, 12, 15))  # the window: December 2026 to November 2027 (no 29 February)
    client.force_login(staff("camille", COMMUNICATION_GROUP))
    kalani = city("kalani")
    key_date(kalani, "Charter", date=datetime.date(1952, 2, 29))  # 75 years in 2027
    key_date(kalani, "Agreement", date=datetime.date(2008, 2, 29))  # 20 years in 2028: out of this window
    assert section_rows(dashboard_page(client), "anniversaries") == [
        [
            "February 2027 (29 February: no such day this year)",
            "Kalani Key date",
            "Charter",
            "75 years",
            "coming",
        ]
    ]
    clock(datetime.date(2027, 6, 15))
    client.force_login(User.objects.get(username="camille"))
    rows = section_rows(dashboard_page(client), "anniversaries")
    assert ["Feb. 29, 2028", "Kalani Key date", "Agreement", "20 years", "coming"] in rows


# Labels to renew


def test_labels_to_renew(communication):
    fair_trade = periodic("fair-trade")
    expiring = Distinction.objects.create(
        recognition=fair_trade, year=2026, valid_until=datetime.date(2027, 7, 1)
    )
    trees = periodic("trees")
    Distinction.objects.create(
        recognition=trees, year=2025, valid_until=datetime.date(2025, 12, 31)
    )  # renewed
    Distinction.objects.create(recognition=trees, year=2026, valid_until=datetime.date(2026, 12, 31))
    Distinction.objects.create(recognition=periodic("clean-air"))  # validity to be confirmed
    Distinction.objects.create(  # awarded once: its end is no renewal to chase
        recognition=recognition("prize"), year=2020, valid_until=datetime.date(2021, 1, 1)
    )
    Distinction.objects.create(  # ends in 120 days: not yet
        recognition=periodic("later"), year=2026, valid_until=TODAY + datetime.timedelta(days=120)
    )

    page = dashboard_page(communication)

    assert section_rows(page, "labels") == [
        ["Fair-Trade · 2026", "validity ends soon", "July 1, 2027"],
        ["Trees · 2026", "expired, renewal not recorded", "Dec. 31, 2026"],
        ["Clean-Air", "validity to be confirmed", "—"],
    ]
    assert f'href="/admin/networks/distinction/{expiring.pk}/change/"' in page


# Drafts


def test_drafts_waiting_to_be_published(communication):
    city("published-city")
    for number in range(7):
        city(f"draft-{number}", published=False)
    network("draft-network", published=False)

    page = dashboard_page(communication)

    rows = {row[0]: row[1:] for row in section_rows(page, "drafts")}
    assert rows["Partner cities"] == ["7 unpublished", "Draft-6 Draft-5 Draft-4 Draft-3 Draft-2"]
    assert rows["Networks"] == ["1 unpublished", "Draft-Network"]
    assert rows["Programmes"] == ["none", "—"]
    assert rows["Labels and awards"] == ["none", "—"]
    assert 'href="/admin/partnerships/partnercity/?published__exact=0"' in page


# Newsletter sends


@pytest.fixture
def sends(today):
    scheduled = issue(state=NewsletterIssue.State.SCHEDULED, scheduled_at=site_time(2027, 6, 20, 9))
    sending = issue(
        subject_en="Summer news", state=NewsletterIssue.State.SENDING, sending_started_at=timezone.now()
    )
    for number in range(4):
        Delivery.objects.create(
            issue=sending,
            subscriber=confirmed(f"reader{number}@example.org"),
            language="fr",
            state=Delivery.State.SENT if number < 3 else Delivery.State.PENDING,
            sent_at=timezone.now() if number < 3 else None,
        )
    issue(subject_en="Draft", state=NewsletterIssue.State.DRAFT)
    return scheduled, sending


def test_sends_in_progress_for_the_newsletter_group_only(client, sends):
    client.force_login(staff("nadia", NEWSLETTER_GROUP))
    page = dashboard_page(client)
    assert section_rows(page, "sends") == [
        ["Summer news", "sending", "—", "3 of 4 messages (75 %), 0 failed"],
        ["News from our twin cities", "scheduled", "June 20, 2027, 9 a.m.", "not started"],
    ]
    assert 'id="dashboard-anniversaries"' not in page
    assert 'id="dashboard-drafts"' not in page

    client.force_login(staff("camille", COMMUNICATION_GROUP))
    page = dashboard_page(client)
    assert 'id="dashboard-sends"' not in page
    assert "Summer news" not in page
    assert 'id="dashboard-anniversaries"' in page


# The CSV export


def test_csv_export_lists_every_line_with_formulas_escaped(communication):
    city("eastwold", name_en='=HYPERLINK("https://evil.example")', year_started=1977)
    city("draft", name_en="-Draft", published=False)

    response = communication.get("/admin/dashboard.csv", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="dashboard-2027-06-15.csv"'
    lines = b"".join(response.streaming_content).decode("utf-8").splitlines()
    assert lines[0] == "\ufeffsection;item;kind;detail;date;years;state;admin_url"
    eastwold = PartnerCity.objects.get(slug="eastwold")
    draft = PartnerCity.objects.get(slug="draft")
    assert lines[1:] == [
        'Anniversaries;"\'=HYPERLINK(""https://evil.example"")";Partnership;Relationship began;2027;50;this year;'
        f"http://testserver/admin/partnerships/partnercity/{eastwold.pk}/change/",
        f"Drafts waiting to be published;'-Draft;Partner city;;2027-06-15;;unpublished;"
        f"http://testserver/admin/partnerships/partnercity/{draft.pk}/change/",
    ]


def test_the_index_links_to_the_export_and_non_staff_cannot_export(client, communication):
    assert 'href="/admin/dashboard.csv"' in dashboard_page(communication)
    client.logout()
    User.objects.create_user("visitor", is_staff=False)
    client.force_login(User.objects.get(username="visitor"))
    response = client.get("/admin/dashboard.csv")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# The former page, and the cost of the index


def test_the_former_anniversaries_page_redirects_to_the_index(communication):
    response = communication.get("/admin/partnerships/partnercity/anniversaries/")
    assert response.status_code == 301
    assert response["Location"] == "/admin/"
    partner_cities = communication.get("/admin/partnerships/partnercity/").content.decode()
    assert "anniversaries" not in partner_cities


def grow(count):
    """`count` cities, each with a key date, a network joined and a distinction, all with anniversaries."""
    start = PartnerCity.objects.count()
    for index in range(start, start + count):
        place = city(f"city-{index}", year_started=1977, published=index % 2 == 0)
        key_date(place, "Charter", date=datetime.date(2017, 9, 1))
        network(f"network-{index}", joined_year=1987, published=False)
        Distinction.objects.create(
            recognition=periodic(f"label-{index}"), year=2026, valid_until=datetime.date(2027, 7, 1)
        )


def index_queries(client):
    cache.clear()  # the translation-gap count is cached: count the queries of a cold index
    with CaptureQueriesContext(connection) as queries:
        dashboard_page(client)
    return len(queries)


def test_the_index_runs_the_same_queries_whatever_the_amount_of_data(client, today):
    client.force_login(User.objects.create_superuser("admin", "admin@example.org", password=None))
    issue(state=NewsletterIssue.State.SCHEDULED, scheduled_at=site_time(2027, 6, 20, 9))
    grow(3)
    small = index_queries(client)
    grow(27)
    page = dashboard_page(client)
    assert len(section_rows(page, "anniversaries")) == 90  # 30 cities, 30 key dates, 30 memberships
    assert index_queries(client) == small


def test_the_window_moves_on_at_midnight_in_paris_not_in_utc(clock):
    from angers_intl.dashboard import dashboard_for

    user = User.objects.create_superuser("admin", "admin@example.org", password=None)
    key_date(city("turku"), "Charter", date=datetime.date(2017, 6, 20))  # 10 years on 20 June 2027

    def listed():
        return [(a.item.what, a.date, a.state) for a in dashboard_for(user).anniversaries]

    clock(site_time(2027, 6, 30, 23, 30))  # still June in Paris (21:30 UTC)
    assert listed() == [("Charter", datetime.date(2027, 6, 20), "past")]
    clock(datetime.datetime(2027, 6, 30, 22, 30, tzinfo=datetime.UTC))  # 1 July, 00:30 in Paris
    assert listed() == []
