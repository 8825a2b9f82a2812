"""Sitemaps of the news and event pages, in every language (`/sitemap.xml` collects SITEMAPS)."""

from angers_intl.sitemaps import TranslatedSitemap

from .models import Event, NewsItem


class NewsItemSitemap(TranslatedSitemap):
    def items(self):
        return NewsItem.objects.published().order_by("-date", "-pk")

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(TranslatedSitemap):
    def items(self):
        return Event.objects.published().order_by("-starts_at", "-pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"news": NewsItemSitemap, "events": EventSitemap}
