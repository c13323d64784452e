"""Tellings of the same event become one record; disagreements stay visible.

* Within a document, tellings of the same kind on the same date are one event (a
  story often states an attack in its lead and again below).
* Across documents, tellings merge when their kinds agree, their dates overlap and their
  places overlap (the same site, or a base and the city within 30 km of it).
* Two tellings of a deadly attack on the same day with the same death toll but different
  places are one event with a disputed place; the same toll at the same place a few days
  apart is one event with a disputed date.  Both are flagged ``disputed``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import lru_cache

from geopy.distance import geodesic

from geo.events import Event, Source
from geo.extract import ATTACK_TYPES, Extracted
from geo.gazetteer import Gazetteer

NEAR_KM = 30.0
DATE_DISPUTE_DAYS = 3


def to_source(e: Extracted) -> Source:
    return Source(doc=e.doc, start=e.start, end=e.end, quote=e.quote, kind=e.kind, date=e.when.date.isoformat(),
                  date_end=e.when.date_end.isoformat(), time_precision=e.when.precision,
                  date_derivation=e.when.derivation, site_ids=e.site_ids, actor=e.actor, target=e.target,
                  weapon=e.weapon, killed=e.killed, wounded=e.wounded, status=e.status)


def family(kind: str) -> str:
    return "attack" if kind in ATTACK_TYPES else kind


class Merger:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def within_document(self, sources: list[Source]) -> list[Source]:
        """One source per event of a document; the first telling keeps its quote."""
        kept: list[Source] = []
        for s in sorted(sources, key=lambda s: s.start):
            same = next((k for k in kept if k.kind == s.kind and (k.date, k.date_end) == (s.date, s.date_end)
                         and self._may_be_one(k, s)), None)
            if same is None:
                kept.append(s)
            else:
                kept[kept.index(same)] = _combine(same, s, self._joint_places(same.site_ids, s.site_ids))
        return kept

    def _joint_places(self, a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        """Both tellings' sites, the most specific kept; points win over areas."""
        if self._has_point(a) and self._has_point(b):
            return self.specific(a + b)
        if self._has_point(b) or not a:
            return b
        return a

    def _may_be_one(self, a: Source, b: Source) -> bool:
        """Within a document: the same place, or a place only one telling gives, or two
        vague areas for one attack (a claim's own words and the article's)."""
        if self.places_overlap(a.site_ids, b.site_ids) or not a.site_ids or not b.site_ids:
            return True
        return a.kind in ATTACK_TYPES and not self._has_point(a.site_ids) and not self._has_point(b.site_ids)

    def across_documents(self, sources: list[Source]) -> list[Event]:
        """Events, each source joined to the first earlier event it belongs to.  Candidates
        come from an index by family and day, so the work grows with the corpus, not its square."""
        events: list[Event] = []
        by_day: dict[tuple[str, dt.date], list[Event]] = defaultdict(list)
        for s in sorted(sources, key=lambda s: (s.date, s.doc, s.start)):
            start = dt.date.fromisoformat(s.date) - dt.timedelta(days=DATE_DISPUTE_DAYS)
            end = dt.date.fromisoformat(s.date_end) + dt.timedelta(days=DATE_DISPUTE_DAYS)
            candidates = dict.fromkeys(e for day in _days(start, end) for e in by_day[(family(s.kind), day)])
            for event in sorted(candidates, key=lambda e: e.order):
                verdict = self.relation(event, s)
                if verdict is not None:
                    event.sources.append(s)
                    if verdict and verdict not in event.disputed_fields:
                        event.disputed_fields.append(verdict)
                    break
            else:
                event = Event([s])
                event.order = len(events)
                events.append(event)
                for day in _days(dt.date.fromisoformat(s.date), dt.date.fromisoformat(s.date_end)):
                    by_day[(family(s.kind), day)].append(event)
        return events

    def relation(self, event: Event, s: Source) -> str | None:
        """None: another event; "": the same event; "place" / "date": the same, disputed."""
        p = event.primary
        if family(p.kind) != family(s.kind) or p.doc == s.doc:
            return None
        places = self.places_overlap(event.site_ids(), s.site_ids)
        weapons = not p.weapon or not s.weapon or p.weapon == s.weapon
        if places and weapons and _overlap(p, s):
            return ""
        deadly = p.killed is not None and p.killed > 0 and p.killed == s.killed
        both_days = p.time_precision == s.time_precision == "day"
        if deadly and both_days and p.date == s.date and not places:
            return "place"
        if deadly and both_days and places and weapons and _days_apart(p, s) <= DATE_DISPUTE_DAYS:
            return "date"
        return None

    def places_overlap(self, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        if set(a) & set(b):
            return True
        return any(self._near(i, j) for i in a for j in b)

    @lru_cache(maxsize=65536)
    def _near(self, i: str, j: str) -> bool:
        """A city or town and a point site within 30 km of it."""
        x, y = self.gazetteer[i], self.gazetteer[j]
        return (x.is_point and y.is_point and bool({x.kind, y.kind} & {"city", "town"})
                and geodesic((x.lat, x.lon), (y.lat, y.lon)).km <= NEAR_KM)

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


def _combine(first: Source, other: Source, site_ids: tuple[str, ...]) -> Source:
    from dataclasses import replace

    return replace(first, site_ids=site_ids, actor=first.actor or other.actor, target=first.target or other.target,
                   weapon=first.weapon or other.weapon,
                   killed=first.killed if first.killed is not None else other.killed,
                   wounded=first.wounded if first.wounded is not None else other.wounded,
                   status=first.status if first.status != "reported" else other.status)


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def _overlap(a: Source, b: Source) -> bool:
    return a.date <= b.date_end and b.date <= a.date_end


def _days_apart(a: Source, b: Source) -> int:
    return abs((dt.date.fromisoformat(a.date) - dt.date.fromisoformat(b.date)).days)
