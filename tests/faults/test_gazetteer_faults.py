"""Fault suite, the gazetteer: a spoilt copy of the curated gazetteer passed with
``--gazetteer`` (and ``--ambiguities``).  A bad file is refused before any work with exit
code 2 and an error naming the file and line; the site built before stays as it was.  An
alias shared by two sites and not declared is what ``geo gazetteer check`` is for: it
names it (exit code 1), and the geoparser reports the name's mentions as ambiguous."""

from __future__ import annotations

import json

import pytest
from faulting import assert_refused, geo
from helpers import SEEDS

from geo.gazetteer.sites import AMBIGUITIES, CURATED

LINES = CURATED.read_text(encoding="utf-8").splitlines(keepends=True)
BAGHDAD = next(i for i, line in enumerate(LINES, 1) if line.startswith("baghdad,"))
END = len(LINES) + 1  # the line a row appended to the file is on
FAKE_BASE = "fake-base,Fake Base,base,IQ,,33.30,44.30,2000,,Baghdad,,,test,\n"  # says "Baghdad" too


def _replace(old: str, new: str):
    def spoil(lines):
        assert old in lines[BAGHDAD - 1]
        lines[BAGHDAD - 1] = lines[BAGHDAD - 1].replace(old, new, 1)
    return spoil


def _append(row: str):
    def spoil(lines):
        lines.append(row)
    return spoil


CASES = {
    "malformed row": (_append("basra-2,Basra,city\n"), END, "expected 14 fields, found 3"),
    "duplicate id": (_append(LINES[BAGHDAD - 1]), END, "duplicate id 'baghdad' (first at"),
    "latitude 95": (_replace("33.33865", "95"), BAGHDAD, "baghdad: coordinate out of range (95.0, "),
    "non-numeric longitude": (_replace("44.39387", "east"), BAGHDAD, "baghdad: lon is not a number: 'east'"),
    "empty alias": (_replace("Bagdad|", "Bagdad||"), BAGHDAD, "empty entry in list 'Bagdad||"),
    "unknown kind": (_replace(",city,", ",metropolis,"), BAGHDAD, "unknown kind 'metropolis'"),
    "no source": (_replace("naturalearth:ne_10m_populated_places:98182", ""), BAGHDAD, "no source for the coordinate"),
    "bad header": (lambda lines: lines.__setitem__(0, lines[0].replace("lat,lon", "latitude,longitude")), 1,
                   "header must be"),
}


def _gazetteer(tmp_path, spoil=None):
    lines = list(LINES)
    if spoil:
        spoil(lines)
    path = tmp_path / "my gazetteer.csv"
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", CASES)
def test_a_bad_gazetteer_is_refused_naming_file_and_line_and_the_old_site_stays(case, tmp_path, old_site):
    spoil, line, message = CASES[case]
    gazetteer = _gazetteer(tmp_path, spoil)
    result = geo("build", "--corpus", SEEDS, "--gazetteer", gazetteer, "--out", old_site.out)
    assert_refused(result, f"{gazetteer}:{line}: ", message)
    assert old_site.unchanged()


@pytest.mark.parametrize("command", ["mentions", "events", "gazetteer gaps"])
def test_every_command_that_reads_a_corpus_refuses_a_bad_gazetteer(command, tmp_path):
    gazetteer = _gazetteer(tmp_path, CASES["latitude 95"][0])
    out = tmp_path / "out"
    result = geo(*command.split(), "--corpus", SEEDS, "--gazetteer", gazetteer, "--out", out)
    assert_refused(result, f"{gazetteer}:{BAGHDAD}: ", "out of range")
    assert list(tmp_path.iterdir()) == [gazetteer]


def test_a_gazetteer_that_is_not_utf8_is_refused_naming_the_line(tmp_path, old_site):
    gazetteer = _gazetteer(tmp_path)
    gazetteer.write_bytes(gazetteer.read_bytes().replace(b"Bagdad|", b"Bagd\xe1d|"))  # a Latin-1 byte
    result = geo("build", "--corpus", SEEDS, "--gazetteer", gazetteer, "--out", old_site.out)
    assert_refused(result, f"{gazetteer}:{BAGHDAD}: not UTF-8 (byte 0xe1")
    assert old_site.unchanged()


def test_a_missing_gazetteer_file_is_refused(tmp_path, old_site):
    result = geo("build", "--corpus", SEEDS, "--gazetteer", tmp_path / "nowhere.csv", "--out", old_site.out)
    assert_refused(result, str(tmp_path / "nowhere.csv"), "cannot read")
    assert old_site.unchanged()


def test_a_declaration_of_unknown_sites_is_refused(tmp_path, old_site):
    declared = tmp_path / "ambiguities.csv"
    declared.write_text(AMBIGUITIES.read_text(encoding="utf-8") + "Baghdad,baghdad|atlantis,baghdad,\n",
                        encoding="utf-8")
    result = geo("build", "--corpus", SEEDS, "--ambiguities", declared, "--out", old_site.out)
    assert_refused(result, f"{declared}:2: 'Baghdad': needs two or more known sites, unknown: ['atlantis']")
    assert old_site.unchanged()


def test_an_undeclared_shared_alias_is_named_by_the_check_and_its_mentions_are_ambiguous(tmp_path):
    gazetteer = _gazetteer(tmp_path, _append(FAKE_BASE))
    check = geo("gazetteer", "check", "--gazetteer", gazetteer)
    assert check.returncode == 1, check.stderr
    assert f"{gazetteer}:{BAGHDAD}: baghdad: alias 'baghdad' names baghdad, fake-base: declare it" in check.stdout
    mentions = [json.loads(line) for line in geo("mentions", "--corpus", SEEDS, "--gazetteer", gazetteer).stdout.splitlines()]
    baghdad = [m for m in mentions if m["surface"] == "Baghdad"]
    assert baghdad and all(m["status"] == "ambiguous" and m["candidates"] == "baghdad|fake-base" for m in baghdad)


def test_a_declared_shared_alias_passes_the_check_and_its_default_is_used(tmp_path):
    gazetteer = _gazetteer(tmp_path, _append(FAKE_BASE))
    declared = tmp_path / "ambiguities.csv"
    declared.write_text(AMBIGUITIES.read_text(encoding="utf-8") + "Baghdad,baghdad|fake-base,baghdad,the city\n",
                        encoding="utf-8")
    check = geo("gazetteer", "check", "--gazetteer", gazetteer, "--ambiguities", declared)
    assert check.returncode == 0, check.stdout + check.stderr
    mentions = [json.loads(line) for line in
                geo("mentions", "--corpus", SEEDS, "--gazetteer", gazetteer, "--ambiguities", declared).stdout.splitlines()]
    assert {m["site_id"] for m in mentions if m["surface"] == "Baghdad"} == {"baghdad"}
