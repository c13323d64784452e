"""Disk-backed sorting for the streamed events stage.

Event tellings arrive document by document but merge in date order, and records are
written in date order; neither fits in memory for a large corpus.  Both wait in a
temporary SQLite file (standard library), whose ORDER BY sorts on disk in bounded
memory.  The file is removed when the spool closes; a spool left by a run that was
killed outright (SIGKILL, a power cut) is removed by the next run in the same folder.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import socket
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from geo.events import Source

_SCHEMA = """
CREATE TABLE tellings (date TEXT, doc TEXT, start INTEGER, data BLOB);
CREATE TABLE records (date TEXT, id TEXT, data TEXT);
"""


_PREFIX = ".geo-spool-"


class Spool:
    def __init__(self, directory: str | Path | None = None):
        remove_abandoned(Path(directory or tempfile.gettempdir()))
        self._folder = tempfile.TemporaryDirectory(prefix=f"{_PREFIX}{_owner()}-", dir=directory)
        self._db = sqlite3.connect(Path(self._folder.name) / "spool.sqlite", isolation_level=None)
        # a scratch file: no journal, no fsync; a small page cache keeps memory flat
        self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-16000;"
                               + _SCHEMA + "BEGIN;")

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()
        self._folder.cleanup()

    def add_tellings(self, sources: Iterable[Source]) -> None:
        self._db.executemany("INSERT INTO tellings VALUES (?, ?, ?, ?)",
                             ((s.date, s.doc, s.start, pickle.dumps(s, pickle.HIGHEST_PROTOCOL)) for s in sources))

    def tellings(self) -> Iterator[Source]:
        """Every telling, by date, document and offset (geo.merge.telling_order)."""
        for (data,) in self._db.execute("SELECT data FROM tellings ORDER BY date, doc, start"):
            yield pickle.loads(data)

    def add_records(self, records: Iterable[dict]) -> None:
        self._db.executemany("INSERT INTO records VALUES (?, ?, ?)",
                             ((r["date"], r["id"], json.dumps(r, ensure_ascii=False)) for r in records))

    def records(self) -> Iterator[dict]:
        """Every record, by date then id."""
        for (data,) in self._db.execute("SELECT data FROM records ORDER BY date, id"):
            yield json.loads(data)


def _owner(pid: int | None = None) -> str:
    """Who a spool belongs to: host and process (a folder may be shared between hosts)."""
    return f"{socket.gethostname()}-{pid or os.getpid()}"


def remove_abandoned(directory: Path) -> list[Path]:
    """Remove the spools in ``directory`` whose process, on this host, has ended."""
    removed = []
    for folder in directory.glob(f"{_PREFIX}{socket.gethostname()}-*-*"):
        pid = folder.name[len(f"{_PREFIX}{socket.gethostname()}-"):].split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True
