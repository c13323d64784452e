"""The checked-in gazetteer: curated sites, then two derived layers under them.

Files (``geo/data``):

* ``gazetteer.csv`` — curated sites, every coordinate with its source;
* ``gazetteer_fallback.csv`` — towns and cities of the theatre derived from Natural Earth
  and GeoNames (``python -m geo.gazetteer.derive``), used when no curated site has the name;
* ``gazetteer_world.csv.gz`` — the rest of the world, derived from GeoNames: countries,
  US states, continents, cities of 15,000 people or more (5,000 in the US), each with its
  population and its state or country, used when neither layer above has the name;
* ``ambiguities.csv`` — aliases shared by several curated sites, with the site chosen
  when the context (a head noun such as "base" or "crossing") does not decide.

Columns of the gazetteer files:
``id,name,kind,country,admin1,lat,lon,uncertainty_m,population,aliases,stems,metonym_for,source,note``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import AbstractSet

from geo import DATA_DIR
from geo.errors import InputError, InputErrors
from geo.gazetteer.lexicons import load_lexicons
from geo.io.tables import read_rows
from geo.text.normalize import skeleton, skeletons

COLUMNS = ("id", "name", "kind", "country", "admin1", "lat", "lon", "uncertainty_m", "population",
           "aliases", "stems", "metonym_for", "source", "note")
KINDS = {
    "airbase", "base", "outpost", "airport", "border-crossing", "gas-field", "oil-field", "port",
    "facility", "city", "town", "village", "district", "square", "sea", "lake", "river", "region",
    "governorate", "state", "country", "continent",
}
AREA_KINDS = {"country", "region", "governorate", "state", "sea", "lake", "river", "continent"}
# The countries of the theatre: the fallback layer's, where a name after "Camp" may be its town's.
THEATRE_COUNTRIES = frozenset({"IQ", "SY", "JO", "LB", "IL", "PS", "IR", "YE", "SA", "KW", "AE", "QA", "BH", "OM", "TR",
                               "EG"})
# Built sites: a name of one is complete ("Rayburn House Office Building"), what follows it is not its.
FACILITY_KINDS = {"airbase", "base", "outpost", "airport", "border-crossing", "gas-field", "oil-field", "port", "facility"}
# The layers, the one that shadows the others first: a name a curated site has names no
# fallback or world place, and a theatre town's name no world place.
LAYERS = ("curated", "fallback", "world")
# What each layer's coordinates are, and ACLED's geo_precision codes (Site.geo_precision), in words.
LAYER_MEANINGS = {"curated": "a curated coordinate, with its source",
                  "fallback": "approximate: a town of GeoNames (fallback layer)",
                  "world": "approximate: a world city of GeoNames (world layer)"}
GEO_PRECISIONS = {1: "the site itself", 2: "a point near the site, or approximate", 3: "only its area"}
CURATED = DATA_DIR / "gazetteer.csv"
FALLBACK = DATA_DIR / "gazetteer_fallback.csv"
WORLD = DATA_DIR / "gazetteer_world.csv.gz"
AMBIGUITIES = DATA_DIR / "ambiguities.csv"
ARTICLE = "al "
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRY = re.compile(r"^(?:[A-Z]{2}|XX|KRG)$")
_FALLBACK_PRECISION_M = 5000
_NUMBER_AFTER_WORD = re.compile(r"([a-z]) (\d)")
# The article assimilated to a sun letter and written apart, as GeoNames transliterates
# it: "Ash Shaddadah", "Ar Rutbah", "Adh Dhayd" (the skeleton already reads "ash-" as "al").
_ASSIMILATED_ARTICLE = re.compile(r"(?<![a-z0-9])a(sh|th|dh|[dnrstz]) (?=\1)")
# Inside a name only, or as "ash", "ar" ...: a name opening "at", "as", "an", "ad" would
# match the English word ("at Tabqa Airport").
_ARTICLE_BEFORE_SUN_LETTER = re.compile(r"(?<=[a-z0-9] )al (sh|th|dh|[dnrstz])|^al (sh|th|dh|r|z)")


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    kind: str
    country: str
    admin1: str  # the id of the state or province it lies in, when known
    lat: float
    lon: float
    uncertainty_m: int
    population: int  # 0 when unknown
    aliases: tuple[str, ...]
    stems: tuple[str, ...]
    metonym_for: str
    source: str
    note: str
    layer: str  # one of LAYERS
    line: int = field(default=0, compare=False)  # line in its gazetteer file
    path: str = field(default="", compare=False)  # that file

    @property
    def geo_precision(self) -> int:
        """ACLED's sense: 1 the site itself, 2 a nearby or approximate point, 3 an area."""
        if self.kind in AREA_KINDS:
            return 3
        if self.layer != "curated" or self.uncertainty_m > 25000:
            return 2
        return 1

    @property
    def is_point(self) -> bool:
        """A site that a map can pin: not a country, region, governorate or sea."""
        return self.kind not in AREA_KINDS

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Ambiguity:
    alias: str
    sites: tuple[str, ...]
    default: str  # empty: report the mention as ambiguous when context does not decide
    line: int
    path: str


class Gazetteer:
    """Sites by id and the alias keys (skeletons) that name them."""

    def __init__(self, sites: list[Site], ambiguities: list[Ambiguity], reserved: AbstractSet[str] = frozenset()):
        self.sites = {s.id: s for s in sites}
        self.ambiguities = {skeleton(a.alias): a for a in ambiguities}
        self.aliases: dict[str, list[str]] = {}
        self.stems: dict[str, list[str]] = {}
        phrases = [p for site in sites for p in (*site.names(), *site.stems)]
        keys = dict(zip(phrases, skeletons(phrases)))
        for site in sites:
            for name in site.names():
                for key in alias_keys(name, reserved, keys[name]):
                    _add(self.aliases, key, site.id)
            for stem in site.stems:
                for key in alias_keys(stem, reserved, keys[stem]) + [ARTICLE + keys[stem]]:
                    _add(self.stems, key, site.id)
        # A site of a higher layer shadows the places of lower layers with the same name;
        # a head noun of their kind may still name them ("the state of New York").
        self.shadowed: dict[str, list[str]] = {}
        rank = {layer: i for i, layer in enumerate(LAYERS)}
        for key, ids in self.aliases.items():
            top = min(rank[self.sites[i].layer] for i in ids)
            if any(rank[self.sites[i].layer] != top for i in ids):
                self.aliases[key] = [i for i in ids if rank[self.sites[i].layer] == top]
                self.shadowed[key] = [i for i in ids if rank[self.sites[i].layer] != top]

    def __getitem__(self, site_id: str) -> Site:
        return self.sites[site_id]

    def __contains__(self, site_id: str) -> bool:
        return site_id in self.sites

    def __len__(self) -> int:
        return len(self.sites)

    def curated(self) -> list[Site]:
        return [s for s in self.sites.values() if s.layer == "curated"]

    def shared_aliases(self) -> dict[str, list[str]]:
        """Alias keys that name more than one site."""
        return {k: ids for k, ids in self.aliases.items() if len(ids) > 1}


def _add(index: dict[str, list[str]], key: str, site_id: str) -> None:
    ids = index.setdefault(key, [])
    if site_id not in ids:
        ids.append(site_id)


def _assimilate(article: re.Match) -> str:
    letter = article.group(1) or article.group(2)
    return f"a{letter} {letter}"


def alias_keys(name: str, reserved: AbstractSet[str] = frozenset(), key: str | None = None) -> list[str]:
    """The keys of a name: its skeleton, without its leading Arabic article unless the bare
    word is short or reserved (a given name such as Omar or Walid, a common English word),
    never with an English "the" (text writes "the Pentagon" in lower case), with an
    article before a sun letter both as "al" and assimilated ("Ash Shaddadah", "Salah ad
    Din"), and with a
    number written against the word before it ("Tower 22" and "Tower22")."""
    key = skeleton(name) if key is None else key
    if key.startswith("the "):
        key = key[4:]
    if len(key) < 2:  # an acronym the normaliser shrinks to one letter cannot be matched safely
        return []
    keys = [key]
    with_al = _ASSIMILATED_ARTICLE.sub(ARTICLE, key)
    if with_al != key:
        key = with_al
        keys.append(key)
    assimilated = _ARTICLE_BEFORE_SUN_LETTER.sub(_assimilate, key)  # "Salah ad Din" for "Salah al-Din"
    if assimilated != key and assimilated not in keys:
        keys.append(assimilated)
    if key.startswith(ARTICLE):
        bare = key[len(ARTICLE):]
        if len(bare) >= 4 and bare not in reserved:
            keys.append(bare)
    joined = _NUMBER_AFTER_WORD.sub(r"\1\2", key)
    if joined != key:
        keys.append(joined)
    return keys


def load_gazetteer(curated: Path = CURATED, fallback: Path | None = FALLBACK,
                   ambiguities: Path | None = AMBIGUITIES, reserved: AbstractSet[str] | None = None,
                   world: Path | None = WORLD) -> Gazetteer:
    """Load and validate the gazetteer files (a layer given as None is left out); raise
    InputErrors naming file and line."""
    if reserved is None:
        reserved = load_lexicons().reserved_words
    errors: list[InputError] = []
    sites = read_sites(curated, "curated", errors)
    if fallback is not None:
        sites += read_sites(fallback, "fallback", errors)
    if world is not None:
        sites += read_sites(world, "world", errors)
    seen: dict[str, Site] = {}
    for site in sites:
        if site.id in seen:
            first = seen[site.id]
            errors.append(InputError(site.path, f"duplicate id {site.id!r} (first at {first.path}:{first.line})",
                                     site.line))
        seen[site.id] = site
    declared = read_ambiguities(ambiguities, seen, errors) if ambiguities is not None else []
    if errors:
        raise InputErrors(errors)
    return Gazetteer(sites, declared, reserved)


def read_sites(path: Path, layer: str, errors: list[InputError]) -> list[Site]:
    rows = read_rows(path, COLUMNS, exact=True)
    sites = []
    for line, record in rows:
        try:
            sites.append(parse_site(record, layer, line, str(path)))
        except ValueError as exc:
            errors.append(InputError(path, str(exc), line))
    return sites


def _split(value: str) -> tuple[str, ...]:
    parts = [p.strip() for p in value.split("|")] if value else []
    if any(not p for p in parts):
        raise ValueError(f"empty entry in list {value!r}")
    return tuple(parts)


def parse_site(r: dict[str, str], layer: str, line: int, path: str) -> Site:
    if not _ID.match(r["id"]):
        raise ValueError(f"invalid id {r['id']!r}: use a lowercase slug")
    if not r["name"]:
        raise ValueError(f"{r['id']}: missing name")
    if r["kind"] not in KINDS:
        raise ValueError(f"{r['id']}: unknown kind {r['kind']!r}")
    if not _COUNTRY.match(r["country"]):
        raise ValueError(f"{r['id']}: country must be an ISO 3166-1 alpha-2 code, got {r['country']!r}")
    lat, lon = _number(r, "lat"), _number(r, "lon")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"{r['id']}: coordinate out of range ({lat}, {lon})")
    uncertainty = _number(r, "uncertainty_m")
    if uncertainty <= 0:
        raise ValueError(f"{r['id']}: uncertainty_m must be positive")
    if not r["source"]:
        raise ValueError(f"{r['id']}: no source for the coordinate")
    population = int(_number(r, "population")) if r["population"] else 0
    return Site(
        id=r["id"], name=r["name"], kind=r["kind"], country=r["country"], admin1=r["admin1"], lat=lat, lon=lon,
        uncertainty_m=int(uncertainty), population=population, aliases=_split(r["aliases"]), stems=_split(r["stems"]),
        metonym_for=r["metonym_for"], source=r["source"], note=r["note"], layer=layer, line=line, path=path,
    )


def _number(r: dict[str, str], column: str) -> float:
    try:
        return float(r[column])
    except ValueError:
        raise ValueError(f"{r['id']}: {column} is not a number: {r[column]!r}") from None


def read_ambiguities(path: Path, sites: dict[str, Site], errors: list[InputError]) -> list[Ambiguity]:
    declared = []
    for line, r in read_rows(path, ("alias", "sites", "default", "note"), exact=True):
        ids = tuple(p for p in r["sites"].split("|") if p)
        unknown = [i for i in ids if i not in sites]
        if unknown or len(ids) < 2:
            errors.append(InputError(path, f"{r['alias']!r}: needs two or more known sites, unknown: {unknown}", line))
            continue
        if r["default"] and r["default"] not in ids:
            errors.append(InputError(path, f"{r['alias']!r}: default {r['default']!r} is not one of its sites", line))
            continue
        declared.append(Ambiguity(r["alias"], ids, r["default"], line, str(path)))
    return declared
