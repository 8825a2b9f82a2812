"""Public pages of news and events, and their staff previews (`angers_intl.previews`).

Public views never touch the user or the session (cacheable by the shared cache); each runs a fixed number
of queries whatever the number of items. What is coming or past, and whether a call is open, is read from
the clock at request time (`EventQuerySet`, `Call.is_open`); a page's fragments are keyed on the state they
show where it is one record's (a call's page), and expire within `FRAGMENT_CACHE_SECONDS` elsewhere.
"""

from django.utils import timezone
from django.views.generic import DetailView, ListView

from angers_intl.models import SiteProfile
from angers_intl.pagination import PublicPagination
from angers_intl.previews import Previewable, StaffPreview
from angers_intl.slug_redirects import FollowsSlugRedirects

from .models import Event, NewsItem
from .structured_data import event_json_ld, news_json_ld


class NewsListView(PublicPagination, ListView):
    template_name = "news/news_list.html"
    context_object_name = "news_items"

    def get_queryset(self):
        return NewsItem.objects.published().order_by("-date", "-pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(now=timezone.now(), **kwargs)


class EventListView(PublicPagination, ListView):
    """The events not over yet (soonest first), then the past ones (latest first), one paginated list."""

    template_name = "news/event_list.html"
    context_object_name = "events"

    def get_queryset(self):
        self.now = timezone.now()
        return Event.objects.published().coming_then_past(at=self.now)

    def get_context_data(self, **kwargs):
        return super().get_context_data(now=self.now, **kwargs)


class AnnouncementDetailView(FollowsSlugRedirects, Previewable, DetailView):
    json_ld = None

    def get_queryset(self):
        return self.visible(self.model.objects.all()).with_links()

    def get_context_data(self, **kwargs):
        item = self.object
        url = self.request.build_absolute_uri(item.get_absolute_url())
        publisher = str(SiteProfile.for_request(self.request))
        now = timezone.now()
        return super().get_context_data(
            now=now,
            # Part of the page fragments' key: a call's page changes when its deadline passes.
            call_open=item.is_open(now),
            structured_data=lambda: type(self).json_ld(item, url, publisher),
            **kwargs,
        )


class NewsItemDetailView(AnnouncementDetailView):
    model = NewsItem
    template_name = "news/news_detail.html"
    context_object_name = "item"
    json_ld = staticmethod(news_json_ld)


class NewsItemPreviewView(StaffPreview, NewsItemDetailView):
    """A news item, published or not, as visitors will see it: for staff only."""


class EventDetailView(AnnouncementDetailView):
    model = Event
    template_name = "news/event_detail.html"
    context_object_name = "event"
    json_ld = staticmethod(event_json_ld)

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_past=self.object.is_past(), **kwargs)


class EventPreviewView(StaffPreview, EventDetailView):
    """An event, published or not, as visitors will see it: for staff only."""
