"""What the property tests share: Hypothesis settings that make every run the same, and
strategies for news-like texts made of the gazetteer's names, trap words and noise, and
for hostile strings."""

from __future__ import annotations

import json

from helpers import FIXTURES
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from geo.gazetteer.sites import COLUMNS, CURATED
from geo.io import read_rows

# Derandomised (examples drawn from a fixed seed per test) and without a database: a run
# is the run before it, never flaky, and writes nothing into the tree.
FIXED = settings(derandomize=True, database=None, deadline=None, print_blob=False,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# For properties whose every example runs the command line: a failing example is reported
# as found, not shrunk (shrinking would run the command hundreds of times).
FIXED_UNSHRUNK = settings(FIXED, phases=[Phase.explicit, Phase.reuse, Phase.generate])

# The curated sites' names and aliases (read from the file: no geoparser needed to draw them)
NAMES = sorted({name for _, row in read_rows(CURATED, COLUMNS, exact=True)
                for name in [row["name"], *filter(None, row["aliases"].split("|"))]})
# Person and organisation names that hold a place's word ("Mustafa al-Kadhimi", "US Department of Defense")
TRAPS = sorted({json.loads(line)["surface"] for line in (FIXTURES / "seed_traps.jsonl").open(encoding="utf-8")})
WORDS = ["the", "in", "near", "at", "on", "of", "outside", "base", "air base", "Air Base", "airport", "province",
         "border crossing", "Camp", "Fort", "Tower 22", "the embassy in", "attack on", "drones struck", "said",
         "forces", "militia", "Gen.", "Mr.", "Dr.", "St.", "No.", "U.S.", "U.K.", "Jan.", "a.m.", "e.g.", "Iran-backed",
         "Islamic Resistance in Iraq", "Kataib Hezbollah", "Monday", "7 November", "2024", "km", "3.5"]
NOISE = [".", ". ", "! ", "? ", "?!", ",", ";", ":", "'s", "’s", "'", "’", "-", "–", "—", "(", ")", "[", "]", '"', "“",
         "”", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", " ", "  ", "\u00a0", "\x00", "\u202e", "\u202c", "\u200d",
         "\u200c", "\u200b", "\ufeff", "\u00ad", "\u2028", "🙂", "🇮🇶", "\u0661", "\u0640", "A.", "J.", "...", "…"]


def _spelt(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from([name, name.upper(), name.lower(), name + "'s", name + "’s", name.replace(" ", "\n")])


_NAMES = st.sampled_from(NAMES).flatmap(_spelt)
TOKENS = st.one_of(_NAMES, _NAMES, _NAMES, st.sampled_from(TRAPS), st.sampled_from(WORDS), st.sampled_from(WORDS),
                   st.sampled_from(NOISE), st.sampled_from(NOISE), st.text(max_size=6))  # names drawn three times as often
SEPARATORS = st.sampled_from([" ", " ", " ", "", ". ", ", ", ".\n\n", "\n", " — ", "\x00", "\u200d"])
TEXTS = st.lists(st.tuples(TOKENS, SEPARATORS), max_size=40).map(lambda pairs: "".join(a + b for a, b in pairs))

# Strings meant to break out of an attribute, a tag, a script, a comment or a JSON string
PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "'><svg onload=alert(3)>",
            "</script><script>alert(4)</script>", "<!--", "-->", "]]>", "</textarea><iframe src=javascript:alert(5)>",
            "javascript:alert(6)", " onmouseover=alert(7) x=", "{{7*7}}", "${alert(8)}", "&lt;b&gt;", "&amp;", "\\",
            '\\"', "\u2028", "\u2029", "</style>", "<a href=javascript:alert(9)>x</a>", "\x00", "\u202e"]
HOSTILE = st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=8)), min_size=1, max_size=4).map("".join)
