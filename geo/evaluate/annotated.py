"""``geo evaluate --corpus DIR`` for a corpus annotated as ``docs/annotation.md`` says
(``places.csv`` and ``mentions.jsonl`` beside the texts; ``tests/fixtures/real/``).

The annotation names its own places, with coordinates; the gazetteer's sites are matched
to them by distance, so the two need not share ids:

* **point places** (bases, facilities, crossings, towns, cities ...), cited literally:
  a predicted literal mention of a point site is right when it overlaps an annotated
  literal mention of a point within 25 km of the site (beyond the uncertainty the
  annotation gives the point's coordinate, if any);
* **all toponyms**, whatever their reading: a predicted mention of any site is right
  when it overlaps an annotated mention of the same place (a point within 25 km; a
  country of the same country; another area within 250 km, or within the predicted
  area's own radius when that is larger, as a US state's is); the **reading** of each
  such pair is then compared (literal, literal modifier, associative modifier,
  metonymic), and so is the literal flag they imply;
* **traps**: predicted mentions overlapping an annotated name of a person or an
  organisation (the target: none);
* **distance**: for each predicted point mention that overlaps an annotated point, how
  far apart the two coordinates are.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from geopy.distance import geodesic

from geo.corpus import Corpus, open_corpus
from geo.errors import InputError, InputErrors
from geo.evaluate.mentions import read_jsonl
from geo.gazetteer import Gazetteer, Site
from geo.geoparse import GeoparserSpec, Mention, corpus_mentions, geoparser_for

__all__ = ["AnnotatedReport", "evaluate_annotated", "format_annotated_report", "is_annotated", "score_annotated"]

POINT_KINDS = {"airbase", "base", "airport", "border-crossing", "facility", "port", "city", "town", "village",
               "neighbourhood"}
AREA_KINDS = {"country", "admin1", "admin2", "region", "water", "continent"}
READINGS = ("literal", "literal_modifier", "associative_modifier", "metonymic")
LITERAL = {"literal", "literal_modifier"}
NEAR_KM = 25.0
AREA_KM = 250.0


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str
    country: str
    lat: float
    lon: float
    uncertainty_km: float = 0.0  # how far the true place may be from (lat, lon), as annotated

    @property
    def is_point(self) -> bool:
        return self.kind in POINT_KINDS

    @property
    def reach_km(self) -> float:
        """How far a predicted point may lie and still be this place: 25 km beyond the
        annotated uncertainty (an outpost known only as "20 km north of" a city)."""
        return NEAR_KM + self.uncertainty_km


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    false_positives: list = field(default_factory=list)
    false_negatives: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class AnnotatedReport:
    documents: int
    points: Counts
    toponyms: Counts
    readings: Counter  # (annotated, predicted) reading of the matched toponyms
    distances_km: list[float]
    far: list[tuple]
    trap_hits: list[tuple]
    traps: int

    def reading_accuracy(self) -> float:
        total = sum(self.readings.values())
        return sum(n for (g, p), n in self.readings.items() if g == p) / total if total else 1.0

    def literal_accuracy(self) -> float:
        total = sum(self.readings.values())
        return sum(n for (g, p), n in self.readings.items() if (g in LITERAL) == (p in LITERAL)) / total \
            if total else 1.0


def is_annotated(corpus_dir: Path) -> bool:
    """Whether a corpus carries an annotation in the guide's format."""
    return (corpus_dir / "mentions.jsonl").is_file() and (corpus_dir / "places.csv").is_file()


def read_places(path: Path) -> dict[str, Place]:
    places, errors = {}, []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(path, f"cannot read: {exc}") from None
    for line, row in enumerate(rows, start=2):
        try:
            places[row["id"]] = Place(row["id"], row["name"], row["kind"], row["country"], float(row["lat"]),
                                      float(row["lon"]), float(row.get("uncertainty_km") or 0))
        except (KeyError, TypeError, ValueError) as exc:
            errors.append(InputError(path, f"bad place row: {exc}", line))
        else:
            if row["kind"] not in POINT_KINDS | AREA_KINDS:
                errors.append(InputError(path, f"unknown kind {row['kind']!r}", line))
    if errors:
        raise InputErrors(errors)
    return places


def predicted_reading(m: Mention) -> str:
    """The reading the geoparser gives a mention."""
    reading = getattr(m, "reading", "")
    return reading or ("literal" if m.literal else "metonymic")


def evaluate_annotated(corpus_dir: Path, spec: GeoparserSpec = GeoparserSpec()) -> AnnotatedReport:
    """The project's geoparser over an annotated corpus, scored."""
    corpus = open_corpus(Path(corpus_dir))
    return score_annotated(corpus, corpus_mentions(corpus, spec), geoparser_for(spec).gazetteer)


def score_annotated(corpus: Corpus, predicted: Iterable[Mention], gazetteer: Gazetteer) -> AnnotatedReport:
    """Any geoparser's mentions of an annotated corpus, scored; only resolved mentions count.
    ``predicted`` is read after the annotation, so a bad annotation fails before a lazy
    geoparser starts."""
    places = read_places(corpus.root / "places.csv")
    annotated = read_jsonl(corpus.root / "mentions.jsonl")
    gold = [g for g in annotated if g["reading"] != "none"]
    traps = [g for g in annotated if g["reading"] == "none"]
    resolved = [m for m in predicted if m.status == "resolved"]
    by_doc: dict[str, list[dict]] = {}
    for g in gold:
        by_doc.setdefault(g["doc"], []).append(g)
    report = AnnotatedReport(len(corpus), Counts(), Counts(), Counter(), [], [], [], len(traps))
    _score_points(report, resolved, gold, by_doc, places, gazetteer)
    _score_toponyms(report, resolved, gold, by_doc, places, gazetteer)
    report.trap_hits = [(m.doc, m.start, m.surface, m.site_id, t["surface"]) for m in resolved for t in traps
                        if t["doc"] == m.doc and m.start < t["end"] and t["start"] < m.end]
    return report


def _overlapping(m: Mention, by_doc: dict[str, list[dict]]) -> list[dict]:
    return [g for g in by_doc.get(m.doc, ()) if m.start < g["end"] and g["start"] < m.end]


def _km(site: Site, place: Place) -> float:
    return geodesic((site.lat, site.lon), (place.lat, place.lon)).km


def same_place(site: Site, place: Place) -> bool:
    """Whether a gazetteer site is an annotated place: a point within its reach, the same
    country, an area near it."""
    if site.is_point != place.is_point:
        return False
    if place.is_point:
        return _km(site, place) <= place.reach_km
    if place.kind == "country" or site.kind == "country":
        return site.kind == place.kind == "country" and site.country == place.country
    return _km(site, place) <= max(AREA_KM, site.uncertainty_m / 1000)


def _score_points(report: AnnotatedReport, predicted: list[Mention], gold: list[dict], by_doc, places, gazetteer):
    score = report.points
    is_literal_point = {id(g) for g in gold if g["reading"] in LITERAL and places[g["place"]].is_point}
    score.gold = len(is_literal_point)
    matched: set[int] = set()
    for m in predicted:
        site = gazetteer[m.site_id]
        if not site.is_point:
            continue
        overlapping = [g for g in _overlapping(m, by_doc) if places[g["place"]].is_point]
        for g in overlapping:
            km = _km(site, places[g["place"]])
            report.distances_km.append(km)
            if km > places[g["place"]].reach_km:
                report.far.append((m.doc, m.start, m.surface, m.site_id, g["place"], round(km, 1)))
        if not m.literal:
            continue
        score.predicted += 1
        hit = next((g for g in overlapping if id(g) in is_literal_point and id(g) not in matched
                    and _km(site, places[g["place"]]) <= places[g["place"]].reach_km), None)
        if hit is None:
            score.false_positives.append((m.doc, m.start, m.surface, m.site_id))
        else:
            matched.add(id(hit))
    score.matched = len(matched)
    score.false_negatives = [(g["doc"], g["start"], g["surface"], g["place"]) for g in gold
                             if id(g) in is_literal_point and id(g) not in matched]


def _score_toponyms(report: AnnotatedReport, predicted: list[Mention], gold: list[dict], by_doc, places, gazetteer):
    score = report.toponyms
    score.gold, score.predicted = len(gold), len(predicted)
    matched: set[int] = set()
    for m in predicted:
        site = gazetteer[m.site_id]
        hit = next((g for g in _overlapping(m, by_doc) if id(g) not in matched
                    and same_place(site, places[g["place"]])), None)
        if hit is None:
            score.false_positives.append((m.doc, m.start, m.surface, m.site_id, predicted_reading(m)))
            continue
        matched.add(id(hit))
        report.readings[(hit["reading"], predicted_reading(m))] += 1
    score.matched = len(matched)
    score.false_negatives = [(g["doc"], g["start"], g["surface"], g["place"], g["reading"]) for g in gold
                             if id(g) not in matched]


def format_annotated_report(r: AnnotatedReport, verbose: bool = False) -> str:
    p, t = r.points, r.toponyms
    lines = [
        f"{r.documents} documents",
        f"point places, literal: precision {p.precision:.3f} ({p.matched}/{p.predicted}), "
        f"recall {p.recall:.3f} ({p.matched}/{p.gold}), F1 {p.f1:.3f}",
        f"point mentions within {NEAR_KM:.0f} km of the annotated place (beyond its stated uncertainty): "
        f"{len(r.distances_km) - len(r.far)}/{len(r.distances_km)}",
        f"all toponyms: precision {t.precision:.3f} ({t.matched}/{t.predicted}), recall {t.recall:.3f} "
        f"({t.matched}/{t.gold}), F1 {t.f1:.3f}",
        f"reading of matched toponyms: {r.reading_accuracy():.3f}; literal or not: {r.literal_accuracy():.3f} "
        f"(of {sum(r.readings.values())})",
        f"hits on person/organisation traps: {len(r.trap_hits)} of {r.traps} traps",
    ]
    if verbose:
        lines.append("-- readings (annotated -> predicted): " + ", ".join(
            f"{g}->{pr} {n}" for (g, pr), n in sorted(r.readings.items())))
        for title, rows in (("false positives (points)", p.false_positives),
                            ("false negatives (points)", p.false_negatives),
                            ("false positives (toponyms)", t.false_positives),
                            ("false negatives (toponyms)", t.false_negatives),
                            ("far", r.far), ("trap hits", r.trap_hits)):
            lines.append(f"-- {title}: {len(rows)}")
            lines.extend(f"   {row}" for row in rows)
    return "\n".join(lines)
