"""Place-like phrases the gazetteer does not know, so a curator sees what to add.

Two patterns: a capitalised name after a locative preposition ("in Farzeh", "near the
Rukban camp"), and a capitalised name before a site head noun ("the Kharab al-Jir base",
"Qasrak crossing", "Raqqa province").  Words in the non-place lexicon (months,
demonyms, ...), given names and titles never start such a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from geo.gazetteer import Lexicons
from geo.geoparse.rules import key

_CAP = r"[A-Z][\w'’ʿ]*(?:-[\w'’ʿ]+)*"
_PART = r"(?:(?:al|el|Al|El)[-\s])?" + _CAP
_NAME = _PART + r"(?:\s+(?:al-|el-|al\s|el\s)?" + _CAP + r"){0,3}"
# "\b" before a preposition is checked behind it once the word has matched: a pattern
# that opens with literals lets the engine skip ahead to their first letters.
_PREPOSITIONS = "|".join(p + r"(?<!\w" + "." * len(p) + ")" for p in ("in", "near", "outside", "around", "at"))
_AFTER_PREPOSITION = re.compile(r"(?:" + _PREPOSITIONS + r")\s+(?:the\s+)?(" + _NAME + r")")
_HEADS = (r"base|bases|air\s?base|airfield|airport|crossing|border\s+crossing|province|governorate|"
          r"district|camp|gas\s+field|oil\s+field|field|port|refinery|outpost|garrison")
_BEFORE_HEAD = re.compile(r"(" + _NAME + r")\s+(?:military\s+|air\s+)?(?:" + _HEADS + r")\b")

# A _BEFORE_HEAD match holds only name characters (_NOT_IN_NAME finds the others) and a
# space before a head noun.  So no match crosses another character, and searching only
# the stretches of name characters around such spaces finds what a search of the whole
# text finds; ending a search at a character that is not a word character leaves "\b"
# unchanged.  (?s:.*) is greedy: it finds the last such character in its range.
_SPACE_BEFORE_HEAD = re.compile(r"\s(?=(?:" + _HEADS + r")\b)")
_NOT_IN_NAME = r"[^\w'’ʿ\s-]"
_NEXT_NOT_IN_NAME = re.compile(_NOT_IN_NAME)
_LAST_NOT_IN_NAME = re.compile(r"(?s:.*)" + _NOT_IN_NAME)
_LOOKBACK = 256
_WORD = re.compile(r"\S+")


def find_unresolved(text: str, taken: list[tuple[int, int]], lexicons: Lexicons) -> list[tuple[int, int]]:
    """Spans of unresolved place-like names that overlap nothing in ``taken``."""
    found: dict[tuple[int, int], None] = {}
    covered = bytearray(len(text) + 1)
    for s, e in taken:
        covered[s:e] = b"\x01" * (e - s)
    for start, end in _candidates(text):
        span = _trim(text, start, end, lexicons)
        if span and 1 not in covered[span[0]:span[1]]:
            found[span] = None
    return sorted(found)


def _candidates(text: str) -> Iterator[tuple[int, int]]:
    """The name group of every _AFTER_PREPOSITION match, then of every _BEFORE_HEAD match."""
    for m in _AFTER_PREPOSITION.finditer(text):
        yield m.span(1)
    stretch_end = 0
    for space in _SPACE_BEFORE_HEAD.finditer(text):
        if space.start() < stretch_end:
            continue
        stretch_start, stretch_end = _stretch(text, space.start())
        for m in _BEFORE_HEAD.finditer(text, stretch_start, stretch_end):
            yield m.span(1)


def _stretch(text: str, pos: int) -> tuple[int, int]:
    """The run of characters that can be in a name (word characters, apostrophes,
    hyphens, spaces) around ``pos``."""
    lookback = max(0, pos - _LOOKBACK)
    before = _LAST_NOT_IN_NAME.match(text, lookback, pos) or _LAST_NOT_IN_NAME.match(text, 0, lookback)
    after = _NEXT_NOT_IN_NAME.search(text, pos)
    return (before.end() if before else 0), (after.start() if after else len(text))


def _trim(text: str, start: int, end: int, lexicons: Lexicons) -> tuple[int, int] | None:
    """Drop leading words that cannot start a place name; None when nothing is left or
    the rest names an organisation."""
    words = text[start:end].split()
    for i, word in enumerate(words):
        if word[:1].isupper() and key(word) and key(word) not in lexicons.name_blockers:
            if _names_an_organisation(words[i + 1:], lexicons):
                return None
            return _word_start(text, start, end, i), end
        if word[:1].islower() and not word.lower().startswith(("al-", "el-")):
            return None
    return None


def _names_an_organisation(later_words: list[str], lexicons: Lexicons) -> bool:
    """The Atlantic Council, Georgetown University: an organisation head noun after the first word."""
    return any(key(word) in lexicons.org_heads for word in later_words)


def _word_start(text: str, start: int, end: int, i: int) -> int:
    """Where the ``i``-th word of the name at ``start`` begins (a name never starts with a space)."""
    return start if i == 0 else next(islice(_WORD.finditer(text, start, end), i, None)).start()
