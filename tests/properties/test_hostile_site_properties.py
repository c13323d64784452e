"""Property: hostile strings in every field of the manifest (title, publisher, author, url,
an id as odd as the format allows) and in the documents' text never become markup.  For
corpora Hypothesis makes, every page of the built site is parsed (the standard library's
html.parser): its elements and attributes are only those the site's own pages use, no
attribute is an event handler, no link or source is a script URL, the only scripts are
the site's own files (and, on the map page, its two inline scripts, which carry no
document data), each title reads back as written, each http(s) link as given, and the
map's data is one JSON value holding the fields exactly."""

from __future__ import annotations

import csv
import html.parser
import json
import re
import tempfile
from pathlib import Path

import pytest
from faulting import geo
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import FIXED_UNSHRUNK, HOSTILE, PAYLOADS


class Page(html.parser.HTMLParser):
    """A page's elements, its scripts' text and its <h1>'s text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.inline_scripts: list[str] = []
        self.h1, self._in = "", ""
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in = tag
        if tag == "script" and not dict(attrs).get("src"):
            self.inline_scripts.append("")

    def handle_endtag(self, tag):
        self._in = ""

    def handle_data(self, data):
        if self._in == "script" and self.inline_scripts:
            self.inline_scripts[-1] += data
        elif self._in == "h1":
            self.h1 += data


def _pages(site: Path) -> dict[str, Page]:
    return {str(p.relative_to(site)): Page(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def baseline(seeds_site):
    """What the site's own pages are made of: their elements, attributes and scripts."""
    pages = _pages(seeds_site)
    tags = {tag for page in pages.values() for tag, _ in page.elements}
    attributes = {name for page in pages.values() for _, attrs in page.elements for name in attrs}
    sources = {path: sorted(a["src"] for tag, a in page.elements if tag == "script" and a.get("src"))
               for path, page in pages.items()}
    assert not tags & {"img", "svg", "iframe", "textarea", "object", "embed", "math", "form"}
    assert not any(name.startswith("on") for name in attributes)
    return tags, attributes, sources["index.html"], sources["pages/about.html"], len(pages["index.html"].inline_scripts)


_SCRIPT_URL = re.compile(r"^[\x00-\x20]*(?:javascript|vbscript|data)[\t\n\r]*:", re.I)
IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,10}", fullmatch=True)
FIELDS = HOSTILE.filter(lambda s: s.strip() and s == s.strip())  # the manifest strips its cells
URLS = st.one_of(FIELDS, FIELDS.map(lambda s: "https://example.org/" + s))
NAMES = ["Ain al-Asad", "Baghdad", "Al-Tanf garrison", "Erbil", "Tower 22"]
TEXTS = st.lists(st.one_of(HOSTILE, st.sampled_from(NAMES), st.sampled_from([". ", ".\n\n", " "])), max_size=25).map(
    lambda parts: "Drones struck Ain al-Asad on Monday. " + " ".join(parts) + " Rockets hit Baghdad.")
DOCUMENTS = st.lists(st.fixed_dictionaries({"id": IDS, "title": FIELDS, "publisher": FIELDS, "author": HOSTILE,
                                            "url": URLS, "text": TEXTS}),
                     min_size=1, max_size=3, unique_by=lambda d: d["id"])


@settings(FIXED_UNSHRUNK, max_examples=4)
@given(documents=DOCUMENTS)
def test_hostile_fields_and_text_never_become_markup(baseline, documents):
    tags, attributes, map_scripts, page_scripts, inline_scripts = baseline
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        with (corpus / "documents.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_ALL)  # a lone CR in a cell too
            writer.writerow(["id", "file", "title", "publisher", "author", "published", "url"])
            for i, d in enumerate(documents):
                writer.writerow([d["id"], f"{i}.txt", d["title"], d["publisher"], d["author"].strip(), "2024-01-29",
                                 d["url"]])
                (corpus / f"{i}.txt").write_text(d["text"], encoding="utf-8")
        site = Path(folder) / "site"
        result = geo("build", "--corpus", corpus, "--out", site)
        assert result.returncode == 0, result.stderr
        pages = _pages(site)
        for path, page in pages.items():
            for tag, attrs in page.elements:
                assert tag in tags, (path, tag, attrs)
                assert set(attrs) <= attributes, (path, tag, attrs)
                for name in ("href", "src"):
                    assert not _SCRIPT_URL.match(attrs.get(name) or ""), (path, tag, attrs)
            scripts = sorted(a["src"] for tag, a in page.elements if tag == "script" and a.get("src"))
            assert scripts == (map_scripts if path == "index.html" else page_scripts), path
            assert len(page.inline_scripts) == (inline_scripts if path == "index.html" else 0), path
            assert not any(p in script for p in PAYLOADS if len(p) > 3 for script in page.inline_scripts), path
        data = (site / "data" / "map-data.js").read_text(encoding="utf-8")
        assert data.startswith("window.GEO_DATA = ") and data.endswith(";\n")
        rows = {row[0]: row for row in json.loads(data[len("window.GEO_DATA = "):-2])["docs"]}
        for d in documents:
            assert rows[d["id"]][1:3] == [d["title"], d["publisher"]] and rows[d["id"]][4] == d["url"]
            page = pages[f"docs/{d['id']}.html"]
            assert page.h1 == d["title"]
            links = [a["href"] for tag, a in page.elements if tag == "a" and a.get("rel") == "noopener noreferrer"]
            assert links == ([d["url"]] if d["url"].startswith("https://") else [])
