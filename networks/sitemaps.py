"""Sitemap sections of the networks app, in both languages with hreflang alternates.

`/sitemap.xml` (wired by the project) collects the `SITEMAPS` dictionary of each app.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Network


class NetworkPagesSitemap(Sitemap):
    """The networks page and the labels and awards page."""

    i18n = True
    alternates = True
    x_default = True
    limit = 1000  # records per file of the sitemap index
    changefreq = "monthly"

    def items(self):
        return ["networks:network_list", "networks:recognition_list"]

    def location(self, item):
        return reverse(item)


class NetworkSitemap(Sitemap):
    """One page per published network."""

    i18n = True
    alternates = True
    x_default = True
    limit = 1000  # records per file of the sitemap index
    changefreq = "yearly"

    def items(self):
        return Network.objects.published().order_by("kind", "display_order", "slug")


SITEMAPS = {"networks-pages": NetworkPagesSitemap, "networks": NetworkSitemap}
