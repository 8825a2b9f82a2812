"""The public partner-city pages, in French and English, with the Angers content."""

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
    return re.findall(r'<h3 class="city-card__name"><a href="[^"]+">([^<]+)</a>', html)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            ["Haarlem", "Pays-Bas", "Jumelage", "depuis 1964", "Coopération décentralisée", "Royaume-Uni"],
        ),
        (
            "en",
            [
                "Haarlem",
                "Netherlands",
                "Twinning",
                "since 1964",
                "Decentralised cooperation",
                "United Kingdom",
            ],
        ),
    ],
)
def test_list_shows_every_published_city_with_country_type_and_year(
    client, angers_content, language, expected
):
    html = page(client, LIST[language])
    for text in expected:
        assert text in html
    pisa = "Pise" if language == "fr" else "Pisa"
    assert card_names(html) == [
        "Haarlem", "Osnabrück", "Bamako", pisa, "Wigan", "Södertälje", "Yantai", "Austin", "Toruń",
    ]  # fmt: skip


FILTERS = {
    "?type=twinning": ["Haarlem", "Osnabrück", "Pise", "Wigan", "Toruń"],
    "?type=decentralised_cooperation": ["Bamako"],
    "?continent=europe": ["Haarlem", "Osnabrück", "Pise", "Wigan", "Södertälje", "Toruń"],
    "?continent=north-america": ["Austin"],
    "?country=CN": ["Yantai"],
    "?theme=health": ["Bamako"],
    "?type=partnership&continent=europe": ["Södertälje"],
    "?type=partnership&continent=asia&theme=economy": ["Yantai"],
}


def test_filters_narrow_the_list(client, angers_content):
    for query, expected in FILTERS.items():
        assert card_names(page(client, LIST["fr"] + query)) == expected, query


def test_filters_form_works_without_javascript(client, angers_content):
    html = page(client, LIST["en"] + "?continent=africa")
    assert '<form method="get"' in html
    assert '<label for="id_continent">Continent</label>' in html
    assert '<option value="africa" selected>Africa</option>' in html
    assert "csrfmiddlewaretoken" not in html
    assert "Clear the filters" in html
    countries = re.findall(r'<option value="([A-Z]{2})"', page(client, LIST["fr"]))
    assert countries == [
        "DE",
        "CN",
        "US",
        "IT",
        "ML",
        "NL",
        "PL",
        "GB",
        "SE",
    ]  # Allemagne … États-Unis … Suède


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Aucune ville partenaire ne correspond à ces filtres."),
        ("en", "No partner city matches these filters."),
    ],
)
def test_no_result_is_said_clearly(client, angers_content, language, message):
    html = page(client, LIST[language] + "?type=friendship")
    assert card_names(html) == []
    assert message in html


def test_an_unknown_filter_value_is_ignored_and_reported(client, angers_content):
    html = page(client, LIST["en"] + "?type=alliance&theme=nonsense")
    assert len(card_names(html)) == 9
    assert "Some filters were not understood and were ignored." in html


CITY_PAGES = [
        (
            "/fr/villes-partenaires/torun/",
            ["<h1 id=\"city-title\">Toruń</h1>", "Pologne", "Couïavie-Poméranie", "Copernic",
             '<time datetime="2011">2011</time>', "Début du partenariat",
             '<time datetime="2016-05-09">9 mai 2016</time>', "le jour de l’Europe",
             "Signature de l’accord en vigueur", "53,0138° N, 18,5984° E",
             'href="https://www.torun.pl/" rel="external noopener"', "Site de Toruń",
             'href="/fr/villes-partenaires/?theme=culture">Culture</a>'],
        ),
        (
            "/en/partner-cities/torun/",
            ["Poland", "Kuyavian-Pomeranian Voivodeship", "Copernicus", "The partnership begins",
             '<time datetime="2016-05-09">9 May 2016</time>', "Twinning agreement signed on Europe Day",
             "53.0138° N, 18.5984° E", "Website of Toruń"],
        ),
        (
            "/en/partner-cities/bamako/",
            ["Mali", "Decentralised cooperation", "since 1974", "university hospital",
             'href="/en/partner-cities/programmes/maison-du-partenariat-angers-bamako/">Angers-Bamako Partnership House</a>',
             '<em lang="fr">Maison du Partenariat</em>', "12.6392° N, 8.0029° W"],
        ),
        (
            "/fr/villes-partenaires/haarlem/",
            ["Hollande-Septentrionale", "Échanges de jeunes ambassadeurs", "Début : Jumelage"],
        ),
]  # fmt: skip


def test_city_page_shows_text_key_dates_themes_programmes_and_position(client, angers_content):
    for path, expected in CITY_PAGES:
        html = page(client, path)
        for text in expected:
            assert text in html, (path, text)


def test_city_page_links_to_the_previous_and_next_partner(client, angers_content):
    html = page(client, "/en/partner-cities/pisa/")
    assert '<a href="/en/partner-cities/bamako/" rel="prev">' in html
    assert '<a href="/en/partner-cities/wigan/" rel="next">' in html
    first = page(client, "/en/partner-cities/haarlem/")
    assert 'rel="prev"' not in first
    assert '<a href="/en/partner-cities/osnabruck/" rel="next">' in first


def structured_data(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_city_page_describes_the_place_for_search_engines(client, angers_content):
    data = structured_data(page(client, "/en/partner-cities/austin/"))
    assert data == {
        "@context": "https://schema.org",
        "@type": "City",
        "name": "Austin",
        "description": PartnerCity.objects.get(slug="austin").plain_summary,
        "url": "http://testserver/en/partner-cities/austin/",
        "geo": {"@type": "GeoCoordinates", "latitude": 30.2672, "longitude": -97.7431},
        "address": {"@type": "PostalAddress", "addressCountry": "US", "addressRegion": "Texas"},
        "sameAs": "https://www.austintexas.gov/",
    }


def test_structured_data_cannot_be_broken_out_of(client, make_city):
    make_city(name="</script><script>alert(1)</script>", summary_fr="<!-- & -->")
    html = page(client, "/fr/villes-partenaires/haarlem/")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in script
    assert structured_data(html)["name"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize("language", ["fr", "en"])
def test_map_places_a_link_per_city_and_gives_a_text_equivalent(client, angers_content, language):
    html = page(client, {"fr": "/fr/villes-partenaires/carte/", "en": "/en/partner-cities/map/"}[language])
    marker_links = re.findall(r'<a href="([^"#]+)" class="map__marker" aria-label="([^"]+)">', html)
    assert len(marker_links) == 9
    assert len({href for href, _label in marker_links}) == 9  # one link per city across both maps
    if language == "fr":
        assert ("/fr/villes-partenaires/yantai/", "Yantai (Chine)") in marker_links
        assert "<td>52,3874° N</td>" in html
    else:
        assert ("/en/partner-cities/bamako/", "Bamako (Mali)") in marker_links
        assert "<td>52.3874° N</td>" in html
        assert "<td>97.7431° W</td>" in html
    assert html.count('<th scope="row">') == 9
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


def test_map_markers_sit_where_the_coordinates_say(client, angers_content):
    html = page(client, "/en/partner-cities/map/")
    # Equirectangular, 4 units per degree, west edge -180, north edge 84: Yantai (37.4638, 121.4479).
    assert '<circle class="map__dot" cx="1205.8" cy="186.1" r="9"/>' in html


TIMELINES = [
        ("/fr/villes-partenaires/chronologie/", ["De 1964 à aujourd’hui", '<h2 id="year-1964"', "Jumelage avec Haarlem",
                                                 "Jumelage avec Osnabrück", "Lancement : Échanges de jeunes ambassadeurs",
                                                 "Coopération décentralisée avec Bamako", "9 mai 2016"]),
        ("/en/partner-cities/timeline/", ["From 1964 to today", "Twinning with Haarlem", "Partnership with Austin",
                                          "Young ambassadors exchange begins", "Twinning agreement signed on Europe Day"]),
]  # fmt: skip


def test_timeline_tells_the_story_year_by_year(client, angers_content):
    for path, expected in TIMELINES:
        html = page(client, path)
        for text in expected:
            assert text in html, (path, text)
    years = [int(year) for year in re.findall(r'<h2 id="year-(\d{4})"', html)]
    assert years == sorted(years)
    assert years[0] == 1964
    assert 2016 in years


PROGRAMME_PAGES = [
        ("/fr/villes-partenaires/programmes/jeunes-ambassadeurs/",
         ["Échanges de jeunes ambassadeurs", "depuis 1967", "unique en France", "Ville euro-citoyenne",
          'href="/fr/villes-partenaires/osnabruck/"', 'href="/fr/villes-partenaires/wigan/"']),
        ("/en/partner-cities/programmes/maison-du-partenariat-angers-bamako/",
         ["Angers-Bamako Partnership House", 'href="/en/partner-cities/bamako/"']),
]  # fmt: skip


def test_programme_page_shows_its_text_and_partner_cities(client, angers_content):
    for path, expected in PROGRAMME_PAGES:
        html = page(client, path)
        for text in expected:
            assert text in html, (path, text)


TITLES = [
    ("/en/partner-cities/", "Partner cities", "Twin towns and partner cities"),
    ("/en/partner-cities/map/", "Map of the partner cities", "Where our twin towns"),
    ("/en/partner-cities/timeline/", "Timeline of our partnerships", "The story of our"),
    ("/en/partner-cities/wigan/", "Wigan (United Kingdom), partner city", "A town in Greater Manchester"),
    (
        "/fr/villes-partenaires/wigan/",
        "Wigan (Royaume-Uni), ville partenaire",
        "Ville du Grand Manchester",
    ),
    (
        "/en/partner-cities/programmes/jeunes-ambassadeurs/",
        "Young ambassadors exchange, programme",
        "Since 1967",
    ),
]


def test_each_page_has_its_own_title_and_description(client, angers_content):
    for path, title, description in TITLES:
        html = page(client, path)
        assert f"<title>{title} · " in html, path
        assert re.search(rf'<meta name="description" content="{re.escape(description)}', html), path


def test_public_pages_stay_cacheable(client, angers_content):
    for path in [
        "/fr/villes-partenaires/",
        "/fr/villes-partenaires/torun/",
        "/fr/villes-partenaires/carte/",
        "/fr/villes-partenaires/chronologie/",
        "/fr/villes-partenaires/programmes/jeunes-ambassadeurs/",
    ]:
        response = client.get(path)
        assert "Cookie" not in response.get("Vary", ""), path
        assert not response.cookies, path


def test_unpublished_items_are_invisible_to_the_public(client, angers_content):
    PartnerCity.objects.filter(slug="wigan").update(published=False)
    Programme.objects.filter(slug="jeunes-ambassadeurs").update(published=False)
    assert client.get("/en/partner-cities/wigan/").status_code == 404
    assert client.get("/en/partner-cities/programmes/jeunes-ambassadeurs/").status_code == 404
    for path in ["/en/partner-cities/", "/en/partner-cities/map/", "/en/partner-cities/timeline/",
                 "/en/partner-cities/pisa/", "/en/partner-cities/haarlem/"]:  # fmt: skip
        html = page(client, path)
        assert "/en/partner-cities/wigan/" not in html, path
        assert "Young ambassadors" not in html, path


def test_staff_preview_their_unpublished_items(client, angers_content):
    PartnerCity.objects.filter(slug="wigan").update(published=False)
    Programme.objects.filter(slug="jeunes-ambassadeurs").update(published=False)
    preview = "/en/partner-cities/preview/wigan/"
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
    assert "Greater Manchester" in html
    html = page(client, "/fr/villes-partenaires/apercu/programmes/jeunes-ambassadeurs/")
    assert "Cette page n’est pas publiée" in html
