"""``geo evaluate``: score the geoparser against the hand annotation of a corpus.

Main figures concern *literal mentions of mappable sites*: sites a map pins (bases,
airports, crossings, fields, cities, towns, districts, squares), not countries,
regions, governorates or seas, which are areas (geo_precision 3).

* a predicted mention is a true positive when it overlaps a gold mention of the same
  document and resolves to the same site;
* precision = true positives / predicted literal point mentions;
  recall = true positives / gold literal point mentions;
* distance: for every predicted mention overlapping a gold one, the geodesic distance
  between the two sites' coordinates (the target: all within 25 km);
* traps: predicted mentions (of any kind or status) overlapping a person or
  organisation name that contains a place word (the target: none).

Areas are scored the same way, separately, as secondary figures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from geopy.distance import geodesic

from geo.corpus import open_corpus
from geo.errors import InputError
from geo.gazetteer import AREA_KINDS, Gazetteer
from geo.geoparse import GeoparserSpec, Mention, corpus_mentions, geoparser_for

FAR_KM = 25.0


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    true_positives: int = 0
    false_positives: list = field(default_factory=list)
    false_negatives: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0


@dataclass
class Report:
    points: Score
    areas: Score
    distances_km: list[float]
    far: list[tuple]
    trap_hits: list[tuple]
    traps: int
    literal_agreement: tuple[int, int]  # agreeing, compared


def read_jsonl(path: Path) -> list[dict]:
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(path, f"invalid JSON: {exc.msg}", number) from None
    return records


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _is_area(gazetteer: Gazetteer, site_id: str, kind: str = "") -> bool:
    """Whether a site is an area; a gold site missing from the gazetteer carries its kind."""
    return (gazetteer[site_id].kind if site_id in gazetteer else kind) in AREA_KINDS


def evaluate(corpus_dir: Path, gold_path: Path, traps_path: Path) -> Report:
    spec = GeoparserSpec()
    gazetteer = geoparser_for(spec).gazetteer
    predicted = list(corpus_mentions(open_corpus(corpus_dir), spec))
    gold = read_jsonl(gold_path)
    traps = read_jsonl(traps_path)
    report = Report(Score(), Score(), [], [], [], len(traps), (0, 0))
    for area, score in ((False, report.points), (True, report.areas)):
        _score(score, gazetteer, predicted, gold, area)
    agree = compared = 0
    for m in predicted:
        for g in gold:
            if g["doc"] == m.doc and _overlaps(m.start, m.end, g["start"], g["end"]) and m.site_id:
                compared += 1
                agree += m.literal == g["literal"]
                if g["site_id"] in gazetteer and not _is_area(gazetteer, g["site_id"]):
                    km = _distance(gazetteer, m.site_id, g["site_id"])
                    report.distances_km.append(km)
                    if km > FAR_KM:
                        report.far.append((m.doc, m.start, m.surface, m.site_id, g["site_id"], round(km, 1)))
    report.literal_agreement = (agree, compared)
    report.trap_hits = [(m.doc, m.start, m.surface, t["surface"]) for m in predicted for t in traps
                        if t["doc"] == m.doc and _overlaps(m.start, m.end, t["start"], t["end"])]
    return report


def _score(score: Score, gazetteer: Gazetteer, predicted: list[Mention], gold: list[dict], area: bool) -> None:
    gold_in = [g for g in gold if g["literal"] and _is_area(gazetteer, g["site_id"], g.get("kind", "")) == area]
    predicted_in = [m for m in predicted if m.status == "resolved" and m.literal
                    and _is_area(gazetteer, m.site_id) == area]
    matched_gold = set()
    for m in predicted_in:
        hit = next((i for i, g in enumerate(gold_in) if g["doc"] == m.doc and g["site_id"] == m.site_id
                    and i not in matched_gold and _overlaps(m.start, m.end, g["start"], g["end"])), None)
        if hit is None:
            score.false_positives.append((m.doc, m.start, m.surface, m.site_id))
        else:
            matched_gold.add(hit)
    score.gold, score.predicted, score.true_positives = len(gold_in), len(predicted_in), len(matched_gold)
    score.false_negatives = [(g["doc"], g["start"], g["surface"], g["site_id"])
                             for i, g in enumerate(gold_in) if i not in matched_gold]


def _distance(gazetteer: Gazetteer, a: str, b: str) -> float:
    sa, sb = gazetteer[a], gazetteer[b]
    return geodesic((sa.lat, sa.lon), (sb.lat, sb.lon)).km


def format_report(r: Report, verbose: bool = False) -> str:
    p = r.points
    lines = [
        f"literal mentions of mappable sites: precision {p.precision:.3f} ({p.true_positives}/{p.predicted}), "
        f"recall {p.recall:.3f} ({p.true_positives}/{p.gold})",
        f"areas (countries, regions, seas): precision {r.areas.precision:.3f} "
        f"({r.areas.true_positives}/{r.areas.predicted}), recall {r.areas.recall:.3f} "
        f"({r.areas.true_positives}/{r.areas.gold})",
        f"resolved point mentions farther than {FAR_KM:.0f} km from the annotated site: {len(r.far)} "
        f"of {len(r.distances_km)} (max {max(r.distances_km, default=0):.1f} km)",
        f"literal flag agrees with the annotation: {r.literal_agreement[0]}/{r.literal_agreement[1]}",
        f"hits on person/organisation traps: {len(r.trap_hits)} of {r.traps} traps",
    ]
    if verbose:
        for title, rows in (("false positives (points)", p.false_positives),
                            ("false negatives (points)", p.false_negatives),
                            ("false positives (areas)", r.areas.false_positives),
                            ("false negatives (areas)", r.areas.false_negatives),
                            ("far", r.far), ("trap hits", r.trap_hits)):
            lines.append(f"-- {title}: {len(rows)}")
            lines.extend(f"   {row}" for row in rows)
    return "\n".join(lines)
