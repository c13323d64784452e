"""``geo build``: the static site — a folium/Leaflet map, site pages, document pages, data.

The site is built in a folder beside the target and swapped in only when complete, so a
failing build leaves the previous site as it was.  Two builds of the same inputs are
byte-identical: folium's element ids are fixed and every collection is sorted.

    site/index.html            the map (Leaflet from xstatic-leaflet, copied into lib/)
    site/sites/<id>.html       cited mentions and events of each site
    site/docs/<id>.html        each document, mentions highlighted and anchored
    site/data/                 sites.geojson, events.geojson, events.csv, mentions.csv, documents.csv,
                               map-data.js (what the map page loads)
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

import folium
import xstatic.pkg.leaflet as xstatic_leaflet
from shapely.geometry import box, mapping, shape

from geo import DATA_DIR
from geo.corpus import Corpus
from geo.events import to_geojson, write_events
from geo.curated import read_curated
from geo.geojson import rounded
from geo.eventstage import merged_events
from geo.geoparse import FIELDS as MENTION_FIELDS
from geo.geoparse import Geoparser, Mention
from geo.output import write_records
from geo.pages import document_page, site_page
from geo.pipeline import run
from geo.sitedata import build_map_data

ASSETS = Path(__file__).resolve().parent / "assets"
BASEMAP_BOX = box(20.0, 5.0, 70.0, 48.0)  # lon/lat: the theatre and its neighbours


class LocalMap(folium.Map):
    """A folium map whose Leaflet comes from the site itself, never from a CDN."""

    default_js = [("leaflet", "lib/leaflet/leaflet.js")]
    default_css = [("leaflet_css", "lib/leaflet/leaflet.css")]


def build_site(corpus: Corpus, geoparser: Geoparser, out: Path) -> dict:
    """Build the whole site for ``corpus`` into ``out`` atomically; returns counts."""
    curations = read_curated(corpus, geoparser.gazetteer)
    mentions, sources = [], []
    for result in run(corpus, events=True, geoparser=geoparser):
        mentions += result.mentions
        sources += result.sources
    events = merged_events(sources, curations, geoparser.gazetteer)
    del sources  # the events hold what the site needs of them
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
    work.chmod(0o755)  # mkdtemp makes it private; a static host must read it
    try:
        counts = _write_site(work, corpus, geoparser, mentions, events)
        _swap(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return counts


def _swap(new: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        os.rename(out, old / "site")
    os.rename(new, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write_site(root: Path, corpus: Corpus, geoparser: Geoparser, mentions: list[Mention], events: list[dict]) -> dict:
    gazetteer = geoparser.gazetteer
    for folder in ("sites", "docs", "data", "assets", "lib"):
        (root / folder).mkdir()
    shutil.copytree(xstatic_leaflet.BASE_DIR, root / "lib" / "leaflet",
                    ignore=shutil.ignore_patterns("*.map", "*esm*", "leaflet-src.js"))
    for asset in sorted(a for a in ASSETS.iterdir() if a.suffix in (".js", ".css")):
        shutil.copyfile(asset, root / "assets" / asset.name)
    documents = sorted(corpus, key=lambda d: d.id)
    map_data = build_map_data(documents, mentions, events, gazetteer)
    _write(root / "data" / "map-data.js", "window.GEO_DATA = " + json.dumps(map_data.payload, sort_keys=True) + ";\n")
    _write(root / "index.html", map_html(map_data.sites))
    docs = {d.id: d for d in documents}
    site_mentions = defaultdict(list)
    for m in mentions:
        if m.status == "resolved" and m.literal:
            site_mentions[m.site_id].append(m)
    site_events = defaultdict(list)
    for ev in events:
        for site_id in ev["site_ids"]:
            site_events[site_id].append(ev)
    page_sites = sorted(set(site_mentions) | set(site_events))
    for site_id in page_sites:
        _write(root / "sites" / f"{site_id}.html",
               site_page(gazetteer[site_id], site_mentions[site_id], site_events[site_id], docs, gazetteer))
    quotes = defaultdict(list)
    for ev in events:
        for s in ev["sources"]:
            quotes[s["doc"]].append((s["start"], s["end"]))
    doc_mentions = defaultdict(list)
    for m in mentions:
        doc_mentions[m.doc].append(m)
    for doc in documents:
        _write(root / "docs" / f"{doc.id}.html",
               document_page(doc, corpus.read(doc), doc_mentions[doc.id], quotes[doc.id], gazetteer))
    _write_data(root / "data", mentions, events, map_data.sites, gazetteer)
    shutil.copyfile(corpus.root / "documents.csv", root / "data" / "documents.csv")
    return {"documents": len(documents), "mentions": len(mentions), "events": len(events),
            "markers": len(map_data.sites), "site_pages": len(page_sites)}


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def _open(path: Path):
    return path.open("w", encoding="utf-8", newline="\n")


def _write_data(folder: Path, mentions, events, sites, gazetteer) -> None:
    # written as they are encoded: a corpus's mentions as one string would double the memory
    with _open(folder / "mentions.csv") as out:
        write_records((m.as_record() for m in mentions), MENTION_FIELDS, "csv", out)
    with _open(folder / "events.csv") as out:
        write_events(events, gazetteer, "csv", out)
    with _open(folder / "events.geojson") as out:
        json.dump(to_geojson(events, gazetteer), out, ensure_ascii=False, indent=1)
        out.write("\n")
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [s.lon, s.lat]},
                 "properties": {"id": s.id, "name": s.name, "kind": s.kind, "country": s.country,
                                "geo_precision": s.geo_precision, "uncertainty_m": s.uncertainty_m, "layer": s.layer,
                                "aliases": "|".join(s.aliases), "source": s.source}} for s in sites]
    _write(folder / "sites.geojson", json.dumps({"type": "FeatureCollection", "features": features},
                                                 ensure_ascii=False, indent=1) + "\n")


def basemap() -> dict:
    """Country outlines of the theatre, clipped from the checked-in Natural Earth file."""
    world = json.loads((DATA_DIR / "countries.geojson").read_text(encoding="utf-8"))
    features = []
    for feature in world["features"]:
        clipped = shape(feature["geometry"]).intersection(BASEMAP_BOX)
        if not clipped.is_empty:
            features.append({"type": "Feature", "properties": {"name": feature["properties"]["name"]},
                             "geometry": rounded(mapping(clipped), 3)})
    return {"type": "FeatureCollection", "features": features}


def map_html(sites) -> str:
    lat = sum(s.lat for s in sites) / len(sites) if sites else 33.0
    lon = sum(s.lon for s in sites) / len(sites) if sites else 42.0
    m = LocalMap(location=[round(lat, 3), round(lon, 3)], zoom_start=5, tiles=None, control_scale=True,
                 prefer_canvas=False)
    m._id = "geo"
    countries = folium.GeoJson(basemap(), name="Countries (offline)", control=True, interactive=False,
                               style_function=lambda _: {"color": "#7d7d7d", "weight": 1, "fillColor": "#f2efe9",
                                                         "fillOpacity": 1})
    countries._id = "countries"
    countries.add_to(m)
    osm = folium.TileLayer("OpenStreetMap", name="OpenStreetMap (when online)", show=False, overlay=True)
    osm._id = "osm"
    osm.add_to(m)
    layers = folium.LayerControl(collapsed=True)
    layers._id = "layers"
    layers.add_to(m)
    root = m.get_root()
    root.header.add_child(folium.Element(
        '<title>Sites cited in the corpus — map</title>\n'
        '<link rel="stylesheet" href="assets/app.css"/>\n'
        '<script src="data/map-data.js"></script>\n'
        '<script src="assets/app.js"></script>'), name="geo_head")
    root.html.add_child(folium.Element((ASSETS / "panel.html").read_text(encoding="utf-8")), name="geo_panel")
    # folium writes the map's own script after this one: start once the page has run it.
    root.script.add_child(folium.Element(
        'document.addEventListener("DOMContentLoaded", function () { GeoApp.start(map_geo); });'), name="geo_start")
    return root.render()
