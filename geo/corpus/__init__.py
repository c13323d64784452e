"""The corpus: a folder of UTF-8 ``.txt`` documents and their manifest ``documents.csv``,
validated as a whole and read one document at a time."""

from geo.corpus.documents import Document, Publication, parse_publication, read_text
from geo.corpus.manifest import MANIFEST, MAX_DOCUMENT_MB, Corpus, DocumentsById, open_corpus

__all__ = ["MANIFEST", "MAX_DOCUMENT_MB", "Corpus", "Document", "DocumentsById", "Publication", "open_corpus",
           "parse_publication", "read_text"]
