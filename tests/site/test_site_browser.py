"""The built site in a real browser: Playwright from PyPI driving Debian's Chromium.

Expectations are computed from the published data (site/data), not written in by hand.
Screenshots of the map and of a site page are saved in the folder GEO_TEST_ARTIFACTS
names (pytest's temporary folder when it is not set: no test writes into the repository).
"""

import csv
import json
import re
from collections import defaultdict

import pytest
from browsing import SETTLED, Page, go_to, playwright_or_skip, published_data
from helpers import SPELLING_VARIANTS, hostile_corpus

from geo.corpus import open_corpus
from geo.site.build import build_site

playwright_api = playwright_or_skip()


def expected_active(site, month):
    """Sites with an event, or a mention dated in ``month`` (by its event, else its document)."""
    sites, events, docs, mentions = published_data(site)
    pinned = set(sites)
    active = {f["properties"]["site_id"] for f in events if f["properties"]["date"][:7] == month} & pinned
    quotes = defaultdict(list)
    for f in events:
        for source in f["properties"]["sources"].split("|"):
            doc, span = source.split("@")
            start, end = map(int, span.split("-"))
            quotes[doc].append((start, end, f["properties"]["date"][:7], f["properties"]["site_id"]))
    for m in mentions:
        if m["status"] != "resolved" or m["literal"] != "true" or m["site_id"] not in pinned:
            continue
        start, end = int(m["start"]), int(m["end"])
        dated = [q[2] for q in quotes[m["doc"]] if q[0] <= start and end <= q[1] and q[3] == m["site_id"]]
        if (dated[0] if dated else docs[m["doc"]]) == month:
            active.add(m["site_id"])
    return active


def test_loads_offline_without_errors_or_outside_requests(page, site):
    page.open("index.html")
    page.page.wait_for_function("window.GeoApp.idle()")
    assert page.errors == []
    root = site.resolve().as_uri()
    assert page.requests and all(url.startswith(root) for url in page.requests), \
        [u for u in page.requests if not u.startswith(root)]


def test_one_marker_per_site_with_data(page, site):
    page.open("index.html")
    sites, _, _, _ = published_data(site)
    assert sorted(page.page.evaluate("window.GeoApp.markerIds()")) == sorted(sites) and len(sites) >= 30
    layers = page.page.evaluate("(() => { let n = 0; GeoApp.map.eachLayer(l => { if (l instanceof L.CircleMarker) n++; });"
                                " return n; })()")
    clusters = page.page.evaluate("GeoApp.clusterSites()")  # at the first view, crowded sites are clustered
    members = [site_id for cluster in clusters for site_id in cluster]
    assert layers == len(sites) + len(clusters) and clusters
    assert len(members) == len(set(members)) and set(members) < set(sites) and min(map(len, clusters)) >= 2
    assert page.page.query_selector(".leaflet-sites-pane canvas")


def test_month_window_shows_exactly_the_sites_with_data_that_month(page, site):
    page.open("index.html")
    months = page.page.evaluate("window.GEO_DATA.months")
    checked = 0
    for month in months:
        index = months.index(month)
        page.page.evaluate(f"""() => {{
            for (const [id, v] of [["to", {index}], ["from", {index}], ["to", {index}]]) {{
                const el = document.getElementById(id); el.value = v; el.dispatchEvent(new Event("input"));
            }} }}""")
        page.page.wait_for_function("window.GeoApp.idle()")
        assert page.active_sites() == expected_active(site, month), month
        listed = page.page.eval_on_selector_all("#site-list button", "els => els.map(e => e.dataset.site)")
        assert set(listed) == page.active_sites()
        # the count line: events, the sites they are at, and the sites only mentioned, apart
        _, events, _, _ = published_data(site)
        in_month = [f for f in events if f["properties"]["date"][:7] == month]
        struck = {f["properties"]["site_id"] for f in in_month} & set(published_data(site)[0])
        count = page.page.inner_text("#count")
        numbers = [int(n) for n in re.findall(r"(\d+) (?:event|site)", count)]
        assert numbers[1:] == [len(struck)] + ([len(expected_active(site, month) - struck)]
                                                if expected_active(site, month) - struck else []), (month, count)
        checked += bool(expected_active(site, month))
    assert checked >= 3


def test_sites_only_mentioned_can_be_hidden(page, site):
    p = page.open("index.html")
    sites, events, _, _ = published_data(site)
    struck = {f["properties"]["site_id"] for f in events} & set(sites)
    assert p.evaluate("GeoApp.hiddenSites()") == []
    p.check("#events-only")
    p.wait_for_function("GeoApp.idle()")
    hidden = set(p.evaluate("GeoApp.hiddenSites()"))
    assert hidden and hidden == set(sites) - struck  # every site of the (whole) window without an event
    # a hidden site cannot be clicked: at its centre, zoomed in, nothing opens (or another site)
    mentioned = sorted(hidden)[0]
    name = {f["properties"]["id"]: f["properties"]["name"]
            for f in json.loads((site / "data/sites.geojson").read_text())["features"]}[mentioned]
    with pytest.raises(playwright_api.TimeoutError):
        page.click_site(mentioned, timeout=1000)
    assert all(h.inner_text() != name for h in p.query_selector_all(".leaflet-popup h3"))


def test_the_first_view_frames_the_events_with_no_circle_over_the_cap(page, site):
    p = page.open("index.html")
    assert max(p.evaluate("GeoApp.markerSizes()")) <= p.evaluate("GeoApp.canvas.MAX_DIAMETER")
    sites, events, _, _ = published_data(site)
    coordinates = {f["properties"]["site_id"]: f["geometry"]["coordinates"] for f in events
                   if f["geometry"] and f["properties"]["site_id"] in sites}  # drawn sites, not areas
    bounds = p.evaluate("(() => { const b = GeoApp.map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), "
                        "b.getNorth()]; })()")
    theatre = [(lon, lat) for lon, lat in coordinates.values() if 20 < lon < 70 and 5 < lat < 48]
    assert theatre and all(bounds[0] <= lon <= bounds[2] and bounds[1] <= lat <= bounds[3] for lon, lat in theatre)


def test_a_click_on_the_centre_of_every_event_sites_circle_opens_that_site(page, site):
    """At the first view, where circles overlap most; computed from the published data.
    A site drawn alone opens at a click on its centre; a site inside a cluster, from the
    cluster's list. Sites at the very same point (a gas field and the base on it) may open
    either."""
    p = page.open("index.html")
    features = json.loads((site / "data/sites.geojson").read_text())["features"]
    where = {f["properties"]["id"]: tuple(f["geometry"]["coordinates"]) for f in features}
    names = {f["properties"]["id"]: f["properties"]["name"] for f in features}
    _, events, _, _ = published_data(site)
    with_events = sorted({f["properties"]["site_id"] for f in events} & set(where))
    box = p.evaluate("(() => { const b = GeoApp.map.getContainer().getBoundingClientRect(); "
                     "return [b.left, b.top, b.right, b.bottom]; })()")
    first_view = p.evaluate("[GeoApp.map.getCenter(), GeoApp.map.getZoom()]")
    p.click("details.legend summary")  # the legend closed, as a reader would, to reach the circles under it
    alone = clustered = 0
    for site_id in with_events:
        p.evaluate(f"GeoApp.map.setView({json.dumps(first_view[0])}, {first_view[1]}, {{animate: false}})")
        cluster = p.evaluate(f"GeoApp.clusterPoint({json.dumps(site_id)})")
        point = cluster or p.evaluate(f"GeoApp.markerPoint({json.dumps(site_id)})")
        on_canvas = p.evaluate(f"document.elementFromPoint({point['x']}, {point['y']})?.tagName === 'CANVAS'")
        if not (box[0] < point["x"] < box[2] and box[1] < point["y"] < box[3]) or not on_canvas:
            continue  # a far site (Washington) outside the first view
        p.mouse.click(point["x"], point["y"])
        if cluster:
            p.wait_for_function(SETTLED)  # the cluster's popup has panned into view: the click lands on its button
            p.click(f'.leaflet-popup .cluster button[data-site="{site_id}"]')
            p.wait_for_function(f"document.querySelector('.leaflet-popup h3')?.textContent === {json.dumps(names[site_id])}")
            clustered += 1
        else:
            opened = p.wait_for_selector(".leaflet-popup-content .popup h3").inner_text()
            same_point = {names[other] for other in where if where[other] == where[site_id]}
            assert opened in same_point, (site_id, opened)
            alone += 1
        p.keyboard.press("Escape")
        p.wait_for_selector(".leaflet-popup", state="detached")
    assert alone + clustered >= 10 and alone >= 3 and clustered >= 3, (alone, clustered)


def test_a_click_where_circles_overlap_lists_the_others_under_the_pointer(page, site):
    p = page.open("index.html")
    # a site whose centre lies inside another's circle, once zoomed past the clusters
    pair = p.evaluate("""(() => {
        const S = GEO_DATA.columns.sites, ids = GEO_DATA.sites.map(s => s[S.indexOf('id')]);
        for (const a of ids) {
          GeoApp.map.setView(GeoApp.markerOf(a).getLatLng(), GeoApp.clusters.MAX_ZOOM + 1, {animate: false});
          const pa = GeoApp.markerPoint(a);
          for (const b of ids) {
            const pb = GeoApp.markerPoint(b), d = Math.hypot(pa.x - pb.x, pa.y - pb.y);
            if (b !== a && d > 0 && d < GeoApp.markerOf(b)._radius - 1) return [a, b];
          }
        }
        return null; })()""")
    assert pair, "the seeds have a site inside another's circle at zoom 9 (Tahrir Square, Baghdad)"
    point = p.evaluate(f"GeoApp.markerPoint({json.dumps(pair[0])})")
    p.mouse.click(point["x"], point["y"])
    p.wait_for_selector(".leaflet-popup-content .popup")
    others = p.eval_on_selector_all(".popup-sites button", "els => els.map(e => e.dataset.site)")
    assert pair[1] in others
    p.wait_for_function(SETTLED)  # the popup has panned into view: the click lands on its button
    p.click(f'.popup-sites button[data-site="{pair[1]}"]')
    name = p.evaluate(f"GEO_DATA.sites.find(s => s[0] === {json.dumps(pair[1])})[1]")
    p.wait_for_function(f"document.querySelector('.leaflet-popup h3')?.textContent === {json.dumps(name)}")


def test_popup_sources_are_one_click_away(page, site):
    page.open("index.html", "#from=2023-10&to=2024-10")
    _, events, _, _ = published_data(site)
    quotes = {(f["properties"]["doc"], f["properties"]["start"], f["properties"]["end"]): f["properties"]["quote"]
              for f in events}
    popup = page.click_site("ain-al-asad")
    titles = popup.eval_on_selector_all(".popup-sources a:not(.original)",
                                        "els => els.map(e => [e.textContent, e.getAttribute('href')])")
    documents = {r["id"]: r for r in csv.DictReader((site / "data/documents.csv").open())}
    cited = [(text, href[5:].split(".html#")) for text, href in titles]
    assert cited and all(documents[doc]["title"] == text for text, (doc, _) in cited)
    dates = [documents[doc]["published"] for _, (doc, _) in cited]
    assert dates == sorted(dates, reverse=True)  # the newest first
    # each title opens its document at its first literal mention of the site
    _, _, _, mentions = published_data(site)
    firsts = {}
    for m in mentions:
        if m["site_id"] == "ain-al-asad" and m["status"] == "resolved" and m["literal"] == "true":
            firsts.setdefault(m["doc"], min((int(x["start"]), int(x["end"])) for x in mentions
                                            if x["doc"] == m["doc"] and x["site_id"] == "ain-al-asad"
                                            and x["status"] == "resolved" and x["literal"] == "true"))
    assert all(anchor == "m-%d-%d" % firsts[doc] for _, (doc, anchor) in cited)
    originals = popup.eval_on_selector_all(".popup-sources a.original", "els => els.map(e => e.getAttribute('href'))")
    assert originals and all(url in {d["url"] for d in documents.values()} for url in originals)
    links = popup.eval_on_selector_all("a.quote", "els => els.map(e => e.getAttribute('href'))")
    assert links
    p = page.page
    for href in links:
        doc, anchor = href[5:].split(".html#")
        start, end = map(int, anchor[2:].split("-"))
        p.goto((site / href.split("#")[0]).as_uri() + "#" + anchor)
        marked = p.eval_on_selector_all(".targeted", "els => els.map(e => e.textContent)")
        assert "".join(marked) == quotes[(doc, start, end)], href


def test_popup_lists_the_events_and_links_to_the_site_page(page, site):
    page.open("index.html", "#from=2023-10&to=2024-10")
    _, events, _, _ = published_data(site)
    at_site = sorted(f["properties"]["date"] for f in events if f["properties"]["site_id"] == "ain-al-asad")
    popup = page.click_site("ain-al-asad")
    text = popup.inner_text()
    assert "Ain al-Asad Air Base" in text and f"Events in the window: {len(at_site)}" in text
    assert all(date in text for date in at_site)
    assert popup.query_selector("a.site-page").get_attribute("href") == "sites/ain-al-asad.html"
    assert "site=ain-al-asad" in page.page.url
    # the open popup follows a new window
    for month in sorted({d[:7] for d in at_site}):
        go_to(page.page, f"from={month}&to={month}&site=ain-al-asad")
        in_month = [d for d in at_site if d.startswith(month)]
        assert f"Events in the window: {len(in_month)}" in page.page.inner_text(".leaflet-popup"), month


def test_site_page_mention_opens_the_document_at_the_passage(page, site, artifacts):
    p = page.open("sites/ain-al-asad.html")
    p.screenshot(path=str(artifacts / "site-page.png"), full_page=False)
    link = p.query_selector("ol.mentions a.mark")
    href, words = link.get_attribute("href"), link.inner_text()
    link.click()
    p.wait_for_load_state()
    anchor = href.split("#")[1]
    assert p.url.endswith("#" + anchor)
    target = p.query_selector(f"#{anchor}")
    assert "targeted" in target.get_attribute("class")
    assert target.inner_text() == words
    box = target.bounding_box()
    assert box and 0 <= box["y"] <= p.viewport_size["height"]


def test_an_events_quote_opens_the_document_at_the_whole_quote(page, site):
    p = page.open("sites/ain-al-asad.html")
    link = p.query_selector("article.event blockquote a")
    href, quote = link.get_attribute("href"), link.inner_text()
    link.click()
    p.wait_for_load_state()
    anchor = href.split("#")[1]
    marked = p.eval_on_selector_all(".targeted", "els => els.map(e => e.textContent)")
    assert p.query_selector(f"#{anchor}") is not None and "".join(marked) == quote


def test_a_popup_takes_the_focus_and_esc_gives_it_back(page, site):
    p = page.open("index.html")
    button = p.query_selector("#site-list .site-button")
    button.focus()
    p.keyboard.press("Enter")
    p.wait_for_selector(".leaflet-popup")
    assert p.evaluate("!!document.activeElement.closest('.leaflet-popup')")
    p.keyboard.press("Escape")
    p.wait_for_selector(".leaflet-popup", state="detached")
    assert p.evaluate("document.activeElement.classList.contains('site-button')")


def test_the_month_sliders_are_read_out_as_months(page, site):
    p = page.open("index.html")
    months = p.evaluate("GEO_DATA.months")
    for slider, index in (("#from", p.input_value("#from")), ("#to", p.input_value("#to"))):
        month = months[int(index)]
        text = p.get_attribute(slider, "aria-valuetext")
        assert text == p.inner_text(slider + "-label") and text.endswith(month[:4]), (slider, text, month)


def test_the_panel_and_popups_speak_words_not_codes(page, site):
    p = page.open("index.html")
    for button in p.query_selector_all("#site-list .site-button")[:8]:
        button.click()
        p.wait_for_selector(".leaflet-popup")
        text = p.inner_text(".leaflet-popup")
        assert "geo_precision" not in text and "|" not in text and " layer)" not in text, text
        assert "events here are placed at" in text
        p.keyboard.press("Escape")
    # list numbers have room ("50." is never cut), and a list's hint ("none") has no number
    for ol in ("#site-list", "#event-list"):
        pad, font = p.evaluate(f"[parseFloat(getComputedStyle(document.querySelector('{ol}')).paddingLeft), "
                               f"parseFloat(getComputedStyle(document.querySelector('{ol}')).fontSize)]")
        assert pad >= 2.4 * font
    hints = []
    for month in p.evaluate("GEO_DATA.months"):  # a month without events: its list says "none"
        go_to(p, f"from={month}&to={month}")
        hints = p.eval_on_selector_all("ol li.hint", "els => els.map(e => getComputedStyle(e).listStyleType)")
        if hints:
            break
    assert hints and all(style == "none" for style in hints)
    assert p.evaluate("[...document.querySelectorAll('#event-list li')].every(li => !li.textContent.includes('()'))")


def test_on_a_phone_the_legend_opens_on_demand_and_a_popup_clears_the_controls(browser, site, artifacts):
    phone = Page(browser, site, width=390, height=844)
    p = phone.open("index.html")
    p.wait_for_function("GeoApp.idle()")
    p.screenshot(path=str(artifacts / "phone.png"))
    assert p.evaluate("document.querySelector('details.legend').open") is False
    p.click("details.legend summary")
    assert p.evaluate("document.querySelector('details.legend').open") is True
    p.click("details.legend summary")
    boxes = lambda selector: p.eval_on_selector_all(  # noqa: E731
        selector, "els => els.map(e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })")
    for button in p.query_selector_all("#site-list .site-button")[:6]:
        button.click()
        p.wait_for_selector(".leaflet-popup")
        # the map pans the popup into view: wait for the pan to end
        p.wait_for_function("!(GeoApp.map._panAnim && GeoApp.map._panAnim._inProgress)", polling=50)
        p.wait_for_timeout(50)
        [popup] = boxes(".leaflet-popup-content-wrapper")
        for control in boxes(".leaflet-control-zoom, .leaflet-control-layers"):
            apart = popup[2] <= control[0] or control[2] <= popup[0] or popup[3] <= control[1] or control[3] <= popup[1]
            assert apart, (popup, control)
        p.keyboard.press("Escape")


def test_play_keeps_the_windows_length_at_the_chosen_speed(page, site):
    p = page.open("index.html")
    last = len(p.evaluate("GEO_DATA.months")) - 1
    p.evaluate(f"""() => {{ for (const [id, v] of [["from", {last - 2}], ["to", {last}]]) {{
        const el = document.getElementById(id); el.value = v; el.dispatchEvent(new Event("input")); }} }}""")
    p.select_option("#play-speed", "300")
    p.click("#play")
    assert p.get_attribute("#play", "aria-pressed") == "true"
    # from the window's end, play starts again at the first month, the window as long as chosen
    assert [p.input_value("#from"), p.input_value("#to")] == ["0", "2"]
    p.wait_for_function("document.getElementById('from').value === '2'", timeout=5000)
    assert int(p.input_value("#to")) - int(p.input_value("#from")) == 2
    p.click("#play")
    assert p.get_attribute("#play", "aria-pressed") == "false"


def test_pages_follow_a_dark_colour_scheme_and_print_without_controls(browser, site):
    dark = browser.new_page(color_scheme="dark")
    for path in ("index.html", "sites/ain-al-asad.html"):
        dark.goto((site / path).as_uri())
        selector = "#panel" if path == "index.html" else "body"
        background = dark.evaluate(f"getComputedStyle(document.querySelector('{selector}')).backgroundColor")
        assert sum(int(x) for x in re.findall(r"\d+", background)[:3]) < 150, (path, background)
    dark.close()
    printed = browser.new_page()
    printed.goto((site / "index.html").as_uri())
    printed.emulate_media(media="print")
    assert printed.evaluate("getComputedStyle(document.querySelector('#panel .filters')).display") == "none"
    assert printed.evaluate("getComputedStyle(document.querySelector('#site-list')).maxHeight") == "none"
    printed.close()


def test_no_page_scrolls_sideways_on_a_phone(browser, site):
    phone = Page(browser, site, width=390, height=844)
    pages = [*(site / "sites").glob("*.html"), *(site / "docs").glob("*.html"), *(site / "pages").glob("*.html")]
    wide = []
    for path in pages:
        phone.page.goto(path.as_uri())
        width, room = phone.page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if width > room:
            wide.append((path.name, width))
    assert not wide and len(pages) > 60


def test_shared_url_restores_the_view(page, site, artifacts):
    p = page.open("index.html", "#from=2024-09&to=2024-10&site=victory-base&type=Shelling%2Fartillery%2Fmissile+attack"
                                "&type=Air%2Fdrone+strike")
    assert p.input_value("#from") == str(p.evaluate("GEO_DATA.months.indexOf('2024-09')"))
    assert p.input_value("#to") == str(p.evaluate("GEO_DATA.months.indexOf('2024-10')"))
    assert p.eval_on_selector_all("#f-type input:checked", "els => els.map(e => e.value)") == [
        "Air/drone strike", "Shelling/artillery/missile attack"]
    popup = p.wait_for_selector(".leaflet-popup-content .popup")
    assert "Victory Base Complex" in popup.inner_text()
    assert "Sep 2024 – Oct 2024" in p.inner_text("#count")
    p.wait_for_timeout(400)
    p.screenshot(path=str(artifacts / "map.png"))


@pytest.mark.parametrize("query", ["Ayn al-Asad", "Ain el-Asad", "AIN AL ASSAD", "ʿAyn al-Asad"])
def test_search_finds_a_site_by_any_spelling(page, query):
    # spellings the geoparser matches in a text ("Ain el-Asad" is no alias of the site)
    p = page.open("index.html")
    p.fill("#search", query)
    p.press("#search", "Enter")
    popup = p.wait_for_selector(".leaflet-popup-content .popup")
    assert "Ain al-Asad Air Base" in popup.inner_text()


def test_the_search_skeleton_is_the_geoparsers(page, geoparser):
    # every name and alias of the gazetteer, and spellings of the normaliser's tests
    from geo.text import skeletons

    names = sorted({n for site in geoparser.gazetteer.sites.values() for n in site.names()} |
                   {v for pair in SPELLING_VARIANTS for v in pair} | {"Ḥalabjah’s", "Straße", "ﬁeld", "İzmir", "El Arish"})
    p = page.open("index.html")
    in_browser = p.evaluate("names => names.map(GeoApp.skeleton)", names)
    differ = [(n, js, py) for n, js, py in zip(names, in_browser, skeletons(names)) if js != py]
    assert len(names) > 5000 and differ == []


def test_keyboard_reaches_slider_and_popups(page):
    p = page.open("index.html")
    p.focus("#to")
    before = p.input_value("#to")
    p.keyboard.press("ArrowLeft")
    assert p.input_value("#to") == str(int(before) - 1)
    p.keyboard.press("ArrowRight")
    # the lists refill their rows in place once the window settles: focus a row after that
    p.wait_for_function("window.GeoApp.idle()")
    p.focus('#site-list button[data-site="eilat"]')
    p.keyboard.press("Enter")
    assert "Eilat" in p.wait_for_selector(".leaflet-popup-content .popup").inner_text()


def test_narrow_window(browser, site):
    narrow = Page(browser, site, width=380, height=720)
    p = narrow.open("index.html")
    panel, mapbox = p.query_selector("#panel").bounding_box(), p.query_selector(".folium-map").bounding_box()
    assert mapbox["height"] > 200 and panel["y"] >= mapbox["y"] + mapbox["height"] - 1
    assert p.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert narrow.errors == []
    p.close()


def test_hostile_document_renders_as_text(browser, tmp_path):
    out = tmp_path / "site"
    build_site(open_corpus(hostile_corpus(tmp_path)), out)
    hostile = Page(browser, out)
    p = hostile.open("index.html")
    popup = hostile.click_site("ain-al-asad")
    assert "<i>Pub</i>" in popup.inner_text()
    doc = hostile.open("docs/x1.html")
    assert '<script>alert("doc")</script>' in doc.inner_text(".text")
    assert hostile.dialogs == [] and hostile.errors == []
    p.close()


def test_the_basemap_names_countries_towns_and_rivers_and_its_edges_stay_out_of_sight(page, site):
    from geo.gazetteer.derive import BASEMAP_BOX
    from geo.site.mappage import labels

    p = page.open("index.html")
    names = labels()

    def in_view():
        west, south, east, north = p.evaluate("(() => { const b = GeoApp.map.getBounds(); "
                                              "return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; })()")
        zoom = p.evaluate("GeoApp.map.getZoom()")
        inside = lambda lat, lon: south < lat < north and west < lon < east  # noqa: E731
        return (west, south, east, north), zoom, inside

    (west, south, east, north), zoom, inside = in_view()
    # the outlines reach past the first view: no cut edge in sight
    assert BASEMAP_BOX.bounds[0] < west and BASEMAP_BOX.bounds[1] < south
    assert east < BASEMAP_BOX.bounds[2] and north < BASEMAP_BOX.bounds[3]
    shown = set(p.evaluate("GeoApp.labels.shown()"))
    towns = {"town:" + t[0] for t in names["towns"] if t[3] <= zoom and inside(t[1], t[2])}
    countries = {"country:" + c[0] for c in names["countries"] if inside(c[1], c[2])}
    assert towns and countries and towns | countries <= shown
    # zoomed in on the first event site: the towns of that zoom, and the rivers
    p.evaluate("(() => { const s = GEO_DATA.sites[GEO_DATA.events[0][GEO_DATA.columns.events.indexOf('sites')][0]];"
               " GeoApp.map.setView([s[4], s[5]], 9, {animate: false}); })()")
    _, zoom, inside = in_view()
    shown = set(p.evaluate("GeoApp.labels.shown()"))
    towns = {"town:" + t[0] for t in names["towns"] if t[3] <= zoom and inside(t[1], t[2])}
    rivers = {"river:" + r[0] for r in names["rivers"] if inside(r[1], r[2])}
    assert towns and towns <= shown and rivers <= shown and not countries & shown
    assert p.evaluate("document.querySelectorAll('.leaflet-overlay-pane path').length") > 50  # outlines and rivers
    assert page.errors == []
