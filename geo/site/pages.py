"""Static HTML pages: one per site (its cited mentions and events) and one per document
(its text with every mention highlighted and anchored), rendered from the Jinja2
templates in ``geo/site/templates`` with autoescaping: nothing from a document reaches a
page as markup."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from itertools import chain, islice
from math import ceil
from typing import Iterable, Iterator, Mapping, NamedTuple
from urllib.parse import quote as urlquote

from jinja2 import Environment, PackageLoader, StrictUndefined

from geo.corpus import Document
from geo.events import EVENT_KINDS, STATUSES, TIME_PRECISIONS, EventRecord, TellingRecord
from geo.gazetteer import GEO_PRECISIONS, LAYER_MEANINGS, Gazetteer, Site
from geo.geoparse import READINGS, Mention

__all__ = ["PER_PAGE", "SiteTotals", "about_pages", "anchor", "document_page", "site_page_name", "site_pages",
           "status_words", "web_url"]

PER_PAGE = 200  # entries (an event, or one document's mentions of the site) per site page


def anchor(prefix: str, start: int, end: int) -> str:
    """A passage's anchor, named by both its offsets (two quotes may open at one offset):
    "q" a quote and "m" a mention on its document page, "c-<doc>" a mention's entry on
    its site's page."""
    return f"{prefix}-{start}-{end}"


def status_words(status: str) -> str:
    """A record's status as a reader says it: "claimed by a faction and confirmed by the
    targeted side", not "claimed|confirmed"."""
    return " and ".join(STATUSES.get(part, part) for part in status.split("|"))


def site_page_name(site: str, number: int) -> str:
    """The file of a site's page ``number``: ``<id>.html``, then ``<id>-2.html`` ..."""
    return f"{site}.html" if number == 1 else f"{site}-{number}.html"


def web_url(url: str) -> bool:
    """Only http(s) links to originals: anything else (javascript:, data:) is not linked."""
    return url.lower().startswith(("http://", "https://"))


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("geo.site", "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True, undefined=StrictUndefined,
                      auto_reload=False)  # templates do not change during a build: no stat per page
    env.filters.update(urlquote=urlquote, thousands="{:,}".format, web_url=web_url)
    return env


TEMPLATES = _environment()


class SiteTotals(NamedTuple):
    events: int
    mentions: int  # literal mentions
    documents: int  # documents that have them


class _Page(NamedTuple):
    """Where a page of a site stands among its pages."""

    site: str
    number: int
    total: int

    def name(self, number: int) -> str:
        return site_page_name(self.site, number)

    @property
    def previous(self) -> str:
        return self.name(self.number - 1)

    @property
    def next(self) -> str:
        return self.name(self.number + 1)


def site_pages(site: Site, events: Iterable[EventRecord], mention_groups: Iterable[tuple[str, list[Mention]]],
               totals: SiteTotals, docs: Mapping[str, Document], gazetteer: Gazetteer,
               per_page: int | None = None) -> Iterator[tuple[str, str]]:
    """A site's pages as (file name, HTML): its events (by date), then its cited mentions,
    grouped by document (by publication).  A page holds at most ``per_page`` entries (an
    event, or one document's mentions): a much-cited site's pages stay light, and are
    written without holding all its citations."""
    per_page = per_page or PER_PAGE
    entries: Iterator[EventRecord | tuple[str, list[Mention]]] = chain(events, mention_groups)
    count = max(1, ceil((totals.events + totals.documents) / per_page))
    template = TEMPLATES.get_template("site.html")

    for number in range(1, count + 1):
        batch = list(islice(entries, per_page))
        page = _Page(site.id, number, count)
        title = f"{site.name} — cited mentions" + (f" (page {number} of {count})" if count > 1 else "")
        page_events = [_event_view(e, docs, gazetteer) for e in batch if isinstance(e, dict)]
        groups = [_group_view(docs[e[0]], e[1]) for e in batch if isinstance(e, tuple)]
        yield page.name(number), template.render(title=title, site=site, page=page, totals=totals,
                                                 layer_meanings=LAYER_MEANINGS,
                                                 events=page_events, groups=groups)


# What a page shows of a record, its text composed here and escaped by the template: one
# value per piece of markup keeps the rendering of much-cited sites fast.

class _EventView(NamedTuple):
    id: str
    when: str  # its date, or its dates
    precision: str
    what: str  # its type, and its actor
    status: str
    reviewed: bool
    disputed: str  # what is disputed, or nothing
    tellings: list[_TellingView]


def _event_view(e: EventRecord, docs: Mapping[str, Document], gazetteer: Gazetteer) -> _EventView:
    return _EventView(e["id"], e["date"] if e["date"] == e["date_end"] else f"{e['date']} – {e['date_end']}",
                      e["time_precision"], e["sub_event_type"] + (f" · {e['actor']}" if e["actor"] else ""),
                      status_words(e["status"]), e["reviewed"], ", ".join(e["disputed_fields"]) if e["disputed"] else "",
                      [_telling_view(t, docs, gazetteer) for t in e["sources"]])


class _TellingView(NamedTuple):
    meta: str  # who told it, when, where, the toll and the status
    href: str  # the quote in its document
    quote: str


def _telling_view(t: TellingRecord, docs: Mapping[str, Document], gazetteer: Gazetteer) -> _TellingView:
    doc = docs[t["doc"]]
    places = ", ".join(gazetteer[i].name for i in t["site_ids"]) or "no place given"
    killed = f" · killed {t['killed']}" if t["killed"] is not None else ""
    return _TellingView(f"{doc.publisher}, {doc.published}: {t['date']} · {places}{killed} · {status_words(t['status'])}",
                        f"../docs/{urlquote(t['doc'])}.html#{anchor('q', t['start'], t['end'])}", t["quote"])


class _GroupView(NamedTuple):
    """A document's cited mentions of a site."""

    doc: Document
    href: str  # the document's page
    meta: str  # its publisher and date
    mentions: list[_Cited]


class _Cited(NamedTuple):
    """A cited mention in its sentence: the words before it, its own, and those after."""

    id: str  # the entry's anchor on the site page
    href: str  # the mention in its document
    before: str
    words: str
    after: str


def _group_view(doc: Document, mentions: list[Mention]) -> _GroupView:
    href = f"../docs/{urlquote(doc.id)}.html"
    cited = []
    for m in mentions:
        a, b = m.start - m.sentence_start, m.end - m.sentence_start
        cited.append(_Cited(anchor(f"c-{doc.id}", m.start, m.end), f"{href}#{anchor('m', m.start, m.end)}",
                            m.sentence[:a], m.sentence[a:b], m.sentence[b:]))
    return _GroupView(doc, href, f"{doc.publisher}, {doc.published}", cited)


def about_pages(corpus_documents: list[Document], sites: list[tuple[Site, SiteTotals]], events: int,
                map_sites: list[Site]) -> Iterator[tuple[str, str]]:
    """The About page (what the map shows and how it was made, the data files) and the
    indexes of documents and sites, as (file name, HTML), in ``pages/``."""
    layer_counts: dict[str, int] = defaultdict(int)
    for site in map_sites:
        layer_counts[site.layer] += 1
    yield "about.html", TEMPLATES.get_template("about.html").render(
        title="About this map", documents=len(corpus_documents), sites=len(sites), events=events,
        publishers=len({d.publisher for d in corpus_documents}),
        latest=max((str(d.published) for d in corpus_documents), default="—"),
        layer_meanings=LAYER_MEANINGS, layer_counts=layer_counts, readings=READINGS,
        event_types=sorted({sub for _, sub in EVENT_KINDS.values()}), time_precisions=TIME_PRECISIONS,
        statuses=STATUSES, geo_precisions=GEO_PRECISIONS)
    newest = sorted(corpus_documents, key=lambda d: (str(d.published), d.id), reverse=True)
    yield "documents.html", TEMPLATES.get_template("index_documents.html").render(title="Documents", documents=newest)
    by_name = sorted(sites, key=lambda pair: (pair[0].name.casefold(), pair[0].id))
    yield "sites.html", TEMPLATES.get_template("index_sites.html").render(title="Sites", sites=by_name)


def document_page(doc: Document, text: str, mentions: list[Mention], quotes: list[tuple[int, int]],
                  gazetteer: Gazetteer, entry_pages: Mapping[str, int] | None = None) -> str:
    """The full text, paragraphs kept, each mention a highlighted anchor (#m-<start>-<end>)
    linking to its site page, each event quote an anchor (#q-<start>-<end>).  A literal
    mention links to its own entry on the site's page that lists it (``entry_pages``:
    site -> that page's number)."""
    pieces = _pieces(text, mentions, quotes, gazetteer, entry_pages)
    return TEMPLATES.get_template("document.html").render(title=doc.title, doc=doc, pieces=pieces)


# A mention that does not cite the place itself is shown as such (page.css).
_READING_CLASSES = {"metonymic": ["metonym"], "associative_modifier": ["associative"]}


class _MentionTag(NamedTuple):
    """The anchor that opens a mention: linked to its site page when resolved."""

    id: str
    classes: str
    href: str
    title: str


def _mention_tag(m: Mention, gazetteer: Gazetteer, entry_pages: Mapping[str, int]) -> _MentionTag:
    if m.status != "resolved":
        return _MentionTag(anchor("m", m.start, m.end), f"mention {m.status}", "", m.status)
    site = gazetteer[m.site_id]
    classes = " ".join(["mention"] + ([] if site.is_point else ["area"]) + _READING_CLASSES.get(m.reading, []))
    title = f"{site.name} ({site.kind})" + ("" if m.literal else f" — {READINGS[m.reading]}")
    page = entry_pages.get(m.site_id) if m.literal else None
    href = f"../sites/{urlquote(m.site_id)}.html" if page is None else \
        f"../sites/{urlquote(site_page_name(m.site_id, page))}#{anchor(f'c-{m.doc}', m.start, m.end)}"
    return _MentionTag(anchor("m", m.start, m.end), classes, href, title)


class _QuoteTag(NamedTuple):
    """A piece of a quote: the first bears its anchor, every piece names it (``part``)."""

    id: str  # "" for the pieces after the first
    part: str


def _pieces(text: str, mentions: list[Mention], quotes: list[tuple[int, int]],
            gazetteer: Gazetteer, entry_pages: Mapping[str, int] | None = None) -> list[tuple[str, object]]:
    """The text cut where a mention or a quote opens or closes: ("text", words),
    ("quote", a _QuoteTag), ("mention", a _MentionTag), ("end-quote", None),
    ("end-mention", None), nested as HTML needs.  A quote that crosses another quote is
    cut into pieces there, each piece a span naming the quote, so that every quote keeps
    its anchor and its whole text.  A mention is never cut: a quote's edge inside one (a
    quote starts and ends with a sentence, a mention never crosses one) moves to the
    mention's edge."""
    starts = [m.start for m in mentions]  # in text order, none overlapping

    def outside(x: int, before: bool) -> int:
        """An offset moved out of the mention it falls in: to its start (``before``) or end."""
        i = bisect_right(starts, x) - 1
        if i < 0 or not mentions[i].start < x < mentions[i].end:
            return x
        return mentions[i].start if before else mentions[i].end

    spans: list[tuple[int, int, str, _MentionTag | _QuoteTag]] = [
        (outside(start, True), outside(end, False), "quote", _QuoteTag(anchor("q", start, end), anchor("q", start, end)))
        for start, end in sorted(set(quotes)) if start < end]
    spans += [(m.start, m.end, "mention", _mention_tag(m, gazetteer, entry_pages or {})) for m in mentions]
    opening: dict[int, list[tuple[int, int, str, _MentionTag | _QuoteTag]]] = defaultdict(list)
    for span in spans:
        opening[span[0]].append(span)
    for group in opening.values():
        group.sort(key=lambda s: (-s[1], s[2] == "mention"))  # outermost first
    pieces: list[tuple[str, object]] = []
    stack: list[tuple[int, str, _MentionTag | _QuoteTag]] = []  # open spans: their end, kind, tag
    cursor = 0
    for point in sorted({x for start, end, _, _ in spans for x in (start, end)}):
        if point > cursor:
            pieces.append(("text", text[cursor:point]))
            cursor = point
        reopen = []
        while any(end == point for end, _, _ in stack):
            end, kind, tag = stack.pop()
            pieces.append(("end-" + kind, None))
            if end != point:
                reopen.append((end, kind, tag))  # a quote cut here: it goes on in a new piece
        for end, kind, tag in reversed(reopen):
            pieces.append((kind, tag._replace(id="")))
            stack.append((end, kind, tag))
        for start, end, kind, tag in opening.get(point, []):
            pieces.append((kind, tag))
            stack.append((end, kind, tag))
    if cursor < len(text):
        pieces.append(("text", text[cursor:]))
    return pieces
