"""The map page: a folium map with an offline basemap, and the page's own element (the
panel, its scripts and data, the start of the app on the map), as folium's plugins do."""

from __future__ import annotations

import contextlib
import csv
import functools
import itertools
import json
import re
from typing import Iterator

import folium
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template
from shapely.geometry import mapping, shape

from geo import DATA_DIR
from geo.gazetteer import Site
from geo.gazetteer.derive import BASEMAP_BOX, THEATRE_NEIGHBOURS
from geo.io import rounded
from geo.site.pages import TEMPLATES

__all__ = ["SCRIPTS", "LocalMap", "MapApp", "basemap", "labels", "map_html"]

# The page's scripts, in the order they load (geo/site/assets).
SCRIPTS = ("skeleton.js", "data.js", "filters.js", "state.js", "canvas.js", "clusters.js", "timeline.js", "table.js",
           "search.js", "labels.js", "panel.js", "app.js")


class LocalMap(folium.Map):
    """A folium map whose Leaflet comes from the site itself, never from a CDN."""

    default_js = [("leaflet", "lib/leaflet/leaflet.js")]
    default_css = [("leaflet_css", "lib/leaflet/leaflet.css")]


class MapApp(JSCSSMixin, MacroElement):
    """The page's own element, added to the map: the panel, the data and the scripts of
    the app (geo/site/assets), and the app started on its map."""

    default_js = [("geo-data", "data/map-data.js"), ("supercluster", "lib/supercluster/supercluster.min.js"),
                  *((f"geo-{s}", f"assets/{s}") for s in SCRIPTS)]
    default_css = [("geo-app", "assets/app.css")]
    _template = Template("""
{% macro header(this, kwargs) %}<title>Sites cited in the corpus — map</title>{% endmacro %}
{% macro html(this, kwargs) %}{{ this.panel }}{% endmacro %}
{% macro script(this, kwargs) %}GeoApp.start({{ this._parent.get_name() }}, {{ this.labels }});{% endmacro %}
""")

    def __init__(self, panel: str, labels: dict):
        super().__init__()
        self._name = "MapApp"
        self.panel = panel
        # JSON in a script element: "</" could close it
        self.labels = json.dumps(labels, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")


def basemap() -> dict:
    """Country outlines, clipped from the checked-in Natural Earth file."""
    features = []
    for feature in _countries():
        clipped = shape(feature["geometry"]).intersection(BASEMAP_BOX)
        if not clipped.is_empty:
            features.append({"type": "Feature", "properties": {"name": feature["properties"]["name"]},
                             "geometry": rounded(mapping(clipped), 3)})
    return {"type": "FeatureCollection", "features": features}


@functools.lru_cache(maxsize=1)  # read once a build: the outlines and the countries' labels
def _countries() -> list[dict]:
    return json.loads((DATA_DIR / "countries.geojson").read_text(encoding="utf-8"))["features"]


@functools.lru_cache(maxsize=1)  # read once a build: the rivers and their labels
def _rivers() -> dict:
    return json.loads((DATA_DIR / "basemap_rivers.geojson").read_text(encoding="utf-8"))


def labels() -> dict:
    """The basemap's names: towns (with the zoom each shows from, capitals marked), the
    countries of the theatre and its rivers, each at a point of its own."""
    with (DATA_DIR / "basemap_places.csv").open(encoding="utf-8", newline="") as f:
        towns = [[r["name"], float(r["lat"]), float(r["lon"]), int(r["min_zoom"]), int(r["capital"])]
                 for r in csv.DictReader(f)]
    countries = []
    for feature in _countries():
        inside = shape(feature["geometry"]).intersection(THEATRE_NEIGHBOURS)
        if inside.area > 0.5:  # square degrees: not a sliver at the box's edge
            largest = max(getattr(inside, "geoms", [inside]), key=lambda part: part.area)
            point = largest.representative_point()
            countries.append([feature["properties"]["name"], round(point.y, 3), round(point.x, 3)])
    rivers: dict[str, tuple[float, list]] = {}
    for feature in _rivers()["features"]:
        line = shape(feature["geometry"])
        longest = max(getattr(line, "geoms", [line]), key=lambda part: part.length)
        name = feature["properties"]["name"]
        if longest.length > rivers.get(name, (0.0, []))[0]:
            middle = longest.interpolate(0.5, normalized=True)
            rivers[name] = (longest.length, [name, round(middle.y, 3), round(middle.x, 3)])
    return {"towns": towns, "countries": sorted(countries), "rivers": sorted(r for _, r in rivers.values())}


@contextlib.contextmanager
def _counted_ids() -> Iterator[None]:
    """folium names a page's elements after random ids (branca's Element._generate_id),
    which would make every build differ: while the page is made, the ids count."""
    count = itertools.count(1)
    random_ids = Element.__dict__["_generate_id"]
    Element._generate_id = classmethod(lambda cls: f"{next(count):02d}")  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        Element._generate_id = random_ids  # type: ignore[method-assign]


def map_html(sites: list[Site]) -> str:
    lat = sum(s.lat for s in sites) / len(sites) if sites else 33.0
    lon = sum(s.lon for s in sites) / len(sites) if sites else 42.0
    panel = TEMPLATES.get_template("panel.html").render()
    with _counted_ids():
        m = LocalMap(location=[round(lat, 3), round(lon, 3)], zoom_start=5, tiles=None, control_scale=True,
                     prefer_canvas=False)
        folium.GeoJson(basemap(), name="Countries (offline)", control=True, interactive=False,
                       style_function=lambda _: {"color": "#7d7d7d", "weight": 1, "fillColor": "#f2efe9",
                                                 "fillOpacity": 1}).add_to(m)
        folium.GeoJson(_rivers(), name="Rivers (offline)", control=True, interactive=False,
                       style_function=lambda _: {"color": "#7fb2d9", "weight": 1.3, "opacity": 1}).add_to(m)
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (when online)", show=False, overlay=True).add_to(m)
        folium.LayerControl(collapsed=True).add_to(m)
        MapApp(panel, labels()).add_to(m)
        return _accessible(m.get_root().render())


# folium's page forbids pinch zoom and branca's names no language: both are set here, the
# replaced text checked so that a change of either library is noticed.
_FOLIUM_VIEWPORT = re.compile(r'<meta name="viewport" content="width=device-width,\s*initial-scale=1.0, '
                              r'maximum-scale=1.0, user-scalable=no" />')
_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


def _accessible(html: str) -> str:
    """The page with a language and a viewport that lets a phone user zoom."""
    html, viewports = _FOLIUM_VIEWPORT.subn(_VIEWPORT, html, count=1)
    if viewports != 1 or not html.startswith("<!DOCTYPE html>\n<html>\n"):
        raise RuntimeError("folium's page changed: its viewport or <html> tag was not found")
    return html.replace("<html>", '<html lang="en">', 1)
