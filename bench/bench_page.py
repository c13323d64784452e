"""The page benchmark: the project's map page against folium's stock TimestampedGeoJson
page for the same events, both loaded from disk in Debian's Chromium through Playwright.

Measured: page weight (bytes of every file the page loads), time until all markers are
drawn, and time per month step of the slider (median of 5).  TimestampedGeoJson loads
its scripts from CDNs; here they are fetched once from the npm registry (npm pack) into
bench/work/vendor, so both pages run offline.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import tarfile
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import folium
import folium.plugins
import xstatic.pkg.leaflet as xstatic_leaflet

WORK = Path(__file__).resolve().parent / "work"
VENDOR_PACKAGES = {  # npm package -> files the page needs
    "jquery@3.7.1": ["dist/jquery.min.js"],
    "jquery-ui-dist@1.13.2": ["jquery-ui.min.js"],
    "iso8601-js-period@0.2.1": ["iso8601.js"],
    "leaflet-timedimension@1.1.1": ["dist/leaflet.timedimension.min.js", "dist/leaflet.timedimension.control.css"],
    "moment@2.18.1": ["min/moment.min.js"],
}
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-quic"]


def vendor(folder: Path) -> Path:
    if (folder / "leaflet.timedimension.min.js").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for package, files in VENDOR_PACKAGES.items():
            tarball = subprocess.run(["npm", "pack", package, "--silent"], cwd=tmp, check=True, capture_output=True,
                                     text=True).stdout.strip().splitlines()[-1]
            with tarfile.open(Path(tmp) / tarball) as archive:
                for name in files:
                    member = archive.extractfile(f"package/{name}")
                    (folder / Path(name).name).write_bytes(member.read())
    return folder


class LocalTimestamped(folium.plugins.TimestampedGeoJson):
    default_js = [("jquery", "vendor/jquery.min.js"), ("jqueryui", "vendor/jquery-ui.min.js"),
                  ("iso8601", "vendor/iso8601.js"),
                  ("leaflet.timedimension", "vendor/leaflet.timedimension.min.js"),
                  ("moment", "vendor/moment.min.js")]
    default_css = [("leaflet.timedimension_css", "vendor/leaflet.timedimension.control.css")]


def timestamped_page(events_geojson: Path, out: Path) -> Path:
    """The stock folium page: one point per event and site, stepping month by month."""
    from geo.site.mappage import LocalMap

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copytree(xstatic_leaflet.BASE_DIR, out / "lib" / "leaflet", ignore=shutil.ignore_patterns("*.map"))
    vendor_dir = vendor(WORK / "vendor")
    shutil.copytree(vendor_dir, out / "vendor")
    features = json.loads(events_geojson.read_text(encoding="utf-8"))["features"]
    for f in features:
        f["properties"] = {"time": f["properties"]["date"], "popup": f["properties"]["sub_event_type"]}
    m = LocalMap(location=[33, 42], zoom_start=5, tiles=None)
    m._id = "tsg"
    layer = LocalTimestamped({"type": "FeatureCollection", "features": features}, period="P1M", auto_play=False,
                             add_last_point=False, duration="P1M")
    layer._id = "layer"
    layer.add_to(m)
    m.save(str(out / "index.html"))
    return out / "index.html"


def _weight(urls: list[str]) -> int:
    """Bytes of the files the page loaded (requests for missing files weigh nothing)."""
    paths = [Path(unquote(urlparse(u).path)) for u in set(urls) if u.startswith("file://")]
    return sum(p.stat().st_size for p in paths if p.is_file())


def measure(project_index: Path, stock_index: Path, timeout_ms: int = 120_000) -> dict:
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH_ARGS)
        results["project"] = _measure_project(browser, project_index, timeout_ms)
        results["TimestampedGeoJson"] = _measure_stock(browser, stock_index, timeout_ms)
        browser.close()
    return results


# A step starts at the beginning of a frame (as a slider's input is handled) and is timed
# until that frame has been painted: a message posted during the frame is delivered only
# after its style, layout and paint.  Under 16.7 ms, the step fits in one frame at 60 Hz.
# The project's lists follow in the next frame: timed apart (their script, then that
# frame's rendering).  Two warm-up steps are not counted.
AFTER_PAINT_JS = """const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
const afterPaint = () => new Promise(resolve => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null); });
const settled = async () => { while (!GeoApp.idle()) { await new Promise(r => setTimeout(r, 0)); } };"""

STEP_JS = """async ([count, months]) => {
    """ + AFTER_PAINT_JS + """
    const steps = [], lists = [];
    for (let i = 0; i < count + 2; i++) {
        await frame();
        const t0 = performance.now();
        GeoApp.measureStep(i % months, i % months);
        const t1 = await afterPaint();
        await settled();
        await frame();
        const t2 = performance.now(), t3 = await afterPaint();
        if (i >= 2) { steps.push(t1 - t0); lists.push(GeoApp.listsMs + t3 - t2); }
    }
    return [steps, lists]; }"""

STOCK_STEP_JS = """async (count) => {
    """ + AFTER_PAINT_JS + """
    const td = map_tsg.timeDimension, out = [];
    for (let k = 0; k < count; k++) {
        await frame();
        const t0 = performance.now();
        await new Promise(resolve => { td.once('timeload', resolve); td.nextTime(1); });
        out.push(await afterPaint() - t0);
    }
    return out; }"""


def _measure_project(browser, index: Path, timeout_ms: int) -> dict:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(index.as_uri(), timeout=timeout_ms)
    page.wait_for_function("window.GeoApp && window.GeoApp.ready", timeout=timeout_ms)
    drawn = page.evaluate("window.GeoApp.readyAt")
    months = page.evaluate("GEO_DATA.months.length")
    events = page.evaluate("GEO_DATA.events.length + GEO_DATA.areaEvents.length")
    steps, lists = page.evaluate(STEP_JS, [5, months])
    page.close()
    return {"events": events, "page_bytes": _weight(urls), "markers_drawn_ms": round(drawn, 1),
            "step_ms_median": round(statistics.median(steps), 2), "steps_ms": [round(s, 2) for s in steps],
            "lists_ms_median": round(statistics.median(lists), 2), "lists_ms": [round(s, 2) for s in lists]}


def _measure_stock(browser, index: Path, timeout_ms: int) -> dict:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    try:
        page.goto(index.as_uri(), timeout=timeout_ms)
        page.wait_for_function("document.querySelectorAll('.leaflet-marker-icon, path.leaflet-interactive').length > 0",
                               timeout=timeout_ms)
        drawn = page.evaluate("performance.now()")
        steps = page.evaluate(STOCK_STEP_JS, 5)
    except Exception as exc:  # a page that cannot cope is a result too
        page.close()
        return {"page_bytes": _weight(urls), "error": f"{type(exc).__name__}: {str(exc).splitlines()[0]}"}
    page.close()
    return {"page_bytes": _weight(urls), "markers_drawn_ms": round(drawn, 1),
            "step_ms_median": round(statistics.median(steps), 2), "steps_ms": [round(s, 2) for s in steps]}
