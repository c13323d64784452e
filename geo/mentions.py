"""The mentions stage: a corpus in, resolved place mentions out, document by document."""

from __future__ import annotations

from typing import Iterator

from geo.corpus import Corpus
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.geoparse import Geoparser, Mention
from geo.lexicons import load_lexicons


def default_geoparser(gazetteer: Gazetteer | None = None) -> Geoparser:
    lexicons = load_lexicons()
    return Geoparser(gazetteer or load_gazetteer(reserved=lexicons.reserved_words), lexicons)


def corpus_mentions(corpus: Corpus, geoparser: Geoparser | None = None, **engine) -> Iterator[Mention]:
    """Mentions in document-id order, then by offset, streamed document by document.
    ``engine``: jobs, engine, scheduler, base (see geo.pipeline.run)."""
    from geo.pipeline import run

    for result in run(corpus, events=False, geoparser=geoparser, **engine):
        yield from result.mentions
