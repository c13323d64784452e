"""Property: one process or two, the same bytes.  For corpora Hypothesis makes (news-like
texts around sentences that tell events), ``geo mentions`` and ``geo events`` write the
same bytes with ``--jobs 1`` and ``--jobs 2``, and every quote of every event is its
document's text at its offsets.  A few examples only: each is four runs of the command."""

import json
import tempfile
from pathlib import Path

from faulting import geo
from helpers import write_corpus
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import FIXED_UNSHRUNK, TEXTS

EVENTS = ["Drones struck Ain al-Asad air base on Monday, the Pentagon said.",
          "Three rockets were fired at the Victoria military base in Baghdad on 7 November.",
          "The Islamic Resistance in Iraq claimed a drone attack on Al-Tanf garrison.",
          "Protesters gathered in Sadr City on Friday.",
          "U.S. airstrikes hit Kataib Hezbollah sites in Al-Qaim, killing two fighters."]
DOCUMENTS = st.tuples(TEXTS, st.lists(st.sampled_from(EVENTS), max_size=3), TEXTS).map(
    lambda parts: parts[0] + " " + " ".join(parts[1]) + "\n\n" + parts[2])
DATES = st.sampled_from(["2023-11-08", "2024-01-29", "2024-02", "2023"])


@settings(FIXED_UNSHRUNK, max_examples=3)
@given(documents=st.lists(st.tuples(DOCUMENTS, DATES), min_size=2, max_size=4))
def test_one_process_or_two_write_the_same_bytes(documents):
    with tempfile.TemporaryDirectory() as folder:
        corpus = write_corpus(Path(folder) / "corpus", {f"d{i}.txt": text for i, (text, _) in enumerate(documents)},
                              [f"d{i},d{i}.txt,T,P,,{date},https://example.org/{i}"
                               for i, (_, date) in enumerate(documents)])
        outputs = {}
        for command in ("mentions", "events"):
            for jobs in ("1", "2"):
                result = geo(command, "--corpus", corpus, "--jobs", jobs)
                assert result.returncode == 0, result.stderr
                outputs[command, jobs] = result.stdout
        assert outputs["mentions", "1"] == outputs["mentions", "2"]
        assert outputs["events", "1"] == outputs["events", "2"]
        texts = {f"d{i}": text for i, (text, _) in enumerate(documents)}
        events = [json.loads(line.rstrip(",")) for line in outputs["events", "1"].splitlines()[1:-1]]
        for source in (s for e in events for s in e["sources"]):
            assert texts[source["doc"]][source["start"]:source["end"]] == source["quote"], source
