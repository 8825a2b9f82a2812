"""The newsletter archive in the sitemap: its list page and every issue sent, in every language."""

from django.urls import reverse

from angers_intl.sitemaps import TranslatedSitemap

from .models import NewsletterIssue


class IssueSitemap(TranslatedSitemap):
    changefreq = "yearly"

    def items(self):
        return ["newsletter:issue_archive", *NewsletterIssue.objects.archived()]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return None if isinstance(item, str) else item.sent_at or item.sending_started_at


SITEMAPS = {"newsletter-issues": IssueSitemap}
