"""Where ``geo events`` spends its time, per document: each stage of the per-document work
timed on its own, then the merge and the writing.  Not a comparison with peers (that is
bench/run.py); it says where the single-core time goes.

    python bench/stages.py [--docs 1000] [--rounds 2]

Runs in one process over a synthetic corpus from bench/corpus/ (generated if missing).
The last round is printed; the first warms caches.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import corpus as synthetic_corpus  # noqa: E402

from geo.corpus import open_corpus  # noqa: E402
from geo.events import read_curated, spooled_event_lines, write_event_lines  # noqa: E402
from geo.events.dates import find_time_refs  # noqa: E402
from geo.events.extraction import EventExtractor  # noqa: E402
from geo.events.merge import Merger  # noqa: E402
from geo.events.spool import TellingSpool, open_spool  # noqa: E402
from geo.gazetteer import load_actors  # noqa: E402
from geo.geoparse import GeoparserSpec, geoparser_for  # noqa: E402
from geo.text import TextIndex  # noqa: E402


def per_document(documents, geoparser, spool: TellingSpool | None) -> Counter:
    """Seconds in each stage over all documents; the tellings go to ``spool`` if given."""
    extractor, merger = EventExtractor(geoparser, load_actors()), Merger(geoparser.gazetteer)
    seconds: Counter = Counter()

    def timed(stage, work):
        start = time.perf_counter()
        result = work()
        seconds[stage] += time.perf_counter() - start
        return result

    for doc, text in documents:
        index = timed("text index and sentences", lambda: TextIndex(text))
        timed("text index and sentences", lambda: index.sentences)
        mentions = timed("geoparsing", lambda: geoparser.parse(doc.id, text, index, unresolved=False))
        # extract() finds the dates, actors and trigger words itself: they are timed apart
        # here and taken off its time, leaving the clause rules
        timed("dates", lambda: find_time_refs(text, doc.published, index))
        timed("actors and trigger words", lambda: (extractor.actors.find(index), extractor.lexicon.triggers(index)))
        tellings = timed("clause rules", lambda: extractor.extract(doc, text, mentions, index))
        tellings = timed("merge within the document", lambda: merger.within_document(tellings))
        if spool is not None:
            timed("spooling the tellings", lambda: spool.add_tellings(tellings))
    seconds["clause rules"] -= seconds["dates"] + seconds["actors and trigger words"]
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    corpus = open_corpus(synthetic_corpus(args.docs))
    spec = GeoparserSpec()
    geoparser = geoparser_for(spec)
    documents = [(doc, corpus.read(doc)) for doc in corpus]
    for _ in range(args.rounds - 1):
        per_document(documents, geoparser, None)
    curations = read_curated(corpus, geoparser.gazetteer)
    with open_spool() as spool:
        seconds = per_document(documents, geoparser, spool)
        start = time.perf_counter()
        write_event_lines(spooled_event_lines(spool, curations, spec), io.StringIO())
        seconds["merge across documents and writing"] = time.perf_counter() - start
    n = len(documents)
    for stage, s in seconds.items():
        print(f"{stage:40s} {1000 * s / n:6.3f} ms a document")
    print(f"{'all':40s} {1000 * sum(seconds.values()) / n:6.3f} ms a document ({n:,} documents)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
