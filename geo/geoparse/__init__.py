"""The geoparser: place mentions found in a document's text and resolved against the
gazetteer, with people, organisations, adjectives and metonyms told apart."""

from geo.geoparse.geoparser import Geoparser, GeoparserSpec, geoparser_for
from geo.geoparse.mention import FIELDS, LITERAL_READINGS, READINGS, Mention
from geo.geoparse.stage import corpus_mentions, document_mentions

__all__ = ["FIELDS", "LITERAL_READINGS", "READINGS", "Geoparser", "GeoparserSpec", "Mention", "corpus_mentions",
           "document_mentions", "geoparser_for"]
