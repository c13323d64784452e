import pytest
from helpers import FIXTURES, SEEDS

from geo.geoparse import GeoparserSpec, geoparser_for

MINI = GeoparserSpec(gazetteer=FIXTURES / "mini_gazetteer.csv", ambiguities=FIXTURES / "mini_ambiguities.csv",
                     derived_layers=False)


@pytest.fixture(scope="session")
def mini_spec():
    """A small gazetteer written for the rule tests, without the fallback layer."""
    return MINI


@pytest.fixture(scope="session")
def mini_geoparser():
    return geoparser_for(MINI)


@pytest.fixture(scope="session")
def geoparser():
    """The geoparser over the real, checked-in gazetteer."""
    return geoparser_for(GeoparserSpec())


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory):
    """The seeds' site, built once by the command line (``geo build`` in a process of its own)."""
    from faulting import geo

    out = tmp_path_factory.mktemp("seeds-site") / "site"
    result = geo("build", "--corpus", SEEDS, "--out", out)
    assert result.returncode == 0, result.stderr
    return out
