"""The browser tests' fixtures: the seeds' site, built once per module, a browser, a page."""

import os
from pathlib import Path

import pytest
from browsing import CHROMIUM, LAUNCH_ARGS, Page
from helpers import ROOT

from geo.corpus import open_corpus
from geo.site.build import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("built") / "site"
    build_site(open_corpus(ROOT / "seeds"), out)
    return out


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory):
    folder = os.environ.get("GEO_TEST_ARTIFACTS")
    folder = Path(folder) if folder else tmp_path_factory.mktemp("artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site):
    p = Page(browser, site)
    yield p
    p.page.close()


