"""The ACLED-compatible export: its columns, a row per event and site, ACLED's codes."""

import csv
import io
import subprocess
import sys

from helpers import ROOT, SEEDS

from geo.corpus import open_corpus
from geo.events.acled import ACLED_COLUMNS, acled_rows
from geo.geoparse import geoparser_for


def record(**fields):
    base = {"id": "ev-0123456789", "date": "2024-01-28", "date_end": "2024-01-28", "time_precision": "day",
            "date_derivation": "explicit", "site_ids": ["tower-22"], "geo_precision": 1,
            "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
            "actor": "Islamic Resistance in Iraq", "target": "US forces", "weapon": "drone", "killed": 3, "wounded": 34,
            "status": "claimed", "doc": "d1", "quote": "A drone\\nstruck Tower 22.", "start": 0, "end": 10,
            "disputed": False, "disputed_fields": [], "reviewed": False,
            "sources": [{"doc": "d1", "start": 0, "end": 10}]}
    return {**base, **fields}


def test_a_row_has_acleds_columns_and_codes():
    [row] = acled_rows(record(), geoparser_for().gazetteer, {})
    assert tuple(row) == ACLED_COLUMNS
    assert (row["event_id_cnty"], row["iso"], row["country"], row["region"]) == ("JOR-ev-0123456789", 400, "Jordan",
                                                                                 "Middle East")
    assert (row["inter1"], row["inter2"], row["interaction"]) == (3, 8, 38)  # a militia against a foreign state's forces
    assert (row["time_precision"], row["fatalities"], row["geo_precision"]) == (1, 3, 1)
    assert row["disorder_type"] == "Political violence" and "weapon: drone" in row["tags"]


def test_a_span_is_dated_to_its_middle_and_an_event_at_two_sites_is_two_rows():
    rows = acled_rows(record(date="2024-03-01", date_end="2024-03-31", time_precision="month", killed=None,
                             site_ids=["ain-al-asad", "erbil"]), geoparser_for().gazetteer, {})
    assert [r["event_id_cnty"] for r in rows] == ["IRQ-ev-0123456789", "IRQ-ev-0123456789-2"]
    assert {(r["event_date"], r["time_precision"], r["fatalities"]) for r in rows} == {("2024-03-16", 3, 0)}


def test_violence_against_civilians_is_civilian_targeting():
    [row] = acled_rows(record(event_type="Violence against civilians", sub_event_type="Attack", target=""),
                       geoparser_for().gazetteer, {})
    assert row["civilian_targeting"] == "Civilian targeting" and row["disorder_type"] == "Political violence"
    [row] = acled_rows(record(), geoparser_for().gazetteer, {})
    assert row["civilian_targeting"] == ""


def test_an_event_at_no_place_has_no_row():
    assert acled_rows(record(site_ids=[]), geoparser_for().gazetteer, {}) == []


def test_the_cli_writes_the_seeds_events_as_acled_rows(tmp_path):
    out = tmp_path / "acled.csv"
    subprocess.run([sys.executable, "-m", "geo", "events", "--corpus", str(SEEDS), "--format", "acled",
                    "--out", str(out)], cwd=ROOT, check=True, capture_output=True)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    publishers = {d.publisher for d in open_corpus(SEEDS)}
    assert len(rows) > 20 and all(tuple(r) == ACLED_COLUMNS for r in rows)
    assert all(set(r["source"].split("; ")) <= publishers and float(r["latitude"]) for r in rows)
    assert all(r["iso"].isdigit() or (r["country"] == "" and r["event_id_cnty"].startswith("XXX-")) for r in rows)
    assert sum(r["iso"].isdigit() for r in rows) > 20
    assert all(int(r["timestamp"]) > 1_600_000_000 and r["event_date"][:4] == r["year"] for r in rows)
