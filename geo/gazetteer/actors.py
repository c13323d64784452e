"""Actors: factions and states from the checked-in lexicon ``geo/data/factions.csv``.

An actor is named only when one of its aliases appears in the text, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from geo import DATA_DIR
from geo.errors import InputError
from geo.io.tables import read_rows
from geo.text.matcher import KeyMatcher, TextIndex
from geo.text.normalize import skeletons
from geo.text.words import core_is_capitalised

FACTIONS = DATA_DIR / "factions.csv"
# unnamed: a description of groups the text does not name ("Iran-backed militias"), the
# actor only when no faction is named with it
KINDS = {"faction", "unnamed", "state", "state-force"}


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    country: str  # home country, ISO 3166-1 alpha-2
    # the words that make an event its own when they modify it ("U.S. airstrikes", "an
    # Iranian missile attack"): not names, so never found alone
    adjectives: tuple[str, ...] = ()
    # how its strikes are made when a text does not say: "air" (ACLED codes a US strike of
    # unstated means in Syria as an air strike), or ""
    strikes: str = ""


class ActorHit(NamedTuple):
    actor: Actor
    start: int
    end: int


class ActorLexicon:
    def __init__(self, actors: list[Actor]):
        self.actors = {a.id: a for a in actors}
        keys: dict[str, Actor] = {}
        names = [(name, actor) for actor in actors for name in (actor.name, *actor.aliases)]
        for key, (_, actor) in zip(skeletons([n for n, _ in names]), names):
            if len(key) >= 2:  # "AAH" would shrink to "a"
                keys.setdefault(key, actor)
        self._matcher: KeyMatcher[Actor] = KeyMatcher(keys)
        self.by_adjective = {adjective: actor for actor in actors for adjective in actor.adjectives}
        self._by_name: dict[str, Actor] | None = None
        # an unnamed actor's adjective before a noun of armed groups: "an Iranian-backed Shia militia group"
        described = sorted((a for a in self.by_adjective if self.by_adjective[a].kind == "unnamed"), key=len, reverse=True)
        # (the word's start is tested after a match: a pattern opening with a lookbehind is tried at every position)
        self._described = re.compile("(" + "|".join(map(re.escape, described)) + r")\s+(?:[A-Za-z]+\s+){0,2}?"
                                     r"(?:militias?|groups?|militants|proxies|fighters|factions?)\b") if described else None

    def named(self, name: str) -> Actor | None:
        """The actor a name or alias stands for ("US forces": the United States), or None."""
        if self._by_name is None:
            self._by_name = {n.casefold(): a for a in reversed(list(self.actors.values())) for n in (*a.aliases, a.name)}
        return self._by_name.get(name.casefold())

    def find(self, index: TextIndex) -> list[ActorHit]:
        """Actors named in a document (proper names only: the alias must be capitalised),
        and the groups described by an unnamed actor's adjective."""
        text = index.text
        hits = [ActorHit(h.payload, h.start, h.end) for h in index.hits(self._matcher)
                if core_is_capitalised(_without_the(text[h.start:h.end])) and not _BACKED.match(text, h.end)]
        if self._described is None:
            return hits
        taken = [(h.start, h.end) for h in hits]
        described = [ActorHit(self.by_adjective[m.group(1)], m.start(), m.end()) for m in self._described.finditer(text)
                     if _word_starts(text, m.start()) and not any(a < m.end() and m.start() < b for a, b in taken)]
        return sorted(hits + described, key=lambda h: h.start) if described else hits


# "Iran-backed militias", "Iran-affiliated groups": the state backs them, it does not act
_BACKED = re.compile(r"[-‐](?:backed|aligned|affiliated|linked|supported|sponsored)\b", re.I)


def _word_starts(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "._")


def _without_the(surface: str) -> str:
    return surface[4:] if surface.lower().startswith("the ") else surface


def read_actors(path: Path = FACTIONS) -> list[Actor]:
    actors = []
    for line, row in read_rows(path, ("id", "name", "kind", "country", "aliases")):
        if not row.get("id") or not row.get("name") or row.get("kind") not in KINDS:
            raise InputError(path, f"needs id, name and a kind in {sorted(KINDS)}", line)
        aliases, adjectives = (tuple(a.strip() for a in (row.get(column) or "").split("|") if a.strip())
                               for column in ("aliases", "adjectives"))
        strikes = (row.get("strikes") or "").strip()
        if strikes not in ("", "air"):
            raise InputError(path, f"strikes must be 'air' or empty, not {strikes!r}", line)
        actors.append(Actor(row["id"], row["name"], row["kind"], aliases, (row.get("country") or "").strip(), adjectives,
                            strikes))
    return actors


@lru_cache(maxsize=2)
def load_actors(path: Path = FACTIONS) -> ActorLexicon:
    return ActorLexicon(read_actors(path))
