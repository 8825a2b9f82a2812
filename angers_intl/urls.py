"""URL map. Public pages live under /fr/ and /en/ with translated paths; `/` redirects by language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_xml, name="sitemap_section"),
    path("favicon.ico", views.favicon),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path(_("partner-cities/"), include("partnerships.urls")),
    path("", include("networks.urls")),
    path("", include("news.urls")),
    path(_("newsletter/"), include("newsletter.urls")),
    path(_("legal-notice/"), views.LegalPageView.as_view(page="legal_notice"), name="legal_notice"),
    path(_("personal-data/"), views.LegalPageView.as_view(page="privacy"), name="privacy"),
    path(_("accessibility/"), views.LegalPageView.as_view(page="accessibility"), name="accessibility"),
)

if settings.BENCHMARK_VIEWS:
    # Only when `make bench` starts the stack (DJANGO_BENCHMARK_VIEWS=1): its reference view.
    urlpatterns += [path("", include("angers_intl.benchmark_views"))]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "angers_intl.views.bad_request"
handler404 = "angers_intl.views.page_not_found"
handler500 = "angers_intl.views.server_error"
