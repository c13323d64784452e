"""The site build: content, escaping, determinism, atomicity (no browser needed)."""

import shutil

import pytest
from helpers import ROOT, hostile_corpus

from geo.cli import main
from geo.corpus import open_corpus
from geo.site.build import build_site


def test_document_text_is_escaped_everywhere(tmp_path):
    out = tmp_path / "site"
    build_site(open_corpus(hostile_corpus(tmp_path)), out)
    pages = [out / "docs" / "x1.html", out / "sites" / "ain-al-asad.html", out / "pages" / "documents.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and "<i>Pub" not in html
        assert "javascript:" not in html
    doc_html = pages[0].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;doc&#34;)&lt;/script&gt;" in doc_html
    assert 'id="m-' in doc_html and 'href="../sites/ain-al-asad.html#c-x1-' in doc_html


def test_a_failing_build_leaves_the_previous_site(tmp_path, monkeypatch):
    out = tmp_path / "site"
    corpus = open_corpus(ROOT / "seeds")
    build_site(corpus, out)
    before = (out / "index.html").read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("geo.site.build.document_page", broken)
    with pytest.raises(RuntimeError):
        build_site(corpus, out)
    assert (out / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]  # the lock stays (geo.site.publish)


def test_invalid_corpus_leaves_the_previous_site(tmp_path):
    out = tmp_path / "site"
    assert main(["build", "--corpus", str(ROOT / "seeds"), "--out", str(out)]) == 0
    bad = tmp_path / "bad"
    shutil.copytree(ROOT / "seeds", bad)
    (bad / "stray.txt").write_text("no manifest row", encoding="utf-8")
    assert main(["build", "--corpus", str(bad), "--out", str(out)]) == 2
    assert (out / "index.html").exists()


def test_site_layout_and_no_cdn(tmp_path):
    out = tmp_path / "site"
    counts = build_site(open_corpus(ROOT / "seeds"), out)
    for rel in ("index.html", "lib/leaflet/leaflet.js", "lib/leaflet/leaflet.css", "data/sites.geojson",
                "data/events.geojson", "data/events.csv", "data/mentions.csv", "data/map-data.js"):
        assert (out / rel).is_file(), rel
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "cdn" not in html.lower() and "https://code.jquery" not in html
    assert counts["markers"] >= 30 and len(list((out / "docs").glob("*.html"))) == 5
    assert len(list((out / "sites").glob("*.html"))) == counts["site_pages"]


def test_map_data_written_row_by_row_is_the_json_of_the_whole():
    import io
    import json

    from geo.site.mapdata import _write_object

    members = {"sites": [["a", "Ḥumaymah \"x\"", 31.5, None, ["Al-Baghdadi", "b\\c"]]], "empty": [],
               "months": ["2023-10", "2023-11"], "events": ([i, [i, i + 1], -1.25, True] for i in range(3))}
    out = io.StringIO()
    _write_object(out, members)
    members["events"] = [[i, [i, i + 1], -1.25, True] for i in range(3)]
    assert out.getvalue() == json.dumps(members, sort_keys=True)


def test_the_build_leaves_no_scratch_files(tmp_path):
    build_site(open_corpus(ROOT / "seeds"), tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_a_much_cited_site_is_paged_with_every_entry_once_in_order(tmp_path, monkeypatch):
    import re

    whole = tmp_path / "whole"
    build_site(open_corpus(ROOT / "seeds"), whole)
    monkeypatch.setattr("geo.site.pages.PER_PAGE", 4)
    paged = tmp_path / "paged"
    build_site(open_corpus(ROOT / "seeds"), paged)
    entry = re.compile(r'<article class="event"><h3 id="[^"]+"|<section class="doc"><h3>.*?</h3>')
    expected = entry.findall((whole / "sites" / "ain-al-asad.html").read_text(encoding="utf-8"))
    assert len(expected) > 4 and not (whole / "sites" / "ain-al-asad-2.html").exists()
    pages, name = [], "ain-al-asad.html"
    while name:
        html = (paged / "sites" / name).read_text(encoding="utf-8")
        pages.append(entry.findall(html))
        assert f"Page {len(pages)} of " in html
        following = re.search(r'<a rel="next" href="([^"]+)"', html)
        name = following.group(1) if following else None
    assert [len(p) for p in pages] == [4] * (len(expected) // 4) + ([len(expected) % 4] if len(expected) % 4 else [])
    assert [e for p in pages for e in p] == expected
    assert 'rel="prev" href="ain-al-asad.html"' in (paged / "sites" / "ain-al-asad-2.html").read_text(encoding="utf-8")
    # a document's mention links to its entry, on whichever page lists it
    links = [link for page in (paged / "docs").glob("*.html")
             for link in re.findall(r'href="\.\./sites/([^"#]+)#(c-[^"]+)"', page.read_text(encoding="utf-8"))]
    assert any(name != "ain-al-asad.html" and name.startswith("ain-al-asad") for name, _ in links)
    for name, anchor in links:
        assert f'id="{anchor}"' in (paged / "sites" / name).read_text(encoding="utf-8"), (name, anchor)


def test_every_page_names_its_language_and_lets_a_phone_zoom(tmp_path):
    out = tmp_path / "site"
    build_site(open_corpus(ROOT / "seeds"), out)
    for page in [out / "index.html", *(out / "docs").glob("*.html"), *(out / "sites").glob("*.html")]:
        html = page.read_text(encoding="utf-8")
        assert '<html lang="en">' in html, page.name
        assert "user-scalable=no" not in html and "maximum-scale" not in html, page.name


def test_site_pages_say_statuses_and_positions_in_words(tmp_path):
    out = tmp_path / "site"
    build_site(open_corpus(ROOT / "seeds"), out)
    html = "".join(page.read_text(encoding="utf-8") for page in (out / "sites").glob("*.html"))
    assert "claimed|confirmed" not in html and "confirmed by the targeted side" in html
    assert " layer, approximate" not in html and "a curated coordinate, with its source" in html


def test_the_about_page_and_the_indexes_of_documents_and_sites(tmp_path):
    import csv
    import re
    from urllib.parse import unquote

    out = tmp_path / "site"
    counts = build_site(open_corpus(ROOT / "seeds"), out)
    about = (out / "pages" / "about.html").read_text(encoding="utf-8")
    assert f"{counts['documents']} documents" in about and f"{counts['events']} events were found" in about
    manifest = list(csv.DictReader((ROOT / "seeds" / "documents.csv").open(encoding="utf-8")))
    documents = (out / "pages" / "documents.html").read_text(encoding="utf-8")
    assert sorted(re.findall(r'href="\.\./docs/([^"]+)\.html"', documents)) == sorted(r["id"] for r in manifest)
    sites = (out / "pages" / "sites.html").read_text(encoding="utf-8")
    listed = re.findall(r'href="\.\./sites/([^"]+)\.html"', sites)
    stems = {p.stem for p in (out / "sites").glob("*.html")}
    later_pages = {s for s in stems if re.fullmatch(r"(.+)-\d+", s) and re.fullmatch(r"(.+)-\d+", s).group(1) in stems}
    assert sorted(listed) == sorted(stems - later_pages)
    for page in (out / "pages").glob("*.html"):  # every link of these pages lands on a file
        for href in re.findall(r'href="([^"#]+)', page.read_text(encoding="utf-8")):
            assert (page.parent / unquote(href)).resolve().is_file(), (page.name, href)
    assert 'href="pages/about.html"' in (out / "index.html").read_text(encoding="utf-8")


def test_a_sites_coordinate_source_is_a_link_when_it_is_a_web_page(tmp_path):
    out = tmp_path / "site"
    build_site(open_corpus(ROOT / "seeds"), out)
    html = (out / "sites" / "ain-al-asad.html").read_text(encoding="utf-8")
    assert 'coordinate source: <a href="https://' in html


def test_every_document_page_keys_the_marks_its_text_uses(tmp_path):
    import re

    out = tmp_path / "site"
    build_site(open_corpus(ROOT / "seeds"), out)
    pages = sorted((out / "docs").glob("*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        key, text = html.split('<div class="text">', 1)
        keyed = {c for classes in re.findall(r'<span class="(mention[a-z ]*)">', key) for c in classes.split()}
        used = {c for classes in re.findall(r'<a class="(mention[a-z ]*)"', text) for c in classes.split()}
        assert '<details class="key"' in key and len(used) > 1 and used <= keyed, (page.name, used - keyed)
