"""``geo evaluate-events``: score event extraction against the hand annotation.

Each document's telling is scored (an event merged from three documents is three
tellings).  A predicted telling matches a gold one of the same document when their date
spans overlap and they agree on the place: a site in common, a predicted site that is one
of the gold places (a point within 25 km of it, the same country, an area near it: as the
mention scorer judges), or no place on either side.  As many tellings are matched as can be
paired one to one; where a telling agrees with several gold ones, it is paired with one of
its own type first.  Main figures: precision and recall for
attacks and strikes (ACLED's "Explosions/Remote violence"), and for all event types.

Among matched tellings each field is then scored apart, so that a match with the wrong
type, actor or status lowers that field's figure: the date exactly right (date, end date
and precision), the event type and sub-type, the actor, the status, killed and wounded,
and the place's role (the predicted places are exactly the places where it happened:
none missing, none that the text merely names with it).

The gold file is ``events.jsonl`` beside the corpus's texts (the annotation guide's
format: ``places`` are ids of the corpus's ``places.csv``), or a file in the seeds'
format (``site_ids``: gazetteer ids).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, NamedTuple

from geo.corpus import open_corpus
from geo.evaluate.annotated import Place, read_places, same_place
from geo.evaluate.mentions import read_jsonl
from geo.events import EventRecord, corpus_events
from geo.gazetteer import Gazetteer
from geo.geoparse import GeoparserSpec, geoparser_for

__all__ = ["ATTACKS", "FIELDS", "EventScore", "EventScores", "evaluate_events", "format_event_report", "gold_events", "score",
           "tellings"]

ATTACKS = "Explosions/Remote violence"
SEEDS_GOLD = Path("tests/fixtures/seed_events.jsonl")


@dataclass
class EventScore:
    gold: int = 0
    predicted: int = 0
    matched: list[tuple[dict, dict]] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    false_negatives: list[dict] = field(default_factory=list)
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (right, scored)

    @property
    def precision(self) -> float:
        return len(self.matched) / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return len(self.matched) / self.gold if self.gold else 1.0

    @property
    def dates_exact(self) -> float:
        return self.accuracy("date")

    def accuracy(self, name: str) -> float:
        right, scored = self.fields.get(name, (0, 0))
        return right / scored if scored else 1.0


def tellings(records: list[EventRecord]) -> list[dict]:
    """One row per source of every event, with the event's types."""
    rows = []
    for r in records:
        for s in r["sources"]:
            rows.append({**s, "event_type": r["event_type"], "sub_event_type": r["sub_event_type"], "event": r["id"]})
    return rows


# -- agreement: places, then the fields of a match

PlaceTest = Callable[[str, str], bool]  # (predicted site id, gold place id) -> the same place?


def _places_of(g: dict) -> list[str]:
    return list(g["places"] if "places" in g else g["site_ids"])


def _place_agrees(g: dict, p: dict, same: PlaceTest) -> bool:
    gold, got = _places_of(g), p["site_ids"]
    if not gold and not got:
        return True
    return any(same(site, place) for site in got for place in gold)


def _place_role_right(g: dict, p: dict, same: PlaceTest) -> bool:
    """Every gold place found, and no predicted place that is none of them."""
    gold, got = _places_of(g), p["site_ids"]
    return all(any(same(site, place) for site in got) for place in gold) and \
        all(any(same(site, place) for place in gold) for site in got)


def _actor(value: str | None) -> str:
    return " ".join((value or "").casefold().split())


FIELDS: dict[str, Callable[[dict, dict], bool]] = {
    "date": lambda g, p: (g["date"], g["date_end"], g["time_precision"]) == (p["date"], p["date_end"], p["time_precision"]),
    "event type": lambda g, p: g["event_type"] == p["event_type"],
    "sub-type": lambda g, p: g["sub_event_type"] == p["sub_event_type"],
    "actor": lambda g, p: _actor(g.get("actor")) == _actor(p.get("actor")),
    "status": lambda g, p: g.get("status") == p.get("status"),
    "killed and wounded": lambda g, p: (g.get("killed"), g.get("wounded")) == (p.get("killed"), p.get("wounded")),
}


def _same_id(site: str, place: str) -> bool:
    return site == place


def score(gold: list[dict], predicted: list[dict], same: PlaceTest = _same_id) -> EventScore:
    """Match predicted tellings to gold ones (as many pairs as can be made, see _matching),
    then score each field of the matches."""
    result = EventScore(gold=len(gold), predicted=len(predicted))
    pairs = _matching(gold, predicted, same)
    result.matched = [(gold[pairs[j]], p) for j, p in enumerate(predicted) if j in pairs]
    result.false_positives = [p for j, p in enumerate(predicted) if j not in pairs]
    used = set(pairs.values())
    result.false_negatives = [g for i, g in enumerate(gold) if i not in used]
    tests = {**FIELDS, "place role": lambda g, p: _place_role_right(g, p, same)}
    result.fields = {name: (sum(1 for g, p in result.matched if test(g, p)), len(result.matched))
                     for name, test in tests.items()}
    return result


def _matching(gold: list[dict], predicted: list[dict], same: PlaceTest) -> dict[int, int]:
    """A largest one-to-one matching of predicted to gold tellings that agree (_agree), by
    augmenting paths (Kuhn's algorithm): a first-come matching would let a telling take
    the gold event another one alone could match.  Each telling tries the gold ones of
    its own type first, then the nearest in the text.  Returns {predicted: gold}."""
    by_doc: dict[str, list[int]] = {}
    for i, g in enumerate(gold):
        by_doc.setdefault(g["doc"], []).append(i)
    options = [sorted((i for i in by_doc.get(p["doc"], ()) if _agree(gold[i], p, same)),
                      key=lambda i: (gold[i].get("event_type") != p.get("event_type"), abs(gold[i]["start"] - p["start"])))
               for p in predicted]
    owner: dict[int, int] = {}  # gold -> predicted

    def augment(j: int, seen: set[int]) -> bool:
        for i in options[j]:
            if i not in seen:
                seen.add(i)
                if i not in owner or augment(owner[i], seen):
                    owner[i] = j
                    return True
        return False

    for j in range(len(predicted)):
        augment(j, set())
    return {j: i for i, j in owner.items()}


def _agree(g: dict, p: dict, same: PlaceTest) -> bool:
    if g["doc"] != p["doc"] or not (g["date"] <= p["date_end"] and p["date"] <= g["date_end"]):
        return False
    return _place_agrees(g, p, same)


# -- the corpus's gold and the extractor's output

def gold_events(corpus_dir: Path, gold_path: Path | None = None) -> Path:
    """The gold file: the one given, else the corpus's own ``events.jsonl``, else the
    seeds' annotation."""
    if gold_path is not None:
        return gold_path
    own = Path(corpus_dir) / "events.jsonl"
    return own if own.is_file() else SEEDS_GOLD


def _place_test(corpus_dir: Path, gold: list[dict], gazetteer: Gazetteer) -> PlaceTest:
    """Gold in the guide's format names places of ``places.csv``: a predicted site is one
    of them as the mention scorer judges; gold in the seeds' format names gazetteer ids."""
    if not any("places" in g for g in gold):
        return _same_id
    places: Mapping[str, Place] = read_places(Path(corpus_dir) / "places.csv")
    return lambda site, place: site == place or (site in gazetteer and place in places
                                                  and same_place(gazetteer[site], places[place]))


class EventScores(NamedTuple):
    attacks: EventScore  # attacks and strikes (ACLED's Explosions/Remote violence)
    every: EventScore  # all event types
    located: EventScore  # dated events with a place, against those the extractor placed


def evaluate_events(corpus_dir: Path, gold_path: Path | None = None,
                    spec: GeoparserSpec = GeoparserSpec()) -> EventScores:
    gold = read_jsonl(gold_events(corpus_dir, gold_path))
    same = _place_test(corpus_dir, gold, geoparser_for(spec).gazetteer)
    predicted = tellings(list(corpus_events(open_corpus(corpus_dir), spec)))
    attacks = score([g for g in gold if g["event_type"] == ATTACKS], [p for p in predicted if p["event_type"] == ATTACKS],
                    same)
    located = score([g for g in gold if _places_of(g)], [p for p in predicted if p["site_ids"]], same)
    return EventScores(attacks, score(gold, predicted, same), located)


def _short(e: dict) -> tuple:
    return (e["doc"][:24], e["start"], e.get("sub_event_type"), e["date"], e["date_end"], e["time_precision"],
            _places_of(e), e.get("actor"), e.get("status"), e["quote"][:70])


def format_event_report(scores: EventScores, verbose: bool = False) -> str:
    lines = []
    for title, s in zip(("attacks and strikes", "all event types", "dated, located events"), scores):
        lines.append(f"{title}: precision {s.precision:.3f} ({len(s.matched)}/{s.predicted}), recall {s.recall:.3f} "
                     f"({len(s.matched)}/{s.gold})")
        lines.append("  of the matched: " + ", ".join(f"{name} {s.accuracy(name):.3f}" for name in s.fields) +
                     f" (of {len(s.matched)})")
    if verbose:
        s = scores.every
        for title, rows in (("false positives", s.false_positives), ("false negatives", s.false_negatives)):
            lines.append(f"-- {title}: {len(rows)}")
            lines.extend(f"   {_short(r)}" for r in rows)
        for name, test in FIELDS.items():
            wrong = [(g, p) for g, p in s.matched if not test(g, p)]
            if wrong:
                lines.append(f"-- matched with a different {name}: {len(wrong)}")
                lines.extend(f"   gold {_short(g)}\n   got  {_short(p)}" for g, p in wrong)
    return "\n".join(lines)
