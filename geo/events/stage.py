"""The events stage: a corpus in, merged and curated event records out.

Per document (in whichever process the engine runs it): the geoparser's mentions, the
extractor's tellings, merged within the document.  Across documents: the tellings wait
in a spool on disk, come back in date order and merge into records, which wait in
records files sorted by date and id; so memory does not grow with the corpus.
"""

from __future__ import annotations

import heapq
import json
from functools import lru_cache, partial
from pathlib import Path
from typing import Iterator, NamedTuple

from geo.corpus import Corpus, Document
from geo.engine import EngineConfig, process_pool, run_documents
from geo.events.curated import Curation, added_tellings, apply_curations, read_curated, without_curated
from geo.events.extraction import EventExtractor
from geo.events.merge import Merger
from geo.events.model import EventRecord, Telling, sort_records
from geo.events.spool import RecordsFile, SpooledTelling, TellingSpool, open_spool, read_tellings
from geo.gazetteer import Gazetteer, load_actors
from geo.geoparse import GeoparserSpec, Mention, geoparser_for
from geo.text import TextIndex

__all__ = ["DocumentOutput", "corpus_events", "document_output", "document_tellings", "event_lines",
           "family_groups", "merged_events", "spooled_event_lines"]


class DocumentOutput(NamedTuple):
    """What a document gives the site build: its mentions and its tellings."""

    doc: str
    mentions: list[Mention]
    tellings: list[Telling]


@lru_cache(maxsize=4)
def _tools(spec: GeoparserSpec) -> tuple[EventExtractor, Merger]:
    """The extractor and merger that go with a geoparser, built once per process."""
    geoparser = geoparser_for(spec)
    return EventExtractor(geoparser, load_actors()), Merger(geoparser.gazetteer)


def _parse(spec: GeoparserSpec, doc: Document, text: str, unresolved: bool) -> tuple[list[Mention], list[Telling]]:
    extractor, merger = _tools(spec)
    index = TextIndex(text)
    mentions = geoparser_for(spec).parse(doc.id, text, index, unresolved=unresolved)
    return mentions, merger.within_document(extractor.extract(doc, text, mentions, index))


def document_output(spec: GeoparserSpec, doc: Document, text: str) -> DocumentOutput:
    """A document's mentions (the unresolved names too) and its tellings."""
    return DocumentOutput(doc.id, *_parse(spec, doc, text, unresolved=True))


def document_tellings(spec: GeoparserSpec, doc: Document, text: str) -> list[SpooledTelling]:
    """A document's tellings, encoded for the spool where they were made (a worker)."""
    return [SpooledTelling.of(t) for t in _parse(spec, doc, text, unresolved=False)[1]]


def event_lines(corpus: Corpus, spec: GeoparserSpec = GeoparserSpec(), config: EngineConfig = EngineConfig(),
                workdir: str | Path | None = None) -> Iterator[str]:
    """The corpus's event records as JSON text, sorted by date then id, streamed: tellings
    and records wait in a spool on disk (in ``workdir``).  The curated layer is validated
    here, before any document is read, so a bad row stops the run early."""
    curations = read_curated(corpus, geoparser_for(spec).gazetteer)
    return _streamed(corpus, spec, curations, config, workdir)


def corpus_events(corpus: Corpus, spec: GeoparserSpec = GeoparserSpec(), config: EngineConfig = EngineConfig(),
                  workdir: str | Path | None = None) -> Iterator[EventRecord]:
    """The corpus's event records, sorted by date then id, streamed (see event_lines)."""
    return map(json.loads, event_lines(corpus, spec, config, workdir))


def _streamed(corpus: Corpus, spec: GeoparserSpec, curations: list[Curation], config: EngineConfig,
              workdir: str | Path | None) -> Iterator[str]:
    with open_spool(workdir) as spool:
        for tellings in run_documents(corpus, partial(document_tellings, spec), config):
            spool.add_tellings(without_curated(tellings, curations))
        yield from spooled_event_lines(spool, curations, spec, config.jobs)


def spooled_event_lines(spool: TellingSpool, curations: list[Curation], spec: GeoparserSpec,
                        jobs: int = 1) -> Iterator[str]:
    """The records of the spooled tellings and the curated layer's added ones, merged, as
    JSON text by date then id."""
    spool.add_tellings(added_tellings(curations))
    files = _merge(spool, spec, jobs)
    try:
        for _, _, text in heapq.merge(*(f.lines() for f in files)):
            yield text
    finally:
        for f in files:
            f.close()


def _merge(spool: TellingSpool, spec: GeoparserSpec, jobs: int) -> list[RecordsFile]:
    """Merge the tellings into records files, one per group of event families.  Tellings
    of different families never merge (geo.events.merge), so with ``jobs`` > 1 the groups
    are merged in parallel, each in its own process."""
    groups = family_groups(spool.families(), jobs)
    paths = [spool.folder / f"records-{i}.sqlite" for i in range(len(groups))]
    if len(groups) == 1:
        _merge_group(spool.folder, None, spec, paths[0])
    elif groups:
        with process_pool(len(groups)) as pool:
            pool.starmap(_merge_group, [(spool.folder, g, spec, p) for g, p in zip(groups, paths)])
    return [RecordsFile(p) for p in paths]


def family_groups(counts: dict[str, int], jobs: int) -> list[tuple[str, ...]]:
    """At most ``jobs`` groups of families with about as many tellings each (largest first,
    each to the lightest group)."""
    groups: list[list[str]] = [[] for _ in range(min(max(jobs, 1), len(counts)))]
    totals = [0] * len(groups)
    for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        lightest = totals.index(min(totals))
        groups[lightest].append(name)
        totals[lightest] += count
    return [tuple(sorted(g)) for g in groups]


def _merge_group(folder: Path, families: tuple[str, ...] | None, spec: GeoparserSpec, path: Path) -> None:
    gazetteer = geoparser_for(spec).gazetteer
    records = RecordsFile(path)
    try:
        records.add(e.as_record(gazetteer) for e in Merger(gazetteer).merge_sorted(read_tellings(folder, families)))
    finally:
        records.close()


def merged_events(tellings: list[Telling], curations: list[Curation], gazetteer: Gazetteer) -> list[EventRecord]:
    """The tellings of all documents (in memory), curated, merged into event records: the
    plain form of what the streamed stage does on disk, against which it is tested."""
    events = Merger(gazetteer).across_documents(apply_curations(tellings, curations))
    return sort_records(e.as_record(gazetteer) for e in events)
