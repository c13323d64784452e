"""The curated layer: ``<corpus>/events.csv``, where a reviewer adds, corrects or suppresses events.

Columns: ``action,doc,quote,date,date_end,time_precision,site_ids,sub_event_type,actor,
target,weapon,killed,wounded,status,note``.

* ``add``: a new event, told by ``doc`` in the verbatim ``quote``;
* ``correct``: replaces the extracted tellings whose quote overlaps ``quote`` in ``doc``;
* ``suppress``: removes them (only ``doc`` and ``quote`` are read).

Every row cites a document and a quote that is in it; a quote that is not there, an
unknown document or site, a bad date or vocabulary is an error naming the row.
Curated tellings win over extracted ones and are marked ``reviewed``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Protocol, TypeVar

from geo.corpus import Corpus
from geo.errors import InputError, InputErrors
from geo.events.model import MAX_TOLL, STATUSES, SUB_EVENT_TYPES, TIME_PRECISIONS, WEAPONS, Telling
from geo.gazetteer import Gazetteer
from geo.io import read_rows

__all__ = ["COLUMNS", "FILE", "Curation", "added_tellings", "apply_curations", "read_curated", "without_curated"]

class _Quoted(Protocol):
    """A telling, or a telling spooled: what tells where its quote is."""

    @property
    def doc(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_Quoted)

FILE = "events.csv"
COLUMNS = ("action", "doc", "quote", "date", "date_end", "time_precision", "site_ids", "sub_event_type",
           "actor", "target", "weapon", "killed", "wounded", "status", "note")
ACTIONS = {"add", "correct", "suppress"}
PRECISIONS = set(TIME_PRECISIONS)
_ATTRIBUTIONS = [s for s in STATUSES if s != "reported"]
STATUS_VALUES = {"reported", *_ATTRIBUTIONS, "|".join(_ATTRIBUTIONS)}  # "claimed|confirmed": in STATUSES' order
WEAPON_VALUES = {"", *WEAPONS}


@dataclass(frozen=True)
class Curation:
    action: str
    doc: str
    start: int  # where the quote is in the document
    end: int
    telling: Telling | None  # the reviewed telling (add, correct)
    line: int


def read_curated(corpus: Corpus, gazetteer: Gazetteer) -> list[Curation]:
    """The corpus's curated rows, validated; none when the file is absent."""
    path = corpus.root / FILE
    if not path.exists():
        return []
    rows = read_rows(path, COLUMNS, verbatim=("quote",))
    documents = corpus.by_id()
    texts: dict[str, str] = {}
    curations, errors = [], []
    for line, row in rows:
        try:
            curations.append(_parse(row, line, documents, texts, corpus, gazetteer))
        except ValueError as exc:
            errors.append(InputError(path, str(exc), line))
    if errors:
        raise InputErrors(errors)
    return curations


def _parse(row: dict, line: int, documents, texts: dict[str, str], corpus: Corpus, gazetteer: Gazetteer) -> Curation:
    if row["action"] not in ACTIONS:
        raise ValueError(f"action must be one of {sorted(ACTIONS)}, got {row['action']!r}")
    if row["doc"] not in documents:
        raise ValueError(f"unknown document id {row['doc']!r}")
    text = texts.setdefault(row["doc"], corpus.read(documents[row["doc"]]))
    quote = row["quote"]
    start = text.find(quote) if quote else -1
    if start < 0:
        raise ValueError(f"quote is not in document {row['doc']}: {quote[:60]!r}")
    end = start + len(quote)
    if row["action"] == "suppress":
        return Curation("suppress", row["doc"], start, end, None, line)
    return Curation(row["action"], row["doc"], start, end, _telling(row, start, end, gazetteer), line)


def _telling(row: dict, start: int, end: int, gazetteer: Gazetteer) -> Telling:
    date, date_end = _date(row["date"], "date"), _date(row["date_end"] or row["date"], "date_end")
    if date_end < date:
        raise ValueError(f"date_end {row['date_end']} is before date {row['date']}")
    if row["time_precision"] not in PRECISIONS:
        raise ValueError(f"time_precision must be one of {sorted(PRECISIONS)}")
    site_ids = tuple(i for i in row["site_ids"].split("|") if i)
    unknown = [i for i in site_ids if i not in gazetteer]
    if unknown:
        raise ValueError(f"unknown site id(s): {', '.join(unknown)}")
    if row["sub_event_type"] not in SUB_EVENT_TYPES:
        raise ValueError(f"sub_event_type must be one of {sorted(SUB_EVENT_TYPES)}")
    if row["weapon"] not in WEAPON_VALUES or (row["status"] or "reported") not in STATUS_VALUES:
        raise ValueError(f"weapon must be one of {sorted(WEAPON_VALUES)} and status one of {sorted(STATUS_VALUES)}")
    return Telling(doc=row["doc"], start=start, end=end, quote=row["quote"],
                   kind=SUB_EVENT_TYPES[row["sub_event_type"]], date=date.isoformat(),
                   date_end=date_end.isoformat(), time_precision=row["time_precision"], date_derivation="reviewed",
                   site_ids=site_ids, actor=row["actor"], target=row["target"], weapon=row["weapon"],
                   killed=_int(row["killed"], "killed"), wounded=_int(row["wounded"], "wounded"),
                   status=row["status"] or "reported", reviewed=True)


def _date(value: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name} must be YYYY-MM-DD, got {value!r}") from None




def _int(value: str, name: str) -> int | None:
    if not value:
        return None
    try:
        number = int(value) if value.isdigit() else -1  # isdigit: no sign, no space; int: no "²"
    except ValueError:
        number = -1
    if not 0 <= number <= MAX_TOLL:
        raise ValueError(f"{name} must be a whole number from 0 to {MAX_TOLL:,}, got {value!r}")
    return number


def apply_curations(tellings: list[Telling], curations: list[Curation]) -> list[Telling]:
    """Drop the extracted tellings a correct/suppress row covers; add the reviewed ones."""
    return without_curated(tellings, curations) + added_tellings(curations)


def without_curated(tellings: Iterable[T], curations: list[Curation]) -> list[T]:
    """The extracted tellings (Tellings, or spooled ones: anything with doc, start and
    end) no correct/suppress row covers."""
    covered = [c for c in curations if c.action in ("correct", "suppress")]
    return [s for s in tellings if not any(c.doc == s.doc and c.start < s.end and s.start < c.end for c in covered)]


def added_tellings(curations: list[Curation]) -> list[Telling]:
    """The reviewed tellings of add and correct rows."""
    return [c.telling for c in curations if c.telling is not None]
