"""Our own maps: an equirectangular projection, computed here, from latitude/longitude to SVG units.

One land outline, `static/partnerships/map-world.svg`, is drawn in the world frame by
`partnerships/tools/build_map.py` (from Natural Earth data). The world map shows it whole; a detail map
shows the part of it around a group of partner cities that sit close together, a frame computed from the
published cities' coordinates (`detail_frames`), so nothing here knows where any city is. The page places
the city markers on top: no tile server, no script. A frame's standard parallel keeps mid-latitude areas
from looking stretched: x = (longitude − west) × cos(standard parallel) × scale.
"""

import itertools
import math
from dataclasses import dataclass, field, replace

from django.utils.formats import number_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .continents import Continent
from .forms import name_sort_key

# The world frame's edges (Antarctica left out), in degrees.
WORLD_WEST, WORLD_EAST, WORLD_SOUTH, WORLD_NORTH = -180, 180, -58, 84
OUTLINE_PATH = "partnerships/map-world.svg"
OUTLINE_SCALE = 12  # SVG units per degree of the committed outline (only build_map.py needs it)

# Detail frames: cities closer than this (great-circle degrees, about 1,300 km) share one; a frame is
# padded around its cities, at least this tall, and drawn this wide (label sizes are set for it).
CLUSTER_DISTANCE = 12.0
FRAME_PADDING = 0.2  # of the cities' extent, on each side
FRAME_MIN_PADDING = 3.0  # degrees
FRAME_MIN_HEIGHT = 14.0  # degrees of latitude
FRAME_MIN_ASPECT = 1.2  # width ÷ height, in projected units
DETAIL_WIDTH = 600  # SVG units
CITY_FRAME_HEIGHT = 22.0  # degrees of latitude around a city on its own page


@dataclass(frozen=True)
class MapFrame:
    key: str
    west: float
    east: float
    south: float
    north: float
    scale: float  # SVG units per degree of latitude
    standard_parallel: float = 0.0
    label_size: float = 16  # font size of the city names, in SVG units
    name: str = field(default="", compare=False)  # what the frame shows, for captions ("Europe")

    @property
    def x_scale(self):
        return self.scale * math.cos(math.radians(self.standard_parallel))

    @property
    def width(self):
        return round((self.east - self.west) * self.x_scale)

    @property
    def height(self):
        return round((self.north - self.south) * self.scale)

    @property
    def static_path(self):
        return OUTLINE_PATH

    @property
    def outline_placement(self):
        """Where the world outline goes in this frame's units (x, y, width, height; the SVG `<image>` is
        stretched to it, which applies this frame's standard parallel)."""
        return {
            "x": round((WORLD_WEST - self.west) * self.x_scale, 1),
            "y": round((self.north - WORLD_NORTH) * self.scale, 1),
            "width": round((WORLD_EAST - WORLD_WEST) * self.x_scale, 1),
            "height": round((WORLD_NORTH - WORLD_SOUTH) * self.scale, 1),
        }

    def project(self, latitude, longitude):
        """SVG (x, y) of a point, in this frame's units, rounded to 0.1."""
        x = (float(longitude) - self.west) * self.x_scale
        y = (self.north - float(latitude)) * self.scale
        return round(x, 1), round(y, 1)

    def contains(self, latitude, longitude):
        return self.south <= float(latitude) <= self.north and self.west <= float(longitude) <= self.east

    def outline_in(self, other):
        """This frame's rectangle in another frame's units (to show where a detail map sits)."""
        x1, y1 = other.project(self.north, self.west)
        x2, y2 = other.project(self.south, self.east)
        return {"x": x1, "y": y1, "width": round(x2 - x1, 1), "height": round(y2 - y1, 1)}


WORLD = MapFrame(
    "world", west=WORLD_WEST, east=WORLD_EAST, south=WORLD_SOUTH, north=WORLD_NORTH, scale=4, label_size=24
)


def angular_distance(a, b):
    """Great-circle distance in degrees between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    cosine = math.sin(lat1) * math.sin(lat2) + math.cos(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    return math.degrees(math.acos(max(-1.0, min(1.0, cosine))))


def clusters(cities, distance=CLUSTER_DISTANCE):
    """Groups of cities linked by chains of neighbours closer than `distance` (single linkage), in the
    order of their first city. Sorting by latitude bounds the pairs compared."""
    points = [(float(city.latitude), float(city.longitude)) for city in cities]
    parent = list(range(len(points)))

    def root(index):
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    by_latitude = sorted(range(len(points)), key=lambda index: points[index][0])
    for position, first in enumerate(by_latitude):
        for second in by_latitude[position + 1 :]:
            if points[second][0] - points[first][0] > distance:
                break
            if angular_distance(points[first], points[second]) < distance:
                parent[root(second)] = root(first)
    groups = {}
    for index, city in enumerate(cities):
        groups.setdefault(root(index), []).append(city)
    return list(groups.values())


def frame_around(points, key, name="", min_height=FRAME_MIN_HEIGHT, min_padding=FRAME_MIN_PADDING):
    """A detail frame around (latitude, longitude) points: padded, at least `FRAME_MIN_HEIGHT` tall and
    `FRAME_MIN_ASPECT` wide, moved inside the world frame, `DETAIL_WIDTH` units wide."""
    latitudes = [point[0] for point in points]
    longitudes = [point[1] for point in points]
    south, north = min(latitudes), max(latitudes)
    west, east = min(longitudes), max(longitudes)
    lat_pad = max(min_padding, (north - south) * FRAME_PADDING)
    lon_pad = max(min_padding, (east - west) * FRAME_PADDING)
    south, north, west, east = south - lat_pad, north + lat_pad, west - lon_pad, east + lon_pad
    south, north = _widen(south, north, min_height)
    south, north = _inside(south, north, WORLD_SOUTH, WORLD_NORTH)
    parallel = round((south + north) / 2)
    cosine = math.cos(math.radians(parallel))
    west, east = _widen(west, east, (north - south) * FRAME_MIN_ASPECT / cosine)
    # A frame taller than the aspect allows gets wider; one much wider than tall gets taller.
    south, north = _widen(south, north, (east - west) * cosine / 2.5)
    south, north = _inside(south, north, WORLD_SOUTH, WORLD_NORTH)
    west, east = _inside(west, east, WORLD_WEST, WORLD_EAST)
    west, east, south, north = (round(value, 1) for value in (west, east, south, north))
    scale = DETAIL_WIDTH / ((east - west) * cosine)
    return MapFrame(key, west, east, south, north, round(scale, 3), parallel, label_size=17, name=name)


def _widen(low, high, minimum):
    missing = minimum - (high - low)
    return (low - missing / 2, high + missing / 2) if missing > 0 else (low, high)


def _inside(low, high, floor, ceiling):
    """The interval moved (then cut, if it is larger) to lie within [floor, ceiling]."""
    if low < floor:
        low, high = floor, high + floor - low
    if high > ceiling:
        low, high = low - (high - ceiling), ceiling
    return max(low, floor), high


def detail_frames(cities):
    """A detail frame per group of at least two cities close together (the world map is too small to
    tell them apart), named after the continents of its cities; frames that would overlap are merged.
    `cities` have coordinates (`PartnerCity.objects.located()`)."""
    groups = [group for group in clusters(cities) if len(group) > 1]
    merged = True
    while merged:
        merged = False
        boxes = [frame_around(_points(group), "") for group in groups]
        for first, second in itertools.combinations(range(len(groups)), 2):
            if _overlap(_box(boxes[first]), _box(boxes[second])):
                groups[first] = groups[first] + groups.pop(second)
                merged = True
                break
    frames = []
    keys = set()
    named = [
        ([c for c in Continent if c in {Continent.of(city.country) for city in group}], group)
        for group in groups
    ]
    # A stable order: by continent, then from west to east.
    order = list(Continent)
    named.sort(key=lambda item: (order.index(item[0][0]) if item[0] else len(order), _west(item[1])))
    for continents, group in named:
        key = "-".join(continents) or "region"
        suffix = 2
        while key in keys:
            key, suffix = f"{'-'.join(continents) or 'region'}-{suffix}", suffix + 1
        keys.add(key)
        name = get_text_list([str(c.label) for c in continents], _("and")) if continents else ""
        frames.append(frame_around(_points(group), key, name))
    return frames


def _west(cities):
    return min(float(city.longitude) for city in cities)


def _points(cities):
    return [(float(city.latitude), float(city.longitude)) for city in cities]


def _box(frame):
    return (frame.west, frame.south, frame.east, frame.north)


def city_frame(latitude, longitude):
    """The frame of a city's small map: the region around it, some 2,500 km from north to south."""
    return frame_around([(float(latitude), float(longitude))], "region", min_height=CITY_FRAME_HEIGHT)


@dataclass(frozen=True)
class Marker:
    city: object
    x: float
    y: float
    label_x: float
    label_y: float
    label_anchor: str


def markers(cities, frame, groups=()):
    """A marker per city inside `frame`, each label placed beside its point where it covers no other
    point, no other label and no group marker (right, left, above, below: the first that fits), within
    the frame."""
    size = frame.label_size
    points = [
        (city, *frame.project(city.latitude, city.longitude))
        for city in cities
        if frame.contains(city.latitude, city.longitude)
    ]
    dot_boxes = [(x - size / 2, y - size / 2, x + size / 2, y + size / 2) for _city, x, y in points]
    placed = [(g.x - g.radius, g.y - g.radius, g.x + g.radius, g.y + g.radius) for g in groups]
    found = []
    for city, x, y in points:
        candidates = _label_candidates(str(city), x, y, size)
        inside = [c for c in candidates if _within(c[3], frame)] or candidates
        own = (x - size / 2, y - size / 2, x + size / 2, y + size / 2)
        free = [
            c
            for c in inside
            if not any(_overlap(c[3], box) for box in dot_boxes if box != own)
            and not any(_overlap(c[3], box) for box in placed)
        ]
        label_x, label_y, anchor, box = (free or inside)[0]
        placed.append(box)
        found.append(Marker(city, x, y, round(label_x, 1), round(label_y, 1), anchor))
    return found


def _label_candidates(text, x, y, size):
    """(x, y, text-anchor, bounding box) of a label to the right, left, above and below a point."""
    width = len(text) * size * 0.62
    gap = size * 0.6
    baseline = size * 0.35
    return [
        (x + gap, y + baseline, "start", (x + gap, y - size / 2, x + gap + width, y + size / 2)),
        (x - gap, y + baseline, "end", (x - gap - width, y - size / 2, x - gap, y + size / 2)),
        (x, y - gap - baseline, "middle", (x - width / 2, y - gap - size, x + width / 2, y - gap)),
        (x, y + gap + size * 0.85, "middle", (x - width / 2, y + gap, x + width / 2, y + gap + size)),
    ]


def _within(box, frame):
    return box[0] >= 0 and box[1] >= 0 and box[2] <= frame.width and box[3] <= frame.height


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# Many cities: a map frame that would hold more than `MAX_MARKERS` cities groups them by the cells of a
# grid, one marker per cell with the number of its cities, linking to the map of that cell (a zone), which
# groups its own cities on a finer grid if it still holds too many. Up to `MAX_MARKERS` cities, every city
# is shown (and the world map has its detail maps, as computed by `detail_frames`).
MAX_MARKERS = 50
ZONE_SIZES = (12.0, 3.0, 0.75)  # degrees: the cells of the world map, then of a zone of each level
ZONE_PADDING = 0.2  # of the zone's size, on each side of its map
COUNTRIES_NAMED = 3  # a group's description names its first countries (by number of cities)


@dataclass(frozen=True)
class Zone:
    """A cell of the grid of `ZONE_SIZES[level]` degrees that starts at the world frame's south-west corner."""

    level: int
    row: int
    column: int

    @classmethod
    def of(cls, level, latitude, longitude):
        size = ZONE_SIZES[level]
        return cls(
            level,
            int((float(latitude) - WORLD_SOUTH) // size),
            int((float(longitude) - WORLD_WEST) // size),
        )

    @classmethod
    def parse(cls, text):
        """The zone of a `key` ("1-30-7"), or None for anything else (a zone outside the world included)."""
        parts = str(text).split("-")
        if len(parts) != 3 or not all(part.isascii() and part.isdigit() and len(part) < 6 for part in parts):
            return None
        zone = cls(*map(int, parts))
        if zone.level >= len(ZONE_SIZES) or zone.south >= WORLD_NORTH or zone.west >= WORLD_EAST:
            return None
        return zone

    @property
    def key(self):
        return f"{self.level}-{self.row}-{self.column}"

    @property
    def size(self):
        return ZONE_SIZES[self.level]

    @property
    def south(self):
        return WORLD_SOUTH + self.row * self.size

    @property
    def west(self):
        return WORLD_WEST + self.column * self.size

    @property
    def north(self):
        return min(self.south + self.size, WORLD_NORTH)

    @property
    def east(self):
        return min(self.west + self.size, WORLD_EAST)

    @property
    def centre(self):
        return (self.south + self.north) / 2, (self.west + self.east) / 2

    @property
    def parent(self):
        """The zone of the level above that holds this one (None for the first level: the world map)."""
        return Zone.of(self.level - 1, *self.centre) if self.level else None

    @property
    def frame(self):
        """The zone's map: the zone and a margin around it (where neighbouring cities show too)."""
        pad = self.size * ZONE_PADDING
        corners = [(self.south, self.west), (self.north, self.east)]
        frame = frame_around(corners, self.key, min_height=self.size + 2 * pad, min_padding=pad)
        return replace(frame, label_size=17)

    @property
    def name(self):
        """Its bounds, as people read them: "36° N to 48° N, 0° E to 12° E"."""

        def degrees(value, axis):
            return format_coordinate(value, axis, decimals=0 if float(value).is_integer() else 2)

        return _("%(south)s to %(north)s, %(west)s to %(east)s") % {
            "south": degrees(self.south, "lat"),
            "north": degrees(self.north, "lat"),
            "west": degrees(self.west, "lon"),
            "east": degrees(self.east, "lon"),
        }

    @property
    def child_level(self):
        """The level whose cells group this zone's cities (None for the last: every city shows)."""
        return self.level + 1 if self.level + 1 < len(ZONE_SIZES) else None


@dataclass(frozen=True)
class Group:
    """Several cities of one grid cell, drawn as one marker: a circle with their number."""

    zone: Zone
    count: int
    countries: str  # the first countries by number of cities, for the marker's accessible name
    x: float
    y: float
    radius: float

    @property
    def font_size(self):
        """The number's size: three digits fit in the circle."""
        return round(self.radius * 0.9, 1)


def grouped(cities, frame, level):
    """(lone cities, groups): the cities inside `frame` by cell of `level`; a cell with one city gives
    that city, a cell with several a `Group` placed at their mean position (kept inside its cell, so that
    markers never overlap)."""
    cells = {}
    for city in cities:
        if frame.contains(city.latitude, city.longitude):
            cells.setdefault(Zone.of(level, city.latitude, city.longitude), []).append(city)
    lone, groups = [], []
    for zone, members in sorted(cells.items(), key=lambda item: (-item[0].row, item[0].column)):
        if len(members) == 1:
            lone.append(members[0])
            continue
        points = [frame.project(city.latitude, city.longitude) for city in members]
        x = sum(point[0] for point in points) / len(points)
        y = sum(point[1] for point in points) / len(points)
        radius = round(frame.label_size * (0.55 + 0.15 * math.log10(len(members))), 1)
        left, top = frame.project(zone.north, zone.west)
        right, bottom = frame.project(zone.south, zone.east)
        x = min(max(x, left + radius), right - radius) if right - left > 2 * radius else (left + right) / 2
        y = min(max(y, top + radius), bottom - radius) if bottom - top > 2 * radius else (top + bottom) / 2
        groups.append(Group(zone, len(members), _main_countries(members), round(x, 1), round(y, 1), radius))
    return lone, groups


def _main_countries(cities):
    counts = {}
    for city in cities:
        counts[city.country.code] = counts.get(city.country.code, 0) + 1
    names = {city.country.code: city.country.name for city in cities}
    ranked = sorted(counts, key=lambda code: (-counts[code], names[code]))
    shown = [str(names[code]) for code in ranked[:COUNTRIES_NAMED]]
    return ", ".join(shown) + (", …" if len(ranked) > COUNTRIES_NAMED else "")


@dataclass(frozen=True)
class CountryCount:
    code: str
    name: str
    count: int


def by_country(cities):
    """[CountryCount] of the cities, in alphabetical order of the country names (accents ignored)."""
    counts, names = {}, {}
    for city in cities:
        counts[city.country.code] = counts.get(city.country.code, 0) + 1
        names[city.country.code] = city.country.name
    return sorted(
        (CountryCount(code, str(names[code]), count) for code, count in counts.items()),
        key=lambda item: name_sort_key(item.name),
    )


def format_coordinate(value, axis, decimals=4):
    """52.3874° N (52,3874° N in French): a latitude (`axis` "lat") or longitude ("lon") as people read it."""
    number = float(value)
    if axis == "lat":
        hemisphere = pgettext("compass point", "N") if number >= 0 else pgettext("compass point", "S")
    else:
        hemisphere = pgettext("compass point", "E") if number >= 0 else pgettext("compass point", "W")
    return f"{number_format(abs(number), decimals)}° {hemisphere}"
