"""The sitemap sections this app offers to /sitemap.xml: both languages, hreflang alternates, x-default."""

from types import SimpleNamespace

from networks.models import Network
from networks.sitemaps import SITEMAPS

SITE = SimpleNamespace(domain="international.example.org", name="example")


def urls_of(section):
    return SITEMAPS[section]().get_urls(site=SITE, protocol="https")


def test_pages_are_listed_in_both_languages_with_alternates(networks_content):
    locations = {url["location"] for url in urls_of("networks-pages")}
    assert locations == {
        "https://international.example.org/fr/reseaux/",
        "https://international.example.org/en/networks/",
        "https://international.example.org/fr/labels-et-distinctions/",
        "https://international.example.org/en/labels-and-awards/",
    }
    first = urls_of("networks-pages")[0]
    assert {alternate["lang_code"] for alternate in first["alternates"]} == {"fr", "en", "x-default"}


def test_only_published_networks_are_listed(networks_content):
    Network.objects.filter(slug="uclg").update(published=False)
    locations = {url["location"] for url in urls_of("networks")}
    assert "https://international.example.org/en/networks/eurocities/" in locations
    assert "https://international.example.org/fr/reseaux/eurocities/" in locations
    assert not any("uclg" in location for location in locations)
    assert len(locations) == 12
    for sitemap in SITEMAPS.values():
        assert (sitemap.i18n, sitemap.alternates, sitemap.x_default) == (True, True, True)
