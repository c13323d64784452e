"""Fault suite, the corpus: ``geo build`` run on a spoilt copy of the seeds.  A refused
corpus gets exit code 2 and an error naming the file (and the line where there is one),
and the site built before at --out is byte for byte as it was, with nothing left beside
it.  An accepted one (a BOM, CRLF, an empty document, names with spaces or letters of any
script, hostile titles and URLs, control characters inside place names) builds, its text
escaped and its mentions' offsets exact."""

from __future__ import annotations

import csv
import html.parser
import json
import random
import re
import subprocess
import sys

import pytest
from faulting import ENV, SEED_IDS, assert_refused, geo, read_manifest, set_cell, spoilt_seeds, write_manifest
from helpers import ROOT, SEEDS, one_document

D0, D1, D2, D3, D4 = SEED_IDS  # the seeds' documents, in manifest order (lines 2 to 6)


def _txt(doc_id: str) -> str:
    return f"{doc_id}.txt"


def missing_manifest(c):
    (c / "documents.csv").unlink()
    return ["documents.csv", "manifest is missing"]


def empty_manifest(c):
    (c / "documents.csv").write_bytes(b"")
    return ["documents.csv:1", "manifest is empty"]


def row_without_file(c):
    (c / _txt(D2)).unlink()
    return ["documents.csv:4", _txt(D2), "does not exist"]


def file_without_row(c):
    (c / "stray report.txt").write_text("Rockets hit Baghdad.", encoding="utf-8")
    return ["stray report.txt", "no row in documents.csv"]


def duplicate_id(c):
    set_cell(c, 3, "id", D0)
    return ["documents.csv:3", f"duplicate id {D0!r} (first on line 2)"]


def cell(column, value, *expected):
    """A spoiler that writes ``value`` into the manifest's second line's ``column``."""
    def spoil(c):
        set_cell(c, 2, column, value)
        return ["documents.csv:2", *expected]
    spoil.__name__ = f"{column} {value!r}"
    return spoil


def date(value, *expected):
    return cell("published", value, *expected)


def manifest_not_utf8(c):
    data = (c / "documents.csv").read_bytes().splitlines(keepends=True)
    data[3] = data[3].replace(b",", b",caf\xe9 ", 1)  # line 4: a Latin-1 byte
    (c / "documents.csv").write_bytes(b"".join(data))
    return ["documents.csv:4", "not UTF-8", "0xe9"]


def document_not_utf8(c):
    lines = (c / _txt(D1)).read_bytes().split(b"\n")
    lines[2] += b" caf\xe9"  # line 3
    (c / _txt(D1)).write_bytes(b"\n".join(lines))
    return [f"{_txt(D1)}:3", "not UTF-8 (byte 0xe9"]


def binary_document(c):
    (c / _txt(D3)).write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(16).randbytes(4096) + b"\xff")
    return [f"{_txt(D3)}:", "not UTF-8"]


def huge_document(c):
    """20 MB: refused before any work (geo.corpus.manifest.MAX_DOCUMENT_MB)."""
    text = (SEEDS / _txt(D1)).read_text(encoding="utf-8")
    with (c / _txt(D1)).open("w", encoding="utf-8") as f:
        for _ in range(20_000_000 // len(text.encode()) + 1):
            f.write(text)
    return ["documents.csv:3", _txt(D1), "more than the 10 MB a document may hold", "--max-document-mb"]


def file_name(value, *expected):
    return cell("file", value, *expected)


def doc_id(value):
    return cell("id", value, f"invalid id {value!r}")


def extra_cell(c):
    rows = read_manifest(c)
    rows[2].append("one too many")
    write_manifest(c, rows)
    return ["documents.csv:3", "expected 7 fields, found 8"]


def missing_cell(c):
    rows = read_manifest(c)
    del rows[4][-1]
    write_manifest(c, rows)
    return ["documents.csv:5", "expected 7 fields, found 6"]


def missing_column(c):
    rows = read_manifest(c)
    write_manifest(c, [r[:4] + r[5:] for r in rows])  # no author
    return ["documents.csv:1", "lacks column(s): author"]


def missing_value(c):
    set_cell(c, 4, "url", "")
    return ["documents.csv:4", "missing value for url"]


def link_outside(c):
    outside = c.parent / "outside.txt"
    outside.write_text("Rockets hit Baghdad.", encoding="utf-8")
    (c / _txt(D0)).unlink()
    (c / _txt(D0)).symlink_to(outside)
    return ["documents.csv:2", _txt(D0), "a link to a file outside the corpus folder"]


def field_over_csv_limit(c):
    set_cell(c, 5, "title", "A" * 200_000)  # the csv module refuses a field over 131,072 characters
    return ["documents.csv:5", "field larger than field limit"]


REFUSED = [missing_manifest, empty_manifest, row_without_file, file_without_row, duplicate_id,
           date("2023-02-30", "day is out of range"), date("2023-13-01", "month must be in 1..12"),
           date("", "missing value for published"), date("last Tuesday", "expected YYYY-MM-DD"),
           date("16/11/2023", "expected YYYY-MM-DD"),
           manifest_not_utf8, document_not_utf8, binary_document, huge_document,
           file_name(f"../seeds/{_txt(D0)}", "not the name of a file in the corpus folder"),
           file_name("..", "not the name of a file in the corpus folder"),
           file_name(f"sub/{_txt(D0)}", "not the name of a file in the corpus folder"),
           doc_id("a/b"), doc_id("<script>alert(1)</script>"), doc_id("../../etc/passwd"), doc_id(".hidden"),
           extra_cell, missing_cell, missing_column, missing_value, link_outside, field_over_csv_limit]


@pytest.mark.parametrize("spoil", REFUSED, ids=lambda f: f.__name__)
def test_a_bad_corpus_is_refused_naming_file_and_line_and_the_old_site_stays(spoil, tmp_path, old_site):
    corpus = spoilt_seeds(tmp_path)
    expected = spoil(corpus)
    result = geo("build", "--corpus", corpus, "--out", old_site.out)
    assert_refused(result, str(corpus), *expected)
    assert old_site.unchanged()


def test_a_link_inside_the_corpus_is_followed(tmp_path):
    corpus = spoilt_seeds(tmp_path)
    (corpus / "original.bin").write_bytes((corpus / _txt(D0)).read_bytes())
    (corpus / _txt(D0)).unlink()
    (corpus / _txt(D0)).symlink_to("original.bin")
    result = geo("mentions", "--corpus", corpus)
    assert result.returncode == 0, result.stderr
    assert result.stdout == geo("mentions", "--corpus", SEEDS).stdout


def test_a_larger_limit_admits_a_larger_document(tmp_path):
    corpus = spoilt_seeds(tmp_path)
    (corpus / _txt(D2)).write_text("Rockets hit Baghdad. " * 60_000, encoding="utf-8")  # 1.3 MB
    assert_refused(geo("mentions", "--corpus", corpus, "--max-document-mb", "1"), "documents.csv:4", "1.3 MB")
    result = geo("mentions", "--corpus", corpus, "--max-document-mb", "2")
    assert result.returncode == 0, result.stderr
    assert sum(f'"doc":"{D2}"' in line for line in result.stdout.splitlines()) == 60_000


# -- accepted inputs: one corpus that holds them all, built once

BOM, CRLF, SPACES, UNICODE, HOSTILE = D0, D1, D2, D3, D4
UNICODE_FILE = "Ünïcødé ✓ دمشق.txt"
SPACES_FILE = "a document with spaces.txt"
TITLE = "<script>alert('title')</script><b>bold</b> & \"quotes\""
PUBLISHER = "<img src=x onerror=alert('publisher')>"
AUTHOR = '"><svg onload=alert(\'author\')>'
URLS = {BOM: "javascript:alert('url')", CRLF: " JaVaScRiPt:alert(1)", SPACES: "java\tscript:alert(1)",
        UNICODE: "data:text/html,<script>alert(1)</script>", HOSTILE: "vbscript:msgbox(1)"}
# Controls inside and around place names: NUL, a right-to-left override and a zero-width
# joiner, a zero-width space, a soft hyphen and a BOM in the middle of the text.
CONTROLS = ("Rockets hit Ain\x00al-Asad and Ain al-\u200dAsad on Monday. Drones flew over \u202eBaghdad\u202c and "
            "Bagh\u200bdad.\nErbil\u00ad airport was hit. Protesters met in Sadr\x00\x00City near \ufeffBasra.\n")


# Line ends of a lone carriage return (old Mac files): a CSV cell holding one must be quoted
CR_ONLY = ("Drones struck Ain al-Asad air base\ron Monday, the Pentagon said.\rRockets hit Baghdad and\rErbil "
           "on 7 January.\r")


@pytest.fixture(scope="module")
def accepted(tmp_path_factory):
    """A corpus of every kind of accepted oddity, its site and its mentions (and the
    seeds' mentions, to compare with)."""
    tmp = tmp_path_factory.mktemp("accepted")
    corpus = spoilt_seeds(tmp)
    rows = read_manifest(corpus)
    header = rows[0] + ["reviewer's note"]  # an extra column: ignored
    body = {r[0]: r + ["<script>alert('note')</script>"] for r in rows[1:]}
    bom = corpus / _txt(BOM)
    bom.write_bytes(b"\xef\xbb\xbf" + bom.read_bytes())
    crlf = corpus / _txt(CRLF)
    crlf.write_bytes(crlf.read_bytes().replace(b"\n", b"\r\n"))
    (corpus / _txt(SPACES)).rename(corpus / SPACES_FILE)
    body[SPACES][1] = SPACES_FILE
    (corpus / _txt(UNICODE)).rename(corpus / UNICODE_FILE)
    body[UNICODE][1] = UNICODE_FILE
    body[HOSTILE][2:5] = [TITLE, PUBLISHER, AUTHOR]
    for doc, url in URLS.items():
        body[doc][6] = url
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "controls.txt").write_text(CONTROLS, encoding="utf-8")
    (corpus / "cr.txt").write_bytes(CR_ONLY.encode("utf-8"))
    body["empty"] = ["empty", "empty.txt", "An empty document", "P", "", "2024-01", "https://example.org/e", ""]
    body["controls"] = ["controls", "controls.txt", "Controls", "P", "", "2024-01-09", "https://example.org/c", ""]
    body["cr"] = ["cr", "cr.txt", "Old Mac\rline ends", "P", "", "2024-01-08", "https://example.org/cr", ""]
    write_manifest(corpus, [header, *body.values()], newline="\r\n", bom=True)
    out = tmp / "site"
    build = geo("build", "--corpus", corpus, "--out", out)
    mentions = geo("mentions", "--corpus", corpus)
    mentions_csv = geo("mentions", "--corpus", corpus, "--format", "csv", "--out", tmp / "mentions.csv")
    seeds = geo("mentions", "--corpus", SEEDS)
    assert build.returncode == mentions.returncode == mentions_csv.returncode == seeds.returncode == 0, build.stderr
    by_doc: dict[str, list[dict]] = {}
    for line in mentions.stdout.splitlines():
        record = json.loads(line)
        by_doc.setdefault(record["doc"], []).append(record)
    seed_mentions: dict[str, list[dict]] = {}
    for line in seeds.stdout.splitlines():
        record = json.loads(line)
        seed_mentions.setdefault(record["doc"], []).append(record)
    files = {r[0]: r[1] for r in body.values()}
    return corpus, out, by_doc, seed_mentions, files


def _text(corpus, file):
    text = (corpus / file).read_bytes().decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


def test_every_mention_of_every_accepted_document_has_exact_offsets(accepted):
    corpus, _, mentions, _, files = accepted
    assert set(mentions) == set(files) - {"empty"}
    for doc, records in mentions.items():
        text = _text(corpus, files[doc])
        for m in records:
            assert text[m["start"]:m["end"]] == m["surface"], m
            assert text[m["sentence_start"]:m["sentence_start"] + len(m["sentence"])] == m["sentence"], m


def test_a_bom_is_stripped_and_the_offsets_are_those_of_the_text_without_it(accepted):
    corpus, out, mentions, seeds, _ = accepted
    assert mentions[BOM] == seeds[BOM]
    page = (out / "docs" / f"{BOM}.html").read_text(encoding="utf-8")
    assert "\ufeff" not in page


def test_crlf_documents_and_manifest_keep_their_offsets(accepted):
    corpus, out, mentions, seeds, files = accepted
    assert [m["surface"] for m in mentions[CRLF]] == [m["surface"] for m in seeds[CRLF]]
    page = (out / "docs" / f"{CRLF}.html").read_text(encoding="utf-8")
    assert all(f'id="m-{m["start"]}-{m["end"]}"' in page for m in mentions[CRLF])


def test_file_names_with_spaces_and_any_script_are_read(accepted):
    _, out, mentions, seeds, _ = accepted
    for doc in (SPACES, UNICODE):
        assert mentions[doc] == seeds[doc]
        assert (out / "docs" / f"{doc}.html").is_file()


def test_an_empty_document_has_a_page_and_no_mentions(accepted):
    _, out, mentions, _, _ = accepted
    assert "empty" not in mentions and (out / "docs" / "empty.html").is_file()


def test_controls_inside_place_names_keep_offsets_exact(accepted):
    corpus, _, mentions, _, _ = accepted
    surfaces = {m["surface"] for m in mentions["controls"]}
    assert {"Ain\x00al-Asad", "Ain al-\u200dAsad", "Sadr\x00\x00City", "Erbil\u00ad airport"} <= surfaces, surfaces
    assert all(CONTROLS[m["start"]:m["end"]] == m["surface"] for m in mentions["controls"])


class _Elements(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


_SCRIPT_URL = re.compile(r"^[\x00-\x20]*(?:j[\t\n\r]*a[\t\n\r]*v[\t\n\r]*a[\t\n\r]*s[\t\n\r]*c[\t\n\r]*r[\t\n\r]*i"
                         r"[\t\n\r]*p[\t\n\r]*t|vbscript|data)[\t\n\r]*:", re.I)


def test_hostile_titles_and_urls_are_text_never_markup_or_links(accepted):
    _, out, _, _, _ = accepted
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        parser = _Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in parser.elements:
            assert tag not in ("img", "svg", "b", "iframe", "object"), (page, tag, attrs)
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
            for name in ("href", "src", "action", "formaction"):
                assert not _SCRIPT_URL.match(attrs.get(name) or ""), (page, tag, attrs)
            if tag == "script":
                assert page.name == "index.html" or attrs.get("src"), (page, attrs)
    document = (out / "docs" / f"{HOSTILE}.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;" in document
    assert "&lt;img src=x onerror=alert(&#39;publisher&#39;)&gt;" in document


def test_the_map_data_carries_hostile_strings_as_json_text(accepted):
    _, out, _, _, _ = accepted
    text = (out / "data" / "map-data.js").read_text(encoding="utf-8")
    assert text.startswith("window.GEO_DATA = ") and text.endswith(";\n")
    data = json.loads(text[len("window.GEO_DATA = "):-2])
    docs = {d[0]: d for d in data["docs"]}
    assert docs[HOSTILE][1:3] == [TITLE, PUBLISHER] and docs[BOM][4] == URLS[BOM]
    # the map's popups link an original only when it is http(s) (panel.js)
    assert '/^https?:\\/\\//.test(doc[DOC.url])' in (out / "assets" / "panel.js").read_text(encoding="utf-8")


def test_the_manifest_is_published_as_given(accepted):
    corpus, out, _, _, _ = accepted
    assert (out / "data" / "documents.csv").read_bytes() == (corpus / "documents.csv").read_bytes()



def _csv_rows(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_files_read_back_row_for_row_whatever_the_text_holds(accepted):
    corpus, out, mentions, _, _ = accepted
    records = [m for doc in sorted(mentions) for m in mentions[doc]]
    for path in (out / "data" / "mentions.csv", out.parent / "mentions.csv"):
        rows = _csv_rows(path)
        assert len(rows) == len(records) and all(None not in row for row in rows), path
        assert [(r["doc"], r["surface"], r["sentence"]) for r in rows] == \
            [(m["doc"], m["surface"], m["sentence"]) for m in records], path
    assert any("\r" in m["sentence"] for m in mentions["cr"])
    events = _csv_rows(out / "data" / "events.csv")
    features = json.loads((out / "data" / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert all(None not in row and row["id"].startswith("ev-") for row in events)
    assert {f["properties"]["id"] for f in features} <= {e["id"] for e in events}
    assert any(e["doc"] == "cr" and "\r" in e["quote"] for e in events)


@pytest.mark.parametrize("command", ["build", "mentions", "events", "gazetteer gaps"])
def test_a_bad_corpus_is_refused_before_the_heavy_libraries_load(command, tmp_path):
    """At once: the manifest is checked before the geoparser, the map or the site is imported."""
    corpus = spoilt_seeds(tmp_path)
    set_cell(corpus, 2, "published", "2023-02-30")
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "geo", *command.split(), "--corpus", str(corpus),
                             "--out", str(tmp_path / "out")], cwd=ROOT, env=ENV, capture_output=True, text=True)
    assert result.returncode == 2 and "documents.csv:2: published '2023-02-30'" in result.stderr
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "geo.corpus" in imported and not imported & {"geo.geoparse", "geo.site", "folium", "geopandas", "numba"}


# -- accepted inputs that crashed the events stage (fixed: an OverflowError of date arithmetic, a toll beyond 64 bits)

def test_a_relative_date_reaching_before_year_one_is_no_crash(tmp_path):
    corpus = one_document(tmp_path / "c", "Drones struck Ain al-Asad air base last week, the Pentagon said.\n",
                          published="0001-01-03")
    result = geo("events", "--corpus", corpus)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-500:]


def test_an_absurd_toll_is_no_crash(tmp_path):
    corpus = one_document(tmp_path / "c", "Rockets hit Tower 22 on Monday, killing 99999999999999999999999 people.\n")
    result = geo("events", "--corpus", corpus)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-500:]
