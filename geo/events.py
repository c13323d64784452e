"""Event records: what happened, where, when, who, and the words that say so.

Pipeline: each document's tellings (:mod:`geo.extract`) -> the curated layer
(:mod:`geo.curated`) corrects, suppresses or adds -> tellings of the same event merge
into one record with several sources (:mod:`geo.merge`), keeping disagreements about the
place or the date side by side and flagging the event ``disputed``.

Types follow ACLED (event_type / sub_event_type):

=========================== ==================================== ===========================
event_type                  sub_event_type                       for
=========================== ==================================== ===========================
Explosions/Remote violence  Air/drone strike                     drone attacks, air strikes
Explosions/Remote violence  Shelling/artillery/missile attack    rockets, missiles, mortars,
                                                                 attacks of unstated means
Strategic developments      Disrupted weapons use                interceptions
Protests                    Peaceful protest                     protests, sit-ins, marches
Strategic developments      Visit or meeting                     official visits, meetings
Strategic developments      Change to group/activity             suspensions, new phases
=========================== ==================================== ===========================
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import IO, Iterable, NamedTuple

from geo.gazetteer import Gazetteer

FIELDS = ("id", "date", "date_end", "time_precision", "date_derivation", "site_ids", "geo_precision",
          "event_type", "sub_event_type", "actor", "target", "weapon", "killed", "wounded", "status",
          "doc", "quote", "start", "end", "disputed", "disputed_fields", "reviewed", "sources")


class Source(NamedTuple):
    """One document's telling of an event (extracted, or a reviewer's curated row); a
    tuple, made, pickled and spooled cheaply."""

    doc: str
    start: int
    end: int
    quote: str
    kind: str  # a key of geo.extract.TYPES
    date: str
    date_end: str
    time_precision: str
    date_derivation: str
    site_ids: tuple[str, ...]
    actor: str
    target: str
    weapon: str
    killed: int | None
    wounded: int | None
    status: str
    reviewed: bool = False

    def as_record(self) -> dict:
        return {"doc": self.doc, "start": self.start, "end": self.end, "quote": self.quote, "date": self.date,
                "date_end": self.date_end, "time_precision": self.time_precision,
                "date_derivation": self.date_derivation, "site_ids": list(self.site_ids), "actor": self.actor,
                "weapon": self.weapon, "killed": self.killed, "wounded": self.wounded, "status": self.status,
                "reviewed": self.reviewed}


@dataclass(eq=False)
class Event:
    sources: list[Source]
    disputed_fields: list[str] = field(default_factory=list)
    order: int = 0  # creation order while merging: earlier events are tried first

    def __post_init__(self):
        # kept up to date by add(): merging asks for them at every candidate
        self._primary = min(self.sources, key=_primacy)
        self._sites = dict.fromkeys(i for s in self.sources for i in s.site_ids)

    def add(self, source: Source) -> None:
        self.sources.append(source)
        if _primacy(source) < _primacy(self._primary):
            self._primary = source
        self._sites.update(dict.fromkeys(source.site_ids))

    @property
    def primary(self) -> Source:
        """The telling the record's fields come from: a reviewed one first, else the earliest."""
        return self._primary

    @property
    def id(self) -> str:
        p = min(self.sources, key=lambda s: (s.doc, s.start))
        return "ev-" + hashlib.sha1(f"{p.doc}:{p.start}:{p.kind}".encode()).hexdigest()[:10]

    def site_ids(self) -> tuple[str, ...]:
        return tuple(self._sites)

    def status(self) -> str:
        parts = {p for s in self.sources for p in s.status.split("|") if p != "reported"}
        return "|".join(p for p in ("claimed", "confirmed") if p in parts) or "reported"

    def _first(self, name: str) -> str:
        """The primary telling's value, else the first other telling that gives one."""
        return next((getattr(s, name) for s in [self.primary, *self.sources] if getattr(s, name)), "")

    def as_record(self, gazetteer: Gazetteer) -> dict:
        from geo.extract import TYPES

        p = self.primary
        sites = self.site_ids()
        event_type, sub_event_type = TYPES[p.kind]
        return {
            "id": self.id, "date": p.date, "date_end": p.date_end, "time_precision": p.time_precision,
            "date_derivation": p.date_derivation, "site_ids": list(sites),
            "geo_precision": min((gazetteer[i].geo_precision for i in sites if i in gazetteer), default=3),
            "event_type": event_type, "sub_event_type": sub_event_type, "actor": self._first("actor"),
            "target": self._first("target"), "weapon": self._first("weapon"), "killed": p.killed, "wounded": p.wounded,
            "status": self.status(), "doc": p.doc, "quote": p.quote, "start": p.start, "end": p.end,
            "disputed": bool(self.disputed_fields), "disputed_fields": list(self.disputed_fields),
            "reviewed": any(s.reviewed for s in self.sources),
            "sources": [s.as_record() for s in sorted(self.sources, key=lambda s: (s.doc, s.start))],
        }


def _primacy(s: Source) -> tuple:
    return not s.reviewed, s.doc, s.start


def sort_records(records: Iterable[dict]) -> list[dict]:
    return sorted(records, key=lambda r: (r["date"], r["id"]))


def write_events(records: Iterable[dict] | Iterable[str], gazetteer: Gazetteer, fmt: str, out: IO[str]) -> int:
    """Write records as they come (a list or a stream); returns how many.  For "json",
    records may come as their JSON text already."""
    if fmt == "json":
        return _write_json(records, out)
    if fmt == "csv":
        return _write_csv(records, out)
    if fmt == "geojson":
        return _write_geojson(records, gazetteer, out)
    raise ValueError(f"unknown format {fmt!r}")


def _write_json(records: Iterable[dict] | Iterable[str], out: IO[str]) -> int:
    # One event per line: readable in a diff, written by json's C encoder.
    count = 0
    out.write("[")
    for count, r in enumerate(records, 1):
        out.write(("\n" if count == 1 else ",\n") + (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)))
    out.write("\n]\n")
    return count


def _write_csv(records: Iterable[dict], out: IO[str]) -> int:
    import csv

    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for count, r in enumerate(records, 1):
        row = dict(r)
        row["site_ids"] = "|".join(r["site_ids"])
        row["disputed_fields"] = "|".join(r["disputed_fields"])
        row["sources"] = "|".join(f"{s['doc']}@{s['start']}-{s['end']}" for s in r["sources"])
        writer.writerow({k: ("" if v is None else str(v).lower() if isinstance(v, bool) else v)
                         for k, v in row.items()})
    return count


def to_geojson(records: Iterable[dict], gazetteer: Gazetteer) -> dict:
    """One feature per event and site: an event at two competing sites is two features."""
    return {"type": "FeatureCollection", "features": [f for r in records for f in _features(r, gazetteer)]}


def _write_geojson(records: Iterable[dict], gazetteer: Gazetteer, out: IO[str]) -> int:
    """The same collection as to_geojson, one feature per line, written as it comes."""
    count, first = 0, True
    out.write('{"type": "FeatureCollection", "features": [')
    for count, r in enumerate(records, 1):
        for feature in _features(r, gazetteer):
            out.write(("\n" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
            first = False
    out.write("\n]}\n")
    return count


def _features(r: dict, gazetteer: Gazetteer) -> list[dict]:
    features = []
    for site_id in r["site_ids"]:
        site = gazetteer[site_id]
        properties = {k: v for k, v in r.items() if k not in ("sources",)}
        properties.update(site_id=site.id, site_name=site.name, site_kind=site.kind,
                          site_geo_precision=site.geo_precision, site_ids="|".join(r["site_ids"]),
                          disputed_fields="|".join(r["disputed_fields"]),
                          sources="|".join(f"{s['doc']}@{s['start']}-{s['end']}" for s in r["sources"]))
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [site.lon, site.lat]},
                         "properties": properties})
    return features
