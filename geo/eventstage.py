"""The events stage: a corpus in, merged and curated event records out."""

from __future__ import annotations

import heapq
import json
from pathlib import Path
from typing import Iterator

from geo.corpus import Corpus
from geo.curated import Curation, added_tellings, apply_curations, read_curated, without_curated
from geo.events import Source, sort_records
from geo.gazetteer import Gazetteer
from geo.geoparse import Geoparser
from geo.merge import Merger
from geo.pipeline import process_pool, run
from geo.spool import RecordsFile, Spool, read_tellings


def corpus_events(corpus: Corpus, geoparser: Geoparser, workdir: str | Path | None = None, as_json: bool = False,
                  **engine) -> Iterator[dict] | Iterator[str]:
    """Event records, sorted by date then id, streamed: tellings and records wait in a
    spool on disk (in ``workdir``), so memory does not grow with the corpus.  The curated
    layer is validated here, before any document is read, so a bad row stops the run
    early.  ``as_json``: each record as its JSON text, as written to the spool.
    ``engine``: jobs, engine, scheduler, base (see geo.pipeline.run)."""
    curations = read_curated(corpus, geoparser.gazetteer)
    return _streamed(corpus, geoparser.gazetteer, curations, workdir, as_json, dict(engine, geoparser=geoparser))


def _streamed(corpus: Corpus, gazetteer: Gazetteer, curations: list[Curation], workdir, as_json: bool,
              engine: dict) -> Iterator[dict] | Iterator[str]:
    with Spool(workdir) as spool:
        for result in run(corpus, events=True, mentions=False, **engine):
            spool.add_tellings(without_curated(result.sources, curations))
        yield from spooled_records(spool, curations, gazetteer, engine.get("jobs", 1), as_json)


def spooled_records(spool: Spool, curations: list[Curation], gazetteer: Gazetteer, jobs: int = 1,
                    as_json: bool = False) -> Iterator[dict] | Iterator[str]:
    """The records of the spooled tellings and the curated layer's added ones, merged, by
    date then id."""
    spool.add_tellings(added_tellings(curations))
    files = _merge(spool, gazetteer, jobs)
    try:
        for _, _, text in heapq.merge(*(f.lines() for f in files)):
            yield text if as_json else json.loads(text)
    finally:
        for f in files:
            f.close()


def _merge(spool: Spool, gazetteer: Gazetteer, jobs: int) -> list[RecordsFile]:
    """Merge the tellings into records files, one per group of event families.  Tellings
    of different families never merge (geo.merge), so with ``jobs`` > 1 the groups are
    merged in parallel, each in its own process."""
    groups = family_groups(spool.families(), jobs)
    paths = [spool.folder / f"records-{i}.sqlite" for i in range(len(groups))]
    if len(groups) == 1:
        _merge_group(spool.folder, None, gazetteer, paths[0])
    elif groups:
        with process_pool(len(groups)) as pool:
            pool.starmap(_merge_group, [(spool.folder, g, gazetteer, p) for g, p in zip(groups, paths)])
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


def _merge_group(folder: Path, families: tuple[str, ...] | None, gazetteer: Gazetteer, path: Path) -> None:
    records = RecordsFile(path)
    try:
        records.add(e.as_record(gazetteer) for e in Merger(gazetteer).merge_sorted(read_tellings(folder, families)))
    finally:
        records.close()


def merged_events(sources: list[Source], curations: list[Curation], gazetteer: Gazetteer) -> list[dict]:
    """The tellings of all documents (in memory), curated, merged into event records: the
    plain form of what the streamed stage does on disk, against which it is tested."""
    events = Merger(gazetteer).across_documents(apply_curations(sources, curations))
    return sort_records(e.as_record(gazetteer) for e in events)
