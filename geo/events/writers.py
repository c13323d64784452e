"""Event records written out: JSON (one record a line), CSV, GeoJSON (one feature per
event and site), or ACLED's columns (geo.events.acled), as docs/data-contract.md describes them.  Records are written as they
come, from a list or a stream; one stream can feed several formats at once."""

from __future__ import annotations

from typing import IO, Iterable, Mapping

from geo import FORMAT_VERSION
from geo.corpus import Document
from geo.events.acled import AcledOut
from geo.events.model import FIELDS, EventRecord
from geo.gazetteer import Gazetteer
from geo.io import CsvWriter, json_line

__all__ = ["FORMATS", "EventsOut", "events_out", "to_geojson", "write_event_lines", "write_events"]

FORMATS = ("json", "csv", "geojson", "acled")


class EventsOut:
    """An output of event records in one format: ``add`` each record, then ``close``."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.count = 0

    def add(self, r: EventRecord) -> None:
        self.count += 1

    def close(self) -> int:
        """Ends the output; returns how many records it holds."""
        return self.count


class _JsonOut(EventsOut):
    # One event per line: readable in a diff.
    def __init__(self, out: IO[str]):
        super().__init__(out)
        out.write(f'{{"format_version": {FORMAT_VERSION}, "events": [')

    def add_line(self, line: str) -> None:
        self.out.write(("\n" if self.count == 0 else ",\n") + line)
        self.count += 1

    def add(self, r: EventRecord) -> None:
        self.add_line(json_line(r))

    def close(self) -> int:
        self.out.write("\n]}\n")
        return self.count


class _CsvOut(EventsOut):
    def __init__(self, out: IO[str]):
        super().__init__(out)
        self._writer = CsvWriter(out)  # a quote with a lone carriage return is quoted too
        self._writer.writerow(FIELDS)

    def add(self, r: EventRecord) -> None:
        row: dict = dict(r)
        row["site_ids"] = "|".join(r["site_ids"])
        row["disputed_fields"] = "|".join(r["disputed_fields"])
        row["sources"] = _sources(r)
        self._writer.writerow([("" if v is None else str(v).lower() if isinstance(v, bool) else v)
                               for v in map(row.get, FIELDS)])
        self.count += 1


class _GeoJsonOut(EventsOut):
    """The same collection as to_geojson, one feature per line."""

    def __init__(self, out: IO[str], gazetteer: Gazetteer):
        super().__init__(out)
        self._gazetteer = gazetteer
        self._features = 0
        out.write(f'{{"type": "FeatureCollection", "format_version": {FORMAT_VERSION}, "features": [')

    def add(self, r: EventRecord) -> None:
        for feature in _features(r, self._gazetteer):
            self.out.write(("\n" if self._features == 0 else ",\n") + json_line(feature))
            self._features += 1
        self.count += 1

    def close(self) -> int:
        self.out.write("\n]}\n")
        return self.count


def events_out(fmt: str, out: IO[str], gazetteer: Gazetteer,
               documents: Mapping[str, Document] | None = None) -> EventsOut | AcledOut:
    """An output of records in ``fmt``, written to ``out`` as they are added; ACLED's rows
    name the documents' publishers and dates (``documents`` by id)."""
    if fmt == "acled":
        return AcledOut(out, gazetteer, documents or {})
    if fmt == "json":
        return _JsonOut(out)
    if fmt == "csv":
        return _CsvOut(out)
    if fmt == "geojson":
        return _GeoJsonOut(out, gazetteer)
    raise ValueError(f"unknown format {fmt!r}")


def write_events(records: Iterable[EventRecord], gazetteer: Gazetteer, fmt: str, out: IO[str],
                 documents: Mapping[str, Document] | None = None) -> int:
    """Write records in ``fmt``; returns how many."""
    output = events_out(fmt, out, gazetteer, documents)
    for r in records:
        output.add(r)
    return output.close()


def write_event_lines(lines: Iterable[str], out: IO[str]) -> int:
    """The JSON document of records that come as their JSON text already; returns how many."""
    output = _JsonOut(out)
    for line in lines:
        output.add_line(line)
    return output.close()


def _sources(r: EventRecord) -> str:
    return "|".join(f"{s['doc']}@{s['start']}-{s['end']}" for s in r["sources"])


def to_geojson(records: Iterable[EventRecord], gazetteer: Gazetteer) -> dict:
    """One feature per event and site: an event at two competing sites is two features."""
    return {"type": "FeatureCollection", "format_version": FORMAT_VERSION,
            "features": [f for r in records for f in _features(r, gazetteer)]}


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
