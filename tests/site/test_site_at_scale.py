"""The map page of a synthetic corpus of 2,000 documents (some 2,400 sites, 17,000 events)
in Chromium: every event site can be clicked open, clusters list and count their sites,
and the page's counts and table agree with site/data. Screenshots of the desktop and
phone views go to the test artifacts."""

import json

import pytest
from browsing import (
    SETTLED,
    Page,
    go_to,
    open_view,
    passes,
    playwright_or_skip,
    published_events,
    random_views,
    shown,
)

from geo.corpus import open_corpus
from geo.evaluate.synth import generate
from geo.site.build import build_site

playwright_or_skip()
DOCUMENTS = 2000


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale")
    generate(folder / "corpus", DOCUMENTS, size=3000)
    build_site(open_corpus(folder / "corpus"), folder / "site")
    return folder / "site"


@pytest.fixture
def big(browser, big_site):
    page = Page(browser, big_site)
    yield page
    page.page.close()


# Clicks dispatched on the sites' canvas at a circle's centre take Leaflet's own path (the
# canvas's hit test, the popup); thousands of them run in the page, zooms and fades off.
CLICK_EVERY_SITE = """() => {
  GeoApp.map._fadeAnimated = false; GeoApp.map._zoomAnimated = false;
  const S = GEO_DATA.columns.sites, E = GEO_DATA.columns.events, id = S.indexOf('id');
  const struck = new Set();
  GEO_DATA.events.forEach(e => e[E.indexOf('sites')].forEach(s => struck.add(s)));
  const first = GeoApp.map.getZoom();
  // each site at the first zoom where it has a circle of its own (as "Zoom in" brings it)
  const plan = [...struck].map(i => [GeoApp.clusters.zoomShowing(i, first), GEO_DATA.sites[i][id]])
    .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  const canvas = document.querySelector('.leaflet-sites-pane canvas');
  const wrong = [], listed = [];
  for (const [zoom, siteId] of plan) {
    GeoApp.map.setView(GeoApp.markerOf(siteId).getLatLng(), zoom, {animate: false});
    const pt = GeoApp.markerPoint(siteId);
    if (document.elementFromPoint(pt.x, pt.y) !== canvas) { wrong.push([siteId, 'covered']); continue; }
    for (const type of ['mousedown', 'mouseup', 'click']) {
      canvas.dispatchEvent(new MouseEvent(type, {clientX: pt.x, clientY: pt.y, bubbles: true, button: 0}));
    }
    if (GeoApp.state.site !== siteId) {  // another site at the very same point: listed under the pointer
      const others = [...document.querySelectorAll('.leaflet-popup .popup-sites button')].map(b => b.dataset.site);
      if (others.includes(siteId)) { listed.push(siteId); } else { wrong.push([siteId, GeoApp.state.site]); }
    }
    GeoApp.map.closePopup();
  }
  return {sites: plan.length, first: plan.filter(p => p[0] === first).length, listed: listed, wrong: wrong};
}"""


def test_a_click_on_every_event_sites_circle_opens_it(big):
    p = big.open("index.html")
    result = p.evaluate(CLICK_EVERY_SITE)
    assert result["wrong"] == [] and result["sites"] >= 1500
    assert len(result["listed"]) < 0.05 * result["sites"]  # only sites that share a point with another
    assert 0 < result["first"] < result["sites"]  # some open at the first view, the others once zoomed in
    assert big.errors == []


# No pan or zoom under way and nothing left to draw (Leaflet's private flags: no public one says it).
def test_the_first_view_is_clustered_under_the_cap_and_clusters_count_their_sites(big, big_site, artifacts):
    p = big.open("index.html")
    p.wait_for_function("GeoApp.idle()")
    assert max(p.evaluate("GeoApp.markerSizes()")) <= p.evaluate("GeoApp.canvas.MAX_DIAMETER")
    p.screenshot(path=str(artifacts / "scale-map.png"))
    events, _ = published_events(big_site)
    clusters = p.evaluate("GeoApp.clusterSites()")
    assert len(clusters) >= 10
    p.click("details.legend summary")  # closed, to reach the clusters under it
    zoom = p.evaluate("GeoApp.map.getZoom()")
    opened = 0
    for members in sorted(clusters, key=len, reverse=True)[:12]:
        p.evaluate(f"void GeoApp.map.setZoom({zoom}, {{animate: false}})")
        point = p.evaluate(f"GeoApp.clusterPoint({json.dumps(members[0])})")
        if p.evaluate(f"document.elementFromPoint({point['x']}, {point['y']})?.tagName") != "CANVAS":
            continue
        p.mouse.click(point["x"], point["y"])
        popup = p.wait_for_selector(".leaflet-popup .cluster").inner_text()
        at = sum(1 for e in events for s in e["sites"] if s in set(members))
        assert popup.startswith(f"{len(members)} sites close together") and f"{at} event" in popup, (at, popup[:120])
        p.wait_for_function(SETTLED)  # the popup's pan has ended: a click lands where the button is
        p.click(".leaflet-popup .zoom-in")
        p.wait_for_function(f"GeoApp.map.getZoom() > {zoom} && !GeoApp.map._animatingZoom && GeoApp.idle()")
        p.wait_for_timeout(50)
        # zoomed in, those sites are no longer all in one cluster
        after = p.evaluate("GeoApp.clusterSites()")
        assert not any(set(members) <= set(c) for c in after), (zoom, p.evaluate("GeoApp.map.getZoom()"), len(members))
        p.keyboard.press("Escape")
        p.wait_for_selector(".leaflet-popup", state="detached")  # it fades out before it goes
        opened += 1
    assert opened >= 5


def test_counts_and_table_agree_with_the_data_at_scale(big, big_site):
    p = big.open("index.html")
    events, _ = published_events(big_site)
    p.click("#table-toggle")
    months, statuses = p.evaluate("GEO_DATA.months"), p.evaluate("GEO_DATA.vocabulary.statuses")
    for view in random_views(events, months, statuses, 6, seed=11):
        open_view(p, view)
        here = shown(events, view)
        placed = [e for e in here if e["sites"]]
        count = p.inner_text("#count")
        assert count.startswith(f"{len(placed):,}".replace(",", "") + " event"), (view, count)
        table = p.evaluate("GeoApp.table.rows().map(r => r[GEO_DATA.columns.events.indexOf('id')])")
        assert sorted(table) == sorted(e["id"] for e in here)
        assert p.evaluate("GeoApp.timeline.eventsPerBin()") == [
            sum(e["month"] == m and passes(e, view) for e in events) for m in months]


def test_phone_view_at_scale(browser, big_site, artifacts):
    phone = Page(browser, big_site, width=390, height=844)
    p = phone.open("index.html")
    p.wait_for_function("GeoApp.idle()")
    assert p.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    p.screenshot(path=str(artifacts / "scale-phone.png"))
    assert phone.errors == []
    p.close()


def test_an_open_clusters_popup_follows_the_window(big, big_site):
    p = big.open("index.html")
    events, _ = published_events(big_site)
    members = max(p.evaluate("GeoApp.clusterSites()"), key=len)
    p.click("details.legend summary")
    point = p.evaluate(f"GeoApp.clusterPoint({json.dumps(members[0])})")
    p.mouse.click(point["x"], point["y"])
    p.wait_for_selector(".leaflet-popup .cluster")
    month = p.evaluate("GEO_DATA.months[1]")
    go_to(p, f"from={month}&to={month}")
    at = sum(1 for e in events if e["month"] == month for s in e["sites"] if s in set(members))
    assert f"{at} event" in p.inner_text(".leaflet-popup .cluster")
