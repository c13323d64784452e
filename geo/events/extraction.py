"""Event extraction from one document, clause by clause (``geo.events.clauses`` cuts the
sentences, ``geo.events.kinds`` tells each clause's kind, ``geo.events.casualties`` its
toll).  A clause yields an event when it has a live trigger, a date (its own, its
sentence's, the previous sentence's, or a statement's) and, for attacks and battles, a
place; threats, hypotheticals, habitual statements and aggregates over a period ("50
attacks since October") are not events.  Its place is where it happened, its actor who
did it by the clause's roles, its status what the sentence's words and the publisher say.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from geo.corpus import Document
from geo.events.casualties import killed, wounded
from geo.events.clauses import QUOTES, ByStart, Clause, Trigger, Within, clause_of, clauses
from geo.events.dates import MONTHS, TimeRef, find_time_refs, news_dateline, publication_in_text, the_week_to_publication
from geo.events.kinds import (
    KIND_GROUPS,
    asserted,
    by_its_actor,
    capture_or_arrest,
    clause_kind,
    is_of,
    told_at_home,
)
from geo.events.model import ATTACK_KINDS, BATTLE_KINDS, Telling
from geo.gazetteer import FACILITY_KINDS, THEATRE_COUNTRIES, ActorHit, ActorLexicon, Gazetteer
from geo.gazetteer.lexicons import LEXICON_DIR, read_entries
from geo.geoparse import Geoparser, Mention
from geo.geoparse.context import PARENT_GAP
from geo.text import KeyMatcher, TextIndex, grouped_matcher

__all__ = ["EventExtractor", "Lexicon"]

# Patterns for a clause's words or a sentence are matched against the lowered text:
# re.IGNORECASE makes these alternations about twice as slow.
_HYPOTHETICAL = re.compile(r"\b(?:would|will|could|might|if|threaten\w*|plans? to|planned|ready to|vow\w*|warn\w*|"
                           r"routinely|regularly|often|usually|any potential)\b")
_AGGREGATE = re.compile(r"\b(?:\d[\d,]*|dozens|tens|hundreds|several|multiple|numerous|some|at least \w+|"
                        r"more than \w+|over \w+|approximately \w+|about \w+)\s+(?:[\w-]+\s+){0,4}?"
                        r"(?:attacks|strikes|operations|drones|missiles|rockets|airstrikes|occasions|times|incidents)\b")
_VISITED = re.compile(r"\b(?:in|at|to|visited|visiting|visit|arrived in)\s+(?:the\s+)?$", re.I)
_VISIT_AFTER = re.compile(r"\s+visit\b", re.I)
_PERIOD = re.compile(r"\b(?:since|starting|between|until|through)\b")  # a tally's period
_STATEMENT_LEAD = re.compile(r"\b(?:released|issued)\s+(?:the\s+following|a|this)\s+statement\b", re.I)
# An actor's role in an attack's clause: the agent after "by" ("attacked ... by Kataib
# Hezbollah"); not the agent after a preposition or verb of the target or the place ("on
# US forces", "against Kataib Hezbollah", "in Iraq"); the subject of a passive is the target.
_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
# ... unless "by" is another participle's ("the aggression supported by the United States")
_OTHER_PARTICIPLE_BY = re.compile(r"\b\w+(?:ed|en)\s+by\s+(?:the\s+)?$", re.I)
_TARGETED_KINDS = ATTACK_KINDS | {"interception"}  # events with a target (and an agent)
_AGENT_KINDS = _TARGETED_KINDS | BATTLE_KINDS | {"violence", "arrest", "other", "base"}  # events whose actor is found by its role
_PLACED_KINDS = ATTACK_KINDS | BATTLE_KINDS | {"violence", "base", "protest", "interception"}  # told only with a place or a day
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
# a subject that stands for an armed group named before
_GROUP_PRONOUN = re.compile(r"(?:^|\b(?:and|then|which|when|after)\s+|[,;]\s*)(?:they|the (?:group|militias?|militants|"
                            r"faction|resistance))\b")
_PHRASE_END = re.compile(r"[,;:()–—]")
DATE_AFTER_REACH = 80  # characters: how far after its trigger a clause's date is the trigger's
ANAPHORA_REACH = 1500  # characters: how far back "the base" looks for the base the document named
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
# Where a speaker said it: "Esper said during a press gaggle in the Pentagon", "told reporters at the"
_SAID_AT = re.compile(r"\b(?:said|says|told|tells|stated|spoke|speaking|added|briefed|testified)\b"
                      r"(?:\s+[^\s,;:.!?\"“”]+){0,8}?\s+(?:in|at)\s+(?:the\s+)?$", re.I)
SAID_AT_REACH = 80
# their actor may be named in the sentence
_SENTENCE_ACTOR_KINDS = ATTACK_KINDS | BATTLE_KINDS | {"change", "interception", "arrest", "other"}
# the words before a target's or a place's name ("on", "against", "in" ...), and a passive's
_NOT_AGENT_WORDS = frozenset("on upon against at in near targeting targeted of from to toward towards into over with hit "
                             "struck attacked killed blamed blaming accused among".split())
_DETERMINERS = frozenset(("the", "a", "an"))
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+\s+){0,2}$", re.I)
_US_TARGET = re.compile(r"\b(?:US\b|U\.S\.|American\b|coalition\b|United States\b)")  # "U.S." ends in no word boundary
AREA_TARGETS = {"IL": "Israel", "PS": "Israel"}
TARGET_COUNTRIES = {"US forces": "US", "Israel": "IL"}  # the state whose forces a target names
_STATE_KINDS = frozenset({"state", "state-force"})
# a speaker's verb right after its name, or after an apposition ("Haider al-Abadi, the Prime Minister, said")
_SPEAKS = re.compile(r"(?:,[^,.;]{1,60},)?\s+(?:has\s+|had\s+)?(?:said|says|announced|announces|stated|stating|declared|"
                     r"confirmed|confirms|acknowledged)\b")


class Lexicon:
    """Trigger and attribution words.  A document's trigger words are found in one
    Aho-Corasick pass over its normal form; each word maps to the groups it belongs to
    ("air strike": air-strike and weapon-aircraft)."""

    def __init__(self):
        self.attribution = {name: _pattern(words) for name, words in _groups(LEXICON_DIR / "attribution.txt")}
        self.officials = [(name.lower(), country) for country, names in _groups(LEXICON_DIR / "official_publishers.txt")
                          for name in names]
        self._official: dict[str, str] = {}
        self._triggers: KeyMatcher[frozenset[str]] = grouped_matcher(_groups(LEXICON_DIR / "event_triggers.txt"))

    def triggers(self, index: TextIndex) -> list[tuple[int, int, frozenset[str]]]:
        """Every trigger word of a document as (start, end, groups), in order; not a
        capitalised month's name ("On 2 March" is no march)."""
        text = index.text
        return [(h.start, h.end, h.payload) for h in index.hits(self._triggers)
                if not (text[h.start].isupper() and text[h.start:h.end].lower() in MONTHS)]

    def attributed(self, group: str, lowered: str) -> bool:
        """Whether a lowered sentence has a word of the group ("claimed", "the Pentagon")."""
        return bool(self.attribution[group].search(lowered))

    def official_country(self, publisher: str) -> str:
        """The state whose government a publisher speaks for ("U.S. Central Command": US), or ""."""
        if publisher not in self._official:  # a corpus has few publishers: each is looked up once
            lowered = publisher.lower()
            self._official[publisher] = next((country for name, country in self.officials if name in lowered), "")
        return self._official[publisher]


def subject_place(title: str, places: list[Mention]) -> str | None:
    """The site a document is about: the one its title names alone ("Makhmur",
    "Makhmur, Iraq", "Camp Taji (Iraq)"), if the text names it literally; else None."""
    head = re.split(r"[,(]", title, maxsplit=1)[0].strip().lower()
    return next((m.site_id for m in places if m.surface.lower() == head), None) if head else None


def _groups(path) -> list[tuple[str, list[str]]]:
    groups = []
    for entry in read_entries(path):
        name, _, words = entry.partition(":")
        groups.append((name.strip(), [w.strip() for w in words.split("|") if w.strip()]))
    return groups


class EventExtractor:
    def __init__(self, geoparser: Geoparser, actors: ActorLexicon):
        self.geoparser = geoparser
        self.gazetteer: Gazetteer = geoparser.gazetteer
        self.actors = actors
        self.lexicon = Lexicon()
        words = sorted(actors.by_adjective, key=len, reverse=True)
        # an actor's adjective ("U.S.", "Iranian") anywhere, and before a trigger it modifies
        self._any_adjective = re.compile("|".join(map(re.escape, words)) or r"(?!)")
        self._attributed: tuple = (None, (False, False))  # the last sentence's attribution (see _attribution)
        self._literal: ByStart = ByStart([])  # the document's literal places (see extract)
        self._title = ""  # the document's title (see _subject)
        self._subject_found: tuple[str | None] | None = None  # the place it is about, once looked for
        hosts = sorted((a for a, actor in actors.by_adjective.items() if actor.kind == "state"
                        and actor.country in THEATRE_COUNTRIES), key=len, reverse=True)
        self._host_places = re.compile(r"\b(" + "|".join(map(re.escape, hosts)) + r")\s+(?:[a-z-]+\s+){0,2}?"
                                       r"(?:bases|airbases|air bases|towns|cities|villages|territory|soil)\b"
                                       if hosts else r"(?!)")
        self._actor_hits: ByStart = ByStart([])  # the document's actors (see extract)
        self._adjectives = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, words)) + r")\s+"
                                      r"(?:(?!(?:was|were|is|are|be|been|being|has|have|had)\b)[a-z][\w-]*\s+){0,2}$") \
            if words else re.compile(r"(?!)")

    def extract(self, doc: Document, text: str, mentions: list[Mention] | None = None,
                index: TextIndex | None = None) -> list[Telling]:
        """The document's events; pass the mentions and text index when already computed."""
        index = index or TextIndex(text)
        self._attributed = (None, (False, False))  # sentences are known by their offsets: none of another document's
        mentions = mentions if mentions is not None else self.geoparser.parse(doc.id, text, index, unresolved=False)
        places = ByStart([m for m in mentions if m.status == "resolved" and m.literal])
        self._literal = places  # what "the base", "the town" may stand for
        self._title, self._subject_found = doc.title, None
        found = find_time_refs(text, doc.published, index)
        published = publication_in_text(text, doc.published, found)
        if published != doc.published:  # a month in the manifest, the day in the header
            doc = replace(doc, published=published)
            found = find_time_refs(text, published, index)
        refs = ByStart(found)
        self._dateline = news_dateline(text)
        actor_hits = ByStart(self.actors.find(index))
        self._actor_hits = actor_hits  # whom "they", "the group" may stand for
        sentences = index.sentences.spans
        triggers = ByStart(self.lexicon.triggers(index), lambda t: t[0])
        events = []
        for i, (s_start, s_end) in enumerate(sentences):
            in_sentence = triggers.between(s_start, s_end)
            if not in_sentence:  # no trigger, no event: most sentences end here
                continue
            here = places.between(s_start, s_end)
            in_sentence = asserted(text, s_start, s_end, in_sentence, here)
            if not in_sentence:
                continue
            previous = sentences[i - 1] if i else None
            # each clause looks only at its sentence's items (and the previous sentence's dates)
            local = (here, refs.between(previous[0] if previous else s_start, s_end), actor_hits.between(s_start, s_end))
            for spans, isolated in clauses(text, s_start, s_end):
                clause = clause_of(text, spans, isolated, in_sentence)
                event = self._clause_event(doc, text, (s_start, s_end), previous, clause, *local)
                if event is not None:
                    events.append(event)
        return _dedupe(events)

    def _clause_event(self, doc, text, sentence, previous, clause: Clause, places, refs,
                      actor_hits) -> Telling | None:
        lowered, spans, isolated = clause.lowered, clause.spans, clause.isolated
        kind, weapon, trigger = clause_kind(clause)
        if kind is None or _HYPOTHETICAL.search(lowered):
            return None
        inside = Within(spans)
        when, quote_start = self._when(text, refs, sentence, None if isolated else previous, inside, isolated,
                                       trigger.start if trigger is not None else None)
        if when is None and not isolated:
            when = _statement_date(text, sentence, doc)
        if when is None and self._dateline is not None and sentence[0] >= self._dateline[0] and kind in ATTACK_KINDS:
            when = the_week_to_publication(doc.published, sentence[0], sentence[0])  # a release's news: its week
        if when is None or when.since:
            return None
        if kind in ATTACK_KINDS and _AGGREGATE.search(lowered) and (when.precision != "day" or _PERIOD.search(lowered)):
            return None
        if kind == "capture" and trigger is not None:
            kind = capture_or_arrest(text, clause, trigger, places, inside)
        mentions = self._places(text, kind, clause, sentence, places, inside, trigger)
        site_ids = self._sites(mentions)
        actor = self._agent(text, actor_hits, clause, kind, inside) or self._actor(actor_hits, sentence, kind, weapon, inside) \
            or self._group_named_before(clause, kind, trigger)
        if trigger is not None and "suspension" in trigger.groups and (actor is None or actor.kind == "state"):
            return None  # an armed group's announced change, not a government's or a committee's announcement
        kind, weapon = by_its_actor(kind, weapon, actor, clause)
        site_ids = site_ids or self._place_not_in_the_clause(kind, trigger, clause, actor)
        if not site_ids and (kind in _PLACED_KINDS or any(is_of(trigger, g) for g in ("deployment", "visit", "opening"))) \
                and not _dated_attack(kind, trigger.word if trigger else "", when, inside):
            return None
        if kind == "base" and not any(self.gazetteer[i].kind in FACILITY_KINDS for i in site_ids):
            return None  # a base or headquarters set up, not a governorate or a group "established"
        if kind in ATTACK_KINDS and when.precision in ("month", "year") \
                and not any(self.gazetteer[i].is_point for i in site_ids):
            return None
        sentence_text = text[sentence[0]:sentence[1]]
        start = min(quote_start, sentence[0])
        target = self._target(site_ids, sentence_text) if kind in _TARGETED_KINDS else ""
        return Telling(
            doc=doc.id, kind=kind, date=when.date.isoformat(), date_end=when.date_end.isoformat(),
            time_precision=when.precision, date_derivation=when.derivation, site_ids=site_ids,
            actor=actor.name if actor else "",
            target=target,
            weapon=weapon, killed=killed(lowered), wounded=wounded(lowered),
            status=self._status(text, actor_hits, sentence,
                                own=self._official_about_its_own(doc, actor, target, kind)
                                or _its_own_official_says(text, actor_hits, actor, target)),
            start=start, end=sentence[1], quote=text[start:sentence[1]],
        )

    def _places(self, text, kind, clause: Clause, sentence, places, inside, trigger: Trigger | None) -> list[Mention]:
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

    def _when(self, text: str, refs: list[TimeRef], sentence, previous, inside,
              isolated: bool = False, at: int | None = None) -> tuple[TimeRef | None, int]:
        """The clause's date, else its sentence's, else the previous sentence's (then the
        quote starts there); an isolated clause has only its own.  A date borrowed from the
        previous sentence only says the event came then or in the days after: a week."""
        own = [r for r in refs if inside(r.start, r.end)]
        if len(own) > 1 and at is not None:  # "held it in 2014 and recaptured it on 22 October 2015": the trigger's
            own = [_trigger_date(text, own, at)]
        if own or isolated:
            return (own[0] if own else None), sentence[0]
        in_sentence = [r for r in refs if sentence[0] <= r.start < sentence[1]]
        if in_sentence:
            return in_sentence[0], sentence[0]
        if previous is not None and "\n" not in text[previous[1]:sentence[0]]:
            before = [r for r in refs if previous[0] <= r.start < previous[1]]
            if before:
                return _week_from(before[-1]), previous[0]
        return None, sentence[0]

    def _place_not_in_the_clause(self, kind: str, trigger: Trigger | None, clause: Clause, actor) -> tuple[str, ...]:
        """An attack's or a battle's "the base", "the town", "it": the place named before
        (a battle's, else the place the article is on); a visit's "the province" likewise,
        else, as an announcement's, its actor's home country."""
        if kind in _PLACED_KINDS:
            named = self._place_named_before(clause)
            if named or kind not in BATTLE_KINDS:
                return named or (self._host_country(clause) if kind in ATTACK_KINDS else ())
            subject = self._subject()
            return (subject,) if subject else ()  # a battle in an article on a place: that place's
        if told_at_home(trigger):  # "visited the province": the one named before; else at home
            return self._place_named_before(clause) or self._home(actor)
        return ()

    def _host_country(self, clause: Clause) -> tuple[str, ...]:
        """For an attack on "two Iraqi bases", "Syrian towns": the country whose bases or
        towns they are, as an area (not "U.S. bases": a state's own abroad)."""
        found = self._host_places.search(clause.words)
        return self._home(self.actors.by_adjective[found.group(1)]) if found else ()

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

    def _sites(self, mentions: list[Mention]) -> tuple[str, ...]:
        """Point sites if any (the most specific: a base rather than its city), else areas."""
        ids = list(dict.fromkeys(m.site_id for m in mentions))
        sites = [self.gazetteer[i] for i in ids]
        points = [s for s in sites if s.is_point]
        if points:
            specific = [s for s in points if s.kind not in ("city", "town")]
            return tuple(s.id for s in (specific or points))
        return tuple(s.id for s in sites)

    def _home(self, actor) -> tuple[str, ...]:
        """Where an actor's announcement or meeting took place when the text does not say:
        its home country, an area (geo_precision 3)."""
        if actor is None or not actor.country:
            return ()
        return tuple(s.id for s in self.gazetteer.sites.values() if s.kind == "country" and s.country == actor.country
                     and s.layer == "curated")[:1]

    def _agent(self, text: str, hits: list[ActorHit], clause: Clause, kind: str, inside):
        """Who did an attack, by the clause's roles: the actor after "by" past the trigger,
        else a state whose adjective modifies the trigger, else the nearest actor before
        the trigger that is its subject (no target's or place's preposition before it, no
        passive between it and the trigger)."""
        if kind not in _AGENT_KINDS:
            return None
        trigger = next((t for t in clause.triggers if not t.groups.isdisjoint(KIND_GROUPS)), None)
        if trigger is None:
            return None
        if len(inside.spans) == 1:  # most clauses are one piece: no call per hit
            own = [h for h in hits if inside.first <= h.start and h.end <= inside.last]
        else:
            own = [h for h in hits if inside(h.start, h.end)]
        if own and text.find(" by ", trigger.start, trigger.start + 90) >= 0:
            by = [h for h in own if trigger.start < h.start < trigger.start + 90
                  and _AGENT_BEFORE.search(text, max(0, h.start - 8), h.start)
                  and (not _OTHER_PARTICIPLE_BY.search(text, max(0, h.start - 30), h.start)
                       or text.find(" by", trigger.start, h.start) == trigger.start + len(trigger.word))]
            if by:
                return by[0].actor
        modifier = next((m for t in clause.triggers if not t.groups.isdisjoint(KIND_GROUPS)
                         for m in (self._modifier(text, t.start),) if m is not None), None)
        if modifier is not None:  # of any of its triggers: "killed in a US drone attack"
            return modifier
        if len(own) == 1 and own[0].actor.kind == "faction":
            return None  # whatever its role, the fallback names the clause's only faction
        before = [h for h in own if h.end <= trigger.start]
        if not before or _PASSIVE_BEFORE.search(text, max(before[-1].end, trigger.start - 40), trigger.start):
            return None  # "U.S. forces were attacked": the subject of a passive is the target
        subject = before[-1]
        if _after_target_word(text, subject.start):
            return None
        if subject.actor.kind == "unnamed" and any(h.actor.kind == "faction" for h in own):
            return None  # "militias ... a declaration from the Islamic Resistance": the named one
        return subject.actor

    def _group_named_before(self, clause: Clause, kind: str, trigger: Trigger | None):
        """For a subject "they", "the group", "the militias" before the trigger: the armed
        group the document named last, not long before."""
        if kind not in _AGENT_KINDS or trigger is None:
            return None
        if not _GROUP_PRONOUN.search(clause.lowered, 0, trigger.at):
            return None
        start = clause.spans[0][0]
        named = [h.actor for h in self._actor_hits.between(start - ANAPHORA_REACH, start)
                 if h.actor.kind in ("faction", "unnamed")]
        return named[-1] if named else None

    def _modifier(self, text: str, trigger: int):
        """The actor whose adjective modifies the trigger: "U.S. retaliatory strikes", "an
        Iranian missile attack" (up to two lower-case words between, no auxiliary: in "U.S.
        forces were attacked" the U.S. is hit)."""
        start = max(0, trigger - 60)
        if not self._any_adjective.search(text, start, trigger):
            return None  # most clauses: no adjective near, no search for its role
        found = self._adjectives.search(text, start, trigger)
        return self.actors.by_adjective[found.group(1)] if found else None

    def _actor(self, hits: list[ActorHit], sentence, kind: str, weapon: str, inside):
        """Who did it: a faction named in the clause, else in the sentence; a state only
        for air strikes and for visits, interceptions and the like."""
        pools = [[h.actor for h in hits if inside(h.start, h.end)]]
        if kind in _SENTENCE_ACTOR_KINDS:
            pools.append([h.actor for h in hits if sentence[0] <= h.start < sentence[1]])
        for pool in pools:
            factions = [a for a in pool if a.kind == "faction"] or [a for a in pool if a.kind == "unnamed"]
            if factions:
                return factions[0]
            if pool and (kind not in ATTACK_KINDS | BATTLE_KINDS or weapon == "aircraft"):
                return pool[0]
        return None

    def _target(self, site_ids: tuple[str, ...], sentence_text: str) -> str:
        countries = {self.gazetteer[i].country for i in site_ids}
        for country, target in AREA_TARGETS.items():
            if country in countries:
                return target
        return "US forces" if _US_TARGET.search(sentence_text) else ""

    def _official_about_its_own(self, doc, actor, target: str, kind: str) -> bool:
        """Whether the document speaks for the government of the state whose forces did or
        suffered the event (a CENTCOM release on its strike, or on an attack on US forces),
        or whose own units' change it tells (a National Guard story of its deployment: no
        other actor named)."""
        country = self.lexicon.official_country(doc.publisher)
        if not country:
            return False
        if kind in _TARGETED_KINDS | BATTLE_KINDS:
            return (actor is not None and actor.country == country) or TARGET_COUNTRIES.get(target) == country
        return actor is None or actor.country == country

    def _status(self, text: str, hits: list[ActorHit], sentence, own: bool = False) -> str:
        claimed, confirmed = self._attribution(text, hits, sentence)
        confirmed = confirmed or own
        return "|".join(s for s, on in (("claimed", claimed), ("confirmed", confirmed)) if on) or "reported"

    def _attribution(self, text: str, hits: list[ActorHit], sentence) -> tuple[bool, bool]:
        """Whether the sentence's words claim and confirm what it tells: the same for each
        of its clauses, so worked out once per sentence."""
        if self._attributed[0] != sentence:
            factions = any(h.actor.kind == "faction" and sentence[0] <= h.start < sentence[1] for h in hits)
            lowered = text[sentence[0]:sentence[1]].lower()
            self._attributed = (sentence, (bool(factions and self.lexicon.attributed("claimed", lowered)),
                                           self.lexicon.attributed("confirmed", lowered)))
        return self._attributed[1]


def _pattern(words: list[str]) -> re.Pattern:
    alternatives = sorted(set(words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w.lower()) for w in alternatives) + r")\b")


def _after_target_word(text: str, start: int) -> bool:
    """Whether a name at start follows a target's or a place's word: "on", "against", "in",
    ... then at most an article and two words ("attacks on the U.S. Embassy"), in the same
    phrase (no comma between: "On 29 December, the United States ...")."""
    raw = text[max(0, start - 48):start].split()[-4:]
    for after in range(len(raw)):  # after: how many words follow it
        token = raw[-1 - after]
        if token[-1] in ",;:)":
            return False
        word = token.strip(QUOTES).lower()
        if word in _NOT_AGENT_WORDS and (after <= 2 or (after == 3 and raw[-3].strip(QUOTES).lower() in _DETERMINERS)):
            return True
    return False


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
    said = _SAID_AT.search(text, max(0, m.start - SAID_AT_REACH), m.start)
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


def _its_own_official_says(text: str, hits: list[ActorHit], actor, target: str) -> bool:
    """Whether the sentence has the acting state (or the targeted one) say it: "the
    Pentagon said", "Prime Minister al-Abadi announced" for an Iraqi offensive."""
    countries = {actor.country if actor is not None and actor.kind in _STATE_KINDS else "", TARGET_COUNTRIES.get(target, "")}
    return any(h.actor.kind in _STATE_KINDS and h.actor.country in countries and _SPEAKS.match(text, h.end) for h in hits)


def _statement_date(text: str, sentence, doc: Document) -> TimeRef | None:
    """A statement's lead ("X released the following statement after Iran fired missiles at
    U.S. forces"): what it tells came in the week up to the statement."""
    lead = _STATEMENT_LEAD.search(text, sentence[0], sentence[1])
    return the_week_to_publication(doc.published, lead.start(), lead.end()) if lead else None


def _trigger_date(text: str, dates: list[TimeRef], at: int) -> TimeRef:
    """Of a clause's dates, the trigger's: the first after it, not far and in the same
    phrase ("was recaptured by Iraqi forces on 22 October 2015", not "attacked Samarra, a
    city it had raided in 2012"), else the nearest before it ("On 4 June, IS attacked")."""
    after = [r for r in dates if 0 <= r.start - at <= DATE_AFTER_REACH and not _PHRASE_END.search(text, at, r.start)]
    if after:
        return after[0]
    before = [r for r in dates if r.start < at]
    return before[-1] if before else dates[0]


def _week_from(ref: TimeRef) -> TimeRef:
    if ref.precision != "day":
        return ref
    return ref._replace(date_end=ref.date + dt.timedelta(days=6), precision="week", derivation="relative-to-event")


def _dated_attack(kind: str, trigger: str, when: TimeRef, inside: Within) -> bool:
    """"The 7 October operation": one attack, dated to the day in its own clause, whose
    place the text does not give.  It is kept with no site (listed, not mapped)."""
    return (kind in ATTACK_KINDS and bool(trigger) and not trigger.lower().endswith("s")
            and when.precision == "day" and inside(when.start, when.end))


def _dedupe(events: list[Telling]) -> list[Telling]:
    seen, kept = set(), []
    for e in events:
        key = (e.kind, e.date, e.date_end, e.site_ids)
        if key not in seen:
            seen.add(key)
            kept.append(e)
    return kept
