"""Scratch files: folders and SQLite files that live as long as a run.

A scratch folder is named after its host and process (``.geo-spool-HOST-PID-…``), so a
folder left by a run killed outright (SIGKILL, a power cut) is removed by the next run
that makes one in the same place.  Folders are made while SIGINT and SIGTERM wait
(:func:`stops_deferred`), so no moment exists at which a folder is there and the code
that removes it does not yet know of it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import sqlite3
import tempfile
import threading
from pathlib import Path
from typing import Iterator

__all__ = ["alive", "scratch_db", "scratch_folder", "remove_abandoned", "stops_deferred"]

_PREFIX = ".geo-spool-"
_SCRATCH = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-16000;"
_STOPS = (signal.SIGINT, signal.SIGTERM)


def scratch_db(path: Path, schema: str = "") -> sqlite3.Connection:
    """A scratch file: no journal, no fsync; a small page cache keeps memory flat."""
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript(_SCRATCH + schema)
    return db


@contextlib.contextmanager
def stops_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block has ended, then arrive as they would have:
    a folder made in the block is already known to the code that removes it (the
    caller's try).  The stops are held back in Python, not masked: a process-wide signal
    reaches whichever thread does not mask it, and Python runs its handler in the main
    thread whatever that thread masks."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = {stop: signal.signal(stop, lambda signum, frame: pending.append(signum)) for stop in _STOPS}
    try:
        yield
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, signal.SIG_DFL if handler is None else handler)
        for signum in pending:
            signal.raise_signal(signum)


def scratch_folder(directory: Path | None = None) -> Path:
    """A new scratch folder in ``directory`` (default: the system's temporary folder),
    named so that remove_abandoned removes it once its process has ended."""
    directory = Path(directory or tempfile.gettempdir())
    remove_abandoned(directory)
    return Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{_owner()}-", dir=directory))


def _owner(pid: int | None = None) -> str:
    """Who a scratch folder belongs to: host and process (a folder may be shared between hosts)."""
    return f"{socket.gethostname()}-{pid or os.getpid()}"


def remove_abandoned(directory: Path) -> list[Path]:
    """Remove the scratch folders in ``directory`` whose process, on this host, has ended."""
    removed = []
    for folder in directory.glob(f"{_PREFIX}{socket.gethostname()}-*-*"):
        pid = folder.name[len(f"{_PREFIX}{socket.gethostname()}-"):].split("-")[0]
        if pid.isdigit() and not alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def alive(pid: int) -> bool:
    """Whether a process of this host is running."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True
