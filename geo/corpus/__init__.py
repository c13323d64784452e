"""The corpus: a folder of UTF-8 ``.txt`` documents and their manifest ``documents.csv``,
validated as a whole and read one document at a time."""

from geo.corpus.documents import Document, Publication, parse_publication, read_text
from geo.corpus.manifest import MANIFEST, Corpus, DocumentsById, open_corpus

__all__ = ["MANIFEST", "Corpus", "Document", "DocumentsById", "Publication", "open_corpus", "parse_publication",
           "read_text"]
