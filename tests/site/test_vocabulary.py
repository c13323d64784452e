"""The map page reads the pipeline's vocabularies from its data: one definition each."""

import json

import pytest
from helpers import ROOT

from geo.corpus import open_corpus
from geo.events import EVENT_KINDS, STATUSES
from geo.gazetteer import AREA_KINDS, KINDS
from geo.site import build_site
from geo.site.mapdata import COLUMNS
from geo.site.vocabulary import EVENT_COLOURS, MARKER_CLASSES, MARKERS

PAGE_SOURCES = sorted((ROOT / "geo" / "site" / "assets").glob("*.js")) + \
    sorted((ROOT / "geo" / "site" / "templates").glob("*.html"))


def test_every_kind_of_point_has_a_marker_and_no_area_has_one():
    assert set(MARKER_CLASSES) == KINDS - AREA_KINDS
    assert set(MARKER_CLASSES.values()) <= set(MARKERS)


def test_every_event_type_has_a_colour_of_its_own():
    assert set(EVENT_COLOURS) == set(EVENT_KINDS) and len(set(EVENT_COLOURS.values())) == len(EVENT_COLOURS)


@pytest.mark.parametrize("word", [*STATUSES, *(sub for _, sub in EVENT_KINDS.values()), *(c for c, _ in MARKERS.values()),
                                  *EVENT_COLOURS.values(), *MARKER_CLASSES, *MARKERS])
def test_no_script_or_template_holds_a_copy_of_the_vocabulary(word):
    assert [p.name for p in PAGE_SOURCES if f'"{word}"' in p.read_text(encoding="utf-8")] == []


@pytest.fixture(scope="module")
def map_data(tmp_path_factory):
    out = tmp_path_factory.mktemp("vocabulary") / "site"
    build_site(open_corpus(ROOT / "seeds"), out)
    text = (out / "data" / "map-data.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1:].rstrip().rstrip(";"))


def test_the_map_data_carries_the_vocabulary_and_names_its_columns(map_data):
    assert map_data["vocabulary"]["statuses"] == list(STATUSES)
    assert [m["name"] for m in map_data["vocabulary"]["markers"]] == list(MARKERS)
    assert map_data["columns"] == COLUMNS
    for table in ("sites", "docs", "mentions", "events", "areaEvents"):
        rows = map_data[table]
        assert rows and all(len(row) == len(COLUMNS["events" if table == "areaEvents" else table]) for row in rows)
