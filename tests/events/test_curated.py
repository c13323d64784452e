"""The curated layer: a reviewer's rows correct, suppress or add events, or stop the run."""

import shutil

import pytest
from helpers import ROOT, one_document

from geo.cli import main
from geo.corpus import open_corpus
from geo.errors import InputError
from geo.events import corpus_events

TEXT = "Intro.\n\nOn Monday, three rockets were fired at the Victoria military base in Baghdad."
CURATED_HEADER = ("action,doc,quote,date,date_end,time_precision,site_ids,sub_event_type,actor,target,weapon,"
                  "killed,wounded,status,note\n")


def test_curated_rows_win_and_are_reviewed(geoparser, tmp_path):
    row = ('correct,d1,"On Monday, three rockets were fired at the Victoria military base in Baghdad.",2024-09-30,,day,'
           'victory-base,Shelling/artillery/missile attack,Kataib Hezbollah,US forces,rocket,0,0,claimed,checked\n')
    records = list(corpus_events(open_corpus(one_document(tmp_path, TEXT, events_csv=CURATED_HEADER + row))))
    [r] = records
    assert r["reviewed"] and r["actor"] == "Kataib Hezbollah" and r["killed"] == 0 and r["status"] == "claimed"


def test_suppressed_event_is_gone(geoparser, tmp_path):
    row = "suppress,d1,three rockets were fired,,,,,,,,,,,,\n"
    assert list(corpus_events(open_corpus(one_document(tmp_path, TEXT, events_csv=CURATED_HEADER + row)))) == []


@pytest.mark.parametrize("row, message", [
    ("add,d1,a quote that is not there,2024-09-30,,day,victory-base,Peaceful protest,,,,,,,\n", "quote is not in"),
    ("add,d9,three rockets,2024-09-30,,day,victory-base,Peaceful protest,,,,,,,\n", "unknown document id 'd9'"),
    ("add,d1,three rockets,2024-09-30,,day,atlantis,Peaceful protest,,,,,,,\n", "unknown site id(s): atlantis"),
    ("add,d1,three rockets,2024-31-09,,day,victory-base,Peaceful protest,,,,,,,\n", "date must be YYYY-MM-DD"),
    ("add,d1,three rockets,2024-09-30,,day,victory-base,Riot,,,,,,,\n", "sub_event_type must be"),
    ("remove,d1,three rockets,,,,,,,,,,,,\n", "action must be"),
])
def test_curated_errors_name_the_row(geoparser, tmp_path, row, message):
    corpus = open_corpus(one_document(tmp_path, TEXT, events_csv=CURATED_HEADER + row))
    with pytest.raises(InputError) as info:
        corpus_events(corpus)
    assert "events.csv:2" in str(info.value) and message in str(info.value)


def test_bad_curated_row_writes_nothing(tmp_path):
    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "seeds", corpus)
    (corpus / "events.csv").write_text(CURATED_HEADER + "add,000_e0dc17c0f4b81375,not in it,2023-11-07,,day,"
                                       "ain-al-asad,Air/drone strike,,,,,,,\n", encoding="utf-8")
    out = tmp_path / "events.json"
    assert main(["events", "--corpus", str(corpus), "--out", str(out)]) == 2
    assert not out.exists()
