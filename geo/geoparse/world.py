"""Places of the world layer, resolved by the document they are in, as CLAVIN and CLIFF
resolve them.

A name the curated and theatre layers do not know may name many places of the world
("Columbus": Georgia, Indiana, Ohio ...; "Georgia": a country and a US state).  Within
a document:

* "X, Y" binds a town to its state or country ("Columbus, Georgia"; "Fort Moore, Ga."),
  and the state to the one the town lies in; a world town that lies in no such parent is
  another town, one the gazetteer lacks ("EDINBURGH, Ind."), and only the parent is kept;
* a town or city of the world layer is taken only with locative evidence: a preposition
  before it ("in", "of", "near", "from" ...), a parent after it, or a dateline ("NEWARK –
  Senator ..."); a capitalised word elsewhere is more often a person, a team or a word
  ("Austin said", "Houston Texans");
* a state's abbreviation ("Ga.", "N.Y.") is taken only as the parent of a place;
* among the candidates left, those in the document's focus win (the countries and
  states it names without doubt), unless a candidate is a city of a million people
  ("hospitals in Frankfurt, Berlin" in a US story), then a region over a town of its
  name ("from California": the state, not California, Maryland), then the most populous;
* names coordinated with states or governorates are of their kind: "Arizona, California,
  Kentucky and New York" (the state, not the city), "in Anbar and Kirkuk" (the
  governorate).  One coordinated area is enough, except for a capital, which a text
  names as a city alongside provinces ("Anbar and Baghdad").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from geo.gazetteer import Gazetteer, Site
from geo.geoparse.context import LIST_GAP, LOCATIVE_BEFORE, PARENT_GAP, key

__all__ = ["WorldReading", "areas_by_name", "coordinated_areas", "lies_in", "may_be_located", "resolve_world"]

_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
# A locative word, then names in a list up to the one being read: "in Yonkers, Peekskill and".
_LOCATIVE_LIST = re.compile(rf"\b(?:in|at|from|near)\s+(?:the\s+)?{_NAME}(?:\s*,\s*{_NAME})*"
                            rf"(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)\Z")
_SUBDIVISIONS = ("state", "governorate")
_SUBDIVISION_HEAD = re.compile(r" (?:governorate|province|state)$")
_PARTY = re.compile(r"\([RDI][-–]\Z")  # "(R-" before a member's state: "Ed Royce (R-CA)"
_AFTER_DATELINE = re.compile(r"(?:,[^\n,]{1,20})?\s*[–—-]\s")  # "NEWARK –", "TAMPA, Fla. –"


class WorldReading(NamedTuple):
    """A match's position and the sites it may denote (what the resolution needs)."""

    start: int
    end: int
    sites: tuple[str, ...]


def resolve_world(text: str, readings: list, gazetteer: Gazetteer, countries: frozenset[str] = frozenset(),
                  areas: dict[str, tuple[str, ...]] | None = None) -> list:
    """The readings (NamedTuples with start, end and sites, in text order) with the world
    layer's candidates resolved by the document, and those without evidence left out.
    ``countries``: those the document names in organisations' names ("the U.S. Army
    Reserve"), which count in its focus too; ``areas`` (see areas_by_name): the states a
    parent may be though a city bears its name ("Newburgh, New York")."""
    world = [i for i, r in enumerate(readings) if any(gazetteer[s].layer == "world" for s in r.sites)]
    if not world:
        return readings
    readings = list(readings)
    parents = _bind_parents(text, readings, gazetteer, areas or {})
    focus_countries, focus_states = _focus(readings, gazetteer)
    focus_countries |= countries
    keep = []
    for i, r in enumerate(readings):
        if i not in world:
            keep.append(r._replace(sites=parents[i]) if i in parents else r)  # "Newburgh, New York": the state
            continue
        sites = parents[i] if i in parents else _with_evidence(text, r, gazetteer)
        if not sites:
            continue
        if len(sites) > 1:
            sites = (max(sites, key=lambda s: _rank(gazetteer[s], focus_countries, focus_states)),)
        keep.append(r._replace(sites=sites))
    return keep


def may_be_located(text: str, start: int, end: int) -> bool:
    """Whether a world town's name has what resolve_world may keep it for: a locative word
    before it or before the list it ends ("in Yonkers, Peekskill and Orangeburg"), a
    parent after it ("X, Y"), or a line's start (a dateline)."""
    return (_located(text, start) or text.startswith(",", end)
            or not text[text.rfind("\n", 0, start) + 1:start].strip(" (["))


def _located(text: str, start: int) -> bool:
    return bool(LOCATIVE_BEFORE.search(text, max(0, start - 20), start)
                or _LOCATIVE_LIST.search(text, max(0, start - 120), start))


def _bind_parents(text: str, readings: list, gazetteer: Gazetteer,
                  areas: dict[str, tuple[str, ...]]) -> dict[int, tuple[str, ...]]:
    """Reading index -> the sites that "X, Y" leaves it: the town's candidates that lie in
    one of Y's (or in a state of Y's name), and Y's candidates that hold one of the town's.
    A world town none of whose candidates lies in its parent state or country is another
    place of that name, one the gazetteer lacks ("EDINBURGH, Ind.": not Edinburgh in
    Scotland): it is left no site, and the parent keeps its own."""
    bound: dict[int, tuple[str, ...]] = {}
    for i in range(len(readings) - 1):
        child, parent = readings[i], readings[i + 1]
        if not PARENT_GAP.fullmatch(text, child.end, parent.start):
            continue
        parents = (*parent.sites, *areas.get(key(text[parent.start:parent.end]), ()))
        pairs = [(c, p) for c in child.sites for p in parents if lies_in(gazetteer[c], gazetteer[p])]
        if pairs:
            # a name bound as a parent keeps that reading: "NEWBURGH, NEW YORK, UNITED STATES"
            bound.setdefault(i, tuple(dict.fromkeys(c for c, _ in pairs)))
            bound[i + 1] = tuple(dict.fromkeys(p for _, p in pairs))
        elif _contradicts(text, child, parent, gazetteer):
            bound[i] = ()
            bound[i + 1] = parent.sites
    return bound


_LISTED_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z]")  # "Paris, Italy and Spain": a list


def _contradicts(text: str, child, parent, gazetteer: Gazetteer) -> bool:
    """A parent state or country after a world town that lies in none of them, the
    parent not in a list of names."""
    return (all(gazetteer[c].layer == "world" and gazetteer[c].is_point for c in child.sites)
            and all(gazetteer[p].kind in ("state", "country") for p in parent.sites)
            and not _LISTED_ON.match(text, parent.end))


def lies_in(child: Site, parent: Site) -> bool:
    """Whether a site lies in a country, a state or a governorate."""
    if parent.kind == "country":
        return child.country == parent.country and child.id != parent.id
    if parent.kind in ("state", "governorate"):
        return child.admin1 == parent.id
    return False


def _with_evidence(text: str, r, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The candidates a match may stand for that no "X, Y" binds: areas (but not a
    state's abbreviation), and towns and cities after a locative word."""
    surface = key(text[r.start:r.end])
    locative = _located(text, r.start) or _is_dateline(text, r)
    kept = []
    for site_id in r.sites:
        site = gazetteer[site_id]
        if site.layer != "world":
            kept.append(site_id)
        elif not site.is_point:
            if not (site.kind == "state" and surface != key(site.name)) or _PARTY.search(text, max(0, r.start - 3),
                                                                                          r.start):
                kept.append(site_id)  # but "Ga.", "N.Y." only as a parent, or a member's ("R-Okla.", "D-CA")
        elif locative:
            kept.append(site_id)
    return tuple(kept)


def _is_dateline(text: str, r) -> bool:
    """A place in capitals opening a line, before a dash or alone on its line with its
    state and country ("NEWBURGH, NEW YORK, UNITED STATES"): where a story is filed."""
    line_start = text.rfind("\n", 0, r.start) + 1
    if text[line_start:r.start].strip(" ([") or not text[r.start:r.end].isupper():
        return False
    line_end = text.find("\n", r.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return bool(_AFTER_DATELINE.match(text, r.end)) or (line.isupper() and len(line) <= 80)


def _focus(readings: list, gazetteer: Gazetteer) -> tuple[set[str], set[str]]:
    """The countries and states the document names without doubt: single-candidate
    readings, and the country of each site they name."""
    countries, states = set(), set()
    for r in readings:
        if len(r.sites) != 1:
            continue
        site = gazetteer[r.sites[0]]
        countries.add(site.country)
        if site.kind == "state":
            states.add(site.id)
        elif site.admin1:
            states.add(site.admin1)
    return countries, states


_METROPOLIS = 1_000_000  # a city of a million people outranks the document's focus: "hospitals in Frankfurt, Berlin"


def _rank(site: Site, countries: set[str], states: set[str]) -> tuple:
    return (site.is_point and (site.population or 0) >= _METROPOLIS, site.admin1 in states or site.id in states,
            site.country in countries, site.layer != "world", not site.is_point, site.population, site.kind == "country")


def areas_by_name(gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Name key (without "Governorate", "Province", "State") -> the states and governorates
    of every layer that bear it: what a coordination may turn a city's name into."""
    index: dict[str, list[str]] = {}
    for site in gazetteer.sites.values():
        if site.kind in _SUBDIVISIONS:
            for name in (*site.names(), *site.stems):
                bare = _SUBDIVISION_HEAD.sub("", key(name))
                if site.id not in index.setdefault(bare, []):
                    index[bare].append(site.id)
    return {k: tuple(ids) for k, ids in index.items()}


def coordinated_areas(text: str, readings: list, gazetteer: Gazetteer,
                      areas: dict[str, tuple[str, ...]]) -> list:
    """A city or town's name coordinated with states or governorates names the state or
    governorate of that name in the same country, when there is one."""
    if not any(len(r.sites) == 1 and gazetteer[r.sites[0]].kind in _SUBDIVISIONS for r in readings):
        return readings
    readings = list(readings)
    changed = True
    while changed:  # an area found makes its neighbour's list longer: "Erbil, Duhok and Sulaymaniyah provinces"
        changed = False
        for i, r in enumerate(readings):
            if len(r.sites) != 1 or not gazetteer[r.sites[0]].is_point:
                continue
            point = gazetteer[r.sites[0]]
            candidates = areas.get(key(text[r.start:r.end]), ())
            if not candidates:
                continue
            kinds = _coordinated_kinds(text, readings, i, gazetteer)
            named = [a for a in candidates if gazetteer[a].kind in kinds and gazetteer[a].country == point.country]
            if named and (kinds[gazetteer[named[0]].kind] >= 2 or not point.metonym_for):
                readings[i] = r._replace(sites=(named[0],))
                changed = True
    return readings


def _coordinated_kinds(text: str, readings: list, i: int, gazetteer: Gazetteer) -> dict[str, int]:
    """How many states and governorates the reading is coordinated with (the whole list)."""
    counts: dict[str, int] = {}
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(readings):
            left, right = sorted((readings[j], readings[j + step]), key=lambda r: r.start)
            if not LIST_GAP.fullmatch(text, left.end, right.start):
                break
            j += step
            other = readings[j]
            if len(other.sites) != 1 or gazetteer[other.sites[0]].kind not in _SUBDIVISIONS:
                break
            kind = gazetteer[other.sites[0]].kind
            counts[kind] = counts.get(kind, 0) + 1
    return counts
