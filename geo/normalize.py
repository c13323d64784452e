"""Spelling-robust normal form of text, with a map back to the original offsets.

Place names in English news are transliterated many ways (Ain al-Asad, Ayn al-Assad,
Al-Tanf, At-Tanf, Kata'ib, Rutbah, Rutba ...).  Both the gazetteer aliases and the
documents are reduced to one *skeleton* form, so an unseen variant of a known name
still matches.  The whole text is processed at once as an array of code points (numpy):
the matcher's speed depends on it.

Steps, in order:

1. Fold each code point: lower case, diacritics stripped, every apostrophe-like mark
   (' ’ ‘ ʿ ʾ and combining marks) becomes ``'``, every other non-alphanumeric
   character a space.
2. Sun-letter articles attached by a hyphen become ``al`` (At-Tanf, as-Sulaymaniyah,
   ad-Dawr, el-Arish), and so does "El" before a capitalised name (El Arish).
3. ``yy`` becomes ``ii``, then ``ay``, ``ey`` and ``ei`` become ``ai`` (Ayn/Ain,
   Dayr/Deir, Shaykh/Sheikh, Qayyarah/Qayara).
4. Deletions: a repeated letter or space (Assad/Asad, Jaafar/Jafar), an apostrophe
   inside a word (Kata'ib/Kataib) but not a possessive 's, and a word-final ``h`` after
   ``a`` (Rutbah/Rutba, Halabjah/Halabja).  Remaining apostrophes become spaces.

Steps 1-3 keep the length; :class:`Normalised` remembers which code points step 4 kept,
so a match in the skeleton maps back to ``text[start:end]``.
"""

from __future__ import annotations

import unicodedata

import numpy as np

_APOSTROPHES = "'’‘`´′ʹʻʼʽʾʿˈ"
_TABLE_SIZE = 0x3000
_SPACE, _APOSTROPHE = ord(" "), ord("'")
_A, _E, _H, _I, _L, _S, _Y = (ord(c) for c in "aehilsy")
_SUN = np.zeros(_TABLE_SIZE, dtype=bool)  # the consonants an article assimilates to
_SUN[[ord(c) for c in "dlnrstz"]] = True
_SEPARATOR = "\U0001F000"  # joins phrases normalised together: never a letter, space or mark


def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES or unicodedata.combining(ch):
        return "'"
    if not ch.isalnum():
        return " "
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    base = base.lower() or ch
    # Keep the fold length-preserving: a ligature or sharp s keeps its first letter.
    return base[0] if base[0].isalnum() else ch.lower()[:1] or " "


FOLD = np.array([ord(_fold_char(chr(code))) for code in range(_TABLE_SIZE)], dtype=np.uint32)


class Normalised:
    """The skeleton of a text and the way back to the text's offsets."""

    __slots__ = ("skeleton", "_kept", "_folded")

    def __init__(self, text: str):
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        folded = np.where(codes < _TABLE_SIZE, FOLD[np.minimum(codes, _TABLE_SIZE - 1)], codes)
        _articles(codes, folded)
        _diphthongs(folded)
        keep = ~_deletions(folded)
        kept = folded[keep]
        kept[kept == _APOSTROPHE] = _SPACE
        self.skeleton: str = kept.tobytes().decode("utf-32-le")
        self._kept = np.flatnonzero(keep)
        self._folded = folded

    def start(self, index: int) -> int:
        """Original index of the character at skeleton ``index``."""
        return int(self._kept[index])

    def end(self, index: int) -> int:
        """Original end offset of a span ending (exclusive) at skeleton ``index``.

        Letters deleted right after the span (the second s of "Abbass", the h of
        "Rutbah") belong to it; collapsed spaces do not.
        """
        if index <= 0:
            return 0
        end = int(self._kept[index - 1]) + 1
        after = int(self._kept[index]) if index < len(self._kept) else len(self._folded)
        while after > end and self._folded[after - 1] == _SPACE:
            after -= 1
        return after


def _word(folded: np.ndarray) -> np.ndarray:
    return ((folded >= 97) & (folded <= 122)) | ((folded >= 48) & (folded <= 57))


def _articles(codes: np.ndarray, folded: np.ndarray) -> None:
    """at-, as-, ad-, el- ... at the start of a word and before one become al-."""
    if len(folded) < 4:
        return
    word = _word(folded)
    head = folded[:-3]
    second = folded[1:-2]
    found = ((head == _A) | (head == ord("e"))) & _SUN[np.minimum(second, _TABLE_SIZE - 1)] \
        & ((codes[2:-1] == ord("-")) | (codes[2:-1] == 0x2010)) & word[3:]
    found[1:] &= ~word[:-4]
    # "El Arish": a capitalised El before a capitalised name
    found |= (codes[:-3] == ord("E")) & (codes[1:-2] == ord("l")) & (codes[2:-1] == _SPACE) \
        & (codes[3:] >= ord("A")) & (codes[3:] <= ord("Z")) & np.concatenate(([True], ~word[:-4]))
    at = np.flatnonzero(found)
    folded[at] = _A
    folded[at + 1] = _L


def _diphthongs(folded: np.ndarray) -> None:
    first, second = folded[:-1], folded[1:]
    both = (first == _Y) & (second == _Y)
    first[both] = _I
    second[both] = _I
    second[(first == _A) & (second == _Y)] = _I
    ey = (first == ord("e")) & (second == _Y)
    first[ey] = _A
    second[ey] = _I
    first[(first == ord("e")) & (second == _I)] = _A


def _deletions(folded: np.ndarray) -> np.ndarray:
    n = len(folded)
    delete = np.zeros(n, dtype=bool)
    if n < 2:
        return delete
    letters = (folded >= 97) & (folded <= 122)
    word = _word(folded)
    delete[1:] = (folded[1:] == folded[:-1]) & (letters[1:] | (folded[1:] == _SPACE))
    inner = np.zeros(n, dtype=bool)
    inner[1:-1] = (folded[1:-1] == _APOSTROPHE) & word[:-2] & word[2:]
    possessive = np.zeros(n, dtype=bool)  # 's at the end of a word stays a word break
    possessive[1:-1] = folded[2:] == _S
    possessive[1:-2] &= ~word[3:]
    delete |= inner & ~possessive
    final_h = np.zeros(n, dtype=bool)
    final_h[1:] = (folded[1:] == _H) & (folded[:-1] == _A)
    final_h[:-1] &= ~word[1:]
    return delete | final_h


def skeleton(text: str) -> str:
    """The matching key of a phrase (used for aliases and lexicon entries)."""
    return " ".join(Normalised(text).skeleton.split())


def skeletons(texts: list[str]) -> list[str]:
    """``[skeleton(t) for t in texts]`` in one pass: the phrases are normalised joined by a
    separator that no step touches, so each comes out exactly as it would alone."""
    if not texts:
        return []
    parts = Normalised(_SEPARATOR.join(texts)).skeleton.split(_SEPARATOR)
    return [" ".join(part.split()) for part in parts]
