"""The fault suite's fixture: the seeds' site (tests/conftest.py) copied to where each
test's failing run must leave it as it was."""

import pytest
from faulting import OldSite


@pytest.fixture
def old_site(seeds_site, tmp_path):
    """The seeds' site at ``old_site.out``, with its hashes."""
    return OldSite(seeds_site, tmp_path)
