"""``geo gazetteer check``: the gazetteer against the Natural Earth country polygons.

* every point lies inside the polygon of its stated country, or within a tolerance
  (km, geodesic) of it: border crossings and outposts sit on the line; fallback points
  (coarse sources) get at least 25 km, and an offshore gas field or port lying at sea
  may be up to 370 km (200 nautical miles) from its coast state;
* ids are unique, coordinates in range, every row has a source (checked on load);
* an alias that names two curated sites is declared in ``ambiguities.csv``, and every
  declaration still names a shared alias (the world layer shares names by design: the
  geoparser resolves them by the document, geo.geoparse.world);
* no stem is a country's or a state's name: a stem stands for its site wherever the
  document has named the site in full, and "Djibouti" after "Djibouti–Ambouli
  International Airport" is still the country.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
from geopy.distance import geodesic
from shapely.geometry import Point
from shapely.ops import nearest_points

from geo import DATA_DIR
from geo.gazetteer.sites import LAYERS, Gazetteer, Site, load_gazetteer

COUNTRIES = DATA_DIR / "countries.geojson"
UNCHECKED_COUNTRIES = {"XX", "KRG"}  # international waters; no polygon of its own
OFFSHORE_KINDS = {"gas-field", "oil-field", "port"}
EEZ_KM = 370.0  # 200 nautical miles: an offshore field at sea belongs to the coast state
FALLBACK_TOLERANCE_KM = 25.0  # derived points: 1:50m coastlines and islands are coarse


def load_countries(path: Path = COUNTRIES) -> gpd.GeoDataFrame:
    return gpd.read_file(path)


def check_gazetteer(gazetteer: Gazetteer | None = None, tolerance_km: float = 10.0,
                    countries: gpd.GeoDataFrame | None = None) -> tuple[list[str], str]:
    """Problems (one line each, naming file and line) and a one-line summary."""
    gazetteer = gazetteer or load_gazetteer()
    countries = countries if countries is not None else load_countries()
    sites = list(gazetteer.sites.values())
    problems = outside_country(sites, countries, tolerance_km)
    problems += undeclared_shared_aliases(gazetteer)
    problems += stems_naming_states(gazetteer)
    layers = ", ".join(f"{sum(s.layer == layer for s in sites)} {layer}" for layer in LAYERS)
    summary = f"sites: {layers}; {len(gazetteer.ambiguities)} declared ambiguities: {len(problems)} problem(s)"
    return problems, summary


def outside_country(sites: list[Site], countries: gpd.GeoDataFrame, tolerance_km: float) -> list[str]:
    """Sites whose point is farther than ``tolerance_km`` from their country's polygon."""
    checked = [s for s in sites if s.country not in UNCHECKED_COUNTRIES and s.kind != "sea"]
    points = gpd.GeoDataFrame({"id": [s.id for s in checked]},
                              geometry=[Point(s.lon, s.lat) for s in checked], crs="EPSG:4326")
    inside = gpd.sjoin(points, countries[["iso_a2", "geometry"]], predicate="within", how="left")
    found = inside.groupby("id")["iso_a2"].apply(lambda codes: set(codes.dropna()))
    shapes = countries.dissolve(by="iso_a2").geometry
    problems = []
    for site in checked:
        if site.country in found.get(site.id, set()):
            continue
        if site.country not in shapes.index:
            problems.append(_where(site, f"no polygon for country {site.country}"))
            continue
        point = Point(site.lon, site.lat)
        nearest = nearest_points(shapes[site.country], point)[0]
        km = geodesic((site.lat, site.lon), (nearest.y, nearest.x)).km
        if km > _allowed_km(site, tolerance_km, at_sea=not found.get(site.id)):
            within = sorted(found.get(site.id, set())) or ["no country"]
            problems.append(_where(site, f"({site.lat}, {site.lon}) lies {km:.1f} km outside {site.country}, "
                                         f"in {', '.join(within)}"))
    return problems


def _allowed_km(site: Site, tolerance_km: float, at_sea: bool) -> float:
    if at_sea and site.kind in OFFSHORE_KINDS:
        return EEZ_KM
    if site.layer != "curated":
        return max(tolerance_km, FALLBACK_TOLERANCE_KM)
    return tolerance_km


def undeclared_shared_aliases(gazetteer: Gazetteer) -> list[str]:
    problems = []
    for key, ids in sorted(gazetteer.shared_aliases().items()):
        if any(gazetteer[i].layer == "world" for i in ids):
            continue
        declared = gazetteer.ambiguities.get(key)
        if declared is None or not set(ids) <= set(declared.sites):
            sites = [gazetteer[i] for i in ids]
            problems.append(_where(sites[0], f"alias {key!r} names {', '.join(ids)}: "
                                             f"declare it in ambiguities.csv (default or ambiguous)"))
    shared = gazetteer.shared_aliases()  # declarations concern curated sites: none is a world place
    for key, declared in sorted(gazetteer.ambiguities.items()):
        if key not in shared:
            problems.append(f"{declared.path}:{declared.line}: {declared.alias!r} is declared "
                            f"ambiguous but names at most one site")
    return problems


def stems_naming_states(gazetteer: Gazetteer) -> list[str]:
    """Curated sites with a stem that is also a country's or a US state's name."""
    problems = []
    for key, ids in sorted(gazetteer.stems.items()):
        states = [i for i in gazetteer.aliases.get(key, ()) if gazetteer[i].kind in ("country", "state")]
        for i in ids:
            if states and gazetteer[i].layer == "curated":
                problems.append(_where(gazetteer[i], f"stem {key!r} is the name of {', '.join(states)}"))
    return problems


def _where(site: Site, message: str) -> str:
    return f"{site.path}:{site.line}: {site.id}: {message}"
