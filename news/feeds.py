"""The Atom feed of news and events, one per language (its address is under /fr/ or /en/), beside the
newsletter archive's (`newsletter.feeds.IssueFeed`); `base.html` advertises both on every page."""

import datetime
from itertools import islice
from operator import attrgetter

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from angers_intl.markdown import render_markdown
from angers_intl.models import SiteProfile

from .models import Event, NewsItem


def feed_items(length):
    """The latest published news (by date) and events (by when they were announced), newest first."""
    news = list(NewsItem.objects.published().order_by("-date", "-pk")[:length])
    events = list(Event.objects.published().order_by("-created_at", "-pk")[:length])
    for item in news:
        # The article's date, at midnight on the site's clock.
        item.feed_moment = timezone.make_aware(datetime.datetime.combine(item.date, datetime.time.min))
    for event in events:
        # Announced: when it was created, or when it went public at a later scheduled moment.
        event.feed_moment = max(event.created_at, event.publish_at or event.created_at)
    return list(islice(sorted([*news, *events], key=attrgetter("feed_moment"), reverse=True), length))


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        profile = SiteProfile.current()
        return _("News and events of %(site)s") % {"site": profile.site_title or profile.city_name}

    def subtitle(self):
        return _("The news, events and calls for projects of the international relations.")

    def link(self):
        return reverse("news:news_list")

    def feed_url(self):
        return reverse("news:feed")

    def items(self):
        return feed_items(settings.NEWS_FEED_LENGTH)

    def item_title(self, item):
        if isinstance(item, Event):
            start = formats.date_format(item.local_start, "DATE_FORMAT")
            return _("%(title)s (event, %(date)s)") % {"title": item.title, "date": start}
        return item.title

    def item_description(self, item):
        return render_markdown(item.summary)

    def item_pubdate(self, item):
        return item.feed_moment

    def item_updateddate(self, item):
        return max(item.updated_at, item.feed_moment)
