"""The disk cache of the checked-in geoparser."""

from geo.geoparse import GeoparserSpec

TEXT = "Drones struck Ain al-Asad Air Base in Anbar, Iraq, and Iran denied it."


def _parse(geoparser):
    return [(m.surface, m.site_id, m.reading) for m in geoparser.parse("t", TEXT)]


def test_a_second_build_loads_what_the_first_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    first = GeoparserSpec().build()
    [stored] = tmp_path.glob("geoparser-*.pickle")

    def no_build(self):
        raise AssertionError("built again")
    monkeypatch.setattr(GeoparserSpec, "_build", no_build)
    second = GeoparserSpec().build()
    assert second is not first and _parse(second) == _parse(first)
    assert list(tmp_path.glob("geoparser-*.pickle")) == [stored]


def test_a_torn_file_is_built_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    reference = _parse(GeoparserSpec().build())
    [stored] = tmp_path.glob("geoparser-*.pickle")
    stored.write_bytes(stored.read_bytes()[:1000])
    assert _parse(GeoparserSpec().build()) == reference


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    GeoparserSpec().build()
    assert not list(tmp_path.rglob("*.pickle"))


def test_a_geoparser_of_other_files_is_not_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    GeoparserSpec(derived_layers=False).build()
    assert not list(tmp_path.glob("*.pickle"))
