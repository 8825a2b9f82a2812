"""schema.org JSON-LD for the page of a news item (`NewsArticle`) and of an event (`Event`), written by the
one serialiser of the site (`partnerships.structured_data.json_ld_script`, through the `json_ld` filter)."""

EVENT_ATTENDANCE = {
    (True, True): "https://schema.org/MixedEventAttendanceMode",
    (True, False): "https://schema.org/OfflineEventAttendanceMode",
    (False, True): "https://schema.org/OnlineEventAttendanceMode",
    (False, False): "https://schema.org/OfflineEventAttendanceMode",
}


def news_json_ld(item, url, publisher=""):
    """A schema.org NewsArticle: headline, description, date, URL, publisher."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "description": item.plain_summary,
        "datePublished": item.date.isoformat(),
        "url": url,
        "mainEntityOfPage": url,
    }
    if item.updated_at:
        data["dateModified"] = item.updated_at.isoformat(timespec="seconds")
    if publisher:
        data["publisher"] = {"@type": "Organization", "name": publisher}
    return data


def event_json_ld(event, url, organiser=""):
    """A schema.org Event: name, description, start and end with their offset, place or online, URL."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.plain_summary,
        "startDate": event.local_start.isoformat(timespec="minutes"),
        "endDate": event.local_end.isoformat(timespec="minutes"),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": EVENT_ATTENDANCE[(bool(event.place), event.online)],
        "url": url,
    }
    locations = []
    if event.place:
        locations.append({"@type": "Place", "name": event.place, "address": event.place})
    if event.online:
        locations.append({"@type": "VirtualLocation", "url": event.registration_url or url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if organiser:
        data["organizer"] = {"@type": "Organization", "name": organiser}
    if event.registration_url:
        data["offers"] = {"@type": "Offer", "url": event.registration_url}
    return data
