"""News under `news/` (`/fr/actualites/`) and events under `events/` (`/fr/agenda/`), their feeds and
calendars. Fixed paths before `<slug>/`; models.RESERVED_SLUGS keeps slugs off them."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import calendars, views
from .feeds import NewsFeed

app_name = "news"

urlpatterns = [
    path(_("news/"), views.NewsListView.as_view(), name="news_list"),
    path(_("news/feed/"), NewsFeed(), name="feed"),
    path(_("news/preview/<slug:slug>/"), views.NewsItemPreviewView.as_view(), name="news_preview"),
    path(_("news/<slug:slug>/"), views.NewsItemDetailView.as_view(), name="news_detail"),
    path(_("events/"), views.EventListView.as_view(), name="event_list"),
    path(_("events/calendar.ics"), calendars.events_calendar, name="calendar"),
    path(_("events/preview/<slug:slug>/"), views.EventPreviewView.as_view(), name="event_preview"),
    path(_("events/<slug:slug>/"), views.EventDetailView.as_view(), name="event_detail"),
    path(_("events/<slug:slug>/event.ics"), calendars.event_calendar, name="event_calendar"),
]
