"""A corpus: a folder of UTF-8 ``.txt`` documents and their manifest ``documents.csv``.

The manifest is validated as a whole before any document is read; document texts are
read one at a time (:meth:`Corpus.read`) so a large corpus is never held in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from geo.errors import InputError, InputErrors

MANIFEST = "documents.csv"
COLUMNS = ("id", "file", "title", "publisher", "author", "published", "url")
REQUIRED = ("id", "file", "title", "publisher", "published", "url")
_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True, slots=True)
class Publication:
    """A publication date known to the day or only to the month."""

    year: int
    month: int
    day: int | None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month"

    @property
    def date(self) -> dt.date:
        """The day, or the first day of the month when only the month is known."""
        return dt.date(self.year, self.month, self.day or 1)

    @property
    def last_possible_day(self) -> dt.date:
        if self.day:
            return self.date
        next_month = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return next_month - dt.timedelta(days=1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


def parse_publication(value: str) -> Publication:
    """Parse ``YYYY-MM-DD`` or ``YYYY-MM``; raise ValueError otherwise."""
    m = _DATE.match(value.strip())
    if not m:
        raise ValueError(f"invalid date {value!r}: expected YYYY-MM-DD or YYYY-MM")
    year, month = int(m.group(1)), int(m.group(2))
    day = int(m.group(3)) if m.group(3) else None
    dt.date(year, month, day or 1)  # raises ValueError for month 13, day 31 of April ...
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


class Corpus:
    def __init__(self, root: Path, documents: list[Document]):
        self.root = root
        self.documents = documents

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def read(self, doc: Document) -> str:
        return read_text(doc.path)

    def texts(self) -> Iterator[tuple[Document, str]]:
        for doc in self.documents:
            yield doc, self.read(doc)

    def by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}


def read_text(path: Path) -> str:
    """The text of a document; a file that is not UTF-8 is an error naming the line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read document: {exc.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(path, f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", line) from None
    return text[1:] if text.startswith("\ufeff") else text


def open_corpus(root: str | Path) -> Corpus:
    """Validate the manifest against the folder; raise InputErrors listing every problem."""
    root = Path(root)
    manifest = root / MANIFEST
    if not root.is_dir():
        raise InputError(root, "corpus folder does not exist")
    if not manifest.is_file():
        raise InputError(manifest, "manifest is missing")
    errors: list[InputError] = []
    documents, listed = _read_manifest(manifest, errors)
    for name in sorted({p.name for p in root.glob("*.txt")} - listed):
        errors.append(InputError(root / name, f"text file has no row in {MANIFEST}"))
    if errors:
        raise InputErrors(errors)
    return Corpus(root, documents)


def _read_manifest(manifest: Path, errors: list[InputError]) -> tuple[list[Document], set[str]]:
    """The valid documents, and every file name the manifest lists (valid row or not)."""
    rows = _manifest_rows(manifest)
    first = next(rows, None)
    if first is None:
        raise InputError(manifest, "manifest is empty", 1)
    header = [h.strip() for h in first[1]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InputError(manifest, f"manifest header lacks column(s): {', '.join(missing)}", 1)
    documents: list[Document] = []
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    listed = set()
    file_column = header.index("file")
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > file_column:
            listed.add(row[file_column].strip())
        doc = _parse_row(manifest, line, header, row, errors)
        if doc is None:
            continue
        if doc.id in seen_ids:
            errors.append(InputError(manifest, f"duplicate id {doc.id!r} (first on line {seen_ids[doc.id]})", line))
            continue
        if doc.file in seen_files:
            errors.append(InputError(manifest, f"file {doc.file!r} listed twice (first on line {seen_files[doc.file]})", line))
            continue
        seen_ids[doc.id] = seen_files[doc.file] = line
        documents.append(doc)
    return documents, listed


def _manifest_rows(manifest: Path) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of each row, read as they come."""
    try:
        with manifest.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            for row in reader:
                yield reader.line_num, row
    except UnicodeDecodeError:
        raise InputError(manifest, "manifest is not UTF-8") from None
    except (OSError, csv.Error) as exc:
        raise InputError(manifest, f"cannot read manifest: {exc}") from None


def _parse_row(manifest: Path, line: int, header: list[str], row: list[str], errors: list[InputError]) -> Document | None:
    if len(row) != len(header):
        errors.append(InputError(manifest, f"expected {len(header)} fields, found {len(row)}", line))
        return None
    record = {h: v.strip() for h, v in zip(header, row)}
    empty = [c for c in REQUIRED if not record[c]]
    if empty:
        errors.append(InputError(manifest, f"missing value for {', '.join(empty)}", line))
        return None
    if not _ID.match(record["id"]):
        errors.append(InputError(manifest, f"invalid id {record['id']!r}", line))
        return None
    try:
        published = parse_publication(record["published"])
    except ValueError as exc:
        errors.append(InputError(manifest, f"published {record['published']!r}: {exc}", line))
        return None
    if Path(record["file"]).name != record["file"] or not (manifest.parent / record["file"]).is_file():
        errors.append(InputError(manifest, f"document file {record['file']!r} does not exist", line))
        return None
    return Document(
        id=record["id"], file=record["file"], title=record["title"], publisher=record["publisher"],
        author=record["author"], published=published, url=record["url"], folder=manifest.parent,
    )
