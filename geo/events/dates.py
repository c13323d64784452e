"""Temporal expressions, normalised against the publication date (as HeidelTime or SUTime do).

Each expression found in a text becomes a :class:`TimeRef`: a date, an end date, a
precision (``day``, ``week``, ``month`` in ACLED's sense, or ``year``) and how it was derived
(``explicit``, ``relative-to-publication``, ``relative-to-event``).  A publication date
known only to the month bounds what can be resolved: a weekday then resolves to the
month, never to an invented day.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from geo.corpus import Publication
from geo.text import NUMBER_WORDS, KeyMatcher, TextIndex, grouped_matcher

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
COUNT_WORDS = {"a": 1, "an": 1, **NUMBER_WORDS}  # "a week later", "three days after"


def _initials(words: list[str], digit: bool = False) -> str:
    """A lookahead for the first letters of ``words`` (or a digit).  Put where every match
    goes on with one of ``words``, it changes no match; but the regex engine then turns
    away most words of the text in one test instead of trying each alternative in turn."""
    width = min(3, *map(len, words))
    letters = "".join("[" + "".join(sorted({w[i] for w in words})) + "]" for i in range(width))
    return "(?=" + letters + (r"|\d" if digit else "") + ")"


def _alternation(words: list[str]) -> str:
    return _initials(words) + "(?:" + "|".join(words) + ")"


_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
_PARTS = ["early", "mid", "late", "end of", "beginning of", "the end of", "the beginning of"]
_NUMBER_LEADS = [*COUNT_WORDS, "a few", "several", "few", "day", "days", "week", "weeks"]
_SAME_DAY = ["same day", "next day", "following day", "day before", "previous day", "earlier in the day",
             "later in the day", "earlier that day", "later that day", "previous week", "following week"]
_DAY_SHIFTS = {"same day": 0, "next day": 1, "following day": 1, "day before": -1, "previous day": -1,
               "earlier in the day": 0, "later in the day": 0, "earlier that day": 0, "later that day": 0}
_LAST_WEEK = ["last week", "this week", "earlier this week", "last month", "this month", "earlier this month",
              "yesterday"]
_MONTH_LEADS = ["in", "since", "during", "of", "by", "until", "from", "early", "late"]
# A briefing's or a release's words for its own day, the night before it and its weekend
_DAY_WORDS = ["today", "tonight", "earlier today", "later today", "this morning", "this afternoon", "this evening",
              "earlier this evening", "earlier this morning", "last night", "overnight", "this weekend",
              "last weekend", "over the weekend"]
_THE_NIGHT_BEFORE = {"last night", "overnight"}
# "Today, it operates ...": the present, not a day; "confirmed today that ...": the day of the
# statement, not of what it tells (which then needs a date of its own)
_PRESENT_AFTER = re.compile(r",?\s+(?:[\w-]+\s+){0,3}?(?:is|are|has|have|remains|operates|continues|exists|hosts)\b")
# "Today, Rep. X released the following statement after ...": the day of the statement
_STATEMENT_AFTER = re.compile(r"[^;:\n]{0,160}?\b(?:released|issued|made|delivered)\s+(?:the\s+following|a|this|his|her)\s+"
                              r"(?:\w+\s+)?(?:statement|remarks)", re.I)
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|confirmed|confirms|announced|announces|stated|states|reported|reports|"
                            r"released|releases|issued|issues|told|added|noted|acknowledged)\s+$", re.I)
_YEAR_WORDS = ["last year", "this year", "earlier this year", "the previous year", "the past year"]
# The words before a bare year that make it a date: "in 2021", "the 2021 Erbil rocket attacks"
_YEAR_LEADS = ["in", "during", "the", "of", "early", "late", "by", "throughout", "since", "until", "mid"]
_YEAR_NUMBERS = [str(y) for y in range(1900, 2100)]

_M = r"(?P<m>" + _alternation(_MONTH_NAMES) + r")\.?"
_W = r"(?P<wd>" + _alternation(list(WEEKDAYS)) + r")"
_Y = r"(?P<y>(?:19|20)\d\d)"
# a year written with a day or a month may be any of a history's ("18 February 1836")
_FULL_Y = r"(?P<y>(?:1[0-9]|20)\d\d)"
_D = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_N = r"(?P<n>\d+|" + "|".join(COUNT_WORDS) + r")"
# (kind, the word categories one of which every match contains, pattern), the more specific first
_PATTERNS = [(kind, frozenset(needs.split("|")), re.compile(pattern, re.I)) for kind, needs, pattern in [
    # (a day glued to a capitalised month: see _GLUED_MONTH)
    ("day_month", "month", r"\b" + _initials([*WEEKDAYS, "the"], digit=True) + r"(?:" + _W + r",?\s+)?(?:the\s+)?"
     + _D + r"(?:\s+(?:of\s+)?|(?-i:(?=[A-Z])))" + _M + r"(?:,?\s+" + _FULL_Y + r")?\b"),
    ("month_day", "month", r"\b" + _initials([*WEEKDAYS, *MONTHS]) + r"(?:" + _W + r",?\s+)?" + _M + r"\s+" + _D
     + r"(?:,?\s+" + _FULL_Y + r")?\b"),
    ("part_month", "month", r"\b(?P<part>" + _alternation(_PARTS) + r")[-\s]+" + _M + r"(?:\s+" + _FULL_Y + r")?\b"),
    ("month_year", "month", r"\b" + _M + r",?\s+" + _FULL_Y + r"\b"),
    ("month_last_year", "month", r"\b" + _M + r"\s+(?P<rel>last|this)\s+year\b"),
    ("relative_days", "day|week", r"\b" + _initials(_NUMBER_LEADS, digit=True) + r"(?:(?:" + _N
     + r"|(?P<some>a few|several|few))\s+)?(?P<unit>day|days|week|weeks)\s+(?P<dir>after|before|later|earlier|ago)\b"),
    ("same_day", "day|week", r"\b" + _initials(["the", *_SAME_DAY]) + r"(?:the\s+)?(?P<which>" + "|".join(_SAME_DAY)
     + r")\b"),
    ("last_week", "week|month-word|yesterday", r"\b(?P<which>" + _alternation(_LAST_WEEK) + r")\b"),
    ("weekday", "weekday", r"\b" + _initials(["last", *WEEKDAYS]) + r"(?:last\s+)?" + _W + r"\b"),
    ("month", "month", r"\b(?:" + _alternation(_MONTH_LEADS) + r")\s+" + _M + r"\b(?!\s+\d)"),
    ("day_word", "day-word", r"\b(?P<which>" + _alternation(_DAY_WORDS) + r")\b"),
    ("year_word", "year-word", r"\b(?P<which>" + _alternation(_YEAR_WORDS) + r")\b"),
    # a year alone, not a count ("1900 troops"), a range's start ("2014-2017") or part of a number
    ("year", "year", r"\b(?P<lead>" + _alternation(_YEAR_LEADS) + r")[\s-]+" + _Y + r"\b(?![-–/]\d|,\d|\.\d)"),
]]
# Words every match of a pattern holds, as a pattern of their own with the same flags: a
# stretch without them is not searched.  Only where finding the clue costs less than the
# pattern's failing (measured on the synthetic corpus): a year, "year", a direction.
_CLUES = {kind: re.compile("|".join(words), re.I) for kind, words in [
    ("month_year", ["1", "20"]),
    ("month_last_year", ["year"]),
    ("relative_days", ["after", "before", "later", "earlier", "ago"]),
]}
_EVENT_RELATIVE = {"relative_days", "same_day"}
_CATEGORY_WORDS = {"month": list(MONTHS), "weekday": list(WEEKDAYS), "day": ["day", "days"], "week": ["week", "weeks"],
                   "month-word": ["month"], "yesterday": ["yesterday"],
                   "day-word": ["today", "tonight", "morning", "afternoon", "evening", "night", "overnight", "weekend"],
                   "year-word": ["year"], "year": _YEAR_NUMBERS}
# a period's bound, not the day of what it tells: "since 17 October", "before October 2023"
_SINCE = re.compile(r"\b(?:since|before|prior to)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_MONTH_LIKE_WORDS = {"may", "march"}  # also verbs: need a day, a year or a capital


class TimeRef(NamedTuple):
    date: dt.date
    date_end: dt.date
    precision: str  # day | week | month | year
    derivation: str  # explicit | relative-to-publication | relative-to-event
    start: int  # offsets of the expression in the text
    end: int
    since: bool = False  # "since 17 October", "before October 2023": a period's bound

    def month(self) -> str:
        return self.date.strftime("%Y-%m")


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


ANCHOR_REACH = 300  # characters: how far back "two days after this attack" may look for its date


def find_time_refs(text: str, publication: Publication, index: TextIndex | None = None) -> list[TimeRef]:
    """Every temporal expression in ``text``, resolved, in text order.

    An expression relative to an event ("two days after this attack", "days earlier")
    resolves against a date in its own sentence, else the nearest date before it within
    a few sentences; with neither, it is left out rather than guessed.
    """
    index = index or TextIndex(text)
    spans = _candidate_spans(text, index)
    refs: dict[int, TimeRef] = {}
    for i, (kind, m) in enumerate(spans):
        if kind not in _EVENT_RELATIVE:
            ref = _resolve(kind, m, publication, None, text)
            if ref is not None:
                refs[i] = ref
    relative = [i for i, (kind, _) in enumerate(spans) if kind in _EVENT_RELATIVE]
    if not relative:
        return list(refs.values())
    absolute = list(refs.values())
    for i in relative:
        kind, m = spans[i]
        ref = _resolve(kind, m, publication, _anchor(m, absolute, index.sentences), text)
        if ref is not None:
            refs[i] = ref
    return [refs[i] for i in sorted(refs)]


def _anchor(m: re.Match, candidates: list[TimeRef], sentences) -> TimeRef | None:
    s_start, s_end = sentences.around(m.start(), m.end())
    same = [r for r in candidates if s_start <= r.start < s_end]
    if same:
        return min(same, key=lambda r: abs(r.start - m.start()))
    before = [r for r in candidates if r.end <= m.start() and m.start() - r.end <= ANCHOR_REACH]
    return before[-1] if before else None


def _candidate_spans(text: str, index: TextIndex) -> list[tuple[str, re.Match]]:
    """Non-overlapping matches, earlier patterns (more specific) first.  Each pattern runs
    only around the words all its matches contain (month and weekday names, day, week,
    month, yesterday), found in one Aho-Corasick pass: most of the speed.  The stretches
    are apart and a match stays in its stretch, so they are taken one by one."""
    taken: list[tuple[int, int]] = []  # the kept matches' spans, sorted and disjoint
    found = []
    for a, b, present in _around_date_words(index):
        for kind, pattern, clue in _patterns_for(present):
            if clue and not clue.search(text, a, b):
                continue
            for m in pattern.finditer(text, a, b):
                slot = _free_slot(taken, m.span())
                if slot is not None and _plausible(kind, m):
                    taken.insert(slot, m.span())
                    found.append((kind, m))
    found.sort(key=lambda km: km[1].start())
    return found


@lru_cache(maxsize=None)
def _patterns_for(present: frozenset[str]) -> list[tuple[str, re.Pattern, re.Pattern | None]]:
    """The patterns, in order, that a stretch with words of these categories may match, with their clues."""
    return [(kind, pattern, _CLUES.get(kind)) for kind, needs, pattern in _PATTERNS if not needs.isdisjoint(present)]


def _free_slot(taken: list[tuple[int, int]], span: tuple[int, int]) -> int | None:
    """Where ``span`` goes in ``taken`` (sorted, disjoint spans), or None if it overlaps one of them."""
    i = bisect.bisect_left(taken, span)
    if (i and taken[i - 1][1] > span[0]) or (i < len(taken) and taken[i][0] < span[1]):
        return None
    return i


# A day glued to its month by a lost space ("On 28January 2024": a web page's text whose
# link lost the space before it); the month is then no word of its own for the matcher.
_GLUED_MONTH = re.compile(r"\d(?:" + "|".join(calendar.month_name[1:]) + r")\b")
_MONTH_CATEGORY = frozenset({"month"})


def _around_date_words(index: TextIndex, margin: int = 40) -> list[tuple[int, int, frozenset[str]]]:
    """Stretches of text around date words, each with the categories of its words."""
    ranges: list[tuple[int, int, frozenset[str]]] = []
    size = len(index.text)
    found = [(hit.start, hit.end, hit.payload) for hit in index.hits(_date_words())]
    glued = [(m.start() + 1, m.end(), _MONTH_CATEGORY) for m in _GLUED_MONTH.finditer(index.text)]
    for start, end, categories in sorted(found + glued, key=lambda f: f[0]) if glued else found:
        a, b = max(0, start - margin), min(size, end + margin)
        if ranges and a <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], b, ranges[-1][2] | categories)
        else:
            ranges.append((a, b, categories))
    return ranges


@lru_cache(maxsize=1)
def _date_words() -> KeyMatcher[frozenset[str]]:
    return grouped_matcher(_CATEGORY_WORDS.items())


def _plausible(kind: str, m: re.Match) -> bool:
    names = m.re.groupindex
    month = m.group("m") if "m" in names else None
    if month and month.lower() in _MONTH_LIKE_WORDS and not month[0].isupper():
        return False
    if kind == "month" and month and not month[0].isupper():
        return False
    day = m.group("d") if "d" in names else None
    if day and not 1 <= int(day) <= 31:
        return False
    return True


def _folded(groups: dict[str, str | None]) -> dict[str, str]:
    """The groups that matched, as the lookup tables spell them.  Case-insensitive matching
    also accepts letters that lower() does not map back to ASCII (Frıday, ſeptember, İ)."""
    return {k: _fold(v) for k, v in groups.items() if v}


def _fold(word: str) -> str:
    if word.isascii():
        return word.lower()  # the common case: nothing to decompose
    decomposed = unicodedata.normalize("NFKD", word.casefold()).replace("ı", "i")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _resolve(kind: str, m: re.Match, pub: Publication, anchor: TimeRef | None, text: str) -> TimeRef | None:
    g = _folded(m.groupdict())
    since = bool(_SINCE.search(text, max(0, m.start() - 20), m.start())) or g.get("lead") == "since"

    def make(date: dt.date, date_end: dt.date, precision: str, derivation: str) -> TimeRef:
        return TimeRef(date, date_end, precision, derivation, m.start(), m.end(), since)

    try:
        if kind in ("day_month", "month_day"):
            month, day = MONTHS[g["m"].lower()], int(g["d"])
            if g.get("y"):
                date = dt.date(int(g["y"]), month, day)
                return make(date, date, "day", "explicit")
            date = _latest_not_after(month, day, pub)
            return make(date, date, "day", "relative-to-publication")
        if kind == "part_month":
            month = MONTHS[g["m"].lower()]
            year = int(g["y"]) if g.get("y") else _year_of_month(month, pub)
            first, last = month_span(year, month)
            part = g["part"].lower()
            if part == "early" or "beginning" in part:
                return make(first, first + dt.timedelta(days=9), "week", _derivation(g))
            if part == "mid":
                return make(first + dt.timedelta(days=10), first + dt.timedelta(days=19), "week", _derivation(g))
            return make(first + dt.timedelta(days=20), last, "week", _derivation(g))
        if kind == "month_year":
            return make(*month_span(int(g["y"]), MONTHS[g["m"].lower()]), "month", "explicit")
        if kind == "month_last_year":
            year = pub.year - (1 if g["rel"].lower() == "last" else 0)
            return make(*month_span(year, MONTHS[g["m"].lower()]), "month", "relative-to-publication")
        if kind == "month":
            month = MONTHS[g["m"].lower()]
            return make(*month_span(_year_of_month(month, pub), month), "month", "relative-to-publication")
        if kind == "weekday":
            return _weekday(make, WEEKDAYS[g["wd"].lower()], pub)
        if kind == "last_week":
            return _relative_to_publication(make, g["which"].lower(), pub)
        if kind == "day_word":
            if _SPEECH_BEFORE.search(text, max(0, m.start() - 16), m.start()) or _STATEMENT_AFTER.match(text, m.end()) \
                    or (g["which"].lower() == "today" and _PRESENT_AFTER.match(text, m.end())):
                return None
            return _day_of_publication(make, " ".join(g["which"].lower().split()), pub)
        if kind == "year_word":
            year = pub.year if "this" in g["which"].lower() else pub.year - 1
            return make(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "relative-to-publication")
        if kind == "year":
            year = int(g["y"])
            return make(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", "explicit")
        if kind in ("relative_days", "same_day"):
            return _relative_to_event(make, g, anchor, pub)
    except (ValueError, OverflowError):  # 31 February and the like; a date before year 1 or after 9999
        return None
    return None


def _derivation(g: dict) -> str:
    return "explicit" if g.get("y") else "relative-to-publication"


def _latest_not_after(month: int, day: int, pub: Publication) -> dt.date:
    """The most recent (month, day) not after the publication date (28 December read on 3 January: last year)."""
    limit = pub.last_possible_day
    date = dt.date(limit.year, month, day)
    return date if date <= limit else dt.date(limit.year - 1, month, day)


def _year_of_month(month: int, pub: Publication) -> int:
    return pub.year if month <= (pub.month or 12) else pub.year - 1


def _publication_period(make, pub: Publication) -> TimeRef:
    """The month (or year) a document known only to the month (or year) was published in:
    what a weekday or "last week" resolves to, never an invented day."""
    if pub.month is None:
        return make(dt.date(pub.year, 1, 1), dt.date(pub.year, 12, 31), "year", "relative-to-publication")
    return make(*month_span(pub.year, pub.month), "month", "relative-to-publication")


def _weekday(make, weekday: int, pub: Publication) -> TimeRef:
    if pub.precision != "day":
        return _publication_period(make, pub)
    date = pub.date - dt.timedelta(days=(pub.date.weekday() - weekday) % 7)
    return make(date, date, "day", "relative-to-publication")


def _relative_to_publication(make, which: str, pub: Publication) -> TimeRef:
    if pub.month is None:
        return _publication_period(make, pub)
    if "month" in which:
        if which == "last month":
            year, month = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
            return make(*month_span(year, month), "month", "relative-to-publication")
        return make(*month_span(pub.year, pub.month), "month", "relative-to-publication")
    if pub.precision != "day":
        return _publication_period(make, pub)
    if which in ("today", "yesterday"):
        date = pub.date - dt.timedelta(days=1 if which == "yesterday" else 0)
        return make(date, date, "day", "relative-to-publication")
    if which == "last week":
        return make(pub.date - dt.timedelta(days=7), pub.date - dt.timedelta(days=1), "week",
                    "relative-to-publication")
    return make(pub.date - dt.timedelta(days=pub.date.weekday()), pub.date, "week", "relative-to-publication")


def _day_of_publication(make, which: str, pub: Publication) -> TimeRef:
    """A release's "today", "last night" (the day before), "this weekend" (the Saturday
    and Sunday at or before its day); its month when its day is not known."""
    if pub.precision != "day":
        return _publication_period(make, pub)
    if "weekend" in which:
        saturday = pub.date - dt.timedelta(days=(pub.date.weekday() - 5) % 7)  # the latest, today at most
        if which == "last weekend" and pub.date.weekday() >= 5:  # said during a weekend: the one before
            saturday -= dt.timedelta(days=7)
        return make(saturday, saturday + dt.timedelta(days=1), "week", "relative-to-publication")
    date = pub.date - dt.timedelta(days=1 if which in _THE_NIGHT_BEFORE else 0)
    return make(date, date, "day", "relative-to-publication")


HEADER_REACH = 600  # characters: where a release's dateline or a transcript's header is
# a date as a header gives it: alone on its line ("Jan 8, 2020", "Report | Nov. 5, 2018", "July 1,
# 2018 - September 30, 2018"), or after "As of", "Updated" ...; not an event's ("On 4 June 2014, ...")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[^\n]{0,25}$", re.I)
_NOT_A_LABEL = re.compile(r"\b(?:on|in|by|since|until|from|of|before|after|during)\s*$", re.I)
_AS_OF_BEFORE = re.compile(r"\b(?:as of|updated|published|released|posted|date:?)\s*$", re.I)
_LINE_END_AFTER = re.compile(r"\s*(?:[|–—-][^\n]{0,40})?(?:\n|$)")


def publication_in_text(text: str, publication: Publication, refs: list[TimeRef]) -> Publication:
    """The document's day when its manifest gives only the month or the year and its
    header gives the day within it (a dateline, "As of <date>", a transcript's date line);
    else the manifest's."""
    if publication.precision == "day":
        return publication
    for r in refs:
        if r.start >= HEADER_REACH:
            break
        if r.precision == "day" and r.derivation == "explicit" and r.date.year == publication.year \
                and (publication.month is None or r.date.month == publication.month) \
                and _a_header_date(text, r):
            return Publication(r.date.year, r.date.month, r.date.day)
    return publication


# A news release's dateline: its city in capitals, maybe a state and a date, then a dash
# ("TAMPA, Fla., Sept. 24, 2014 —", "WASHINGTON –"); not a photo's "FILE -"
_NEWS_DATELINE = re.compile(r"^(?!FILE\b)[A-Z][A-Z.'’ ]{0,43}[A-Z.](?:,[^\n—–]{1,40}?)?\s*(?:—|–|--|-)\s+\S", re.M)


def news_dateline(text: str) -> tuple[int, int] | None:
    """Where a news release's dateline is (up to its dash), if its header has one."""
    found = _NEWS_DATELINE.search(text, 0, HEADER_REACH)
    return (found.start(), found.end() - 1) if found else None


def _a_header_date(text: str, r: TimeRef) -> bool:
    before = max(0, r.start - 40)
    if _AS_OF_BEFORE.search(text, before, r.start):
        return True
    return bool(_DATELINE_BEFORE.search(text, before, r.start)) and not _NOT_A_LABEL.search(text, before, r.start) \
        and bool(_LINE_END_AFTER.match(text, r.end))


def the_week_to_publication(pub: Publication, start: int, end: int) -> TimeRef:
    """What a statement tells without a date of its own ("released the following statement
    after Iran fired missiles"): the week up to its publication (its month or year when
    that is all that is known of its date)."""
    def make(date: dt.date, date_end: dt.date, precision: str, derivation: str) -> TimeRef:
        return TimeRef(date, date_end, precision, derivation, start, end)

    if pub.precision != "day":
        return _publication_period(make, pub)
    return make(pub.date - dt.timedelta(days=6), pub.date, "week", "relative-to-publication")


def _relative_to_event(make, g: dict, anchor: TimeRef | None, pub: Publication) -> TimeRef | None:
    which = (g.get("which") or "").lower()
    direction = (g.get("dir") or "").lower()
    if direction == "ago":
        if pub.precision != "day":
            return None
        anchor = make(pub.date, pub.date, "day", "relative-to-publication")
    if anchor is None:
        return None
    if which in _DAY_SHIFTS:
        shift = dt.timedelta(days=_DAY_SHIFTS[which])
        return make(anchor.date + shift, anchor.date_end + shift, anchor.precision, "relative-to-event")
    if which:  # the week before or after the event's
        if which == "following week":
            return make(anchor.date_end + dt.timedelta(days=1), anchor.date_end + dt.timedelta(days=7), "week",
                        "relative-to-event")
        return make(anchor.date - dt.timedelta(days=7), anchor.date - dt.timedelta(days=1), "week", "relative-to-event")
    sign = 1 if direction in ("after", "later") else -1
    unit = 7 if g["unit"].lower().startswith("week") else 1
    if g.get("n"):
        count = COUNT_WORDS.get(g["n"].lower()) or int(g["n"])
        delta = dt.timedelta(days=sign * count * unit)
        return make(anchor.date + delta, anchor.date_end + delta, anchor.precision, "relative-to-event")
    if g["unit"].lower() == "week" and not g.get("some"):  # "the week before": the seven days before
        unit = 1
    # "days before", "a few days after": within a week of the anchor
    if sign < 0:
        return make(anchor.date - dt.timedelta(days=7 * unit), anchor.date - dt.timedelta(days=1), "week",
                    "relative-to-event")
    return make(anchor.date_end + dt.timedelta(days=1), anchor.date_end + dt.timedelta(days=7 * unit), "week",
                "relative-to-event")
