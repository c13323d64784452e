"""The same inputs give the same bytes, across processes: two runs of each command in
separate interpreters with different hash seeds, time zones, locales and working folders."""

import os
import subprocess
import sys

import pytest
from helpers import SEEDS, files_of

ENVIRONMENTS = [{"PYTHONHASHSEED": "0", "TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
                {"PYTHONHASHSEED": "4242", "TZ": "Asia/Baghdad", "LANG": "C", "LC_ALL": "C"}]


def run_twice(tmp_path, *args: str) -> list:
    """What ``geo <args> --out OUT`` writes, in each environment (a file's bytes, or a folder's files)."""
    outputs = []
    for i, env in enumerate(ENVIRONMENTS):
        cwd = tmp_path / f"run-{i}"
        cwd.mkdir()
        out = cwd / "out"
        subprocess.run([sys.executable, "-m", "geo", *args, "--corpus", str(SEEDS), "--out", str(out)], cwd=cwd,
                       env={**os.environ, **env}, check=True, capture_output=True)
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
