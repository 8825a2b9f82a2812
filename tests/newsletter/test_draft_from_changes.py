"""One button in the admin writes a draft issue, in both languages, from what changed since the last issue."""

import datetime

import pytest

from networks.models import Distinction, Recognition, RecognitionKind, Renewal
from newsletter.models import NewsletterIssue
from partnerships.models import AgreementType, PartnerCity, Programme
from tests.dates import site_time

from .issues import issue

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/newsletter/newsletterissue/"
DRAFT_URL = f"{CHANGELIST}draft-from-changes/"


def city(slug, name, year_started=1981, **fields):
    values = {
        "country": "DE",
        "agreement_type": AgreementType.TWINNING,
        "summary_fr": f"{name}, ville jumelle.",
        "summary_en": f"{name}, a twin town.",
        "published": True,
    } | fields
    return PartnerCity.objects.create(slug=slug, name_fr=name, year_started=year_started, **values)


def label(slug, name_fr, name_en):
    return Recognition.objects.create(
        slug=slug,
        name_fr=name_fr,
        name_en=name_en,
        kind=RecognitionKind.LABEL,
        renewal=Renewal.ONE_OFF,
        published=True,
    )


@pytest.fixture
def history(clock):
    """Content from before the last issue, the last issue (sent 10 March 2026), then what changed since."""
    clock(site_time(2026, 3, 1, 9, 0))
    unchanged = city("wiesbaden", "Wiesbaden")
    changed = city("osnabruck", "Osnabrück")
    city("draft-city", "Ville en brouillon", published=False)
    old_label = label("old-label", "Vieux label", "Old label")
    Distinction.objects.create(recognition=old_label, year=2020, awarded_on=datetime.date(2020, 5, 1))
    last = issue()
    NewsletterIssue.objects.filter(pk=last.pk).update(
        state=NewsletterIssue.State.SENT,
        sending_started_at=site_time(2026, 3, 10, 9, 0),
        sent_at=site_time(2026, 3, 10, 10, 0),
    )

    clock(site_time(2026, 4, 2, 9, 0))
    changed.summary_en = "Osnabrück, a twin town since 1964, with a new exchange."
    changed.save()
    # Its agreement was signed on 12 June 1986: 40 years on 12 June 2026, within the coming months.
    city("pisa", "Pise", year_started=1977, agreement_signed_on=datetime.date(1986, 6, 12))
    Programme.objects.create(
        slug="erasmus-exchanges",
        name_fr="Échanges Erasmus",
        name_en="Erasmus exchanges",
        summary_fr="Des échanges.",
        summary_en="Exchanges.",
        published=True,
    )
    new_label = label("cite-amie-des-enfants", "Ville amie des enfants", "Child-friendly city")
    Distinction.objects.create(recognition=new_label, year=2026, awarded_on=datetime.date(2026, 3, 25))
    expiring = label("fair-trade", "Territoire de commerce équitable", "Fair trade territory")
    Distinction.objects.create(
        recognition=expiring,
        year=2023,
        valid_from=datetime.date(2023, 6, 1),
        valid_until=datetime.date(2026, 6, 1),
    )
    return {"unchanged": unchanged, "changed": changed}


def test_a_draft_lists_what_changed_since_the_last_issue_in_both_languages(
    history, clock, client, newsletter_staff
):
    clock(site_time(2026, 4, 15, 9, 0))
    client.force_login(newsletter_staff)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    listing = client.get(CHANGELIST).content.decode()
    assert f'action="{DRAFT_URL}"' in listing
    assert "New draft from what changed" in listing

    response = client.post(DRAFT_URL, follow=True)

    draft = NewsletterIssue.objects.get(state=NewsletterIssue.State.DRAFT)
    assert response.redirect_chain[-1][0] == f"{CHANGELIST}{draft.pk}/change/"
    assert "A draft listing what changed since the last issue was created" in response.content.decode()
    assert draft.subject_fr == "Lettre d’information — avril 2026"
    assert draft.subject_en == "Newsletter — April 2026"

    # Cards: what changed or is new, and published; not what did not change, nor a draft city.
    assert {c.slug for c in draft.partner_cities.all()} == {"osnabruck", "pisa"}
    assert [p.slug for p in draft.programmes.all()] == ["erasmus-exchanges"]
    assert [str(d.recognition.slug) for d in draft.distinctions.all()] == ["cite-amie-des-enfants"]

    french, english = draft.body_fr, draft.body_en
    assert "10 mars 2026" in french
    assert "March 10, 2026" in english or "10 March 2026" in english
    assert "[Osnabrück](/fr/villes-partenaires/osnabruck/)" in french
    assert "[Osnabrück](/en/partner-cities/osnabruck/)" in english
    assert "Wiesbaden" not in french + english
    assert "Ville en brouillon" not in french
    assert "## Villes partenaires" in french
    assert "## Partner cities" in english
    assert "Échanges Erasmus" in french
    assert "Erasmus exchanges" in english
    assert "Ville amie des enfants" in french
    assert "Vieux label" not in french
    # The label that ends on 1 June, to renew; Pisa's 40 years on 12 June.
    assert "Territoire de commerce équitable" in french
    assert "1 juin 2026" in french
    assert "Fair trade territory" in english
    assert "40 ans (Signature de l’accord en vigueur, 1986) — 12 juin 2026" in french
    assert "40 years (Current agreement signed, 1986)" in english

    # Staff then edit it: an ordinary draft, which passes the checks before sending.
    from newsletter.sending import problems_before_sending

    assert problems_before_sending(draft) == []
    assert client.get(f"{CHANGELIST}{draft.pk}/change/").status_code == 200


def test_without_a_sent_issue_the_draft_covers_the_last_months(clock, client, newsletter_staff):
    clock(site_time(2026, 1, 5, 9, 0))
    city("old", "Ancienne")
    clock(site_time(2026, 4, 20, 9, 0))
    city("recent", "Récente")
    clock(site_time(2026, 5, 1, 9, 0))
    client.force_login(newsletter_staff)
    client.post(DRAFT_URL)
    draft = NewsletterIssue.objects.get()
    assert [c.slug for c in draft.partner_cities.all()] == ["recent"]


def test_only_staff_who_may_add_issues_can_make_a_draft(client, db):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("visitor-staff", is_staff=True))
    assert client.post(DRAFT_URL).status_code == 403
    assert not NewsletterIssue.objects.exists()
