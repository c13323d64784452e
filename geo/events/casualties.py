"""How many an event killed and wounded, as a clause tells it: "killed three", "three U.S.
soldiers who were killed", "killing an American contractor", "no forces were harmed" (0),
and none when the clause does not say."""

from __future__ import annotations

import re

from geo.events.model import MAX_TOLL
from geo.text import NUMBER_WORDS, number_value

__all__ = ["killed", "wounded"]

_N = r"(\d[\d,]*|" + "|".join(NUMBER_WORDS) + r")"
# "killing an American contractor": one; not "a number of", "a dozen", "a few"
_N_OR_ONE = r"(\d[\d,]*|" + "|".join(NUMBER_WORDS) + r"|an?(?=\s)(?!\s+(?:number|dozen|few|total|series)\b))"
# the words between a number and its verb: "three U.S. soldiers who were killed"
_BETWEEN = r"\s+(?:[\w.'’-]+\s+){0,4}?(?:who\s+)?(?:were\s+|was\s+|being\s+|had been\s+|have been\s+)?"
_KILLED = [re.compile(r"\b(?:killed|killing|deaths? of)\s+(?:at least\s+|over\s+|more than\s+)?" + _N_OR_ONE + r"\b"),
           re.compile(r"\b" + _N + _BETWEEN + r"(?:killed|dead)\b")]
_WOUNDED = [re.compile(r"\b(?:wounded|injured|injuring|wounding)\s+(?:at least\s+|over\s+|more than\s+)?" + _N_OR_ONE
                       + r"\b"),
            re.compile(r"\b" + _N + _BETWEEN + r"(?:wounded|injured)\b")]
# "no casualties", "no U.S. or coalition personnel were harmed": none killed, none wounded
_NO_KILLED = re.compile(r"\bno (?:[\w.-]+\s+){0,4}?(?:casualties|deaths|fatalities|(?:were|was) (?:killed|harmed))\b")
_NO_WOUNDED = re.compile(r"\bno (?:[\w.-]+\s+){0,4}?(?:casualties|injuries|(?:were|was) (?:injured|wounded|harmed|hurt))\b")
_KILLED_STEMS, _WOUNDED_STEMS = ("kill", "dead", "death"), ("wound", "injur")  # words the patterns need
_NUMBER_REACH = 100  # characters: "thirty-four U.S. service members were wounded" fits


def killed(lowered: str) -> int | None:
    """How many the (lowered) clause says were killed."""
    return _count(_KILLED, _NO_KILLED, lowered, _KILLED_STEMS)


def wounded(lowered: str) -> int | None:
    """How many the (lowered) clause says were wounded."""
    return _count(_WOUNDED, _NO_WOUNDED, lowered, _WOUNDED_STEMS)


def _count(patterns: list[re.Pattern], none: re.Pattern, lowered: str, stems: tuple[str, ...]) -> int | None:
    """The number of the first pattern that matches: "killed three", then "three soldiers
    were killed"; 0 when the clause says there were none. Each pattern starts or ends with
    a stem's word, so each is tried only where a stem is (searching the whole clause tries
    their alternatives at every position)."""
    if "no " in lowered and none.search(lowered):
        return 0
    at = sorted(i for stem in stems for i in _occurrences(lowered, stem))
    if not at:  # most clauses name no casualty
        return None
    for i in at:
        m = patterns[0].match(lowered, i)
        if m:
            return 1 if m.group(1) in ("a", "an") else _toll(m.group(1))
    # the second ends at a stem's word: sought in the reach of a number and three words before it
    found = [m for i in at if (m := patterns[1].search(lowered, max(0, i - _NUMBER_REACH), i + 8))]
    return _toll(min(found, key=lambda m: m.start()).group(1)) if found else None


def _toll(word: str) -> int | None:
    """A number of people; none for a figure no toll can be (an ID, a year run into digits)."""
    value = number_value(word)
    return value if value <= MAX_TOLL else None


def _occurrences(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out
