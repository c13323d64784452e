"""A sentence cut into clauses, and the trigger words each holds.

A sentence is cut into its main clause and its relative clauses ("Nasrallah, who was
killed in an Israeli air strike in Beirut days earlier"), so each keeps its own trigger,
place and date; coordinated predicates are clauses of their own, and coordinated noun
phrases are *isolated* (each keeps only its own date).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

__all__ = ["QUOTES", "ByStart", "Clause", "Trigger", "Within", "clause_of", "clauses"]

QUOTES = "(\"'“‘”’"  # what may stand around a word
# Patterns searched through every sentence open with one character or class ("\s\s*",
# not "\s+"; the other ways in tested by lookbehinds after it): the engine then skips to
# the candidates.
_RELATIVE_CLAUSE = re.compile(r",?\s+\b(?:who|which)\b[^,;:()]*")
_NP_COORDINATION = re.compile(r"\s\s*and\s+(?=[A-Z][\w-]*['’]s\s)")  # "the 7 October operation and Israel's attacks"
# ", while X did": X's own clause
_COORDINATED_VERBS = ("conducted", "launched", "carried out", "fired", "targeted", "struck", "attacked", "hit", "shelled",
                      "bombed")
_COORDINATION = re.compile(r"[\s,](?:(?<=\s)\s*(?:and|then|while)\s+(?=(?:" + "|".join(_COORDINATED_VERBS) + r")\b)|"
                           r"(?<=,)\s+while\s+)")


class Trigger(NamedTuple):
    """A trigger word of a clause: its offset in the clause's words, the word as written,
    its groups and its offset in the document."""

    at: int
    word: str
    groups: frozenset[str]
    start: int


class ByStart:
    """Items sorted by start offset, sliced by the range their starts fall in."""

    def __init__(self, items: list, start=lambda item: item.start):
        self.items = items
        self.starts = [start(item) for item in items]

    def between(self, start: int, end: int) -> list:
        return self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]


class Within:
    """Whether a span lies inside one of a clause's pieces."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self.first, self.last = spans[0][0], spans[-1][1]

    def __call__(self, start: int, end: int) -> bool:
        if start < self.first or end > self.last:
            return False
        return len(self.spans) == 1 or any(x <= start and end <= y for x, y in self.spans)


class Clause(NamedTuple):
    spans: list[tuple[int, int]]  # its pieces in the document
    isolated: bool  # a coordinated noun phrase: only its own date counts
    words: str  # the pieces joined by spaces
    lowered: str  # the words lowered
    triggers: list[Trigger]  # in order


def clause_of(text: str, spans: list[tuple[int, int]], isolated: bool,
            triggers: list[tuple[int, int, frozenset[str]]]) -> Clause:
    pieces, found, offset = [], [], 0
    for a, b in spans:
        found += [Trigger(offset + s - a, text[s:e], groups, s) for s, e, groups in triggers if a <= s and e <= b]
        pieces.append(text[a:b])
        offset += b - a + 1
    words = " ".join(pieces)
    return Clause(spans, isolated, words, words.lower(), found)


def clauses(text: str, start: int, end: int):
    """(spans, isolated) of the main clause (possibly in pieces) and each relative clause.
    Coordinated predicates ("targeted X with drones and conducted a missile attack on Y")
    are clauses of their own that share the sentence's date; coordinated noun phrases
    ("the 7 October operation and Israel's attacks on Gaza") are *isolated*: each keeps
    only its own date."""
    relatives = [(m.start(), m.end()) for m in _RELATIVE_CLAUSE.finditer(text, start, end)] \
        if text.find("wh", start, end) >= 0 else []  # who, which: most sentences have neither
    main, cursor = [], start
    for a, b in relatives:
        if a > cursor:
            main.append((cursor, a))
        cursor = b
    if cursor < end:
        main.append((cursor, end))
    main = main or [(start, end)]
    sentence = text[start:end]  # the words each cut needs, looked for first: most sentences have none
    np_coordinated = "and" in sentence and ("'s" in sentence or "’s" in sentence)
    coordinated = "while" in sentence or (("and" in sentence or "then" in sentence)
                                          and any(verb in sentence for verb in _COORDINATED_VERBS))
    np_cuts = [m.start() for a, b in main for m in _NP_COORDINATION.finditer(text, a, b)] if np_coordinated else []
    for piece in _cut(main, np_cuts):
        cuts = [m.start() for a, b in piece for m in _COORDINATION.finditer(text, a, b)] if coordinated else []
        for part in _cut(piece, cuts):
            yield part, bool(np_cuts)
    for a, b in relatives:
        yield [(a, b)], False


def _cut(spans: list[tuple[int, int]], cuts: list[int]) -> list[list[tuple[int, int]]]:
    """Split a list of spans at the given offsets."""
    pieces, current = [], []
    for a, b in spans:
        for cut in [c for c in cuts if a < c < b]:
            current.append((a, cut))
            pieces.append(current)
            current, a = [], cut
        current.append((a, b))
    pieces.append(current)
    return [p for p in pieces if p]
