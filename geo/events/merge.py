"""Tellings of the same event become one record; disagreements stay visible.

* Within a document, tellings of the same kind on the same date are one event (a
  story often states an attack in its lead and again below).
* Across documents, tellings merge when their kinds agree and their dates and places
  overlap those of the event's primary telling (the same site, or a base and the city
  within 30 km of it), not those its other tellings brought: events do not chain from
  place to place.  Tellings are taken in date order and events are let go once no later
  telling can join them.
* Two tellings of a deadly attack on the same day with the same death toll but different
  places are one event with a disputed place; the same toll at the same place a few days
  apart is one event with a disputed date.  Both are flagged ``disputed``.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from functools import lru_cache
from math import atan2, ceil, cos, hypot, radians, sin
from typing import Iterable, Iterator

from geopy.distance import EARTH_RADIUS, geodesic

from geo.events.model import ATTACK_KINDS, TIME_PRECISIONS, Event, Telling, family
from geo.gazetteer import Gazetteer, Site

__all__ = ["DATE_DISPUTE_DAYS", "NEAR_KM", "Merger", "telling_order"]

_PRECISION = {p: i for i, p in enumerate(TIME_PRECISIONS)}
NEAR_KM = 30.0
NEAR_DEGREES = NEAR_KM / 100.0  # a cheap bound first: a degree of latitude is over 110 km
DATE_DISPUTE_DAYS = 3
_TOWNS = frozenset({"city", "town"})
PLACE_KEYS_REMEMBERED = 4096


def telling_order(s: Telling) -> tuple:
    return s.date, s.doc, s.start


class _OpenEvents:
    """Events a later telling may still join: indexed by key, closed in order of last day."""

    def __init__(self):
        self._index: dict[tuple, list[Event]] = defaultdict(list)
        self._keys: dict[int, set[tuple]] = {}  # by event order
        self._last_day: dict[int, str] = {}
        self._closing: list[tuple[str, int, Event]] = []  # a heap of (last day, order, event)

    def candidates(self, keys: list[tuple]) -> list[Event]:
        found = {e.order: e for key in keys for e in self._index.get(key, ())}
        return [found[order] for order in sorted(found)]

    def add(self, event: Event, keys: list[tuple], last_day: str) -> None:
        own = self._keys.setdefault(event.order, set())
        for key in keys:
            if key not in own:
                own.add(key)
                self._index[key].append(event)
        if last_day > self._last_day.get(event.order, ""):
            self._last_day[event.order] = last_day
            heapq.heappush(self._closing, (last_day, event.order, event))

    def close_before(self, day: str) -> Iterator[Event]:
        """Remove and yield the events whose last day is before ``day``."""
        while self._closing and self._closing[0][0] < day:
            last_day, order, event = heapq.heappop(self._closing)
            if self._last_day[order] != last_day:  # a later telling moved it on
                continue
            for key in self._keys.pop(order):
                self._index[key].remove(event)
                if not self._index[key]:
                    del self._index[key]
            del self._last_day[order]
            yield event


class Merger:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._cells: dict[tuple[int, int], list[tuple[str, float, float, bool]]] | None = None
        self._neighbours: dict[str, tuple[str, ...]] = {}
        self._near_cache: dict[tuple[str, str], bool] = {}
        self._place_key_cache: dict[tuple, list[tuple]] = {}

    def within_document(self, tellings: list[Telling]) -> list[Telling]:
        """One telling per event of a document: tellings of the same family (a drone attack
        told again as "Tuesday's rocket attack") whose dates overlap and whose places may
        be one.  The most precise date is kept; the first
        telling keeps its quote unless another one gives that date."""
        kept: list[Telling] = []
        for s in sorted(tellings, key=lambda s: s.start):
            same = next((k for k in kept if family(k.kind) == family(s.kind) and _overlap(k, s)
                         and self._may_be_one(k, s)), None)
            if same is None:
                kept.append(s)
            else:
                first, other = (same, s) if _PRECISION[same.time_precision] <= _PRECISION[s.time_precision] else (s, same)
                kept[kept.index(same)] = _combine(first, other, self._joint_places(same.site_ids, s.site_ids))
        return kept

    def _joint_places(self, a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        """Both tellings' sites, the most specific kept; points win over areas."""
        if self._has_point(a) and self._has_point(b):
            return self.specific(a + b)
        if self._has_point(b) or not a:
            return b
        return a

    def _may_be_one(self, a: Telling, b: Telling) -> bool:
        """Within a document: the same place, or a place only one telling gives, or two
        vague areas for one attack (a claim's own words and the article's)."""
        if self.places_overlap(a.site_ids, b.site_ids) or not a.site_ids or not b.site_ids:
            return True
        return a.kind in ATTACK_KINDS and not self._has_point(a.site_ids) and not self._has_point(b.site_ids)

    def across_documents(self, tellings: Iterable[Telling]) -> list[Event]:
        """All events of a list of tellings, in the order they were created."""
        return sorted(self.merge_sorted(sorted(tellings, key=telling_order)), key=lambda e: e.order)

    def merge_sorted(self, tellings: Iterable[Telling]) -> Iterator[Event]:
        """Events from tellings sorted by :func:`telling_order`, each telling joined to the
        first earlier event it belongs to.  Candidates come from an index by family and
        place (or death toll) over the events still open; an event is yielded and dropped
        once no later telling can reach it (its last day is more than DATE_DISPUTE_DAYS
        before the current telling), so memory holds the events of a few days, not the
        corpus's."""
        open_events = _OpenEvents()
        created = 0
        for s in tellings:
            yield from open_events.close_before(_shift(s.date, -DATE_DISPUTE_DAYS))
            event = self._joined(s, open_events.candidates(self._keys(s, own=False)))
            if event is None:
                event = Event([s], order=created)
                created += 1
            open_events.add(event, self._keys(s, own=True), s.date_end)
        yield from open_events.close_before("9999-12-31")

    def _joined(self, s: Telling, candidates: list[Event]) -> Event | None:
        """The first candidate the telling belongs to, with the telling added."""
        for event in candidates:
            verdict = self.relation(event, s)
            if verdict is not None:
                event.add(s)
                if verdict and verdict not in event.disputed_fields:
                    event.disputed_fields.append(verdict)
                return event
        return None

    def _keys(self, s: Telling, own: bool) -> list[tuple]:
        """Index keys of a telling: (family, place) for its places (and, when looking up,
        the towns near them), and (family, "killed", toll) for a deadly one."""
        keys = self._place_keys(family(s.kind), s.site_ids, own)
        if s.killed:
            keys.append((family(s.kind), "killed", s.killed))
        return keys

    def _place_keys(self, name: str, site_ids: tuple[str, ...], own: bool) -> list[tuple]:
        """(family, place) keys, remembered: most tellings name a few dozen common places.
        Forgotten now and then, so the memory stays flat however many places a corpus has."""
        cached = self._place_key_cache.get((name, site_ids, own))
        if cached is None:
            if len(self._place_key_cache) >= PLACE_KEYS_REMEMBERED:
                self._place_key_cache.clear()
            places = set(site_ids)
            if not own:
                places |= {j for i in site_ids for j in self.neighbours(i)}
            cached = self._place_key_cache[(name, site_ids, own)] = [(name, place) for place in sorted(places)]
        return list(cached)

    def neighbours(self, site_id: str) -> tuple[str, ...]:
        """Sites within 30 km that count as the same place (a base and its city)."""
        if site_id not in self._neighbours:
            self._neighbours[site_id] = self._find_neighbours(site_id)
        return self._neighbours[site_id]

    def _find_neighbours(self, site_id: str) -> tuple[str, ...]:
        site = self.gazetteer[site_id]
        if not site.is_point:
            return ()
        row, col = _cell(site.lat, site.lon)
        # as many cells east and west as _near's bound reaches at this latitude
        reach = 1 + ceil(1 / max(cos(radians(site.lat)), 0.1))
        lat, lon, lon_reach, town = site.lat, site.lon, NEAR_DEGREES / max(cos(radians(site.lat)), 0.1), site.kind in _TOWNS
        # _near's cheap tests first, on the cells' copies of the sites' fields: most sites of a
        # cell fail them (a cell of the theatre holds hundreds of towns)
        nearby = [j for r in (row - 1, row, row + 1) for c in range(col - reach, col + reach + 1)
                  for j, j_lat, j_lon, j_town in self._grid.get((r, c), ())
                  if (town or j_town) and abs(lat - j_lat) <= NEAR_DEGREES and abs(lon - j_lon) <= lon_reach]
        return tuple(j for j in nearby if j != site_id and self._near(site_id, j))

    @property
    def _grid(self) -> dict[tuple[int, int], list[tuple[str, float, float, bool]]]:
        """Point sites by cells of NEAR_DEGREES: id, latitude, longitude, whether a town."""
        if self._cells is None:
            self._cells = defaultdict(list)
            for i, site in self.gazetteer.sites.items():
                if site.is_point:
                    self._cells[_cell(site.lat, site.lon)].append((i, site.lat, site.lon, site.kind in _TOWNS))
        return self._cells

    def relation(self, event: Event, s: Telling) -> str | None:
        """None: another event; "": the same event; "place" / "date": the same, disputed."""
        p = event.primary
        if p.doc == s.doc or (p.kind != s.kind and family(p.kind) != family(s.kind)):
            return None
        overlap = _overlap(p, s)
        weapons = not p.weapon or not s.weapon or p.weapon == s.weapon
        deadly = p.killed is not None and p.killed > 0 and p.killed == s.killed
        if not (overlap and weapons or deadly):  # the cheap tests first: most candidates end here
            return None
        places = self.places_overlap(p.site_ids, s.site_ids)
        if places and weapons and overlap:
            return ""
        both_days = p.time_precision == s.time_precision == "day"
        if deadly and both_days and p.date == s.date and not places:
            return "place"
        if deadly and both_days and places and weapons and _days_apart(p, s) <= DATE_DISPUTE_DAYS:
            return "date"
        return None

    def places_overlap(self, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        """The same site, or a site of ``b`` near one of ``a`` (see _near)."""
        others = set(b)
        return any(i in others for i in a) or any(j in others for i in a for j in self.neighbours(i))

    def _near(self, i: str, j: str) -> bool:
        """A city or town and a point site within 30 km of it.  Only pairs close enough
        to need a distance are remembered, so the cache stays the size of the
        neighbourhoods, not of every pair a large corpus brings together."""
        x, y = self.gazetteer[i], self.gazetteer[j]
        if not (x.is_point and y.is_point and (x.kind in _TOWNS or y.kind in _TOWNS)):
            return False
        if abs(x.lat - y.lat) > NEAR_DEGREES or abs(x.lon - y.lon) > NEAR_DEGREES / max(cos(radians(x.lat)), 0.1):
            return False
        if (i, j) not in self._near_cache:
            self._near_cache[(i, j)] = _within_near_km(x, y)
        return self._near_cache[(i, j)]

    def specific(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        """Drop a city when a site near it is named: 'the Victoria base in Baghdad' is the base."""
        ids = tuple(dict.fromkeys(ids))
        keep = []
        for i in ids:
            site = self.gazetteer[i]
            near = site.kind in ("city", "town") and any(
                j != i and self.gazetteer[j].kind not in ("city", "town") and self.places_overlap((i,), (j,))
                for j in ids)
            if not near:
                keep.append(i)
        return tuple(keep)

    def _has_point(self, ids: tuple[str, ...]) -> bool:
        return any(self.gazetteer[i].is_point for i in ids)


def _combine(first: Telling, other: Telling, site_ids: tuple[str, ...]) -> Telling:
    return first._replace(site_ids=site_ids, actor=first.actor or other.actor, target=first.target or other.target,
                          weapon=first.weapon or other.weapon,
                          killed=first.killed if first.killed is not None else other.killed,
                          wounded=first.wounded if first.wounded is not None else other.wounded,
                          status=first.status if first.status != "reported" else other.status)


def _within_near_km(x: Site, y: Site) -> bool:
    # The sphere is many times cheaper and within 0.6% of the ellipsoid: only pairs near
    # the threshold need the geodesic.
    rough = _sphere_km(x.lat, x.lon, y.lat, y.lon)
    if abs(rough - NEAR_KM) > 0.01 * NEAR_KM:
        return rough <= NEAR_KM
    return geodesic((x.lat, x.lon), (y.lat, y.lon)).km <= NEAR_KM


def _sphere_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """geopy's great_circle distance, without the Point objects that are most of its
    cost (a large gazetteer asks for many thousands of pairs)."""
    lat1, lon1, lat2, lon2 = map(radians, (lat1, lon1, lat2, lon2))
    delta = lon2 - lon1
    across = hypot(cos(lat2) * sin(delta), cos(lat1) * sin(lat2) - sin(lat1) * cos(lat2) * cos(delta))
    return EARTH_RADIUS * atan2(across, sin(lat1) * sin(lat2) + cos(lat1) * cos(lat2) * cos(delta))


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat // NEAR_DEGREES), int(lon // NEAR_DEGREES)


@lru_cache(maxsize=4096)
def _shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def _overlap(a: Telling, b: Telling) -> bool:
    return a.date <= b.date_end and b.date <= a.date_end


def _days_apart(a: Telling, b: Telling) -> int:
    return abs((dt.date.fromisoformat(a.date) - dt.date.fromisoformat(b.date)).days)
