"""The maps' detail frames come from the partner cities' coordinates, wherever the cities are."""

import itertools
import re
from decimal import Decimal

import pytest
from django.utils import translation

from partnerships.maps import WORLD, city_frame, detail_frames
from partnerships.models import PartnerCity

MAP = {"fr": "/fr/villes-partenaires/carte/", "en": "/en/partner-cities/map/"}
EAST_ASIA = [("tokyo", "Tokyo", "JP", "35.6762", "139.6503"), ("seoul", "Séoul", "KR", "37.5665", "126.9780"),
             ("shanghai", "Shanghai", "CN", "31.2304", "121.4737")]  # fmt: skip
AMERICAS = [("new-york", "New York", "US", "40.7128", "-74.0060"), ("montreal", "Montréal", "CA", "45.5019", "-73.5674"),
            ("lima", "Lima", "PE", "-12.0464", "-77.0428")]  # fmt: skip


@pytest.fixture
def cities_in(make_city):
    def make(places):
        return [
            make_city(slug=slug, name=name, country=country, latitude=Decimal(lat), longitude=Decimal(lon))
            for slug, name, country, lat, lon in places
        ]

    return make


def located():
    return list(PartnerCity.objects.published().located())


def test_cities_close_together_in_asia_and_america_get_a_frame_around_them(cities_in):
    cities_in(EAST_ASIA + AMERICAS)
    frames = {frame.key: frame for frame in detail_frames(located())}
    # Lima is far from New York and Montréal: the world map shows it well enough alone.
    assert sorted(frames) == ["asia", "north-america"]
    for key, members in [("asia", EAST_ASIA), ("north-america", AMERICAS[:2])]:
        frame = frames[key]
        inside = [place for place in EAST_ASIA + AMERICAS if frame.contains(place[3], place[4])]
        assert inside == members
        for _slug, _name, _country, lat, lon in members:  # padded: no city on the edge
            assert frame.south + 2 < float(lat) < frame.north - 2
            assert frame.west + 2 < float(lon) < frame.east - 2
        assert frame.width == 600
        assert frame.north - frame.south >= 14  # not zoomed in to a street map
        assert frame.width >= 1.2 * frame.height


def test_no_partner_city_no_detail_frame(db, make_city):
    assert detail_frames(located()) == []
    make_city(slug="lima", name="Lima", country="PE", latitude=Decimal("-12.05"), longitude=Decimal("-77.04"))
    assert detail_frames(located()) == []  # one lone city: the world map is enough


def test_frames_stay_within_the_world_and_never_overlap(cities_in):
    cities_in([("nuuk", "Nuuk", "GL", "64.18", "-51.69"), ("reykjavik", "Reykjavik", "IS", "64.15", "-21.94"),
               ("ilulissat", "Ilulissat", "GL", "69.22", "-51.10"), ("tromso", "Tromsø", "NO", "69.65", "18.96"),
               ("kiruna", "Kiruna", "SE", "67.86", "20.23"), ("oulu", "Oulu", "FI", "65.01", "25.47")])  # fmt: skip
    frames = detail_frames(located())
    for frame in frames:
        assert WORLD.south <= frame.south < frame.north <= WORLD.north
        assert WORLD.west <= frame.west < frame.east <= WORLD.east
    for first, second in itertools.combinations(frames, 2):
        apart_east_west = first.east <= second.west or second.east <= first.west
        assert apart_east_west or first.north <= second.south or second.north <= first.south
    for city in located():  # one link per city: never in two detail maps
        assert sum(frame.contains(city.latitude, city.longitude) for frame in frames) <= 1
    assert [frame.key for frame in frames] == ["north-america", "europe"]  # Greenland; the Nordic cities


def test_the_world_outline_lies_under_the_markers_of_a_detail_frame(cities_in):
    """The outline is drawn in the world frame; stretched to `outline_placement`, each of its points
    falls where the detail frame projects the same coordinates."""
    cities_in(EAST_ASIA)
    (frame,) = detail_frames(located())
    placement = frame.outline_placement
    for _slug, _name, _country, lat, lon in EAST_ASIA:
        world_x, world_y = WORLD.project(lat, lon)
        x = placement["x"] + world_x / WORLD.width * placement["width"]
        y = placement["y"] + world_y / WORLD.height * placement["height"]
        assert (x, y) == pytest.approx(frame.project(lat, lon), abs=1.5)


@pytest.mark.parametrize(
    ("language", "inset", "caption"),
    [
        ("fr", "Asie : voir la carte détaillée", "Les villes partenaires en Asie."),
        ("en", "Asia: see the detailed map", "The partner cities in Asia."),
    ],
)
def test_the_map_page_shows_a_detail_map_per_group(client, site_profile, cities_in, language, inset, caption):
    cities_in(EAST_ASIA + AMERICAS)
    html = client.get(MAP[language]).content.decode()
    assert f'<a href="#map-asia" class="map__inset-link" aria-label="{inset}">' in html
    detail = html.split('<figure class="map map--detail" id="map-asia"')[1].split("</figure>")[0]
    assert f'<figcaption id="map-asia-caption">{caption}</figcaption>' in detail
    names = re.findall(r'class="map__marker" aria-label="([^"(]+) \(', detail)
    assert sorted(names) == ["Shanghai", "Séoul", "Tokyo"]
    assert 'id="map-north-america"' in html
    assert 'id="map-europe"' not in html
    # One link per city across all maps (the table gives the same again as text).
    links = re.findall(r'<a href="([^"#]+)" class="map__marker"', html)
    assert len(links) == len(set(links)) == 6
    assert html.count('<th scope="row">') == 6


@pytest.mark.parametrize(
    ("language", "empty"),
    [
        ("fr", "Aucune ville partenaire n’a encore été publiée."),
        ("en", "No partner city has been published yet."),
    ],
)
def test_the_map_page_without_partners_has_no_detail_map(client, site_profile, language, empty):
    html = client.get(MAP[language]).content.decode()
    assert "map--detail" not in html
    assert "map__inset" not in html
    assert empty in html


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("fr", "Séoul sur une carte de la région qui l’entoure"),
        ("en", "Séoul on a map of the region around it"),
    ],
)
def test_a_city_page_maps_the_region_around_the_city(client, site_profile, cities_in, language, label):
    cities_in(EAST_ASIA)
    html = client.get(f"/{language}/{'villes-partenaires' if language == 'fr' else 'partner-cities'}/seoul/")
    mini_map = re.search(r'<svg class="mini-map".*?</svg>', html.content.decode(), re.S).group()
    assert f'aria-label="{label}"' in mini_map
    frame = city_frame(Decimal("37.5665"), Decimal("126.9780"))
    assert frame.contains(37.5665, 126.978)
    assert frame.south < 37.5665 - 10
    assert frame.north > 37.5665 + 10
    assert f'viewBox="0 0 {frame.width} {frame.height}"' in mini_map


def test_frame_names_follow_the_language(cities_in):
    cities_in(EAST_ASIA)
    with translation.override("fr"):
        assert [frame.name for frame in detail_frames(located())] == ["Asie"]
    with translation.override("en"):
        assert [frame.name for frame in detail_frames(located())] == ["Asia"]
