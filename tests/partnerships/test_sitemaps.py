"""The sitemaps the site-wide /sitemap.xml collects: every public page in both languages."""

from partnerships.models import PartnerCity, Programme
from partnerships.sitemaps import SITEMAPS


def urls_of(name):
    sitemap = SITEMAPS[name]()
    return sitemap.get_urls(
        site=type("Site", (), {"domain": "example.org", "name": "example"})(), protocol="https"
    )


def test_partner_city_sitemap_lists_each_page_in_both_languages_with_alternates(partner_world):
    """The x-default is the French page (French is the default language; every path has its prefix)."""
    PartnerCity.objects.filter(slug="eastwold").update(published=False)
    urls = urls_of("partner-cities")
    locations = {url["location"] for url in urls}
    assert "https://example.org/fr/villes-partenaires/brzezno/" in locations
    assert "https://example.org/en/partner-cities/brzezno/" in locations
    assert "https://example.org/fr/villes-partenaires/carte/" in locations
    assert "https://example.org/en/partner-cities/timeline/" in locations
    assert not any("eastwold" in location for location in locations)
    assert len(urls) == 2 * (3 + 7)  # the list, the map and the timeline, and the 7 published cities
    brzezno = next(url for url in urls if url["location"] == "https://example.org/en/partner-cities/brzezno/")
    assert {(a["lang_code"], a["location"]) for a in brzezno["alternates"]} == {
        ("fr", "https://example.org/fr/villes-partenaires/brzezno/"),
        ("en", "https://example.org/en/partner-cities/brzezno/"),
        ("x-default", "https://example.org/fr/villes-partenaires/brzezno/"),
    }


def test_programme_sitemap(partner_world):
    Programme.objects.create(slug="draft", name_fr="Brouillon", summary_fr="Pas encore.", published=False)
    locations = {url["location"] for url in urls_of("programmes")}
    assert locations == {
        "https://example.org/fr/villes-partenaires/programmes/youth-exchange/",
        "https://example.org/en/partner-cities/programmes/youth-exchange/",
        "https://example.org/fr/villes-partenaires/programmes/kalani-house/",
        "https://example.org/en/partner-cities/programmes/kalani-house/",
    }
