"""Every link to a passage (a quote "#q-", a mention "#m-", a site page's entry "#c-")
lands on an element that exists and whose text is that passage: checked for every link
of every page of three built sites: the seeds, a synthetic corpus, and the real dev
corpus (where two quotes open at one offset)."""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from helpers import ROOT

from geo.corpus import open_corpus
from geo.evaluate.synth import generate
from geo.site.build import build_site
from geo.site.pages import _pieces


class _Page(HTMLParser):
    """A page's links, and the text of each element with an id or a data-part."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.texts: dict[str, list[str]] = {}  # id, or the quote a piece belongs to -> its texts
        self.ids: set[str] = set()
        self._open: list[list[str]] = []  # for each open element, the names it collects under
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        names = [n for n in (attrs.get("id"), attrs.get("data-part")) if n]
        self.ids.update(n for n in [attrs.get("id")] if n)
        for name in dict.fromkeys(names):
            self.texts.setdefault(name, [""])
            if attrs.get("id") is None:  # a later piece of a quote: its text goes on
                self.texts[name].append("")
        self._open.append(list(dict.fromkeys(names)))

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        for names in self._open:
            for name in names:
                self.texts[name][-1] += data


def _passage_links(site: Path):
    pages = {p: _Page(p.read_text(encoding="utf-8")) for p in site.rglob("*.html")}
    for page, parsed in pages.items():
        for href in parsed.links:
            if "#" not in href or href.startswith(("http", "index.html", "../index.html")):
                continue
            target, fragment = href.split("#", 1)
            if fragment[:2] not in ("q-", "m-", "c-"):
                continue
            path = Path(unquote(urljoin(page.as_uri(), target or page.name)).removeprefix("file://"))
            yield page, href, path, pages.get(path), unquote(fragment)


@pytest.fixture(scope="module", params=["seeds", "synthetic", "real"])
def built(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    corpus = {"seeds": ROOT / "seeds", "real": ROOT / "tests" / "fixtures" / "real" / "dev"}.get(request.param) \
        or generate(folder / "corpus", 2000, size=3000)  # the 2,000-document site of the browser tests
    build_site(open_corpus(corpus), folder / "site")
    return open_corpus(corpus), folder / "site"


def test_every_passage_link_lands_on_its_passage(built):
    corpus, site = built
    texts = {doc.id: corpus.read(doc) for doc in corpus}
    checked = 0
    for page, href, path, target, fragment in _passage_links(site):
        assert target is not None, f"{page.name}: {href} names no page"
        assert fragment in target.ids, f"{page.name}: {href} names no element"
        if fragment[:2] in ("q-", "m-"):
            start, end = map(int, fragment[2:].split("-"))
            doc = path.stem
            assert "".join(target.texts[fragment]) == texts[doc][start:end], f"{page.name}: {href}"
        checked += 1
    assert checked > 50


def _mention(start, end):
    from geo.geoparse import Mention
    return Mention("d", start, end, "x" * (end - start), "", "", "", "", None, None, True, "literal", "unresolved",
                   None, None, "", (), "", 0)


def test_quotes_that_open_together_or_cross_keep_their_own_anchors_and_text():
    text = "Alpha beta gamma. Delta epsilon zeta."
    quotes = [(0, 17), (0, 37), (6, 30), (8, 17)]  # two open at 0; one crosses the first's end; one opens in a mention
    pieces = _pieces(text, [_mention(6, 10)], quotes, gazetteer=None)
    html = "".join(item if kind == "text" else "" for kind, item in pieces)
    assert html == text
    anchors = [item.id for kind, item in pieces if kind == "quote" and item.id]
    assert sorted(anchors) == ["q-0-17", "q-0-37", "q-6-30", "q-8-17"]
    assert [item.id for kind, item in pieces if kind == "mention"] == ["m-6-10"]  # a mention is never cut
    depth = 0
    for kind, _ in pieces:  # well nested: every piece closed in the order opened
        depth += kind in ("quote", "mention")
        depth -= kind.startswith("end-")
        assert depth >= 0
    assert depth == 0
