"""Spelling-robust normal form of text, with a map back to the original offsets.

Place names in English news are transliterated many ways (Ain al-Asad, Ayn al-Assad,
Al-Tanf, At-Tanf, Kata'ib, Rutbah, Rutba ...).  Both the gazetteer aliases and the
documents are reduced to one *skeleton* form, so an unseen variant of a known name
still matches.  The skeleton is built with C-level string operations only (translate,
replace, regex substitution with a template): the matcher's speed depends on it.

Steps, in order:

1. Sun-letter articles attached by a hyphen become ``al-`` (At-Tanf, as-Sulaymaniyah,
   ad-Dawr, el-Arish); "El " before a capital becomes "al ".  Length preserving.
2. ``str.translate``: lower case, diacritics stripped, every apostrophe-like mark
   (' ’ ‘ ʿ ʾ and combining marks) becomes ``'``, every other non-alphanumeric
   character becomes a space.  Length preserving.
3. ``yy`` becomes ``ii``, then ``ay``, ``ey`` and ``ei`` become ``ai`` (Ayn/Ain,
   Dayr/Deir, Shaykh/Sheikh, Qayyarah/Qayara).  Length preserving.
4. Deletions: runs of a doubled letter or space collapse to one (Assad/Asad,
   Jaafar/Jafar), apostrophes inside a word vanish (Kata'ib/Kataib) while a possessive
   or edge apostrophe becomes a space, and a word-final ``h`` after ``a`` goes
   (Rutbah/Rutba, Halabjah/Halabja).

Only step 4 changes the length.  :class:`OffsetMap` records where it deleted so a
match in the skeleton maps back to ``text[start:end]``; it is built lazily, only for
documents that have a match.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

_APOSTROPHES = "'’‘`´′ʹʻʼʽʾʿˈ"
_ARTICLE = re.compile(r"\b[AaEe][dlnrstz]-(?=\w)")
_EL_ARTICLE = re.compile(r"\bEl (?=[A-Z])")
_INNER_APOSTROPHE = r"(?<=[a-z0-9])'(?=[a-z0-9])(?!s\b)"
_DELETIONS = re.compile(r"([a-z ])\1+|" + _INNER_APOSTROPHE + r"|(?<=a)h(?![a-z0-9])")
_DIPHTHONGS = (("yy", "ii"), ("ay", "ai"), ("ey", "ai"), ("ei", "ai"))


def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES or unicodedata.combining(ch):
        return "'"
    if not ch.isalnum():
        return " "
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    base = base.lower() or ch
    # Keep the fold length-preserving: a ligature or sharp s keeps its first letter.
    return base[0] if base[0].isalnum() else ch.lower()[:1] or " "


def _build_fold_table() -> dict[int, str]:
    table = {}
    for code in range(0x3000):
        ch = chr(code)
        folded = _fold_char(ch)
        if folded != ch:
            table[code] = folded
    for ch in _APOSTROPHES:
        table[ord(ch)] = "'"
    return table


FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """Steps 1-3: lower-cased, diacritic-free, punctuation as spaces; same length as text."""
    text = _ARTICLE.sub("al-", text)
    text = _EL_ARTICLE.sub("al ", text)
    text = text.translate(FOLD_TABLE)
    for old, new in _DIPHTHONGS:
        text = text.replace(old, new)
    return text


def skeleton_of_folded(folded: str) -> str:
    """Step 4 on an already folded string; remaining apostrophes become spaces."""
    return _DELETIONS.sub(r"\1", folded).replace("'", " ")


def skeleton(text: str) -> str:
    """The matching key of a phrase (used for aliases)."""
    return " ".join(skeleton_of_folded(fold(text)).split())


class OffsetMap:
    """Maps an index in the skeleton of a folded text back to an index in the text."""

    def __init__(self, folded: str):
        self._folded = folded
        self._at: list[int] = []  # skeleton index of the first character after a deletion
        self._shift: list[int] = []  # characters deleted up to there
        deleted = 0
        for m in _DELETIONS.finditer(folded):
            kept = 1 if m.group(1) else 0
            self._at.append(m.start() + kept - deleted)
            deleted += m.end() - m.start() - kept
            self._shift.append(deleted)
        self._length = len(folded) - deleted

    def start(self, index: int) -> int:
        """Original index of the character at skeleton ``index``."""
        i = bisect.bisect_right(self._at, index) - 1
        return index + (self._shift[i] if i >= 0 else 0)

    def end(self, index: int) -> int:
        """Original end offset of a span ending (exclusive) at skeleton ``index``.

        Letters deleted right after the span (the second s of "Abbass", the h of
        "Rutbah") belong to it; collapsed spaces do not.
        """
        if index <= 0:
            return 0
        end = self.start(index - 1) + 1
        after = self.start(index) if index < self._length else len(self._folded)
        gap = self._folded[end:after].rstrip(" ")
        return end + len(gap)
