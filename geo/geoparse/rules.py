"""Context rules that tell a place mention from a person, an organisation, an adjective
or a metonym.  They read the words around a match; the words themselves live in the
lexicons (``geo/data/lexicons``), so the rules generalise to unseen documents."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import takewhile
from typing import NamedTuple, Sequence

from geo.gazetteer.lexicons import HEAD_GROUP_KINDS, Lexicons
from geo.text import is_capitalised, skeleton
from geo.text.words import ARTICLE_AT_START

_WORD = re.compile(r"[^\W_][\w'’ʿʾ.-]*")
_ARTICLE_ENDS = frozenset("-‐ ")
_WORD_GOES_ON = re.compile(r"[\w'’ʿʾ.-]*")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:[AaEe][dlnrstz][-‐]|[AE]l )$")
_POSSESSIVE = re.compile(r"^['’]s?(?!\w)")
# A locative word right before a name (search it in the few characters before the name):
# "in", "of", "near", "from" ..., with an optional "the".
LOCATIVE_BEFORE = re.compile(r"\b(?:in|of|near|at|from|to|outside|around|toward|towards|into|across|throughout|"
                             r"inside|via|between)\s+(?:the\s+)?$", re.IGNORECASE)


def _keyed(*words: str) -> frozenset[str]:
    """Words as the rules compare them: skeletons (key() of each word of a text)."""
    return frozenset(skeleton(w) for w in words)


_PREPOSITIONS = _keyed("in", "at", "from", "near", "to", "into", "of", "on", "over", "across", "inside", "outside",
                       "toward", "towards", "via", "through", "within", "around", "by", "against")
_LINKING = _keyed("which", "that", "who", "is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
                  "can", "may", "might", "should", "must", "does", "did", "do", "not", "also", "still", "now",
                  "currently", "reportedly", "already", "been", "being", "itself", "s", "too", "then", "again",
                  "officially", "publicly", "quickly", "clearly", "apparently", "increasingly")
# After a country's name these make it the state acting: "the United States will defend".
_MODALS = _keyed("will", "would", "must", "should", "shall", "can", "could", "may", "might", "cannot", "won't")
# Singular forms only: a country takes "has"; "in Syria and Iraq have escalated" has another subject.
_AUXILIARIES = _keyed("is", "was", "has", "had")
_PERFECT = _keyed("has", "had")
_COMPASS = _keyed("eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
                  "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western")
# After a participle these make it an adjective ("Syria located on", "Iraq affiliated with").
_PARTICIPLE_PREPOSITIONS = _keyed("on", "in", "at", "with", "near", "along", "by", "inside", "within")
_ADVERBS = _keyed("long", "also", "already", "not", "never", "since", "now", "still", "just", "again")
# A country after these acts or is acted with: "talks with Iran", "launched by Iran", "support for Israel".
_AGENT_PREPOSITIONS = _keyed("with", "by", "for", "between")
# Before a name, these make it a location whatever follows: "in Iraq putting the country ...".
_LOCATIVE_PREPOSITIONS = _keyed("in", "inside", "into", "across", "throughout", "within", "from", "near", "around")
# Nouns a city's name modifies as a side, not a location: "Baghdad officials", "Tehran forces".
_SIDE_NOUNS = _keyed("government", "administration", "authorities", "regime", "leadership", "officials", "forces",
                     "force", "troops", "military", "army", "militias", "proxies", "spokesman", "spokeswoman",
                     "spokesperson", "spokespeople", "official", "leaders", "leader", "leadership", "correspondent",
                     "reporters", "personnel", "soldiers", "citizens", "diplomats", "nationals", "interests",
                     "crews", "pilots", "airmen", "sailors", "marines", "units")
_STOP_CHARS = ",;:.!?()[]\"“”—–"
_STOP = re.compile("[" + re.escape(_STOP_CHARS) + "]")
_MILITARY = r"(?:bases|airbases|air bases|camps|garrisons|outposts|military sites|facilities)"
_BASES_BEFORE = re.compile(r"\b" + _MILITARY + r"\b", re.IGNORECASE)
_BASES_AFTER_LIST = re.compile(r"^(?:(?:\s*,\s*|\s+and\s+|\s+|\s*,\s*and\s+)(?:the\s+)?[A-Z][\w'’-]*){0,8}\s+"
                               + _MILITARY + r"\b")
# A list of names under an area's plural head noun: "in Liberty and Bryan counties".
_AREAS_AFTER_LIST = re.compile(r"(?:(?:\s*,\s*|\s+and\s+|\s+|\s*,\s*and\s+)[A-Z][\w'’-]*){0,8}\s+"
                               r"(counties|districts|provinces|governorates)\b")
# An infobox field's label before its value, at the start of a line.
_AREA_LABEL = re.compile(r"\n[ \t\-*•]*(Region|Governorate|Province|District|Subdistrict|Sub-district|County)"
                         r"[ \t]*[:=]?[ \t]*\Z")
_AREA_LABEL_GROUPS = {"region": "governorate", "governorate": "governorate", "province": "governorate",
                      "district": "area", "subdistrict": "area", "sub-district": "area", "county": "area"}
_LIST_BEFORE = re.compile(r"[A-Z][\w'’-]*(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)\Z")


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
    last_stop = _STOP.search(left[::-1])
    cut = len(left) - last_stop.start() if last_stop else 0
    after_stop = _WORD.findall(left, cut)
    before_words = after_stop or _WORD.findall(left, 0, cut)  # the last word, even across the stop
    glued_before = left[left.rfind(before_words[-1]) + len(before_words[-1]):] if before_words else left
    before = after_stop[-size:]
    first_stop = _STOP.search(right, 1 if right[:1] == "–" else 0)  # "Israel–Hamas war": a compound, no break
    # the words that start before the stop, the one it falls in whole ("and U.S. forces")
    stop_right = first_stop.start() if first_stop else len(right)
    if 0 < stop_right < len(right) and _end_of_word(right, stop_right - 1) > stop_right:
        stop_right = _end_of_word(right, stop_right)
    after = _WORD.findall(right, 0, stop_right)[:size]
    first = _WORD.search(right)
    glued_after = right[:first.start()] if first else right
    clause: list[str] = []
    if first is not None and first.group() in {"which", "who"} and glued_after.strip() == ",":
        stop_at = _STOP.search(right, first.start())
        clause = _WORD.findall(right, first.start(), stop_at.start() if stop_at else len(right))[1:size]
    return Window(before=before, after=after, glued_before=glued_before, glued_after=glued_after,
                  after_clause=clause, previous=before_words[-1] if before_words else "")


def _end_of_word(text: str, i: int) -> int:
    """The end of the run of word characters from ``i`` (``i`` itself if there is none)."""
    run = _WORD_GOES_ON.match(text, i)
    return run.end() if run else i


_ORGANISATION_LINKS = _keyed("in", "of", "for", "on", "against")  # "Resistance in", "Subcommittee on"
_DASHES = frozenset("-\u2010\u2011–—")
_DASH_AT_END = re.compile(r"\s?[-\u2010\u2011–—]\s?\Z")
_HYPHENS = frozenset({"-", "\u2010", "\u2011", "–"})  # hyphen, its Unicode forms (non-breaking too), en dash
_ROMAN = re.compile(r"[IVX]{1,4}")
_MIDDLE_INITIAL = re.compile(r"[A-Z]\.")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _capitalised_or_ordinal(word: str) -> bool:
    return is_capitalised(word) or bool(_ORDINAL.fullmatch(word))


def _bare(word_key: str) -> str:
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
    def is_organisation_part(self, w: Window) -> bool:
        """Washington Institute, Georgetown University, U.S. Central Command, the New York
        National Guard, the U.S.-Iraq Higher Military Commission, Resistance in Iraq,
        University of Baghdad, the Armed Forces of the United States: an organisation's head
        noun among the capitalised words right after the name, or before it with of/in/for
        (and "the")."""
        if w.after and _capitalised_or_ordinal(w.after[0]) and (not w.glued_after.strip() or w.glued_after in _HYPHENS):
            run = list(takewhile(_capitalised_or_ordinal, w.after[:5]))  # "U.S. 5th Fleet"
            keys = [_bare(key(word)) for word in run]  # "Qods Force’s"
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
        if w.glued_before == " " and is_capitalised(w.before[-1]) and (
                last in self.lex.services or last == "forces" or last in self.lex.name_openers
                or " ".join(map(key, w.before[-2:])) in self.lex.name_openers):
            return True  # a command named by its region ("U.S. Army Europe"), "Operation Kaman 99", "Task Force Baghdad"
        return (last in _ORGANISATION_LINKS or last == "the") and self.ends_an_organisation(w)

    def ends_an_organisation(self, w: Window) -> bool:
        """The name ends an organisation's name, its head noun before it with of, in,
        for, on or against: "the Armed Forces of the United States", "Military Force
        Against Iraq" (a law's name), "the Subcommittee on Near East"."""
        before = w.before[:-1] if w.before and key(w.before[-1]) == "the" else w.before
        if len(before) >= 2 and not w.glued_before.strip() and key(before[-1]) in _ORGANISATION_LINKS:
            head = before[-2]
            if key(before[-1]) == "in" and key(head) not in self.lex.named_in_heads:
                return False  # "Neil Armstrong Middle School in Forest Grove": where it is
            return is_capitalised(head) and key(head) in self.lex.org_heads
        return False

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
        words = _WORD.findall(before, 0, dash.start())[-6:]
        run = list(takewhile(lambda x: is_capitalised(x) or key(x) in {"of", "for"}, reversed(words)))
        return any(is_capitalised(x) and _bare(key(x)) in self.lex.org_heads for x in run)

    # -- readings ----------------------------------------------------------------------
    def reading(self, w: Window, country: bool, government: bool, place_words: set[str]) -> str:
        """How the name is used: ``literal``, ``literal_modifier``, ``associative_modifier``
        or ``metonymic`` (geo.geoparse.mention.READINGS).  ``country``: the name is a
        country's; ``government``: it can stand for a government (a country, a capital)."""
        hyphened = self._hyphen_compound(w, place_words)
        if hyphened:
            return hyphened
        if government and self.is_metonymic(w, place_words):
            return "metonymic"
        if w.before and not w.glued_before.strip() and key(w.before[-1]) in _LOCATIVE_PREPOSITIONS \
                and not (len(w.before) > 1 and key(w.before[-2]) == "according"):
            return "literal"  # in Iraq, from Syria, across Iraq and Syria; but "according to"
        if self._coordinated_side(w, place_words, country):
            return "associative_modifier"
        modified = self._modified_noun(w)
        if modified is not None:
            if country:  # US forces, Iran officials, US strikes; but the Syria border
                locative = modified in self.lex.locative_nouns and modified not in self.lex.attributive_nouns
                return "literal_modifier" if locative else "associative_modifier"
            # Baghdad officials, Pentagon Press Secretary; but the Baghdad embassy, a Beirut
            # bombing, Erbil residents
            side = modified in _SIDE_NOUNS or self._title_follows(w) or self._model_of_side(w)
            return "associative_modifier" if side else "literal_modifier"
        if government and self._acting(w):
            return "metonymic"
        if government and self._of_a_person(w, place_words):
            return "metonymic"
        return "literal"

    def _of_a_person(self, w: Window, place_words: set[str]) -> bool:
        """"Prime Minister Haidar Al-Abadi of Iraq", "the President of Iraq": the state the
        person serves, after "of" and a name or a title (not a place: "the city of")."""
        before = [x for x in w.before if not _ROMAN.fullmatch(x) and key(x) != "the"]  # "Abdullah II of the"
        if len(before) < 2 or w.glued_before.strip() or key(before[-1]) != "of":
            return False
        owner = before[-2]
        k = key(owner)
        if k in self.lex.person_titles or k in _SIDE_NOUNS or k in self.lex.given_names:
            return True  # "the Amir of the State of Kuwait", "Prime Minister Haidar Al-Abadi of Iraq"
        if k in self.lex.of_state_nouns:
            return True  # "the influence of Israel", "the people of Kuwait"
        return is_capitalised(owner) and k not in place_words and k not in self.lex.physical_nouns \
            and k not in self.lex.locative_nouns

    def _coordinated_side(self, w: Window, place_words: set[str], country: bool = False) -> bool:
        """"U.S. and coalition forces", "US and local forces", "U.S. and Iraqi citizens": a
        name coordinated with another modifier of a side's noun (not with a place: "U.S.
        and Iraq").  A country's name so coordinated modifies any noun: "U.S. and allied
        airstrikes", "U.S. or coalition casualties" (not "Iran and its proxies")."""
        if len(w.after) < 3 or w.glued_after != " " or key(w.after[0]) not in ("and", "or"):
            return False
        after = w.after[:1] + [x for x in w.after[1:2] if key(x) != "the"] + w.after[2:]  # "the US and the coalition forces"
        partner = after[1]
        if key(partner) in self.lex.function_words:
            return False  # "Iran and its proxies": two sides, not one noun's modifiers
        demonym = key(partner) in self.lex.non_places and not partner.isupper()  # Iraqi; but US
        if is_capitalised(partner) and key(partner) in place_words and not demonym:
            return False
        if any(key(x) in _SIDE_NOUNS for x in after[2:4]):
            return True
        lex = self.lex
        return country and len(after) > 2 and (demonym or not is_capitalised(partner)) and not any(
            key(x) in words for x in after[1:3]
            for words in (lex.function_words, lex.verbs, lex.metonymy_verbs, _LINKING))

    @staticmethod
    def _model_of_side(w: Window) -> bool:
        """"Dyess B-1 crews", "Aviano F-16 pilots": a model's designation, then a side noun."""
        return len(w.after) > 1 and any(c.isdigit() for c in w.after[0]) and key(w.after[1]) in _SIDE_NOUNS

    def _title_follows(self, w: Window) -> bool:
        """A person's title in the next three words: the name says whose official it is."""
        words = [key(x) for x in w.after[:3]]
        pairs = [" ".join(words[i:i + 2]) for i in range(len(words) - 1)]
        return any(k in self.lex.person_titles for k in words + pairs)

    def _acting(self, w: Window) -> bool:
        """After "with", "by", "for", "between" a country acts or is acted with ("talks
        with Iran", "a war with Iran", "launched by Iran"), unless a physical noun comes
        first ("the border with Jordan", "a land bridge with Lebanon")."""
        before = w.before[:-1] if w.before and key(w.before[-1]) == "the" else w.before
        if not before or w.glued_before.strip() or key(before[-1]) not in _AGENT_PREPOSITIONS:
            return False
        return len(before) < 2 or key(before[-2]) not in self.lex.physical_nouns

    def _hyphen_compound(self, w: Window, place_words: set[str]) -> str | None:
        """US-led, Iran-backed, Baghdad-based, the Israel-Hamas war: the name names a side
        (associative).  The Iraq-Syria border: two places before a place's noun (a literal
        modifier)."""
        if w.glued_after not in _HYPHENS or not w.after:
            return None
        parts = w.after[0].split("-")
        if is_capitalised(parts[0]) and key(parts[0]) in place_words:
            # The Iraq-Syria border; but the U.S.-Iraq Strategic Dialogue (two parties)
            noun = parts[1] if len(parts) > 1 else (w.after[1] if len(w.after) > 1 else "")
            return "literal_modifier" if key(noun) in self.lex.locative_nouns else "associative_modifier"
        return "associative_modifier"

    def _modified_noun(self, w: Window) -> str | None:
        """The noun a name directly modifies ("U.S. forces", "the Syria border"), if the
        next word is one: not a function word, a verb, or a word cut off by punctuation."""
        if not w.after or w.glued_after != " ":
            return None
        k = key(w.after[0])
        following = key(w.after[1]) if len(w.after) > 1 else ""
        if k.endswith("ing") and following == "of":
            return k  # a noun: "the United States bombing of Iraq"
        if k.endswith("ed") and following in _SIDE_NOUNS:
            return following  # "U.S. armed forces"
        lex = self.lex
        if not k or k in lex.function_words or k in lex.metonymy_verbs or k in lex.verbs or k in _LINKING \
                or k.endswith(("ly", "ing", "ed")):  # adverbs, verbs of a clause ("Syria using drones", "Erbil fired")
            return None
        return k

    # -- metonymy ----------------------------------------------------------------------
    def is_metonymic(self, w: Window, place_words: set[str]) -> bool:
        """A capital or country standing for its government."""
        return self._possessive_metonym(w, place_words) or self._subject_of_verb(w) or self._after_preceder(w)

    def _possessive_metonym(self, w: Window, place_words: set[str]) -> bool:
        """Washington's support, Iraq's sovereignty, Iran's Revolutionary Guard (the state,
        metonym) but Baghdad's streets, Iraq's second-largest city, Baghdad's Green Zone
        (the place): a physical noun or a place's name in the next words."""
        if not _POSSESSIVE.match(w.glued_after.strip()):
            return False
        words = [x for x in w.after if key(x) != "s"][:3]
        if not words:
            return False
        lex = self.lex
        if any(_bare(key(x)) in lex.org_heads for x in takewhile(is_capitalised, words)):
            return True  # the state's body: Iran's Islamic Revolutionary Guard Corps, Iraq's Popular Mobilization Forces
        if self._title_follows(w):
            return True  # its office-holder: Iran's Supreme Leader Ali Khamenei, Iraq's prime minister
        for word in words:  # the place's own parts: Baghdad's heavily fortified Green Zone
            k = key(word)
            if k in lex.physical_nouns or (is_capitalised(word) and k in place_words):
                return False
            if k in lex.function_words:  # but Israel's assault on Gaza
                break
        return True

    def _subject_of_verb(self, w: Window) -> bool:
        """Tehran prefers, Baghdad expects, Baghdad which is trying, Baghdad, which has warned."""
        for word in reversed(w.before):  # the last word, past compass words ("in eastern Syria")
            k = key(word)
            if k not in _COMPASS:
                if k in _PREPOSITIONS:
                    return False
                break
        if w.after_clause:
            words = w.after_clause
        elif w.glued_after.strip() in {"", "'s", "’s"}:
            words = w.after
        else:
            return False
        for i, word in enumerate(words[:4]):
            k = key(word)
            if k in self.lex.metonymy_verbs or k in _MODALS:
                return True
            if self._past_verb(words, i) and w.glued_after.strip() == "":  # the US conducted
                return True
            if k in _AUXILIARIES:  # Iran has long backed, the US is reducing
                following = next((key(x) for x in words[i + 1:i + 3] if key(x) not in _ADVERBS
                                  and not key(x).endswith("ly")), "")
                if following.endswith("ing") or (k in _PERFECT and (following.endswith(("ed", "en"))
                                                                    or following in self.lex.participles)
                                                 and following != "been"):
                    return True
            if k not in _LINKING and not k.endswith("ly"):
                return False
        return False

    @staticmethod
    def _past_verb(words: list[str], i: int) -> bool:
        """The ``i``-th word is a verb in the past ("Iraq committed"), not a passive
        ("Jordan was closed") or a participle before its preposition ("Syria located on")."""
        k = key(words[i])
        if len(k) <= 4 or not k.endswith("ed") or any(key(x) in _LINKING for x in words[:i]):
            return False
        return i + 1 >= len(words) or key(words[i + 1]) not in _PARTICIPLE_PREPOSITIONS

    def _after_preceder(self, w: Window) -> bool:
        if w.glued_before.strip() or self._modified_noun(w) is not None:
            return False  # "threats to U.S. forces": the name modifies the noun
        words = [key(x) for x in w.before if key(x) != "the"]
        return any(" ".join(words[-n:]) in self.lex.metonymy_preceders for n in (3, 2, 1) if len(words) >= n)

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
        listed_after = bool(_STOP.search(found.group(), 0)) or " and " in found.group() or found.group().count(" ") > 1
        if not (listed_after or _LIST_BEFORE.search(text, max(0, start - 40), start)):
            return None
        return "governorate" if found.group(1) in ("provinces", "governorates") else "area"

    @staticmethod
    def area_label(text: str, start: int) -> str | None:
        """The head group of an infobox field's label right before a name at the start of
        its line ("- Region: Deir ez-Zor", "GovernorateAl-Hasakah"): the area, not its
        town ("governorate" or "area"), or None.  Callers look first for a line break in
        the 30 characters before (most names have none)."""
        label = _AREA_LABEL.search(text, max(0, start - 30), start)
        return _AREA_LABEL_GROUPS[label.group(1).lower()] if label else None

    @staticmethod
    def kinds_of(group: str | None) -> set[str]:
        return HEAD_GROUP_KINDS.get(group, set()) if group else set()
