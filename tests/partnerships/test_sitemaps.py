"""The sitemaps the site-wide /sitemap.xml collects: every public page in both languages."""

from partnerships.models import PartnerCity
from partnerships.sitemaps import SITEMAPS


def urls_of(name):
    sitemap = SITEMAPS[name]()
    return sitemap.get_urls(
        site=type("Site", (), {"domain": "example.org", "name": "example"})(), protocol="https"
    )


def test_partner_city_sitemap_lists_each_page_in_both_languages_with_alternates(angers_content):
    """The x-default is the French page (French is the default language; every path has its prefix)."""
    PartnerCity.objects.filter(slug="wigan").update(published=False)
    urls = urls_of("partner-cities")
    locations = {url["location"] for url in urls}
    assert "https://example.org/fr/villes-partenaires/torun/" in locations
    assert "https://example.org/en/partner-cities/torun/" in locations
    assert "https://example.org/fr/villes-partenaires/carte/" in locations
    assert "https://example.org/en/partner-cities/timeline/" in locations
    assert not any("wigan" in location for location in locations)
    assert len(urls) == 2 * (3 + 8)
    torun = next(url for url in urls if url["location"] == "https://example.org/en/partner-cities/torun/")
    assert {(a["lang_code"], a["location"]) for a in torun["alternates"]} == {
        ("fr", "https://example.org/fr/villes-partenaires/torun/"),
        ("en", "https://example.org/en/partner-cities/torun/"),
        ("x-default", "https://example.org/fr/villes-partenaires/torun/"),
    }


def test_programme_sitemap(angers_content):
    locations = {url["location"] for url in urls_of("programmes")}
    assert locations == {
        "https://example.org/fr/villes-partenaires/programmes/jeunes-ambassadeurs/",
        "https://example.org/en/partner-cities/programmes/jeunes-ambassadeurs/",
        "https://example.org/fr/villes-partenaires/programmes/maison-du-partenariat-angers-bamako/",
        "https://example.org/en/partner-cities/programmes/maison-du-partenariat-angers-bamako/",
    }
