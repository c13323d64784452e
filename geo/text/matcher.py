"""Multi-pattern matching of normalised keys with pyahocorasick.

Keys are skeletons (see :mod:`geo.text.normalize`).  In the automaton and in the text it
scans, every word is followed by a mark (``_MARK``, which no skeleton holds) and preceded
by a space: a key can then only match whole words, and two keys side by side do not
share a character.  ``iter_long`` gives the leftmost-longest non-overlapping matches in
one pass, and every match it gives is kept; without the marks, a short key matched the
start of most words ("co" in "conflict") and each such match had to be turned away in
Python.  The end of a sentence or a paragraph is a second mark, which no key crosses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property
from typing import Generic, Iterable, NamedTuple, TypeVar

import ahocorasick

from geo.text.normalize import Normalised, skeletons
from geo.text.sentences import SentenceIndex, hard_breaks

T = TypeVar("T")
_END_MARK = re.compile(r"[.!?\n]")  # in a match that may cross the end of a sentence or paragraph
_MARK = "\x01"


class Hit(NamedTuple, Generic[T]):
    start: int  # offsets in the original text
    end: int
    key: str
    payload: T
    padded_start: int  # offsets in the padded skeleton
    padded_end: int


def marked(padded: str, breaks: Sequence[int] = ()) -> str:
    """The padded skeleton as the automaton scans it: a mark after every word, and one
    more at each of the ``breaks`` (sorted positions of spaces that end a sentence or a
    paragraph).  A character that no key holds ends it: pyahocorasick's ``iter_long``
    drops a match reached through a failure link at the end of the input (issue #133,
    PR #224)."""
    if breaks:
        pieces = [padded[a:b] for a, b in zip((0, *breaks), (*breaks, len(padded)))]
        padded = _MARK.join(pieces)
    return padded.replace(" ", _MARK + " ") + _MARK + "\x00"


class KeyMatcher(Generic[T]):
    def __init__(self, entries: dict[str, T]):
        self._automaton = ahocorasick.Automaton()
        for key, payload in entries.items():
            if key:
                self._automaton.add_word(" " + key.replace(" ", _MARK + " ") + _MARK, (key, payload))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._automaton)

    def scan(self, text: str) -> list[tuple[int, int, str, T]]:
        """(start, end, key, payload) in the coordinates of the padded skeleton that
        ``text`` marks (see ``marked``), leftmost-longest, whole words only."""
        if self._empty:
            return []
        found: list[tuple[int, int, str, T]] = []
        count = position = 0  # the marks before ``position``
        for last, (key, payload) in self._automaton.iter_long(text):
            first = last + 1 - len(key) - key.count(" ") - 2  # the space before the key's first word
            count += text.count(_MARK, position, first)
            position = first
            start = first - count + 1
            found.append((start, start + len(key), key, payload))
        return found


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

    @cached_property
    def _marked(self) -> str:
        return marked(self.padded)

    def hits(self, matcher: KeyMatcher[T]) -> list[Hit[T]]:
        hits: list[Hit[T]] = self._hits(matcher.scan(self._marked))
        # Rarely, a key of several words runs across the end of a sentence or paragraph:
        # scan again, kept from it.
        if any(" " in h.key and _END_MARK.search(self.text, h.start, h.end) and hard_breaks(self.text, h.start, h.end)
               for h in hits):
            hits = self._hits(matcher.scan(self._marked_at_breaks))
        return hits

    def _hits(self, found: list[tuple[int, int, str, T]]) -> list[Hit[T]]:
        starts, ends = self._normal.spans([s - 1 for s, _, _, _ in found], [e - 1 for _, e, _, _ in found])
        return [Hit(a, b, key, payload, s, e) for a, b, (s, e, key, payload) in zip(starts, ends, found)]

    @cached_property
    def _marked_at_breaks(self) -> str:
        """Marked with the ends of sentences and paragraphs (positions of spaces in the padded skeleton)."""
        return marked(self.padded, [self._normal.skeleton_index(i) + 1 for i in hard_breaks(self.text)])

    def words_after(self, padded_end: int, count: int) -> list[str]:
        """The next ``count`` normalised words after a padded-skeleton offset."""
        return self.padded[padded_end:padded_end + 24 * count].split()[:count]
