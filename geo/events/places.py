"""Where an event happened: the place roles of a clause.

The clause's places (else its sentence's): for an attack its targets, after the attack's
word, not where it was launched from, not where a speaker said it, not the dateline's
city; for a capture the places after its word; for a visit those after in/at/to.  With
none, "the base", "the town", "it" stand for the place of that kind the document named
last (or the place an article is on); an attack on "two Iraqi bases" is in that country,
as an area; a visit or an announcement with no place is at its actor's home.
"""

from __future__ import annotations

import re

from geo.events.clauses import ByStart, Clause, Trigger
from geo.events.kinds import is_of, told_at_home
from geo.events.model import ATTACK_KINDS, BATTLE_KINDS
from geo.gazetteer import FACILITY_KINDS, THEATRE_COUNTRIES, ActorLexicon, Gazetteer
from geo.geoparse import Mention
from geo.geoparse.context import PARENT_GAP

__all__ = ["ANAPHORA_REACH", "PLACED_KINDS", "PlaceRoles", "subject_place"]

_VISITED = re.compile(r"\b(?:in|at|to|visited|visiting|visit|arrived in)\s+(?:the\s+)?$", re.I)
_VISIT_AFTER = re.compile(r"\s+visit\b", re.I)
PLACED_KINDS = ATTACK_KINDS | BATTLE_KINDS | {"violence", "base", "protest", "interception"}  # told only with a place or a day
# "the base", "the town", or "it" as a subject ("It was captured by Coalition forces in 2003")
_THE_PLACE = re.compile(r"\bthe (air ?base|base|site|facility|garrison|outpost|camp|airfield|airport|compound|dam|"
                        r"refinery|embassy|consulate|port|town|city|village|settlement|"
                        r"province|governorate|border crossing|crossing|checkpoint|field|oil field|gas field)\b|"
                        r"^(?:[^,]*, )?it (?:was|fell|had|came)\b")
_FACILITY_NOUNS = ("air base", "airbase", "base", "site", "facility", "garrison", "outpost", "camp", "airfield", "compound",
                   "field", "oil field", "gas field", "airport", "dam", "refinery", "embassy", "consulate", "port")
_ANAPHOR_KINDS = {**{noun: frozenset(FACILITY_KINDS) for noun in _FACILITY_NOUNS},
                  **{noun: frozenset({"city", "town", "village"}) for noun in ("town", "city", "village", "settlement")},
                  "province": frozenset({"governorate", "region"}), "governorate": frozenset({"governorate", "region"}),
                  "border crossing": frozenset({"border-crossing"}), "crossing": frozenset({"border-crossing"}),
                  "checkpoint": frozenset({"border-crossing", "outpost"})}
ANAPHORA_REACH = 1500  # characters: how far back "the base" looks for the base the document named
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
# Where a speaker said it: "Esper said during a press gaggle in the Pentagon", "told reporters at the"
_SPEECH_WORDS = ("said", "says", "told", "tells", "stated", "spoke", "speaking", "added", "briefed", "testified")
_SAID_AT = re.compile(r"\b(?:" + "|".join(_SPEECH_WORDS) + r")\b"
                      r"(?:\s+[^\s,;:.!?\"“”]+){0,8}?\s+(?:in|at)\s+(?:the\s+)?$", re.I)
SAID_AT_REACH = 80


def subject_place(title: str, places: list[Mention]) -> str | None:
    """The site a document is about: the one its title names alone ("Makhmur",
    "Makhmur, Iraq", "Camp Taji (Iraq)"), if the text names it literally; else None."""
    head = re.split(r"[,(]", title, maxsplit=1)[0].strip().lower()
    return next((m.site_id for m in places if m.surface.lower() == head), None) if head else None


class PlaceRoles:
    """The place rules over a gazetteer and the actors' adjectives; ``start`` readies them
    for a document (its literal places, its title and its dateline)."""

    def __init__(self, gazetteer: Gazetteer, actors: ActorLexicon):
        self.gazetteer = gazetteer
        self.actors = actors
        hosts = sorted((a for a, actor in actors.by_adjective.items() if actor.kind == "state"
                        and actor.country in THEATRE_COUNTRIES), key=len, reverse=True)
        self._host_places = re.compile(r"\b(" + "|".join(map(re.escape, hosts)) + r")\s+(?:[a-z-]+\s+){0,2}?"
                                       r"(?:bases|airbases|air bases|towns|cities|villages|territory|soil)\b"
                                       if hosts else r"(?!)")
        self.start(ByStart([]), "", None)

    def start(self, literal: ByStart, title: str, dateline: tuple[int, int] | None) -> None:
        self._literal = literal  # what "the base", "the town" may stand for
        self._title = title  # see _subject
        self._subject_found: tuple[str | None] | None = None  # the place it is about, once looked for
        self._dateline = dateline

    def of_clause(self, text, kind, clause: Clause, sentence, places, inside, trigger: Trigger | None) -> list[Mention]:
        """The clause's places (else its sentence's, unless the clause is isolated): for
        a visit or announcement those after in/at/to, for an attack its targets, for a
        capture the places after its word."""
        candidates = [m for m in places if inside(m.start, m.end)]
        if not candidates and not clause.isolated:
            candidates = [m for m in places if sentence[0] <= m.start < sentence[1]]
        if is_of(trigger, "designation"):  # a state's act, with no place of its own
            return []
        if is_of(trigger, "deployment"):  # "deployed to the Middle East", "withdrew from Iraq"
            return candidates
        if told_at_home(trigger):
            return [m for m in candidates if _VISITED.search(text, max(0, m.start - 25), m.start)
                    or _VISIT_AFTER.match(text, m.end)]
        if kind in ATTACK_KINDS:  # not the dateline's city, where the release was written
            dateline = self._dateline or (0, 0)
            return _targets(text, [m for m in candidates if not dateline[0] <= m.start < dateline[1]], clause)
        if kind in ("capture", "recapture") and trigger is not None:
            return [m for m in candidates if m.start > trigger.start] or candidates
        return candidates

    def not_in_the_clause(self, kind: str, trigger: Trigger | None, clause: Clause, actor) -> tuple[str, ...]:
        """An attack's or a battle's "the base", "the town", "it": the place named before
        (a battle's, else the place the article is on); a visit's "the province" likewise,
        else, as an announcement's, its actor's home country."""
        if kind in PLACED_KINDS:
            named = self._place_named_before(clause)
            if named or kind not in BATTLE_KINDS:
                return named or (self._host_country(clause) if kind in ATTACK_KINDS else ())
            subject = self._subject()
            return (subject,) if subject else ()  # a battle in an article on a place: that place's
        if told_at_home(trigger):  # "visited the province": the one named before; else at home
            return self._place_named_before(clause) or self.home(actor)
        return ()

    def _host_country(self, clause: Clause) -> tuple[str, ...]:
        """For an attack on "two Iraqi bases", "Syrian towns": the country whose bases or
        towns they are, as an area (not "U.S. bases": a state's own abroad)."""
        found = self._host_places.search(clause.words)
        return self.home(self.actors.by_adjective[found.group(1)]) if found else ()

    def _subject(self) -> str | None:
        """The place the document is about (subject_place), looked for once per document."""
        if self._subject_found is None:
            self._subject_found = (subject_place(self._title, self._literal.items),)
        return self._subject_found[0]

    def _place_named_before(self, clause: Clause) -> tuple[str, ...]:
        """For "the base", "the town", "the border crossing" ...: the place the article is
        on if it is of that kind (see subject_place), else the place of that kind the
        document named last, not long before, else the first it named; for a subject "it":
        the first point the document named."""
        found = _THE_PLACE.search(clause.lowered)
        if found is None:
            return ()
        kinds = _ANAPHOR_KINDS.get(found.group(1) or "", frozenset())
        named = [m for m in self._literal.items if (self.gazetteer[m.site_id].kind in kinds if kinds
                                                    else self.gazetteer[m.site_id].is_point)]
        start = clause.spans[0][0]
        before = [m for m in named if start - ANAPHORA_REACH <= m.start < start]
        subject = self._subject() if kinds else None
        if subject and self.gazetteer[subject].kind in kinds:
            return (subject,)  # an article on a town: "the town" is that town
        chosen = before[-1] if before and kinds else named[0] if named and named[0].start < start else None
        return (chosen.site_id,) if chosen else ()

    def sites(self, mentions: list[Mention]) -> tuple[str, ...]:
        """Point sites if any (the most specific: a base rather than its city), else areas."""
        ids = list(dict.fromkeys(m.site_id for m in mentions))
        sites = [self.gazetteer[i] for i in ids]
        points = [s for s in sites if s.is_point]
        if points:
            specific = [s for s in points if s.kind not in ("city", "town")]
            return tuple(s.id for s in (specific or points))
        return tuple(s.id for s in sites)

    def home(self, actor) -> tuple[str, ...]:
        """Where an actor's announcement or meeting took place when the text does not say:
        its home country, an area (geo_precision 3)."""
        if actor is None or not actor.country:
            return ()
        return tuple(s.id for s in self.gazetteer.sites.values() if s.kind == "country" and s.country == actor.country
                     and s.layer == "curated")[:1]


def _targets(text: str, candidates: list[Mention], clause: Clause) -> list[Mention]:
    """Places after the first attack word ("attack on southern Israel", not "killed in
    Gaza since ... attack"); all places when none follows (passive: "X was struck"); not
    where it was launched from ("from Dyess Air Force Base, Texas"), unless that is all."""
    candidates = [m for m in candidates if not _where_said(text, m, clause)]
    first = next((t.start for t in clause.triggers if t.groups & {"attack", "air-strike"}), None)
    after = [m for m in candidates if first is not None and m.start > first]
    chosen = after or candidates
    if len(chosen) < 2 or " from " not in clause.lowered:  # most attacks: no place to leave out
        return chosen
    origins = _origins(text, chosen)
    return [m for m in chosen if m not in origins] or chosen


def _where_said(text: str, m: Mention, clause: Clause) -> bool:
    """The place is where a speaker said it, with no trigger between the saying and the
    place: the setting of a statement, not of the attack it tells."""
    before = max(0, m.start - SAID_AT_REACH)
    window = text[before:m.start]  # no verb of speech, no search: most places (lower() is re.I's match in ASCII only)
    if window.isascii() and not any(word in window.lower() for word in _SPEECH_WORDS):
        return False
    said = _SAID_AT.search(text, before, m.start)
    return said is not None and not any(said.start() <= t.start < m.start for t in clause.triggers)


def _origins(text: str, mentions: list[Mention]) -> list[Mention]:
    """Places named as where something came from, and the places that locate them ("from
    Dyess Air Force Base, Texas")."""
    found: list[Mention] = []
    for m in mentions:
        if _FROM_BEFORE.search(text, max(0, m.start - 12), m.start) or (
                found and PARENT_GAP.fullmatch(text, found[-1].end, m.start)):
            found.append(m)
    return found
