"""The fault suite's fixtures: the seeds' site, built once by the command line, copied to
where each test's failing run must leave it as it was."""

import pytest
from faulting import OldSite, geo
from helpers import SEEDS


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds-site") / "site"
    result = geo("build", "--corpus", SEEDS, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def old_site(seeds_site, tmp_path):
    """The seeds' site at ``old_site.out``, with its hashes."""
    return OldSite(seeds_site, tmp_path)
