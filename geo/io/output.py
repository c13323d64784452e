"""Writers for records: JSON lines or CSV, written atomically (aside, then renamed)."""

from __future__ import annotations

import contextlib
import csv
import os
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Sequence

import orjson

from geo.errors import OutputError


def json_line(value: Any) -> str:
    """``value`` as one line of JSON, non-ASCII characters as they are (orjson: about six
    times as fast as the standard library's encoder, which a large corpus's records felt)."""
    return orjson.dumps(value).decode()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()  # what open() gives a new file (mkstemp's are private): read once, at import


@contextlib.contextmanager
def atomic_output(path: str | Path | None, newline: str | None = None) -> Iterator[IO[str]]:
    """A text stream that replaces ``path`` only if the block completes; stdout for None.
    A file that cannot be written (a full disk, a folder without write permission) is an
    OutputError naming it; the file at ``path`` is then as it was."""
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    path = Path(path)
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        os.fchmod(fd, _FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException as exc:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        if isinstance(exc, (OSError, sqlite3.Error)):  # the spool beside the output too
            reason = f"{exc.strerror}: {exc.filename}" if isinstance(exc, OSError) and exc.filename else \
                getattr(exc, "strerror", None) or str(exc)
            raise OutputError(path, f"cannot write it: {reason}; the file there is as it was") from exc
        raise


def write_records(records: Iterable[dict], fields: tuple[str, ...], fmt: str, out: IO[str]) -> int:
    """Write records as ``jsonl`` or ``csv``; returns how many."""
    count = 0
    if fmt == "jsonl":
        for record in records:
            out.write(json_line(record) + "\n")
            count += 1
    elif fmt == "csv":
        count = CsvRecords(fields, out).write(records)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return count


class CsvWriter:
    """``csv.writer`` with rows ending in "\\n", that also quotes a cell holding a carriage
    return.  The csv module quotes the characters of its line terminator only, and a
    reader (the csv module, pandas, a spreadsheet) ends a row at a lone "\\r" (a text with
    old Mac line ends, a title with a stray one): such a row is written with every cell
    quoted, and the bytes of every other row are the same as before."""

    def __init__(self, out: IO[str]):
        self._plain = csv.writer(out, lineterminator="\n")
        self._quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, row: Sequence) -> None:
        (self._quoted if _has_return(row) else self._plain).writerow(row)

    def writerows(self, rows: Sequence[Sequence]) -> None:
        if not any(map(_has_return, rows)):
            self._plain.writerows(rows)
            return
        for row in rows:
            self.writerow(row)


def _has_return(row: Sequence) -> bool:
    return any("\r" in v for v in row if v.__class__ is str)


class CsvRecords:
    """A CSV file of records, written in as many batches as they come: the fields of each
    record in the header's order (a missing value empty, a boolean true or false)."""

    def __init__(self, fields: tuple[str, ...], out: IO[str]):
        self._fields = fields
        self._writer = CsvWriter(out)
        self._writer.writerow(fields)

    def write(self, records: Iterable[dict]) -> int:
        rows = [[("true" if v else "false") if isinstance(v, bool) else "" if v is None else v
                 for v in map(record.get, self._fields)] for record in records]
        self._writer.writerows(rows)
        return len(rows)
