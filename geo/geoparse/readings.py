"""How a place's name is used where it stands: literal, literal modifier, associative
modifier or metonymic (geo.geoparse.mention.READINGS), decided from the words around it
and the lexicons (``geo/data/lexicons``)."""

from __future__ import annotations

import calendar
import re
from itertools import takewhile

from geo.gazetteer.lexicons import Lexicons
from geo.geoparse.context import HYPHENS, Window, bare, key, keyed
from geo.text import is_capitalised

__all__ = ["Readings"]

_POSSESSIVE = re.compile(r"^['’]s?(?!\w)")
_ROMAN = re.compile(r"[IVX]{1,4}")
_PREPOSITIONS = keyed("in", "at", "from", "near", "to", "into", "of", "on", "over", "across", "inside", "outside",
                      "toward", "towards", "via", "through", "within", "around", "by", "against")
_LINKING = keyed("which", "that", "who", "is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
                 "can", "may", "might", "should", "must", "does", "did", "do", "not", "also", "still", "now",
                 "currently", "reportedly", "already", "been", "being", "itself", "s", "too", "then", "again",
                 "officially", "publicly", "quickly", "clearly", "apparently", "increasingly")
# A time between a subject and its verb: "on Thursday", "on March 3", "yesterday".
_DAY_NAMES = keyed(*calendar.day_name, *calendar.month_name[1:])
_TIME_WORDS = keyed("today", "yesterday", "tonight")
# After a country's name these make it the state acting: "the United States will defend".
_MODALS = keyed("will", "would", "must", "should", "shall", "can", "could", "may", "might", "cannot", "won't")
# Singular forms only: a country takes "has"; "in Syria and Iraq have escalated" has another subject.
_AUXILIARIES = keyed("is", "was", "has", "had")
_PERFECT = keyed("has", "had")
_COMPASS = keyed("eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
                 "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western")
# After a participle these make it an adjective ("Syria located on", "Iraq affiliated with").
_PARTICIPLE_PREPOSITIONS = keyed("on", "in", "at", "with", "near", "along", "by", "inside", "within")
_ADVERBS = keyed("long", "also", "already", "not", "never", "since", "now", "still", "just", "again")
# A country after these acts or is acted with: "talks with Iran", "launched by Iran", "support for Israel",
# "aggression against the United States".
_AGENT_PREPOSITIONS = keyed("with", "by", "for", "between", "against")
# Before a name, these make it a location whatever follows: "in Iraq putting the country ...".
_LOCATIVE_PREPOSITIONS = keyed("in", "inside", "into", "across", "throughout", "within", "from", "near", "around")


class Readings:
    def __init__(self, lexicons: Lexicons):
        self.lex = lexicons

    def reading(self, w: Window, country: bool, government: bool, place_words: set[str]) -> str:
        """How the name is used: ``literal``, ``literal_modifier``, ``associative_modifier``
        or ``metonymic`` (geo.geoparse.mention.READINGS).  ``country``: the name is a
        country's; ``government``: it can stand for a government (a country, a capital)."""
        hyphened = self._hyphen_compound(w, place_words)
        if hyphened:
            return hyphened
        if government and self.is_metonymic(w, place_words):
            return "metonymic"
        if self._after_locative_preposition(w):
            return "literal"  # in Iraq, from Syria, across Iraq and Syria, in western Iraq; but "according to"
        if self._coordinated_side(w, place_words, country):
            return "associative_modifier"
        modified = self._modified_noun(w)
        if modified is not None:
            if country:  # US forces, Iran officials, US strikes; but the Syria border
                locative = modified in self.lex.locative_nouns and modified not in self.lex.attributive_nouns
                return "literal_modifier" if locative else "associative_modifier"
            # Baghdad officials, Pentagon Press Secretary; but the Baghdad embassy, a Beirut
            # bombing, Erbil residents
            side = modified in self.lex.side_nouns or self._title_follows(w) or self._model_of_side(w)
            return "associative_modifier" if side else "literal_modifier"
        if government and self._acting(w):
            return "metonymic"
        if government and self._of_a_person(w, place_words):
            return "metonymic"
        return "literal"

    @staticmethod
    def _after_locative_preposition(w: Window) -> bool:
        if w.glued_before.strip():
            return False
        before, i = w.before, len(w.before) - 1
        while i >= 0 and key(before[i]) in _COMPASS:  # "in western Iraq": past the compass words, no copy
            i -= 1
        return i >= 0 and key(before[i]) in _LOCATIVE_PREPOSITIONS and not (i > 0 and key(before[i - 1]) == "according")

    def _of_a_person(self, w: Window, place_words: set[str]) -> bool:
        """"Prime Minister Haidar Al-Abadi of Iraq", "the President of Iraq": the state the
        person serves, after "of" and a name or a title (not a place: "the city of")."""
        before = [x for x in w.before if not _ROMAN.fullmatch(x) and key(x) != "the"]  # "Abdullah II of the"
        if len(before) < 2 or w.glued_before.strip() or key(before[-1]) != "of":
            return False
        owner = before[-2]
        k = key(owner)
        if k in self.lex.person_titles or k in self.lex.side_nouns or k in self.lex.given_names:
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
        if any(key(x) in self.lex.side_nouns for x in after[2:4]):
            return True
        lex = self.lex
        return country and len(after) > 2 and (demonym or not is_capitalised(partner)) and not any(
            key(x) in words for x in after[1:3]
            for words in (lex.function_words, lex.verbs, lex.metonymy_verbs, _LINKING))

    def _model_of_side(self, w: Window) -> bool:
        """"Dyess B-1 crews", "Aviano F-16 pilots": a model's designation, then a side noun."""
        return len(w.after) > 1 and any(c.isdigit() for c in w.after[0]) and key(w.after[1]) in self.lex.side_nouns

    def _title_follows(self, w: Window) -> bool:
        """A person's title in the next three words: the name says whose official it is."""
        words = [key(x) for x in w.after[:3]]
        pairs = [" ".join(words[i:i + 2]) for i in range(len(words) - 1)]
        return any(k in self.lex.person_titles for k in words + pairs)

    def _acting(self, w: Window) -> bool:
        """After "with", "by", "for", "between", "against" a country acts or is acted with
        ("talks with Iran", "a war with Iran", "launched by Iran"), unless a physical noun comes
        first ("the border with Jordan", "a land bridge with Lebanon")."""
        before = w.before[:-1] if w.before and key(w.before[-1]) == "the" else w.before
        if not before or w.glued_before.strip() or key(before[-1]) not in _AGENT_PREPOSITIONS:
            return False
        if key(before[-1]) == "against" and self._blow_lands(before[:-1]):
            return False  # "missiles against Israel", "hostilities in or against Iran": its territory
        return len(before) < 2 or key(before[-2]) not in self.lex.physical_nouns

    def _blow_lands(self, before: list[str]) -> bool:
        """The words before "against" tell a blow on a territory: a blow's word among the
        last four ("attacks by Iraqi factions against"), or a locative preposition
        coordinated with it ("in or against")."""
        words = [key(x) for x in before[-4:]]
        if len(words) > 1 and words[-1] in ("or", "and") and words[-2] in _LOCATIVE_PREPOSITIONS:
            return True
        return any(k in self.lex.blow_words for k in words)

    def _hyphen_compound(self, w: Window, place_words: set[str]) -> str | None:
        """US-led, Iran-backed, Baghdad-based, the Israel-Hamas war: the name names a side
        (associative).  The Iraq-Syria border: two places before a place's noun (a literal
        modifier)."""
        if w.glued_after not in HYPHENS or not w.after:
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
        if k.endswith("ed") and following in self.lex.side_nouns:
            return following  # "U.S. armed forces"
        lex = self.lex
        if not k or k in lex.function_words or k in lex.metonymy_verbs or k in lex.verbs or k in _LINKING \
                or k.endswith(("ly", "ing", "ed")):  # adverbs, verbs of a clause ("Syria using drones", "Erbil fired")
            return None
        return k

    # -- metonymy ----------------------------------------------------------------------
    def is_metonymic(self, w: Window, place_words: set[str]) -> bool:
        """A capital or country standing for its government."""
        return self._possessive_metonym(w, place_words) or self._subject_of_verb(w) or self._after_preceder(w) \
            or self._with_its_own(w)

    def _with_its_own(self, w: Window) -> bool:
        """"Iran and its proxies", "the United States and its regional allies": a state with
        what it has (not "Baghdad and its suburbs", the place's parts)."""
        if len(w.after) < 3 or w.glued_after != " " or key(w.after[0]) not in ("and", "or") \
                or key(w.after[1]) not in ("its", "their"):
            return False
        lex = self.lex
        return not any(key(x) in lex.physical_nouns or key(x) in lex.locative_nouns for x in w.after[2:4])

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
        if any(bare(key(x)) in lex.org_heads for x in takewhile(is_capitalised, words)):
            return True  # the state's body: Iran's Islamic Revolutionary Guard Corps, Iraq's Popular Mobilization Forces
        if self._title_follows(w):
            return True  # its office-holder: Iran's Supreme Leader Ali Khamenei, Iraq's prime minister
        for word in words:  # the place's own parts: Baghdad's heavily fortified Green Zone
            k = key(word)
            if k in lex.physical_nouns or (is_capitalised(word) and k in place_words and k not in lex.non_places):
                return False  # but a demonym is no place: Tehran's earliest Iraqi proxies
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
        words = _without_a_time(words)  # "the Pentagon on Thursday hailed"
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


def _without_a_time(words: list[str]) -> list[str]:
    """The words after a name without a time that opens them ("on Thursday hailed")."""
    if words and key(words[0]) in _TIME_WORDS:
        return words[1:]
    if len(words) > 1 and key(words[0]) == "on" and key(words[1]) in _DAY_NAMES:
        return words[3:] if len(words) > 2 and words[2].isdigit() else words[2:]
    return words
