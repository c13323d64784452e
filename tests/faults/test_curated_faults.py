"""Fault suite, the curated layer (``<corpus>/events.csv``): ``geo build`` and ``geo events``
on the seeds with a spoilt curated file.  A bad row is refused before any work with exit
code 2 and an error naming ``events.csv`` and its line (every bad row, not only the
first); the site built before stays as it was, and ``geo events --out`` writes nothing."""

from __future__ import annotations

import csv
import io

import pytest
from faulting import SEED_IDS, assert_refused, geo, hashes, spoilt_seeds

from geo.events.curated import COLUMNS

DOC = SEED_IDS[1]
QUOTE = "conducted a mortar attack on the US base of Ain al-Asad"
GOOD = {"action": "add", "doc": DOC, "quote": QUOTE, "date": "2023-11-07", "date_end": "", "time_precision": "day",
        "site_ids": "ain-al-asad", "sub_event_type": "Shelling/artillery/missile attack", "actor": "", "target": "",
        "weapon": "", "killed": "", "wounded": "", "status": "claimed", "note": ""}


def _csv(*rows: dict, newline: str = "\n") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(COLUMNS)
    writer.writerows([[row[c] for c in COLUMNS] for row in rows])
    return out.getvalue()


def _row(**changes) -> dict:
    return {**GOOD, **changes}


CASES = {
    "unknown action": (_row(action="remove"), "action must be one of"),
    "unknown document": (_row(doc="../../etc/passwd"), "unknown document id '../../etc/passwd'"),
    "unknown site id": (_row(site_ids="ain-al-asad|atlantis"), "unknown site id(s): atlantis"),
    "quote not in its document": (_row(quote="a mortar attack on the Pentagon"), f"quote is not in document {DOC}"),
    "quote from another document": (_row(doc=SEED_IDS[0]), f"quote is not in document {SEED_IDS[0]}"),
    "empty quote": (_row(quote=""), "quote is not in document"),
    "day 30 of February": (_row(date="2023-02-30"), "date must be YYYY-MM-DD, got '2023-02-30'"),
    "month 13": (_row(date="2023-13-01"), "date must be YYYY-MM-DD, got '2023-13-01'"),
    "empty date": (_row(date=""), "date must be YYYY-MM-DD, got ''"),
    "a date in words": (_row(date="last Tuesday"), "date must be YYYY-MM-DD, got 'last Tuesday'"),
    "end before start": (_row(date_end="2023-11-01"), "date_end 2023-11-01 is before date 2023-11-07"),
    "unknown precision": (_row(time_precision="hour"), "time_precision must be one of"),
    "unknown sub-event type": (_row(sub_event_type="Riot"), "sub_event_type must be one of"),
    "unknown status": (_row(status="rumoured"), "status one of"),
    "negative toll": (_row(killed="-1"), "killed must be a whole number from 0 to 1,000,000,000, got '-1'"),
    "toll in words": (_row(wounded="several"), "wounded must be a whole number from 0 to 1,000,000,000, got 'several'"),
    "toll of 23 digits": (_row(killed="9" * 23), f"killed must be a whole number from 0 to 1,000,000,000, got '{'9' * 23}'"),
    "toll in superscript": (_row(killed="\u00b2"), "killed must be a whole number from 0 to 1,000,000,000, got '\u00b2'"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_bad_curated_row_stops_the_build_naming_its_line_and_the_old_site_stays(case, tmp_path, old_site):
    row, message = CASES[case]
    corpus = spoilt_seeds(tmp_path)
    (corpus / "events.csv").write_text(_csv(GOOD, row), encoding="utf-8")
    result = geo("build", "--corpus", corpus, "--out", old_site.out)
    assert_refused(result, f"{corpus / 'events.csv'}:3: ", message)
    assert old_site.unchanged()


@pytest.mark.parametrize("text, where", [
    (_csv(GOOD).replace("site_ids,", "sites,"), ":1: header must be at least"),
    (_csv(GOOD) + "add,x,too few\n", ":3: expected 15 fields, found 3"),
    (_csv(GOOD, _row(date="2023-02-30"), GOOD, _row(site_ids="atlantis")), ":3: date must be"),
], ids=["header", "fields", "every bad row"])
def test_a_malformed_curated_file_is_refused_by_geo_events_which_writes_nothing(text, where, tmp_path):
    corpus = spoilt_seeds(tmp_path)
    (corpus / "events.csv").write_text(text, encoding="utf-8")
    out = tmp_path / "out" / "events.json"
    result = geo("events", "--corpus", corpus, "--out", out)
    assert_refused(result, f"{corpus / 'events.csv'}{where}")
    if "every" in where:
        assert f"{corpus / 'events.csv'}:5: unknown site id(s): atlantis" in result.stderr
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_a_curated_file_that_is_not_utf8_is_refused_naming_the_line(tmp_path, old_site):
    corpus = spoilt_seeds(tmp_path)
    (corpus / "events.csv").write_bytes(_csv(GOOD, _row(note="caf\u00e9")).encode("latin-1"))
    result = geo("build", "--corpus", corpus, "--out", old_site.out)
    assert_refused(result, f"{corpus / 'events.csv'}:3: not UTF-8 (byte 0xe9")
    assert old_site.unchanged()


def test_a_curated_file_with_a_bom_crlf_and_hostile_text_is_accepted_and_escaped(tmp_path, seeds_site):
    corpus = spoilt_seeds(tmp_path)
    hostile = _row(actor="<script>alert('actor')</script>", target="<img src=x onerror=alert(1)>",
                   note="</script><b>note</b>")
    (corpus / "events.csv").write_bytes(b"\xef\xbb\xbf" + _csv(hostile, newline="\r\n").encode("utf-8"))
    out = tmp_path / "site"
    result = geo("build", "--corpus", corpus, "--out", out)
    assert result.returncode == 0, result.stderr
    events = list(csv.DictReader((out / "data" / "events.csv").open(encoding="utf-8", newline="")))
    assert any(e["actor"] == hostile["actor"] and e["reviewed"] == "true" for e in events)
    pages = [p.read_text(encoding="utf-8") for p in out.rglob("*.html")]
    assert not any("<script>alert" in p or "<img src=x" in p for p in pages)
    assert any("&lt;script&gt;alert(&#39;actor&#39;)&lt;/script&gt;" in p for p in pages)
    assert hashes(out) != hashes(seeds_site)
