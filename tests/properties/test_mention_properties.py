"""Properties of every mention, for texts Hypothesis makes of the gazetteer's names, trap
words and noise (controls, marks of every kind, line breaks of every kind): the offsets
name the surface exactly, no mention runs across the end of a sentence or a paragraph
(geo.text.sentences.hard_breaks, the ends the matcher keeps names from crossing; a name
may wrap to the next line), the sentence given is the text's and holds the mention, and
the mentions come in order, an unresolved one overlapping no other."""

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import FIXED, TEXTS

from geo.text.sentences import hard_breaks


@settings(FIXED, max_examples=300)
@given(text=TEXTS)
def test_every_mention_is_exact_and_within_one_sentence(geoparser, text):
    mentions = [m.as_record() for m in geoparser.parse("d", text)]
    for m in mentions:
        start, end = m["start"], m["end"]
        assert 0 <= start < end <= len(text) and text[start:end] == m["surface"], m
        assert hard_breaks(text, start, end) == [], m  # no end of a sentence or paragraph inside
        s = m["sentence_start"]
        assert text[s:s + len(m["sentence"])] == m["sentence"] and s <= start and end <= s + len(m["sentence"]), m
    assert [(m["start"], m["end"]) for m in mentions] == sorted((m["start"], m["end"]) for m in mentions)
    for u in (m for m in mentions if m["status"] == "unresolved"):
        assert not any(o is not u and o["start"] < u["end"] and u["start"] < o["end"] for o in mentions), u


NAMES = {"Baghdad": "baghdad", "Erbil": "erbil", "Ain al-Asad": "ain-al-asad", "Sadr City": "sadr-city",
         "Tower 22": "tower-22"}
# Any character that is not a letter, a digit or a mark: of any plane (emoji, flags, variation
# selectors, a byte-order mark inside a text, fullwidth punctuation, the ideographic space ...)
NOT_A_LETTER = st.characters(exclude_categories=("L", "N", "M", "Cs"))


@settings(FIXED, max_examples=300)
@given(name=st.sampled_from(sorted(NAMES)), before=NOT_A_LETTER, after=NOT_A_LETTER)
def test_a_name_is_found_whatever_non_letter_touches_it(geoparser, name, before, after):
    text = f"Drones struck {before}{name}{after} on Monday."
    start = text.index(name)
    found = [m for m in geoparser.parse("d", text) if m.site_id == NAMES[name]]
    assert [(m.start, m.end) for m in found] == [(start, start + len(name))], (text, found)


# Invisible characters of format (Unicode's Cf: a soft hyphen, zero-width joiners, non-joiners
# and spaces, bidirectional marks, overrides and isolates, a word joiner, a BOM, tags)
FORMAT = st.characters(categories=("Cf",))


@settings(FIXED, max_examples=300)
@given(name=st.sampled_from(sorted(NAMES)), invisible=FORMAT, where=st.floats(0, 1))
def test_an_invisible_character_inside_a_name_hides_nothing(geoparser, name, invisible, where):
    cut = 1 + int(where * (len(name) - 2))  # anywhere inside: between two letters, beside a space or a hyphen
    spoilt = name[:cut] + invisible + name[cut:]
    text = f"Drones struck {spoilt} on Monday."
    start = text.index(spoilt)
    found = [m for m in geoparser.parse("d", text) if m.site_id == NAMES[name]]
    assert [(m.start, m.end) for m in found] == [(start, start + len(spoilt))], (text, found)
