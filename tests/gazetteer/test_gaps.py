"""``geo gazetteer gaps``: the names a corpus uses that the gazetteer lacks, as gazetteer
rows to fill in (made-up places: Zelmora, Qarvandeh, Tarzeh, Ostrevo)."""

import csv
import io
from collections import Counter

from helpers import write_corpus

from geo.cli import main
from geo.gazetteer import load_gazetteer
from geo.gazetteer.gaps import GAP_COLUMNS, Gap, context, gazetteer_gaps, write_gaps
from geo.gazetteer.sites import COLUMNS
from geo.geoparse import Mention

DOCS = {
    "d1.txt": "Fighting broke out in Zelmora on Monday.  Later,\trockets hit Camp Qarvandeh. Families stayed near Zelmora.",
    "d2.txt": "A drone hit Camp Qarvandeh.\n\nMedics worked in ZELMORA and at Tarzeh Air Base.",
    "d3.txt": "Talks were held in Ostrevo. Rockets hit Baghdad.",
}


def gaps_of(tmp_path, docs=DOCS):
    corpus = write_corpus(tmp_path / "corpus", docs)
    out = tmp_path / "gaps.csv"
    assert main(["gazetteer", "gaps", "--corpus", str(corpus), "--out", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_rows_by_frequency_then_name_with_a_context_each(tmp_path):
    header, *rows = gaps_of(tmp_path)
    assert header == ["count", "surface", "guessed_kind", "doc", "context", "id", "name", "kind", "country", "admin1",
                      "lat", "lon", "uncertainty_m", "population", "aliases", "stems", "metonym_for", "source", "note"]
    assert [r[:4] for r in rows] == [
        ["3", "Zelmora", "", "d1"],  # ZELMORA is the same name
        ["2", "Camp Qarvandeh", "base", "d1"],
        ["1", "Ostrevo", "", "d3"],
        ["1", "Tarzeh Air Base", "airbase", "d2"],
    ]
    contexts = {r[1]: r[4] for r in rows}
    assert contexts["Zelmora"] == "Fighting broke out in Zelmora on Monday."
    assert contexts["Camp Qarvandeh"] == "Later, rockets hit Camp Qarvandeh."  # whitespace collapsed
    assert "Baghdad" not in {r[1] for r in rows}  # the gazetteer has it


def test_rows_prefill_a_gazetteer_row(tmp_path):
    _, *rows = gaps_of(tmp_path)
    gazetteer_part = [dict(zip(COLUMNS, r[5:])) for r in rows]
    assert [(g["id"], g["name"], g["kind"]) for g in gazetteer_part] == [
        ("zelmora", "Zelmora", ""), ("camp-qarvandeh", "Camp Qarvandeh", "base"), ("ostrevo", "Ostrevo", ""),
        ("tarzeh-air-base", "Tarzeh Air Base", "airbase")]
    assert all(not v for g in gazetteer_part for c, v in g.items() if c not in ("id", "name", "kind"))


def test_a_filled_row_appends_to_a_gazetteer(tmp_path):
    _, *rows = gaps_of(tmp_path)
    row = dict(zip(COLUMNS, rows[1][5:]))
    row.update(country="IQ", lat="33.1", lon="43.2", uncertainty_m="2000", source="https://example.org/camp")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerow(row[c] for c in COLUMNS)
    (tmp_path / "g.csv").write_text(out.getvalue(), encoding="utf-8")
    (tmp_path / "a.csv").write_text("alias,sites,default,note\n", encoding="utf-8")
    gazetteer = load_gazetteer(tmp_path / "g.csv", None, tmp_path / "a.csv", frozenset(), world=None)
    assert gazetteer["camp-qarvandeh"].kind == "base"


def test_a_bad_corpus_is_an_error_naming_it(tmp_path, capsys):
    out = tmp_path / "gaps.csv"
    assert main(["gazetteer", "gaps", "--corpus", str(tmp_path / "nowhere"), "--out", str(out)]) == 2
    assert "nowhere" in capsys.readouterr().err and not out.exists()


def mention(doc, text, surface, kind="", status="unresolved"):
    start = text.index(surface)
    return Mention(doc=doc, start=start, end=start + len(surface), surface=surface, site_id="", name="", kind=kind,
                   country="", lat=None, lon=None, literal=True, reading="literal", status=status, precision=None,
                   uncertainty_m=None, layer="", candidates=(), sentence=text, sentence_start=0)


def test_spelling_and_kind_are_the_most_frequent_ids_are_new():
    text = "near ZELMORA, near Zelmora, the Zelmora base"
    mentions = [mention("a", text, "ZELMORA"), mention("a", text, "Zelmora"), mention("b", text, "Zelmora", "base"),
                mention("b", text, "Zelmora"), mention("c", text, "Zelmora", status="resolved")]
    [gap] = gazetteer_gaps(mentions)
    assert (gap.count, gap.surface, gap.kind, gap.doc) == (4, "Zelmora", "base", "a")
    out = io.StringIO()
    assert write_gaps([gap, Gap(1, "a", "", surfaces=Counter(["Zélmora"]))], out, existing_ids={"zelmora"}) == 2
    assert [r[5] for r in csv.reader(io.StringIO(out.getvalue()))][1:] == ["zelmora-2", "zelmora-3"]
    assert GAP_COLUMNS[:5] == ("count", "surface", "guessed_kind", "doc", "context")


def test_the_context_of_a_long_sentence_is_the_words_around_the_name():
    text = "word " * 60 + "in Zelmora " + "more " * 60
    found = context(mention("a", text, "Zelmora"))
    assert found.startswith("… word") and found.endswith("more …") and "in Zelmora" in found
    assert len(found) < 200
