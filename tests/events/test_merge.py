"""Tellings of one event merge into one record; disagreements stay visible."""

from tellings import telling

from geo.events import Telling
from geo.events.merge import Merger


def test_same_event_from_two_documents_merges(geoparser):
    merger = Merger(geoparser.gazetteer)
    events = merger.across_documents([telling("a", 0, "2024-09-30", ["victory-base"], status="claimed"),
                                      telling("b", 5, "2024-09-30", ["baghdad"], status="confirmed")])
    [event] = events
    record = event.as_record(geoparser.gazetteer)
    assert len(record["sources"]) == 2 and not record["disputed"] and record["status"] == "claimed|confirmed"


def test_an_event_has_the_kind_most_tellings_with_a_weapon_give(geoparser):
    merger = Merger(geoparser.gazetteer)
    unstated = telling("a", 0, "2020-01-03", ["baghdad-airport"], kind="shelling", weapon="")  # "the U.S. strike"
    [event] = merger.across_documents([unstated] + [telling(doc, 5, "2020-01-03", ["baghdad-airport"])  # "airstrike"
                                                    for doc in "bc"])
    assert event.primary is unstated and event.as_record(geoparser.gazetteer)["sub_event_type"] == "Air/drone strike"
    strikes = [telling(doc, 5, "2020-01-08", ["ain-al-asad"], kind="shelling", weapon="") for doc in "ab"]
    [event] = merger.across_documents(strikes + [telling("c", 5, "2020-01-08", ["ain-al-asad"], weapon="aircraft")])
    assert event.as_record(geoparser.gazetteer)["sub_event_type"] == "Air/drone strike"  # the one that names a weapon
    [event] = merger.across_documents(strikes)
    assert event.as_record(geoparser.gazetteer)["sub_event_type"] == "Shelling/artillery/missile attack"  # none does
    reviewed = unstated._replace(reviewed=True)  # a reviewer's kind is not outvoted
    [event] = merger.across_documents([reviewed] + [telling(doc, 5, "2020-01-03", ["baghdad-airport"]) for doc in "bc"])
    assert event.as_record(geoparser.gazetteer)["sub_event_type"] == "Shelling/artillery/missile attack"


def test_different_places_same_day_and_toll_is_a_disputed_place(geoparser):
    merger = Merger(geoparser.gazetteer)
    [event] = merger.across_documents([telling("a", 0, "2024-01-28", ["tower-22"], killed=3),
                                       telling("b", 5, "2024-01-28", ["al-tanf-garrison"], killed=3)])
    record = event.as_record(geoparser.gazetteer)
    assert record["disputed"] and record["disputed_fields"] == ["place"]
    assert record["site_ids"] == ["tower-22", "al-tanf-garrison"]
    assert {s["doc"]: s["site_ids"] for s in record["sources"]} == {"a": ["tower-22"], "b": ["al-tanf-garrison"]}


def test_different_dates_for_the_same_strike_is_a_disputed_date(geoparser):
    merger = Merger(geoparser.gazetteer)
    [event] = merger.across_documents([telling("a", 0, "2024-01-28", ["tower-22"], killed=3),
                                       telling("b", 5, "2024-01-27", ["tower-22"], killed=3)])
    assert event.disputed_fields == ["date"]


def test_unrelated_events_stay_apart(geoparser):
    merger = Merger(geoparser.gazetteer)
    events = merger.across_documents([telling("a", 0, "2024-01-28", ["tower-22"], killed=3),
                                      telling("b", 5, "2024-01-28", ["eilat"]),
                                      telling("c", 5, "2024-02-20", ["tower-22"], killed=3)])
    assert len(events) == 3 and not any(e.disputed_fields for e in events)


def test_a_telling_joins_by_the_place_of_the_event_not_of_its_other_tellings(geoparser):
    # b shares Amman with a and joins it; c shares only Beirut, which b brought: no chain
    merger = Merger(geoparser.gazetteer)
    events = merger.across_documents([telling("a", 0, "2023-11-08", ["amman"], kind="protest", weapon=""),
                                      telling("b", 0, "2023-11-08", ["amman", "beirut"], kind="protest", weapon=""),
                                      telling("c", 0, "2023-11-08", ["beirut"], kind="protest", weapon="")])
    assert sorted([s.doc for s in e.tellings] for e in events) == [["a", "b"], ["c"]]


def test_the_most_precise_telling_in_a_document_wins(geoparser):
    merger = Merger(geoparser.gazetteer)
    week = Telling(doc="a", start=0, end=5, quote="q", kind="shelling", date="2024-09-30", date_end="2024-10-06",
                   time_precision="week", date_derivation="relative-to-event", site_ids=("victory-base",), actor="",
                   target="", weapon="rocket", killed=None, wounded=None, status="reported")
    day = telling("a", 50, "2024-09-30", ["baghdad"], weapon="rocket", kind="shelling")
    [merged] = merger.within_document([day, week])
    assert (merged.time_precision, merged.site_ids) == ("day", ("victory-base",))


def test_an_attack_told_again_in_a_document_as_another_kind_is_one_telling(geoparser):
    merger = Merger(geoparser.gazetteer)
    drone = telling("a", 0, "2020-01-07", ["ain-al-asad"])  # "a drone attack on Ain al-Asad on Tuesday"
    rocket = telling("a", 90, "2020-01-07", [], weapon="rocket", kind="shelling")  # "Tuesday's rocket attack"
    protest = telling("a", 200, "2020-01-07", ["ain-al-asad"], weapon="", kind="protest")  # another family
    assert [(t.kind, t.site_ids) for t in merger.within_document([drone, rocket, protest])] == [
        ("air-drone", ("ain-al-asad",)), ("protest", ("ain-al-asad",))]


def test_merging_lets_go_of_events_no_later_telling_can_join(geoparser):
    """merge_sorted is a stream: an event is out before tellings a month later are read."""
    tellings = [telling("a", 0, "2024-01-28", ["tower-22"], killed=3),
                telling("b", 0, "2024-01-29", ["tower-22"], killed=3),
                telling("c", 0, "2024-03-01", ["victory-base"]), telling("d", 0, "2024-05-01", ["victory-base"])]
    read = []

    def stream():
        for t in tellings:
            read.append(t.doc)
            yield t

    events = Merger(geoparser.gazetteer).merge_sorted(stream())
    first = next(events)
    assert [s.doc for s in first.tellings] == ["a", "b"] and read == ["a", "b", "c"]
    assert [s.doc for e in events for s in e.tellings] == ["c", "d"]


def test_merger_remembers_only_pairs_close_enough_to_measure(geoparser):
    merger = Merger(geoparser.gazetteer)
    far = [(a, b) for a in ("baghdad", "erbil", "eilat") for b in ("al-tanf-garrison", "tower-22")]
    assert not any(merger.places_overlap((a,), (b,)) for a, b in far)
    from geopy.distance import geodesic

    site = geoparser.gazetteer.__getitem__
    assert merger._near_cache and all(geodesic((site(i).lat, site(i).lon), (site(j).lat, site(j).lon)).km < 50
                                      for i, j in merger._near_cache)


def test_the_rough_distance_is_geopys_great_circle():
    import random

    from geopy.distance import great_circle

    from geo.events.merge import _sphere_km

    rng = random.Random(7)
    pairs = [((rng.uniform(10, 45), rng.uniform(25, 60)), (rng.uniform(10, 45), rng.uniform(25, 60))) for _ in range(500)]
    assert all(abs(_sphere_km(*a, *b) - great_circle(a, b).km) < 1e-9 for a, b in pairs)


def test_remembered_place_keys_stay_bounded_and_change_nothing(geoparser, monkeypatch):
    import geo.events.merge

    places = ["victory-base", "baghdad", "tower-22", "al-tanf-garrison", "erbil", "eilat"]
    tellings = [telling(doc, 0, f"2024-01-{day:02d}", [place]) for day in range(1, 8)
                for doc, place in zip("abcdef", places)]
    plain = [e.as_record(geoparser.gazetteer) for e in Merger(geoparser.gazetteer).across_documents(tellings)]
    monkeypatch.setattr(geo.events.merge, "PLACE_KEYS_REMEMBERED", 3)
    merger = Merger(geoparser.gazetteer)
    bounded = [e.as_record(geoparser.gazetteer) for e in merger.across_documents(tellings)]
    assert bounded == plain and 0 < len(merger._place_key_cache) <= 3
