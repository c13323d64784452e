"""Sentences of news and encyclopaedia texts: where one ends, and where it does not."""

import pytest

from geo.text.sentences import sentence_spans


def sentences(text):
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("Rockets hit the base. No one was hurt.", ["Rockets hit the base.", "No one was hurt."]),
    ('He said "it is over." Then he left.', ['He said "it is over."', "Then he left."]),
    # a page's note marks after the full stop
    ("It was retaken in 2016.[4] In August 2016, Qayyarah fell.",
     ["It was retaken in 2016.[4]", "In August 2016, Qayyarah fell."]),
    ("Mosul fell.[a][12] The city burned.", ["Mosul fell.[a][12]", "The city burned."]),
    # a space lost between two sentences of a copied page
    ("an attack on U.S. forces.On 3 December, rockets landed.", ["an attack on U.S. forces.", "On 3 December, rockets landed."]),
    ("Line one\nLine two", ["Line one", "Line two"]),
])
def test_where_a_sentence_ends(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text", [
    "Gen. Kurilla visited Erbil.",  # an abbreviation
    "At 5 p.m. Iraqi forces moved in.",
    "See https://www.Centcom.mil for the release.",  # a web address, not two sentences
    "Some 2.5 million people fled.",  # a decimal
    "He wrote to the U.N.Security Council.",  # no lower-case word before the mark
])
def test_where_a_sentence_does_not_end(text):
    assert sentences(text) == [text]
