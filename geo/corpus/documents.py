"""Documents: their manifest rows, publication dates, and the one reader of their text."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from geo.errors import InputError

__all__ = ["Document", "Publication", "parse_publication", "read_text"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class Publication:
    """A publication date known to the day, or only to the month or the year."""

    year: int
    month: int | None
    day: int | None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def date(self) -> dt.date:
        """The day, or the first day of the month or year when only that is known."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_possible_day(self) -> dt.date:
        if self.day:
            return self.date
        if not self.month:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])  # December 9999 too

    def __str__(self) -> str:
        return f"{self.year:04d}" + (f"-{self.month:02d}" if self.month else "") + (f"-{self.day:02d}" if self.day else "")


def parse_publication(value: str) -> Publication:
    """Parse ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; raise ValueError otherwise."""
    m = _DATE.match(value.strip())
    if not m:
        raise ValueError(f"invalid date {value!r}: expected YYYY-MM-DD, YYYY-MM or YYYY")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    dt.date(year, month or 1, day or 1)  # raises ValueError for month 13, day 31 of April ...
    return Publication(year, month, day)


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    file: str
    title: str
    publisher: str
    author: str
    published: Publication
    url: str
    folder: Path  # one object shared by the corpus's documents: a large manifest stays small

    @property
    def path(self) -> Path:
        return self.folder / self.file


def read_text(location: str | Path) -> str:
    """The text of a document at a path or a URL (fsspec: ``s3://``, ``https://`` ...),
    without a leading byte-order mark; one that is not UTF-8 is an error naming the line.
    The one reader of documents, wherever they are read, so offsets never differ."""
    data = _read_bytes(location)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(location, f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", line) from None
    return text[1:] if text.startswith("\ufeff") else text


def _read_bytes(location: str | Path) -> bytes:
    try:
        if isinstance(location, str) and "://" in location:
            import fsspec

            with fsspec.open(location, "rb") as handle:
                return handle.read()
        return Path(location).read_bytes()
    except OSError as exc:
        raise InputError(location, f"cannot read document: {exc.strerror or exc}") from None
