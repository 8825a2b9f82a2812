"""The public archive of sent issues, its Atom feed per language and its place in the sitemap."""

import pytest
from django.utils import timezone

from newsletter.models import NewsletterIssue

from .issues import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_issue(site_profile):
    now = timezone.now()
    return issue(state=NewsletterIssue.State.SENT, sending_started_at=now, sent_at=now)


def test_sent_issues_are_published_in_each_language_and_drafts_are_not(client, sent_issue):
    draft = issue(subject_fr="Brouillon secret", subject_en="Secret draft")
    french = client.get("/fr/lettre-d-information/numeros/").content.decode()
    english = client.get("/en/newsletter/issues/").content.decode()
    assert "Des nouvelles de nos villes jumelles" in french
    assert "News from our twin cities" in english
    assert "Secret" not in french + english
    page = client.get(f"/en/newsletter/issues/{sent_issue.pk}/")
    assert page.status_code == 200
    assert "Pisa&#x27;s site" in page.content.decode() or "Pisa's site" in page.content.decode()
    assert client.get(f"/fr/lettre-d-information/numeros/{draft.pk}/").status_code == 404


def test_each_language_has_an_atom_feed(client, sent_issue):
    french = client.get("/fr/lettre-d-information/numeros/flux/")
    english = client.get("/en/newsletter/issues/feed/")
    assert french["Content-Type"].startswith("application/atom+xml")
    assert "<title>Des nouvelles de nos villes jumelles</title>" in french.content.decode()
    assert "<title>News from our twin cities</title>" in english.content.decode()
    assert f"/en/newsletter/issues/{sent_issue.pk}/" in english.content.decode()


def test_sent_issues_are_in_the_sitemap(client, sent_issue):
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-newsletter-issues.xml" in index
    sitemap = client.get("/sitemap-newsletter-issues.xml").content.decode()
    assert f"/fr/lettre-d-information/numeros/{sent_issue.pk}/" in sitemap
    assert f"/en/newsletter/issues/{sent_issue.pk}/" in sitemap
