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
    attacks = scores.attacks
    assert attacks.gold >= 12
    assert attacks.precision >= 0.9, [p["quote"][:60] for p in attacks.false_positives]
    assert attacks.recall >= 0.9, [g["quote"][:60] for g in attacks.false_negatives]


def test_all_event_types(scores):
    every = scores.every
    assert every.precision >= 0.9 and every.recall >= 0.8


def test_dates_of_matched_events(scores):
    every = scores.every
    assert every.dates_exact >= 0.95


def test_the_seeds_fields_are_scored_and_do_not_get_worse(scores):
    """Figures of 2026-12-07 (geo evaluate-events): the scorer now sees them."""
    every = scores.every
    assert every.accuracy("event type") >= 0.96 and every.accuracy("sub-type") >= 0.92
    assert every.accuracy("status") >= 0.82 and every.accuracy("killed and wounded") >= 0.92
    assert every.accuracy("place role") >= 0.92 and every.accuracy("actor") >= 0.53


# -- the scorer itself, on records written here

GOLD = {"doc": "d", "date": "2024-01-28", "date_end": "2024-01-28", "time_precision": "day", "places": ["tower-22"],
        "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike", "actor": "Islamic Resistance in Iraq",
        "status": "reported", "killed": 3, "wounded": 34, "start": 0, "end": 10, "quote": "q"}
RIGHT = {**{k: v for k, v in GOLD.items() if k != "places"}, "site_ids": ["tower-22"]}


def _score(*predicted):
    from geo.evaluate.events import score

    return score([GOLD], list(predicted))


def test_a_telling_that_agrees_in_every_field_scores_one_everywhere():
    s = _score(RIGHT)
    assert (s.precision, s.recall) == (1.0, 1.0) and all(s.accuracy(name) == 1.0 for name in s.fields)


@pytest.mark.parametrize("name, change", [
    ("date", {"date": "2024-01-27", "time_precision": "week"}),
    ("event type", {"event_type": "Battles"}),
    ("sub-type", {"sub_event_type": "Shelling/artillery/missile attack"}),
    ("actor", {"actor": "Kataib Hezbollah"}),
    ("status", {"status": "claimed"}),
    ("killed and wounded", {"wounded": 40}),
    ("place role", {"site_ids": ["tower-22", "jordan"]}),  # the country named with it taken as a place too
])
def test_a_field_that_disagrees_lowers_that_fields_figure_only(name, change):
    s = _score({**RIGHT, **change})
    assert len(s.matched) == 1 and s.accuracy(name) == 0.0
    assert all(s.accuracy(other) == 1.0 for other in s.fields if other != name)


def test_a_telling_elsewhere_or_on_other_days_is_no_match():
    for change in ({"site_ids": ["al-tanf-garrison"]}, {"date": "2024-02-02", "date_end": "2024-02-02"}, {"doc": "e"},
                   {"site_ids": []}):
        s = _score({**RIGHT, **change})
        assert not s.matched and len(s.false_positives) == 1 and len(s.false_negatives) == 1, change


def test_as_many_tellings_are_matched_as_can_be_paired():
    """A telling that agrees with two gold events takes the one no other telling can: a
    first-come matching would give it the first and leave the second telling unmatched."""
    from geo.evaluate.events import score

    wide = {**GOLD, "date_end": "2024-01-31", "start": 0}  # 28 to 31 January
    narrow = {**GOLD, "date": "2024-01-27", "start": 50}  # 27 and 28 January
    on_28th, on_30th = {**RIGHT, "start": 0}, {**RIGHT, "date": "2024-01-30", "date_end": "2024-01-30", "start": 60}
    s = score([wide, narrow], [on_28th, on_30th])
    assert len(s.matched) == 2 and not s.false_positives and not s.false_negatives
    assert (s.matched[0][1], s.matched[0][0]) == (on_28th, narrow)


def test_a_telling_is_paired_with_the_gold_event_of_its_own_type():
    """Of two gold events it agrees with (one document, day and place), a telling is
    compared with the one of its own type: an air strike with the air strike, not with
    the attack it answered."""
    from geo.evaluate.events import score

    attack = {**GOLD, "event_type": "Battles", "sub_event_type": "Armed clash", "start": 0}
    strike = {**GOLD, "start": 200}
    s = score([attack, strike], [{**RIGHT, "start": 0}])
    assert s.matched[0][0] is strike and s.accuracy("event type") == 1.0


def test_a_gold_place_is_matched_by_a_site_near_it(geoparser):
    """The guide's places are ids of places.csv: a gazetteer site within their reach agrees."""
    from geo.evaluate.annotated import Place, same_place
    from geo.evaluate.events import score

    places = {"tower-22-outpost": Place("tower-22-outpost", "Tower 22", "base", "JO", 33.3, 38.7, 1.0)}
    same = lambda site, place: same_place(geoparser.gazetteer[site], places[place])  # noqa: E731
    gold = {**GOLD, "places": ["tower-22-outpost"]}
    s = score([gold], [RIGHT], same)
    assert len(s.matched) == 1 and s.accuracy("place role") == 1.0
    far = {**RIGHT, "site_ids": ["ain-al-asad"]}
    assert not score([gold], [far], same).matched


def test_the_gold_of_a_corpus_is_its_own_events_file(tmp_path):
    from geo.evaluate.events import SEEDS_GOLD, gold_events

    assert gold_events(ROOT / "tests" / "fixtures" / "real" / "test") == ROOT / "tests/fixtures/real/test/events.jsonl"
    assert gold_events(tmp_path) == SEEDS_GOLD
    assert gold_events(tmp_path, tmp_path / "x.jsonl") == tmp_path / "x.jsonl"
