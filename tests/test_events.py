"""Event extraction, actors, merging and disputes, the curated layer, output formats."""

import csv
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from geo.actors import load_actors
from geo.cli import main
from geo.corpus import open_corpus
from geo.errors import InputError
from geo.events import Event, Source, to_geojson
from geo.eventstage import corpus_events
from geo.extract import EventExtractor
from geo.matcher import TextIndex
from geo.merge import Merger

HEADER = "id,file,title,publisher,author,published,url\n"


def corpus_with(tmp_path, text, published="2024-10-01", events_csv=None):
    (tmp_path / "documents.csv").write_text(HEADER + f"d1,d1.txt,T,P,,{published},http://x\n", encoding="utf-8")
    (tmp_path / "d1.txt").write_text(text, encoding="utf-8")
    if events_csv is not None:
        (tmp_path / "events.csv").write_text(events_csv, encoding="utf-8")
    return open_corpus(tmp_path)


def extract(geoparser, tmp_path, text, published="2024-10-01"):
    corpus = corpus_with(tmp_path, text, published)
    doc = next(iter(corpus))
    return EventExtractor(geoparser, load_actors()).extract(doc, corpus.read(doc))


@pytest.mark.parametrize("alias", ["Kataib Hezbollah", "Kata'ib Hezbollah", "Kataib Hizbullah",
                                   "Iraqi Hezbollah Brigades", "KH"])
def test_actor_aliases(alias):
    [hit] = load_actors().find(TextIndex(f"On Monday {alias} fired rockets."))
    assert hit.actor.name == "Kataib Hezbollah"


def test_lower_case_acronym_is_not_an_actor():
    assert load_actors().find(TextIndex("ask kh about it")) == []


def test_an_attack_is_dated_located_typed_and_quoted(geoparser, tmp_path):
    text = "Intro line.\n\nOn Monday, Kataib Hezbollah fired three rockets at Ain al-Asad, wounding two soldiers."
    [e] = extract(geoparser, tmp_path, text)
    assert (e.kind, e.weapon, e.date, e.time_precision) == ("shelling", "rocket", "2024-09-30", "day")
    assert (e.site_ids, e.actor, e.wounded, e.killed) == (("ain-al-asad",), "Kataib Hezbollah", 2, None)
    assert text[e.start:e.end] == e.quote and e.quote.startswith("On Monday")


def test_number_words_count(geoparser, tmp_path):
    [e] = extract(geoparser, tmp_path, "On 28 January, a drone attack on Tower 22 killed three American soldiers.")
    assert (e.kind, e.weapon, e.killed, e.date) == ("air-drone", "drone", 3, "2024-01-28")


def test_claimed_and_confirmed(geoparser, tmp_path):
    text = ("On Sunday, the Islamic Resistance in Iraq claimed a drone attack on Eilat, "
            "and the Israeli army said it intercepted it.")
    [e] = extract(geoparser, tmp_path, text)
    assert e.status == "claimed|confirmed"


@pytest.mark.parametrize("text", [
    "Since 17 October, militias carried out 50 attacks on US bases in Iraq.",  # aggregate over a period
    "American bases in Syria would be attacked if the US gave support to Israel.",  # hypothetical
    "Drones struck Ain al-Asad.",  # undated
    "On Monday there was a general cessation in attacks against US forces in Iraq.",  # negated
])
def test_not_events(geoparser, tmp_path, text):
    assert [e for e in extract(geoparser, tmp_path, text) if e.kind in ("shelling", "air-drone")] == []


def test_relative_clause_keeps_its_own_event(geoparser, tmp_path):
    text = ("Mourners march for Hassan Nasrallah who was killed in an Israeli air strike in Beirut days earlier, "
            "in Baghdad's Sadr City on September 29, 2024.")
    events = {(e.kind, e.site_ids, e.time_precision) for e in extract(geoparser, tmp_path, text)}
    assert events == {("protest", ("sadr-city",), "day"), ("air-drone", ("beirut",), "week")}


def test_coordinated_attacks_are_separate(geoparser, tmp_path):
    text = ("On October 19, 2023, they targeted the T-4 Airbase in Syria with drone strikes and conducted a "
            "missile attack on the Conoco gas field.")
    events = {(e.weapon, e.site_ids) for e in extract(geoparser, tmp_path, text)}
    assert events == {("drone", ("tiyas-air-base",)), ("missile", ("conoco-gas-field",))}


def test_a_clause_after_comma_while_keeps_its_own_place(geoparser, tmp_path):
    text = "An official told reporters in Tel Aviv that calm is needed, while protesters gathered in Amman on 8 November."
    events = {(e.kind, e.site_ids) for e in extract(geoparser, tmp_path, text, published="2023-11-10")}
    assert events == {("protest", ("amman",))}


def source(doc, start, date, sites, killed=None, weapon="drone", kind="air-drone", precision="day", status="reported"):
    return Source(doc=doc, start=start, end=start + 10, quote="q", kind=kind, date=date, date_end=date,
                  time_precision=precision, date_derivation="explicit", site_ids=tuple(sites), actor="", target="",
                  weapon=weapon, killed=killed, wounded=None, status=status)


def test_same_event_from_two_documents_merges(geoparser):
    merger = Merger(geoparser.gazetteer)
    events = merger.across_documents([source("a", 0, "2024-09-30", ["victory-base"], status="claimed"),
                                      source("b", 5, "2024-09-30", ["baghdad"], status="confirmed")])
    [event] = events
    record = event.as_record(geoparser.gazetteer)
    assert len(record["sources"]) == 2 and not record["disputed"] and record["status"] == "claimed|confirmed"


def test_different_places_same_day_and_toll_is_a_disputed_place(geoparser):
    merger = Merger(geoparser.gazetteer)
    [event] = merger.across_documents([source("a", 0, "2024-01-28", ["tower-22"], killed=3),
                                       source("b", 5, "2024-01-28", ["al-tanf-garrison"], killed=3)])
    record = event.as_record(geoparser.gazetteer)
    assert record["disputed"] and record["disputed_fields"] == ["place"]
    assert record["site_ids"] == ["tower-22", "al-tanf-garrison"]
    assert {s["doc"]: s["site_ids"] for s in record["sources"]} == {"a": ["tower-22"], "b": ["al-tanf-garrison"]}


def test_different_dates_for_the_same_strike_is_a_disputed_date(geoparser):
    merger = Merger(geoparser.gazetteer)
    [event] = merger.across_documents([source("a", 0, "2024-01-28", ["tower-22"], killed=3),
                                       source("b", 5, "2024-01-27", ["tower-22"], killed=3)])
    assert event.disputed_fields == ["date"]


def test_unrelated_events_stay_apart(geoparser):
    merger = Merger(geoparser.gazetteer)
    events = merger.across_documents([source("a", 0, "2024-01-28", ["tower-22"], killed=3),
                                      source("b", 5, "2024-01-28", ["eilat"]),
                                      source("c", 5, "2024-02-20", ["tower-22"], killed=3)])
    assert len(events) == 3 and not any(e.disputed_fields for e in events)


def test_a_telling_joins_by_the_place_of_the_event_not_of_its_other_tellings(geoparser):
    # b shares Amman with a and joins it; c shares only Beirut, which b brought: no chain
    merger = Merger(geoparser.gazetteer)
    events = merger.across_documents([source("a", 0, "2023-11-08", ["amman"], kind="protest", weapon=""),
                                      source("b", 0, "2023-11-08", ["amman", "beirut"], kind="protest", weapon=""),
                                      source("c", 0, "2023-11-08", ["beirut"], kind="protest", weapon="")])
    assert sorted([s.doc for s in e.sources] for e in events) == [["a", "b"], ["c"]]


def test_geojson_has_a_feature_per_event_and_site(geoparser):
    event = Event([source("a", 0, "2024-01-28", ["tower-22"], killed=3),
                   source("b", 5, "2024-01-28", ["al-tanf-garrison"], killed=3)], ["place"])
    collection = to_geojson([event.as_record(geoparser.gazetteer)], geoparser.gazetteer)
    assert [f["properties"]["site_id"] for f in collection["features"]] == ["tower-22", "al-tanf-garrison"]
    assert collection["features"][0]["geometry"]["type"] == "Point"


TEXT = "Intro.\n\nOn Monday, three rockets were fired at the Victoria military base in Baghdad."
CURATED_HEADER = ("action,doc,quote,date,date_end,time_precision,site_ids,sub_event_type,actor,target,weapon,"
                  "killed,wounded,status,note\n")


def test_curated_rows_win_and_are_reviewed(geoparser, tmp_path):
    row = ('correct,d1,"On Monday, three rockets were fired at the Victoria military base in Baghdad.",2024-09-30,,day,'
           'victory-base,Shelling/artillery/missile attack,Kataib Hezbollah,US forces,rocket,0,0,claimed,checked\n')
    records = list(corpus_events(corpus_with(tmp_path, TEXT, events_csv=CURATED_HEADER + row), geoparser))
    [r] = records
    assert r["reviewed"] and r["actor"] == "Kataib Hezbollah" and r["killed"] == 0 and r["status"] == "claimed"


def test_suppressed_event_is_gone(geoparser, tmp_path):
    row = "suppress,d1,three rockets were fired,,,,,,,,,,,,\n"
    assert list(corpus_events(corpus_with(tmp_path, TEXT, events_csv=CURATED_HEADER + row), geoparser)) == []


@pytest.mark.parametrize("row, message", [
    ("add,d1,a quote that is not there,2024-09-30,,day,victory-base,Peaceful protest,,,,,,,\n", "quote is not in"),
    ("add,d9,three rockets,2024-09-30,,day,victory-base,Peaceful protest,,,,,,,\n", "unknown document id 'd9'"),
    ("add,d1,three rockets,2024-09-30,,day,atlantis,Peaceful protest,,,,,,,\n", "unknown site id(s): atlantis"),
    ("add,d1,three rockets,2024-31-09,,day,victory-base,Peaceful protest,,,,,,,\n", "date must be YYYY-MM-DD"),
    ("add,d1,three rockets,2024-09-30,,day,victory-base,Riot,,,,,,,\n", "sub_event_type must be"),
    ("remove,d1,three rockets,,,,,,,,,,,,\n", "action must be"),
])
def test_curated_errors_name_the_row(geoparser, tmp_path, row, message):
    corpus = corpus_with(tmp_path, TEXT, events_csv=CURATED_HEADER + row)
    with pytest.raises(InputError) as info:
        corpus_events(corpus, geoparser)
    assert "events.csv:2" in str(info.value) and message in str(info.value)


def test_bad_curated_row_writes_nothing(tmp_path):
    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "seeds", corpus)
    (corpus / "events.csv").write_text(CURATED_HEADER + "add,000_e0dc17c0f4b81375,not in it,2023-11-07,,day,"
                                       "ain-al-asad,Air/drone strike,,,,,,,\n", encoding="utf-8")
    out = tmp_path / "events.json"
    assert main(["events", "--corpus", str(corpus), "--out", str(out)]) == 2
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["json", "csv", "geojson"])
def test_events_command_is_deterministic(tmp_path, fmt):
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    for out in (a, b):
        assert main(["events", "--corpus", str(ROOT / "seeds"), "--format", fmt, "--out", str(out)]) == 0
    assert a.read_bytes() == b.read_bytes()
    if fmt == "json":
        records = json.loads(a.read_text(encoding="utf-8"))
        texts = {}
        for r in records:
            for s in r["sources"]:
                text = texts.setdefault(s["doc"], (ROOT / "seeds" / f"{s['doc']}.txt").read_text(encoding="utf-8"))
                assert text[s["start"]:s["end"]] == s["quote"]
    if fmt == "csv":
        rows = list(csv.DictReader(a.open(encoding="utf-8")))
        assert rows and set(rows[0]) >= {"id", "date", "time_precision", "site_ids", "status", "quote"}


def test_coordinated_noun_phrases_keep_their_own_dates(geoparser, tmp_path):
    text = ("A switch was flipped after the 7 October resistance operation and Israel's merciless attacks "
            "on besieged Gaza.")
    events = [(e.kind, e.date, e.site_ids) for e in extract(geoparser, tmp_path, text, "2023-11-16")]
    assert events == [("shelling", "2023-10-07", ())]


def test_a_date_borrowed_from_the_previous_sentence_is_a_week(geoparser, tmp_path):
    text = "On 3 November the group announced a new phase. It began with a drone attack on Eilat."
    [attack] = [e for e in extract(geoparser, tmp_path, text, "2023-11-16") if e.kind == "air-drone"]
    assert (attack.date, attack.date_end, attack.time_precision) == \
        ("2023-11-03", "2023-11-09", "week")


def test_the_most_precise_telling_in_a_document_wins(geoparser):
    merger = Merger(geoparser.gazetteer)
    week = Source(doc="a", start=0, end=5, quote="q", kind="shelling", date="2024-09-30", date_end="2024-10-06",
                  time_precision="week", date_derivation="relative-to-event", site_ids=("victory-base",), actor="",
                  target="", weapon="rocket", killed=None, wounded=None, status="reported")
    day = source("a", 50, "2024-09-30", ["baghdad"], weapon="rocket", kind="shelling")
    [merged] = merger.within_document([day, week])
    assert (merged.time_precision, merged.site_ids) == ("day", ("victory-base",))


def test_merging_lets_go_of_events_no_later_telling_can_join(geoparser):
    """merge_sorted is a stream: an event is out before tellings a month later are read."""
    tellings = [source("a", 0, "2024-01-28", ["tower-22"], killed=3),
                source("b", 0, "2024-01-29", ["tower-22"], killed=3),
                source("c", 0, "2024-03-01", ["victory-base"]), source("d", 0, "2024-05-01", ["victory-base"])]
    read = []

    def stream():
        for t in tellings:
            read.append(t.doc)
            yield t

    events = Merger(geoparser.gazetteer).merge_sorted(stream())
    first = next(events)
    assert [s.doc for s in first.sources] == ["a", "b"] and read == ["a", "b", "c"]
    assert [s.doc for e in events for s in e.sources] == ["c", "d"]


def test_spool_sorts_on_disk_and_cleans_up(tmp_path):
    from geo.spool import RecordsFile, Spool, SpooledTelling

    tellings = [source(doc, start, date, ["tower-22"]) for doc, start, date in
                (("b", 5, "2024-02-01"), ("a", 9, "2024-01-05"), ("a", 2, "2024-01-05"))]
    protest = source("c", 1, "2024-01-01", ["tower-22"], kind="protest")
    with Spool(tmp_path) as spool:
        spool.add_tellings(tellings[:2] + [SpooledTelling.of(tellings[2]), protest])
        assert spool.families() == {"attack": 3, "protest": 1}
        assert [(s.date, s.doc, s.start) for s in spool.tellings(["attack"])] == [
            ("2024-01-05", "a", 2), ("2024-01-05", "a", 9), ("2024-02-01", "b", 5)]
        assert list(spool.tellings()) == [protest, tellings[2], tellings[1], tellings[0]]
        records = RecordsFile(spool.folder / "records.sqlite")
        records.add([{"date": "2024-02-01", "id": "x"}, {"date": "2024-01-05", "id": "z"},
                     {"date": "2024-01-05", "id": "y"}])
        assert [json.loads(text)["id"] for _, _, text in records.lines()] == ["y", "z", "x"]
        records.close()
        assert any(tmp_path.iterdir())
    assert not any(tmp_path.iterdir())


def test_families_share_the_merge_evenly():
    from geo.eventstage import family_groups

    counts = {"attack": 80, "protest": 33, "visit": 24, "change": 3}
    assert family_groups(counts, 1) == [("attack", "change", "protest", "visit")]
    assert family_groups(counts, 2) == [("attack",), ("change", "protest", "visit")]
    assert family_groups(counts, 3) == [("attack",), ("protest",), ("change", "visit")]
    assert family_groups(counts, 8) == [("attack",), ("protest",), ("visit",), ("change",)]
    assert family_groups({}, 2) == []


def test_streamed_events_equal_the_in_memory_merge(geoparser):
    from geo.curated import read_curated
    from geo.eventstage import merged_events
    from geo.pipeline import run

    corpus = open_corpus(ROOT / "seeds")
    sources = [s for result in run(corpus, events=True, geoparser=geoparser) for s in result.sources]
    in_memory = merged_events(sources, read_curated(corpus, geoparser.gazetteer), geoparser.gazetteer)
    assert list(corpus_events(corpus, geoparser)) == in_memory and len(in_memory) > 20


def test_merger_remembers_only_pairs_close_enough_to_measure(geoparser):
    merger = Merger(geoparser.gazetteer)
    far = [(a, b) for a in ("baghdad", "erbil", "eilat") for b in ("al-tanf-garrison", "tower-22")]
    assert not any(merger.places_overlap((a,), (b,)) for a, b in far)
    from geopy.distance import geodesic

    site = geoparser.gazetteer.__getitem__
    assert merger._near_cache and all(geodesic((site(i).lat, site(i).lon), (site(j).lat, site(j).lon)).km < 50
                                      for i, j in merger._near_cache)


def test_a_spool_whose_process_has_ended_is_removed(tmp_path):
    import socket
    import subprocess

    from geo.spool import Spool, remove_abandoned

    ended = subprocess.Popen(["true"])
    ended.wait()
    host = socket.gethostname()
    abandoned = tmp_path / f".geo-spool-{host}-{ended.pid}-abc123"
    other_host = tmp_path / f".geo-spool-elsewhere.example-{ended.pid}-abc123"
    for folder in (abandoned, other_host):
        folder.mkdir()
        (folder / "spool.sqlite").write_bytes(b"x")
    with Spool(tmp_path):
        live = [p.name for p in tmp_path.iterdir()]
        assert abandoned.name not in live and other_host.name in live  # only this host's dead processes
        assert any(name.startswith(f".geo-spool-{host}-{os.getpid()}-") for name in live)
        assert remove_abandoned(tmp_path) == []  # its own, live spool stays


def test_a_terminated_run_leaves_no_spool_and_no_output(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from geo.synth import generate

    corpus = generate(tmp_path / "corpus", 400, size=3000)
    out = tmp_path / "out" / "events.json"
    out.parent.mkdir()
    run = subprocess.Popen([sys.executable, "-m", "geo", "events", "--corpus", str(corpus), "--out", str(out)],
                           stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(out.parent.glob(".geo-spool-*")) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert run.poll() is None, "the run ended before it could be terminated"
    run.send_signal(signal.SIGTERM)
    assert run.wait(timeout=60) == 128 + signal.SIGTERM
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("cause, code", [(SystemExit(143), 143), (ValueError("a bug"), None)])
def test_a_termination_wrapped_by_an_extension_still_exits_as_terminated(monkeypatch, cause, code):
    # numba, loading a compiled function, wraps what the SIGTERM handler raises in a SystemError
    import geo.cli

    def wrapped(args):
        raise SystemError("returned a result with an exception set") from cause

    monkeypatch.setattr(geo.cli, "_events", wrapped)
    with pytest.raises(SystemExit if code else SystemError) as raised:
        geo.cli.main(["events", "--corpus", "seeds"])
    assert getattr(raised.value, "code", None) == code


def test_the_rough_distance_is_geopys_great_circle():
    import random

    from geopy.distance import great_circle

    from geo.merge import _sphere_km

    rng = random.Random(7)
    pairs = [((rng.uniform(10, 45), rng.uniform(25, 60)), (rng.uniform(10, 45), rng.uniform(25, 60))) for _ in range(500)]
    assert all(abs(_sphere_km(*a, *b) - great_circle(a, b).km) < 1e-9 for a, b in pairs)


def test_remembered_place_keys_stay_bounded_and_change_nothing(geoparser, monkeypatch):
    import geo.merge

    places = ["victory-base", "baghdad", "tower-22", "al-tanf-garrison", "erbil", "eilat"]
    tellings = [source(doc, 0, f"2024-01-{day:02d}", [place]) for day in range(1, 8)
                for doc, place in zip("abcdef", places)]
    plain = [e.as_record(geoparser.gazetteer) for e in Merger(geoparser.gazetteer).across_documents(tellings)]
    monkeypatch.setattr(geo.merge, "PLACE_KEYS_REMEMBERED", 3)
    merger = Merger(geoparser.gazetteer)
    bounded = [e.as_record(geoparser.gazetteer) for e in merger.across_documents(tellings)]
    assert bounded == plain and 0 < len(merger._place_key_cache) <= 3


@pytest.mark.parametrize("command, prefix", [("events", ".geo-spool-"), ("build", ".out.build-")])
def test_a_stop_as_the_scratch_folder_is_made_leaves_nothing(tmp_path, monkeypatch, command, prefix):
    # SIGTERM arriving the moment the folder exists, before any cleanup could know of it:
    # deterministic, where a signal sent from outside hits that moment only now and then
    import signal
    import tempfile

    from geo.cli import main

    made = tempfile.mkdtemp
    out = tmp_path / "out"
    out.mkdir()

    def mkdtemp(*args, **kwargs):
        folder = made(*args, **kwargs)
        if kwargs.get("dir") is not None and Path(kwargs["dir"]) == out and kwargs.get("prefix", "").startswith(prefix):
            os.kill(os.getpid(), signal.SIGTERM)
        return folder

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(SystemExit) as stopped:
            target = out / ("events.json" if command == "events" else "out")
            main([command, "--corpus", str(ROOT / "seeds"), "--out", str(target)])
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert stopped.value.code == 128 + signal.SIGTERM
    assert list(out.iterdir()) == []
