"""Sentence spans of a news text: line breaks and sentence-final punctuation followed by
a capital, except after abbreviations, initials and decimal numbers."""

from __future__ import annotations

import bisect
import re

# A sentence's end: its marks, closing quotes or brackets, the space, and a capital next.
# The patterns built on it open with one character class (the other ways in are tested by
# lookbehinds after it): the regular-expression engine then skips to the next candidate
# character instead of trying the whole pattern at every position, three times faster.
# after the closing marks, a page's note marks ("...in 2016.[4] In August")
_SENTENCE_END = r"(?<=[.!?])[.!?]*[\"'”’)\]]*(?:\[(?:\d{1,3}|[a-z]|note \d{1,3})\])*\s+(?=[\"'“‘(\[]?[A-Z0-9])"
# a sentence glued to the next by a lost space ("U.S. forces.On 3 December"): a word of
# lower-case letters, its mark, and a capitalised word (see _glued)
_GLUED = r"(?<=[a-z]{3}[.!?])(?=[A-Z][a-z])"
_BREAK = re.compile(r"[.!?\n](?:" + _SENTENCE_END + r"|(?<=\n)\s*|" + _GLUED + ")")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "vs", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "a.m", "p.m", "e.g", "i.e", "prof", "sen", "rep", "gov", "inc", "co",
    "ft", "mt", "adm", "brig", "cmdr", "cpl", "pfc", "pvt", "spc", "jr", "sr", "rev", "dept", "ave",
}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BREAK.finditer(text):
        if m.group().startswith(".") and _is_abbreviation(text, start, m.start() + 1):
            continue
        if m.end() == m.start() + 1 and m.group() != "\n" and not _glued(text, m.start()):
            continue
        _append(text, spans, start, m.start() + len(m.group().rstrip()))
        start = m.end()
    _append(text, spans, start, len(text))
    return spans


# A paragraph's end (a blank line) or a sentence's (as _BREAK, not across a line wrap).
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_HARD_BREAK = re.compile(r"[.!?\n](?:" + _SENTENCE_END + r"|(?<=\n)[^\S\n]*\n)")


def hard_breaks(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where sentences and paragraphs end in ``text[start:end]`` (the offset of the mark
    or of the blank line), abbreviations and initials left out: no name runs across one
    ("Madinat Khalifah.\n\nA" is no "Madinat Khalifah A")."""
    end = len(text) if end is None else end
    return [m.start() for m in _HARD_BREAK.finditer(text, start, end)
            if not (m.group().startswith(".") and _is_abbreviation(text, max(0, m.start() - 40), m.start() + 1))
            or _BLANK_LINE.search(m.group())]


def _is_abbreviation(text: str, start: int, dot_end: int) -> bool:
    """Whether the word ending at a full stop (at most 40 characters back) is an
    abbreviation or an initial.  A backward scan: a regex anchored at the end would be
    tried at every position of the stretch."""
    first, i = max(start, dot_end - 40), dot_end - 1
    while i > first and (text[i - 1].isalnum() or text[i - 1] in "._"):  # [\w.]
        i -= 1
    word = text[i:dot_end].rstrip(".").lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _glued(text: str, mark: int) -> bool:
    """Whether the word before a mark with no space after it is a word of lower-case
    letters, not the end of a web address or a file's name ("www.Centcom", "index.Html")."""
    i = mark
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return mark - i >= 3 and text[i:mark].islower() and (i == 0 or text[i - 1] in " \t\n\"'“‘(")


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


class SentenceIndex:
    """Finds the sentence around an offset."""

    def __init__(self, text: str):
        self.text = text
        self.spans = sentence_spans(text)
        self._starts = [s for s, _ in self.spans]
        self._texts: dict[tuple[int, int], str] = {}
        self._last = (0, 0)  # the last sentence found: the next mention is most often in it too

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence containing [start, end); spans several when a mention crosses a break."""
        last = self._last
        if last[0] <= start and end <= last[1]:
            return last
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        j = max(bisect.bisect_right(self._starts, max(end - 1, start)) - 1, i)
        if not self.spans:
            return start, end
        if i == j and self.spans[i][0] <= start and end <= self.spans[i][1]:
            self._last = self.spans[i]
            return self._last
        return min(self.spans[i][0], start), max(self.spans[j][1], end)

    def text_around(self, start: int, end: int) -> tuple[int, str]:
        """The start and text of the sentence around [start, end); the mentions of a
        sentence share one string."""
        span = self.around(start, end)
        if span not in self._texts:
            self._texts[span] = self.text[span[0]:span[1]]
        return span[0], self._texts[span]
