"""A URL map with one failing view, to see the 500 page as a visitor would."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from angers_intl.urls import handler404, handler500
from angers_intl.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("A deliberate failure for the 500 page test.")


urlpatterns = [*site_urlpatterns, *i18n_patterns(path("boom/", failing_view))]

__all__ = ["handler404", "handler500", "urlpatterns"]
