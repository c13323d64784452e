"""``geo gazetteer gaps``: the place-like names a corpus uses that the gazetteer lacks, as
rows a curator fills in and appends to ``geo/data/gazetteer.csv``.

The geoparser reports such a name as an ``unresolved`` mention with the kind its words
suggest (``geo.geoparse.unresolved``).  Mentions whose names have one skeleton (the key
the gazetteer matches aliases by: "Farzeh", "FARZEH" and "al-Farzeh" are one name) make
one row, most frequent first.  The first five columns help the curator and are dropped
before appending (``count``, ``surface``, ``guessed_kind``, the first ``doc`` and the
``context`` there); the rest are a gazetteer row (``geo.gazetteer.sites.COLUMNS``) with
``id`` (a slug no site has), ``name`` and ``kind`` (the guess, empty when the words do not
say) filled in.  This package sits below the geoparser, so it takes the mentions from the
caller (``geo.cli``) rather than running the geoparser itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import IO, Protocol

from geo.gazetteer.sites import COLUMNS
from geo.io import CsvRecords
from geo.text.normalize import skeleton

__all__ = ["GAP_COLUMNS", "Gap", "gazetteer_gaps", "write_gaps"]

GAP_COLUMNS = ("count", "surface", "guessed_kind", "doc", "context", *COLUMNS)
CONTEXT_CHARS = 80  # either side of the name, when its sentence is longer than a line
_LONG_SENTENCE = 3 * CONTEXT_CHARS
_NOT_IN_SLUG = re.compile(r"[^a-z0-9]+")
_SPACE = re.compile(r"\s+")


class UnresolvedMention(Protocol):
    """What gaps reads of a mention (``geo.geoparse.Mention`` has it)."""

    @property
    def doc(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def surface(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def sentence(self) -> str: ...
    @property
    def sentence_start(self) -> int: ...


@dataclass
class Gap:
    """One name the gazetteer lacks: how often it is used, and where first."""

    count: int
    doc: str
    context: str
    surfaces: Counter[str] = field(default_factory=Counter)  # spellings (whitespace collapsed), first seen first
    kinds: Counter[str] = field(default_factory=Counter)  # guessed kinds, idem

    @property
    def surface(self) -> str:
        """The most frequent spelling (the first seen of those as frequent)."""
        return self.surfaces.most_common(1)[0][0]

    @property
    def kind(self) -> str:
        """The most frequent guessed kind, empty when no mention's words said."""
        guessed = Counter({k: n for k, n in self.kinds.items() if k})
        return guessed.most_common(1)[0][0] if guessed else ""


def gazetteer_gaps(mentions: Iterable[UnresolvedMention]) -> list[Gap]:
    """The unresolved names among ``mentions`` (in document order), most frequent first,
    then by name."""
    gaps: dict[str, Gap] = {}
    for m in mentions:
        if m.status != "unresolved":
            continue
        k = skeleton(m.surface) or m.surface
        gap = gaps.get(k)
        if gap is None:
            gap = gaps[k] = Gap(0, m.doc, context(m))
        gap.count += 1
        gap.surfaces[" ".join(m.surface.split())] += 1
        gap.kinds[m.kind] += 1
    return sorted(gaps.values(), key=lambda g: (-g.count, g.surface.casefold(), g.surface))


def context(m: UnresolvedMention) -> str:
    """The mention's sentence, whitespace collapsed; of a long sentence, the words within
    CONTEXT_CHARS characters of the name."""
    sentence = m.sentence
    if len(sentence) > _LONG_SENTENCE:
        start, end = m.start - m.sentence_start, m.end - m.sentence_start
        a, b = max(0, start - CONTEXT_CHARS), min(len(sentence), end + CONTEXT_CHARS)
        if a > 0:  # whole words only
            a = _word_after(sentence, a, start)
        if b < len(sentence):
            b = _word_before(sentence, end, b)
        sentence = ("… " if a > 0 else "") + sentence[a:b] + (" …" if b < len(sentence) else "")
    return " ".join(sentence.split())


def _word_after(text: str, pos: int, limit: int) -> int:
    """Where the first word that starts at or after ``pos`` (and before ``limit``) starts."""
    if text[pos - 1].isspace():
        return pos
    space = _SPACE.search(text, pos, limit)
    return space.end() if space else pos


def _word_before(text: str, limit: int, pos: int) -> int:
    """Where the last word that ends at or before ``pos`` (and after ``limit``) ends."""
    if text[pos].isspace():
        return pos
    space = text.rfind(" ", limit, pos)
    return space if space > limit else pos


def write_gaps(gaps: Iterable[Gap], out: IO[str], existing_ids: Collection[str] = ()) -> int:
    """Write the gaps as CSV (GAP_COLUMNS); ids avoid ``existing_ids`` and one another.
    Returns how many rows."""
    used = set(existing_ids)
    rows = []
    for gap in gaps:
        site_id = _unique(slug(gap.surface), used)
        rows.append({"count": gap.count, "surface": gap.surface, "guessed_kind": gap.kind, "doc": gap.doc,
                     "context": gap.context, "id": site_id, "name": gap.surface, "kind": gap.kind})
    return CsvRecords(GAP_COLUMNS, out).write(rows)


def slug(name: str) -> str:
    """A gazetteer id for a name: lower-case ASCII letters and digits joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NOT_IN_SLUG.sub("-", ascii_name.lower()).strip("-") or "site"


def _unique(site_id: str, used: set[str]) -> str:
    candidate, n = site_id, 1
    while candidate in used:
        n += 1
        candidate = f"{site_id}-{n}"
    used.add(candidate)
    return candidate
