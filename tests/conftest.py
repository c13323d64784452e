from pathlib import Path

import pytest

from geo.gazetteer import load_gazetteer
from geo.geoparse import Geoparser
from geo.lexicons import load_lexicons

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def lexicons():
    return load_lexicons()


@pytest.fixture(scope="session")
def mini_geoparser(lexicons):
    """A geoparser over a small gazetteer written for the rule tests."""
    gazetteer = load_gazetteer(FIXTURES / "mini_gazetteer.csv", None, FIXTURES / "mini_ambiguities.csv",
                               lexicons.reserved_words)
    return Geoparser(gazetteer, lexicons)


@pytest.fixture(scope="session")
def geoparser(lexicons):
    """The geoparser over the real, checked-in gazetteer."""
    return Geoparser(load_gazetteer(reserved=lexicons.reserved_words), lexicons)


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
