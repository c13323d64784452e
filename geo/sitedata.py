"""What the map page needs, in compact arrays: sites, documents, events, dated mentions.

A mention is dated by the event it supports (when it lies in an event's quote and names
one of its sites), else by its document's publication month.  Only literal, resolved
mentions of sites a map can pin (not countries, regions or seas) make markers; events
known only to an area are listed apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from geo.corpus import Document
from geo.gazetteer import Gazetteer, Site
from geo.geoparse import Mention

STATUS_BITS = {"claimed": 1, "confirmed": 2, "reported": 4}


@dataclass
class MapData:
    sites: list[Site]  # the sites that get a marker, in payload order
    payload: dict  # what map-data.js carries


def month_of(date: str) -> str:
    return date[:7]


def month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def mention_month(m: Mention, doc: Document, quotes: dict[str, list[tuple[int, int, str, tuple]]]) -> str:
    for start, end, date, site_ids in quotes.get(m.doc, ()):
        if start <= m.start and m.end <= end and m.site_id in site_ids:
            return month_of(date)
    return str(doc.published)[:7]


def build_map_data(documents: list[Document], mentions: list[Mention], events: list[dict],
                   gazetteer: Gazetteer) -> MapData:
    docs = sorted(documents, key=lambda d: d.id)
    doc_index = {d.id: i for i, d in enumerate(docs)}
    by_id = {d.id: d for d in docs}
    quotes = defaultdict(list)
    for e in events:
        for s in e["sources"]:
            quotes[s["doc"]].append((s["start"], s["end"], s["date"], tuple(s["site_ids"])))
    counted: Counter = Counter()  # (site, month, doc) -> mentions
    for m in mentions:
        if m.status == "resolved" and m.literal and gazetteer[m.site_id].is_point:
            counted[(m.site_id, mention_month(m, by_id[m.doc], quotes), m.doc)] += 1
    site_ids = {site for site, _, _ in counted}
    for e in events:
        site_ids.update(i for i in e["site_ids"] if gazetteer[i].is_point)
    sites = sorted((gazetteer[i] for i in site_ids), key=lambda s: s.id)
    site_index = {s.id: i for i, s in enumerate(sites)}
    all_months = {month for _, month, _ in counted} | {month_of(e["date"]) for e in events}
    months = month_range(min(all_months), max(all_months)) if all_months else []
    month_index = {m: i for i, m in enumerate(months)}
    types = sorted({e["sub_event_type"] for e in events})
    actors = sorted({e["actor"] for e in events if e["actor"]})
    mention_rows = [[site_index[site], month_index[month], doc_index[doc], n]
                    for (site, month, doc), n in sorted(counted.items())]
    event_rows, area_events = [], []
    for e in events:
        points = [site_index[i] for i in e["site_ids"] if i in site_index]
        row = [e["id"], month_index[month_of(e["date"])], e["date"], e["date_end"], e["time_precision"],
               types.index(e["sub_event_type"]), actors.index(e["actor"]) if e["actor"] else -1,
               sum(STATUS_BITS[s] for s in e["status"].split("|")), int(e["disputed"]), points,
               e["weapon"], e["killed"], e["wounded"], doc_index[e["doc"]],
               [gazetteer[i].name for i in e["site_ids"] if i not in site_index]]
        (event_rows if points else area_events).append(row)
    payload = {
        "months": months,
        "types": types,
        "actors": actors,
        "docs": [[d.id, d.title, d.publisher, str(d.published), d.url] for d in docs],
        "sites": [[s.id, s.name, s.kind, s.country, s.lat, s.lon, s.geo_precision, s.uncertainty_m, s.layer,
                   list(s.aliases)] for s in sites],
        "mentions": mention_rows,
        "events": event_rows,
        "areaEvents": area_events,
    }
    return MapData(sites, payload)
