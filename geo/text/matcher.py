"""Multi-pattern matching of normalised keys with pyahocorasick.

Keys are skeletons (see :mod:`geo.text.normalize`) stored with a leading space, and the
document skeleton is padded with one, so a key can only start at a word boundary;
the end boundary is checked per match.  ``iter_long`` gives leftmost-longest,
non-overlapping matches in one pass.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cached_property
from typing import Generic, Iterable, NamedTuple, TypeVar

import ahocorasick

from geo.text.normalize import Normalised, skeletons
from geo.text.sentences import SentenceIndex, hard_breaks

T = TypeVar("T")
_END_MARK = re.compile(r"[.!?\n]")  # in a match that may cross the end of a sentence or paragraph


class Hit(NamedTuple, Generic[T]):
    start: int  # offsets in the original text
    end: int
    key: str
    payload: T
    padded_start: int  # offsets in the padded skeleton
    padded_end: int


class KeyMatcher(Generic[T]):
    def __init__(self, entries: dict[str, T]):
        self._automaton = ahocorasick.Automaton()
        for key, payload in entries.items():
            if key:
                self._automaton.add_word(" " + key, (key, payload))
        # Keys with a shorter key as their first words ("al asad" and "al"): only a match of
        # one of these that ends inside a word can hide a shorter match ending at a boundary.
        self._nested = frozenset(k for k in entries if any(
            k[:i] in entries for i, c in enumerate(k) if c == " " and i))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._automaton)

    def scan(self, padded: str, breaks: Sequence[int] = ()) -> list[tuple[int, int, str, T]]:
        """(start, end, key, payload) in skeleton coordinates of ``padded`` (leading space
        included), leftmost-longest, each ending at a word boundary and crossing none of
        the ``breaks`` (sorted positions of spaces that end a sentence or paragraph)."""
        if self._empty:
            return []
        found: list[tuple[int, int, str, T]] = []
        size = len(padded)
        # A character no key holds at the end: pyahocorasick's iter_long drops a match
        # reached through a failure link at the end of the input ("... عين الاسد" after
        # " قاعده" began the longer key "قاعده عين الاسد الجويه"; issue #133, PR #224).
        padded += "\x00"
        position: int | None = 0
        while position is not None:
            position = self._scan_from(padded, size, position, found, breaks)
        return found

    def _scan_from(self, padded: str, size: int, position: int, found: list, breaks: Sequence[int] = ()) -> int | None:
        """Matches from ``position`` on, added to ``found``; where a match that ends inside
        a word holds a word boundary ("a mi" in " a k a mision suport site ..."), or
        crosses a break, the position to scan again from, as a key may start there, else
        None."""
        for last, entry in self._automaton.iter_long(padded, position):
            end = last + 1
            start = end - len(entry[0])
            if breaks:
                crossed = bisect_left(breaks, start + 1)
                if crossed < len(breaks) and breaks[crossed] < end:  # the longest key before the break, then on
                    shorter = self._shorter_at(padded, start, breaks[crossed] + 1)
                    if shorter:
                        found.append(shorter)
                        return shorter[1]
                    return padded.find(" ", start + 1)
            if end == size or padded[end] == " ":
                found.append((start, end, *entry))
                continue
            if entry[0] in self._nested:
                shorter = self._shorter_at(padded, start, end)
                if shorter:
                    found.append(shorter)
                    continue
            if " " in entry[0]:  # a key of several words, cut off in its last: one may start inside
                boundary = padded.find(" ", start + 1, end)
                if boundary > 0:
                    return boundary
        return None

    def _shorter_at(self, padded: str, start: int, end: int):
        """The longest key starting at ``start`` that ends at a boundary before ``end``."""
        best = None
        for last, (key, payload) in self._automaton.iter(padded, start - 1, end):
            stop = last + 1
            if stop - len(key) == start and stop < end and padded[stop] == " ":
                if best is None or stop > best[1]:
                    best = (start, stop, key, payload)
        return best


def grouped_matcher(groups: Iterable[tuple[str, Iterable[str]]]) -> KeyMatcher[frozenset[str]]:
    """A matcher of the words of named groups; each hit's payload is the groups its word
    (or a word with the same key) belongs to."""
    pairs = [(name, word) for name, words in groups for word in words]
    keys: dict[str, frozenset[str]] = {}
    for k, (name, _) in zip(skeletons([word for _, word in pairs]), pairs):
        keys[k] = keys.get(k, frozenset()) | {name}
    return KeyMatcher(keys)


class TextIndex:
    """A document's normal form and sentences, computed once and shared by every stage."""

    def __init__(self, text: str):
        self.text = text
        self._normal = Normalised(text)
        self.padded = " " + self._normal.skeleton

    @cached_property
    def sentences(self) -> SentenceIndex:
        return SentenceIndex(self.text)

    def hits(self, matcher: KeyMatcher[T]) -> list[Hit[T]]:
        hits: list[Hit[T]] = self._hits(matcher.scan(self.padded))
        # Rarely, a key of several words runs across the end of a sentence or paragraph:
        # scan again, kept from it.
        if any(" " in h.key and _END_MARK.search(self.text, h.start, h.end) and hard_breaks(self.text, h.start, h.end)
               for h in hits):
            hits = self._hits(matcher.scan(self.padded, self._breaks))
        return hits

    def _hits(self, found: list[tuple[int, int, str, T]]) -> list[Hit[T]]:
        starts, ends = self._normal.spans([s - 1 for s, _, _, _ in found], [e - 1 for _, e, _, _ in found])
        return [Hit(a, b, key, payload, s, e) for a, b, (s, e, key, payload) in zip(starts, ends, found)]

    @cached_property
    def _breaks(self) -> list[int]:
        """The ends of sentences and paragraphs, as positions of spaces in the padded skeleton."""
        return [self._normal.skeleton_index(i) + 1 for i in hard_breaks(self.text)]

    def words_after(self, padded_end: int, count: int) -> list[str]:
        """The next ``count`` normalised words after a padded-skeleton offset."""
        return self.padded[padded_end:padded_end + 24 * count].split()[:count]
