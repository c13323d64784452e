"""Place-like phrases the gazetteer does not know, so a curator sees what to add.

Two patterns: a capitalised name after a locative preposition ("in Farzeh", "near the
Rukban camp"), and a capitalised name before a site head noun ("the Kharab al-Jir base",
"Qasrak crossing", "Raqqa province").  Words in the non-place lexicon (months,
demonyms, ...), given names and titles never start such a name.
"""

from __future__ import annotations

import re

from geo.lexicons import Lexicons
from geo.rules import key

_CAP = r"[A-Z][\w'’ʿ]*(?:-[\w'’ʿ]+)*"
_PART = r"(?:(?:al|el|Al|El)[-\s])?" + _CAP
_NAME = _PART + r"(?:\s+(?:al-|el-|al\s|el\s)?" + _CAP + r"){0,3}"
_AFTER_PREPOSITION = re.compile(r"\b(?:in|near|outside|around|at)\s+(?:the\s+)?(" + _NAME + r")")
_HEADS = (r"base|bases|air\s?base|airfield|airport|crossing|border\s+crossing|province|governorate|"
          r"district|camp|gas\s+field|oil\s+field|field|port|refinery|outpost|garrison")
_BEFORE_HEAD = re.compile(r"(" + _NAME + r")\s+(?:military\s+|air\s+)?(?:" + _HEADS + r")\b")


def find_unresolved(text: str, taken: list[tuple[int, int]], lexicons: Lexicons) -> list[tuple[int, int]]:
    """Spans of unresolved place-like names that overlap nothing in ``taken``."""
    found: dict[tuple[int, int], None] = {}
    covered = bytearray(len(text) + 1)
    for s, e in taken:
        covered[s:e] = b"\x01" * (e - s)
    for pattern in (_AFTER_PREPOSITION, _BEFORE_HEAD):
        for m in pattern.finditer(text):
            span = _trim(text, m.start(1), m.end(1), lexicons)
            if span and _names_an_organisation(text[span[0]:span[1]], lexicons):
                continue
            if span and 1 not in covered[span[0]:span[1]]:
                found[span] = None
    return sorted(found)


def _names_an_organisation(name: str, lexicons: Lexicons) -> bool:
    """The Atlantic Council, Georgetown University: an organisation head noun inside."""
    return any(key(word) in lexicons.org_heads for word in name.split()[1:])


def _trim(text: str, start: int, end: int, lexicons: Lexicons) -> tuple[int, int] | None:
    """Drop leading words that cannot start a place name; None when nothing is left."""
    blocked = lexicons.name_blockers
    for m in re.finditer(r"\S+", text[start:end]):
        word = key(m.group())
        if word and word not in blocked and m.group()[:1].isupper():
            return start + m.start(), end
        if m.group()[:1].islower() and not m.group().lower().startswith(("al-", "el-")):
            return None
    return None
