"""Sitemaps of the partner-city and programme pages, in every language (`/sitemap.xml` collects SITEMAPS)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import PartnerCity, Programme


class TranslatedSitemap(Sitemap):
    """Each page in every language, with its `hreflang` alternates and an x-default.

    Django builds the x-default by removing the `/fr/` prefix, which suits sites whose default language
    has no prefix; every page of ours has one, so the x-default is the page in the default language.
    """

    i18n = True
    alternates = True
    x_default = True
    # Records per file of the sitemap index (each in every language, with its alternates): a few hundred
    # KB at most, far under the protocol's 50,000 URLs and 50 MB.
    limit = 1000

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            alternates = url.get("alternates", [])
            default = next(
                (a["location"] for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None
            )
            for alternate in alternates:
                if alternate["lang_code"] == "x-default" and default:
                    alternate["location"] = default
        return urls


class PartnerCitySitemap(TranslatedSitemap):
    def items(self):
        # The list, map and timeline pages, then one page per published city.
        return [
            "partnerships:city_list",
            "partnerships:map",
            "partnerships:timeline",
            *PartnerCity.objects.published(),
        ]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()


class ProgrammeSitemap(TranslatedSitemap):
    def items(self):
        return Programme.objects.published()


SITEMAPS = {"partner-cities": PartnerCitySitemap, "programmes": ProgrammeSitemap}
