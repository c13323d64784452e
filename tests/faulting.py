"""What the fault suite (tests/faults/) shares: the real command line run as a subprocess,
a copy of the seeds to spoil, and a folder's every file hashed, to show that a site built
before a failed run is byte for byte as it was."""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, SEEDS

# The worktree's own package, whatever folder a command runs in (an editable install
# elsewhere must not answer instead).
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
SEED_IDS = sorted(r["id"] for r in csv.DictReader((SEEDS / "documents.csv").open(encoding="utf-8", newline="")))


def geo(*args: str | Path, cwd: Path = ROOT, env: dict | None = None, timeout: float = 300,
        **popen) -> subprocess.CompletedProcess:
    """``python -m geo ARGS``, its exit code, stdout and stderr."""
    return subprocess.run([sys.executable, "-m", "geo", *map(str, args)], cwd=cwd, env=env or ENV,
                          capture_output=True, text=True, timeout=timeout, **popen)


def hashes(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (links not followed) by relative path: its SHA-256."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def spoilt_seeds(tmp_path: Path, name: str = "corpus") -> Path:
    """A copy of the seeds, to spoil."""
    return Path(shutil.copytree(SEEDS, tmp_path / name))


def read_manifest(corpus: Path) -> list[list[str]]:
    with (corpus / "documents.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def write_manifest(corpus: Path, rows: list[list[str]], newline: str = "\n", bom: bool = False) -> None:
    with (corpus / "documents.csv").open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        csv.writer(f, lineterminator=newline).writerows(rows)


def set_cell(corpus: Path, line: int, column: str, value: str) -> None:
    """The manifest's cell at ``line`` (2 is the first row) in ``column``."""
    rows = read_manifest(corpus)
    rows[line - 1][rows[0].index(column)] = value
    write_manifest(corpus, rows)


class OldSite:
    """A site built before, at ``out``; ``unchanged()`` says whether it, and the folder
    around it, are as they were (no stray folder left beside it)."""

    def __init__(self, template: Path, tmp_path: Path):
        self.out = tmp_path / "published" / "site"
        shutil.copytree(template, self.out, symlinks=True)
        self.before = hashes(self.out)

    def unchanged(self) -> bool:
        strays = {p.name for p in self.out.parent.iterdir()} - {"site", ".site.lock"}
        return not strays and hashes(self.out) == self.before


def assert_refused(result: subprocess.CompletedProcess, *where: str, code: int = 2) -> None:
    """The run failed with ``code``, in one clear line or more (no traceback), naming each
    of ``where`` (a file, ``file:line``, a value)."""
    assert result.returncode == code, (result.returncode, result.stderr[-3000:])
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr, result.stderr[-3000:]
    for fragment in where:
        assert fragment in result.stderr, (fragment, result.stderr)
