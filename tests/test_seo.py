"""Findable in both languages: sitemap with hreflang alternates, robots.txt, canonical URLs, titles,
descriptions and Open Graph tags on every public page."""

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest

from angers_intl.sitemaps import site_sitemaps

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
OPEN_GRAPH_LOCALES = {"fr": "fr_FR", "en": "en_US"}  # derived from LANGUAGES: "fr", "en"


def sitemap_files(fetch):
    """The files the sitemap index /sitemap.xml lists (paths and queries), read with `fetch(path)`."""
    response = fetch("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    assert root.tag == f"{SITEMAP}sitemapindex"
    return [urlsplit(loc.text)._replace(scheme="", netloc="").geturl() for loc in root.iter(f"{SITEMAP}loc")]


def sitemap_entries(fetch):
    """{location: {hreflang: alternate URL}} from every file of the sitemap index."""
    entries = {}
    for path in sitemap_files(fetch):
        response = fetch(path)
        assert response.status_code == 200
        root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
        for url in root.findall(f"{SITEMAP}url"):
            entries[url.findtext(f"{SITEMAP}loc")] = {
                link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
            }
    return entries


def canonical_path(url):
    """A crawled URL without its filters; a list's page number (other than 1) stays."""
    path, _, query = url.partition("?")
    page = parse_qs(query).get("page", ["1"])[0]
    return f"{path}?page={page}" if page != "1" else path


def head_of(outline):
    """The tags of a page's head that this module checks, as one comparable dict."""
    return {
        "canonical": [link["href"] for link in outline.links_with_rel("canonical")],
        # The language versions (the feeds are alternates too, by type, without hreflang).
        "alternates": {
            link["hreflang"]: link["href"]
            for link in outline.links_with_rel("alternate")
            if "hreflang" in link
        },
        "og:url": outline.meta.get("og:url"),
        "og:locale": outline.meta.get("og:locale"),
        "og:locale:alternate": outline.meta.get("og:locale:alternate"),
    }


def test_sitemap_lists_the_site_pages_in_both_languages_with_alternates(client, db):
    entries = sitemap_entries(client.get)
    assert entries["http://testserver/fr/"] == {
        "fr": "http://testserver/fr/",
        "en": "http://testserver/en/",
        "x-default": "http://testserver/fr/",
    }
    assert entries["http://testserver/en/legal-notice/"] == {
        "fr": "http://testserver/fr/mentions-legales/",
        "en": "http://testserver/en/legal-notice/",
        "x-default": "http://testserver/fr/mentions-legales/",
    }
    for path in [
        "/fr/villes-partenaires/",
        "/en/networks/",
        "/fr/labels-et-distinctions/",
        "/en/newsletter/",
        "/fr/donnees-personnelles/",
        "/en/accessibility/",
    ]:
        assert f"http://testserver{path}" in entries


def test_every_sitemap_section_gives_hreflang_alternates():
    """Sections the apps add (their `SITEMAPS`) follow the same rule as the site's own."""
    for name, section in site_sitemaps().items():
        assert (section.i18n, section.alternates, section.x_default) == (True, True, True), name


def test_sitemap_lists_every_page_a_visitor_can_reach_and_only_pages_that_exist(public_site):
    entries = sitemap_entries(public_site.fetch)
    canonical_pages = {
        public_site.outline(url).links_with_rel("canonical")[0]["href"] for url in public_site.pages
    }
    assert canonical_pages - set(entries) == set()
    assert len(entries) == len(set(entries))
    statuses = {location: public_site.fetch(urlsplit(location).path).status_code for location in entries}
    assert {location: status for location, status in statuses.items() if status != 200} == {}


def test_sitemap_alternates_agree_with_each_pages_own_alternates(public_site):
    entries = sitemap_entries(public_site.fetch)
    disagreeing = {}
    for url in public_site.pages:
        head = head_of(public_site.outline(url))
        location = head["canonical"][0]
        if location in entries and entries[location] != head["alternates"]:
            disagreeing[url] = (entries[location], head["alternates"])
    assert disagreeing == {}


def test_robots_txt_allows_the_public_site_and_points_to_the_sitemap(client, db, settings):
    settings.ALLOWED_HOSTS = ["international.example.org"]
    response = client.get(
        "/robots.txt", headers={"Host": "international.example.org", "X-Forwarded-Proto": "https"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        "Sitemap: https://international.example.org/sitemap.xml",
    ]


def test_every_page_has_a_canonical_url_alternates_and_open_graph_tags(public_site):
    problems = {}
    for url in public_site.pages:
        outline = public_site.outline(url)
        language = url.split("/")[1]
        head = head_of(outline)
        canonical = f"http://testserver{canonical_path(url)}"
        expected = {
            "canonical": [canonical],
            "alternates": head["alternates"],
            "og:url": [canonical],
            "og:locale": [OPEN_GRAPH_LOCALES[language]],
            "og:locale:alternate": [
                locale for code, locale in OPEN_GRAPH_LOCALES.items() if code != language
            ],
        }
        missing = [
            key
            for key in ("og:title", "og:description", "og:type", "og:site_name")
            if not (outline.first_meta(key) or "").strip()
        ]
        if head != expected or missing or set(head["alternates"]) != {"fr", "en", "x-default"}:
            problems[url] = {"head": head, "expected": expected, "missing": missing}
        if head["alternates"].get(language) != canonical:
            problems.setdefault(url, {})["self alternate"] = head["alternates"].get(language)
    assert problems == {}


def test_every_page_has_its_own_title_and_description(public_site):
    """One <title> and one description per page, not empty, different from every other page's
    (a filtered list shares its list's canonical URL, so it may share its title)."""
    by_canonical = {}
    for url in public_site.pages:
        outline = public_site.outline(url)
        canonical = outline.links_with_rel("canonical")[0]["href"]
        by_canonical.setdefault(
            canonical,
            (
                tuple(title.strip() for title in outline.titles),
                tuple(outline.meta.get("description", [])),
            ),
        )
    malformed = {
        canonical: (titles, descriptions)
        for canonical, (titles, descriptions) in by_canonical.items()
        if len(titles) != 1 or not titles[0] or len(descriptions) != 1 or not descriptions[0].strip()
    }
    assert malformed == {}
    titles = [titles[0] for titles, _ in by_canonical.values()]
    descriptions = [descriptions[0] for _, descriptions in by_canonical.values()]
    assert sorted({title for title in titles if titles.count(title) > 1}) == []
    assert sorted({text for text in descriptions if descriptions.count(text) > 1}) == []


@pytest.mark.parametrize(
    ("path", "title", "description_start"),
    [
        # The test city's tagline, site title and introduction (tests/fixtures/second_city/site-profile.yaml).
        ("/fr/", "Les villes amies de Valmont · Valmont dans le monde", "Petite ville de la vallée"),
        ("/en/", "The friends of Valmont · Valmont in the World", "A small town in the Sèvre valley"),
        ("/en/networks/", "Networks · Valmont in the World", "The European and international networks"),
        ("/fr/mentions-legales/", "Mentions légales · Valmont dans le monde", "Qui publie"),
    ],
)
def test_titles_and_descriptions_are_in_the_pages_language(client, test_city, path, title, description_start):
    from tests.site_crawl import PageOutline

    outline = PageOutline(client.get(path).content.decode())
    assert outline.titles == [title]
    assert outline.meta["description"][0].startswith(description_start)
    assert outline.first_meta("og:site_name") == title.split(" · ")[-1]


def test_canonical_url_drops_list_filters_but_keeps_the_page_number(client, test_city, settings):
    from tests.site_crawl import PageOutline

    settings.PUBLIC_LIST_PAGE_SIZE = 2  # so that the test city's three partners make a second page

    outline = PageOutline(client.get("/fr/villes-partenaires/?continent=europe&page=2").content.decode())
    assert head_of(outline)["canonical"] == ["http://testserver/fr/villes-partenaires/?page=2"]
    assert head_of(outline)["alternates"]["en"] == "http://testserver/en/partner-cities/?page=2"

    outline = PageOutline(client.get("/fr/villes-partenaires/?continent=europe&page=1").content.decode())
    assert head_of(outline)["canonical"] == ["http://testserver/fr/villes-partenaires/"]


def test_absolute_urls_are_the_public_address_seen_through_the_proxy(client, db, settings):
    settings.ALLOWED_HOSTS = ["international.example.org"]
    from tests.site_crawl import PageOutline

    response = client.get(
        "/en/accessibility/", headers={"Host": "international.example.org", "X-Forwarded-Proto": "https"}
    )
    head = head_of(PageOutline(response.content.decode()))
    assert head["canonical"] == ["https://international.example.org/en/accessibility/"]
    assert head["alternates"]["x-default"] == "https://international.example.org/fr/accessibilite/"


@pytest.mark.parametrize("path", ["/fr/page-absente/", "/en/no-such-page/"])
def test_missing_pages_ask_not_to_be_indexed_and_claim_no_canonical_url(client, db, path):
    from tests.site_crawl import PageOutline

    response = client.get(path)
    assert response.status_code == 404
    outline = PageOutline(response.content.decode())
    assert outline.meta["robots"] == ["noindex"]
    assert outline.links_with_rel("canonical") == []
