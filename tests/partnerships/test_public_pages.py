"""The public partner-city pages, in French and English, with the invented cities of `partner_world`."""

import json
import re

import pytest
from django.contrib.auth.models import Group, User

from partnerships.models import PartnerCity, Programme

LIST = {"fr": "/fr/villes-partenaires/", "en": "/en/partner-cities/"}


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def card_names(html):
    # A name without English is shown in French inside <span lang="fr">.
    return re.findall(r'<h3 class="city-card__name"><a href="[^"]+">(?:<span lang="fr">)?([^<]+)<', html)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            ["Marbeck", "Allemagne", "Jumelage", "depuis 1964", "Coopération décentralisée", "Royaume-Uni"],
        ),
        (
            "en",
            ["Marbeck", "Germany", "Twinning", "since 1964", "Decentralised cooperation", "United Kingdom"],
        ),
    ],
)
def test_list_shows_every_published_city_with_country_type_and_year(
    client, partner_world, language, expected
):
    html = page(client, LIST[language])
    for text in expected:
        assert text in html
    vinaterra = "Vinaterre" if language == "fr" else "Vinaterra"
    assert card_names(html) == [
        "Eastwold", "Marbeck", "Kalani", vinaterra, "Sorvik", "Haiqiao", "Brzezno", "Pine Hollow",
    ]  # fmt: skip


FILTERS = {
    "?type=twinning": ["Eastwold", "Marbeck", "Vinaterre", "Brzezno"],
    "?type=decentralised_cooperation": ["Kalani"],
    "?continent=europe": ["Eastwold", "Marbeck", "Vinaterre", "Sorvik", "Brzezno"],
    "?continent=north-america": ["Pine Hollow"],
    "?country=CN": ["Haiqiao"],
    "?theme=health": ["Kalani"],
    "?type=partnership&continent=europe": ["Sorvik"],
    "?type=partnership&continent=asia&theme=economy": ["Haiqiao"],
}


def test_filters_narrow_the_list(client, partner_world):
    for query, expected in FILTERS.items():
        assert card_names(page(client, LIST["fr"] + query)) == expected, query


def test_filters_form_works_without_javascript(client, partner_world):
    html = page(client, LIST["en"] + "?continent=africa")
    assert '<form method="get"' in html
    assert '<label for="id_continent">Continent</label>' in html
    assert '<option value="africa" selected>Africa</option>' in html
    assert "csrfmiddlewaretoken" not in html
    assert "Clear the filters" in html
    countries = re.findall(r'<option value="([A-Z]{2})"', page(client, LIST["fr"]))
    assert countries == ["DE", "CN", "US", "IT", "ML", "PL", "GB", "SE"]  # Allemagne … États-Unis … Suède


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Aucune ville partenaire ne correspond à ces filtres."),
        ("en", "No partner city matches these filters."),
    ],
)
def test_no_result_is_said_clearly(client, partner_world, language, message):
    html = page(client, LIST[language] + "?type=friendship")
    assert card_names(html) == []
    assert message in html


def test_an_unknown_filter_value_is_ignored_and_reported(client, partner_world):
    html = page(client, LIST["en"] + "?type=alliance&theme=nonsense")
    assert len(card_names(html)) == 8
    assert "Some filters were not understood and were ignored." in html


CITY_PAGES = [
        (
            "/fr/villes-partenaires/brzezno/",
            ["<h1 id=\"city-title\">Brzezno</h1>", "Pologne", "Poméranie", "Kaspar Wend",
             '<time datetime="2011">2011</time>', "Début du partenariat",
             '<time datetime="2016-05-09">9 mai 2016</time>', "le jour de l’Europe",
             "Signature de l’accord en vigueur", "53,0138° N, 18,5984° E",
             'href="https://www.brzezno.example/" rel="external noopener"', "Site de Brzezno",
             'href="/fr/villes-partenaires/?theme=culture">Culture</a>'],
        ),
        (
            "/en/partner-cities/brzezno/",
            ["Poland", "Pomerania", "Kaspar Wend", "The partnership begins",
             '<time datetime="2016-05-09">9 May 2016</time>', "Agreement signed on Europe Day",
             "53.0138° N, 18.5984° E", "Website of Brzezno"],
        ),
        (
            "/en/partner-cities/kalani/",
            ["Mali", "Decentralised cooperation", "since 1974", "health centre",
             'href="/en/partner-cities/programmes/kalani-house/">Kalani House</a>',
             '<em lang="fr">centre de santé</em>', "12.6392° N, 8.0029° W"],
        ),
        (
            "/fr/villes-partenaires/eastwold/",
            ["Lancashire", "Échange de jeunes", "Début : Jumelage"],
        ),
]  # fmt: skip


def test_city_page_shows_text_key_dates_themes_programmes_and_position(client, partner_world):
    for path, expected in CITY_PAGES:
        html = page(client, path)
        for text in expected:
            assert text in html, (path, text)


def test_city_page_links_to_the_previous_and_next_partner(client, partner_world):
    html = page(client, "/en/partner-cities/vinaterra/")
    assert '<a href="/en/partner-cities/kalani/" rel="prev">' in html
    assert '<a href="/en/partner-cities/sorvik/" rel="next">' in html
    first = page(client, "/en/partner-cities/eastwold/")
    assert 'rel="prev"' not in first
    assert '<a href="/en/partner-cities/marbeck/" rel="next">' in first


def structured_data(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_city_page_describes_the_place_for_search_engines(client, partner_world):
    data = structured_data(page(client, "/en/partner-cities/pine-hollow/"))
    assert data == {
        "@context": "https://schema.org",
        "@type": "City",
        "name": "Pine Hollow",
        "description": "Pine Hollow, a partner city since 2011.",
        "url": "http://testserver/en/partner-cities/pine-hollow/",
        "geo": {"@type": "GeoCoordinates", "latitude": 30.2672, "longitude": -97.7431},
        "address": {"@type": "PostalAddress", "addressCountry": "US", "addressRegion": "Texas"},
        "sameAs": "https://www.pinehollow.example/",
    }


def test_structured_data_cannot_be_broken_out_of(client, make_city):
    make_city(name="</script><script>alert(1)</script>", summary_fr="<!-- & -->")
    html = page(client, "/fr/villes-partenaires/haarlem/")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in script
    assert structured_data(html)["name"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize("language", ["fr", "en"])
def test_map_places_a_link_per_city_and_gives_a_text_equivalent(client, partner_world, language):
    html = page(client, {"fr": "/fr/villes-partenaires/carte/", "en": "/en/partner-cities/map/"}[language])
    marker_links = re.findall(r'<a href="([^"#]+)" class="map__marker" aria-label="([^"]+)">', html)
    assert len(marker_links) == 8
    assert len({href for href, _label in marker_links}) == 8  # one link per city across both maps
    if language == "fr":
        assert ("/fr/villes-partenaires/haiqiao/", "Haiqiao (Chine)") in marker_links
        assert "<td>52,2799° N</td>" in html
    else:
        assert ("/en/partner-cities/kalani/", "Kalani (Mali)") in marker_links
        assert "<td>52.2799° N</td>" in html
        assert "<td>97.7431° W</td>" in html
    assert html.count('<th scope="row">') == 8
    assert "static/partnerships/map-world" in html
    assert 'id="map-europe"' in html  # the detail frame around the European cities


def test_a_city_without_coordinates_is_listed_but_not_mapped(client, make_city):
    make_city(slug="nowhere", name="Nowhere", latitude=None, longitude=None)
    make_city(slug="haarlem", name="Haarlem")
    assert card_names(page(client, LIST["en"])) == ["Haarlem", "Nowhere"]
    map_page = page(client, "/en/partner-cities/map/")
    assert "Haarlem" in map_page
    assert "Nowhere" not in map_page
    detail = page(client, "/en/partner-cities/nowhere/")
    assert "On the map" not in detail
    assert "geo" not in structured_data(detail)


def test_map_markers_sit_where_the_coordinates_say(client, partner_world):
    html = page(client, "/en/partner-cities/map/")
    # Equirectangular, 4 units per degree, west edge -180, north edge 84: Haiqiao (37.4638, 121.4479).
    assert '<circle class="map__dot" cx="1205.8" cy="186.1" r="9"/>' in html


TIMELINES = [
        ("/fr/villes-partenaires/chronologie/", ["De 1964 à aujourd’hui", '<h2 id="year-1964"', "Jumelage avec Eastwold",
                                                 "Jumelage avec Marbeck", "Lancement : Échange de jeunes",
                                                 "Coopération décentralisée avec Kalani", "9 mai 2016"]),
        ("/en/partner-cities/timeline/", ["From 1964 to today", "Twinning with Eastwold", "Partnership with Pine Hollow",
                                          "Youth exchange begins", "Agreement signed on Europe Day"]),
]  # fmt: skip


def test_timeline_tells_the_story_year_by_year(client, partner_world):
    for path, expected in TIMELINES:
        html = page(client, path)
        for text in expected:
            assert text in html, (path, text)
    years = [int(year) for year in re.findall(r'<h2 id="year-(\d{4})"', html)]
    assert years == [1964, 1967, 1974, 1982, 1998, 2006, 2011, 2016]


PROGRAMME_PAGES = [
        ("/fr/villes-partenaires/programmes/youth-exchange/",
         ["Échange de jeunes", "depuis 1967", "Le plus ancien échange de la ville", 'href="/fr/villes-partenaires/eastwold/"',
          'href="/fr/villes-partenaires/marbeck/"', 'href="/fr/villes-partenaires/vinaterra/"']),
        ("/en/partner-cities/programmes/kalani-house/",
         ["Kalani House", "A guest house in Kalani.", 'href="/en/partner-cities/kalani/"']),
]  # fmt: skip


def test_programme_page_shows_its_text_and_partner_cities(client, partner_world):
    for path, expected in PROGRAMME_PAGES:
        html = page(client, path)
        for text in expected:
            assert text in html, (path, text)


TITLES = [
    ("/en/partner-cities/", "Partner cities", "Twin towns and partner cities"),
    ("/en/partner-cities/map/", "Map of the partner cities", "Where our twin towns"),
    ("/en/partner-cities/timeline/", "Timeline of our partnerships", "The story of our"),
    ("/en/partner-cities/eastwold/", "Eastwold (United Kingdom), partner city", "A mill town in Lancashire"),
    (
        "/fr/villes-partenaires/eastwold/",
        "Eastwold (Royaume-Uni), ville partenaire",
        "Ville de filatures du Lancashire",
    ),
    ("/en/partner-cities/programmes/youth-exchange/", "Youth exchange, programme", "Since 1967"),
]


def test_each_page_has_its_own_title_and_description(client, site_profile, partner_world):
    for path, title, description in TITLES:
        html = page(client, path)
        site_title = site_profile.site_title_en if path.startswith("/en/") else site_profile.site_title_fr
        assert f"<title>{title} · {site_title}</title>" in html, path
        assert re.search(rf'<meta name="description" content="{re.escape(description)}', html), path


def test_public_pages_stay_cacheable(client, partner_world):
    for path in [
        "/fr/villes-partenaires/",
        "/fr/villes-partenaires/brzezno/",
        "/fr/villes-partenaires/carte/",
        "/fr/villes-partenaires/chronologie/",
        "/fr/villes-partenaires/programmes/youth-exchange/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Cookie" not in response.get("Vary", ""), path
        assert not response.cookies, path


def test_unpublished_items_are_invisible_to_the_public(client, partner_world):
    PartnerCity.objects.filter(slug="eastwold").update(published=False)
    Programme.objects.filter(slug="youth-exchange").update(published=False)
    assert client.get("/en/partner-cities/eastwold/").status_code == 404
    assert client.get("/en/partner-cities/programmes/youth-exchange/").status_code == 404
    for path in ["/en/partner-cities/", "/en/partner-cities/map/", "/en/partner-cities/timeline/",
                 "/en/partner-cities/vinaterra/", "/en/partner-cities/marbeck/"]:  # fmt: skip
        html = page(client, path)
        assert "/en/partner-cities/eastwold/" not in html, path
        assert "Youth exchange" not in html, path


def test_staff_preview_their_unpublished_items(client, partner_world):
    PartnerCity.objects.filter(slug="eastwold").update(published=False)
    Programme.objects.filter(slug="youth-exchange").update(published=False)
    preview = "/en/partner-cities/preview/eastwold/"
    assert client.get(preview).status_code == 302  # to the admin login
    client.force_login(User.objects.create(username="visitor"))
    assert client.get(preview).status_code == 302  # not staff
    client.force_login(User.objects.create(username="newsletter-only", is_staff=True))
    denied = client.get(preview)
    assert denied.status_code == 403  # staff, but not allowed to see partnerships
    assert "Access denied" in denied.content.decode()
    editor = User.objects.create(username="editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Communication"))
    client.force_login(editor)
    html = page(client, preview)
    assert "This page is not published: visitors cannot see it." in html
    assert '<meta name="robots" content="noindex">' in html
    assert "A mill town in Lancashire" in html
    html = page(client, "/fr/villes-partenaires/apercu/programmes/youth-exchange/")
    assert "Cette page n’est pas publiée" in html
