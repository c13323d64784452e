"""Spelling-robust normal form of text, with a map back to the original offsets.

Place names in English news are transliterated many ways (Ain al-Asad, Ayn al-Assad,
Al-Tanf, At-Tanf, Kata'ib, Rutbah, Rutba ...).  Both the gazetteer aliases and the
documents are reduced to one *skeleton* form, so an unseen variant of a known name
still matches.  The text is processed as an array of code points by one function
compiled with numba (cached on disk), in single passes over the array: the matcher's
speed depends on it.

Steps, in order:

0. Invisible characters of format (a soft hyphen, a zero-width joiner or space, a
   bidirectional mark or override, a BOM, a tag) are set aside: the steps read the text
   without them, so "Bagh\u00addad" is Baghdad, and they belong to no match's edge.
1. Fold each code point: lower case, diacritics stripped, every apostrophe-like mark
   (' ’ ‘ ʿ ʾ and combining marks) becomes ``'``, every other non-alphanumeric
   character a space (of any plane: an emoji against a name does not hide it).
2. Sun-letter articles attached by a hyphen become ``al`` (At-Tanf, as-Sulaymaniyah,
   ad-Dawr, el-Arish), and so does "El" before a capitalised name (El Arish).
3. Diphthongs: ``e`` before ``y`` or ``i`` becomes ``a``, and ``y`` becomes ``i`` after
   ``a``, ``e`` or ``y`` or before ``y``; both rules read the letters as step 2 left
   them (Ayn/Ain, Dayr/Deir, Shaykh/Sheikh, Qayyarah/Qayara).
4. Deletions: a repeated letter or space (Assad/Asad, Jaafar/Jafar), an apostrophe
   inside a word (Kata'ib/Kataib) but not a possessive 's, and a word-final ``h`` after
   ``a`` (Rutbah/Rutba, Halabjah/Halabja).  Remaining apostrophes become spaces.
   Arabic vowel marks are deleted (step 1 folds them, and the letters that alternate
   with others, to one form).

Steps 1-3 keep the length; :class:`Normalised` remembers which code points steps 0 and 4
kept, so a match in the skeleton maps back to ``text[start:end]``.
"""

from __future__ import annotations

import re
import unicodedata

import numba
import numpy as np

from geo.io import stops_deferred

_APOSTROPHES = "'’‘`´′ʹʻʼʽʾʿˈ"
_TABLE_SIZE = 0x3000
_SPACE, _APOSTROPHE, _HYPHEN, _HYPHEN2 = ord(" "), ord("'"), ord("-"), 0x2010
_ZERO, _NINE, _CAPITAL_A, _CAPITAL_E, _CAPITAL_Z = (ord(c) for c in "09AEZ")
_A, _E, _H, _I, _L, _S, _Y, _Z = (ord(c) for c in "aehilsyz")
_SUN = np.zeros(_TABLE_SIZE, dtype=bool)  # the consonants an article assimilates to
_SUN[[ord(c) for c in "dlnrstz"]] = True
# Arabic script: vowel marks and the tatweel are deleted; the alef wasla, alef maqsura
# and teh marbuta are written as the letters they alternate with (the usual
# normalisation of Arabic search: ٱلْبُوكَمَال, البوكمال).  NFKD already takes the hamza
# off an alef (أ إ آ).
_TATWEEL_CHAR = "\u0640"
_TATWEEL = 0x0640
_ARABIC_MARKS = frozenset(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, 0x0640])
_ARABIC_LETTERS = {"\u0671": "\u0627", "\u0649": "\u064A", "\u0629": "\u0647"}
# Latin letters that Unicode does not decompose into a base letter and a mark: written as
# the letter they are read as (Diyarbakır, Łódź, Ħamrun); the fold keeps one letter for one.
_UNDECOMPOSED = {"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h",
                 "ŧ": "t", "Ŧ": "t", "æ": "a", "Æ": "a", "œ": "o", "Œ": "o", "ð": "d", "Ð": "d", "þ": "t", "Þ": "t"}
_SEPARATOR = "\U000F0000"  # joins phrases normalised together: never a letter, space or mark, kept as it is


def _fold_char(ch: str) -> str:
    if ch in _ARABIC_MARKS:
        return _TATWEEL_CHAR
    if ch in _ARABIC_LETTERS:
        return _ARABIC_LETTERS[ch]
    if ch in _UNDECOMPOSED:
        return _UNDECOMPOSED[ch]
    if ch in _APOSTROPHES or unicodedata.combining(ch):
        return "'"
    if not ch.isalnum():
        return " "
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    base = base.lower() or ch
    # Keep the fold length-preserving: a ligature or sharp s keeps its first letter.
    return base[0] if base[0].isalnum() else ch.lower()[:1] or " "


# Above the scripts folded fully (U+3000 on: CJK, fullwidth forms, variation selectors
# ...) a code point is kept as it is, unless it is no letter or digit: then it is a space,
# as any punctuation is, and does not glue itself to a name ("Baghdad\u3000").  Above the
# Basic Multilingual Plane (emoji, flags), Normalised does the same before folding
# (_astral_folded).
_BMP = 0x10000
FOLD = np.array([ord(_fold_char(chr(code))) for code in range(_TABLE_SIZE)]
                + [code if chr(code).isalnum() else _SPACE for code in range(_TABLE_SIZE, _BMP)], dtype=np.uint32)
INVISIBLE = np.array([unicodedata.category(chr(code)) == "Cf" for code in range(_BMP)])  # step 0, below U+10000


def _ranges(flags: np.ndarray) -> str:
    """A regular expression's character class of the code points flagged."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], flags.astype(np.int8), [0]))))
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b - 1))}" for a, b in zip(edges[::2], edges[1::2]))


# what the plain path cannot read: a character of format, or one above the BMP
_UNUSUAL = re.compile("[" + _ranges(INVISIBLE) + "\U00010000-\U0010FFFF]")


class Normalised:
    """The skeleton of a text and the way back to the text's offsets."""

    __slots__ = ("skeleton", "_kept", "_folded")

    def __init__(self, text: str, separator: str = ""):
        """``separator``: a code point to keep as it is (skeletons joins its phrases by one)."""
        if not _loaded:
            _load_compiled()
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        if text.isascii() or not _UNUSUAL.search(text):  # no character of format, none above the BMP: most texts
            self._folded, self._kept, kept_codes = _normalise(codes, FOLD, _SUN)
            self.skeleton: str = kept_codes.tobytes().decode("utf-32-le")
            return
        invisible = INVISIBLE[np.minimum(codes, _BMP - 1)]  # U+FFFF is no character of format
        if len(codes) and codes.max() >= _BMP:
            codes = _astral_folded(codes, separator, invisible)
        if invisible.any():  # step 0: the steps read the text without them
            visible = np.flatnonzero(~invisible)
            folded, kept, kept_codes = _normalise(np.ascontiguousarray(codes[visible]), FOLD, _SUN)
            self._folded = np.full(len(codes), _SPACE, dtype=np.uint32)  # none is part of a match's edge
            self._folded[visible] = folded
            self._kept = visible[kept]
        else:
            self._folded, self._kept, kept_codes = _normalise(codes, FOLD, _SUN)
        self.skeleton = kept_codes.tobytes().decode("utf-32-le")

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

    def skeleton_index(self, index: int) -> int:
        """The skeleton index of the first character kept at or after original ``index``."""
        return int(np.searchsorted(self._kept, index))

    def spans(self, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
        """``[start(i) for i in starts]`` and ``[end(i) for i in ends]``, all at once."""
        if not starts:
            return [], []
        return (self._kept[np.asarray(starts)].tolist(),
                _ends(self._kept, self._folded, np.asarray(ends, dtype=np.int64)).tolist())


_loaded = False  # the compiled functions of this process (see _load_compiled)


def _load_compiled() -> None:
    """Load the compiled functions from numba's disk cache, once, with SIGINT and SIGTERM
    held back.  Loading, LLVM calls back into Python (through ctypes): a stop raised
    there is not unwound but crashes the process (SIGSEGV) before its scratch files
    are removed."""
    global _loaded
    _loaded = True  # first: the samples below make Normalised objects too
    with stops_deferred():
        for sample in ("ab", "a\u200bb\U0001F642"):  # the common path, and characters of format and above the BMP
            Normalised(sample).spans([0], [1])


def _astral_folded(codes: np.ndarray, separator: str, invisible: np.ndarray) -> np.ndarray:
    """The code points with every one above the Basic Multilingual Plane that is no letter
    or digit (an emoji, a flag's regional indicators) a space: "Baghdad🙂" is Baghdad; one
    of format (a tag) is marked ``invisible``.  Rare enough to be done here, one by one."""
    codes = codes.copy()
    for j in np.flatnonzero(codes >= _BMP):
        char = chr(codes[j])
        if char == separator or char.isalnum():
            continue
        codes[j] = _SPACE
        invisible[j] = unicodedata.category(char) == "Cf"
    return codes


@numba.njit(cache=True)
def _ends(kept, folded, indices):
    """Normalised.end for each index."""
    out = np.empty(len(indices), np.int64)
    for k in range(len(indices)):
        index = indices[k]
        if index <= 0:
            out[k] = 0
            continue
        end = kept[index - 1] + 1
        after = kept[index] if index < len(kept) else len(folded)
        while after > end and folded[after - 1] == _SPACE:
            after -= 1
        out[k] = after
    return out


@numba.njit(cache=True, inline="always")
def _is_word(code):
    return _A <= code <= _Z or _ZERO <= code <= _NINE


@numba.njit(cache=True, inline="always")
def _diphthong(before, code, after):
    if code == _E and (after == _Y or after == _I):
        return _A
    if code == _Y and (before == _A or before == _E or before == _Y or after == _Y):
        return _I
    return code


@numba.njit(cache=True)
def _normalise(codes, fold, sun):
    """The code points after steps 1-3, the indices of those step 4 keeps, and the
    skeleton's code points."""
    folded = _fold(codes, fold)
    _spell(codes, folded, sun)
    kept, out = _delete(folded)
    return folded, kept, out


@numba.njit(cache=True)
def _fold(codes, fold):
    """Step 1."""
    folded = np.empty(len(codes), np.uint32)
    for j in range(len(codes)):
        folded[j] = fold[codes[j]] if codes[j] < len(fold) else codes[j]
    return folded


@numba.njit(cache=True)
def _spell(codes, folded, sun):
    """Steps 2 and 3 in place, in one pass: both read the letters as step 1 left them,
    which is exact because an article's two letters are never part of a diphthong and
    both steps turn letters into letters."""
    n = len(folded)
    before = 0
    for j in range(n):
        code = folded[j]
        after = folded[j + 1] if j + 1 < n else 0
        article = (code == _A or code == _E) and not _is_word(before) and j + 3 < n and (
            # at-, as-, el- ... before a word
            after < len(sun) and sun[after] and (codes[j + 2] == _HYPHEN or codes[j + 2] == _HYPHEN2)
            and _is_word(folded[j + 3])
            # "El" before a capitalised name
            or codes[j] == _CAPITAL_E and codes[j + 1] == _L and codes[j + 2] == _SPACE
            and _CAPITAL_A <= codes[j + 3] <= _CAPITAL_Z)
        if article:
            folded[j], folded[j + 1] = _A, _L
        else:
            folded[j] = _diphthong(before, code, after)
        before = code


@numba.njit(cache=True)
def _delete(folded):
    """Step 4: the indices of the kept code points, and the skeleton's code points."""
    n = len(folded)
    kept = np.empty(n, np.int64)
    out = np.empty(n, np.uint32)
    m = 0
    for j in range(n):
        code = folded[j]
        before = folded[j - 1] if j > 0 else 0
        after = folded[j + 1] if j + 1 < n else 0
        if code == _TATWEEL:
            continue  # an Arabic vowel mark
        if j > 0 and code == before and (_A <= code <= _Z or code == _SPACE):
            continue  # repeated letter or space
        if code == _APOSTROPHE and _is_word(before) and _is_word(after) \
                and not (after == _S and not (j + 2 < n and _is_word(folded[j + 2]))):
            continue  # inside a word, but 's at the end of one stays a word break
        if code == _H and before == _A and not _is_word(after):
            continue  # final h after a
        kept[m] = j
        out[m] = _SPACE if code == _APOSTROPHE else code
        m += 1
    return kept[:m], out[:m]


def skeleton(text: str) -> str:
    """The matching key of a phrase (used for aliases and lexicon entries)."""
    return " ".join(Normalised(text).skeleton.split())


def skeletons(texts: list[str]) -> list[str]:
    """``[skeleton(t) for t in texts]`` in one pass: the phrases are normalised joined by a
    separator that no step touches, so each comes out exactly as it would alone."""
    if not texts:
        return []
    parts = Normalised(_SEPARATOR.join(texts), _SEPARATOR).skeleton.split(_SEPARATOR)
    return [" ".join(part.split()) for part in parts]
