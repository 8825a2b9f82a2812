"""iCalendar files (RFC 5545), made with the `icalendar` library: every published event in one calendar
per language (`…/events/calendar.ics`, past and coming), and one event's own file ("add to my calendar").

Times carry their zone: DTSTART and DTEND are written in the event's time zone with its TZID, and the
calendar holds a VTIMEZONE for each zone used; the site's zone is always there, so the calendar of a site
without events still holds a component and stays valid.
"""

import zoneinfo
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from angers_intl.models import SiteProfile

from .models import Event

PRODUCT_ID = "-//angers-intl//News and events//EN"


def event_component(event, *, page_url, host):
    component = icalendar.Event()
    component.add("uid", f"event-{event.pk}@{host}")
    component.add("dtstamp", event.updated_at or timezone.now())
    component.add("dtstart", event.local_start)
    component.add("dtend", event.local_end)
    component.add("summary", event.title)
    description = event.plain_summary
    if event.registration_url:
        description += "\n\n" + _("Registration: %(url)s") % {"url": event.registration_url}
    component.add("description", description)
    location = event.place
    if event.online:
        location = ", ".join(filter(None, [location, _("online")]))
    if location:
        component.add("location", location)
    component.add("url", page_url)
    if event.updated_at:
        component.add("last-modified", event.updated_at)
    return component


def calendar_of(events, *, name, build_absolute_uri):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = urlsplit(build_absolute_uri("/")).hostname or "localhost"
    for event in events:
        page_url = build_absolute_uri(event.get_absolute_url())
        calendar.add_component(event_component(event, page_url=page_url, host=host))
    # Each zone's rules over the years the events span (a year either side), not the library's 1970–2038.
    today = timezone.localdate()
    first = min([event.starts_at.date() for event in events] or [today]).replace(month=1, day=1)
    last = max([event.ends_at.date() for event in events] or [today]).replace(month=12, day=31)
    first, last = first.replace(year=first.year - 1), last.replace(year=last.year + 1)
    for zone_name in sorted({event.zone.key for event in events} | {settings.TIME_ZONE}):
        zone = icalendar.Timezone.from_tzinfo(zoneinfo.ZoneInfo(zone_name), first_date=first, last_date=last)
        calendar.add_component(zone)
    return calendar


def ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def site_name():
    profile = SiteProfile.current()
    return profile.site_title or profile.city_name


@require_safe
def events_calendar(request):
    """Every published event, past and coming, in the request's language."""
    events = list(Event.objects.published().order_by("starts_at", "pk"))
    name = _("Events of %(site)s") % {"site": site_name()}
    calendar = calendar_of(events, name=name, build_absolute_uri=request.build_absolute_uri)
    return ics_response(calendar, f"events-{get_language()}.ics")


@require_safe
def event_calendar(request, slug):
    """One published event, to add to a calendar."""
    event = get_object_or_404(Event.objects.published(), slug=slug)
    calendar = calendar_of([event], name=event.title, build_absolute_uri=request.build_absolute_uri)
    return ics_response(calendar, f"{event.slug}.ics")
