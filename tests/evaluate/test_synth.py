"""The benchmark's synthetic corpora (geo.evaluate.synth)."""

import csv

from geo.evaluate.synth import generate


def test_a_synthetic_corpus_spreads_over_the_days_asked(tmp_path):
    def dates(days):
        corpus = generate(tmp_path / str(days), 40, size=500, days=days)
        return {row["published"] for row in csv.DictReader((corpus / "documents.csv").open(encoding="utf-8"))}

    assert dates(1) == {"2023-10-01"}
    spread = dates(3660)
    assert len(spread) > 30 and max(spread) > "2025"
