"""What kind of event a clause tells (ACLED's sub-types, as ``geo.events.model.EVENT_KINDS``
keys them): its earliest live trigger word (lexicon ``event_triggers.txt``), refined by
its weapon, by what a capture takes (a place, or people: an arrest) and by who did it (a
state regains a place a group overtakes; a state's strike of unstated means may be from
the air)."""

from __future__ import annotations

import re

from geo.events.clauses import QUOTES, Clause, Trigger
from geo.events.model import WEAPONS
from geo.geoparse import Mention

__all__ = ["KIND_GROUPS", "asserted", "by_its_actor", "capture_or_arrest", "clause_kind", "is_of", "told_at_home"]

KIND_GROUPS = frozenset({"air-strike", "attack", "killing", "protest", "visit", "suspension", "clash", "capture",
                         "recapture", "arrest", "agreement", "designation", "deployment", "call", "ceremony", "election",
                         "violence", "establishment", "opening"})
# the kind a trigger group gives by itself (the attack groups depend on the weapon)
_GROUP_KINDS = {"protest": "protest", "visit": "other", "suspension": "change", "deployment": "change", "clash": "clash",
                "capture": "capture", "recapture": "recapture", "arrest": "arrest", "agreement": "agreement",
                "designation": "other", "call": "other", "ceremony": "other", "election": "other",
                "violence": "violence", "establishment": "base", "opening": "other"}
_AT_HOME_GROUPS = frozenset({"visit", "suspension"})  # told where they happened, else at the actor's home
WEAPON_PREFIX = "weapon-"  # a weapon's group in the trigger lexicon: "weapon-drone"
_WEAPON_GROUPS = tuple((WEAPON_PREFIX + w, w) for w in WEAPONS)  # in the order of preference
# an announced change, a deployment, a call, an election: each counts only when nothing else is told
_WEAK_GROUPS = frozenset({"suspension", "deployment", "call", "election", "establishment", "opening"})
_NEGATED = re.compile(r"\b(?:no|not|never|cessation (?:in|of)|halt (?:to|in|of)|end to|stop(?:ped)?|without|"
                      r"suspension of|suspended|suspending|halted)\s+(?:\w+\s+){0,3}$")
_ANAPHORA = re.compile(r"\b(?:these|those|such|the)\s+$")
_OTHER_EVENT = re.compile(r"\b(?:after|before|following|since|days after|days before)\s+(?:this|that|the|these|those)\s+$|"
                          # "after the 2003 US invasion", "until the 2014 IS offensive": a known event, named by its year
                          r"\b(?:after|before|following|since|during|until)\s+the\s+(?:19|20)\d\d\s+(?:[\w'’.-]+\s+){0,2}$")
# "designated X as a terrorist", "the designation of", "sanctions": not "an outpost designated for aid"
_DESIGNATION = re.compile(r"\bdesignat\w*\b[^.;]{0,120}?\b(?:as|under|pursuant)\b|\bdesignations? of\b|\bsanction|"
                          r"\bdesignat(?:es|ing)\s+(?!for\b|to\b)")
# "captured an ISIS leader", "his capture", "suspects were captured": people, so an arrest, not a place taken
_PEOPLE_WORDS = (r"(?:leaders?|commanders?|suspects?|individuals?|fighters?|militants?|members?|prisoners?|officials?|"
                 r"men|him|them|soldiers?|facilitators?|operatives?|financiers?|people)")
_PEOPLE_OBJECT = re.compile(r"\s+(?!by\b)(?:[\w-]+\s+){0,3}?" + _PEOPLE_WORDS + r"\b", re.I)
_PEOPLE_CAPTURED = re.compile(r"(?:\b" + _PEOPLE_WORDS + r"\b[^.;]{0,40}?\b(?:was|were|been|being)\s+|\b(?:his|her|their)\s+)$",
                              re.I)
_LOCATIVE_GAP = re.compile(r"\b(?:near|in|at|outside|around|from)\b")
_TAKEN_BY_STATE = frozenset({"state", "state-force"})
_ON_CIVILIANS = re.compile(r"\b(?:attack\w*|fired)\s+(?:on\s+|against\s+|at\s+)?(?:\w+\s+){0,2}?"
                           r"(?:civilians|protesters|demonstrators|residents|villagers|pilgrims|worshippers)\b")
_STRIKE_WORDS = frozenset({"strike", "strikes", "struck"})
# A US or coalition aircraft shot down ("A U.S. MQ-9 was shot down over Yemen", "downed an
# American drone"): an attack on it (ACLED: a missile attack), not the interception of an
# incoming weapon
_OWN = r"(?:U\.S\.|US|American|Navy|Air Force|[Cc]oalition)"
_AIRCRAFT = r"(?:MQ-\d+[A-Z]?|RQ-\d+[A-Z]?|Reaper|Global Hawk|drone|aircraft|helicopter|jet|plane)"
_OWN_AIRCRAFT_DOWNED = re.compile(
    r"\b" + _OWN + r"\s+(?:[\w-]+\s+){0,2}?" + _AIRCRAFT + r"\b[^.;]{0,100}?\b(?:was|were)\s+(?:\w+\s+)?"
    r"(?:shot down|downed)\b|"
    r"\b(?:shot down|downed|shoot down|shooting down)\s+(?:(?:an?|the|two|three|its|their)\s+)?" + _OWN + r"\s+"
    r"(?:[\w-]+\s+){0,2}?" + _AIRCRAFT + r"\b")


def asserted(text: str, s_start: int, s_end: int, triggers: list, places: list[Mention]) -> list:
    """The sentence's triggers that are words, not parts of names: not a place's name
    ("captured Hit"), not a capitalised word inside a sentence, the name of an operation
    or a unit ("Operation Inherent Resolve", "Carrier Strike Group") unless the sentence
    is a headline in title case (where an operation's name is still a name)."""
    capitalised = [t for t in triggers if text[t[0]].isupper() and not _only_weapons(t[2])]
    if not capitalised:  # most triggers: a place's name and a name inside a sentence are capitalised
        return triggers
    def in_a_place(t) -> bool:
        return any(m.start <= t[0] < m.end for m in places)

    named = [t for t in capitalised if (text[s_start:t[0]].strip(QUOTES + " \n") and not _NAMED_EVENT.match(text, t[1]))
             or in_a_place(t) or _OPERATION_NAME.match(text, t[0])]
    if named and _title_case(text[s_start:s_end]):
        named = [t for t in named if in_a_place(t) or _OPERATION_NAME.match(text, t[0])]
    return [t for t in triggers if t not in named]


def _only_weapons(groups: frozenset[str]) -> bool:
    """A weapon's word, whose name may well be capitalised ("Katyusha", "IED", "A-10s")."""
    return all(group.startswith(WEAPON_PREFIX) for group in groups)


# but "the Battle of Mosul", "the Siege of Mount Sinjar", "the Battle for Mosul Dam" name an event
_NAMED_EVENT = re.compile(r" (?:of|for) ")


# a military operation's name, even in a headline: "Operation Inherent Resolve Quarterly Report"
_OPERATION_NAME = re.compile(r"Operations? [A-Z]")


def _title_case(sentence: str) -> bool:
    words = [w for w in sentence.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def is_of(trigger: Trigger | None, group: str) -> bool:
    return trigger is not None and group in trigger.groups


def told_at_home(trigger: Trigger | None) -> bool:
    return trigger is not None and not _AT_HOME_GROUPS.isdisjoint(trigger.groups)


def by_its_actor(kind: str, weapon: str, actor, clause: Clause) -> tuple[str, str]:
    """The kind and weapon as the actor settles them: a strike of unstated means by an
    actor whose strikes are from the air is an air strike (as ACLED codes a US strike in
    Syria); a place taken by a state's forces is regained, by a group overtaken."""
    if kind == "shelling" and not weapon and actor is not None and actor.strikes == "air" \
            and any(t.word.lower() in _STRIKE_WORDS for t in clause.triggers):
        return "air-drone", "aircraft"
    if kind in ("capture", "recapture") and actor is not None:
        return ("recapture" if actor.kind in _TAKEN_BY_STATE else "capture"), weapon
    if kind == "shelling" and not weapon and _ON_CIVILIANS.search(clause.lowered):
        return "violence", weapon  # "attacked Iraqi civilians demonstrating": violence against civilians
    return kind, weapon


def _attack_kind(weapon: str) -> str:
    return "air-drone" if weapon in ("drone", "aircraft") else "explosive" if weapon == "IED" else "shelling"


def capture_or_arrest(text: str, clause: Clause, trigger: Trigger, places, inside) -> str:
    """A capture takes a place ("captured Tikrit", "the town was captured by IS militants");
    one of people ("captured an ISIS leader", "his capture", "suspects were captured near
    Muamal") is an arrest."""
    end = trigger.start + len(trigger.word)
    object_place = next((m for m in places if inside(m.start, m.end) and 0 <= m.start - end <= 40), None)
    if object_place is not None and not _LOCATIVE_GAP.search(text, end, object_place.start):
        return "capture"
    if _PEOPLE_OBJECT.match(text, end) or _PEOPLE_CAPTURED.search(text, max(0, trigger.start - 60), trigger.start):
        return "arrest"
    return "capture"


def _live(words: str, t: Trigger) -> bool:
    """A trigger that asserts something: not negated or ceased ("a cessation in attacks"),
    not an anaphoric plural ("these attacks persisted")."""
    before = words[max(0, t.at - 60):t.at].lower()
    plural = t.word.lower().endswith("s")
    return not (_NEGATED.search(before) or _OTHER_EVENT.search(before) or (plural and _ANAPHORA.search(before)))


def _object_is_an_attack(clause: Clause, t: Trigger) -> bool:
    """Whether an attack's word follows the trigger within a few words (its object)."""
    end = t.at + len(t.word)
    return any(0 <= u.at - end <= 30 and not u.groups.isdisjoint(("attack", "air-strike")) for u in clause.triggers)


def clause_kind(clause: Clause) -> tuple[str | None, str, Trigger | None]:
    """The event kind of a clause (its earliest live trigger, refined by its weapon),
    the weapon, and the trigger."""
    present = frozenset().union(*(t.groups for t in clause.triggers))
    weapon = next((w for group, w in _WEAPON_GROUPS if group in present), "")
    if "interception" in present and weapon:
        if _OWN_AIRCRAFT_DOWNED.search(clause.words):
            downed = next(t for t in clause.triggers if "interception" in t.groups)
            return "shelling", "missile" if WEAPON_PREFIX + "missile" in present else "", downed
        return "interception", weapon, None
    # An announcement ("a new phase") or a deployment is the weakest trigger: it counts only alone.
    triggers = sorted((group in _WEAK_GROUPS, t.at, group, t) for t in clause.triggers
                      if not t.groups.isdisjoint(KIND_GROUPS) and _live(clause.words, t)
                      for group in t.groups & KIND_GROUPS)
    for _, _, group, t in triggers:
        if group == "violence" and _object_is_an_attack(clause, t):
            continue  # "executed more than 170 attacks": a verb of the attacks, no execution
        if group == "air-strike":  # from the air, whatever else the clause names ("rocket attacks")
            return "air-drone", weapon if weapon == "drone" else "aircraft", t
        if group in ("attack", "air-strike") or (group == "killing" and weapon):
            return _attack_kind(weapon), weapon, t
        if group == "designation" and not _DESIGNATION.search(clause.lowered):
            continue
        if group in _GROUP_KINDS:
            return _GROUP_KINDS[group], "", t
    return None, "", None
