"""``geo build``: the static site — a folium/Leaflet map, site pages, document pages, data.

The site is built in a folder beside the target and put in its place in one atomic step
only when complete, one build at a time (geo.site.publish), so a failing, stopped or
killed build leaves the previous site as it was.  Two builds of the same inputs are
byte-identical: folium's element ids are fixed and every collection is sorted.

    site/index.html            the map (Leaflet from xstatic-leaflet, supercluster from geo/site/vendor,
                               both copied into lib/)
    site/sites/<id>.html       cited mentions and events of each site (a much-cited site in
                               parts of 200 entries: <id>-2.html, ...)
    site/docs/<id>.html        each document, mentions highlighted and anchored
    site/data/                 sites.geojson, events.geojson, events.csv, mentions.csv, documents.csv,
                               map-data.js (what the map page loads)
"""

from __future__ import annotations

import json
import shutil
from functools import partial
from pathlib import Path
from typing import Iterable

import xstatic.pkg.leaflet as xstatic_leaflet

from geo import FORMAT_VERSION
from geo.corpus import Corpus, Document
from geo.engine import EngineConfig, batches, process_pool, run_documents
from geo.events import document_output, events_out, read_curated, spooled_event_lines
from geo.events.curated import Curation, without_curated
from geo.events.spool import TellingSpool, open_spool
from geo.gazetteer import Gazetteer, Site
from geo.geoparse import FIELDS as MENTION_FIELDS
from geo.geoparse import GeoparserSpec, geoparser_for
from geo.io import CsvRecords
from geo.site.mapdata import dated_point_mentions, write_map_data
from geo.site.mappage import map_html
from geo.site.pages import about_pages, document_page, site_pages
from geo.site.publish import publishing
from geo.site.store import MapCounts, SiteStore

__all__ = ["build_site"]

ASSETS = Path(__file__).resolve().parent / "assets"
VENDOR = Path(__file__).resolve().parent / "vendor"  # libraries from the npm registry, checked in (see their SOURCE.md)
PAGE_BATCH = 64  # pages per task when pages are written by several processes


def build_site(corpus: Corpus, out: str | Path, spec: GeoparserSpec = GeoparserSpec(),
               config: EngineConfig = EngineConfig()) -> dict[str, int]:
    """Build the whole site for ``corpus`` into ``out`` atomically; returns counts."""
    curations = read_curated(corpus, geoparser_for(spec).gazetteer)  # a bad row stops the build before any work
    with publishing(out) as work:  # one build at a time; swapped in for out in one step (geo.site.publish)
        with open_spool(work.parent) as spool:
            return _write_site(work, corpus, spec, curations, spool, config)


def _write_site(root: Path, corpus: Corpus, spec: GeoparserSpec, curations: list[Curation], spool: TellingSpool,
                config: EngineConfig) -> dict[str, int]:
    """The site in passes over a store on disk (geo.site.store): the documents are processed
    one at a time, the events merged, then each page is written from its own slice."""
    gazetteer = geoparser_for(spec).gazetteer
    _copy_assets(root)
    store = SiteStore(spool.folder / "site.sqlite")
    counts = MapCounts(spool.folder / "counts.sqlite")
    try:
        with _open(root / "data" / "mentions.csv") as mentions_csv:
            _process_documents(corpus, spec, curations, spool, store, CsvRecords(MENTION_FIELDS, mentions_csv),
                               config)
        store.add_events(spooled_event_lines(spool, curations, spec, config.jobs))
        store.add_documents(corpus)
        store.index()
        page_sites = _write_pages(root, corpus, store, counts, gazetteer, config.jobs)
        with _open(root / "data" / "map-data.js") as out:
            sites = write_map_data(out, corpus, store, counts, gazetteer)
        _write(root / "index.html", map_html(sites))
        for name, html in about_pages(list(corpus), [(gazetteer[i], store.site_totals(i)) for i in store.page_sites()],
                                      store.events, sites):
            _write(root / "pages" / name, html)
        _write_data(root / "data", store, sites, gazetteer)
        shutil.copyfile(corpus.root / "documents.csv", root / "data" / "documents.csv")
        return {"documents": len(corpus), "mentions": store.mentions, "events": store.events,
                "markers": len(sites), "site_pages": page_sites}
    finally:
        store.close()
        counts.close()


def _copy_assets(root: Path) -> None:
    for folder in ("sites", "docs", "pages", "data", "assets", "lib"):
        (root / folder).mkdir()
    shutil.copytree(xstatic_leaflet.BASE_DIR, root / "lib" / "leaflet",
                    ignore=shutil.ignore_patterns("*.map", "*esm*", "leaflet-src.js"))
    for asset in sorted(a for a in ASSETS.iterdir() if a.suffix in (".js", ".css")):
        shutil.copyfile(asset, root / "assets" / asset.name)
    for library in sorted(VENDOR.iterdir()):
        shutil.copytree(library, root / "lib" / library.name, ignore=shutil.ignore_patterns("SOURCE.md"))


def _process_documents(corpus: Corpus, spec: GeoparserSpec, curations: list[Curation], spool: TellingSpool,
                       store: SiteStore, mentions_csv: CsvRecords, config: EngineConfig) -> None:
    """Each document's mentions to the store and mentions.csv, its tellings to the spool."""
    for result in run_documents(corpus, partial(document_output, spec), config):
        spool.add_tellings(without_curated(result.tellings, curations))
        store.add_mentions(result.mentions)
        mentions_csv.write(m.as_record() for m in result.mentions)


def _write_pages(root: Path, corpus: Corpus, store: SiteStore, counts: MapCounts, gazetteer: Gazetteer,
                 jobs: int) -> int:
    """Every document page and site page, spread over ``jobs`` processes; the documents'
    dated point mentions go to ``counts``.  Returns how many site page files."""
    sites = store.page_sites()
    if jobs <= 1:
        writer = PageWriter(root, corpus, store, gazetteer)
        _add_counts(counts, map(writer.document_pages, batches(corpus, PAGE_BATCH)))
        return writer.site_pages(sites)
    with process_pool(jobs, _start_page_writer, (root, corpus, store.path, gazetteer)) as pool:
        _add_counts(counts, pool.imap(_document_pages, batches(corpus, PAGE_BATCH)))
        # small batches: sites differ in size
        return sum(pool.imap_unordered(_site_pages, batches(sites, 16)))


def _add_counts(counts: MapCounts, results: Iterable[list[tuple[str, dict]]]) -> None:
    for batch in results:
        for doc_id, counted in batch:
            counts.add(doc_id, counted)


class PageWriter:
    """Writes document and site pages from an indexed store: in the building process, or
    one in each worker process."""

    def __init__(self, root: Path, corpus: Corpus, store: SiteStore, gazetteer: Gazetteer):
        self.root, self.corpus, self.store, self.gazetteer = root, corpus, store, gazetteer
        self.docs = corpus.by_id()

    def document_pages(self, documents: list[Document]) -> list[tuple[str, dict]]:
        """Each document's page; returns each one's dated point mentions, for the map."""
        counted = []
        for doc in documents:
            mentions, quotes = self.store.document_mentions(doc.id), self.store.document_quotes(doc.id)
            _write(self.root / "docs" / f"{doc.id}.html",
                   document_page(doc, self.corpus.read(doc), mentions, [(s, e) for s, e, _, _ in quotes],
                                 self.gazetteer, self.store.entry_pages(doc.id)))
            counted.append((doc.id, dated_point_mentions(doc, mentions, quotes, self.gazetteer)))
        return counted

    def site_pages(self, site_ids: list[str]) -> int:
        """Each site's pages; returns how many files."""
        files, store = 0, self.store
        for site_id in site_ids:
            for name, html in site_pages(self.gazetteer[site_id], store.site_events(site_id),
                                         store.site_mention_groups(site_id), store.site_totals(site_id), self.docs,
                                         self.gazetteer):
                _write(self.root / "sites" / name, html)
                files += 1
        return files


_page_writer: PageWriter  # a worker process's own, made by _start_page_writer


def _start_page_writer(root: Path, corpus: Corpus, store_path: Path, gazetteer: Gazetteer) -> None:
    global _page_writer
    _page_writer = PageWriter(root, corpus, SiteStore(store_path, create=False), gazetteer)


def _document_pages(documents: list[Document]) -> list[tuple[str, dict]]:
    return _page_writer.document_pages(documents)


def _site_pages(site_ids: list[str]) -> int:
    return _page_writer.site_pages(site_ids)


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def _open(path: Path):
    return path.open("w", encoding="utf-8", newline="\n")


def _write_data(folder: Path, store: SiteStore, sites: list[Site], gazetteer: Gazetteer) -> None:
    with _open(folder / "events.csv") as csv_file, _open(folder / "events.geojson") as geojson_file:
        outputs = [events_out("csv", csv_file, gazetteer), events_out("geojson", geojson_file, gazetteer)]
        for record in store.all_events():  # read once for both
            for output in outputs:
                output.add(record)
        for output in outputs:
            output.close()
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [s.lon, s.lat]},
                 "properties": {"id": s.id, "name": s.name, "kind": s.kind, "country": s.country,
                                "geo_precision": s.geo_precision, "uncertainty_m": s.uncertainty_m, "layer": s.layer,
                                "aliases": "|".join(s.aliases), "source": s.source}} for s in sites]
    collection = {"type": "FeatureCollection", "format_version": FORMAT_VERSION, "features": features}
    _write(folder / "sites.geojson", json.dumps(collection, ensure_ascii=False, indent=1) + "\n")
