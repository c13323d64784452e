"""axe-core (from PyPI's axe-playwright-python) over every kind of page of the built site,
in Chromium: no serious or critical violation, and the map page's controls reachable by
the keyboard alone."""

import pytest
from browsing import Page, playwright_or_skip

playwright_or_skip()
axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")

SERIOUS = ("serious", "critical")


def serious_violations(page):
    results = axe_sync.Axe().run(page).response
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]
            if v["impact"] in SERIOUS]


def test_the_map_page_in_its_states_has_no_serious_violation(page, site):
    p = page.open("index.html")
    p.wait_for_function("GeoApp.idle()")
    assert serious_violations(p) == []
    # with the table open, a filter open, search candidates and a popup
    p.click("#table-toggle")
    p.click("#f-type summary")
    p.fill("#search", "Bag")
    p.wait_for_function("GeoApp.idle()")
    assert serious_violations(p) == []
    p.keyboard.press("Escape")
    p.click("#site-list .site-button")
    p.wait_for_selector(".leaflet-popup-content .popup")
    p.wait_for_function("getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")  # faded in
    assert serious_violations(p) == []


def test_the_map_page_on_a_phone_has_no_serious_violation(browser, site):
    phone = Page(browser, site, width=390, height=844)
    p = phone.open("index.html")
    p.wait_for_function("GeoApp.idle()")
    assert serious_violations(p) == []
    p.close()


def test_every_kind_of_page_has_no_serious_violation(page, site):
    paths = [sorted((site / "sites").glob("*.html"))[0], sorted((site / "docs").glob("*.html"))[0],
             *sorted((site / "pages").glob("*.html"))]
    assert len(paths) >= 5
    for path in paths:
        page.page.goto(path.as_uri())
        assert serious_violations(page.page) == [], path.name


def test_the_keyboard_alone_reaches_search_months_filters_table_and_a_popup(page, site):
    p = page.open("index.html")
    reached = set()
    for _ in range(80):  # Tab through the panel, noting the controls that take the focus
        p.keyboard.press("Tab")
        reached.add(p.evaluate("document.activeElement.id || document.activeElement.className || "
                               "document.activeElement.tagName"))
    assert {"search", "from", "to", "play", "table-toggle"} <= reached, reached
    # a filter opened and a value chosen with the keyboard
    p.focus("#f-type summary")
    p.keyboard.press("Enter")
    p.keyboard.press("Tab")
    p.keyboard.press("Space")
    p.wait_for_function("new URLSearchParams(location.hash.slice(1)).getAll('type').length === 1")
    # the table opened and sorted with the keyboard
    p.focus("#table-toggle")
    p.keyboard.press("Enter")
    p.focus('#event-table th[data-key="killed"] button')
    p.keyboard.press("Enter")
    assert p.get_attribute('#event-table th[data-key="killed"]', "aria-sort") == "descending"
    # a site's popup from the list, with the keyboard
    p.focus("#site-list .site-button")
    p.keyboard.press("Enter")
    assert p.wait_for_selector(".leaflet-popup-content .popup")
