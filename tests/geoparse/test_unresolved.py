"""Place-like phrases the gazetteer lacks, with the kind their words suggest: made-up
sentences and made-up places (Zelwood, Qarvan, Brenner, Tarzeh) over the small test
gazetteer."""

import pytest

from geo.gazetteer import KINDS, load_lexicons
from geo.geoparse.unresolved import find_unresolved


def unresolved(geoparser, text):
    return [(m.surface, m.kind) for m in geoparser.parse("t", text) if m.status == "unresolved"]


@pytest.mark.parametrize("text, expected", [
    # designators before the name, part of it
    ("Soldiers at Camp Zelwood trained local troops.", [("Camp Zelwood", "base")]),
    ("Camp Zelwood lies east of the river.", [("Camp Zelwood", "base")]),
    ("Two drones struck Fort Quillan and Ft. Quillan overnight.", [("Fort Quillan", "base"), ("Ft. Quillan", "base")]),
    ("Troops at Mission Support Site Zelwood and MSS Qarvan came under fire.",
     [("Mission Support Site Zelwood", "base"), ("MSS Qarvan", "base")]),
    ("He served at Joint Base Zelwood and Forward Operating Base Qarvan.",
     [("Joint Base Zelwood", "base"), ("Forward Operating Base Qarvan", "base")]),
    ("A drone hit Tower 31, then Tower31 and Tower-31 again.",
     [("Tower 31", "outpost"), ("Tower31", "outpost"), ("Tower-31", "outpost")]),
    # capitalised designators after the name, part of it
    ("Crews flew from Brenner Air Force Base to Tarzeh Air Base.",
     [("Brenner Air Force Base", "airbase"), ("Tarzeh Air Base", "airbase")]),
    ("Rockets hit Tarzeh Airbase, Qarvan Air Field and Zelwood Airfield.",
     [("Tarzeh Airbase", "airbase"), ("Qarvan Air Field", "airbase"), ("Zelwood Airfield", "airbase")]),
    ("The wounded were flown to Brenner Medical Center, then to Qarvan Hospital.",
     [("Brenner Medical Center", "facility"), ("Qarvan Hospital", "facility")]),
    ("Fighting reached Zelwood Camp and the Qarvan Refugee Camp.",
     [("Zelwood Camp", "base"), ("Qarvan Refugee Camp", "facility")]),
    ("Trucks waited at the Qarvan Border Crossing.", [("Qarvan Border Crossing", "border-crossing")]),
    ("King Tarzeh Air Base hosts jets.", [("King Tarzeh Air Base", "airbase")]),
    ("Drone Attack At Zelwood Air Base", [("Zelwood Air Base", "airbase")]),
    # lower-case head nouns: not part of the name, but they say its kind
    ("The Zelwood garrison was attacked.", [("Zelwood", "base")]),
    ("The Qarvan outpost and the outpost Zelwood were hit.", [("Qarvan", "outpost"), ("Zelwood", "outpost")]),
    ("Trucks queued at the Qarvan border crossing and the Zelwood crossing.",
     [("Qarvan", "border-crossing"), ("Zelwood", "border-crossing")]),
    ("A convoy left the Tarzeh air base and the Qarvan airbase.", [("Tarzeh", "airbase"), ("Qarvan", "airbase")]),
    ("Families fled to the Zelwood refugee camp; militias held the Qarvan camp.",
     [("Zelwood", "facility"), ("Qarvan", "base")]),
    ("Shelling hit Zelwood province and the Qarvan district.", [("Zelwood", "governorate"), ("Qarvan", "district")]),
    # an embassy or a consulate in a named place: the whole phrase
    ("Protesters stormed the embassy in Zelwood and the Turkish consulate in Qarvan.",
     [("embassy in Zelwood", "facility"), ("Turkish consulate in Qarvan", "facility")]),
    # a name after a locative preposition: no kind
    ("Fighting broke out in Zelwood.", [("Zelwood", "")]),
])
def test_place_like_phrases_with_their_kinds(mini_geoparser, text, expected):
    assert unresolved(mini_geoparser, text) == expected


def test_every_guessed_kind_is_a_gazetteer_kind_or_none(mini_geoparser):
    text = ("Camp Zelwood, Tower 9, Qarvan Hospital, the Zelwood border crossing, the Qarvan oil field, the Tarzeh "
            "gas field, Zelwood refinery, Qarvan port, Tarzeh airport and fighting in Brenner.")
    kinds = {kind for _, kind in unresolved(mini_geoparser, text)}
    assert len(kinds) >= 6 and kinds <= KINDS | {""}


@pytest.mark.parametrize("text", [
    "Rockets hit Harir Air Base and Camp Victory.",  # names the gazetteer has
    "Rockets hit Ain al-Assad and Al Asad Airbase.",
    "Two rockets hit the embassy in Baghdad.",  # Baghdad is resolved: no phrase overlaps it
    "Troops left Camp Al-Walid at dawn.",
])
def test_resolved_places_are_not_reported(mini_geoparser, text):
    assert unresolved(mini_geoparser, text) == []


def test_a_name_the_rules_set_aside_does_not_hide_the_facility_phrase(mini_geoparser):
    # "Victoria" is a stem of a base; without a head noun or military context the rules
    # leave it unread, and the whole phrase is still something a curator may add.
    assert unresolved(mini_geoparser, "Tourists visited Camp Victoria yesterday.") == [("Camp Victoria", "base")]


@pytest.mark.parametrize("text", [
    "Sgt. Kennedy Sanders of Waycross was among the dead.",
    "Col. Fort Adams briefed reporters.",  # a title before the designator: a person
    "Lt. Col. Richard Camp spoke, as did John Camp Smith and John Camp.",
    "Officials from the Islamic Resistance in Iraq met at Camp Victory Command.",  # an organisation
    "The Camp Zelwood Accords were signed.",
    "The Atlantic Council and the Coalition Base met.",
    "He praised the Washington Institute Hospital staff.",
    "He joined the Syrian Democratic Forces Camp.",
    "The strike came at President Zelmora's direction.",  # a title: the rules read a person
    "Papers were found at Mr Zelmora's house and in Ahmed Qarvandeh's car.",
    "Trucks massed near the Iraqi-Syrian border.",  # demonyms, not a name
])
def test_people_and_organisations_are_not_reported(mini_geoparser, text):
    assert unresolved(mini_geoparser, text) == []


def test_tower_with_and_without_a_space(geoparser):
    """The real gazetteer has Tower 22: both spellings are the site; another number is a gap."""
    text = "A drone hit Tower 22 on Sunday; Tower22 had been hit before, and Tower 31 too."
    mentions = [(m.surface, m.status, m.kind) for m in geoparser.parse("t", text) if m.surface.startswith("Tower")]
    assert mentions == [("Tower 22", "resolved", "outpost"), ("Tower22", "resolved", "outpost"),
                        ("Tower 31", "unresolved", "outpost")]


def test_phrases_do_not_overlap_each_other_or_mentions(mini_geoparser):
    text = "Near Camp Zelwood Air Base, at Camp Zelwood and near the Zelwood base, Baghdad embassy in Qarvan."
    mentions = mini_geoparser.parse("t", text)
    spans = sorted((m.start, m.end) for m in mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert ("Camp Zelwood Air Base", "airbase") in unresolved(mini_geoparser, text)


def test_facility_phrases_are_checked_against_known_mentions_only():
    lexicons = load_lexicons()
    text = "Troops left Camp Zelwood."
    zelwood = (text.index("Zelwood"), text.index("Zelwood") + len("Zelwood"))
    camp = (text.index("Camp"), zelwood[1], "base")
    assert find_unresolved(text, [zelwood], lexicons, known=[]) == [camp]
    assert find_unresolved(text, [zelwood], lexicons) == []  # known defaults to taken
    assert find_unresolved(text, [zelwood], lexicons, known=[zelwood]) == []


def test_a_phrase_ends_at_a_line_break(mini_geoparser):
    assert unresolved(mini_geoparser, "Camp Zelwood\nQarvan Hospital\nTower 7") == [
        ("Camp Zelwood", "base"), ("Qarvan Hospital", "facility"), ("Tower 7", "outpost")]


def test_a_rank_abbreviation_opens_no_unresolved_name(geoparser):
    mentions = geoparser.parse("t", "Mourners gathered at Sgt. Kennedy Sanders' grave near Spc. Moffett's.")
    assert [m.surface for m in mentions if m.status == "unresolved"] == []
