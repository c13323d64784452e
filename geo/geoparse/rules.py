"""Context rules that tell a place mention from a person or an organisation, and the
kind of site a head noun names.  They read the words around a match (geo.geoparse.context);
the words themselves live in the lexicons (``geo/data/lexicons``), so the rules
generalise to unseen documents.  How a place's name is used is geo.geoparse.readings'."""

from __future__ import annotations

import re
from itertools import takewhile
from typing import Sequence

from geo.gazetteer.lexicons import HEAD_GROUP_KINDS, Lexicons
from geo.geoparse.context import CAPITALISED_COMPASS, HYPHENS, STOP, WORD, Window, bare, key, keyed
from geo.geoparse.unresolved import DESIGNATORS_BEFORE
from geo.text import is_capitalised
from geo.text.words import ARTICLE_AT_START

_MILITARY = r"(?:bases|airbases|air bases|camps|garrisons|outposts|military sites|facilities)"
_BASES_BEFORE = re.compile(r"\b" + _MILITARY + r"\b", re.IGNORECASE)
_BASES_AFTER_LIST = re.compile(r"^(?:(?:\s*,\s*|\s+and\s+|\s+|\s*,\s*and\s+)(?:the\s+)?[A-Z][\w'’-]*){0,8}\s+"
                               + _MILITARY + r"\b")
# A list of names under an area's plural head noun: "in Liberty and Bryan counties".
_AREAS_AFTER_LIST = re.compile(r"(?:(?:\s*,\s*|\s+and\s+|\s+|\s*,\s*and\s+)[A-Z][\w'’-]*){0,8}\s+"
                               r"([Cc]ounties|[Dd]istricts|[Pp]rovinces|[Gg]overnorates)\b")
# An infobox field's label before its value, at the start of a line.
# An infobox field's value runs over a few short lines: a list of states, one a line.
_FIELD_LINE, _FIELD_LINES = 80, 12


def _line_label(labels: tuple[str, ...]) -> re.Pattern:
    """A label at the start of a line, glued to its value or before a space, a colon or
    a table's bar ("OpponentsState opponents", "Allegiance | Iraq |")."""
    alternatives = "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
    return re.compile(r"[ \t\-*•]*(?:" + alternatives + r")[ \t]*[|:]?[ \t]*(?=[A-Z\n]|\Z)")


_LIST_BEFORE = re.compile(r"[A-Z][\w'’-]*(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)\Z")


_ORGANISATION_LINKS = keyed("in", "of", "for", "on", "against")  # "Resistance in", "Subcommittee on"
_DASHES = frozenset("-\u2010\u2011–—")
_DASH_AT_END = re.compile(r"\s?[-\u2010\u2011–—]\s?\Z")
_MIDDLE_INITIAL = re.compile(r"[A-Z]\.")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# Text copied from a page runs an infobox label into its value ("Alma materUniversity"):
# the value starts at the last capital after a lower-case letter.
_GLUED_VALUE = re.compile(r".*[a-z](?=[A-Z][a-z])")
# What else parentheses around a name may hold: a name joined to it by a dash.
_JOINED_NAMES = re.compile(r"[\w'’ .-]*[-\u2010\u2011–—][\w'’ .-]*")
_HONORIFICS = keyed("mr", "mrs", "ms", "dr")
_CAPITALISED_DESIGNATORS = frozenset(d for d in DESIGNATORS_BEFORE if d[0].isupper())


def _unglued(word: str) -> str:
    glued = _GLUED_VALUE.match(word)
    return word[glued.end():] if glued else word


def _capitalised_or_ordinal(word: str) -> bool:
    return is_capitalised(word) or bool(_ORDINAL.fullmatch(word))


class Rules:
    def __init__(self, lexicons: Lexicons):
        self.lex = lexicons
        # Head nouns indexed by the word a match is checked on: first word after, last before.
        self._heads_after: dict[str, list[tuple[str, str]]] = {}
        self._heads_before: dict[str, list[tuple[str, str]]] = {}
        for group, nouns in lexicons.head_nouns.items():
            for noun in nouns:
                if group.endswith("<"):
                    self._heads_before.setdefault(noun.split()[-1], []).append((noun, group[:-1]))
                else:
                    self._heads_after.setdefault(noun.split()[0], []).append((noun, group))
        for table in (self._heads_after, self._heads_before):
            for entries in table.values():
                entries.sort(key=lambda e: len(e[0]), reverse=True)
        self._actor_label = _line_label(lexicons.actor_labels)
        labels = "|".join(map(re.escape, sorted(lexicons.area_labels, key=len, reverse=True)))
        # the label at the start of its line, and the name's article after it: "GovernorateAl-"
        self._area_label = re.compile(r"\n[ \t\-*•]*(" + labels + r")[ \t]*[:=]?[ \t]*(?:[AaEe][dlnrstz][-‐ ])?\Z")
        self._other_label = _line_label(lexicons.infobox_labels)

    # -- people -----------------------------------------------------------------------
    def is_person(self, surface: str, w: Window, place_words: set[str]) -> bool:
        """Muqtada al-Sadr, Abu Bakr al-Baghdadi, President X, Richard E. Ellsworth: a name
        right after a given name, a title, a middle initial, or (for an al- form) any
        capitalised word that is not a place."""
        if not w.before and w.previous.endswith(".") and w.glued_before == " ":  # "Gen. Jordan", "Sgt. Hama"
            if _MIDDLE_INITIAL.fullmatch(w.previous):
                return True  # a surname after a middle initial: "Richard E. Ellsworth"
            return len(w.previous) <= 6 and is_capitalised(w.previous) and key(w.previous) in self.lex.person_titles
        if not w.before or w.glued_before.strip() or "\n" in w.glued_before:
            return False  # a heading's last word is no title or given name: "Attacks\n\nAl-Asad air base"
        previous = w.before[-1]
        if not is_capitalised(previous) or previous.endswith(("'s", "’s")):
            return False  # titles are written capitalised: "said" is no "Sayyid"
        if previous[-1] in HYPHENS:
            return False  # "the Akashat-al-Qaim road": two places joined, no given name and nisba
        prev_key = key(previous)
        two = " ".join(key(x) for x in w.before[-2:])
        if prev_key in self.lex.person_titles or (two in self.lex.person_titles and is_capitalised(w.before[-2])):
            return True
        if prev_key in self.lex.given_names:
            return True
        nisba = bool(ARTICLE_AT_START.match(surface))
        return (nisba and prev_key not in self.lex.non_places and prev_key not in self.lex.common_words
                and prev_key not in place_words)

    def is_first_name(self, surface: str, w: Window, place_words: set[str]) -> bool:
        """A place's name that is also a first name, before a surname (Israel Katz, Jordan
        Bardella) or a middle initial (Clive E. Beck)."""
        if not w.after or w.glued_after != " ":
            return False
        following = w.after[0]
        if _MIDDLE_INITIAL.fullmatch(following):
            return True  # "Clive E. Beck", "Jordan A. Smith": a given name and an initial
        if key(surface) not in self.lex.place_given_names:
            return False
        k = key(following)
        lex = self.lex
        return (is_capitalised(following) and not following.isupper() and k not in place_words
                and not any(k in words for words in (lex.org_heads, lex.person_titles, lex.non_places,
                                                      lex.function_words, lex.common_words, lex.locative_nouns,
                                                      lex.physical_nouns, lex.attributive_nouns, lex.verbs,
                                                      lex.metonymy_verbs))
                and k not in self._heads_after)

    # -- organisations ------------------------------------------------------------------
    def is_organisation_part(self, w: Window, complete: bool = False) -> bool:
        """Washington Institute, Georgetown University, U.S. Central Command, the New York
        National Guard, the U.S.-Iraq Higher Military Commission, Resistance in Iraq,
        University of Baghdad, the Armed Forces of the United States: an organisation's head
        noun among the capitalised words right after the name, or before it with of/in/for
        (and "the").  A name goes on to the next line only where a text wraps its lines: not
        after a blank line, a name on a line of its own ("Camp Arifjan\nPatton Army
        Heliport") or a ``complete`` name (a built site's: "Rayburn House Office
        Building\nSubcommittee on ...")."""
        if w.after and _capitalised_or_ordinal(w.after[0]) and (not w.glued_after.strip() or w.glued_after in HYPHENS) \
                and not ("\n" in w.glued_after and ("\n" in w.glued_before or complete or w.glued_after.count("\n") > 1)):
            run = self._name_run(w.after[:5])  # "U.S. 5th Fleet", "Iraq Train and Equip Fund"
            keys = [bare(key(word)) for word in run]  # "Qods Force’s"
            # "Pentagon Press Secretary", "White House National Security Council Spokesman":
            # a person's title, which the name modifies, not an organisation's name; but an
            # armed service before the title is its organisation ("U.S. Army Staff Sgt.").
            title = next((i for i, k in enumerate(keys) if k in self.lex.person_titles), len(keys))
            if any(k in self.lex.services for k in keys[:title]) or (
                    title == len(keys) and any(k in self.lex.org_heads for k in keys)):
                return True
        if not w.before:
            return False
        last = key(w.before[-1])
        if w.glued_before == " ":
            if not is_capitalised(w.before[-1]):
                if last in self.lex.org_kind_nouns:
                    return True  # "the American company Conoco", "the newspaper Al-Sabah"
            elif self.opens_the_name(w):
                return True  # a command named by its region ("U.S. Army Europe"), "Operation Kaman 99", "Task Force Baghdad"
            elif self._after_an_organisations_kind(w.before):
                return True  # "the airline Fly Baghdad": the name's first words before the match
        if w.before[-1] in CAPITALISED_COMPASS and len(w.before) > 1:
            last = key(w.before[-2])  # "the University of Southern Denmark"
        return (last in _ORGANISATION_LINKS or last == "the") and self.ends_an_organisation(w)

    def opens_the_name(self, w: Window) -> bool:
        """A service or a name's opening words right before the name, glued by a space: "U.S.
        Army Europe", "Navy Region Europe, Africa", "Operation Kaman 99", "Task Force Baghdad"."""
        if w.glued_before != " " or not w.before or not is_capitalised(w.before[-1]):
            return False
        last = key(w.before[-1])
        return (last in self.lex.services or last == "forces" or last in self.lex.name_openers
                or " ".join(map(key, w.before[-2:])) in self.lex.name_openers)

    def _after_an_organisations_kind(self, before: list[str]) -> bool:
        """A lower-case noun of a kind of organisation, then up to two capitalised words
        of the name the match ends."""
        for word in reversed(before[-3:-1]):
            if not is_capitalised(word):
                return key(word) in self.lex.org_kind_nouns
        return False

    @staticmethod
    def _name_run(words: list[str]) -> list[str]:
        """The capitalised words that go on a name, joined by "and" or "&" ("Train and Equip
        Fund"), up to an honorific, which opens the next person's name ("... POWERS
        RESOLUTION Mr. McGOVERN")."""
        run = list(takewhile(_capitalised_or_ordinal, words))
        while run and len(run) + 1 < len(words) and words[len(run)] in ("and", "&") and is_capitalised(words[len(run) + 1]):
            run += [words[len(run)], *takewhile(_capitalised_or_ordinal, words[len(run) + 1:])]
        for i, word in enumerate(run):
            if word[:2] in ("Mr", "Ms", "Dr", "MR", "MS", "DR") and key(word) in _HONORIFICS:
                return run[:i]
        return run

    def names_in_parentheses(self, text: str, start: int, end: int) -> bool:
        """A name in parentheses right after an organisation's name ("the Popular
        Mobilization Forces (Iraq)", "Ministry of Defence (Iraq)") or a road's ("the M4
        highway (Aleppo–Mosul)"): that name's part, not a place cited."""
        opened = start - 1 if text[start - 1:start] == "(" else text.rfind("(", max(0, start - 40), start)
        closed = end if text[end:end + 1] == ")" else text.find(")", end, end + 40)
        if opened < 0 or closed < 0 or text[start:end].isupper():
            return False  # an acronym in parentheses is the name's: "Landstuhl Regional Medical Center (LRMC)"
        inside = text[opened + 1:start] + text[end:closed]
        if inside and not _JOINED_NAMES.fullmatch(inside):
            return False  # the name fills them, or a dash joins it to another ("Aleppo–Mosul")
        words = WORD.findall(text, max(0, opened - 80), opened)[-6:]
        if words and self.head_group([key(words[-1])]) == "area" and not is_capitalised(words[-1]):
            return True  # "the M4 highway (Aleppo–Mosul)"
        run = list(takewhile(lambda x: is_capitalised(x) or key(x) in {"of", "for"}, reversed(words)))
        return bool(run) and is_capitalised(run[0]) and any(
            is_capitalised(x) and bare(key(x)) in self.lex.org_heads for x in run)

    def ends_an_organisation(self, w: Window) -> bool:
        """The name ends an organisation's name, its head noun before it with of, in,
        for, on or against: "the Armed Forces of the United States", "Military Force
        Against Iraq" (a law's name), "the Subcommittee on Near East"."""
        before = w.before[:-1] if w.before and key(w.before[-1]) == "the" else w.before
        if before and before[-1] in CAPITALISED_COMPASS:
            before = before[:-1]  # "the University of Southern Denmark"
        if len(before) >= 2 and not w.glued_before.strip() and key(before[-1]) in _ORGANISATION_LINKS:
            head = _unglued(before[-2])  # "Alma materUniversity of Baghdad"
            if key(before[-1]) == "in" and key(head) not in self.lex.named_in_heads:
                return False  # "Neil Armstrong Middle School in Forest Grove": where it is
            if is_capitalised(head) and key(head) in self.lex.org_heads:
                return True
            # one level up: "the Council of Representatives of Iraq"
            return len(before) >= 4 and is_capitalised(head) and key(before[-3]) in ("of", "for") \
                and is_capitalised(before[-4]) and key(before[-4]) in self.lex.org_heads
        return False

    @staticmethod
    def follows_a_designator(w: Window) -> bool:
        """A capitalised facility designator right before the name ("Camp New York",
        "Camp Virginia", "Joint Base San Antonio"): the facility's name, after a place."""
        if w.glued_before != " " or not w.before or not w.before[-1][:1].isupper():
            return False
        return any(" ".join(w.before[-n:]) in _CAPITALISED_DESIGNATORS for n in (1, 2, 3))

    def names_after_a_dash(self, text: str, start: int) -> bool:
        """"Multi-National Corps – Iraq", "Office of Security Cooperation-Iraq": a country
        after a dash that ends an organisation's name (a head noun among its last words)."""
        if start < 2 or not (text[start - 1] in _DASHES or text[start - 2] in _DASHES):
            return False  # the common case, cheaply: no dash right before the name
        before = text[max(0, start - 80):start]
        before = before[before.rfind("\n") + 1:]  # the name is on one line: not "Act\nWASHINGTON – U.S."
        dash = _DASH_AT_END.search(before)
        if not dash:
            return False
        words = WORD.findall(before, 0, dash.start())[-6:]
        run = list(takewhile(lambda x: is_capitalised(x) or key(x) in {"of", "for"}, reversed(words)))
        return any(is_capitalised(x) and bare(key(x)) in self.lex.org_heads for x in run)

    # -- kinds -------------------------------------------------------------------------
    def head_group(self, following: list[str], preceding: Sequence[str] = ()) -> str | None:
        """The head-noun group of the (normalised) words right after a name ("Harir
        base"), or of the words right before it as written ("the countryside of Deir
        Ezzor"), if any."""
        if following:
            text = " ".join(following) + " "
            for noun, group in self._heads_after.get(following[0], ()):
                if text.startswith(noun + " "):
                    return group
        if preceding:
            nouns = self._heads_before.get(key(preceding[-1]))
            if nouns:  # most names have none: the other words are keyed only when needed
                before = " " + " ".join(key(x) for x in preceding)
                for noun, group in nouns:
                    if before.endswith(" " + noun):
                        return group
        return None

    def military_context(self, sentence_before: str, sentence_after: str) -> bool:
        """A list of names under a military head noun: "bases in Sinjar, Balad and
        Al-Taji", "the Ain al-Assad, Harir and Erbil bases"."""
        return bool(_BASES_BEFORE.search(sentence_before) or _BASES_AFTER_LIST.match(sentence_after))

    @staticmethod
    def list_of_areas(text: str, start: int, end: int) -> str | None:
        """"Liberty and Bryan counties", "Evans, Long, and Tattnall counties": a name in a
        list that a plural area noun ends is that area, not its town: the head group
        ("governorate" for provinces, "area" for counties and districts), or None."""
        found = _AREAS_AFTER_LIST.match(text, end)
        if not found:
            return None
        listed_after = bool(STOP.search(found.group(), 0)) or " and " in found.group() or found.group().count(" ") > 1
        if not (listed_after or _LIST_BEFORE.search(text, max(0, start - 40), start)):
            return None
        return "governorate" if found.group(1).lower() in ("provinces", "governorates") else "area"

    def area_label(self, text: str, start: int) -> str | None:
        """The head group of an infobox field's label right before a name at the start of
        its line ("- Region: Deir ez-Zor", "GovernorateAl-Hasakah"): the area, not its
        town ("governorate" or "area"), or None.  Callers look first for a line break in
        the 30 characters before (most names have none)."""
        label = self._area_label.search(text, max(0, start - 30), start)
        return self.lex.area_labels[label.group(1)] if label else None

    def in_an_actor_field(self, text: str, start: int) -> bool:
        """A name in an infobox field whose value names states as actors ("Allegiance Iran
        (IRGC)", "Opponents United States" and the states listed on the short lines after
        it, up to another field's label, a blank line or a line of prose)."""
        end = start
        for _ in range(_FIELD_LINES):
            line = text.rfind("\n", max(0, end - _FIELD_LINE), end) + 1
            if (line == 0 and end > _FIELD_LINE) or (line == end and end != start):
                return False  # a line of prose, or a blank line: no field's value
            if self._actor_label.match(text, line):
                return True
            if line == 0 or self._other_label.match(text, line):
                return False
            end = line - 1
        return False

    @staticmethod
    def kinds_of(group: str | None) -> set[str]:
        return HEAD_GROUP_KINDS.get(group, set()) if group else set()
