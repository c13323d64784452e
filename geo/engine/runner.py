"""One runner for the per-document work: in this process, in local worker processes
(``jobs > 1``) or on a Dask distributed cluster (``engine="dask"``).

The runner is given the work as a picklable function of a document and its text (a
module-level function, or a ``functools.partial`` of one with what it needs, such as a
geoparser's specification), so every worker does exactly what the caller asked for.
Each document is read by its worker with the one document reader
(:func:`geo.corpus.read_text`), and results come back in document-id order, so every
engine gives byte-identical output.  At most a bounded window of documents is in
flight: neither the corpus nor its results are ever held in memory whole.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from functools import partial
from itertools import islice
from multiprocessing.pool import Pool
from typing import Callable, Iterable, Iterator, NamedTuple, TypeVar

from geo.corpus import Corpus, Document, read_text
from geo.engine.config import EngineConfig

__all__ = ["DocumentWork", "batches", "process_pool", "run_documents"]

R = TypeVar("R")
DocumentWork = Callable[[Document, str], R]  # picklable: workers receive it
WINDOW = 256  # documents in flight per Dask worker


class _Task(NamedTuple):
    doc: Document
    location: str  # a path or URL the worker can read


def run_documents(corpus: Corpus, work: Callable[[Document, str], R], config: EngineConfig) -> Iterator[R]:
    """``work(document, text)`` for every document of the corpus, in document-id order."""
    documents = iter(corpus)  # in id order, read from the manifest's index as they go
    if config.engine == "dask":
        yield from _run_dask(_tasks(documents, config.documents_base), work, config.scheduler)
    elif config.jobs > 1:
        with process_pool(config.jobs) as pool:
            yield from pool.imap(partial(_work_on, work), _tasks(documents, config.documents_base), chunksize=8)
    else:
        for doc in documents:
            yield work(doc, corpus.read(doc))


def _tasks(documents: Iterator[Document], base: str | None) -> Iterator[_Task]:
    for doc in documents:
        yield _Task(doc, f"{base.rstrip('/')}/{doc.file}" if base else str(doc.path))


def _work_on(work: Callable[[Document, str], R], task: _Task) -> R:
    """One document, in a worker."""
    return work(task.doc, read_text(task.location))


def process_pool(processes: int, initializer: Callable | None = None, initargs: tuple = ()) -> Pool:
    """A pool of local processes: forked (cheap) unless threads are running, which a
    fork would copy in whatever state they are in.  The workers keep the default SIGTERM
    action whatever this process set: a pool stops its workers with SIGTERM and waits
    for them, and a worker that unwinds instead of dying can hang on the pool's locks."""
    context = multiprocessing.get_context("spawn" if threading.active_count() > 1 else "fork")
    try:
        previous = signal.signal(signal.SIGTERM, signal.SIG_DFL)
    except ValueError:  # not the main thread, which alone sets handlers
        previous = None
    try:
        return context.Pool(processes, initializer, initargs)
    finally:
        if previous is not None:  # None also when the handler was not set from Python
            signal.signal(signal.SIGTERM, previous)


def batches(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last may be shorter), taken as they come."""
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch


def _run_dask(tasks: Iterator[_Task], work: Callable[[Document, str], R], scheduler: str | None) -> Iterator[R]:
    from distributed import Client

    with Client(scheduler) as client:
        window = WINDOW * max(1, len(client.scheduler_info().get("workers", {})))
        for batch in batches(tasks, window):
            futures = client.map(_work_on, [work] * len(batch), batch, pure=False)
            for future in futures:
                yield future.result()
            del futures
