"""The events stage: a corpus in, merged and curated event records out."""

from __future__ import annotations

from geo.corpus import Corpus
from geo.curated import Curation, apply_curations, read_curated
from geo.events import Source, sort_records
from geo.gazetteer import Gazetteer
from geo.geoparse import Geoparser
from geo.merge import Merger
from geo.pipeline import run


def corpus_events(corpus: Corpus, geoparser: Geoparser, **engine) -> list[dict]:
    """Event records, sorted by date then id. The curated layer is validated before any
    document is read, so a bad row stops the run early.  ``engine``: jobs, engine,
    scheduler, base (see geo.pipeline.run)."""
    curations = read_curated(corpus, geoparser.gazetteer)
    sources = [s for result in run(corpus, events=True, geoparser=geoparser, **engine) for s in result.sources]
    return merged_events(sources, curations, geoparser.gazetteer)


def merged_events(sources: list[Source], curations: list[Curation], gazetteer: Gazetteer) -> list[dict]:
    """The tellings of all documents, curated, merged into event records."""
    events = Merger(gazetteer).across_documents(apply_curations(sources, curations))
    return sort_records(e.as_record(gazetteer) for e in events)
