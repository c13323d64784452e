"""CSV input files read with their line numbers, for errors that name the line."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path
from typing import IO

from geo.errors import InputError

__all__ = ["read_rows", "undecodable"]


def undecodable(path: Path) -> tuple[int, str]:
    """Where a file that is not UTF-8 first goes wrong: its line and what is there
    ("byte 0xe9 at offset 3"), for an error that names the line.  Read line by line, in
    bytes: a newline is never part of a UTF-8 sequence."""
    opener = gzip.open if path.suffix == ".gz" else open
    offset = 0
    with opener(path, "rb") as handle:
        for line, raw in enumerate(handle, 1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                return line, f"byte 0x{raw[exc.start]:02x} at offset {offset + exc.start}"
            offset += len(raw)
    return 1, "an undecodable byte"  # not reached for a file that failed to decode


def _open_text(path: Path) -> IO[str]:
    """A CSV file's text, gzip-compressed when its name ends in .gz."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def read_rows(path: Path, columns: tuple[str, ...], exact: bool = False,
              verbatim: tuple[str, ...] = ()) -> list[tuple[int, dict[str, str]]]:
    """(line, row) for each non-empty row.  The header must hold ``columns`` (exactly, if
    ``exact``).  Cells are stripped of surrounding spaces, except the ``verbatim`` ones
    (a quote must match its document as written)."""
    rows: list[tuple[int, list[str]]] = []
    try:
        with _open_text(path) as handle:
            reader = csv.reader(handle)
            rows.extend((reader.line_num, row) for row in reader)
    except UnicodeDecodeError:
        line, where = undecodable(path)
        raise InputError(path, f"not UTF-8 ({where})", line) from None
    except csv.Error as exc:  # a field over the csv module's limit ...: the line it was read to
        raise InputError(path, f"cannot read: {exc}", reader.line_num) from None
    except (OSError, EOFError) as exc:
        raise InputError(path, f"cannot read: {exc}") from None
    header = tuple(h.strip() for h in rows[0][1]) if rows else ()
    if (exact and header != columns) or not set(columns) <= set(header):
        raise InputError(path, f"header must be{'' if exact else ' at least'}: {','.join(columns)}", 1)
    records = []
    for line, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(path, f"expected {len(header)} fields, found {len(row)}", line)
        records.append((line, {h: (v if h in verbatim else v.strip()) for h, v in zip(header, row)}))
    return records
