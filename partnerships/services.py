"""Business rules that read across models: round anniversaries to plan, the story of all partnerships."""

from dataclasses import dataclass, field
from itertools import groupby

from django.utils import timezone
from django.utils.translation import gettext as _

from angers_intl.anniversaries import is_round_anniversary, same_day_in

from .models import Milestone, PartnerCity, PartnershipStatus, Programme


@dataclass(frozen=True)
class Anniversary:
    year: int  # the year it falls
    years: int  # how many years: 10, 20, 25 …
    subject: object  # a PartnerCity or a Programme
    what: str  # translated: what began that year
    since: int
    exact_date: object = None  # the day, when the anniversary is that of a dated signature


def upcoming_anniversaries(today=None):
    """The newsletter's draft reads these (the staff dashboard has its own, wider list: angers_intl/dashboard.py).

    Round anniversaries that fall this year or next, for every partnership still alive and every
    programme: the year a relationship began, the signature of its current agreement, a programme's start.

    Published or not (communication plans events before a page goes online); ended partnerships are left out.
    Sorted by year, then date (undated first), then how many years.
    """
    today = today or timezone.localdate()
    years = (today.year, today.year + 1)
    found = []
    cities = PartnerCity.objects.exclude(status=PartnershipStatus.ENDED)
    for city in cities:
        for year in years:
            if is_round_anniversary(year - city.year_started):
                found.append(
                    Anniversary(
                        year, year - city.year_started, city, _("Relationship began"), city.year_started
                    )
                )
            signed = city.agreement_signed_on
            if signed and is_round_anniversary(year - signed.year) and signed.year != city.year_started:
                found.append(
                    Anniversary(
                        year,
                        year - signed.year,
                        city,
                        _("Current agreement signed"),
                        signed.year,
                        exact_date=same_day_in(signed, year),
                    )
                )
    for programme in Programme.objects.filter(start_year__isnull=False):
        for year in years:
            if is_round_anniversary(year - programme.start_year):
                found.append(
                    Anniversary(
                        year,
                        year - programme.start_year,
                        programme,
                        _("Programme began"),
                        programme.start_year,
                    )
                )
    return sorted(
        found,
        key=lambda a: (a.year, a.exact_date is not None, a.exact_date or today, -a.years, str(a.subject)),
    )


@dataclass
class TimelineEvent:
    year: int
    title: str
    text: str = ""
    date: object = None
    city: object = None
    programme: object = None
    # The key date the title and text come from: the page marks them when they are the French fallback.
    milestone: object = None


@dataclass
class TimelineYear:
    year: int
    events: list = field(default_factory=list)
    continued: bool = False  # the year began on the previous page


def partnership_timeline(cities, milestones, programmes):
    """The whole story, year by year: each city's key dates (its first year when no key date says it),
    and the year each programme began. Takes evaluated sequences, so the caller controls the queries.
    """
    return by_year(timeline_events(cities, milestones, programmes))


def by_year(events, previous=None):
    """[TimelineYear] of events in the timeline's order; `previous` is the event before the first one (on
    the previous page), whose year the first one may continue."""
    years = [TimelineYear(year, list(group)) for year, group in groupby(events, key=lambda e: e.year)]
    if years and previous is not None and previous.year == years[0].year:
        years[0].continued = True
    return years


def timeline_decades(events, page_size):
    """[(decade, first year, page number)]: where each decade of the story begins in pages of `page_size`."""
    found = []
    for index, event in enumerate(events):
        decade = event.year - event.year % 10
        if not found or found[-1][0] != decade:
            found.append((decade, event.year, index // page_size + 1))
    return found


def timeline_events(cities, milestones, programmes):
    """Every event of the story, in its order (by year, then date, undated first)."""
    events = []
    years_with_milestones = {(m.partner_city_id, m.year) for m in milestones}
    for city in cities:
        if (city.pk, city.year_started) not in years_with_milestones:
            events.append(
                TimelineEvent(
                    year=city.year_started,
                    title=_("%(type)s with %(city)s")
                    % {"type": city.get_agreement_type_display(), "city": city.name},
                    city=city,
                )
            )
    cities_by_pk = {city.pk: city for city in cities}
    for milestone in milestones:
        city = cities_by_pk.get(milestone.partner_city_id)
        if city is None:
            continue
        events.append(
            TimelineEvent(
                year=milestone.year,
                title=milestone.title,
                text=milestone.text,
                date=milestone.date,
                city=city,
                milestone=milestone,
            )
        )
    for programme in programmes:
        if programme.start_year:
            events.append(
                TimelineEvent(
                    year=programme.start_year,
                    title=_("%(programme)s begins") % {"programme": programme.name},
                    programme=programme,
                )
            )
    events.sort(key=lambda e: (e.year, e.date is not None, e.date or 0, e.city is None, _sort_name(e)))
    return events


def _sort_name(event):
    subject = event.city or event.programme
    return (getattr(subject, "year_started", 0), str(subject))


def published_timeline_events():
    """The public timeline's events: published cities, their key dates, published programmes. Three
    queries."""
    cities = list(PartnerCity.objects.published())
    milestones = list(Milestone.objects.of_published_cities())
    programmes = list(Programme.objects.published())
    return timeline_events(cities, milestones, programmes)
