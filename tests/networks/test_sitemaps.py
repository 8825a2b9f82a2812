"""The sitemap sections this app offers to /sitemap.xml: both languages, hreflang alternates, x-default."""

from types import SimpleNamespace

from networks.sitemaps import SITEMAPS

SITE = SimpleNamespace(domain="international.example.org", name="example")


def urls_of(section):
    return SITEMAPS[section]().get_urls(site=SITE, protocol="https")


def test_pages_are_listed_in_both_languages_with_alternates(db):
    locations = {url["location"] for url in urls_of("networks-pages")}
    assert locations == {
        "https://international.example.org/fr/reseaux/",
        "https://international.example.org/en/networks/",
        "https://international.example.org/fr/labels-et-distinctions/",
        "https://international.example.org/en/labels-and-awards/",
    }
    first = urls_of("networks-pages")[0]
    assert {alternate["lang_code"] for alternate in first["alternates"]} == {"fr", "en", "x-default"}


def test_only_published_networks_are_listed(make_network):
    make_network("eurocities")
    make_network("uclg", published=False)
    locations = {url["location"] for url in urls_of("networks")}
    assert locations == {
        "https://international.example.org/en/networks/eurocities/",
        "https://international.example.org/fr/reseaux/eurocities/",
    }
    for sitemap in SITEMAPS.values():
        assert (sitemap.i18n, sitemap.alternates, sitemap.x_default) == (True, True, True)
