"""Disk-backed sorting for the streamed events stage.

Event tellings arrive document by document but merge in date order, and records are
written in date order; neither fits in memory for a large corpus.  Both wait in
temporary SQLite files (standard library), whose ORDER BY sorts on disk in bounded
memory: one file of tellings, and one of records per merge group (geo.events.stage).
The files are removed when the spool closes; a spool left by a run that was killed
outright (SIGKILL, a power cut) is removed by the next run in the same folder.
"""

from __future__ import annotations

import contextlib
import pickle
import shutil
import sqlite3
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from geo.events.model import EventRecord, Telling, family
from geo.io.output import json_line
from geo.io.scratch import scratch_db, scratch_folder, stops_deferred

__all__ = ["RecordsFile", "SpooledTelling", "TellingSpool", "open_spool", "read_tellings"]


class SpooledTelling(NamedTuple):
    """A telling ready for the spool, made where it was extracted (a worker process), so
    the process that spools it neither decodes nor encodes it again."""

    family: str
    date: str
    doc: str
    start: int
    end: int
    data: bytes  # the pickled Telling

    @classmethod
    def of(cls, s: Telling) -> "SpooledTelling":
        return cls(family(s.kind), s.date, s.doc, s.start, s.end, pickle.dumps(s, pickle.HIGHEST_PROTOCOL))


@contextlib.contextmanager
def open_spool(directory: str | Path | None = None) -> Iterator[TellingSpool]:
    """A spool in a new scratch folder in ``directory`` (default: the system's temporary
    folder), removed when the block ends.  The folder is made while a stop (SIGINT,
    SIGTERM) waits, so that no moment exists at which the folder is there and its removal
    is not yet due."""
    folder: Path | None = None
    spool: TellingSpool | None = None
    try:
        with stops_deferred():  # a stop that waited is raised as this block ends
            folder = scratch_folder(Path(directory) if directory else None)
            spool = TellingSpool(folder)
        yield spool
    finally:
        if spool is not None:
            spool.close()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


class TellingSpool:
    """The tellings of a run, and the records files the merge writes, in a scratch folder
    (see :func:`open_spool`)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._db = scratch_db(folder / "tellings.sqlite",
                              "CREATE TABLE tellings (family TEXT, date TEXT, doc TEXT, start INTEGER, data BLOB); BEGIN;")

    def close(self) -> None:
        self._db.close()

    def add_tellings(self, tellings: Iterable[Telling | SpooledTelling]) -> None:
        self._db.executemany("INSERT INTO tellings VALUES (?, ?, ?, ?, ?)",
                             ((t.family, t.date, t.doc, t.start, t.data) for t in map(_spooled, tellings)))

    def families(self) -> dict[str, int]:
        """How many tellings of each family (geo.events.model.family); the tellings are
        committed first, so other processes can read them."""
        if self._db.in_transaction:
            self._db.execute("COMMIT")
        return dict(self._db.execute("SELECT family, count(*) FROM tellings GROUP BY family ORDER BY family"))

    def tellings(self, families: Iterable[str] | None = None) -> Iterator[Telling]:
        """The tellings (of some families), by date, document and offset (geo.events.merge.telling_order)."""
        return read_tellings(self.folder, families, self._db)


def _spooled(t: Telling | SpooledTelling) -> SpooledTelling:
    return t if isinstance(t, SpooledTelling) else SpooledTelling.of(t)


def read_tellings(folder: Path, families: Iterable[str] | None = None,
                  db: sqlite3.Connection | None = None) -> Iterator[Telling]:
    """A spool's tellings, read from any process once TellingSpool.families() has committed them."""
    own = db is None
    db = db or scratch_db(folder / "tellings.sqlite")
    where, values = "", tuple[str, ...]()
    if families is not None:
        values = tuple(families)
        where = f"WHERE family IN ({', '.join('?' * len(values))})"
    try:
        for (data,) in db.execute(f"SELECT data FROM tellings {where} ORDER BY date, doc, start", values):
            yield pickle.loads(data)
    finally:
        if own:
            db.close()


class RecordsFile:
    """Event records on disk, given back sorted by date then id, as JSON text."""

    def __init__(self, path: Path):
        self.path = path
        self._db = scratch_db(path, "CREATE TABLE IF NOT EXISTS records (date TEXT, id TEXT, data TEXT);")

    def add(self, records: Iterable[EventRecord]) -> None:
        self._db.execute("BEGIN")
        self._db.executemany("INSERT INTO records VALUES (?, ?, ?)",
                             ((r["date"], r["id"], json_line(r)) for r in records))
        self._db.execute("COMMIT")

    def lines(self) -> Iterator[tuple[str, str, str]]:
        """(date, id, JSON text) of every record, by date then id."""
        yield from self._db.execute("SELECT date, id, data FROM records ORDER BY date, id")

    def close(self) -> None:
        self._db.close()
