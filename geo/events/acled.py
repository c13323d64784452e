"""Event records as ACLED's data files lay them out (``geo events --format acled``), so
that they load into tools made for ACLED data.

ACLED codes one location per row: an event at several sites is a row per site
(``event_id_cnty`` then ends in ``-2``, ``-3`` ...), and an event known to no place has no
row.  What does not come from ACLED's own coding is said in docs/data-contract.md:

- ``event_date`` is the day; for a span (a week, a month, a year) its middle day, as ACLED
  dates an event known only to the week or the month; ``time_precision`` 1 (day), 2
  (week), 3 (month, and a year, which is also tagged ``time precision: year``);
- ``actor1`` is the actor, ``actor2`` the target, each as the text names them; ``inter``
  codes follow ACLED's types from the actors lexicon: 1 a state's forces in their own
  country, 8 outside it, 3 an armed group, 7 civilians;
- ``source`` is the publishers of the documents that tell it; ``source_scale`` is empty
  (unknown); ``notes`` is the quote of its first telling; ``fatalities`` the killed (0 when
  not said); ``tags`` hold the weapon, the wounded, the attribution and the dispute;
  ``timestamp`` is the newest publication date of its documents (Unix time, midnight UTC),
  so that a build stays the same for the same corpus;
- a sea is in no country: ``XXX`` stands for its alpha-3 code, and ``iso``, ``region`` and
  ``country`` are empty.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import IO, Iterable, Mapping, NamedTuple

from geo import DATA_DIR
from geo.corpus import Document
from geo.events.model import DISORDER_TYPES, EventRecord
from geo.gazetteer import ActorLexicon, Gazetteer, Site, load_actors
from geo.io import CsvWriter, read_rows

__all__ = ["ACLED_COLUMNS", "AcledOut", "acled_rows", "write_acled"]

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
                 "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
                 "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
                 "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp")
COUNTRY_CODES = DATA_DIR / "country_codes.csv"
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_STATE_KINDS = frozenset({"state", "state-force"})
_CIVILIANS = "civilians"


class Country(NamedTuple):
    alpha3: str
    numeric: str  # ISO 3166-1 numeric, "" when it has none (Kosovo)
    name: str
    region: str  # ACLED's


@lru_cache(maxsize=1)
def country_codes() -> dict[str, Country]:
    """Countries by ISO alpha-2 (geo/data/country_codes.csv, derived from Natural Earth)."""
    rows = read_rows(COUNTRY_CODES, ("iso_a2", "iso_a3", "iso_n3", "name", "acled_region"))
    return {row["iso_a2"]: Country(row["iso_a3"], row["iso_n3"], row["name"], row["acled_region"]) for _, row in rows}


class AcledOut:
    """ACLED rows written as records are added (an EventsOut of geo.events.writers)."""

    def __init__(self, out: IO[str], gazetteer: Gazetteer, documents: Mapping[str, Document]):
        self._writer = CsvWriter(out)  # a notes cell with a lone carriage return is quoted
        self._writer.writerow(ACLED_COLUMNS)
        self._gazetteer, self._documents, self._actors = gazetteer, documents, load_actors()
        self.count = 0

    def add(self, r: EventRecord) -> None:
        rows = acled_rows(r, self._gazetteer, self._documents, self._actors)
        self._writer.writerows([[row[c] for c in ACLED_COLUMNS] for row in rows])
        self.count += bool(rows)

    def close(self) -> int:
        """How many events have a row."""
        return self.count


def write_acled(records: Iterable[EventRecord], gazetteer: Gazetteer, documents: Mapping[str, Document],
                out: IO[str]) -> int:
    """Write the rows of ``records``; returns how many events have a row."""
    output = AcledOut(out, gazetteer, documents)
    for r in records:
        output.add(r)
    return output.close()


def acled_rows(r: EventRecord, gazetteer: Gazetteer, documents: Mapping[str, Document],
               actors: ActorLexicon | None = None) -> list[dict]:
    """One row per site of the event (none when it has no site)."""
    actors = actors or load_actors()
    sites = [gazetteer[i] for i in r["site_ids"] if i in gazetteer]
    date = _middle(r["date"], r["date_end"])
    docs = [documents[s["doc"]] for s in r["sources"] if s["doc"] in documents]
    rows = []
    for n, site in enumerate(sites, start=1):
        country = country_codes().get(site.country)
        inter1 = _inter(actors, r["actor"], site.country)
        inter2 = _inter(actors, r["target"], site.country)
        rows.append({
            "event_id_cnty": f"{country.alpha3 if country else 'XXX'}-{r['id']}" + (f"-{n}" if n > 1 else ""),
            "event_date": date.isoformat(), "year": date.year, "time_precision": _TIME_PRECISION[r["time_precision"]],
            "disorder_type": DISORDER_TYPES[r["event_type"]], "event_type": r["event_type"],
            "sub_event_type": r["sub_event_type"],
            "actor1": r["actor"], "assoc_actor_1": "", "inter1": inter1 or "",
            "actor2": r["target"], "assoc_actor_2": "", "inter2": inter2 or "",
            "interaction": _interaction(inter1, inter2),
            "civilian_targeting": "Civilian targeting" if _on_civilians(r) else "",
            "iso": int(country.numeric) if country and country.numeric else "", "region": country.region if country else "",
            "country": country.name if country else "", "admin1": _admin1(site, gazetteer), "admin2": "", "admin3": "",
            "location": site.name, "latitude": round(site.lat, 4), "longitude": round(site.lon, 4),
            "geo_precision": site.geo_precision,
            "source": "; ".join(dict.fromkeys(d.publisher for d in docs if d.publisher)), "source_scale": "",
            "notes": " ".join(r["quote"].split()), "fatalities": r["killed"] or 0, "tags": _tags(r),
            "timestamp": _timestamp(docs),
        })
    return rows


def _on_civilians(r: EventRecord) -> bool:
    """ACLED's civilian targeting: every event of violence against civilians, and any aimed at them."""
    return r["event_type"] == "Violence against civilians" or r["target"].casefold() == _CIVILIANS


def _middle(start: str, end: str) -> dt.date:
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return first + (last - first) // 2


def _inter(actors: ActorLexicon, name: str, country: str) -> int | None:
    """ACLED's actor type: 1 a state's forces at home, 8 abroad, 3 an armed group, 7 civilians."""
    if not name:
        return None
    if name.casefold() == _CIVILIANS:
        return 7
    actor = actors.named(name)
    if actor is None:
        return None
    if actor.kind in _STATE_KINDS:
        return 1 if actor.country == country else 8
    return 3


def _interaction(inter1: int | None, inter2: int | None) -> int | str:
    """ACLED's joint code, the lower type first (13, 38); one actor alone: its type and 0."""
    if inter1 is None and inter2 is None:
        return ""
    if inter1 is None or inter2 is None:
        return (inter1 if inter1 is not None else inter2 or 0) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _admin1(site: Site, gazetteer: Gazetteer) -> str:
    return gazetteer[site.admin1].name if site.admin1 and site.admin1 in gazetteer else ""


def _tags(r: EventRecord) -> str:
    tags = [f"weapon: {r['weapon']}"] if r["weapon"] else []
    if r["wounded"] is not None:
        tags.append(f"wounded: {r['wounded']}")
    tags.append(f"attribution: {r['status']}")
    if r["time_precision"] == "year":
        tags.append("time precision: year")
    if r["disputed"]:
        tags.append("disputed: " + ", ".join(r["disputed_fields"]))
    return "; ".join(tags)


def _timestamp(docs: list[Document]) -> int | str:
    if not docs:
        return ""
    newest = max(d.published.last_possible_day for d in docs)
    return int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.timezone.utc).timestamp())
