"""Event records: what happened, where, when, who, and the words that say so.

Pipeline: each document's tellings (:mod:`geo.events.extraction`) -> the curated layer
(:mod:`geo.events.curated`) corrects, suppresses or adds -> tellings of the same event merge
into one record with several sources (:mod:`geo.events.merge`), keeping disagreements about the
place or the date side by side and flagging the event ``disputed``.

Types follow ACLED (event_type / sub_event_type):

=========================== ==================================== ===========================
event_type                  sub_event_type                       for
=========================== ==================================== ===========================
Explosions/Remote violence  Air/drone strike                     drone attacks, air strikes
Explosions/Remote violence  Shelling/artillery/missile attack    rockets, missiles, mortars,
                                                                 attacks of unstated means
Explosions/Remote violence  Remote explosive/landmine/IED        roadside bombs, IEDs, mines
Violence against civilians  Attack                               massacres, executions, kidnappings,
                                                                 attacks on civilians
Battles                     Armed clash                          clashes, fighting, ambushes
Battles                     Non-state actor overtakes territory  a group captures a place
Battles                     Government regains territory         a state's forces retake it
Strategic developments      Disrupted weapons use                interceptions
Strategic developments      Arrests                              arrests, detentions
Strategic developments      Agreement                            agreements, ceasefires
Strategic developments      Headquarters or base established     a base or headquarters built or set up
Strategic developments      Other                                official visits and meetings,
                                                                 designations, sanctions
Protests                    Peaceful protest                     protests, sit-ins, marches
Strategic developments      Change to group/activity             suspensions, new phases,
                                                                 deployments, withdrawals
=========================== ==================================== ===========================
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple, TypedDict

from geo.gazetteer import Gazetteer

__all__ = ["ATTACK_KINDS", "BATTLE_KINDS", "DATE_DERIVATIONS", "DISORDER_TYPES", "EVENT_KINDS", "FIELDS", "MAX_TOLL", "STATUSES",
           "SUB_EVENT_TYPES", "TIME_PRECISIONS", "WEAPONS", "Event", "EventRecord", "Telling", "TellingRecord",
           "family", "sort_records", "status_of"]

# -- the vocabulary: one definition of each, read by the extractor, the curated layer,
# the merge, the writers and (emitted into the site's data) the map page.

# ACLED's event types and sub-event types, keyed by the kind of event the extractor detects.
EVENT_KINDS: dict[str, tuple[str, str]] = {
    "air-drone": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "explosive": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "violence": ("Violence against civilians", "Attack"),
    "clash": ("Battles", "Armed clash"),
    "capture": ("Battles", "Non-state actor overtakes territory"),
    "recapture": ("Battles", "Government regains territory"),
    "interception": ("Strategic developments", "Disrupted weapons use"),
    "arrest": ("Strategic developments", "Arrests"),
    "agreement": ("Strategic developments", "Agreement"),
    "base": ("Strategic developments", "Headquarters or base established"),
    "other": ("Strategic developments", "Other"),
    "protest": ("Protests", "Peaceful protest"),
    "change": ("Strategic developments", "Change to group/activity"),
}
SUB_EVENT_TYPES = {sub: kind for kind, (_, sub) in EVENT_KINDS.items()}  # sub-event type -> kind
# ACLED's disorder type of each event type
DISORDER_TYPES = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
                  "Violence against civilians": "Political violence", "Protests": "Demonstrations",
                  "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
# Attacks: kinds whose tellings may merge with one another (a drone attack told as a
# rocket attack elsewhere is one event), a family of their own.
ATTACK_KINDS = frozenset({"air-drone", "shelling", "explosive"})
# Fighting over a place, a family of its own likewise (a capture told as a battle elsewhere)
BATTLE_KINDS = frozenset({"clash", "capture", "recapture"})
# Weapons, in the order the extractor prefers them when a clause names several.
WEAPONS = ("cruise missile", "drone", "rocket", "mortar", "missile", "aircraft", "IED")
# Attributions, with what each means; an event's status joins those its tellings give
# with "|", in this order.
STATUSES = {"claimed": "claimed by a faction", "confirmed": "confirmed by the targeted side",
            "reported": "reported only"}
# The most an event's toll can be: more is a figure of something else (and past 64 bits no
# JSON encoder of the build takes it)
MAX_TOLL = 10**9
# ACLED's time precision, most precise first (and the year, for what only a year dates).
TIME_PRECISIONS = ("day", "week", "month", "year")
DATE_DERIVATIONS = ("explicit", "relative-to-publication", "relative-to-event", "reviewed")


def family(kind: str) -> str:
    """Tellings of different families never merge: attacks, battles, protests, arrests, ..."""
    return "attack" if kind in ATTACK_KINDS else "battle" if kind in BATTLE_KINDS else kind


def status_of(parts: Iterable[str]) -> str:
    """The status that several attributions make: "claimed|confirmed", or "reported"
    when nobody claimed or confirmed it."""
    given = {p for part in parts for p in part.split("|")}
    return "|".join(s for s in STATUSES if s in given and s != "reported") or "reported"

class TellingRecord(TypedDict):
    """One document's telling, as an event record lists it under ``sources``."""

    doc: str
    start: int
    end: int
    quote: str
    date: str
    date_end: str
    time_precision: str
    date_derivation: str
    site_ids: list[str]
    actor: str
    weapon: str
    killed: int | None
    wounded: int | None
    status: str
    reviewed: bool


class EventRecord(TypedDict):
    """An output event record (``geo events``; docs/data-contract.md): its fields come
    from the primary telling, ``sources`` lists every telling."""

    id: str
    date: str
    date_end: str
    time_precision: str
    date_derivation: str
    site_ids: list[str]
    geo_precision: int
    event_type: str
    sub_event_type: str
    actor: str
    target: str
    weapon: str
    killed: int | None
    wounded: int | None
    status: str
    doc: str
    quote: str
    start: int
    end: int
    disputed: bool
    disputed_fields: list[str]
    reviewed: bool
    sources: list[TellingRecord]


FIELDS = tuple(EventRecord.__annotations__)  # the record's fields, in order: the CSV's columns


class Telling(NamedTuple):
    """One document's telling of an event (extracted, or a reviewer's curated row); a
    tuple, made, pickled and spooled cheaply."""

    doc: str
    start: int
    end: int
    quote: str
    kind: str  # a key of EVENT_KINDS
    date: str
    date_end: str
    time_precision: str
    date_derivation: str
    site_ids: tuple[str, ...]
    actor: str
    target: str
    weapon: str
    killed: int | None
    wounded: int | None
    status: str
    reviewed: bool = False

    def as_record(self) -> TellingRecord:
        return {"doc": self.doc, "start": self.start, "end": self.end, "quote": self.quote, "date": self.date,
                "date_end": self.date_end, "time_precision": self.time_precision,
                "date_derivation": self.date_derivation, "site_ids": list(self.site_ids), "actor": self.actor,
                "weapon": self.weapon, "killed": self.killed, "wounded": self.wounded, "status": self.status,
                "reviewed": self.reviewed}


@dataclass(eq=False)
class Event:
    tellings: list[Telling]
    disputed_fields: list[str] = field(default_factory=list)
    order: int = 0  # creation order while merging: earlier events are tried first

    def __post_init__(self):
        # kept up to date by add(): merging asks for them at every candidate
        self._primary = min(self.tellings, key=_primacy)
        self._sites = dict.fromkeys(i for s in self.tellings for i in s.site_ids)

    def add(self, telling: Telling) -> None:
        self.tellings.append(telling)
        if _primacy(telling) < _primacy(self._primary):
            self._primary = telling
        self._sites.update(dict.fromkeys(telling.site_ids))

    @property
    def primary(self) -> Telling:
        """The telling the record's fields come from: a reviewed one first, else the earliest."""
        return self._primary

    @property
    def id(self) -> str:
        return _event_id(min(self.tellings, key=_place_in_text))

    def site_ids(self) -> tuple[str, ...]:
        return tuple(self._sites)

    def status(self) -> str:
        return status_of(s.status for s in self.tellings)

    def _first(self, name: str) -> str:
        """The primary telling's value, else the first other telling that gives one."""
        return getattr(self.primary, name) or next((getattr(s, name) for s in self.tellings if getattr(s, name)), "")

    def kind(self) -> str:
        """A reviewer's kind; else the kind most of its tellings that name a weapon give
        (the primary's first among equals), else the primary's: a strike one release calls
        an "attack" and others an "airstrike" is an air strike."""
        armed = [s.kind for s in self.tellings if s.weapon]
        if not armed or len(self.tellings) == 1 or self.primary.reviewed:
            return self.primary.kind
        counts = {k: armed.count(k) for k in armed}
        return max(counts, key=lambda k: (counts[k], k == self.primary.kind))

    def as_record(self, gazetteer: Gazetteer) -> EventRecord:
        p = self.primary
        sites = self.site_ids()
        event_type, sub_event_type = EVENT_KINDS[self.kind()]
        sources = sorted(self.tellings, key=_place_in_text) if len(self.tellings) > 1 else self.tellings
        return {
            "id": _event_id(sources[0]), "date": p.date, "date_end": p.date_end, "time_precision": p.time_precision,
            "date_derivation": p.date_derivation, "site_ids": list(sites),
            "geo_precision": min((gazetteer[i].geo_precision for i in sites if i in gazetteer), default=3),
            "event_type": event_type, "sub_event_type": sub_event_type, "actor": self._first("actor"),
            "target": self._first("target"), "weapon": self._first("weapon"), "killed": p.killed, "wounded": p.wounded,
            "status": self.status(), "doc": p.doc, "quote": p.quote, "start": p.start, "end": p.end,
            "disputed": bool(self.disputed_fields), "disputed_fields": list(self.disputed_fields),
            "reviewed": any(s.reviewed for s in self.tellings),
            "sources": [s.as_record() for s in sources],
        }


def _place_in_text(s: Telling) -> tuple[str, int]:
    return s.doc, s.start


def _event_id(first: Telling) -> str:
    """An event's id: from its first telling in text order (document, offset), and its kind."""
    return "ev-" + hashlib.sha1(f"{first.doc}:{first.start}:{first.kind}".encode()).hexdigest()[:10]


def _primacy(s: Telling) -> tuple:
    return not s.reviewed, s.doc, s.start


def sort_records(records: Iterable[EventRecord]) -> list[EventRecord]:
    return sorted(records, key=lambda r: (r["date"], r["id"]))
