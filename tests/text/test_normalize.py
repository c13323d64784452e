import random
import signal
import string
import subprocess
import sys
import textwrap
import unicodedata

import pytest
from helpers import ROOT, SPELLING_VARIANTS

from geo.text.matcher import KeyMatcher, TextIndex
from geo.text.normalize import FOLD, Normalised, skeleton


@pytest.mark.parametrize("a, b", SPELLING_VARIANTS)
def test_variants_share_a_skeleton(a, b):
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize("a, b", [
    ("ٱلْبُوكَمَال", "البوكمال"),  # vowel marks and the alef wasla
    ("أَبُو كَمَال", "ابو كمال"),  # the hamza on an alef
    ("مدينة", "مدينه"),  # teh marbuta
])
def test_arabic_spellings_share_a_skeleton(a, b):
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize("a, b", [("Diyarbakır", "Diyarbakir"), ("Łódź", "Lodz"), ("Ħamrun", "Hamrun")])
def test_letters_without_a_decomposition_fold_to_the_letter_read(a, b):
    assert skeleton(a) == skeleton(b)


def test_a_match_in_arabic_script_points_at_the_original_text():
    text = "Abu Kamal (أَبُو كَمَال) is a city."
    hits = TextIndex(text).hits(KeyMatcher({skeleton("أبو كمال"): "x"}))
    assert [text[h.start:h.end] for h in hits] == ["أَبُو كَمَال"]


@pytest.mark.parametrize("a, b", [("Baghdad", "Baghdadi"), ("Erbil", "Arbil"), ("Sudan", "Sudani")])
def test_distinct_names_stay_distinct(a, b):
    assert skeleton(a) != skeleton(b)


@pytest.mark.parametrize("text, surface", [
    ("Drones hit Ayn al-Assad on Monday.", "Ayn al-Assad"),
    ("the At-Tanf garrison", "At-Tanf"),
    ("Baghdad’s Sadr City", "Sadr City"),
    ("A strike near Rutbah, then more.", "Rutbah"),
    ("Kata'ib Hezbollah's men", "Kata'ib Hezbollah"),
    ("Visited  Deir   ez-Zor.", "Deir   ez-Zor"),
])
def test_match_offsets_point_at_the_original_text(text, surface):
    matcher = KeyMatcher({skeleton(n): n for n in ("Ain al-Asad", "Al-Tanf", "Sadr City", "Rutba",
                                                   "Kataib Hezbollah", "Deir ez-Zor")})
    hits = TextIndex(text).hits(matcher)
    assert [text[h.start:h.end] for h in hits] == [surface]


def test_matches_respect_word_boundaries_and_prefer_the_longest():
    matcher = KeyMatcher({skeleton(n): n for n in ("Erbil", "Erbil Airport", "Baghdad")})
    text = "Erbil Airport, Erbil, Baghdadi and Baghdad's airport; Erbil Airports."
    hits = TextIndex(text).hits(matcher)
    assert [(text[h.start:h.end], h.payload) for h in hits] == [
        ("Erbil Airport", "Erbil Airport"), ("Erbil", "Erbil"), ("Baghdad", "Baghdad"), ("Erbil", "Erbil")]


def test_a_key_starting_inside_a_match_cut_off_mid_word_is_found():
    # "a mi" matches " a k a mi|sion ..." up to the middle of a word; the longer key
    # starting at "mision" must not be lost behind it
    matcher = KeyMatcher({skeleton(n): n for n in ("A Mi", "Mission Support Site Euphrates")})
    text = "a.k.a. Mission Support Site Euphrates, was"
    assert [text[h.start:h.end] for h in TextIndex(text).hits(matcher)] == ["Mission Support Site Euphrates"]


def _reference(text: str) -> tuple[str, list[int], list[int]]:
    """The normal form written for clarity, one step after another, each step finding all
    its places before changing any (as the former numpy code did): (skeleton, start of
    every skeleton index, end of every skeleton index).  Step 0: the characters of format
    are set aside, and the offsets of the rest mapped back."""
    visible = [j for j, c in enumerate(text) if unicodedata.category(c) != "Cf"]
    skeleton, starts, ends = _steps("".join(text[j] for j in visible))
    return skeleton, [visible[i] for i in starts], [visible[e - 1] + 1 if e else 0 for e in ends]


def _steps(text: str) -> tuple[str, list[int], list[int]]:
    chars = [chr(FOLD[ord(c)]) if ord(c) < len(FOLD) else c if c.isalnum() else " " for c in text]  # " ": an emoji
    n = len(chars)

    def at(j):
        return chars[j] if 0 <= j < n else ""

    def word(c):
        return c != "" and c in string.ascii_lowercase + string.digits

    def rewrite(pair, new):  # every occurrence found first, then all rewritten
        for j in [j for j in range(n - 1) if chars[j] + chars[j + 1] == pair]:
            chars[j:j + 2] = new

    articles = [j for j in range(n - 3) if not word(at(j - 1)) and (
        chars[j] in "ae" and chars[j + 1] in "dlnrstz" and text[j + 2] in "-\u2010" and word(chars[j + 3])
        or text[j:j + 3] == "El " and "A" <= text[j + 3] <= "Z")]
    for j in articles:
        chars[j:j + 2] = "al"
    rewrite("yy", "ii")
    rewrite("ay", "ai")
    rewrite("ey", "ai")
    rewrite("ei", "ai")

    def deleted(j):
        c, before, after = chars[j], at(j - 1), at(j + 1)
        if j > 0 and c == before and (c == " " or c in string.ascii_lowercase):
            return True
        if c == "'" and word(before) and word(after):
            return not (after == "s" and not word(at(j + 2)))  # possessive 's
        return c == "h" and before == "a" and not word(after)

    kept = [j for j in range(n) if not deleted(j)]
    ends = [0]
    for i in range(1, len(kept) + 1):
        end = kept[i] if i < len(kept) else n
        while end > kept[i - 1] + 1 and chars[end - 1] == " ":
            end -= 1
        ends.append(end)
    return "".join(chars[j] for j in kept).replace("'", " "), kept, ends


_TRICKY = list("aAeEiIyYlLsShHtTdDnNrRzZ -'’‘`ʿʾ\u0301é\u2010.,É09") + [" "] * 4 \
    + ["\U0001F000", "\U00020000", "中", "ع", "ß", "ﬁ", "\u3000", "\u2fff", "\n", "\ufeff", "🙂", "\U000F0000", "\ufe0f",
       "\u00ad", "\u200d", "\u202e", "\U000E0041"]


def test_matches_a_character_by_character_reference():
    rng = random.Random(20240611)
    for _ in range(4000):
        text = "".join(rng.choice(_TRICKY) for _ in range(rng.randrange(0, 40)))
        normal = Normalised(text)
        expected, starts, ends = _reference(text)
        assert normal.skeleton == expected, text
        assert [normal.start(i) for i in range(len(expected))] == starts, text
        assert [normal.end(i) for i in range(len(expected) + 1)] == ends, text


def test_spans_map_many_offsets_as_start_and_end_do_one_by_one():
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice(_TRICKY) for _ in range(rng.randrange(1, 40)))
        normal = Normalised(text)
        size = len(normal.skeleton)
        starts = [rng.randrange(size) for _ in range(5)] if size else []
        ends = [rng.randrange(size + 1) for _ in starts]
        assert normal.spans(starts, ends) == ([normal.start(i) for i in starts], [normal.end(i) for i in ends]), text


def _longest_at_boundaries(words: list[str], keys: set[str]) -> list[str]:
    """Leftmost-longest whole-word matches, written for clarity: at each word, the
    longest run of words that is a key; on a match, go on after it."""
    found, i = [], 0
    while i < len(words):
        length = next((n for n in range(len(words) - i, 0, -1) if " ".join(words[i:i + n]) in keys), 0)
        if length:
            found.append(" ".join(words[i:i + length]))
        i += length or 1
    return found


def test_matches_equal_a_plain_leftmost_longest_search():
    # keys that open other keys ("al", "al asad") and words that open keys ("alasad"):
    # a match that ends inside a word must still give way to a shorter key before it, and
    # a key inside a longer key's beginning is found at the end of the text ("... al asad air")
    keys = {"al", "al asad", "al asad air base", "asad", "air base", "base", "qaim", "al qaim", "ala", "air"}
    vocabulary = ["al", "asad", "alasad", "air", "base", "bases", "qaim", "qaimi", "ala", "alab", "x"]
    rng = random.Random(14)
    matcher = KeyMatcher({k: k for k in keys})
    for _ in range(500):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 9))]
        hits = TextIndex(" ".join(words)).hits(matcher)
        assert [h.payload for h in hits] == _longest_at_boundaries(words, keys), words


def test_a_key_inside_the_start_of_a_longer_key_is_found_at_the_end_of_the_text():
    matcher = KeyMatcher({skeleton(n): n for n in ("Erbil air base", "air")})
    assert [h.payload for h in TextIndex("flights from the Erbil air").hits(matcher)] == ["air"]


def test_no_match_runs_across_the_end_of_a_sentence_or_paragraph():
    matcher = KeyMatcher({skeleton(n): n for n in ("Madinat Khalifah", "Madinat Khalifah A", "St Louis", "Ft Bliss",
                                                   "United States")})
    text = "born in Madinat Khalifah.\n\nA report from St. Louis and Ft. Bliss, in the United\nStates."
    assert [h.payload for h in TextIndex(text).hits(matcher)] == [
        "Madinat Khalifah", "St Louis", "Ft Bliss", "United States"]  # abbreviations and a wrapped line are no end


def test_matches_equal_a_leftmost_longest_search_sentence_by_sentence():
    # (no word of one letter: "X. Al" is an initial before a name, no end of a sentence)
    keys = {"al", "al asad", "al asad air base", "asad", "air base", "base", "qaim", "al qaim", "air", "xy al"}
    vocabulary = ["al", "asad", "air", "base", "qaim", "xy", "alasad"]
    rng = random.Random(15)
    matcher = KeyMatcher({k: k for k in keys})
    for _ in range(500):
        sentences = [[rng.choice(vocabulary) for _ in range(rng.randint(1, 5))] for _ in range(rng.randint(1, 4))]
        text = "".join(rng.choice([". ", ".\n\n", "! ", "\n\n"]) * bool(i) + " ".join(words).capitalize()
                       for i, words in enumerate(sentences))
        expected = [found for words in sentences for found in _longest_at_boundaries(words, keys)]
        assert [h.payload for h in TextIndex(text).hits(matcher)] == expected, text


def test_a_stop_waits_while_the_compiled_functions_load():
    """A SIGTERM that arrives while numba loads its compiled functions (LLVM calls back
    into Python there) waits until they are loaded, then ends the process as a stop."""
    script = textwrap.dedent("""
        import os, signal, sys
        from geo.text import normalize

        def _terminated(signum, frame):
            raise SystemExit(128 + signum)

        signal.signal(signal.SIGTERM, _terminated)
        compiled = normalize._normalise

        def loading(*args):  # a stop arrives in the middle of the load
            os.kill(os.getpid(), signal.SIGTERM)
            print("loaded", flush=True)
            return compiled(*args)

        normalize._normalise = loading
        normalize.Normalised("Baghdad")
        print("not stopped", flush=True)
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    said = set(run.stdout.splitlines())
    assert (run.returncode, said) == (128 + signal.SIGTERM, {"loaded"}), run.stderr  # loaded, then stopped
