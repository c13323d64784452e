"""A hostile corpus's site in Chromium (issue 16): payloads in every field of the manifest,
in the text around place names and in a curated event, and a shared link whose fragment
is one.  The map (a popup, the search, the event table), a site page, the document pages
and the index are opened and used; no dialog opens, no script error is logged, no element
carries an event handler and nothing is fetched from outside the site."""

import csv
from urllib.parse import quote

import pytest
from browsing import Page, playwright_or_skip
from faulting import geo

playwright_api = playwright_or_skip()

PAYLOADS = ["<img src=x onerror=alert('img')>", "</script><script>alert('script')</script>",
            "\"><svg onload=alert('svg')>", "javascript:alert('url')", "'-alert('quote')-'", "${alert('template')}",
            "<iframe src=javascript:alert('iframe')>", "\u2028\u2029</textarea>"]
TEXT = ("Rockets hit Ain al-Asad on 7 November. {0} Drones struck Al-Tanf garrison {1} on Monday.\n"
        "Protesters gathered in Baghdad {2} and Erbil {3}.\n")
CURATED = ("action,doc,quote,date,date_end,time_precision,site_ids,sub_event_type,actor,target,weapon,killed,wounded,"
           "status,note\n")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    corpus = folder / "corpus"
    corpus.mkdir()
    with (corpus / "documents.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerow(["id", "file", "title", "publisher", "author", "published", "url"])
        for i, (title, publisher, author, url) in enumerate([
                (PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], PAYLOADS[3]),
                (PAYLOADS[1] + PAYLOADS[4], PAYLOADS[2], PAYLOADS[0], "https://example.org/" + PAYLOADS[2]),
                (PAYLOADS[5] + PAYLOADS[6], PAYLOADS[7], "", "data:text/html,<script>alert('data')</script>")]):
            writer.writerow([f"x{i}", f"x{i}.txt", title, publisher, author, f"2023-11-{16 + i}", url])
            (corpus / f"x{i}.txt").write_text(TEXT.format(*PAYLOADS[i:i + 4]), encoding="utf-8")
    with (corpus / "events.csv").open("w", encoding="utf-8", newline="") as f:
        f.write(CURATED)
        csv.writer(f, lineterminator="\n").writerow(
            ["add", "x1", "Rockets hit Ain al-Asad on 7 November.", "2023-11-07", "", "day", "ain-al-asad",
             "Shelling/artillery/missile attack", PAYLOADS[0], PAYLOADS[2], "rocket", "", "", "claimed", PAYLOADS[1]])
    out = folder / "site"
    result = geo("build", "--corpus", corpus, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


# elements with an event handler in the markup, frames, and images of the payloads (Leaflet's own svg are fine)
_HANDLERS = ("Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)"
             ".some(a => a.name.startsWith('on'))).length + document.querySelectorAll('iframe, img[src=\"x\"]').length")


def _clean(page: Page, p) -> None:
    assert page.dialogs == [] and page.errors == [], (page.dialogs, page.errors)
    assert p.evaluate(_HANDLERS) == 0
    root = page.site.resolve().as_uri()
    assert all(url.startswith(root) for url in page.requests), [u for u in page.requests if not u.startswith(root)]


def test_a_hostile_corpus_is_text_in_every_view_of_the_browser(browser, hostile_site):
    page = Page(browser, hostile_site)
    p = page.open("index.html")
    popup = page.click_site("ain-al-asad")
    assert PAYLOADS[0] in popup.inner_text() or PAYLOADS[1] in popup.inner_text()
    for payload in PAYLOADS:  # typed into the search, chosen with Enter
        p.fill("#search", payload)
        p.keyboard.press("Enter")
    _clean(page, p)
    text = p.evaluate("document.body.innerText")
    assert PAYLOADS[0] in text  # the curated event's actor, in the event table, as text
    for path in ("sites/ain-al-asad.html", "sites/al-tanf-garrison.html", "docs/x0.html", "docs/x1.html", "docs/x2.html",
                 "pages/documents.html", "pages/sites.html"):
        p = page.open(path)
        _clean(page, p)
    assert PAYLOADS[1] + PAYLOADS[4] in page.open("docs/x1.html").inner_text("h1")
    page.page.close()


def test_a_shared_link_whose_fragment_is_hostile_opens_the_map_quietly(browser, hostile_site):
    page = Page(browser, hostile_site)
    fragment = "&".join(f"{key}={quote(PAYLOADS[i % len(PAYLOADS)])}"
                        for i, key in enumerate(["site", "type", "actor", "status", "from", "to", "colour", "q"]))
    p = page.open("index.html", "#" + fragment)
    p.wait_for_function("window.GeoApp.idle()")
    _clean(page, p)
    page.page.close()


# Names spoilt as a hostile or careless text spoils them: the search box reads them as the
# geoparser does (geo/site/assets/skeleton.js keeps in step with geo/text/normalize.py)
SPOILT_NAMES = ["Bagh\u00addad", "Ain al-A\u202esad", "\ufeffErbil", "Baghdad\u3000", "Baghdad🙂", "🇮🇶Baghdad",
                "Tan\u200df", "Sadr\u200b City", "Al\u2060-Tanf", "Basra\U000E0041", "Mosul，Erbil", "Ｂａｇｈｄａｄ"]


def test_the_search_reads_spoilt_names_as_the_geoparser_does(browser, hostile_site):
    from geo.text import skeletons

    page = Page(browser, hostile_site)
    p = page.open("index.html")
    assert p.evaluate("names => names.map(GeoApp.skeleton)", SPOILT_NAMES) == skeletons(SPOILT_NAMES)
    page.page.close()
