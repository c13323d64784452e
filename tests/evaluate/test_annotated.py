"""The scorer of corpora annotated as docs/annotation.md says: each figure moves when
the annotation and the output disagree on what it measures."""

import json

import pytest
from helpers import ROOT, one_document

from geo.evaluate import evaluate_annotated, is_annotated

TEXT = "Rockets hit Ain al-Asad air base in Iraq on Monday, and Iraq condemned it, the Pentagon said."
PLACES = ("id,name,kind,country,admin1,lat,lon,uncertainty_km,source,note\n"
          "asad,Ain al-Asad,airbase,IQ,,{lat},42.4412,{uncertainty},test,\n"
          "iraq,Iraq,country,IQ,,33.0,44.0,,test,\n")


def annotated(tmp_path, mentions, lat=33.7857, uncertainty=1):
    folder = one_document(tmp_path / "corpus", TEXT)
    (folder / "places.csv").write_text(PLACES.format(lat=lat, uncertainty=uncertainty), encoding="utf-8")
    rows = []
    for surface, occurrence, reading, place in mentions:
        start = -1
        for _ in range(occurrence):
            start = TEXT.index(surface, start + 1)
        row = {"doc": "d1", "start": start, "end": start + len(surface), "surface": surface, "reading": reading}
        row.update({"type": place} if reading == "none" else {"place": place})
        rows.append(json.dumps(row))
    (folder / "mentions.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


GOLD = [("Ain al-Asad air base", 1, "literal", "asad"), ("Iraq", 1, "literal", "iraq"), ("Iraq", 2, "metonymic", "iraq")]


def test_a_corpus_with_its_annotation_is_recognised(tmp_path):
    assert is_annotated(annotated(tmp_path, GOLD)) and not is_annotated(ROOT / "seeds")


def test_the_point_found_at_its_place(tmp_path):
    report = evaluate_annotated(annotated(tmp_path, GOLD))
    assert (report.points.matched, report.points.predicted, report.points.gold) == (1, 1, 1)
    assert report.toponyms.matched == 3 and report.toponyms.recall == 1.0


def test_a_point_far_from_the_annotated_place_is_wrong_twice(tmp_path):
    report = evaluate_annotated(annotated(tmp_path, GOLD, lat=34.8))  # some 110 km north
    assert (report.points.matched, report.points.predicted, report.points.gold) == (0, 1, 1)
    assert len(report.far) == 1 and report.toponyms.matched == 2


def test_a_point_counts_within_the_annotated_uncertainty_and_25_km_beyond(tmp_path):
    # 34.1 is some 35 km north of the base: wrong for a point known to 1 km, right for
    # one the annotator could place only to 20 km ("20 km north of the city")
    exact = evaluate_annotated(annotated(tmp_path / "a", GOLD, lat=34.1, uncertainty=1))
    rough = evaluate_annotated(annotated(tmp_path / "b", GOLD, lat=34.1, uncertainty=20))
    assert (exact.points.matched, len(exact.far)) == (0, 1)
    assert (rough.points.matched, len(rough.far)) == (1, 0)


def test_a_reading_that_differs_lowers_the_reading_accuracy(tmp_path):
    right = evaluate_annotated(annotated(tmp_path / "a", GOLD))
    wrong = evaluate_annotated(annotated(tmp_path / "b", GOLD[:2] + [("Iraq", 2, "literal", "iraq")]))
    assert right.reading_accuracy() > wrong.reading_accuracy()


def test_an_unfound_mention_lowers_recall_and_a_trap_hit_is_counted(tmp_path):
    report = evaluate_annotated(annotated(tmp_path, GOLD + [("Pentagon", 1, "literal", "asad"),
                                                            ("Ain al-Asad", 1, "none", "organisation")]))
    assert report.toponyms.gold == 4 and report.toponyms.recall < 1.0
    assert len(report.trap_hits) == 1


@pytest.mark.parametrize("part", ["dev", "test"])
def test_the_real_corpus_is_annotated_consistently(part):
    # every span is in its text, every place is in places.csv, every event's quote too
    from geo.corpus import open_corpus
    from geo.evaluate.annotated import read_places
    from geo.evaluate.mentions import read_jsonl

    folder = ROOT / "tests" / "fixtures" / "real" / part
    corpus = open_corpus(folder)
    texts = {d.id: corpus.read(d) for d in corpus}
    places = read_places(folder / "places.csv")
    for m in read_jsonl(folder / "mentions.jsonl"):
        assert texts[m["doc"]][m["start"]:m["end"]] == m["surface"]
        assert m["reading"] == "none" or m["place"] in places
    for e in read_jsonl(folder / "events.jsonl"):
        assert texts[e["doc"]][e["start"]:e["end"]] == e["quote"]
        assert set(e["places"]) | set(e["named_places"]) <= set(places)
    assert len(texts) >= 40
