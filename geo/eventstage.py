"""The events stage: a corpus in, merged and curated event records out."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from geo.corpus import Corpus
from geo.curated import Curation, added_tellings, apply_curations, read_curated, without_curated
from geo.events import Source, sort_records
from geo.gazetteer import Gazetteer
from geo.geoparse import Geoparser
from geo.merge import Merger
from geo.pipeline import run
from geo.spool import Spool


def corpus_events(corpus: Corpus, geoparser: Geoparser, workdir: str | Path | None = None,
                  **engine) -> Iterator[dict]:
    """Event records, sorted by date then id, streamed: tellings and records wait in a
    spool on disk (in ``workdir``), so memory does not grow with the corpus.  The curated
    layer is validated here, before any document is read, so a bad row stops the run
    early.  ``engine``: jobs, engine, scheduler, base (see geo.pipeline.run)."""
    curations = read_curated(corpus, geoparser.gazetteer)
    return _streamed(corpus, geoparser.gazetteer, curations, workdir, dict(engine, geoparser=geoparser))


def _streamed(corpus: Corpus, gazetteer: Gazetteer, curations: list[Curation], workdir, engine: dict) -> Iterator[dict]:
    with Spool(workdir) as spool:
        for result in run(corpus, events=True, mentions=False, **engine):
            spool.add_tellings(without_curated(result.sources, curations))
        spool.add_tellings(added_tellings(curations))
        spool.add_records(e.as_record(gazetteer) for e in Merger(gazetteer).merge_sorted(spool.tellings()))
        yield from spool.records()


def merged_events(sources: list[Source], curations: list[Curation], gazetteer: Gazetteer) -> list[dict]:
    """The tellings of all documents (in memory), curated, merged into event records."""
    events = Merger(gazetteer).across_documents(apply_curations(sources, curations))
    return sort_records(e.as_record(gazetteer) for e in events)
