"""Arranging prefetched news and events for a template (no query: `news.models.related_prefetches`)."""

from django import template

register = template.Library()


@register.filter
def announcements_of_distinctions(recognition):
    """{"news": [...], "events": [...]}: the published news and coming events linked to any distinction of
    `recognition` (its distinctions prefetched with `related_prefetches("distinctions__")`), each once."""
    news, events = {}, {}
    for distinction in recognition.distinctions.all():
        for item in getattr(distinction, "published_news", ()):
            news.setdefault(item.pk, item)
        for event in getattr(distinction, "coming_events", ()):
            events.setdefault(event.pk, event)
    return {
        "news": sorted(news.values(), key=lambda item: (item.date, item.pk), reverse=True),
        "events": sorted(events.values(), key=lambda event: (event.starts_at, event.pk)),
    }
