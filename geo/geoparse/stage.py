"""The mentions stage: a corpus in, resolved place mentions out, document by document."""

from __future__ import annotations

from functools import partial
from typing import Iterator

from geo.corpus import Corpus, Document
from geo.engine import EngineConfig, run_documents
from geo.geoparse.geoparser import GeoparserSpec, geoparser_for
from geo.geoparse.mention import Mention

__all__ = ["corpus_mentions", "document_mentions"]


def document_mentions(spec: GeoparserSpec, doc: Document, text: str) -> list[Mention]:
    """One document's mentions (the per-document work, in whichever process runs it)."""
    return geoparser_for(spec).parse(doc.id, text)


def corpus_mentions(corpus: Corpus, spec: GeoparserSpec = GeoparserSpec(),
                    config: EngineConfig = EngineConfig()) -> Iterator[Mention]:
    """Mentions in document-id order, then by offset, streamed document by document."""
    for mentions in run_documents(corpus, partial(document_mentions, spec), config):
        yield from mentions
