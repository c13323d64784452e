"""The geoparser against the hand annotation of the seeds (targets of issue 2)."""

import json

import pytest
from helpers import FIXTURES, ROOT

from geo.cli import main
from geo.evaluate.mentions import evaluate


@pytest.fixture(scope="module")
def report():
    return evaluate(ROOT / "seeds", FIXTURES / "seed_mentions.jsonl", FIXTURES / "seed_traps.jsonl")


def test_precision_and_recall_of_mappable_sites(report):
    assert report.points.gold >= 70
    assert report.points.precision >= 0.97, report.points.false_positives
    assert report.points.recall >= 0.95, report.points.false_negatives


def test_resolved_mentions_are_near_the_true_place(report):
    assert report.distances_km and max(report.distances_km) <= 25.0, report.far


def test_no_mention_on_person_or_organisation_traps(report):
    assert report.traps >= 80
    assert report.trap_hits == []


def test_gold_offsets_match_the_documents():
    texts = {}
    for line in (FIXTURES / "seed_mentions.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        text = texts.setdefault(g["doc"], (ROOT / "seeds" / f"{g['doc']}.txt").read_text(encoding="utf-8"))
        assert text[g["start"]:g["end"]] == g["surface"]


def test_mention_records_point_at_their_text(tmp_path):
    out = tmp_path / "m.jsonl"
    main(["mentions", "--corpus", str(ROOT / "seeds"), "--out", str(out)])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    texts = {}
    for r in records:
        text = texts.setdefault(r["doc"], (ROOT / "seeds" / f"{r['doc']}.txt").read_text(encoding="utf-8"))
        assert text[r["start"]:r["end"]] == r["surface"]
        assert text[r["sentence_start"]:].startswith(r["sentence"])
    assert [(r["doc"], r["start"]) for r in records] == sorted((r["doc"], r["start"]) for r in records)
    assert {r["status"] for r in records} >= {"resolved", "unresolved"}
