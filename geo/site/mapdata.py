"""What the map page needs, in compact arrays: sites, documents, events, dated mentions.

A mention is dated by the event it supports (when it lies in an event's quote and names
one of its sites), else by its document's publication day (or month).  Only literal, resolved
mentions of sites a map can pin (not countries, regions or seas) make markers; events
known only to an area are listed apart.
"""

from __future__ import annotations

import json
from typing import IO, Iterable, Iterator

from geo import FORMAT_VERSION
from geo.corpus import Document
from geo.events import STATUSES
from geo.gazetteer import Gazetteer, Site
from geo.geoparse import Mention
from geo.site.store import MapCounts, SiteStore
from geo.site.vocabulary import vocabulary

__all__ = ["COLUMNS", "dated_point_mentions", "write_map_data"]

STATUS_BITS = {status: 1 << i for i, status in enumerate(STATUSES)}  # an event's statuses, as bits of one number
# The rows of the payload's tables are lists, to keep the page's data small; the page
# reads them by these names.
COLUMNS = {
    "docs": ["id", "title", "publisher", "published", "url"],
    "sites": ["id", "name", "kind", "country", "lat", "lon", "geo_precision", "uncertainty_m", "layer", "aliases"],
    # day: of the month (0: known only to the month); start, end: the document's first such
    # mention (its anchor there is #m-<start>-<end>)
    "mentions": ["site", "month", "day", "doc", "count", "start", "end"],
    # places with a page but no marker (countries, regions, seas ...): the search finds them too
    "places": ["id", "name", "kind", "country", "aliases"],
    "events": ["id", "month", "date", "date_end", "time_precision", "type", "actor", "status_bits", "disputed",
               "sites", "weapon", "killed", "wounded", "doc", "area_names", "start", "end"],
}


def month_of(date: str) -> str:
    return date[:7]


def month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def mention_date(m: Mention, doc: Document, quotes: list[tuple[int, int, str, tuple[str, ...]]]) -> str:
    """The date a mention is placed at: its event's (``YYYY-MM-DD``), else its document's
    publication day, or month (``YYYY-MM``) when only that is known (the first month when
    only the year is). ``quotes``: (start, end, date, site ids) of the document's event
    tellings, in event order."""
    for start, end, date, site_ids in quotes:
        if start <= m.start and m.end <= end and m.site_id in site_ids:
            return date
    return doc.published.date.isoformat()[:10 if doc.published.day else 7]


def dated_point_mentions(doc: Document, mentions: list[Mention], quotes: list[tuple[int, int, str, tuple[str, ...]]],
                         gazetteer: Gazetteer) -> dict[tuple[str, str], tuple[int, int, int]]:
    """A document's literal mentions of point sites by (site, date: see mention_date): how
    many, and the start and end of the first (``mentions`` are in text order)."""
    counted: dict[tuple[str, str], tuple[int, int, int]] = {}
    for m in mentions:
        if m.status == "resolved" and m.literal and gazetteer[m.site_id].is_point:
            key = (m.site_id, mention_date(m, doc, quotes))
            n, start, end = counted.get(key, (0, m.start, m.end))
            counted[key] = (n + 1, start, end)
    return counted


def write_map_data(out: IO[str], documents: Iterable[Document], store: SiteStore, counts: MapCounts,
                   gazetteer: Gazetteer) -> list[Site]:
    """Write map-data.js from the build's store, row by row; returns the marker sites.
    ``documents``: the corpus, in id order, read twice (to index them, then to write them)."""
    site_ids, months = counts.sites_and_months()
    types, actors = set(), set()
    for e in store.event_summaries():
        site_ids.update(i for i in e.site_ids if gazetteer[i].is_point)
        months.add(month_of(e.date))
        types.add(e.sub_event_type)
        actors.add(e.actor)
    sites = sorted((gazetteer[i] for i in site_ids), key=lambda s: s.id)
    index = _Indexes(documents, sites, month_range(min(months), max(months)) if months else [], sorted(types),
                     sorted(a for a in actors if a))
    out.write("window.GEO_DATA = ")
    _write_object(out, {
        "format_version": FORMAT_VERSION,
        "columns": COLUMNS,
        "vocabulary": vocabulary(),
        "months": index.months,
        "types": index.types,
        "actors": index.actors,
        "docs": ([d.id, d.title, d.publisher, str(d.published), d.url] for d in documents),
        "sites": ([s.id, s.name, s.kind, s.country, s.lat, s.lon, s.geo_precision, s.uncertainty_m, s.layer,
                   list(s.aliases)] for s in sites),
        "places": ([p.id, p.name, p.kind, p.country, list(p.aliases)]
                   for p in (gazetteer[i] for i in store.page_sites() if i not in index.site)),
        "mentions": ([index.site[site], index.month[month_of(date)], int(date[8:10] or 0), index.doc[doc], n, start, end]
                     for site, date, doc, n, start, end in counts.rows()),
        "events": (row for row, points in _event_rows(store, index, gazetteer) if points),
        "areaEvents": (row for row, points in _event_rows(store, index, gazetteer) if not points),
    })
    out.write(";\n")
    return sites


class _Indexes:
    """Positions in the payload's lists, by which rows refer to documents, sites, months..."""

    def __init__(self, docs: Iterable[Document], sites: list[Site], months: list[str], types: list[str],
                 actors: list[str]):
        self.months, self.types, self.actors = months, types, actors
        self.doc = {d.id: i for i, d in enumerate(docs)}
        self.site = {s.id: i for i, s in enumerate(sites)}
        self.month = {m: i for i, m in enumerate(months)}
        self.type = {t: i for i, t in enumerate(types)}
        self.actor = {a: i for i, a in enumerate(actors)}


def _event_rows(store: SiteStore, index: _Indexes, gazetteer: Gazetteer) -> Iterator[tuple[list, list[int]]]:
    for e in store.event_summaries():
        points = [index.site[i] for i in e.site_ids if i in index.site]
        yield [e.id, index.month[month_of(e.date)], e.date, e.date_end, e.time_precision,
               index.type[e.sub_event_type], index.actor[e.actor] if e.actor else -1,
               sum(STATUS_BITS[s] for s in e.status.split("|")), int(e.disputed), points,
               e.weapon, e.killed, e.wounded, index.doc[e.doc],
               [gazetteer[i].name for i in e.site_ids if i not in index.site], e.start, e.end], points


def _write_object(out: IO[str], members: dict[str, object]) -> None:
    """What ``json.dumps(members, sort_keys=True)`` gives, the members that are lists or
    iterators written item by item."""
    out.write("{")
    for i, key in enumerate(sorted(members)):
        value = members[key]
        out.write((", " if i else "") + json.dumps(key) + ": ")
        if isinstance(value, (list, Iterator)):
            out.write("[")
            for j, item in enumerate(value):
                out.write((", " if j else "") + json.dumps(item, sort_keys=True))
            out.write("]")
        else:
            out.write(json.dumps(value, sort_keys=True))
    out.write("}")
