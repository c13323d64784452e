"""The same inputs give the same bytes, across processes: two runs of each command in
separate interpreters with different hash seeds, time zones, locales and working folders
(the corpus and the output named by an absolute path in one, a relative one in the other)."""

import os
import subprocess
import sys

import pytest
from faulting import ENV
from helpers import SEEDS, files_of

ENVIRONMENTS = [{"PYTHONHASHSEED": "0", "TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
                {"PYTHONHASHSEED": "4242", "TZ": "Asia/Baghdad", "LANG": "C", "LC_ALL": "C"}]


def run_twice(tmp_path, *args: str) -> list:
    """What ``geo <args> --out OUT`` writes, in each environment (a file's bytes, or a folder's files).
    The package run is this tree's (ENV's PYTHONPATH), whatever else is installed."""
    outputs = []
    for i, env in enumerate(ENVIRONMENTS):
        cwd = tmp_path / f"run-{i}" / "deeper"
        cwd.mkdir(parents=True)
        out = cwd / "out"
        paths = ["--corpus", str(SEEDS), "--out", str(out)] if i == 0 else \
            ["--corpus", os.path.relpath(SEEDS, cwd), "--out", "out"]
        subprocess.run([sys.executable, "-m", "geo", *args, *paths], cwd=cwd, env={**ENV, **env}, check=True,
                       capture_output=True)
        outputs.append(files_of(out) if out.is_dir() else out.read_bytes())
    return outputs


def test_the_site_is_the_same_in_any_process(tmp_path):
    first, second = run_twice(tmp_path, "build")
    assert len(first) > 50 and first == second


@pytest.mark.parametrize("command, fmt", [("events", "json"), ("events", "csv"), ("events", "geojson"),
                                          ("mentions", "jsonl"), ("mentions", "csv")])
def test_records_are_the_same_in_any_process(tmp_path, command, fmt):
    first, second = run_twice(tmp_path, command, "--format", fmt)
    assert len(first) > 5000 and first == second
