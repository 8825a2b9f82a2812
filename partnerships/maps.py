"""Our own maps: an equirectangular projection, computed here, from latitude/longitude to SVG units.

The land outlines are static SVG files in `static/partnerships/` drawn in exactly these frames by
`partnerships/tools/build_map.py` (from Natural Earth data); the page places the city markers on top, so
no tile server and no script is involved. A frame's standard parallel keeps mid-latitude areas (Europe)
from looking stretched: x = (longitude − west) × cos(standard parallel) × scale.
"""

import math
from dataclasses import dataclass


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
        return f"partnerships/map-{self.key}.svg"

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


# The whole inhabited world (Antarctica left out), and a detail of Europe where the twin towns are close.
WORLD = MapFrame("world", west=-180, east=180, south=-58, north=84, scale=4, label_size=24)
EUROPE = MapFrame(
    "europe", west=-12, east=27, south=40, north=62, scale=24, standard_parallel=50, label_size=17
)


@dataclass(frozen=True)
class Marker:
    city: object
    x: float
    y: float
    label_x: float
    label_y: float
    label_anchor: str


def markers(cities, frame):
    """A marker per city inside `frame`, each label placed beside its point where it covers no other
    point and no other label (right, left, above, below: the first that fits), within the frame."""
    size = frame.label_size
    points = [
        (city, *frame.project(city.latitude, city.longitude))
        for city in cities
        if frame.contains(city.latitude, city.longitude)
    ]
    dot_boxes = [(x - size / 2, y - size / 2, x + size / 2, y + size / 2) for _city, x, y in points]
    placed = []
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
