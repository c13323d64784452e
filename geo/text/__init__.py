"""Text as every stage reads it: a spelling-robust skeleton with offsets back to the
original, one Aho-Corasick matcher of normalised keys, sentences, and word-level facts."""

from geo.text.matcher import Hit, KeyMatcher, TextIndex, grouped_matcher
from geo.text.normalize import Normalised, skeleton, skeletons
from geo.text.sentences import SentenceIndex, sentence_spans
from geo.text.words import NUMBER_WORDS, core_is_capitalised, is_capitalised, number_value

__all__ = ["Hit", "KeyMatcher", "NUMBER_WORDS", "Normalised", "SentenceIndex", "TextIndex", "core_is_capitalised",
           "grouped_matcher", "is_capitalised", "number_value", "sentence_spans", "skeleton", "skeletons"]
