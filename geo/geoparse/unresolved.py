"""Place-like phrases the gazetteer does not know, so a curator sees what to add, each
with the kind of site its words suggest (a kind of the gazetteer, ``geo/data/README.md``;
empty when the words do not say).

Three patterns, in the order they win when two overlap:

1. facility phrases, whose own words say what the place is; the whole phrase is the span:
   a designator before the name ("Camp Buehring", "Fort Hood", "Mission Support Site
   Conoco", "MSS Conoco", "Tower 22", "Tower22", "Tower-22"), a capitalised designator
   after it ("Dyess Air Force Base", "Tiyas Air Base", "T-4 Airbase", "Rukban Camp",
   "Landstuhl Regional Medical Center", "Yarmouk Hospital"), an embassy or consulate in a
   named place ("US embassy in Farzeh");
2. a capitalised name before a site head noun written in lower case ("the Kharab al-Jir
   base", "Qasrak crossing", "Raqqa province", "the Rukban refugee camp"): the head noun
   is no part of the name, and gives the kind, as it picks a known name's kind;
3. a capitalised name after a locative preposition ("in Farzeh", "near the Rukban
   camp"): no kind.

A name starts with no word of the non-place lexicon (months, demonyms, "Iraqi-Syrian")
and holds no organisation's head noun ("the Atlantic Council").  In patterns 2 and 3, a
name after a title or a given name is a person's, as the rules read it ("at President
Biden's direction"), and is not reported; a facility phrase may start with one ("King
Faisal Air Base", "Sheikh Zayed Hospital": the designator says it is no person), but not
follow one ("Lt. Col. Camp", "John Camp").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate, islice

from geo.gazetteer import Lexicons
from geo.geoparse.context import key

_CAP = r"[A-Z][\w'’ʿ]*(?:-[\w'’ʿ]+)*"
_PART = r"(?:(?:al|el|Al|El)[-\s])?" + _CAP
_NAME = _PART + r"(?:\s+(?:al-|el-|al\s|el\s)?" + _CAP + r"){0,3}"
# Facility phrases do not run across a line break (a title line ends before the text).
_SP = r"[^\S\n]+"
_NAME_IN_LINE = (r"(?:(?:al|el|Al|El)(?:-|" + _SP + "))?" + _CAP
                 + r"(?:" + _SP + r"(?:al-|el-|al" + _SP + r"|el" + _SP + r")?" + _CAP + r"){0,3}")


def _opening(word: str) -> str:
    """A literal word that must start a word: the word boundary is checked behind it once
    the word has matched, since a pattern that opens with literals lets the engine skip
    ahead to their first letters."""
    return word + r"(?<!\w" + "." * len(word) + ")"


_PREPOSITIONS = "|".join(_opening(p) for p in ("in", "near", "outside", "around", "at"))
_AFTER_PREPOSITION = re.compile(r"(?:" + _PREPOSITIONS + r")\s+(?:the\s+)?(" + _NAME + r")")
_HEADS = (r"base|bases|air\s?base|airfield|airport|crossing|border\s+crossing|province|governorate|"
          r"district|camp|gas\s+field|oil\s+field|field|port|refinery|outpost|garrison")
_BEFORE_HEAD = re.compile(r"(" + _NAME + r")\s+(?:(military|air|refugee|IDP|displacement|displaced(?:\s+persons)?)"
                          r"\s+)?(" + _HEADS + r")\b")
# The kind each lower-case head noun suggests ("field" alone: a gas or an oil field, or an airfield).
_HEAD_KINDS = {
    "base": "base", "bases": "base", "airbase": "airbase", "air base": "airbase", "airfield": "airbase",
    "airport": "airport", "crossing": "border-crossing", "border crossing": "border-crossing",
    "province": "governorate", "governorate": "governorate", "district": "district", "camp": "base",
    "gas field": "gas-field", "oil field": "oil-field", "field": "", "port": "port", "refinery": "facility",
    "outpost": "outpost", "garrison": "base",
}
_AIR_HEADS = {"base": "airbase", "bases": "airbase", "field": "airbase"}
# Camps of the displaced are facilities in the gazetteer (rukban-camp, al-hol-camp).
_DISPLACED = frozenset({"refugee", "refugees", "idp", "idps", "displacement", "displaced"})

# Capitalised designators that end a facility's name: their last word, then the words of
# each (lower case) with the kind it gives, longest first.
_CAPITAL_HEAD = re.compile(r"(?:Base|Airbase|Field|Airfield|Camp|Garrison|Outpost|Crossing|Center|Centre|Hospital)"
                           r"(?![\w'’ʿ-])(?!" + _SP + r"[A-Z0-9])")  # not "Joint Base Balad"
_DESIGNATORS_AFTER = sorted({
    ("air", "force", "base"): "airbase", ("air", "base"): "airbase", ("airbase",): "airbase",
    ("army", "air", "field"): "airbase", ("army", "airfield"): "airbase", ("air", "field"): "airbase",
    ("airfield",): "airbase", ("base",): "base", ("camp",): "base", ("garrison",): "base",
    ("outpost",): "outpost", ("border", "crossing"): "border-crossing", ("crossing",): "border-crossing",
    ("medical", "center"): "facility", ("medical", "centre"): "facility", ("hospital",): "facility",
}.items(), key=lambda item: -len(item[0]))
_NAME_WORDS_BEFORE = 5  # at most, "al" counted as a word: as many as _NAME holds
# The last character before ``pos`` that cannot be in a name on one line.
_LAST_NOT_IN_LINE_NAME = re.compile(r"(?s:.*)[^\w'’ʿ \t\u00a0-]")

# Designators before a name (and the kind each gives), facilities named by a number, and
# an embassy or a consulate in a named place.  (_KEYWORDS below holds their first words.)
# The rules read a known place's name after a capitalised designator as the facility's
# ("Camp New York").
DESIGNATORS_BEFORE = {
    "Camp": "base", "Fort": "base", "Ft.": "base", "Ft": "base", "Joint Base": "base", "Mission Support Site": "base",
    "MSS": "base", "FOB": "base", "Forward Operating Base": "base", "Combat Outpost": "outpost", "Outpost": "outpost",
    "outpost": "outpost",
}
_FACILITY_FIRST = re.compile(
    r"(?P<designator>" + "|".join(_SP.join(map(re.escape, d.split())) for d in DESIGNATORS_BEFORE) + r")" + _SP
    + r"(?P<name>" + _NAME_IN_LINE + r")"
    r"|Tower(?:-|" + _SP + r")?\d+(?![\w'’])"
    r"|(?:[Ee]mbassy|[Cc]onsulate)(?:" + _SP + r"[Gg]eneral)?" + _SP + r"in" + _SP + r"(?:the" + _SP + r")?"
    r"(?P<place>" + _NAME_IN_LINE + r")")
# Whose mission: "the US embassy", "the Turkish consulate".
_OWNER = re.compile(r"(?:U\.S\.|U\.K\.|US|UK|United" + _SP + r"States|[A-Z][a-z]+)" + _SP + r"$")
_PERSON_BEFORE = re.compile(r"(?:([A-Z][a-z]*)\.?" + _SP + r")?([A-Z][a-z]*)\.?" + _SP + r"$")
_ORGANISATION_HEAD_AFTER = re.compile(_SP + r"([A-Z]\w*)")

# One scan finds every space before a word that may end or open a phrase: a head noun, a
# designator (the first word of one), "Tower", "embassy".  Its lookahead is written as a
# tree of first letters, with a class of those letters in front: most spaces fail at once.
_KEYWORDS = (r"a(?:ir(?:\s?base|field|port))|b(?:ases?|order\s+crossing)|c(?:amp|rossing|onsulate)|district|"
             r"embassy|field|g(?:overnorate|arrison|as\s+field)|o(?:il\s+field|utpost)|p(?:rovince|ort)|refinery|"
             r"A(?:irbase|irfield)|Base|C(?:amp|ent(?:er|re)|rossing|ombat|onsulate)|Embassy|"
             r"F(?:ield|ort|t|OB|orward)|Garrison|Hospital|Joint|M(?:ission|SS)|Outpost")
_SPACE_BEFORE_KEYWORD = re.compile(r"\s(?=[abcdefgoprABCEFGHJMOT])(?=(?:" + _KEYWORDS + r")\b|Tower)")

# A _BEFORE_HEAD match holds only name characters (_NOT_IN_NAME finds the others) and a
# space before a head noun.  So no match crosses another character, and searching only
# the stretches of name characters around such spaces finds what a search of the whole
# text finds; ending a search at a character that is not a word character leaves "\b"
# unchanged.  (?s:.*) is greedy: it finds the last such character in its range.
_NOT_IN_NAME = r"[^\w'’ʿ\s-]"
_NEXT_NOT_IN_NAME = re.compile(_NOT_IN_NAME)
_LAST_NOT_IN_NAME = re.compile(r"(?s:.*)" + _NOT_IN_NAME)
_LOOKBACK = 256
_WORD = re.compile(r"\S+")
# Titles (person_titles) that open places' names as often as people's: "Abu Kamal", "Umm Qasr".
_NAME_PARTICLES = frozenset(key(w) for w in ("Abu", "Umm", "Bin", "Ibn", "Bint"))

Span = tuple[int, int]
Found = tuple[int, int, str]


def find_unresolved(text: str, taken: list[Span], lexicons: Lexicons,
                    known: Sequence[Span] | None = None) -> list[Found]:
    """(start, end, guessed kind) of the place-like phrases nothing resolved, in text
    order, none overlapping another or anything in ``known`` (the mentions the geoparser
    reports and organisation names; ``taken`` when not given).  A name after a preposition
    or before a head noun overlaps nothing in ``taken`` either (every gazetteer match,
    organisation names); a facility phrase may, so that "Camp X" is reported when the
    rules set the match on X aside."""
    covered = _Spans(taken)
    covered_known = covered if known is None else _Spans(known)
    named_first: list[Found | None] = []  # "Zelwood Air Base"
    designator_first: list[Found | None] = []  # "Camp Zelwood"
    heads: list[Found] = []
    # Every phrase opens at the start of the text or after a space that the scan finds.
    opening = _FACILITY_FIRST.match(text)
    if opening:
        designator_first.append(_facility_first(text, opening, covered_known, lexicons))
    stretch_end = 0
    for space in _SPACE_BEFORE_KEYWORD.finditer(text):
        pos = space.end()
        if text[pos].isupper():
            head = _CAPITAL_HEAD.match(text, pos)
            if head:
                named_first.append(_named_before_designator(text, pos, head.end(), covered_known, lexicons))
        elif space.start() >= stretch_end:
            stretch_start, stretch_end = _stretch(text, space.start())
            for m in _BEFORE_HEAD.finditer(text, stretch_start, stretch_end):
                span = _trim(text, m.start(1), m.end(1), lexicons)
                if span and not covered.overlap(*span) and not covered_known.overlap(*span):
                    heads.append((*span, _head_kind(m.group(2), m.group(3))))
        opening = _FACILITY_FIRST.match(text, pos)
        if opening:
            designator_first.append(_facility_first(text, opening, covered_known, lexicons))
    names: list[Found] = []
    for m in _AFTER_PREPOSITION.finditer(text):
        span = _trim(text, m.start(1), m.end(1), lexicons)
        if span and not covered.overlap(*span) and not covered_known.overlap(*span):
            names.append((*span, ""))
    # The last word of a phrase says what it names: "Camp Zelwood Air Base" is an airbase.
    facilities = [[f for f in found if f] for found in (named_first, designator_first)]
    return _without_overlaps([*facilities, heads, names], len(text))


class _Spans:
    """Whether a span overlaps any of some spans (which may overlap one another)."""

    def __init__(self, spans: Sequence[Span]):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max, initial=0))  # the furthest end so far

    def overlap(self, start: int, end: int) -> bool:
        return self.reach[bisect_left(self.starts, end)] > start


def _without_overlaps(found: list[list[Found]], length: int) -> list[Found]:
    """The phrases of each list in turn (the first list wins), leaving out those that
    overlap one already kept; in a list, a longer phrase wins, then the one found first."""
    claimed = bytearray(length + 1)
    kept: list[Found] = []
    for phrases in found:
        for start, end, kind in sorted(dict.fromkeys(phrases), key=lambda f: (f[0] - f[1], f[0])):
            if 1 not in claimed[start:end]:
                claimed[start:end] = b"\x01" * (end - start)
                kept.append((start, end, kind))
    return sorted(kept)


def _stretch(text: str, pos: int) -> Span:
    """The run of characters that can be in a name (word characters, apostrophes,
    hyphens, spaces) around ``pos``."""
    lookback = max(0, pos - _LOOKBACK)
    before = _LAST_NOT_IN_NAME.match(text, lookback, pos) or _LAST_NOT_IN_NAME.match(text, 0, lookback)
    after = _NEXT_NOT_IN_NAME.search(text, pos)
    return (before.end() if before else 0), (after.start() if after else len(text))


def _head_kind(modifier: str | None, head: str) -> str:
    head = " ".join(head.lower().split())
    if modifier == "air":
        return _AIR_HEADS.get(head, _HEAD_KINDS[head])
    if modifier and head == "camp" and modifier.split()[0].lower() in _DISPLACED:
        return "facility"
    return _HEAD_KINDS[head]


def _trim(text: str, start: int, end: int, lexicons: Lexicons) -> Span | None:
    """Drop leading words that cannot start a place name; None when nothing is left, the
    rest names an organisation, or a title or a given name before it makes it a person's
    name ("President Biden's", as the rules read it; not "Abu", "Umm", which open places'
    names too)."""
    words = text[start:end].split()
    for i, word in enumerate(words):
        k = key(word)
        if word[:1].isupper() and k and k not in lexicons.name_blockers and not _joins_non_places(k, lexicons):
            if _names_an_organisation(words[i:], lexicons):
                return None
            return _word_start(text, start, end, i), end
        if word[:1].islower() and not word.lower().startswith(("al-", "el-")):
            return None
        if (k in lexicons.person_titles or k in lexicons.given_names) and k not in _NAME_PARTICLES:
            return None
    return None


def _joins_non_places(k: str, lexicons: Lexicons) -> bool:
    """"Iraqi-Jordanian", "Syrian-Iraqi": demonyms joined by a hyphen."""
    parts = k.split()
    return len(parts) > 1 and all(p in lexicons.non_places for p in parts)


def _names_an_organisation(words: list[str], lexicons: Lexicons) -> bool:
    """The Atlantic Council, Georgetown University, the Hawza: an organisation's head noun among the words."""
    return any(key(word) in lexicons.org_heads for word in words)


def _word_start(text: str, start: int, end: int, i: int) -> int:
    """Where the ``i``-th word of the name at ``start`` begins (a name never starts with a space)."""
    return start if i == 0 else next(islice(_WORD.finditer(text, start, end), i, None)).start()


# -- facility phrases ----------------------------------------------------------------------
def _named_before_designator(text: str, pos: int, end: int, covered: _Spans, lexicons: Lexicons) -> Found | None:
    """"Dyess Air Force Base", "Rukban Camp" (the head word at ``pos``): the words before
    the designator back to the first that cannot be in a name ("Rockets Hit Al Asad Air
    Base": Al Asad Air Base)."""
    lookback = max(0, pos - 160)
    brk = _LAST_NOT_IN_LINE_NAME.match(text, lookback, pos)
    words = list(_WORD.finditer(text, brk.end() if brk else lookback, end))
    if not brk and lookback > 0:
        words = words[1:]  # perhaps cut
    lowered = [w.group().lower() for w in words[-3:]]
    for designator, kind in _DESIGNATORS_AFTER:
        if len(designator) < len(words) and tuple(lowered[-len(designator):]) == designator:
            break
    else:
        return None  # "Field", "Center" without "Air", "Medical"
    name = words[-len(designator) - _NAME_WORDS_BEFORE:-len(designator)]
    first = len(name)
    while first > 0 and _may_be_in_a_facility_name(name[first - 1], covered, lexicons):
        first -= 1
    kept = [w.group() for w in name[first:]]
    if not kept or _names_an_organisation(kept, lexicons) or _organisation_after(text, end, lexicons):
        return None
    start = name[first].start()
    if covered.overlap(start, end) or _person_before(text, start, lexicons):
        return None
    if len(designator) == 1 and len(kept) == 1 and key(kept[0]) in lexicons.given_names:
        return None  # "John Camp", "Sally Field": a person
    if designator == ("camp",) and _DISPLACED.intersection(map(str.lower, kept)):
        kind = "facility"
    return start, end, kind


def _may_be_in_a_facility_name(word: re.Match[str], covered: _Spans, lexicons: Lexicons) -> bool:
    """Given names and titles may ("King Faisal", "Sheikh Zayed"); a word that cannot
    start a name, a function word or a known place may not."""
    k = key(word.group())
    if not k or covered.overlap(word.start(), word.end()):
        return False
    lowered = word.group().lower()
    if lowered in ("al", "el") or lowered.startswith(("al-", "el-")):  # "Ain al Asad", "Al Asad", "al-Asad"
        return True
    if not word.group()[:1].isupper():
        return False
    return k not in lexicons.non_places and k not in lexicons.function_words and k not in lexicons.verbs


def _facility_first(text: str, m: re.Match[str], covered: _Spans, lexicons: Lexicons) -> Found | None:
    """"Camp Buehring", "outpost Farzeh", "Tower 22", "the US embassy in Farzeh"."""
    start, end = m.span()
    if m.group("place"):  # an embassy: whose, in which place
        name_end = _name_end(text, m.start("place"), m.end("place"), covered, lexicons)
        if name_end is None:
            return None
        end = name_end
        owner = _OWNER.search(text, max(0, start - 20), start)
        if owner and key(owner.group().split()[0]) not in lexicons.function_words \
                and not covered.overlap(owner.start(), start):
            start = owner.start()
        kind = "facility"
    elif m.group("name"):
        name_end = _name_end(text, m.start("name"), m.end("name"), covered, lexicons)
        if name_end is None or _person_before(text, start, lexicons):
            return None
        end = name_end
        designator = " ".join(m.group("designator").split())
        kind = DESIGNATORS_BEFORE[designator]
        if designator == "outpost":  # in lower case, no part of the name
            start = m.start("name")
    else:  # "Tower 22"
        kind = "outpost"
    if covered.overlap(start, end) or _organisation_after(text, end, lexicons):
        return None
    return start, end, kind


def _name_end(text: str, start: int, end: int, covered: _Spans, lexicons: Lexicons) -> int | None:
    """Where the name after a designator ends: before the first word that cannot be in a
    name or is a known place ("Camp Arifjan Kuwait"); None when no word is left or an
    organisation's head noun is among them ("Camp David Accords")."""
    kept = []
    for word in _WORD.finditer(text, start, end):
        k = key(word.group())
        if (not k or covered.overlap(word.start(), word.end()) or k in lexicons.non_places
                or k in lexicons.function_words):
            break
        kept.append(word)
    if not kept or _names_an_organisation([w.group() for w in kept], lexicons):
        return None
    return kept[-1].end()


def _person_before(text: str, start: int, lexicons: Lexicons) -> bool:
    """"Col. Camp", "John Camp", "Col. Ian Camp": a title or a given name right before the
    designator, or a title before the capitalised word right before it."""
    before = _PERSON_BEFORE.search(text, max(0, start - 40), start)
    if not before:
        return False
    last = key(before.group(2))
    if last in lexicons.person_titles or last in lexicons.given_names:
        return True
    return bool(before.group(1)) and key(before.group(1)) in lexicons.person_titles


def _organisation_after(text: str, end: int, lexicons: Lexicons) -> bool:
    """"Camp Victory Command": an organisation's head noun right after the phrase."""
    after = _ORGANISATION_HEAD_AFTER.match(text, end)
    return after is not None and key(after.group(1)) in lexicons.org_heads

