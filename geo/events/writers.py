"""Event records written out: JSON (one record a line), CSV, or GeoJSON (one feature per
event and site), as docs/data-contract.md describes them.  Records are written as they
come, from a list or a stream."""

from __future__ import annotations

import csv
import json
from typing import IO, Iterable

from geo import FORMAT_VERSION
from geo.events.model import FIELDS, EventRecord
from geo.gazetteer import Gazetteer

__all__ = ["FORMATS", "to_geojson", "write_event_lines", "write_events"]

FORMATS = ("json", "csv", "geojson")


def write_events(records: Iterable[EventRecord], gazetteer: Gazetteer, fmt: str, out: IO[str]) -> int:
    """Write records in ``fmt``; returns how many."""
    if fmt == "json":
        return write_event_lines((json.dumps(r, ensure_ascii=False) for r in records), out)
    if fmt == "csv":
        return _write_csv(records, out)
    if fmt == "geojson":
        return _write_geojson(records, gazetteer, out)
    raise ValueError(f"unknown format {fmt!r}")


def write_event_lines(lines: Iterable[str], out: IO[str]) -> int:
    """The JSON document of records that come as their JSON text already; returns how many."""
    # One event per line: readable in a diff.
    count = 0
    out.write(f'{{"format_version": {FORMAT_VERSION}, "events": [')
    for count, line in enumerate(lines, 1):
        out.write(("\n" if count == 1 else ",\n") + line)
    out.write("\n]}\n")
    return count


def _write_csv(records: Iterable[EventRecord], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for count, r in enumerate(records, 1):
        row: dict = dict(r)
        row["site_ids"] = "|".join(r["site_ids"])
        row["disputed_fields"] = "|".join(r["disputed_fields"])
        row["sources"] = _sources(r)
        writer.writerow({k: ("" if v is None else str(v).lower() if isinstance(v, bool) else v)
                         for k, v in row.items()})
    return count


def _sources(r: EventRecord) -> str:
    return "|".join(f"{s['doc']}@{s['start']}-{s['end']}" for s in r["sources"])


def to_geojson(records: Iterable[EventRecord], gazetteer: Gazetteer) -> dict:
    """One feature per event and site: an event at two competing sites is two features."""
    return {"type": "FeatureCollection", "format_version": FORMAT_VERSION,
            "features": [f for r in records for f in _features(r, gazetteer)]}


def _write_geojson(records: Iterable[EventRecord], gazetteer: Gazetteer, out: IO[str]) -> int:
    """The same collection as to_geojson, one feature per line, written as it comes."""
    count, first = 0, True
    out.write(f'{{"type": "FeatureCollection", "format_version": {FORMAT_VERSION}, "features": [')
    for count, r in enumerate(records, 1):
        for feature in _features(r, gazetteer):
            out.write(("\n" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
            first = False
    out.write("\n]}\n")
    return count


def _features(r: EventRecord, gazetteer: Gazetteer) -> list[dict]:
    features = []
    for site_id in r["site_ids"]:
        site = gazetteer[site_id]
        properties = {k: v for k, v in r.items() if k not in ("sources",)}
        properties.update(site_id=site.id, site_name=site.name, site_kind=site.kind,
                          site_geo_precision=site.geo_precision, site_ids="|".join(r["site_ids"]),
                          disputed_fields="|".join(r["disputed_fields"]), sources=_sources(r))
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [site.lon, site.lat]},
                         "properties": properties})
    return features
