"""`/sitemap.xml`: every public page in both languages with its hreflang alternates (fr, en, x-default).

The site-wide pages are listed here; each of our apps with a `sitemaps` module adds its own sections
through a `SITEMAPS` dict ({name: Sitemap class}), merged by `site_sitemaps()`.
"""

from importlib import import_module

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.module_loading import module_has_submodule

from .apps import project_app_configs


class TranslatedSitemap(Sitemap):
    """One entry per language, each listing the others and x-default (the French page) as alternates."""

    i18n = True
    alternates = True
    x_default = True
    # Records per file of the sitemap index (each in every language, with its alternates): a few hundred
    # KB at most, far under the protocol's 50,000 URLs and 50 MB.
    limit = 1000


class SitePagesSitemap(TranslatedSitemap):
    """The pages every installation has: home, the section lists and the legal pages."""

    changefreq = "monthly"
    url_names = [
        "home",
        "partnerships:city_list",
        "networks:network_list",
        "networks:recognition_list",
        "news:news_list",
        "news:event_list",
        "newsletter:signup",
        "legal_notice",
        "privacy",
        "accessibility",
    ]

    def items(self):
        return self.url_names

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item == "home" else 0.5


def site_sitemaps():
    """The site-wide sections, then those every project app exports in `<app>.sitemaps.SITEMAPS`."""
    sitemaps = {"pages": SitePagesSitemap}
    for app_config in project_app_configs():
        if app_config.name == "angers_intl" or not module_has_submodule(app_config.module, "sitemaps"):
            continue
        sitemaps.update(getattr(import_module(f"{app_config.name}.sitemaps"), "SITEMAPS", {}))
    return sitemaps
