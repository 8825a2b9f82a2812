"""A draft issue written from what changed since the last issue sent, in both languages, for staff to edit.

It lists, since the last sent issue (or over the last DEFAULT_WINDOW_DAYS when none was sent yet):
- the published partner cities and programmes created or changed (their `updated_at`), or that went public
  at their start of publication (`publish_at`), as cards; only those public now;
- the distinctions awarded (their date of award or start of validity), as cards;
- the labels whose validity ends within networks.models.EXPIRY_NOTICE_DAYS (to renew, or to celebrate a
  renewal), in the text;
- the round anniversaries of the next ANNIVERSARY_MONTHS months (partnerships.services.upcoming_anniversaries);
- the news published and the events announced (created or changed, or gone public at their
  `publish_at`), events only if not over, as cards and in the text; only those public now.
The text of each language is Markdown with links to the site's pages; staff then rewrite it.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from angers_intl.querysets import visible_q
from networks.models import Distinction
from news.models import Event, NewsItem
from partnerships.models import PartnerCity, Programme
from partnerships.services import upcoming_anniversaries

from .models import LANGUAGE_CODES, IssueState, NewsletterIssue

DEFAULT_WINDOW_DAYS = 90
ANNIVERSARY_MONTHS = 3


def last_sent_at():
    issue = NewsletterIssue.objects.filter(state=IssueState.SENT).order_by("-sent_at").first()
    return issue.sent_at if issue else None


def _coming_anniversaries(today):
    """Dated ones within the next months; undated ones of the year the window ends in, if not past."""
    until = today + datetime.timedelta(days=31 * ANNIVERSARY_MONTHS)
    found = []
    for anniversary in upcoming_anniversaries(today):
        if anniversary.exact_date is not None:
            if today <= anniversary.exact_date <= until:
                found.append(anniversary)
        elif anniversary.year in {today.year, until.year} and anniversary.year >= today.year:
            found.append(anniversary)
    return found


def what_changed(now=None):
    """What the draft is made of (querysets and lists), since the last sent issue."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    since = last_sent_at() or now - datetime.timedelta(days=DEFAULT_WINDOW_DAYS)
    since_day = timezone.localdate(since)
    distinctions = Distinction.objects.filter(visible_q("recognition__", at=now)).select_related(
        "recognition", "level"
    )
    # Changed since, or gone public since at a scheduled moment (which changes no `updated_at`).
    new = Q(updated_at__gt=since) | Q(publish_at__gt=since)
    return {
        "since": since,
        "cities": list(PartnerCity.objects.published(at=now).filter(new).order_by("name")),
        "programmes": list(Programme.objects.published(at=now).filter(new).order_by("name")),
        "distinctions": list(
            distinctions.filter(
                Q(awarded_on__gt=since_day) | Q(awarded_on__isnull=True, valid_from__gt=since_day)
            ).order_by("recognition__name")
        ),
        "expiring": list(
            Distinction.objects.expiring_within(on=today)
            .filter(visible_q("recognition__", at=now))
            .select_related("recognition", "level")
            .order_by("valid_until")
        ),
        "anniversaries": _coming_anniversaries(today),
        "news": list(NewsItem.objects.published(at=now).filter(new).order_by("-date", "-pk")),
        "events": list(
            # Saved since (a draft published since included), or public since its `publish_at`.
            Event.objects.published(at=now).coming(at=now).filter(new)
        ),
    }


def _line(title, path, text=""):
    return f"- [{title}]({path})" + (f" — {text}" if text else "")


def _body(changes):
    """The Markdown text of the draft, in the active language."""
    since = formats.date_format(timezone.localtime(changes["since"]), "DATE_FORMAT")
    parts = [
        _(
            "*Write your introduction here. What follows lists what changed since %(date)s: keep, rewrite or remove it.*"
        )
        % {"date": since}
    ]
    if changes["news"]:
        parts.append("## " + _("News"))
        parts.append("\n".join(_line(item.title, item.get_absolute_url()) for item in changes["news"]))
    if changes["events"]:
        parts.append("## " + _("Coming events"))
        parts.append(
            "\n".join(
                _line(
                    event.title,
                    event.get_absolute_url(),
                    formats.date_format(event.local_start, "DATE_FORMAT"),
                )
                for event in changes["events"]
            )
        )
    if changes["cities"]:
        parts.append("## " + _("Partner cities"))
        parts.append("\n".join(_line(city.name, city.get_absolute_url()) for city in changes["cities"]))
    if changes["programmes"]:
        parts.append("## " + _("Programmes"))
        parts.append(
            "\n".join(
                _line(programme.name, programme.get_absolute_url()) for programme in changes["programmes"]
            )
        )
    if changes["distinctions"]:
        parts.append("## " + _("New labels and awards"))
        parts.append("\n".join(_line(str(item), item.get_absolute_url()) for item in changes["distinctions"]))
    if changes["expiring"]:
        parts.append("## " + _("Labels to renew soon"))
        parts.append(
            "\n".join(
                _line(
                    str(item),
                    item.get_absolute_url(),
                    _("valid until %(date)s")
                    % {"date": formats.date_format(item.valid_until, "DATE_FORMAT")},
                )
                for item in changes["expiring"]
            )
        )
    if changes["anniversaries"]:
        parts.append("## " + _("Anniversaries of the coming months"))
        lines = []
        for anniversary in changes["anniversaries"]:
            when = (
                formats.date_format(anniversary.exact_date, "DATE_FORMAT")
                if anniversary.exact_date
                else str(anniversary.year)
            )
            text = _("%(years)d years (%(what)s, %(since)d) — %(when)s") % {
                "years": anniversary.years,
                "what": anniversary.what,
                "since": anniversary.since,
                "when": when,
            }
            lines.append(_line(str(anniversary.subject), anniversary.subject.get_absolute_url(), text))
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def create_draft_from_changes(now=None):
    """A new draft issue, in each language, from what changed since the last sent issue."""
    now = now or timezone.now()
    values = {}
    for language in LANGUAGE_CODES:
        with override(language):
            changes = what_changed(now)  # in this language: anniversaries say what began, translated
            month = formats.date_format(timezone.localtime(now), "F Y")
            values[f"subject_{language}"] = _("Newsletter — %(month)s") % {"month": month}
            values[f"preheader_{language}"] = _("Partner cities, programmes, labels and anniversaries")
            values[f"body_{language}"] = _body(changes)
    with transaction.atomic():
        issue = NewsletterIssue.objects.create(state=IssueState.DRAFT, **values)
        issue.partner_cities.set(changes["cities"])
        issue.programmes.set(changes["programmes"])
        issue.distinctions.set(changes["distinctions"])
        issue.news_items.set(changes["news"])
        issue.events.set(changes["events"])
    return issue
