"""The world layer, resolved by the document: "X, Y", locative evidence, focus, population."""

import pytest


def places(geoparser, text):
    return [(m.surface, m.site_id, m.kind) for m in geoparser.parse("t", text) if m.status == "resolved"]


def site_of(geoparser, text, surface):
    [(site, kind)] = [(s, k) for found, s, k in places(geoparser, text) if found == surface]
    return geoparser.gazetteer[site]


@pytest.mark.parametrize("text, town, state", [
    ("Spc. Sanders, 24, of Waycross, Georgia, was killed.", "Waycross", "us-ga"),
    ("He grew up in Columbus, Ohio, before enlisting.", "Columbus", "us-oh"),
    ("He grew up in Columbus, Georgia, before enlisting.", "Columbus", "us-ga"),
    ("The unit is based in Savannah, Ga., and deployed in January.", "Savannah", "us-ga"),
])
def test_a_town_and_its_state_bind_each_other(geoparser, text, town, state):
    assert site_of(geoparser, text, town).admin1 == state
    parent = next(s for found, s, _ in places(geoparser, text) if found != town)
    assert parent == state


def test_a_state_abbreviation_alone_is_no_place(geoparser):
    assert places(geoparser, "The plan, Ga. officials said, was approved.") == []


@pytest.mark.parametrize("state, site", [("Texas", "us-tx"), ("Idaho", "us-id"), ("Ohio", "us-oh"),
                                         ("California", "us-ca")])
def test_a_state_named_in_full_is_a_place_however_short_its_name(geoparser, state, site):
    assert (state, site, "state") in places(geoparser, f"The bombers flew from {state} to the Gulf.")


@pytest.mark.parametrize("text", ["Austin said the strikes were a response.", "The Houston Texans won again.",
                                  "Moore told reporters that the base was hit.",
                                  "He studied at the University of Baghdad.", "at the time of the attack"])
def test_a_world_town_needs_locative_evidence(geoparser, text):
    assert [p for p in places(geoparser, text) if p[2] in ("city", "town")] == []


def test_with_locative_evidence_the_most_populous_town_of_the_name(geoparser):
    assert site_of(geoparser, "The remains were flown to Austin on Friday.", "Austin").admin1 == "us-tx"


@pytest.mark.parametrize("text, country", [
    ("The U.S. Army Reserve soldiers were from Georgia.", "US"),
    ("Tbilisi, Georgia, hosted the talks.", "GE"),
])
def test_the_document_decides_which_georgia(geoparser, text, country):
    assert site_of(geoparser, text, "Georgia").country == country


def test_a_dateline_places_a_world_town(geoparser):
    text = "Statement on the attack\n\nNEWARK – U.S. Senator Bob Menendez said today"
    assert site_of(geoparser, text, "NEWARK").admin1 == "us-nj"


@pytest.mark.parametrize("text, surface, site", [
    ("The Tower22 outpost was hit.", "Tower22 outpost", "tower-22"),
    ("ISIS captured the border checkpoint at Al-Tanf in 2015.", "Al-Tanf", "al-tanf-crossing"),
])
def test_spellings_and_heads_before_a_name(geoparser, text, surface, site):
    assert [(s, i) for s, i, _ in places(geoparser, text) if s == surface] == [(surface, site)]


@pytest.mark.parametrize("text, expected", [
    ("They flew out of Washington, D.C., on Monday.", [("Washington", "washington"), ("D.C.", "washington")]),
    ("WASHINGTON, DC — The senator said", [("WASHINGTON", "washington"), ("DC", "washington")]),
    ("They met in Washington DC on Monday.", [("Washington DC", "washington")]),
])
def test_a_name_written_with_a_comma_is_two_mentions(geoparser, text, expected):
    assert [(s, i) for s, i, _ in places(geoparser, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Guard units based in Arizona, California, Kentucky and New York.",
     ["us-az", "us-ca", "us-ky", "us-ny"]),
    ("Location: Anbar and Kirkuk, Iraq", ["anbar-governorate", "kirkuk-governorate", "iraq"]),
    ("Erbil, Duhok and Sulaymaniyah provinces", ["erbil-governorate", "duhok-governorate",
                                                 "sulaymaniyah-governorate"]),
    ("fighting in Anbar and Baghdad", ["anbar-governorate", "baghdad"]),  # a capital stays the city
    ("rockets from Kirkuk and Mosul", ["kirkuk", "mosul"]),
])
def test_names_coordinated_with_provinces_or_states_are_of_their_kind(geoparser, text, expected):
    assert [i for _, i, _ in places(geoparser, text)] == expected


def test_a_mountain_named_after_a_town_is_not_the_town(geoparser):
    assert [(s, i) for s, i, _ in places(geoparser, "Yazidis fled to Mount Sinjar above Sinjar.")] == \
        [("Mount Sinjar", "sinjar-mountains"), ("Sinjar", "sinjar")]
    assert places(geoparser, "on Mount Hit") == []


@pytest.mark.parametrize("text, expected", [
    ("units in Yonkers, Peekskill and Orangeburg, departed", ["Yonkers", "Peekskill", "Orangeburg"]),
    ("departed Stewart Air National Guard Base, in Newburgh, New York, on Monday",
     ["Stewart Air National Guard Base", "Newburgh", "New York"]),
    ("a ceremony at the Middle School in Forest Grove, Oregon.", ["Forest Grove", "Oregon"]),
])
def test_world_towns_in_lists_and_under_a_state_named_like_a_city(geoparser, text, expected):
    assert [s for s, _, _ in places(geoparser, text)] == expected


def test_a_state_named_like_a_city_is_the_state_after_a_town():
    from geo.geoparse import geoparser_for
    found = {s: i for s, i, _ in places(geoparser_for(), "in Newburgh, New York, and in New York City")}
    assert found["New York"] == "us-ny" and found["New York City"] == "new-york"


def test_a_dateline_of_town_state_and_country(geoparser):
    text = "Guard story\n\nNEWBURGH, NEW YORK, UNITED STATES\n\n08.16.2023"
    assert [(s, i) for s, i, _ in places(geoparser, text)] == [
        ("NEWBURGH", "gn-5128654"), ("NEW YORK", "us-ny"), ("UNITED STATES", "united-states")]


def test_a_surname_after_a_middle_initial_is_a_person(geoparser):
    assert places(geoparser, "Brigadier General Richard E. Ellsworth commanded") == []


def test_a_first_name_once_does_not_make_the_place_a_person_everywhere(geoparser):
    text = 'Garrison: Macon, Georgia. It was organized as the "Macon Volunteers, Georgia Volunteer Militia".'
    assert [(s, i) for s, i, _ in places(geoparser, text)][:2] == [("Macon", "gn-4207400"), ("Georgia", "us-ga")]


@pytest.mark.parametrize("text, expected", [
    ("glass at the Bright Castle Motors building", []),
    ("born in Columbus Ohio", ["Columbus", "Ohio"]),
    ("of the Obama Iran deal", ["Iran"]),
])
def test_a_world_town_that_opens_a_longer_name_is_not_the_town(geoparser, text, expected):
    assert [s for s, _, _ in places(geoparser, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("gathered in Eden Prairie Feb. 1, 2024, for a ceremony", ["Eden Prairie"]),  # a month, no name's word
    ("gathered in Eden Prairie Sports Center for a ceremony", []),
])
def test_a_month_abbreviation_after_a_world_town_does_not_lengthen_its_name(geoparser, text, expected):
    assert [s for s, _, _ in places(geoparser, text)] == expected


@pytest.mark.parametrize("text, unresolved", [
    ("They moved to Camp Virginia and Camp Arizona in Kuwait.", ["Camp Virginia", "Camp Arizona"]),
    ("He served at Joint Base San Antonio before deploying.", ["Joint Base San Antonio"]),
])
def test_a_far_places_name_after_a_facility_designator_is_the_facilitys(geoparser, text, unresolved):
    mentions = geoparser.parse("t", text)
    assert [m.surface for m in mentions if m.status == "unresolved"] == unresolved
    assert not {"new-york", "us-va"} & {m.site_id for m in mentions}
    assert all(m.country in ("KW", "") for m in mentions)


def test_a_camp_named_after_a_theatre_town_stands_near_it(geoparser):
    assert [(s, i) for s, i, _ in places(geoparser, "Rockets struck Camp Ramadi on Monday.")] == [("Ramadi", "ramadi")]


def test_names_listed_under_a_plural_area_noun_are_not_towns(geoparser):
    assert places(geoparser, "It lies in Liberty and Bryan counties and in Evans, Long, and Tattnall counties") == []
    assert places(geoparser, "the rest of Liberty and Long Counties, and Evans, Long, and Tattnall Counties") == []


def test_a_city_of_a_million_outranks_the_documents_focus(geoparser):
    text = "Soldiers from Fort Stewart, Georgia, were treated at U.S. hospitals in Frankfurt and Berlin."
    assert {s: c for s, c in ((s, geoparser.gazetteer[i].country) for s, i, _ in places(geoparser, text))}[
        "Berlin"] == "DE"


@pytest.mark.parametrize("text, label, site", [
    ("2022 Erbil missile attacks\nLocationErbil, Kurdistan Region, Iraq\n", "Location", "erbil"),
    ("RoleAirborne assault\nGarrison/HQFort Liberty, North Carolina, U.S.\n", "Garrison/HQ", "fort-liberty"),
])
def test_a_name_glued_to_an_infobox_label_is_read(geoparser, text, label, site):
    # text copied from a page runs an infobox's label into its value
    glued = text.index(label) + len(label)
    assert [m.site_id for m in geoparser.parse("t", text) if m.start == glued] == [site]


def test_a_name_glued_to_an_area_label_is_left_alone(geoparser):
    # "DistrictQamishli" is the district, which the town's point would misplace
    assert [m.surface for m in geoparser.parse("t", "Country Syria\nDistrictQamishli\n") if m.status == "resolved"] \
        == ["Syria"]


def test_an_infobox_region_names_the_governorate_not_its_city(geoparser):
    text = "Country: Syria\n- Region: Al-Hasakah\n\nTell Tamer is a town. He went to Al-Hasakah."
    found = [(m.surface, m.site_id) for m in geoparser.parse("t", text) if m.surface == "Al-Hasakah"]
    assert found == [("Al-Hasakah", "hasakah-governorate"), ("Al-Hasakah", "hasakah")]
    glued = "Country Syria\nGovernorateAl-Hasakah\n"  # the label glued to the name's article
    assert [m.site_id for m in geoparser.parse("t", glued) if m.status == "resolved"] == ["syria", "hasakah-governorate"]


@pytest.mark.parametrize("text, absent", [
    ("Nearby localities include Suwaydan Jazirah to the southeast.", "Jazirah"),  # a village the gazetteer lacks
    ("The airbase was bombed in Operation Kaman 99 in 1980.", "Kaman"),  # an operation's name
])
def test_a_small_towns_name_inside_a_longer_name_is_no_town(geoparser, text, absent):
    assert absent not in [m.surface for m in geoparser.parse("t", text)]


def test_a_small_town_after_a_demonym_is_still_the_town(geoparser):
    assert [m.surface for m in geoparser.parse("t", "The Syrian Jazirah was hit.") if m.status == "resolved"] == [
        "Jazirah"]


def test_a_lower_layer_town_of_another_country_than_the_rest_of_its_list_is_not_it(geoparser):
    # al-Sabha is known in Jordan only; the list's other towns are Syrian
    text = "SDF retakes the towns of al-Sabha, al-Busayrah, al-Shuhayl, al-Hawaij, al-Dhiban."
    assert [s for s, _, _ in places(geoparser, text)] == ["al-Busayrah", "al-Shuhayl", "al-Hawaij", "al-Dhiban"]
    # capitals of three countries: a list of several countries' places
    assert [s for s, _, _ in places(geoparser, "He visited Amman, Baghdad and Damascus.")] == ["Amman", "Baghdad",
                                                                                              "Damascus"]


def test_a_world_town_outside_its_parent_state_is_another_town_and_the_state_stays(geoparser):
    # Edinburgh, Indiana is smaller than the world layer's towns: not Edinburgh in Scotland
    found = [(m.surface, m.site_id) for m in geoparser.parse("t", "EDINBURGH, Ind. -- Soldiers gathered.")]
    assert found == [("Ind.", "us-in")]
    # a list of countries after a city is no parent
    assert ("Paris", "paris", "city") in places(geoparser, "Officials from Paris, Italy and Spain met.")


def test_a_facilitys_reservation_is_the_facility(geoparser):
    [mention] = geoparser.parse("t", "Fort Stewart Military Reservation covers 280,000 acres.")
    assert (mention.surface, mention.site_id, mention.literal) == ("Fort Stewart", "fort-stewart", True)
