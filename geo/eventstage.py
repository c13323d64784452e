"""The events stage: a corpus in, merged and curated event records out."""

from __future__ import annotations

from geo.actors import ActorLexicon, load_actors
from geo.corpus import Corpus
from geo.curated import apply_curations, read_curated
from geo.events import sort_records
from geo.extract import EventExtractor
from geo.geoparse import Geoparser
from geo.merge import Merger, to_source


def corpus_events(corpus: Corpus, geoparser: Geoparser, actors: ActorLexicon | None = None) -> list[dict]:
    """Event records, sorted by date then id. The curated layer is validated before any
    document is read, so a bad row stops the run early."""
    gazetteer = geoparser.gazetteer
    curations = read_curated(corpus, gazetteer)
    extractor = EventExtractor(geoparser, actors or load_actors())
    merger = Merger(gazetteer)
    sources = []
    for doc in sorted(corpus, key=lambda d: d.id):
        extracted = extractor.extract(doc, corpus.read(doc))
        sources += merger.within_document([to_source(e) for e in extracted])
    events = merger.across_documents(apply_curations(sources, curations))
    return sort_records(e.as_record(gazetteer) for e in events)
