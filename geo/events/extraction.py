"""Event extraction from one document, clause by clause (``geo.events.clauses`` cuts the
sentences, ``geo.events.kinds`` tells each clause's kind, ``geo.events.places`` its
place, ``geo.events.casualties`` its toll).  A clause yields an event when it has a live
trigger, a date (its own, its sentence's, the previous sentence's, a statement's, or a
news release's week) and, for attacks and battles, a place; threats, hypotheticals,
habitual statements and aggregates over a period ("50 attacks since October") are not
events.  Its actor is who did it by the clause's roles, its status what the sentence's
words and the publisher say.
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
)
from geo.events.model import ATTACK_KINDS, BATTLE_KINDS, Telling
from geo.events.places import ANAPHORA_REACH, PLACED_KINDS, PlaceRoles
from geo.gazetteer import FACILITY_KINDS, ActorHit, ActorLexicon, Gazetteer
from geo.gazetteer.lexicons import LEXICON_DIR, read_entries
from geo.geoparse import Geoparser, Mention
from geo.text import KeyMatcher, TextIndex, grouped_matcher

__all__ = ["EventExtractor", "Lexicon"]

# Patterns for a clause's words or a sentence are matched against the lowered text:
# re.IGNORECASE makes these alternations about twice as slow.
_HYPOTHETICAL = re.compile(r"\b(?:would|will|could|might|if|threaten\w*|plans? to|planned|ready to|vow\w*|warn\w*|"
                           r"routinely|regularly|often|usually|any potential)\b")
_TALLIED = ("attacks", "strikes", "operations", "drones", "missiles", "rockets", "airstrikes", "occasions", "times",
           "incidents")
_AGGREGATE = re.compile(r"\b(?:\d[\d,]*|dozens|tens|hundreds|several|multiple|numerous|some|at least \w+|"
                        r"more than \w+|over \w+|approximately \w+|about \w+)\s+(?:[\w-]+\s+){0,4}?"
                        r"(?:" + "|".join(_TALLIED) + r")\b")
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
# a subject that stands for an armed group named before
_GROUP_PRONOUN = re.compile(r"(?:^|\b(?:and|then|which|when|after)\s+|[,;]\s*)(?:they|the (?:group|militias?|militants|"
                            r"faction|resistance))\b")
_PHRASE_END = re.compile(r"[,;:()–—]")
DATE_AFTER_REACH = 80  # characters: how far after its trigger a clause's date is the trigger's
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
        self.places = PlaceRoles(self.gazetteer, actors)
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
        found = find_time_refs(text, doc.published, index)
        published = publication_in_text(text, doc.published, found)
        if published != doc.published:  # a month in the manifest, the day in the header
            doc = replace(doc, published=published)
            found = find_time_refs(text, published, index)
        refs = ByStart(found)
        self._dateline = news_dateline(text)
        self.places.start(places, doc.title, self._dateline)
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
        if kind in ATTACK_KINDS and _tally(lowered) and (when.precision != "day" or _PERIOD.search(lowered)):
            return None
        if kind == "capture" and trigger is not None:
            kind = capture_or_arrest(text, clause, trigger, places, inside)
        mentions = self.places.of_clause(text, kind, clause, sentence, places, inside, trigger)
        site_ids = self.places.sites(mentions)
        actor = self._agent(text, actor_hits, clause, kind, inside) or self._actor(actor_hits, sentence, kind, weapon, inside) \
            or self._group_named_before(clause, kind, trigger)
        if trigger is not None and "suspension" in trigger.groups and (actor is None or actor.kind == "state"):
            return None  # an armed group's announced change, not a government's or a committee's announcement
        kind, weapon = by_its_actor(kind, weapon, actor, clause)
        site_ids = site_ids or self.places.not_in_the_clause(kind, trigger, clause, actor)
        if not site_ids and (kind in PLACED_KINDS or any(is_of(trigger, g) for g in ("deployment", "visit", "opening"))) \
                and not _dated_attack(kind, trigger.word if trigger else "", when, inside):
            return None
        if kind == "base" and not any(self.gazetteer[i].kind in FACILITY_KINDS for i in site_ids):
            return None  # a base or headquarters set up, not a governorate or a group "established"
        if kind in ATTACK_KINDS and when.precision == "year" \
                and not any(self.gazetteer[i].is_point for i in site_ids):
            return None  # "in 2020, groups attacked U.S. forces in Iraq": too vague to map; a month may be in a country
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


def _tally(lowered: str) -> bool:
    """Whether a clause counts attacks ("more than 150 attacks"); the nouns looked for first."""
    return any(noun in lowered for noun in _TALLIED) and _AGGREGATE.search(lowered) is not None


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
