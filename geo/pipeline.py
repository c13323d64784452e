"""The per-document stage, run in this process, in local worker processes (``--jobs N``)
or on a Dask distributed cluster (``--engine dask --scheduler ADDRESS``).

Each document is read and processed on its own (geoparsing, then event extraction over
the same mentions), and results come back in document-id order, so every engine gives
byte-identical output.  At most a bounded window of documents is in flight: neither the
corpus nor its mentions are ever held in memory whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Iterable, Iterator

from geo.corpus import Corpus, Document, read_text
from geo.events import Source
from geo.geoparse import Geoparser, Mention
from geo.matcher import TextIndex
from geo.spool import SpooledTelling

WINDOW = 256  # documents in flight per worker when running in parallel


@dataclass(frozen=True)
class DocumentResult:
    doc: str
    mentions: list[Mention]
    sources: list[Source] | list[SpooledTelling]  # the document's event tellings, merged within the document;
    # spooled when only tellings were asked for (mentions=False)


@dataclass(frozen=True)
class Task:
    """What a worker needs: the document, where to read it, and which outputs."""

    doc: Document
    location: str  # a path or URL the worker can read
    events: bool
    mentions: bool = True  # False: only the tellings travel back, spooled


@lru_cache(maxsize=1)
def _default_geoparser() -> Geoparser:
    from geo.mentions import default_geoparser

    return default_geoparser()


@lru_cache(maxsize=4)
def _components(geoparser: Geoparser):
    """The extractor and merger that go with a geoparser, built once per process."""
    from geo.actors import load_actors
    from geo.extract import EventExtractor
    from geo.merge import Merger

    return EventExtractor(geoparser, load_actors()), Merger(geoparser.gazetteer)


def process(doc: Document, text: str, events: bool, geoparser: Geoparser | None = None,
            keep_mentions: bool = True) -> DocumentResult:
    geoparser = geoparser or _default_geoparser()
    extractor, merger = _components(geoparser)

    index = TextIndex(text)
    mentions = geoparser.parse(doc.id, text, index, unresolved=keep_mentions)
    if not events:
        return DocumentResult(doc.id, mentions, [])
    sources = merger.within_document(extractor.extract(doc, text, mentions, index))
    if not keep_mentions:
        return DocumentResult(doc.id, [], [SpooledTelling.of(s) for s in sources])
    return DocumentResult(doc.id, mentions, sources)


_worker_geoparser: Geoparser | None = None  # the caller's geoparser, in a worker process


def _set_worker_geoparser(geoparser: Geoparser | None) -> None:
    global _worker_geoparser
    _worker_geoparser = geoparser


def run_task(task: Task, geoparser: Geoparser | None = None) -> DocumentResult:
    """One document, in a worker: with the geoparser the caller gave (a process pool's
    initializer set it, or Dask passes it), else the default one."""
    return process(task.doc, read_text(task.location), task.events, geoparser or _worker_geoparser,
                   keep_mentions=task.mentions)


def run(corpus: Corpus, events: bool, geoparser: Geoparser | None = None, jobs: int = 1, engine: str = "local",
        scheduler: str | None = None, base: str | None = None, mentions: bool = True) -> Iterator[DocumentResult]:
    """Results for every document, in document-id order.

    ``base``: where workers find the documents (a path or URL prefix) when it is not the
    corpus folder as this machine sees it.
    """
    documents = iter(corpus)  # in id order, read from the manifest's index as they go
    if engine == "dask":
        yield from _run_dask(_tasks(documents, events, mentions, base), scheduler, geoparser)
    elif jobs > 1:
        yield from _run_processes(_tasks(documents, events, mentions, base), jobs, geoparser)
    else:
        for doc in documents:
            yield process(doc, corpus.read(doc), events, geoparser, keep_mentions=mentions)


def _tasks(documents: Iterator[Document], events: bool, mentions: bool, base: str | None) -> Iterator[Task]:
    for doc in documents:
        location = f"{base.rstrip('/')}/{doc.file}" if base else str(doc.path)
        yield Task(doc, location, events, mentions)


def _run_processes(tasks: Iterator[Task], jobs: int, geoparser: Geoparser | None) -> Iterator[DocumentResult]:
    # forked workers inherit the geoparser; spawned ones get it pickled, once each
    with process_pool(jobs, _set_worker_geoparser, (geoparser,)) as pool:
        yield from pool.imap(run_task, tasks, chunksize=8)


def process_pool(processes: int, initializer=None, initargs: tuple = ()):
    """A pool of local processes: forked (cheap) unless threads are running, which a
    fork would copy in whatever state they are in.  The workers keep the default SIGTERM
    action whatever this process set: a pool stops its workers with SIGTERM and waits
    for them, and a worker that unwinds instead of dying can hang on the pool's locks."""
    import multiprocessing
    import signal

    context = multiprocessing.get_context("spawn" if _threads_started() else "fork")
    try:
        previous = signal.signal(signal.SIGTERM, signal.SIG_DFL)
    except ValueError:  # not the main thread, which alone sets handlers
        previous = None
    try:
        return context.Pool(processes, initializer, initargs)
    finally:
        if previous is not None:  # None also when the handler was not set from Python
            signal.signal(signal.SIGTERM, previous)


def _threads_started() -> bool:
    import threading

    return threading.active_count() > 1


def batches(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last may be shorter), taken as they come."""
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch


def _run_dask(tasks: Iterator[Task], scheduler: str | None, geoparser: Geoparser | None) -> Iterator[DocumentResult]:
    from distributed import Client

    if not scheduler:
        raise ValueError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    with Client(scheduler) as client:
        window = WINDOW * max(1, len(client.scheduler_info().get("workers", {})))
        # sent once to every worker, not with each task
        shared = client.scatter(geoparser, broadcast=True) if geoparser is not None else None
        for batch in batches(tasks, window):
            futures = client.map(run_task, batch, geoparser=shared, pure=False)
            for future in futures:
                yield future.result()
            del futures
