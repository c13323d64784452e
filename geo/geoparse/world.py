"""Places of the world layer, resolved by the document they are in, as CLAVIN and CLIFF
resolve them.

A name the curated and theatre layers do not know may name many places of the world
("Columbus": Georgia, Indiana, Ohio ...; "Georgia": a country and a US state).  Within
a document:

* "X, Y" binds a town to its state or country ("Columbus, Georgia"; "Fort Moore, Ga."),
  and the state to the one the town lies in;
* a town or city of the world layer is taken only with locative evidence: a preposition
  before it ("in", "of", "near", "from" ...), a parent after it, or a dateline ("NEWARK –
  Senator ..."); a capitalised word elsewhere is more often a person, a team or a word
  ("Austin said", "Houston Texans");
* a state's abbreviation ("Ga.", "N.Y.") is taken only as the parent of a place;
* among the candidates left, those in the document's focus win (the countries and
  states it names without doubt), then a region over a town of its name ("from
  California": the state, not California, Maryland), then the most populous.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from geo.gazetteer import Gazetteer, Site
from geo.geoparse.rules import LOCATIVE_BEFORE, key

__all__ = ["WorldReading", "lies_in", "resolve_world"]

_AFTER_DATELINE = re.compile(r"(?:,[^\n,]{1,20})?\s*[–—-]\s")  # "NEWARK –", "TAMPA, Fla. –"


class WorldReading(NamedTuple):
    """A match's position and the sites it may denote (what the resolution needs)."""

    start: int
    end: int
    sites: tuple[str, ...]


def resolve_world(text: str, readings: list, gazetteer: Gazetteer) -> list:
    """The readings (NamedTuples with start, end and sites, in text order) with the world
    layer's candidates resolved by the document, and those without evidence left out."""
    world = [i for i, r in enumerate(readings) if any(gazetteer[s].layer == "world" for s in r.sites)]
    if not world:
        return readings
    readings = list(readings)
    parents = _bind_parents(text, readings, gazetteer)
    focus_countries, focus_states = _focus(readings, gazetteer)
    keep = []
    for i, r in enumerate(readings):
        if i not in world:
            keep.append(r)
            continue
        sites = parents.get(i) or _with_evidence(text, r, gazetteer)
        if not sites:
            continue
        if len(sites) > 1:
            sites = (max(sites, key=lambda s: _rank(gazetteer[s], focus_countries, focus_states)),)
        keep.append(r._replace(sites=sites))
    return keep


def _bind_parents(text: str, readings: list, gazetteer: Gazetteer) -> dict[int, tuple[str, ...]]:
    """Reading index -> the sites that "X, Y" leaves it: the town's candidates that lie in
    one of Y's, and Y's candidates that hold one of the town's."""
    bound: dict[int, tuple[str, ...]] = {}
    for i in range(len(readings) - 1):
        child, parent = readings[i], readings[i + 1]
        if not re.fullmatch(r",\s*", text[child.end:parent.start]):
            continue
        pairs = [(c, p) for c in child.sites for p in parent.sites if lies_in(gazetteer[c], gazetteer[p])]
        if pairs:
            bound[i] = tuple(dict.fromkeys(c for c, _ in pairs))
            bound[i + 1] = tuple(dict.fromkeys(p for _, p in pairs))
    return bound


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
    locative = bool(LOCATIVE_BEFORE.search(text, max(0, r.start - 20), r.start)) or _is_dateline(text, r)
    kept = []
    for site_id in r.sites:
        site = gazetteer[site_id]
        if site.layer != "world":
            kept.append(site_id)
        elif not site.is_point:
            if not (site.kind == "state" and surface != key(site.name)):  # "Ga.", "N.Y."
                kept.append(site_id)
        elif locative:
            kept.append(site_id)
    return tuple(kept)


def _is_dateline(text: str, r) -> bool:
    """A place in capitals opening a line, before a dash: where a release or story is filed."""
    line_start = text.rfind("\n", 0, r.start) + 1
    return (not text[line_start:r.start].strip(" ([") and text[r.start:r.end].isupper()
            and bool(_AFTER_DATELINE.match(text, r.end)))


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


def _rank(site: Site, countries: set[str], states: set[str]) -> tuple:
    return (site.admin1 in states or site.id in states, site.country in countries, site.layer != "world",
            not site.is_point, site.population, site.kind == "country")
