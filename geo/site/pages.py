"""Static HTML pages: one per site (its cited mentions and events) and one per document
(its text with every mention highlighted and anchored).  Every piece of document text is
escaped; nothing from a document reaches the page as markup."""

from __future__ import annotations

from collections import defaultdict
from html import escape
from itertools import chain, islice
from math import ceil
from typing import Iterable, Iterator, NamedTuple
from urllib.parse import quote as urlquote

from geo.corpus import Document
from geo.gazetteer import Gazetteer, Site
from geo.geoparse import Mention

PER_PAGE = 200  # entries (an event, or one document's mentions of the site) per site page


def e(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def safe_url(url: str) -> str:
    """Only http(s) links to originals; anything else is not linked."""
    return url if url.lower().startswith(("http://", "https://")) else ""


def layout(title: str, body: str, depth: int = 1) -> str:
    up = "../" * depth
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{e(title)}</title>\n<link rel="stylesheet" href="{up}assets/page.css">\n</head>\n'
            f'<body>\n<nav class="top"><a href="{up}index.html">Map</a></nav>\n<main>\n{body}\n</main>\n'
            f'<script src="{up}assets/page.js"></script>\n</body>\n</html>\n')


def _doc_line(doc: Document) -> str:
    url = safe_url(doc.url)
    original = f' · <a href="{e(url)}" rel="noopener noreferrer">original</a>' if url else ""
    return (f'<a href="../docs/{e(urlquote(doc.id))}.html">{e(doc.title)}</a> '
            f'<span class="meta">{e(doc.publisher)}, {e(doc.published)}{original}</span>')


def _sentence_with_mark(m: Mention, target: str) -> str:
    a, b = m.start - m.sentence_start, m.end - m.sentence_start
    s = m.sentence
    return f'{e(s[:a])}<a class="mark" href="{target}">{e(s[a:b])}</a>{e(s[b:])}'


class SiteTotals(NamedTuple):
    events: int
    mentions: int  # literal mentions
    documents: int  # documents that have them


def site_pages(site: Site, events: Iterable[dict], mention_groups: Iterable[tuple[str, list[Mention]]],
               totals: SiteTotals, docs: dict[str, Document], gazetteer: Gazetteer,
               per_page: int | None = None) -> Iterator[tuple[str, str]]:
    """A site's pages as (file name, HTML): its events (by date), then its cited mentions,
    grouped by document (by publication).  A page holds at most ``per_page`` entries (an
    event, or one document's mentions): a much-cited site's pages stay light, and are
    written without holding all its citations."""
    per_page = per_page or PER_PAGE
    entries = chain((("event", ev) for ev in events), (("doc", group) for group in mention_groups))
    count = max(1, ceil((totals.events + totals.documents) / per_page))
    for number in range(1, count + 1):
        batch = list(islice(entries, per_page))
        page = _SitePage(site, number, count, totals)
        yield page.file_name(number), page.html([x for kind, x in batch if kind == "event"],
                                                [x for kind, x in batch if kind == "doc"], docs, gazetteer)


class _SitePage:
    def __init__(self, site: Site, number: int, count: int, totals: SiteTotals):
        self.site, self.number, self.count, self.totals = site, number, count, totals

    def file_name(self, number: int) -> str:
        return f"{self.site.id}.html" if number == 1 else f"{self.site.id}-{number}.html"

    def html(self, events: list[dict], groups: list[tuple[str, list[Mention]]], docs: dict[str, Document],
             gazetteer: Gazetteer) -> str:
        site, totals = self.site, self.totals
        parts = [f"<h1>{e(site.name)}</h1>",
                 f'<p class="meta">{e(site.kind)} · {e(site.country)} · {site.lat:.5f}, {site.lon:.5f} '
                 f'(± {site.uncertainty_m:,} m, {"fallback layer, approximate" if site.layer == "fallback" else "curated"})'
                 f' · coordinate source: {e(site.source)}</p>',
                 f'<p><a href="../index.html#site={e(urlquote(site.id))}">Show on the map</a></p>']
        if site.aliases:
            parts.append(f'<p class="meta">Also written: {e(", ".join(site.aliases))}</p>')
        parts += self._pager()
        if events or (self.number == 1 and not totals.events):
            parts.append(f"<h2>Events ({totals.events})</h2>")
            parts.append(_events_html(events, docs, gazetteer) if events else "<p>No dated event at this site.</p>")
        if groups or (self.number == self.count and not totals.documents):
            parts.append(f"<h2>Cited mentions ({totals.mentions}, in {totals.documents} documents)</h2>")
        for doc_id, mentions in groups:
            doc = docs[doc_id]
            items = "".join(f'<li id="c-{e(doc_id)}-{m.start}">{_sentence_with_mark(m, _passage(doc_id, m.start))}</li>'
                            for m in mentions)
            parts.append(f'<section class="doc"><h3>{_doc_line(doc)}</h3><ol class="mentions">{items}</ol></section>')
        parts += self._pager()
        title = f"{site.name} — cited mentions" + (f" (page {self.number} of {self.count})" if self.count > 1 else "")
        return layout(title, "\n".join(parts))

    def _pager(self) -> list[str]:
        if self.count == 1:
            return []
        links = [f"Page {self.number} of {self.count}"]
        if self.number > 1:
            links.append(f'<a rel="prev" href="{e(urlquote(self.file_name(self.number - 1)))}">previous</a>')
        if self.number < self.count:
            links.append(f'<a rel="next" href="{e(urlquote(self.file_name(self.number + 1)))}">next</a>')
        return [f'<nav class="pager">{" · ".join(links)}</nav>']


def _passage(doc_id: str, start: int) -> str:
    return f"../docs/{e(urlquote(doc_id))}.html#m-{start}"


def _events_html(events: list[dict], docs: dict[str, Document], gazetteer: Gazetteer) -> str:
    rows = []
    for ev in events:
        flag = ' <span class="disputed">disputed: ' + e(", ".join(ev["disputed_fields"])) + "</span>" \
            if ev["disputed"] else ""
        head = (f'<h3 id="{e(ev["id"])}">{e(ev["date"])}{"" if ev["date"] == ev["date_end"] else " – " + e(ev["date_end"])}'
                f' <span class="meta">({e(ev["time_precision"])})</span> · {e(ev["sub_event_type"])}'
                f'{" · " + e(ev["actor"]) if ev["actor"] else ""} · <span class="status">{e(ev["status"])}</span>'
                f'{" · reviewed" if ev["reviewed"] else ""}{flag}</h3>')
        cells = []
        for s in ev["sources"]:
            doc = docs[s["doc"]]
            places = ", ".join(gazetteer[i].name for i in s["site_ids"]) or "no place given"
            killed = f" · killed {s['killed']}" if s["killed"] is not None else ""
            cells.append(f'<div class="claim"><p class="meta">{e(doc.publisher)}, {e(doc.published)}: '
                         f'{e(s["date"])} · {e(places)}{e(killed)} · {e(s["status"])}</p>'
                         f'<blockquote><a href="../docs/{e(urlquote(s["doc"]))}.html#q-{s["start"]}">'
                         f'{e(s["quote"])}</a></blockquote></div>')
        layout_class = "claims side-by-side" if ev["disputed"] else "claims"
        rows.append(f'<article class="event">{head}<div class="{layout_class}">{"".join(cells)}</div></article>')
    return "\n".join(rows)


def document_page(doc: Document, text: str, mentions: list[Mention], quotes: list[tuple[int, int]],
                  gazetteer: Gazetteer) -> str:
    """The full text, paragraphs kept, each mention a highlighted anchor (#m-<start>)
    linking to its site page, each event quote an anchor (#q-<start>)."""
    opens, closes = defaultdict(list), defaultdict(list)
    placed_quotes = []
    cut = {x for m in mentions for x in range(m.start + 1, m.end)}  # offsets inside a mention
    for start, end in sorted(set(quotes)):
        if all(end <= a or b <= start for a, b in placed_quotes) and start not in cut and end not in cut:
            placed_quotes.append((start, end))
            opens[start].append(f'<span class="quote" id="q-{start}">')
            closes[end].append("</span>")
    for m in mentions:
        opens[m.start].append(_mention_tag(m, gazetteer))
        closes[m.end].insert(0, "</a>")
    out, cursor = [], 0
    for point in sorted(set(opens) | set(closes)):
        out.append(e(text[cursor:point]))
        out.extend(closes.get(point, []))
        out.extend(opens.get(point, []))
        cursor = point
    out.append(e(text[cursor:]))
    url = safe_url(doc.url)
    original = f' · <a href="{e(url)}" rel="noopener noreferrer">original</a>' if url else ""
    author = f", {e(doc.author)}" if doc.author else ""
    header = f'<h1>{e(doc.title)}</h1><p class="meta">{e(doc.publisher)}{author}, {e(doc.published)}{original}</p>'
    return layout(doc.title, f'{header}\n<div class="text">{"".join(out)}</div>')


def _mention_tag(m: Mention, gazetteer: Gazetteer) -> str:
    """The anchor that opens a mention: linked to its site page when resolved."""
    if m.status != "resolved":
        return f'<a class="mention {e(m.status)}" id="m-{m.start}" title="{e(m.status)}">'
    site = gazetteer[m.site_id]
    classes = " ".join(["mention"] + (["area"] if not site.is_point else []) + ([] if m.literal else ["metonym"]))
    title = f"{site.name} ({site.kind}){'' if m.literal else ' — stands for its government'}"
    return (f'<a class="{classes}" id="m-{m.start}" href="../sites/{e(urlquote(m.site_id))}.html" '
            f'title="{e(title)}">')
