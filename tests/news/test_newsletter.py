"""News and events in the newsletter: the draft made from what changed lists the news published and the
events announced since the last issue, and an issue shows news and event cards (only items public now)."""

import datetime

import pytest

from newsletter.drafts import create_draft_from_changes
from newsletter.models import NewsletterIssue
from newsletter.rendering import issue_cards
from newsletter.sending import problems_before_sending
from tests.dates import site_time
from tests.newsletter.issues import issue


@pytest.fixture
def last_issue_sent_on_10_march(db, clock):
    clock(site_time(2027, 3, 1, 9))
    sent = issue()
    NewsletterIssue.objects.filter(pk=sent.pk).update(
        state=NewsletterIssue.State.SENT,
        sending_started_at=site_time(2027, 3, 10, 9),
        sent_at=site_time(2027, 3, 10, 10),
    )


def test_the_draft_lists_the_news_published_and_the_events_announced_since_the_last_issue(
    last_issue_sent_on_10_march, make_news_item, make_event, clock
):
    make_news_item(title="Ancienne nouvelle", slug="ancienne")  # saved before the last issue
    make_event(title="Événement déjà annoncé", slug="deja-annonce", starts_at=site_time(2027, 5, 1, 18))
    clock(site_time(2027, 3, 20, 9))
    make_news_item(title="Délégation en visite", title_en="A delegation visits", slug="delegation")
    make_news_item(title="Brouillon", slug="brouillon", published=False)
    make_event(title="Cérémonie", title_en="Ceremony", slug="ceremonie", starts_at=site_time(2027, 3, 28, 18))
    make_event(title="Déjà passé", slug="passe", starts_at=site_time(2027, 3, 15, 18))
    clock(site_time(2027, 3, 25, 9))

    draft = create_draft_from_changes()

    assert [item.slug for item in draft.news_items.all()] == ["delegation"]
    assert [event.slug for event in draft.events.all()] == ["ceremonie"]
    assert "## Actualités" in draft.body_fr
    assert "[Délégation en visite](/fr/actualites/delegation/)" in draft.body_fr
    assert "[Cérémonie](/fr/agenda/ceremonie/) — 28 mars 2027" in draft.body_fr
    assert "## Coming events" in draft.body_en
    assert "[A delegation visits](/en/news/delegation/)" in draft.body_en
    assert "Ancienne nouvelle" not in draft.body_fr
    assert "Événement déjà annoncé" not in draft.body_fr


def test_an_issue_shows_news_and_event_cards_of_published_items_only(make_news_item, make_event, clock):
    clock(site_time(2027, 3, 20))
    item = make_news_item(title="Délégation en visite", date=datetime.date(2027, 3, 18))
    event = make_event(title="Cérémonie")
    draft_item = make_news_item(title="Brouillon", published=False)
    letter = issue()
    letter.news_items.set([item, draft_item])
    letter.events.set([event])
    cards = issue_cards(letter, absolute=False)
    assert [card["title"] for card in cards] == ["Délégation en visite", "Cérémonie — 28 mars 2027 18:00"]
    assert cards[0]["url"] == f"/fr/actualites/{item.slug}/"
    assert cards[1]["text"] == "Une cérémonie ouverte à tous."
    problems = [str(problem) for problem in problems_before_sending(letter)]
    assert "« Brouillon » n’est pas publié : publiez-le ou retirez sa carte." in problems


def test_an_event_written_before_the_last_issue_and_published_since_is_in_the_draft(
    last_issue_sent_on_10_march, make_event, clock
):
    event = make_event(
        title="Cérémonie", slug="ceremonie", published=False, starts_at=site_time(2027, 5, 1, 18)
    )
    clock(site_time(2027, 3, 20, 9))
    event.published = True
    event.save()
    assert [each.slug for each in create_draft_from_changes().events.all()] == ["ceremonie"]
