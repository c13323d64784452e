"""The map page's views in a real browser: the filters with their counts, the timeline, the
event table and its downloads. Every expectation is computed from the published files
(site/data/events.csv, sites.geojson), for windows and filters drawn at random (a fixed seed)."""

import calendar
import csv
import io
import json
from collections import defaultdict
from urllib.parse import urlencode

import pytest
from browsing import go_to, open_view, passes, playwright_or_skip, published_events, random_views, shown

playwright_or_skip()

def facet_counts(page, facet):
    texts = page.eval_on_selector_all(f"#f-{facet} label", "els => els.map(e => [e.querySelector('input').value, "
                                                          "e.lastChild.textContent])")
    return {value: int(n.strip("()")) for value, n in texts}


@pytest.fixture
def opened(page):
    p = page.open("index.html")
    p.click("#table-toggle")
    p.wait_for_function("GeoApp.idle()")
    return p


def test_counts_facets_lists_popup_timeline_and_table_agree_with_the_data(opened, site):
    p = opened
    events, _ = published_events(site)
    months, statuses = p.evaluate("GEO_DATA.months"), p.evaluate("GEO_DATA.vocabulary.statuses")
    checked_popups = 0
    for view in random_views(events, months, statuses, 20):
        open_view(p, view)
        here = shown(events, view)
        placed = [e for e in here if e["sites"]]
        struck = set().union(*(e["sites"] for e in placed)) if placed else set()
        count = p.inner_text("#count")
        assert count.startswith(f"{len(placed)} event") and f" at {len(struck)} site" in count, (view, count)
        # the table: every event shown, those placed at sites and those known only to an area
        table = p.evaluate("GeoApp.table.rows().map(r => r[GEO_DATA.columns.events.indexOf('id')])")
        assert sorted(table) == sorted(e["id"] for e in here), view
        assert p.inner_text("#table-count").endswith(f"of {len(here)}") or not here
        # the events' list: as many rows as placed events (up to its limit)
        rows = p.eval_on_selector_all("#event-list li:not(.hint)", "els => els.length")
        assert rows == min(len(placed), 50), view
        # each facet's counts: the events the value would show, the other facets kept
        for facet, key in (("type", "type"), ("actor", "actor"), ("status", "statuses")):
            in_window = [e for e in events if view["from"] <= e["month"] <= view["to"] and passes(e, view, skip=facet)]
            for value, n in facet_counts(p, facet).items():
                expected = sum(value in e[key] if key == "statuses" else e[key] == value for e in in_window)
                assert n == expected, (view, facet, value)
        # the timeline's bars: the events of each month that pass the filters
        bars = p.evaluate("GeoApp.timeline.eventsPerBin()")
        assert bars == [sum(e["month"] == m and passes(e, view) for e in events) for m in months], view
        # the popup of a struck site counts its events of the view
        if struck:
            site_id = sorted(struck)[0]
            p.click(f'#site-list button[data-site="{site_id}"]')
            popup = p.wait_for_selector(".leaflet-popup-content .popup").inner_text()
            assert f"Events in the window: {sum(site_id in e['sites'] for e in placed)}" in popup, view
            p.keyboard.press("Escape")
            p.wait_for_selector(".leaflet-popup", state="detached")  # it fades out before it goes
            checked_popups += 1
    assert checked_popups >= 3


def test_a_multiple_choice_in_the_url_is_restored_and_written_back(page, site):
    events, _ = published_events(site)
    types = sorted({e["type"] for e in events})[:2]
    p = page.open("index.html", "#" + urlencode([("type", t) for t in types] + [("type", "no such type")]))
    checked = p.eval_on_selector_all("#f-type input:checked", "els => els.map(e => e.value)")
    assert checked == types
    assert p.inner_text("#f-type summary") == "Event type: 2 chosen"
    p.uncheck(f'#f-type input[value="{types[0]}"]')
    p.wait_for_function(f"new URLSearchParams(location.hash.slice(1)).getAll('type').join() === {json.dumps(types[1])}")
    p.click("#f-type .clear")
    p.wait_for_function("!location.hash.includes('type=')")
    assert p.eval_on_selector_all("#f-type input:checked", "els => els.length") == 0


def test_a_link_followed_while_the_url_is_still_to_follow_the_last_change_is_shown(page, site):
    """The URL follows a change a moment later (writeHashSoon); a fragment the reader goes to
    in that moment (a link, the address bar) is the view shown, not overwritten by it."""
    months = sorted({e["month"] for e in published_events(site)[0]})
    p = page.open("index.html")
    go_to(p, f"from={months[0]}&to={months[0]}")
    wanted = f"from={months[-1]}&to={months[-1]}"
    # the link followed, and the write's timer run before the page hears of the link (its
    # hashchange comes in a task of its own: a loaded page may run the timer first)
    p.evaluate("hash => { location.hash = hash; GeoApp.view.writeHash(); }", wanted)
    p.wait_for_timeout(300)  # past any write still to come
    p.wait_for_function("GeoApp.idle()")
    assert p.evaluate("location.hash") == "#" + wanted
    assert p.evaluate("[GEO_DATA.months[GeoApp.state.from], GEO_DATA.months[GeoApp.state.to]]") == [months[-1]] * 2


def test_a_drag_across_the_timeline_chooses_the_months(page, site):
    p = page.open("index.html")
    months = p.evaluate("GEO_DATA.months")
    assert len(months) >= 4
    box = p.query_selector("#timeline svg").bounding_box()
    at = lambda i: box["x"] + (i + 0.5) * box["width"] / len(months)  # noqa: E731  the middle of month i's bar
    y = box["y"] + box["height"] / 2
    first, last = len(months) - 2, 1  # dragged leftwards: the window is still first ≤ last
    p.mouse.move(at(first), y)
    p.mouse.down()
    p.mouse.move(at((first + last) // 2), y, steps=3)
    p.mouse.move(at(last), y, steps=3)
    p.mouse.up()
    p.wait_for_function("GeoApp.idle()")
    assert [p.input_value("#from"), p.input_value("#to")] == [str(last), str(first)]
    assert p.get_attribute("#from", "aria-valuetext").endswith(months[last][:4])
    p.wait_for_function(f"location.hash.includes({json.dumps(f'from={months[last]}&to={months[first]}')})")  # once settled
    p.mouse.dblclick(at(2), y)
    p.wait_for_function("GeoApp.idle()")
    assert [p.input_value("#from"), p.input_value("#to")] == ["0", str(len(months) - 1)]


def test_the_table_sorts_by_a_column_and_pages(opened, site):
    p = opened
    events, _ = published_events(site)
    killed = {e["id"]: e["killed"] for e in events}
    column = "GEO_DATA.columns.events.indexOf('id')"
    p.click('#event-table th[data-key="killed"] button')
    assert p.get_attribute('#event-table th[data-key="killed"]', "aria-sort") == "descending"
    order = [killed[i] for i in p.evaluate(f"GeoApp.table.rows().map(r => r[{column}])")]
    numbers = [k for k in order if k is not None]
    assert numbers == sorted(numbers, reverse=True) and order == numbers + [None] * (len(order) - len(numbers))
    assert numbers, "the seeds report casualties"
    first_cell = p.inner_text('#event-table tbody tr:first-child td:nth-child(5)')
    assert first_cell == str(numbers[0])
    p.click('#event-table th[data-key="date"] button')
    assert p.get_attribute('#event-table th[data-key="date"]', "aria-sort") == "ascending"
    dates = p.eval_on_selector_all("#event-table tbody tr td:first-child", "els => els.map(e => e.textContent.slice(0, 10))")
    assert dates == sorted(dates) and len(dates) == min(25, len(events))
    if len(events) > 25:
        p.click("#table-next")
        assert p.inner_text("#table-count").startswith("Rows 26–")
        assert p.is_enabled("#table-prev")


def test_the_views_downloads_hold_exactly_its_rows(opened, site):
    p = opened
    events, pinned = published_events(site)
    months, statuses = p.evaluate("GEO_DATA.months"), p.evaluate("GEO_DATA.vocabulary.statuses")
    view = next(v for v in random_views(events, months, statuses, 50, seed=3) if len(shown(events, v)) >= 3)
    open_view(p, view)
    table = p.evaluate("GeoApp.table.rows().map(r => r[GEO_DATA.columns.events.indexOf('id')])")
    with p.expect_download() as download:
        p.click("#download-csv")
    assert download.value.suggested_filename == "events-view.csv"
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert [r["id"] for r in rows] == table and sorted(table) == sorted(e["id"] for e in shown(events, view))
    by_id = {e["id"]: e for e in events}
    assert all(set(r["site_ids"].split("|")) - {""} == by_id[r["id"]]["sites"] for r in rows)
    with p.expect_download() as download:
        p.click("#download-geojson")
    features = json.loads(open(download.value.path(), encoding="utf-8").read())["features"]
    assert [f["properties"]["id"] for f in features] == table
    for f in features:
        sites = sorted(by_id[f["properties"]["id"]]["sites"])
        if not sites:
            assert f["geometry"] is None
            continue
        points = f["geometry"]["coordinates"] if f["geometry"]["type"] == "MultiPoint" else [f["geometry"]["coordinates"]]
        assert sorted(map(tuple, points)) == sorted(tuple(pinned[s]) for s in sites)
    # each row links to its quote, and the page of the full files is linked too
    hrefs = p.eval_on_selector_all("#event-table tbody a.quote", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all("#q-" in h for h in hrefs)
    assert p.get_attribute('#table-box a[href="data/events.csv"]', "href")


def test_a_formula_in_a_title_is_not_a_formula_in_the_csv(browser, tmp_path):
    from browsing import Page
    from helpers import hostile_corpus

    from geo.corpus import open_corpus
    from geo.site.build import build_site

    out = tmp_path / "site"
    build_site(open_corpus(hostile_corpus(tmp_path)), out)
    page = Page(browser, out)
    p = page.open("index.html")
    p.evaluate("GEO_DATA.docs.forEach(d => { d[GEO_DATA.columns.docs.indexOf('title')] = '=HYPERLINK(\"x\")'; })")
    p.click("#table-toggle")
    p.wait_for_function("GeoApp.idle()")
    with p.expect_download() as download:
        p.click("#download-csv")
    rows = list(csv.DictReader(open(download.value.path(), encoding="utf-8")))
    assert rows and all(r["doc_title"] == "'=HYPERLINK(\"x\")" for r in rows)
    p.close()


def swapped(name):
    """The name with two letters of its middle swapped: a typo."""
    i = len(name) // 2
    return name[:i - 1] + name[i] + name[i - 1] + name[i + 1:]


def test_the_search_finds_every_name_alias_and_typo_and_ranks_them(page, site):
    p = page.open("index.html")
    entries = p.evaluate("""(() => {
        const S = GEO_DATA.columns.sites, P = GEO_DATA.columns.places;
        return GEO_DATA.sites.map(s => [s[S.indexOf('id')], [s[S.indexOf('name')], ...s[S.indexOf('aliases')]]])
          .concat(GEO_DATA.places.map(s => [s[P.indexOf('id')], [s[P.indexOf('name')], ...s[P.indexOf('aliases')]]]));
      })()""")
    skeleton = dict(zip(*[iter(p.evaluate("names => names.flatMap(n => [n, GeoApp.skeleton(n)])",
                                          [n for _, names in entries for n in names]))] * 2))
    owners = defaultdict(set)
    for site_id, names in entries:
        for name in names:
            owners[skeleton[name]].add(site_id)
    typos = 0
    for site_id, names in entries:
        for name in names:
            found = p.evaluate("q => GeoApp.search.candidates(q)", name)
            # a name or alias (T-4 too) puts its site first, or among those that share it
            assert found and site_id in found[:len(owners[skeleton[name]])], (name, found)
        name = names[0]
        if len(skeleton[name]) >= 5 and swapped(name) != name:
            assert site_id in p.evaluate("q => GeoApp.search.candidates(q)", swapped(name)), swapped(name)
            typos += 1
    assert typos >= 20 and len(entries) >= 40


def test_search_candidates_are_chosen_by_keyboard_and_places_open_their_page(page, site):
    p = page.open("index.html")
    p.fill("#search", "Bagdhad")  # a typo: Baghdad, then the places that start like it
    options = p.eval_on_selector_all("#search-list li", "els => els.map(e => e.textContent)")
    assert options and options[0].startswith("Baghdad") and p.get_attribute("#search", "aria-expanded") == "true"
    p.keyboard.press("ArrowDown")
    p.keyboard.press("ArrowDown")
    assert p.get_attribute("#search", "aria-activedescendant") == "search-option-1"
    second = p.evaluate("GeoApp.search.candidates('Bagdhad')")[1]
    p.keyboard.press("Enter")
    name = p.evaluate(f"GEO_DATA.sites[GEO_DATA.sites.findIndex(s => s[0] === {json.dumps(second)})][1]")
    assert p.wait_for_selector(".leaflet-popup-content .popup h3").inner_text() == name
    place = p.evaluate("GEO_DATA.places[0]")  # a country or region: its page
    p.fill("#search", place[1])
    p.keyboard.press("Enter")
    p.wait_for_url(f"**/sites/{place[0]}.html")
    p.go_back()
    p.wait_for_function("window.GeoApp && GeoApp.ready")
    p.fill("#search", "qqqqxx")
    p.keyboard.press("Enter")
    assert "No site or place matches" in p.inner_text("#search-result")


def test_circles_coloured_by_event_type_take_the_most_frequent_type_of_the_window(page, site):
    events, _ = published_events(site)
    p = page.open("index.html")
    months, colours = p.evaluate("GEO_DATA.months"), p.evaluate("GEO_DATA.vocabulary.event_colours")
    kind_fills = p.evaluate("GeoApp.markerFills()")
    grey = p.evaluate("GeoApp.canvas.NO_EVENT_COLOUR")
    for a, b in ((0, len(months) - 1), (len(months) // 2, len(months) - 1), (0, len(months) // 2)):
        go_to(p, f"from={months[a]}&to={months[b]}&colour=type")
        assert p.input_value("#colour-by") == "type" and p.is_visible(".legend .by-type")
        fills = p.evaluate("GeoApp.markerFills()")
        for site_id, fill in fills.items():
            here = [e["type"] for e in events if site_id in e["sites"] and months[a] <= e["month"] <= months[b]]
            counts = {t: here.count(t) for t in here}
            most = min(counts, key=lambda t: (-counts[t], t)) if counts else None  # ties: the first type by name
            assert fill == (colours[most] if most else grey), (site_id, counts)
    p.select_option("#colour-by", "kind")
    p.wait_for_function("GeoApp.idle() && !location.hash.includes('colour=')")
    assert p.evaluate("GeoApp.markerFills()") == kind_fills and p.is_visible(".legend .by-kind")


def dated_mentions(site):
    """Each literal mention of a drawn site: (site, date) with the date as the map places
    it: its event's, else its document's publication day, else (YYYY-MM) its month."""
    from browsing import published_data

    sites, features, _, mentions = published_data(site)
    docs = {r["id"]: r["published"] for r in csv.DictReader((site / "data/documents.csv").open())}
    quotes = defaultdict(list)
    for f in features:
        for source in f["properties"]["sources"].split("|"):
            doc, span = source.split("@")
            start, end = map(int, span.split("-"))
            quotes[doc].append((start, end, f["properties"]["date"], f["properties"]["site_id"]))
    out = []
    for m in mentions:
        if m["status"] != "resolved" or m["literal"] != "true" or m["site_id"] not in set(sites):
            continue
        start, end = int(m["start"]), int(m["end"])
        dated = [q[2] for q in quotes[m["doc"]] if q[0] <= start and end <= q[1] and q[3] == m["site_id"]]
        published = docs[m["doc"]]
        out.append((m["site_id"], dated[0] if dated else published if len(published) == 10 else (published + "-01")[:7]))
    return out


def test_a_window_of_days_by_weeks_shows_what_those_days_hold(opened, site):
    p = opened
    events, _ = published_events(site)
    p.select_option("#timeline-step", "week")
    bins = p.evaluate("GeoApp.timeline.bins()")
    months = p.evaluate("GEO_DATA.months")
    day = lambda b: f"{months[b[0]]}-{b[1]:02d}"  # noqa: E731
    by_date = {e["id"]: e["date"] for e in events}
    checked = 0
    for a, b in ((2, 8), (0, 0), (len(bins) // 3, len(bins) // 2), (len(bins) - 3, len(bins) - 1)):
        box = p.query_selector("#timeline svg").bounding_box()
        at = lambda i: box["x"] + (i + 0.5) * box["width"] / len(bins)  # noqa: E731
        y = box["y"] + box["height"] / 2
        p.mouse.move(at(a), y)
        p.mouse.down()
        p.mouse.move(at(b), y, steps=2)
        p.mouse.up()
        p.wait_for_function("GeoApp.idle()")
        first, last = day(bins[a][0]), day(bins[b][1])
        p.wait_for_function(f"location.hash.startsWith({json.dumps(f'#from={first}&to={last}')})")
        here = [e for e in events if first <= e["date"] <= last]
        table = p.evaluate("GeoApp.table.rows().map(r => r[GEO_DATA.columns.events.indexOf('id')])")
        assert sorted(table) == sorted(e["id"] for e in here) and all(first <= by_date[i] <= last for i in table)
        struck = set().union(*(e["sites"] for e in here)) if here else set()
        whole = lambda month: first <= month + "-01" and f"{month}-{calendar.monthrange(int(month[:4]), int(month[5:]))[1]:02d}" <= last  # noqa: E731,E501
        mentioned = {s for s, d in dated_mentions(site) if (first <= d <= last if len(d) == 10 else whole(d))}
        assert set(p.evaluate("GeoApp.activeSites()")) == struck | mentioned, (first, last)
        count = p.inner_text("#count")
        assert count.startswith(f"{sum(bool(e['sites']) for e in here)} event"), count
        checked += bool(here)
    assert checked >= 2
    # the window of days is shared by its URL, and the sliders bring back whole months
    go_to(p, f"from={day(bins[2][0])}&to={day(bins[8][1])}")
    assert p.inner_text("#count").endswith(f"{bins[2][0][1]} {p.evaluate('GeoApp.panel.monthLabel(GEO_DATA.months[0])')}"
                                           f" – {bins[8][1][1]} " +
                                           p.evaluate(f"GeoApp.panel.monthLabel(GEO_DATA.months[{bins[8][1][0]}])"))
    p.evaluate("(() => { const el = document.getElementById('to'); el.value = el.max; el.dispatchEvent(new Event('input')); })()")
    p.wait_for_function("GeoApp.idle() && /^#from=\\d{4}-\\d{2}&to=\\d{4}-\\d{2}(&|$)/.test(location.hash)")


def test_a_mention_known_only_to_its_month_counts_only_in_windows_that_hold_the_whole_month(page, site):
    p = page.open("index.html")
    events, _ = published_events(site)
    dated = dated_mentions(site)
    month = sorted(d for _, d in dated if len(d) == 7)[0]  # the seeds have documents dated only to the month
    end = calendar.monthrange(int(month[:4]), int(month[5:]))[1]
    for first, last in ((f"{month}-10", f"{month}-20"), (f"{month}-01", f"{month}-{end:02d}")):
        whole = last == f"{month}-{end:02d}"
        go_to(p, f"from={first}&to={last}")
        struck = set().union(*(e["sites"] for e in events if first <= e["date"] <= last))
        mentioned = {s for s, d in dated if (first <= d <= last if len(d) == 10 else whole and d == month)}
        month_only = {s for s, d in dated if d == month} - struck - {s for s, d in dated if first <= d <= last}
        assert month_only, "a site named only by a month-dated document"
        assert set(p.evaluate("GeoApp.activeSites()")) == struck | mentioned
        active = set(p.evaluate("GeoApp.activeSites()"))
        assert (month_only <= active) if whole else not month_only & active


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    """The real dev corpus: documents that tell events from 1865 to 2026."""
    from helpers import ROOT

    from geo.corpus import open_corpus
    from geo.site.build import build_site

    out = tmp_path_factory.mktemp("long") / "site"
    build_site(open_corpus(ROOT / "tests" / "fixtures" / "real" / "dev"), out)
    return out


@pytest.mark.parametrize("step", ["month", "week"])
def test_the_timelines_year_labels_stay_apart_over_a_long_span(browser, long_site, step):
    from browsing import Page

    page = Page(browser, long_site)
    p = page.open("index.html")
    p.select_option("#timeline-step", step)
    months = p.evaluate("GEO_DATA.months")
    assert int(months[-1][:4]) - int(months[0][:4]) > 50
    boxes = p.eval_on_selector_all("#timeline .years span", "els => els.map(e => { const b = e.getBoundingClientRect(); "
                                                             "return [b.left, b.right, e.textContent]; })")
    assert 3 <= len(boxes) <= 13
    assert all(a[1] <= b[0] for a, b in zip(boxes, boxes[1:])), boxes  # none overlaps the next
    years = [int(b[2]) for b in boxes]
    assert years == sorted(years)
    p.close()
