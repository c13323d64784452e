"""What the browser tests share: Playwright from PyPI driving Debian's Chromium, a page
that records its errors and requests, and the published data the expectations are
computed from (site/data), never written in by hand."""

import csv
import json
import os
import random
from pathlib import Path
from urllib.parse import urlencode

import pytest

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-quic"]


def playwright_or_skip():
    """Playwright's sync API; the calling test module is skipped where Chromium is missing
    (never on CI, where .ci/run installs it)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            raise RuntimeError("Debian's chromium is missing: .ci/run must apt-get install it")
        pytest.skip("Debian's chromium is not installed", allow_module_level=True)
    return pytest.importorskip("playwright.sync_api")


class Page:
    """A page that records console errors and every request it makes."""

    def __init__(self, browser, site, width=1280, height=800):
        self.site = site
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors, self.requests, self.dialogs = [], [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, path, fragment=""):
        self.page.goto((self.site / path).as_uri() + fragment)
        if path == "index.html":
            self.page.wait_for_function("window.GeoApp && window.GeoApp.ready")
        return self.page

    def active_sites(self):
        return set(self.page.evaluate("window.GeoApp.activeSites()"))

    def click_site(self, site_id, timeout=30000):
        """Zoom in on a site and click its circle where the map draws it (on a canvas)."""
        self.page.evaluate(f"""(() => {{ const c = GEO_DATA.columns.sites, id = c.indexOf("id");
                               const s = GEO_DATA.sites.find(s => s[id] === {json.dumps(site_id)});
                               GeoApp.map.setView([s[c.indexOf("lat")], s[c.indexOf("lon")]], 11,
                                                  {{animate: false}}); }})()""")
        point = self.page.evaluate(f"window.GeoApp.markerPoint({json.dumps(site_id)})")
        self.page.mouse.click(point["x"], point["y"])
        return self.page.wait_for_selector(".leaflet-popup-content .popup", timeout=timeout)


def published_data(site):
    sites = [f["properties"]["id"] for f in json.loads((site / "data/sites.geojson").read_text())["features"]]
    events = json.loads((site / "data/events.geojson").read_text())["features"]
    docs = {r["id"]: r["published"][:7] for r in csv.DictReader((site / "data/documents.csv").open())}
    mentions = list(csv.DictReader((site / "data/mentions.csv").open()))
    return sites, events, docs, mentions




# -- the map page's views: windows and filters, and what site/data says they show

NO_ACTOR = "(no actor named)"


def published_events(site):
    """Each event of data/events.csv: its month, facets and the drawn sites it is at."""
    pinned = {f["properties"]["id"]: f["geometry"]["coordinates"]
              for f in json.loads((site / "data/sites.geojson").read_text())["features"]}
    events = []
    for row in csv.DictReader((site / "data/events.csv").open(encoding="utf-8")):
        events.append({"id": row["id"], "date": row["date"], "month": row["date"][:7], "type": row["sub_event_type"],
                       "actor": row["actor"] or NO_ACTOR, "statuses": set(row["status"].split("|")),
                       "sites": {s for s in row["site_ids"].split("|") if s in pinned},
                       "killed": int(row["killed"]) if row["killed"] else None})
    return events, pinned


def passes(e, view, skip=None):
    return all(not view[facet] or (e[key] & set(view[facet]) if key == "statuses" else e[key] in view[facet])
               for facet, key in (("type", "type"), ("actor", "actor"), ("status", "statuses")) if facet != skip)


def shown(events, view):
    return [e for e in events if view["from"] <= e["month"] <= view["to"] and passes(e, view)]


def open_view(page, view):
    params = [("from", view["from"]), ("to", view["to"])]
    params += [(facet, value) for facet in ("type", "actor", "status") for value in view[facet]]
    go_to(page, urlencode(params))


# The map has drawn the last change and no pan or zoom is under way: a click lands where
# the page shows its target (a popup pans into view after it opens).
SETTLED = "GeoApp.idle() && !GeoApp.map._animatingZoom && !(GeoApp.map._panAnim && GeoApp.map._panAnim._inProgress)"


def go_to(page, fragment: str) -> None:
    """Set the page's fragment and wait until the page has read it and drawn it.  The page
    reads a new fragment in a task of its own ("hashchange", its listener first): waiting
    only for an idle page may read the view before it."""
    page.evaluate("""hash => new Promise(done => {
      if (location.hash.slice(1) === hash) { done(); return; }
      window.addEventListener("hashchange", () => done(), {once: true});
      location.hash = hash;
    })""", fragment)
    page.wait_for_function("GeoApp.idle()")


def random_views(events, months, statuses, n, seed=7):
    rng = random.Random(seed)
    types, actors = sorted({e["type"] for e in events}), sorted({e["actor"] for e in events})
    for _ in range(n):
        a, b = sorted(rng.sample(range(len(months)), 2)) if len(months) > 1 else (0, 0)
        yield {"from": months[a], "to": months[b], "type": rng.sample(types, rng.choice([0, 0, 0, 1, 2])),
               "actor": rng.sample(actors, rng.choice([0, 0, 1, 2])), "status": rng.sample(statuses, rng.choice([0, 0, 1]))}
