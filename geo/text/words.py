"""Word-level facts every stage reads the same way: capitals, attached Arabic articles,
and numbers written as words."""

from __future__ import annotations

import re

__all__ = ["ARTICLE_AT_START", "NUMBER_WORDS", "core_is_capitalised", "is_capitalised", "number_value"]

# An Arabic article attached at the start of a name: al-, as-, at-, el-, Al ...
ARTICLE_AT_START = re.compile(r"^(?:[AaEe][dlnrstz][-‐ ]|[Aa]l\s)")

# Numbers written as words, as news texts write counts and spans ("three soldiers",
# "four days later").
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}


def number_value(word: str) -> int:
    """The value of digits ("1,200") or of a number word ("three")."""
    word = word.lower().replace(",", "")
    return NUMBER_WORDS[word] if word in NUMBER_WORDS else int(word)


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def core_is_capitalised(surface: str) -> bool:
    """Proper names are capitalised in English: the first letter after any article.  A
    letter of a script without case (a name in Arabic script) counts as capitalised."""
    first = surface[:1]
    if first.isalpha() and first not in "AaEe":  # no article: the first letter decides (the common case)
        return first.isupper() or not first.islower()
    article = ARTICLE_AT_START.match(surface) if len(surface) > 3 else None
    for c in surface[article.end():] if article else surface:
        if c.isalpha():
            return c.isupper() or not c.islower()
    return False
