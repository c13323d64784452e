from pathlib import Path

import pytest

from geo.errors import InputError
from geo.gazetteer.check import check_gazetteer
from geo.gazetteer.lexicons import LEXICON_DIR, load_lexicons
from geo.gazetteer.sites import COLUMNS, alias_keys, load_gazetteer

HEADER = ",".join(COLUMNS) + "\n"
GOOD = "baghdad,Baghdad,city,IQ,,33.34,44.39,10000,,,,IQ,geonames:98182,\n"


def write(tmp_path: Path, rows: str, ambiguities: str = "alias,sites,default,note\n"):
    (tmp_path / "g.csv").write_text(HEADER + rows, encoding="utf-8")
    (tmp_path / "a.csv").write_text(ambiguities, encoding="utf-8")
    return tmp_path / "g.csv", tmp_path / "a.csv"


def load(tmp_path, rows, ambiguities="alias,sites,default,note\n"):
    gazetteer, declared = write(tmp_path, rows, ambiguities)
    return load_gazetteer(gazetteer, None, declared, frozenset(), world=None)


@pytest.mark.parametrize("row, message", [
    ("basra,Basra,city,IQ,,95.0,47.8,10000,,,,,geonames:1,\n", "out of range"),
    ("basra,Basra,city,IQ,,30.5,east,10000,,,,,geonames:1,\n", "lon is not a number"),
    ("basra,Basra,metropolis,IQ,,30.5,47.8,10000,,,,,geonames:1,\n", "unknown kind"),
    ("basra,Basra,city,Iraq,,30.5,47.8,10000,,,,,geonames:1,\n", "ISO 3166-1"),
    ("basra,Basra,city,IQ,,30.5,47.8,10000,,,,,,\n", "no source"),
    ("Basra City,Basra,city,IQ,,30.5,47.8,10000,,,,,geonames:1,\n", "invalid id"),
    ("basra,Basra,city,IQ,,30.5,47.8,10000,,Al-Basrah||Basrah,,,geonames:1,\n", "empty entry"),
    ("baghdad,Baghdad again,city,IQ,,33.3,44.4,10000,,,,,geonames:1,\n", "duplicate id"),
    ("basra,Basra,city,IQ,30.5\n", "expected 14 fields"),
])
def test_malformed_rows_name_file_and_line(tmp_path, row, message):
    with pytest.raises(InputError) as info:
        load(tmp_path, GOOD + row)
    assert "g.csv:3" in str(info.value) and message in str(info.value)


def test_bad_ambiguity_declaration(tmp_path):
    with pytest.raises(InputError) as info:
        load(tmp_path, GOOD, "alias,sites,default,note\nBaghdad,baghdad|nowhere,baghdad,\n")
    assert "a.csv:2" in str(info.value) and "nowhere" in str(info.value)


def test_check_finds_a_point_outside_its_country_and_an_undeclared_alias(tmp_path):
    rows = (GOOD + "fake,Fake Base,base,JO,,33.34,44.39,2000,,Baghdad,,,test,\n"
            "tanf,Al-Tanf Garrison,base,SY,,33.49,38.62,2000,,,,,test,\n")
    problems, _ = check_gazetteer(load(tmp_path, rows), tolerance_km=5)
    text = "\n".join(problems)
    assert "g.csv:3: fake:" in text and "outside JO, in IQ" in text
    assert "'baghdad' names baghdad, fake" in text
    assert "tanf" not in text.replace("fake", "")


def test_border_tolerance(tmp_path):
    # Trebil crossing, on the Iraq-Jordan line: inside with 5 km tolerance whichever side it falls.
    rows = "trebil,Trebil,border-crossing,IQ,,33.2,38.8,1000,,,,,test,\n"
    assert check_gazetteer(load(tmp_path, rows), tolerance_km=5)[0] == []


def test_checked_in_gazetteer_passes_its_check():
    problems, summary = check_gazetteer()
    assert problems == [], "\n".join(problems)
    gazetteer = load_gazetteer()
    curated = gazetteer.curated()
    assert len(curated) >= 150
    assert all(s.source for s in gazetteer.sites.values())
    layers = {layer: sum(s.layer == layer for s in gazetteer.sites.values()) for layer in ("fallback", "world")}
    assert layers["fallback"] >= 500 and layers["world"] >= 30000


def test_fallback_layer_maps_an_uncurated_town(geoparser):
    gazetteer = geoparser.gazetteer
    fallback = [s for s in gazetteer.sites.values() if s.layer == "fallback" and s.country == "IQ"]
    town = fallback[0]
    [m] = [m for m in geoparser.parse("t", f"Rockets fell on {town.name} overnight.") if m.status == "resolved"]
    assert (m.site_id, m.layer, m.precision) == (town.id, "fallback", 2)


@pytest.mark.parametrize("name, keys", [
    ("Ash Shaddadah", ["ash shadada", "al shadada", "shadada"]),
    ("Ar Rutbah", ["ar rutba", "al rutba", "rutba"]),
    ("Ashdod", ["ashdod"]),
    ("As Sab Biyar", ["as sab biyar", "al sab biyar", "sab biyar"]),
    ("Salah ad-Din", ["sala al din", "sala ad din"]),
    ("Al-Rutbah", ["al rutba", "ar rutba", "rutba"]),
    ("Al Tabqa", ["al tabqa", "tabqa"]),  # never "at tabqa": "at Tabqa Airport"
])
def test_an_article_before_a_sun_letter_is_keyed_both_ways(name, keys):
    assert alias_keys(name) == keys


def test_the_fallback_layer_has_the_small_towns_of_the_core_countries(geoparser):
    """Towns GeoNames lists with no population (district seats) are mapped in Iraq and Syria,
    under the spellings news texts use."""
    small = [s for s in geoparser.gazetteer.sites.values() if s.layer == "fallback" and s.country in ("IQ", "SY")
             and not s.population]
    assert len(small) >= 100
    [m] = [m for m in geoparser.parse("t", "Rockets hit Al Hashimiyah overnight.") if m.status == "resolved"]
    assert (m.country, m.layer) == ("IQ", "fallback")


def test_world_towns_have_no_common_words_for_alternate_names(geoparser):
    """GeoNames lists "North" for North Salt Lake and "The City" for Oakville: words, not names."""
    assert not {"north", "the city", "city"} & set(geoparser.gazetteer.aliases)


@pytest.mark.parametrize("name, line", [("head_nouns", "militray: base|camp"), ("area_labels", "Region Governorate")])
def test_a_malformed_lexicon_line_names_its_file_and_line(tmp_path, name, line):
    for source in LEXICON_DIR.glob("*.txt"):
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / f"{name}.txt").write_text(f"# a comment\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_lexicons(tmp_path)
    assert f"{name}.txt" in str(info.value) and ":2" in str(info.value)


def test_check_finds_a_stem_that_is_a_countrys_name(tmp_path):
    rows = ("iraq,Iraq,country,IQ,,33.0,43.7,200000,,,,IQ,test,\n"
            "base,Iraq Main Air Base,airbase,IQ,,33.34,44.39,2000,,,Iraq,,test,\n")
    problems, _ = check_gazetteer(load(tmp_path, rows), tolerance_km=5)
    assert any("base: stem 'iraq' is the name of iraq" in p for p in problems)
