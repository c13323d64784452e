"""Readings decided by a mention's neighbours in the document, after each match has been
read alone: a place before its parent in a compound modifier, a name written with a comma
split in two, coordinated countries, and the states members of Congress represent."""

from __future__ import annotations

import re
from typing import NamedTuple

from geo.gazetteer import LAYERS, Gazetteer
from geo.geoparse.context import LIST_GAP, PARENT_GAP
from geo.geoparse.world import lies_in
from geo.text import skeleton

__all__ = ["Reading", "coordinated_states", "one_country_lists", "out_of_their_country", "parent_compounds",
           "represented_states", "split_at_comma"]


_TOWNS = frozenset({"city", "town"})
# Between two names of a list, other names: ", al-Shuhayl, al-Hawaij, ".
_LISTED_NAME = r"(?:(?:al|el|Al|El)[-\s])?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_LIST_REACH = 80  # characters between two listed names, other names included
_LISTED_BETWEEN = re.compile(r"(?:" + LIST_GAP.pattern + _LISTED_NAME + r")*" + LIST_GAP.pattern, LIST_GAP.flags)


class Reading(NamedTuple):
    """What the rules made of one match, before it becomes a Mention."""

    start: int
    end: int
    sites: tuple[str, ...]
    reading: str  # geo.geoparse.mention.READINGS


def parent_compounds(text: str, readings: list[Reading], gazetteer: Gazetteer) -> list[Reading]:
    """"Fort Wainwright, Alaska-based": the place before its parent that opens a compound
    modifier is part of that modifier and shares its reading."""
    for i in range(len(readings) - 1, 0, -1):
        place, parent = readings[i - 1], readings[i]
        if (text[place.end:parent.start] == ", " and text[parent.end:parent.end + 1] in ("-", "\u2010", "\u2011")
                and parent.reading != "literal" and len(place.sites) == len(parent.sites) == 1
                and lies_in(gazetteer[place.sites[0]], gazetteer[parent.sites[0]])):
            readings[i - 1] = place._replace(reading=parent.reading)
    return readings


def out_of_their_country(text: str, readings: list[Reading], gazetteer: Gazetteer) -> list[Reading]:
    """"in Rashidiya, Iraq": a town of the lower layers that does not lie in the country
    named as its parent is another place of that name, one the gazetteer lacks (curated
    sites are trusted; the world layer's are chosen by their parent already)."""
    keep: list[Reading] = []
    for i, r in enumerate(readings):
        parent = readings[i + 1] if i + 1 < len(readings) else None
        if (parent is not None and text[r.end:r.end + 1] == "," and PARENT_GAP.fullmatch(text, r.end, parent.start)
                and len(parent.sites) == 1 and gazetteer[parent.sites[0]].kind == "country"
                and all(gazetteer[j].layer == "fallback" and gazetteer[j].is_point for j in r.sites)
                and not any(lies_in(gazetteer[j], gazetteer[parent.sites[0]]) for j in r.sites)):
            continue
        keep.append(r)
    return keep


def one_country_lists(text: str, readings: list[Reading], gazetteer: Gazetteer) -> list[Reading]:
    """"the towns of al-Sabha, al-Busayrah, al-Shuhayl and al-Hawaij": a list of towns
    lies in one country.  A town of the lower layers found only in another country than
    that of all the list's other towns (two at least) is another place of that name, one
    the gazetteer lacks (curated sites are trusted)."""
    drop: set[int] = set()
    for run in _lists(text, readings):
        countries = [_town_country(gazetteer, readings[i]) for i in run]
        for k, i in enumerate(run):
            others = set(countries[:k] + countries[k + 1:])
            if len(others) == 1 and None not in others and all(
                    gazetteer[s].layer != LAYERS[0] and gazetteer[s].kind in _TOWNS and gazetteer[s].country not in others
                    for s in readings[i].sites):
                drop.add(i)
    return [r for i, r in enumerate(readings) if i not in drop] if drop else readings


def _lists(text: str, readings: list[Reading]) -> list[list[int]]:
    """Runs of three readings or more joined by commas and "and", with names the
    gazetteer lacks between them (indexes into ``readings``)."""
    runs: list[list[int]] = []
    for i in range(1, len(readings)):
        a, b = readings[i - 1].end, readings[i].start
        gap = text[a:b] if b - a < _LIST_REACH else ""
        if ("," in gap or " and " in gap or " or " in gap or "&" in gap) and _LISTED_BETWEEN.fullmatch(gap):
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i - 1, i])
    return [run for run in runs if len(run) > 2]


def _town_country(gazetteer: Gazetteer, r: Reading) -> str | None:
    """The country of a reading's towns (None if it names none, or towns of several)."""
    countries = {gazetteer[i].country for i in r.sites if gazetteer[i].kind in _TOWNS}
    return countries.pop() if len(countries) == 1 and len(r.sites) == 1 else None


def split_at_comma(text: str, readings: list[Reading], gazetteer: Gazetteer) -> list[Reading]:
    """"Washington, D.C." is two mentions of one place, as "X, Y" always is: a name
    the gazetteer lists with a comma is split where the text's comma is, when the part
    after it is a name of the same site."""
    split: list[Reading] = []
    for r in readings:
        comma = text.find(",", r.start, r.end)
        if comma > r.start and len(r.sites) == 1:
            tail = comma + 1 + len(text[comma + 1:r.end]) - len(text[comma + 1:r.end].lstrip())
            if r.sites[0] in gazetteer.aliases.get(skeleton(text[tail:r.end]), ()):
                split += [r._replace(end=comma), r._replace(start=tail)]
                continue
        split.append(r)
    return split


def coordinated_states(text: str, readings: list[Reading], gazetteer: Gazetteer) -> list[Reading]:
    """"between the United States and Iraq", "by the United Kingdom, France, Turkey ...",
    "the U.S. and Iraq committed": a country coordinated with a country standing for its
    state stands for its own."""
    for i in range(1, len(readings)):
        before, current = readings[i - 1], readings[i]
        if (before.reading == "metonymic" and current.reading == "literal"
                and LIST_GAP.fullmatch(text, before.end, current.start) and _countries(gazetteer, before, current)):
            readings[i] = current._replace(reading="metonymic")
    for i in range(len(readings) - 1, 0, -1):  # a subject's first name: only "X and Y <verb>"
        before, current = readings[i - 1], readings[i]
        if (before.reading == "literal" and current.reading == "metonymic"
                and text[before.end:current.start] == " and " and _countries(gazetteer, before, current)):
            readings[i - 1] = before._replace(reading="metonymic")
    return readings


# Before a state a member of Congress represents: "the Senator from Texas", "Mr. Wilson of
# South Carolina", "(R-Okla.)", and a roster's "MITT ROMNEY, Utah".
_REPRESENTATIVE_BEFORE = re.compile(
    r"(?:\b(?:Senator|Sen\.|Representative|Rep\.|Congressman|Congresswoman|Delegate)\s+from\s+(?:the\s+State\s+of\s+)?"
    r"|\b(?:Mr|Mrs|Ms)\.\s+[A-Z][\w'’-]+\s+of\s+|\([RDI]-"
    r"|\b[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)+,\s)\Z")


def represented_states(text: str, readings: list[Reading], gazetteer: Gazetteer,
                       areas: dict[str, tuple[str, ...]]) -> list[Reading]:
    """A US state a member of Congress represents names whose member it is (associative),
    not a place the text cites.  In a roster of two members or more ("BRAD SHERMAN,
    California", "ELIOT L. ENGEL, New York") the name after a member's is the state
    whatever city bears it (``areas``: states by name, see world.areas_by_name), and the
    member's name in capitals is no place ("SHERMAN" is no town in Texas)."""
    rostered: list[tuple[int, Reading, str, tuple[int, int]]] = []
    after_places: list[tuple[int, Reading, str, tuple[int, int]]] = []  # "FORT BRAGG, N.C." or "AMI BERA, California"
    for i, r in enumerate(readings):
        is_state = len(r.sites) == 1 and gazetteer[r.sites[0]].kind == "state"
        if not is_state and text[r.start - 2:r.start] != ", ":
            continue  # neither a state nor a name after a comma: the common case, cheaply
        before = _REPRESENTATIVE_BEFORE.search(text, max(0, r.start - 60), r.start)
        if before is None:
            continue
        if not text[before.start():before.end()].endswith(", "):
            if is_state:
                readings[i] = r._replace(reading="associative_modifier")  # "the Senator from Texas"
            continue
        state = next((j for j in areas.get(skeleton(text[r.start:r.end]), ()) if gazetteer[j].kind == "state"), None)
        if state and not text[r.start:r.end].isupper():
            member = (i, r, state, (before.start(), before.end()))
            (after_places if _a_place_ends_at(readings, gazetteer, r.start - 2) else rostered).append(member)
    if len(rostered) >= 2:  # a roster: a member whose name is a town's is a member too
        rostered = sorted(rostered + after_places)
    else:  # one "NAME, State" may be a dateline: only a state by name is the member's
        for i, r, state, _ in rostered:  # not after a place: "FORT BRAGG, N.C." is a dateline
            if r.sites == (state,):
                readings[i] = r._replace(reading="associative_modifier")  # "MITT ROMNEY, Utah"
        return readings
    for i, r, state, _ in rostered:
        readings[i] = r._replace(sites=(state,), reading="associative_modifier")
    members = [span for *_, span in rostered]
    return [r for r in readings if not any(a <= r.start and r.end <= b for a, b in members)]


def _a_place_ends_at(readings: list[Reading], gazetteer: Gazetteer, end: int) -> bool:
    """A place of the curated or fallback layer ends at ``end`` (a world town's name in
    capitals before a comma is as likely a member's name)."""
    return any(r.end == end and any(gazetteer[i].layer != "world" for i in r.sites) for r in readings)


def _countries(gazetteer: Gazetteer, *readings: Reading) -> bool:
    return all(len(r.sites) == 1 and gazetteer[r.sites[0]].kind == "country" for r in readings)
