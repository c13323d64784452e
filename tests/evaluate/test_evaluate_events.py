"""The extractor against the hand annotation of the seeds' events (targets of issue 3:
precision and recall >= 0.9 for attacks and strikes, the date exactly right for >= 95 %
of matched events)."""

import pytest
from helpers import FIXTURES, ROOT

from geo.evaluate.events import evaluate_events


@pytest.fixture(scope="module")
def scores():
    return evaluate_events(ROOT / "seeds", FIXTURES / "seed_events.jsonl")


def test_attacks_and_strikes(scores):
    attacks, _ = scores
    assert attacks.gold >= 12
    assert attacks.precision >= 0.9, [p["quote"][:60] for p in attacks.false_positives]
    assert attacks.recall >= 0.9, [g["quote"][:60] for g in attacks.false_negatives]


def test_all_event_types(scores):
    _, every = scores
    assert every.precision >= 0.9 and every.recall >= 0.8


def test_dates_of_matched_events(scores):
    _, every = scores
    assert every.dates_exact >= 0.95
