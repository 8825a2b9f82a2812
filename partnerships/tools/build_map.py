"""Build the static land outlines of our maps from Natural Earth data (run once; the SVGs are committed).

Source: Natural Earth "land" (public domain, https://www.naturalearthdata.com/), as TopoJSON in the npm
package world-atlas 2.x (ISC licence, © Michael Bostock). Nothing here runs on the site.

    npm install --prefix /tmp/wa world-atlas@2
    python partnerships/tools/build_map.py /tmp/wa/node_modules/world-atlas

Writes static/partnerships/map-world.svg, the one land outline of every map: Natural Earth at 1:50m, in
the world frame of partnerships/maps.py (equirectangular, Antarctica left out) at `OUTLINE_SCALE` units per
degree. The world map shows it whole; each detail map shows the part of it around a group of partner
cities (`maps.detail_frames`), so a city that joins anywhere gets its detail map without a new file.
"""

import itertools
import json
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BASE_DIR))

from dataclasses import replace  # noqa: E402

from partnerships.maps import OUTLINE_SCALE, WORLD  # noqa: E402

LAND_COLOUR = "#c9d8c5"
COAST_COLOUR = "#7c9478"


def decode_arcs(topology):
    """TopoJSON arcs: delta-encoded, quantized positions → lists of (longitude, latitude)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def land_rings(topology):
    arcs = decode_arcs(topology)
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                yield ring_points(ring, arcs)


def unwrap(points):
    """Longitudes made continuous along the ring (a ring that crosses the antimeridian goes past ±180)."""
    result = [points[0]]
    for longitude, latitude in points[1:]:
        previous = result[-1][0]
        while longitude - previous > 180:
            longitude -= 360
        while longitude - previous < -180:
            longitude += 360
        result.append((longitude, latitude))
    return result


def world_copies(ring, frame):
    """A ring cut at the antimeridian: its unwrapped copies shifted by a turn, each clipped to the frame."""
    if max(latitude for _longitude, latitude in ring) < frame.south:
        return  # Antarctica and the far south are outside the frame
    ring = unwrap(ring)
    for shift in (-360, 0, 360):
        shifted = [(longitude + shift, latitude) for longitude, latitude in ring]
        if max(p[0] for p in shifted) <= frame.west or min(p[0] for p in shifted) >= frame.east:
            continue
        clipped = clip(shifted, frame.west, frame.east, frame.south - 1, frame.north + 1)
        if clipped:
            yield clipped


def clip(points, west, east, south, north):
    """Sutherland-Hodgman against a rectangle; edges along the border are invisible once filled."""

    def clip_edge(points, inside, intersect):
        result = []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if inside(current):
                if not inside(previous):
                    result.append(intersect(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(intersect(previous, current))
        return result

    def at_x(x):
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    for inside, intersect in [
        (lambda p: p[0] >= west, at_x(west)),
        (lambda p: p[0] <= east, at_x(east)),
        (lambda p: p[1] >= south, at_y(south)),
        (lambda p: p[1] <= north, at_y(north)),
    ]:
        if not points:
            break
        points = clip_edge(points, inside, intersect)
    return points


def path_data(rings, frame, precision):
    """Relative SVG path commands, rounded to `precision` units, with repeated points dropped."""
    factor = 10**precision
    commands = []
    for ring in rings:
        projected = []
        for longitude, latitude in ring:
            x, y = frame.project(latitude, longitude)
            point = (round(x * factor), round(y * factor))
            if not projected or point != projected[-1]:
                projected.append(point)
        if len(projected) < 4:
            continue
        xs = [p[0] for p in projected]
        ys = [p[1] for p in projected]
        if max(xs) - min(xs) < 2 and max(ys) - min(ys) < 2:
            continue  # smaller than a pixel or two
        start = projected[0]
        parts = [f"M{fmt(start[0], precision)} {fmt(start[1], precision)}l"]
        deltas = []
        for previous, current in itertools.pairwise(projected):
            deltas.append(
                f"{fmt(current[0] - previous[0], precision)} {fmt(current[1] - previous[1], precision)}"
            )
        parts.append(" ".join(deltas))
        parts.append("z")
        commands.append("".join(parts))
    return "".join(commands)


def fmt(value, precision):
    if precision == 0:
        return str(value)
    text = f"{value / 10**precision:.{precision}f}".rstrip("0").rstrip(".")
    return text.replace("0.", ".", 1) if text.startswith("0.") else text.replace("-0.", "-.", 1)


def write_svg(frame, rings, precision, stroke_width):
    d = path_data(rings, frame, precision)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {frame.width} {frame.height}" '
        f'width="{frame.width}" height="{frame.height}">'
        "<!-- Land: Natural Earth (public domain) via world-atlas (ISC); "
        "built by partnerships/tools/build_map.py -->"
        f'<path fill="{LAND_COLOUR}" stroke="{COAST_COLOUR}" stroke-width="{stroke_width}" '
        f'stroke-linejoin="round" d="{d}"/></svg>\n'
    )
    target = BASE_DIR / "static" / WORLD.static_path
    target.write_text(svg, encoding="utf-8")
    return target, len(svg)


def main(source):
    source = Path(source)
    outline = replace(WORLD, scale=OUTLINE_SCALE)
    land = json.loads((source / "land-50m.json").read_text())
    rings = [copy for ring in land_rings(land) for copy in world_copies(ring, outline)]
    target, size = write_svg(outline, rings, precision=0, stroke_width=1)
    sys.stdout.write(f"{target.relative_to(BASE_DIR)}: {size} bytes\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python partnerships/tools/build_map.py <folder of the world-atlas npm package>")
    main(sys.argv[1])
