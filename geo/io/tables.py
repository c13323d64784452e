"""CSV input files read with their line numbers, for errors that name the line."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path
from typing import IO

from geo.errors import InputError


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
    try:
        with _open_text(path) as handle:
            reader = csv.reader(handle)
            rows = [(reader.line_num, row) for row in reader]
    except (OSError, EOFError, UnicodeDecodeError, csv.Error) as exc:
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
