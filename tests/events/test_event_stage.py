"""The events stage end to end: output formats, the spool, the streamed merge, stops."""

import csv
import json
import os
from pathlib import Path

import pytest
from helpers import ROOT
from tellings import telling

from geo.cli import main
from geo.corpus import open_corpus
from geo.events import Event, corpus_events, to_geojson


def test_geojson_has_a_feature_per_event_and_site(geoparser):
    event = Event([telling("a", 0, "2024-01-28", ["tower-22"], killed=3),
                   telling("b", 5, "2024-01-28", ["al-tanf-garrison"], killed=3)], ["place"])
    collection = to_geojson([event.as_record(geoparser.gazetteer)], geoparser.gazetteer)
    assert [f["properties"]["site_id"] for f in collection["features"]] == ["tower-22", "al-tanf-garrison"]
    assert collection["features"][0]["geometry"]["type"] == "Point"


@pytest.mark.parametrize("fmt", ["json", "csv", "geojson"])
def test_events_command_writes_every_format(tmp_path, fmt):
    a = tmp_path / f"a.{fmt}"
    assert main(["events", "--corpus", str(ROOT / "seeds"), "--format", fmt, "--out", str(a)]) == 0
    if fmt == "json":
        records = json.loads(a.read_text(encoding="utf-8"))["events"]
        texts = {}
        for r in records:
            for s in r["sources"]:
                text = texts.setdefault(s["doc"], (ROOT / "seeds" / f"{s['doc']}.txt").read_text(encoding="utf-8"))
                assert text[s["start"]:s["end"]] == s["quote"]
    if fmt == "csv":
        rows = list(csv.DictReader(a.open(encoding="utf-8")))
        assert rows and set(rows[0]) >= {"id", "date", "time_precision", "site_ids", "status", "quote"}


def test_spool_sorts_on_disk_and_cleans_up(tmp_path):
    from geo.events.spool import RecordsFile, SpooledTelling, open_spool

    tellings = [telling(doc, start, date, ["tower-22"]) for doc, start, date in
                (("b", 5, "2024-02-01"), ("a", 9, "2024-01-05"), ("a", 2, "2024-01-05"))]
    protest = telling("c", 1, "2024-01-01", ["tower-22"], kind="protest")
    with open_spool(tmp_path) as spool:
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
    from geo.events.stage import family_groups

    counts = {"attack": 80, "protest": 33, "visit": 24, "change": 3}
    assert family_groups(counts, 1) == [("attack", "change", "protest", "visit")]
    assert family_groups(counts, 2) == [("attack",), ("change", "protest", "visit")]
    assert family_groups(counts, 3) == [("attack",), ("protest",), ("change", "visit")]
    assert family_groups(counts, 8) == [("attack",), ("protest",), ("visit",), ("change",)]
    assert family_groups({}, 2) == []


def test_streamed_events_equal_the_in_memory_merge(geoparser):
    from functools import partial

    from geo.engine import EngineConfig, run_documents
    from geo.events import document_output, read_curated
    from geo.events.stage import merged_events
    from geo.geoparse import GeoparserSpec

    corpus = open_corpus(ROOT / "seeds")
    tellings = [t for output in run_documents(corpus, partial(document_output, GeoparserSpec()), EngineConfig())
                for t in output.tellings]
    in_memory = merged_events(tellings, read_curated(corpus, geoparser.gazetteer), geoparser.gazetteer)
    assert list(corpus_events(corpus)) == in_memory and len(in_memory) > 20


def test_a_spool_whose_process_has_ended_is_removed(tmp_path):
    import socket
    import subprocess

    from geo.events.spool import open_spool
    from geo.io import remove_abandoned

    ended = subprocess.Popen(["true"])
    ended.wait()
    host = socket.gethostname()
    abandoned = tmp_path / f".geo-spool-{host}-{ended.pid}-abc123"
    other_host = tmp_path / f".geo-spool-elsewhere.example-{ended.pid}-abc123"
    for folder in (abandoned, other_host):
        folder.mkdir()
        (folder / "spool.sqlite").write_bytes(b"x")
    with open_spool(tmp_path):
        live = [p.name for p in tmp_path.iterdir()]
        assert abandoned.name not in live and other_host.name in live  # only this host's dead processes
        assert any(name.startswith(f".geo-spool-{host}-{os.getpid()}-") for name in live)
        assert remove_abandoned(tmp_path) == []  # its own, live spool stays


def test_a_terminated_run_leaves_no_spool_and_no_output(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from geo.evaluate.synth import generate

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


@pytest.mark.parametrize("wrapper", [SystemError("returned a result with an exception set"),
                                     RuntimeError("Error calling __set_name__ on 'cached_property' instance")])
@pytest.mark.parametrize("cause, code", [(SystemExit(143), 143), (ValueError("a bug"), None)])
def test_a_termination_wrapped_by_an_extension_still_exits_as_terminated(monkeypatch, wrapper, cause, code):
    # numba, loading a compiled function, wraps what the SIGTERM handler raises in a
    # SystemError; Python, making a class during an import, in a RuntimeError (found by the
    # fault suite's random kills, one run in five)
    import geo.cli

    def wrapped(args):
        raise wrapper from cause

    monkeypatch.setattr(geo.cli, "_events", wrapped)
    with pytest.raises(SystemExit if code else type(wrapper)) as raised:
        geo.cli.main(["events", "--corpus", "seeds"])
    assert getattr(raised.value, "code", None) == code


@pytest.mark.parametrize("command, prefix", [("events", ".geo-spool-"), ("build", ".out.build-")])
@pytest.mark.parametrize("other_thread", [False, True])
def test_a_stop_as_the_scratch_folder_is_made_leaves_nothing(tmp_path, monkeypatch, command, prefix, other_thread):
    # SIGTERM arriving the moment the folder exists, before any cleanup could know of it:
    # deterministic, where a signal sent from outside hits that moment only now and then
    import signal
    import tempfile
    import threading

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
    # a thread that does not mask the signal receives it, and Python runs the handler in
    # the main thread at once, whatever the main thread masks (a library's threads, a pool's)
    done = threading.Event()
    thread = threading.Thread(target=done.wait, daemon=True)
    if other_thread:
        thread.start()
    try:
        with pytest.raises(SystemExit) as stopped:
            target = out / ("events.json" if command == "events" else "out")
            main([command, "--corpus", str(ROOT / "seeds"), "--out", str(target)])
    finally:
        signal.signal(signal.SIGTERM, previous)
        done.set()
    assert stopped.value.code == 128 + signal.SIGTERM
    # a build leaves only its lock file, which stays by design (geo.site.publish)
    assert [p.name for p in out.iterdir()] == ([".out.lock"] if command == "build" else [])
