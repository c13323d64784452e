"""What the site build keeps on disk between its passes (SQLite files in the run's spool).

The site is written in passes: documents are processed one at a time, then the events are
merged, then each document page, each site page and the map data are written.  Each page
needs a slice of the corpus's mentions or events (one document's, one site's); here they
wait on disk, indexed by document and by site, so the build's memory does not grow with
the corpus.  Once indexed, the store is read by any number of processes (``--jobs``).
"""

from __future__ import annotations

import json
import pickle
from itertools import groupby
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

import geo.site.pages as pages  # PER_PAGE read when the store is indexed (tests change it)
from geo.corpus import Document
from geo.events import EventRecord
from geo.geoparse import FIELDS as MENTION_FIELDS
from geo.geoparse import Mention
from geo.io import scratch_db
from geo.site.pages import SiteTotals

__all__ = ["EventSummary", "MapCounts", "SiteStore"]

_SCHEMA = """
CREATE TABLE mentions (doc TEXT, site TEXT, data BLOB);  -- site: set for literal, resolved mentions
CREATE TABLE events (seq INTEGER PRIMARY KEY, data TEXT, summary BLOB);  -- in record order (date, id)
CREATE TABLE event_sites (site TEXT, seq INTEGER);
CREATE TABLE quotes (doc TEXT, start INTEGER, end INTEGER, date TEXT, site_ids TEXT);  -- in event order
CREATE TABLE documents (doc TEXT PRIMARY KEY, published TEXT);  -- YYYY-MM-DD or YYYY-MM: sorts as text
"""
_INDEXES = """
CREATE INDEX mentions_by_doc ON mentions (doc);
CREATE INDEX mentions_by_site ON mentions (site);
CREATE INDEX event_sites_by_site ON event_sites (site);
CREATE INDEX quotes_by_doc ON quotes (doc);
"""
# The page of a site's pages that lists a document's mentions of it: the site's events come
# first, then one entry per citing document, by publication then id (site_pages), PER_PAGE a page.
_ENTRY_PAGES = """
CREATE TABLE entry_pages AS
SELECT c.site AS site, c.doc AS doc,
       (coalesce(e.n, 0) + DENSE_RANK() OVER (PARTITION BY c.site ORDER BY d.published, c.doc) - 1) / {per_page} + 1
       AS page
FROM (SELECT DISTINCT site, doc FROM mentions WHERE site IS NOT NULL) c
JOIN documents d ON d.doc = c.doc
LEFT JOIN (SELECT site, count(*) AS n FROM event_sites GROUP BY site) e ON e.site = c.site;
CREATE INDEX entry_pages_by_doc ON entry_pages (doc);
"""
_fields = attrgetter(*MENTION_FIELDS)


class SiteStore:
    def __init__(self, path: Path, create: bool = True):
        """A new store, or (``create=False``) one another process has indexed, to read."""
        self.path = path
        self._db = scratch_db(path, _SCHEMA + "BEGIN;" if create else "")
        self.mentions = 0
        self.events = 0

    def close(self) -> None:
        self._db.close()

    def add_mentions(self, mentions: list[Mention]) -> None:
        self._db.executemany("INSERT INTO mentions VALUES (?, ?, ?)", (
            (m.doc, m.site_id if m.status == "resolved" and m.literal else None,
             pickle.dumps(_fields(m), pickle.HIGHEST_PROTOCOL)) for m in mentions))
        self.mentions += len(mentions)

    def add_events(self, records: Iterable[str]) -> None:
        """Event records as JSON text, in their order (date, id)."""
        for seq, text in enumerate(records, self.events):
            r = json.loads(text)
            self._db.execute("INSERT INTO events VALUES (?, ?, ?)", (seq, text, pickle.dumps(
                EventSummary(*(r[f] for f in EventSummary._fields)), pickle.HIGHEST_PROTOCOL)))
            self._db.executemany("INSERT INTO event_sites VALUES (?, ?)", ((s, seq) for s in dict.fromkeys(r["site_ids"])))
            self._db.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?)", (
                (s["doc"], s["start"], s["end"], s["date"], "|".join(s["site_ids"])) for s in r["sources"]))
            self.events = seq + 1

    def add_documents(self, documents: Iterable[Document]) -> None:
        """The corpus's documents, with what a site page lists them by: publication, then id."""
        self._db.executemany("INSERT INTO documents VALUES (?, ?)", ((d.id, str(d.published)) for d in documents))

    def index(self) -> None:
        """Index what was added by document and site (faster once loaded); from then on
        the store is read-only, and other processes may open it."""
        self._db.execute("COMMIT")
        self._db.executescript(_INDEXES + _ENTRY_PAGES.format(per_page=int(pages.PER_PAGE)))

    def document_mentions(self, doc: str) -> list[Mention]:
        return _mentions(self._db.execute("SELECT data FROM mentions WHERE doc = ? ORDER BY rowid", (doc,)))

    def document_quotes(self, doc: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
        """(start, end, date, site ids) of the event tellings quoted from a document, in event order."""
        rows = self._db.execute("SELECT start, end, date, site_ids FROM quotes WHERE doc = ? ORDER BY rowid", (doc,))
        return [(start, end, date, tuple(sites.split("|")) if sites else ()) for start, end, date, sites in rows]

    def entry_pages(self, doc: str) -> dict[str, int]:
        """Site -> the number of that site's page that lists this document's mentions of it."""
        return dict(self._db.execute("SELECT site, page FROM entry_pages WHERE doc = ?", (doc,)))

    def site_totals(self, site: str) -> SiteTotals:
        (events,), = self._db.execute("SELECT count(*) FROM event_sites WHERE site = ?", (site,))
        (mentions, documents), = self._db.execute("SELECT count(*), count(DISTINCT doc) FROM mentions WHERE site = ?",
                                                  (site,))
        return SiteTotals(events, mentions, documents)

    def site_events(self, site: str) -> Iterator[EventRecord]:
        """A site's events, in record order."""
        rows = self._db.execute("SELECT e.data FROM event_sites s JOIN events e ON e.seq = s.seq "
                                "WHERE s.site = ? ORDER BY s.seq", (site,))
        for text, in rows:
            yield json.loads(text)

    def site_mention_groups(self, site: str) -> Iterator[tuple[str, list[Mention]]]:
        """A site's literal, resolved mentions, grouped by document: documents by publication then id,
        mentions in text order."""
        rows = self._db.execute("SELECT m.doc, m.data FROM mentions m JOIN documents d ON d.doc = m.doc "
                                "WHERE m.site = ? ORDER BY d.published, d.doc, m.rowid", (site,))
        for doc, group in groupby(rows, key=itemgetter(0)):
            yield doc, _mentions((data,) for _, data in group)

    def all_events(self) -> Iterator[EventRecord]:
        for text, in self._db.execute("SELECT data FROM events ORDER BY seq"):
            yield json.loads(text)

    def event_summaries(self) -> Iterator[EventSummary]:
        """What the map shows of every event, in record order: far cheaper to read than
        the records, whose quotes and tellings the map does not show."""
        for data, in self._db.execute("SELECT summary FROM events ORDER BY seq"):
            yield EventSummary(*pickle.loads(data))

    def page_sites(self) -> list[str]:
        """Sites with a literal mention or an event: each gets a page."""
        rows = self._db.execute("SELECT site FROM mentions WHERE site IS NOT NULL "
                                "UNION SELECT site FROM event_sites ORDER BY site")
        return [site for site, in rows]


class EventSummary(NamedTuple):
    """The fields of an event record that the map shows."""

    id: str
    date: str
    date_end: str
    time_precision: str
    sub_event_type: str
    actor: str
    status: str
    disputed: bool
    site_ids: list[str]
    weapon: str
    killed: int | None
    wounded: int | None
    doc: str
    start: int  # the quote of the event's first telling, in its document
    end: int


class MapCounts:
    """The map's dated point mentions, (site, date, document) -> how many, and where the
    first is, in a file of their own: they are written while other processes read the store.
    A date is a day (YYYY-MM-DD) or, known only to the month, YYYY-MM."""

    def __init__(self, path: Path):
        self._db = scratch_db(path, "CREATE TABLE counts (site TEXT, date TEXT, doc TEXT, n INTEGER, start INTEGER, "
                                    "end_ INTEGER); BEGIN;")

    def close(self) -> None:
        self._db.close()

    def add(self, doc: str, counts: dict[tuple[str, str], tuple[int, int, int]]) -> None:
        """A document's counts: (site, date) -> how many, the first's start and end."""
        self._db.executemany("INSERT INTO counts VALUES (?, ?, ?, ?, ?, ?)",
                             ((site, date, doc, *first) for (site, date), first in counts.items()))

    def rows(self) -> Iterator[tuple[str, str, str, int, int, int]]:
        """(site, date, doc, mentions, first start, first end), sorted."""
        yield from self._db.execute("SELECT site, date, doc, n, start, end_ FROM counts ORDER BY site, date, doc")

    def sites_and_months(self) -> tuple[set[str], set[str]]:
        sites = {site for site, in self._db.execute("SELECT DISTINCT site FROM counts")}
        months = {date[:7] for date, in self._db.execute("SELECT DISTINCT date FROM counts")}
        return sites, months


def _mentions(rows) -> list[Mention]:
    return [Mention(*pickle.loads(data)) for data, in rows]
