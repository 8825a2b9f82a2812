"""The Atom feed of the newsletter archive, one per language (its address is under /fr/ or /en/)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from angers_intl.markdown import render_markdown
from angers_intl.models import SiteProfile

from .models import NewsletterIssue

FEED_LENGTH = 20


class IssueFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        profile = SiteProfile.current()
        return _("Newsletter of %(site)s") % {"site": profile.site_title or profile.city_name}

    def subtitle(self):
        return _("Every issue of the newsletter, as it was sent.")

    def link(self):
        return reverse("newsletter:issue_archive")

    def items(self):
        return NewsletterIssue.objects.archived()[:FEED_LENGTH]

    def item_title(self, item):
        return item.subject

    def item_description(self, item):
        return render_markdown(item.body)

    def item_pubdate(self, item):
        return item.sending_started_at

    def item_updateddate(self, item):
        return item.sent_at or item.sending_started_at
