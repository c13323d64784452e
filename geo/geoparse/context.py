"""The words around a match, as the rules read them: the window of words before and
after it, words' keys, and the edges of a name (an attached article, an abbreviation's
final dot)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from geo.text import skeleton
from geo.text.words import ARTICLE_AT_START

__all__ = ["CAPITALISED_COMPASS", "HYPHENS", "LIST_GAP", "LOCATIVE_BEFORE", "PARENT_GAP", "STOP", "WORD", "Window", "bare",
           "bare_key", "extend_abbreviation", "extend_article", "key", "keyed", "window"]

WORD = re.compile(r"[^\W_][\w'’ʿʾ.-]*")
_ARTICLE_ENDS = frozenset("-‐ ")
_WORD_GOES_ON = re.compile(r"[\w'’ʿʾ.-]*")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:[AaEe][dlnrstz][-‐]|[AE]l )$")
# A locative word right before a name (search it in the few characters before the name):
# "in", "of", "near", "from" ..., with an optional "the".
LOCATIVE_BEFORE = re.compile(r"\b(?:in|of|near|at|from|to|outside|around|toward|towards|into|across|throughout|"
                             r"inside|via|between)\s+(?:the\s+)?$", re.IGNORECASE)
STOP_CHARS = ",;:.!?()[]\"“”—–"
STOP = re.compile("[" + re.escape(STOP_CHARS) + "]")
HYPHENS = frozenset({"-", "\u2010", "\u2011", "–"})  # hyphen, its Unicode forms (non-breaking too), en dash


# Between two names of a list: ", ", ", and ", " or ", " & ", and an article after it
# ("Iraq and the Kurdistan Region").
LIST_GAP = re.compile(r"(?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)(?:the\s+)?", re.IGNORECASE)
# Between a place and its parent: "Columbus, Georgia", "Rashidiya, Iraq".
PARENT_GAP = re.compile(r",\s*")
# Capitalised compass words that open a region's or an organisation's name ("East Azerbaijan
# province", "the University of Southern Denmark").
CAPITALISED_COMPASS = frozenset({"East", "West", "North", "South", "Eastern", "Western", "Northern", "Southern",
                                 "Central"})


def keyed(*words: str) -> frozenset[str]:
    """Words as the rules compare them: skeletons (key() of each word of a text)."""
    return frozenset(skeleton(w) for w in words)


class Window(NamedTuple):
    """Words around a match in the original text."""

    before: list[str]  # nearest last; only words not separated from the match by punctuation
    after: list[str]  # nearest first; idem
    glued_before: str  # the raw text between the previous word and the match
    glued_after: str  # the raw text between the match and the next word
    after_clause: list[str]  # after ", which"/", who": the words of that relative clause
    previous: str  # the word before glued_before, even across punctuation ("Gen." in "Gen. Jordan")


def window(text: str, start: int, end: int, size: int = 5) -> Window:
    left = text[max(0, start - 100):start]
    right = text[end:end + 100]
    # Only words not cut off from the match by punctuation count: those after the last stop.
    last_stop = STOP.search(left[::-1])
    cut = len(left) - last_stop.start() if last_stop else 0
    after_stop = WORD.findall(left, cut)
    before_words = after_stop or WORD.findall(left, 0, cut)  # the last word, even across the stop
    glued_before = left[left.rfind(before_words[-1]) + len(before_words[-1]):] if before_words else left
    before = after_stop[-size:]
    first_stop = STOP.search(right, 1 if right[:1] == "–" else 0)  # "Israel–Hamas war": a compound, no break
    # the words that start before the stop, the one it falls in whole ("and U.S. forces")
    stop_right = first_stop.start() if first_stop else len(right)
    if 0 < stop_right < len(right) and _end_of_word(right, stop_right - 1) > stop_right:
        stop_right = _end_of_word(right, stop_right)
    after = WORD.findall(right, 0, stop_right)[:size]
    first = WORD.search(right)
    glued_after = right[:first.start()] if first else right
    clause: list[str] = []
    if first is not None and first.group() in {"which", "who"} and glued_after.strip() == ",":
        stop_at = STOP.search(right, first.start())
        clause = WORD.findall(right, first.start(), stop_at.start() if stop_at else len(right))[1:size]
    return Window(before, after, glued_before, glued_after, clause, before_words[-1] if before_words else "")


def _end_of_word(text: str, i: int) -> int:
    """The end of the run of word characters from ``i`` (``i`` itself if there is none)."""
    run = _WORD_GOES_ON.match(text, i)
    return run.end() if run else i


def bare(word_key: str) -> str:
    """A word's key without a possessive ("force s" -> "force")."""
    return word_key[:-2] if word_key.endswith(" s") else word_key


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """A word's skeleton; words repeat, so it is cached."""
    return skeleton(word)


def bare_key(surface: str) -> str:
    """A name's key without its Arabic article: "al-Baghdadi" and "Baghdadi" are one name."""
    return key(ARTICLE_AT_START.sub("", surface))


def extend_article(text: str, start: int) -> int:
    """Include an article attached before the match (al-Harir for a match on Harir)."""
    if start < 3 or text[start - 1] not in _ARTICLE_ENDS:
        return start
    m = _ARTICLE_BEFORE.search(text, start - 3, start)
    return m.start() if m else start


def extend_abbreviation(text: str, end: int) -> int:
    """Include the final dot of a dotted abbreviation (U.S., U.A.E.)."""
    if text[end:end + 1] == "." and "." in text[max(0, end - 4):end]:
        return end + 1
    return end
