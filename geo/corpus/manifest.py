"""A corpus: a folder of UTF-8 ``.txt`` documents and their manifest ``documents.csv``.

The manifest is validated as a whole before any document is read; document texts are
read one at a time (:meth:`Corpus.read`) so a large corpus is never held in memory.  Nor
is the manifest: its valid rows go to an index on disk (SQLite, in a scratch folder that
lives as long as the corpus), from which documents come back in id order or by id.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import sqlite3
import tempfile
import weakref
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from geo.corpus.documents import Document, parse_publication, read_text
from geo.errors import InputError, InputErrors, OutputError
from geo.io.scratch import scratch_folder
from geo.io.tables import undecodable

__all__ = ["COLUMNS", "MANIFEST", "MAX_DOCUMENT_MB", "Corpus", "DocumentsById", "open_corpus"]

MANIFEST = "documents.csv"
COLUMNS = ("id", "file", "title", "publisher", "author", "published", "url")
REQUIRED = ("id", "file", "title", "publisher", "published", "url")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# A document's work (its normal form, matches, mentions, page) is held in memory whole, at
# some 70 bytes a character (a 20 MB text: 40 s and 1.4 GB): a larger file is refused
# before any work, as most likely not one news text (split it, or raise the limit).
MAX_DOCUMENT_MB = 10


_INDEX_SCHEMA = """
PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
CREATE TABLE documents (id TEXT PRIMARY KEY, file TEXT UNIQUE, title TEXT, publisher TEXT, author TEXT,
                        published TEXT, url TEXT, line INTEGER);
CREATE TABLE listed (file TEXT PRIMARY KEY);  -- every file the manifest names, valid row or not
CREATE TABLE present (file TEXT);  -- the folder's .txt files
BEGIN;
"""
_DOCUMENT_COLUMNS = "id, file, title, publisher, author, published, url"
DOCUMENTS_REMEMBERED = 8192


class Corpus:
    """A validated corpus.  Documents come from the manifest's index on disk, so neither
    iterating nor looking up holds the manifest in memory; the index is removed along
    with the corpus object that made it."""

    def __init__(self, root: Path, index: Path, count: int):
        self.root, self.index, self._count = root, index, count
        self._lookup: tuple[int, sqlite3.Connection] | None = None
        # site pages ask for the same documents again and again
        self.get = lru_cache(maxsize=DOCUMENTS_REMEMBERED)(self._get)

    def __getstate__(self) -> dict:  # a worker process reopens the index
        return {"root": self.root, "index": self.index, "count": self._count}

    def __setstate__(self, state: dict) -> None:
        Corpus.__init__(self, state["root"], state["index"], state["count"])

    def __iter__(self) -> Iterator[Document]:
        """The documents in id order, read from the index as they are asked for."""
        db = self._connect()
        try:
            for row in db.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY id"):
                yield self._document(row)
        finally:
            db.close()

    def __len__(self) -> int:
        return self._count

    def _get(self, doc_id: str) -> Document | None:
        """The document with this id, if any (``get`` remembers the latest ones)."""
        if self._lookup is None or self._lookup[0] != os.getpid():
            self._lookup = (os.getpid(), self._connect())
        row = self._lookup[1].execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return self._document(row) if row else None

    def read(self, doc: Document) -> str:
        return read_text(doc.path)

    def by_id(self) -> "DocumentsById":
        return DocumentsById(self)

    def _connect(self) -> sqlite3.Connection:
        # its own connection per iteration and per process: a pool's feeder thread or a
        # forked worker may be the one reading
        return sqlite3.connect(f"file:{self.index}?mode=ro", uri=True, check_same_thread=False)

    def _document(self, row: tuple) -> Document:
        doc_id, file, title, publisher, author, published, url = row
        return Document(id=doc_id, file=file, title=title, publisher=publisher, author=author,
                        published=parse_publication(published), url=url, folder=self.root)


class DocumentsById(Mapping):
    """The corpus's documents by id, looked up in its index."""

    def __init__(self, corpus: Corpus):
        self._corpus = corpus

    def __getitem__(self, doc_id: str) -> Document:
        doc = self._corpus.get(doc_id)
        if doc is None:
            raise KeyError(doc_id)
        return doc

    def __iter__(self) -> Iterator[str]:
        return (d.id for d in self._corpus)

    def __len__(self) -> int:
        return len(self._corpus)


def open_corpus(root: str | Path, max_document_mb: float = MAX_DOCUMENT_MB) -> Corpus:
    """Validate the manifest against the folder; raise InputErrors listing every problem.
    A document file must be in the folder (a link to a file elsewhere is refused) and
    hold at most ``max_document_mb`` megabytes (10⁶ bytes)."""
    root = Path(root)
    manifest = root / MANIFEST
    if not root.is_dir():
        raise InputError(root, "corpus folder does not exist")
    if not manifest.is_file():
        raise InputError(manifest, "manifest is missing")
    try:
        folder = scratch_folder()  # in the system's temporary folder
    except OSError as exc:
        raise OutputError(tempfile.gettempdir(), f"cannot make a folder for the manifest's index: {exc.strerror}") from None
    index = folder / "manifest.sqlite"
    try:
        count = _index_manifest(root, manifest, index, max_document_mb)
    except BaseException as exc:
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(exc, sqlite3.Error):  # a full disk (TMPDIR may name another folder)
            raise OutputError(folder.parent, f"cannot write the manifest's index: {exc}") from None
        raise
    corpus = Corpus(root, index, count)
    weakref.finalize(corpus, _remove_index, folder, os.getpid())
    return corpus


def _remove_index(folder: Path, owner: int) -> None:
    if os.getpid() == owner:  # not from a forked worker that inherited the corpus
        shutil.rmtree(folder, ignore_errors=True)


def _index_manifest(root: Path, manifest: Path, index: Path, max_document_mb: float) -> int:
    """Validate the manifest and its folder into ``index``; returns how many documents.
    Raises InputErrors listing every problem."""
    errors: list[InputError] = []
    db = sqlite3.connect(index, isolation_level=None)
    try:
        db.executescript(_INDEX_SCHEMA)
        _read_manifest(manifest, errors, db, max_document_mb)
        with os.scandir(root) as entries:
            db.executemany("INSERT INTO present VALUES (?)", ((e.name,) for e in entries if e.name.endswith(".txt")))
        for name, in db.execute("SELECT file FROM present EXCEPT SELECT file FROM listed ORDER BY file"):
            errors.append(InputError(root / name, f"text file has no row in {MANIFEST}"))
        if errors:
            raise InputErrors(errors)
        db.execute("DROP TABLE present")
        db.execute("DROP TABLE listed")
        db.execute("COMMIT")
        (count,), = db.execute("SELECT count(*) FROM documents")
        return count
    finally:
        db.close()


def _read_manifest(manifest: Path, errors: list[InputError], db: sqlite3.Connection, max_document_mb: float) -> None:
    """The valid documents into ``db``'s documents, and every file name the manifest lists
    (valid row or not) into its listed files."""
    rows = _manifest_rows(manifest)
    first = next(rows, None)
    if first is None:
        raise InputError(manifest, "manifest is empty", 1)
    header = [h.strip() for h in first[1]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InputError(manifest, f"manifest header lacks column(s): {', '.join(missing)}", 1)
    file_column = header.index("file")
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > file_column:
            db.execute("INSERT OR IGNORE INTO listed VALUES (?)", (row[file_column].strip(),))
        doc = _parse_row(manifest, line, header, row, errors, max_document_mb)
        if doc is not None:
            _add_document(db, manifest, line, doc, errors)


def _add_document(db: sqlite3.Connection, manifest: Path, line: int, doc: Document, errors: list[InputError]) -> None:
    try:
        db.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (doc.id, doc.file, doc.title, doc.publisher, doc.author, str(doc.published), doc.url, line))
    except sqlite3.IntegrityError:  # an id or a file seen before: name the line it was first on
        for column, value, problem in (("id", doc.id, f"duplicate id {doc.id!r}"),
                                       ("file", doc.file, f"file {doc.file!r} listed twice")):
            first = db.execute(f"SELECT line FROM documents WHERE {column} = ?", (value,)).fetchone()
            if first:
                errors.append(InputError(manifest, f"{problem} (first on line {first[0]})", line))
                return
        raise


def _manifest_rows(manifest: Path) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of each row, read as they come."""
    try:
        with manifest.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            for row in reader:
                yield reader.line_num, row
    except UnicodeDecodeError:
        line, where = undecodable(manifest)
        raise InputError(manifest, f"manifest is not UTF-8 ({where})", line) from None
    except csv.Error as exc:  # a field over the csv module's limit ...: the line it was read to
        raise InputError(manifest, f"cannot read manifest: {exc}", reader.line_num) from None
    except OSError as exc:
        raise InputError(manifest, f"cannot read manifest: {exc}") from None


def _parse_row(manifest: Path, line: int, header: list[str], row: list[str], errors: list[InputError],
               max_document_mb: float) -> Document | None:
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
    problem = _file_problem(manifest.parent, record["file"], max_document_mb)
    if problem:
        errors.append(InputError(manifest, f"document file {record['file']!r} {problem}", line))
        return None
    return Document(
        id=record["id"], file=record["file"], title=record["title"], publisher=record["publisher"],
        author=record["author"], published=published, url=record["url"], folder=manifest.parent,
    )


def _file_problem(folder: Path, file: str, max_document_mb: float) -> str | None:
    """What is wrong with a manifest's document file, if anything."""
    if Path(file).name != file or file in (".", ".."):
        return "is not the name of a file in the corpus folder"
    path = folder / file
    if not path.is_file():
        return "does not exist"
    if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
        return f"is a link to a file outside the corpus folder ({path.resolve()})"
    size = path.stat().st_size
    if size > max_document_mb * 1e6:
        return (f"holds {size / 1e6:.1f} MB, more than the {max_document_mb:g} MB a document may hold "
                f"(split it, or raise --max-document-mb)")
    return None
