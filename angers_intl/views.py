"""Site-wide views: home page, legal pages, robots.txt and error pages."""

import logging

from django.conf import settings
from django.contrib.sitemaps.views import index as sitemap_index_view
from django.contrib.sitemaps.views import sitemap
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.template.defaultfilters import filesizeformat
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views import defaults
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from networks.models import Network
from news.models import Event, NewsItem
from partnerships.models import PartnerCity

from .models import LegalPage
from .pagination import PageNotInList
from .sitemaps import site_sitemaps

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Lazy: counted only when the figures' fragment is not in the cache.
        context["city_figures"] = SimpleLazyObject(lambda: PartnerCity.objects.published().figures())
        context["network_count"] = Network.objects.published().count
        # Unevaluated: read only when their fragment is not in the cache.
        context["latest_news"] = NewsItem.objects.published().newest(settings.NEWS_ON_HOME_PAGE)
        context["next_events"] = Event.objects.published().coming()[: settings.EVENTS_ON_HOME_PAGE]
        return context


class LegalPageView(TemplateView):
    """Legal notice, personal data, accessibility statement: staff-written text and the site profile."""

    template_name = "pages/legal_page.html"
    page = None

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, legal_page=LegalPage.for_kind(self.page), **kwargs)


@require_safe
def robots_txt(request):
    """Everything public may be indexed; the admin may not; the sitemap is announced by absolute URL."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico on pages without an icon link (the admin): the site's icon."""
    return redirect(static("img/favicon.svg"))


@require_safe
def sitemap_index(request):
    """`/sitemap.xml`: the sitemap index, one entry per section and page of `site_sitemaps()` (each section
    cut into pages of its `limit`, so that no file grows with the content)."""
    return sitemap_index_view(request, sitemaps=site_sitemaps(), sitemap_url_name="sitemap_section")


@require_safe
def sitemap_xml(request, section):
    """`/sitemap-<section>.xml?p=N`: one page of one section of `site_sitemaps()`. Django's x-default alternate is the page's path without its
    language prefix, which exists only for the home page here: it becomes the default language's page,
    as in each page's own `<link rel="alternate" hreflang="x-default">`."""
    response = sitemap(request, sitemaps=site_sitemaps(), section=section)
    for url in response.context_data["urlset"]:
        locations = {alternate["lang_code"]: alternate["location"] for alternate in url["alternates"]}
        for alternate in url["alternates"]:
            if alternate["lang_code"] == "x-default" and settings.LANGUAGE_CODE in locations:
                alternate["location"] = locations[settings.LANGUAGE_CODE]
    return response


# What Django raises for a request over DATA_UPLOAD_MAX_MEMORY_SIZE or the field and file counts: by default
# a bare 400. The visitor gets our "too large" page with the status nginx gives above client_max_body_size.
REQUEST_TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def bad_request(request, exception):
    if isinstance(exception, REQUEST_TOO_LARGE):
        limit = filesizeformat(settings.REQUEST_MAX_BYTES)
        return render(request, "413.html", {"limit": limit}, status=413)
    # Anything else (a foreign Host header among them): Django's plain 400, which needs no valid host.
    return defaults.bad_request(request, exception)


def page_not_found(request, exception):
    """The 404 page; for a page number a list does not have, it says so and links to the list's first page."""
    page_not_in_list = exception if isinstance(exception, PageNotInList) else None
    return render(request, "404.html", {"page_not_in_list": page_not_in_list}, status=404)


def server_error(request):
    """The 500 page in the site's design; a bare page if even that fails (the database may be down)."""
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("The designed 500 page could not be rendered; serving the bare one.")
        return HttpResponseServerError(loader.get_template("500_bare.html").render())
