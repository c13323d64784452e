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


def corpus_mentions(corpus: Corpus, geoparser: Geoparser) -> Iterator[Mention]:
    """Mentions in document-id order, then by offset; one document in memory at a time."""
    for doc in sorted(corpus, key=lambda d: d.id):
        yield from geoparser.parse(doc.id, corpus.read(doc))
