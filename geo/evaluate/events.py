"""``geo evaluate-events``: score event extraction against the hand annotation.

Each document's telling is scored (an event merged from three documents is three
tellings).  A predicted telling matches a gold one of the same document when their date
ranges overlap (dates compared at their precision) and they share a site (two tellings
with no site at all agree on place).  Main figures: precision and recall for attacks
and strikes (ACLED's "Explosions/Remote violence"); secondary: all event types.  Among
matched tellings, the date is *exactly right* when date, end date and precision agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from geo.corpus import open_corpus
from geo.evaluate.mentions import read_jsonl
from geo.events import EventRecord, corpus_events

ATTACKS = "Explosions/Remote violence"


@dataclass
class EventScore:
    gold: int = 0
    predicted: int = 0
    matched: list[tuple[dict, dict]] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    false_negatives: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return len(self.matched) / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return len(self.matched) / self.gold if self.gold else 1.0

    @property
    def dates_exact(self) -> float:
        exact = sum(1 for g, p in self.matched
                    if (g["date"], g["date_end"], g["time_precision"]) == (p["date"], p["date_end"], p["time_precision"]))
        return exact / len(self.matched) if self.matched else 1.0


def tellings(records: list[EventRecord]) -> list[dict]:
    """One row per source of every event, with the event's types."""
    rows = []
    for r in records:
        for s in r["sources"]:
            rows.append({**s, "event_type": r["event_type"], "sub_event_type": r["sub_event_type"], "event": r["id"]})
    return rows


def score(gold: list[dict], predicted: list[dict]) -> EventScore:
    result = EventScore(gold=len(gold), predicted=len(predicted))
    used: set[int] = set()
    for p in predicted:
        i = next((i for i, g in enumerate(gold) if i not in used and _agree(g, p)), None)
        if i is None:
            result.false_positives.append(p)
        else:
            used.add(i)
            result.matched.append((gold[i], p))
    result.false_negatives = [g for i, g in enumerate(gold) if i not in used]
    return result


def _agree(g: dict, p: dict) -> bool:
    if g["doc"] != p["doc"] or not (g["date"] <= p["date_end"] and p["date"] <= g["date_end"]):
        return False
    return bool(set(g["site_ids"]) & set(p["site_ids"])) or (not g["site_ids"] and not p["site_ids"])


def evaluate_events(corpus_dir: Path, gold_path: Path) -> tuple[EventScore, EventScore]:
    records = list(corpus_events(open_corpus(corpus_dir)))
    predicted = tellings(records)
    gold = read_jsonl(gold_path)
    attacks = score([g for g in gold if g["event_type"] == ATTACKS], [p for p in predicted if p["event_type"] == ATTACKS])
    return attacks, score(gold, predicted)


def _short(e: dict) -> tuple:
    return (e["doc"][:3], e["start"], e.get("sub_event_type"), e["date"], e["date_end"], e["time_precision"],
            e["site_ids"], e["quote"][:70])


def format_event_report(scores: tuple[EventScore, EventScore], verbose: bool = False) -> str:
    lines = []
    for title, s in zip(("attacks and strikes", "all event types"), scores):
        lines.append(f"{title}: precision {s.precision:.3f} ({len(s.matched)}/{s.predicted}), recall {s.recall:.3f} "
                     f"({len(s.matched)}/{s.gold}), date exactly right {s.dates_exact:.3f} of {len(s.matched)} matched")
    if verbose:
        s = scores[1]
        for title, rows in (("false positives", s.false_positives), ("false negatives", s.false_negatives)):
            lines.append(f"-- {title}: {len(rows)}")
            lines.extend(f"   {_short(r)}" for r in rows)
        lines.append("-- matched with a different date:")
        lines.extend(f"   gold {_short(g)}\n   got  {_short(p)}" for g, p in s.matched
                     if (g["date"], g["date_end"], g["time_precision"]) != (p["date"], p["date_end"], p["time_precision"]))
    return "\n".join(lines)
