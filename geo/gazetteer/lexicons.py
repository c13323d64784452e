"""Word lists the rules read (``geo/data/lexicons``), as normalised keys."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterator

from geo import DATA_DIR
from geo.errors import InputError
from geo.text.normalize import skeletons

LEXICON_DIR = DATA_DIR / "lexicons"

# Which gazetteer kinds each head-noun group selects.
HEAD_GROUP_KINDS = {
    "military": {"airbase", "base", "outpost", "facility"},
    "airport": {"airport", "airbase"},
    "crossing": {"border-crossing"},
    "field": {"gas-field", "oil-field", "facility"},
    "port": {"port"},
    "governorate": {"governorate"},
    "state": {"state"},  # "the state of New York": not the city
    "city": {"city", "town"},
    # A district, a former Ottoman province, a road: an area the name's town or city lies
    # in or ends at, never the town itself ("Abu Kamal District", "Baghdad–Damascus Highway").
    "area": {"district", "region"},
}


def read_entries(path: Path) -> list[str]:
    """Non-empty lines without comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read lexicon: {exc}") from None
    entries = []
    for line in lines:
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


def _keys(path: Path) -> frozenset[str]:
    return frozenset(k for k in skeletons(read_entries(path)) if k)


def _grouped(path: Path, example: str, before: bool = False) -> Iterator[tuple[str, list[str]]]:
    """(group, words) of each line ``<group>: word|word`` of a lexicon, the group one of
    HEAD_GROUP_KINDS (written ``group<`` too when ``before``); a malformed line is reported
    with its file and number."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        group, sep, words = entry.partition(":")
        group = group.strip()
        if not sep or (group.rstrip("<") if before else group) not in HEAD_GROUP_KINDS:
            raise InputError(path, f"expected '<group>: {example}', group one of {sorted(HEAD_GROUP_KINDS)}", number)
        yield group, [w.strip() for w in words.split("|") if w.strip()]


def _head_nouns(path: Path) -> dict[str, tuple[str, ...]]:
    """Group -> nouns, longest first; a group written ``name<`` holds nouns that precede."""
    return {group: tuple(sorted(skeletons(nouns), key=len, reverse=True))
            for group, nouns in _grouped(path, "noun|noun", before=True)}


def _labels(path: Path) -> dict[str, str]:
    """Label as written -> its head group, from lines ``<group>: Label|Label``."""
    return {label: group for group, labels in _grouped(path, "Label|Label") for label in labels}


@dataclass(frozen=True)
class Lexicons:
    given_names: frozenset[str]
    place_given_names: frozenset[str]  # Israel, Jordan, Georgia: a place's name, a person's first name
    person_titles: frozenset[str]
    org_heads: frozenset[str]
    organisations: tuple[str, ...]
    metonymy_verbs: frozenset[str]
    metonymy_preceders: frozenset[str]
    metonymy_nouns: frozenset[str]
    physical_nouns: frozenset[str]
    attributive_nouns: frozenset[str]
    locative_nouns: frozenset[str]
    function_words: frozenset[str]
    verbs: frozenset[str]
    head_nouns: dict[str, tuple[str, ...]]  # "military": (...), "governorate<": (...)
    non_places: frozenset[str]
    common_words: frozenset[str]
    services: frozenset[str]  # Army, Navy ...: U.S. Army Staff Sgt., U.S. Army Europe
    named_in_heads: frozenset[str]  # Resistance, Mission ...: the Islamic Resistance in Iraq
    of_state_nouns: frozenset[str]  # influence, people ...: the influence of Israel
    participles: frozenset[str]  # shown, made ...: Tehran has long shown
    infobox_labels: tuple[str, ...]  # Location, Headquarters ...: "LocationErbil" copied from a page
    actor_labels: tuple[str, ...]  # Allegiance, Opponents ...: "Allegiance Iran", states as actors
    area_labels: dict[str, str]  # Region -> governorate ...: "- Region: Deir ez-Zor", the area
    name_openers: frozenset[str]  # Operation, Exercise ...: Operation Kaman 99
    side_nouns: frozenset[str]  # officials, forces ...: Baghdad officials, U.S. and coalition forces
    blow_words: frozenset[str]  # attacks, missiles ...: missiles against Israel (its territory)
    org_kind_nouns: frozenset[str]  # company, airline ...: the company Conoco

    @property
    def reserved_words(self) -> frozenset[str]:
        """Keys that are never a bare alias: given names and common English words."""
        return self.given_names | self.common_words

    @cached_property
    def name_blockers(self) -> frozenset[str]:
        """Keys that never start a place name: non-place words, given names, titles."""
        return self.non_places | self.given_names | self.person_titles


# Lexicons read as written, not as keys: matched as phrases, or as labels in a pattern.
_PHRASE_LISTS = ("organisations", "infobox_labels", "actor_labels")


@lru_cache(maxsize=4)
def load_lexicons(directory: Path = LEXICON_DIR) -> Lexicons:
    """Each field of Lexicons from the file of its name (``given_names.txt`` ...)."""
    values: dict[str, Any] = {}
    for name in (f.name for f in fields(Lexicons)):
        path = directory / f"{name}.txt"
        if name == "head_nouns":
            values[name] = _head_nouns(path)
        elif name == "area_labels":
            values[name] = _labels(path)
        elif name in _PHRASE_LISTS:
            values[name] = tuple(read_entries(path))
        else:
            values[name] = _keys(path)
    return Lexicons(**values)
