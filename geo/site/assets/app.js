// The map page: markers per site, a month window with play, filters, a shareable URL.
// Data comes from data/map-data.js (window.GEO_DATA). Text from documents is only ever
// set with textContent, never parsed as HTML.
(function () {
  "use strict";

  var KIND_CLASS = {
    airbase: "military", base: "military", outpost: "military", facility: "military",
    airport: "airport", "border-crossing": "crossing", "gas-field": "field", "oil-field": "field",
    port: "port", city: "city", town: "city", village: "city", district: "city", square: "city"
  };
  var COLORS = {military: "#c62828", airport: "#ef6c00", crossing: "#6a1b9a", field: "#6d4c41", port: "#00838f",
                city: "#1565c0", other: "#546e7a"};
  var LEGEND = [["military", "base, airbase, outpost"], ["airport", "airport"], ["crossing", "border crossing"],
                ["field", "gas or oil field"], ["port", "port"], ["city", "city, town, district"]];
  var STATUS_BITS = {claimed: 1, confirmed: 2, reported: 4};
  // Site rows: [id, name, kind, country, lat, lon, geo_precision, uncertainty_m, layer, aliases]
  // Event rows: [id, month, date, date_end, precision, type, actor, status bits, disputed, sites, weapon,
  //              killed, wounded, doc, area names]
  var D, map, renderer, markers = [], sizes = [], dims = [], monthStart = [], citedBy = [], siteAt = new Map();
  // Per month boundary and site, what happened before it: eventsBefore[m * sites + s] counts the
  // events at site s in months < m, so a window's counts are two lookups per site.
  var eventsBefore, mentionsBefore;
  var state = {from: 0, to: 0, type: "", actor: "", status: "", site: null};
  var frame = null, playing = null, current = {events: [], sites: 0};
  var listsTimer = null, lastStep = -Infinity, hashTimer = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function monthLabel(m) {
    var names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    return names[parseInt(m.slice(5, 7), 10) - 1] + " " + m.slice(0, 4);
  }

  function fold(s) {
    return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
  }

  function siteUrl(i) { return "sites/" + encodeURIComponent(D.sites[i][0]) + ".html"; }

  function index() {
    var m, k, n = D.sites.length;
    for (m = 0; m <= D.months.length; m++) { monthStart.push(D.events.length); }
    for (k = D.events.length - 1; k >= 0; k--) { monthStart[D.events[k][1]] = k; }
    for (m = D.months.length - 1; m >= 0; m--) { monthStart[m] = Math.min(monthStart[m], monthStart[m + 1]); }
    D.sites.forEach(function (site, i) { citedBy.push({}); siteAt.set(site[0], i); });
    eventsBefore = new Int32Array((D.months.length + 1) * n);
    mentionsBefore = new Int32Array((D.months.length + 1) * n);
    D.events.forEach(function (e) { e[9].forEach(function (s) { eventsBefore[(e[1] + 1) * n + s]++; }); });
    D.mentions.forEach(function (r) {
      mentionsBefore[(r[1] + 1) * n + r[0]] += r[3];
      citedBy[r[0]][r[2]] = (citedBy[r[0]][r[2]] || 0) + r[3];
    });
    for (k = n; k < eventsBefore.length; k++) {
      eventsBefore[k] += eventsBefore[k - n];
      mentionsBefore[k] += mentionsBefore[k - n];
    }
  }

  function passes(e) {
    if (state.type !== "" && D.types[e[5]] !== state.type) { return false; }
    if (state.actor !== "" && D.actors[e[6]] !== state.actor) { return false; }
    if (state.status !== "" && !(e[7] & STATUS_BITS[state.status])) { return false; }
    return true;
  }

  function filtering() { return state.type !== "" || state.actor !== "" || state.status !== ""; }

  // Events in the window that pass the filters, in date order.
  function windowEvents(rows, start, end) {
    var out = [];
    for (var k = start; k < end; k++) { if (passes(rows[k])) { out.push(rows[k]); } }
    return out;
  }

  // Per site: events in the window that pass the filters, and mentions in the window
  // (mentions have no type, actor or attribution, so none count while a filter is set).
  function windowCounts(start, end) {
    var n = D.sites.length, eventsAt = new Int32Array(n), mentionsAt = new Int32Array(n), s;
    var lo = state.from * n, hi = (state.to + 1) * n;
    if (filtering()) {
      for (var k = start; k < end; k++) {
        if (passes(D.events[k])) { D.events[k][9].forEach(function (i) { eventsAt[i]++; }); }
      }
      return {eventsAt: eventsAt, mentionsAt: mentionsAt};
    }
    for (s = 0; s < n; s++) {
      eventsAt[s] = eventsBefore[hi + s] - eventsBefore[lo + s];
      mentionsAt[s] = mentionsBefore[hi + s] - mentionsBefore[lo + s];
    }
    return {eventsAt: eventsAt, mentionsAt: mentionsAt};
  }

  function render() {
    frame = null;
    var start = monthStart[state.from], end = monthStart[state.to + 1];
    var events = filtering() ? windowEvents(D.events, start, end) : D.events.slice(start, end);
    var counts = windowCounts(start, end), active = restyleMarkers(counts.eventsAt, counts.mentionsAt);
    var areaStart = lowerBound(D.areaEvents, state.from), areaEnd = lowerBound(D.areaEvents, state.to + 1);
    current = {events: events, sites: active, eventsAt: counts.eventsAt, mentionsAt: counts.mentionsAt,
               areaEvents: windowEvents(D.areaEvents, areaStart, areaEnd)};
    writeCount(events.length, active);
    fillListsSoon();
    writeHashSoon();
  }

  // The lists follow the map, so that a step's frame has only the markers and the count line
  // to draw: they are filled right after it, in the time left before the next frame, or,
  // while steps come frame after frame (a drag of the slider), once the window stops moving.
  var DRAG_GAP = 25;  // ms: steps closer than a frame and a half apart come from a drag

  function fillListsSoon() {
    var now = performance.now(), moving = now - lastStep < DRAG_GAP;
    lastStep = now;
    window.clearTimeout(listsTimer);
    listsTimer = window.setTimeout(fillLists, moving ? 100 : 0);
  }

  function fillLists() {
    window.clearTimeout(listsTimer);
    listsTimer = null;
    if (frame !== null) { return; }  // a newer window is about to render, and asks again
    var t0 = performance.now();
    listSites(document.getElementById("site-list"), current.eventsAt, current.mentionsAt);
    listEvents(document.getElementById("event-list"), current.events);
    listEvents(document.getElementById("area-list"), current.areaEvents);
    window.GeoApp.listsMs = performance.now() - t0;
  }

  // Dims and sizes the markers, then draws the canvas once; returns how many sites are on.
  // Leaflet's setStyle/setRadius would re-project each marker and queue a redraw per call.
  function restyleMarkers(eventsAt, mentionsAt) {
    var active = 0, changed = false;
    for (var i = 0; i < eventsAt.length; i++) {
      var on = eventsAt[i] > 0 || mentionsAt[i] > 0;
      var size = eventsAt[i] > 0 ? Math.round(12 + 5 * Math.sqrt(eventsAt[i])) : (on ? 12 : 10);
      if (on) { active++; }
      if (dims[i] !== !on || sizes[i] !== size) { restyle(markers[i], on, size); changed = true; }
      dims[i] = !on; sizes[i] = size;
    }
    if (changed) { redrawMarkers(); }
    return active;
  }

  function restyle(marker, on, size) {
    var look = on ? ON : OFF;
    if (marker.options.opacity !== look.opacity) {
      marker.options.fillOpacity = look.fillOpacity;
      marker.options.opacity = look.opacity;
      marker._sprites = null;
    }
    marker.options.radius = marker._radius = size / 2;
    if (marker._point) { marker._updateBounds(); }  // the area a click or hover hits
  }

  // Leaflet 1.9 internals (the version in lib/leaflet): a redraw with no bounds clears and
  // draws the whole canvas now, in the step's frame, where Leaflet would wait for the next.
  function redrawMarkers() {
    if (!renderer._map) { return; }
    L.Util.cancelAnimFrame(renderer._redrawRequest);
    renderer._redrawBounds = null;
    renderer._redraw();
  }

  // The sites' canvas draws each circle by copying a small image made once per look and
  // radius: software Skia strokes dashed circles slowly (1,778 took some 40 ms a step).
  // (Made in a function, not at load time: this script runs before Leaflet's.)
  function spriteCanvas(options) {
    var SpriteCanvas = L.Canvas.extend({
      _updateCircle: drawCircle,
      _updateStyle: function (layer) { layer._sprites = null; L.Canvas.prototype._updateStyle.call(this, layer); }
    });
    return new SpriteCanvas(options);
  }

  var spritesByLook = new Map(), spritePixels = 0, SPRITE_PIXELS = 16e6;

  function drawCircle(layer) {
    if (!this._drawing || layer._empty()) { return; }
    var p = layer._point, radius = Math.max(Math.round(layer._radius), 1);
    var sprites = layer._sprites || (layer._sprites = spritesOf(layer.options));
    var sprite = sprites[radius] || (sprites[radius] = circleSprite(this, layer, radius));
    this._ctx.drawImage(sprite.image, p.x - sprite.offset, p.y - sprite.offset, sprite.side, sprite.side);
  }

  // The sprites of one look (colours, outline, opacities), by radius. A marker keeps its
  // look's in _sprites until its style changes.
  function spritesOf(o) {
    var key = [o.fillColor, o.color, o.weight, o.dashArray, o.fillOpacity, o.opacity].join();
    if (!spritesByLook.has(key)) { spritesByLook.set(key, []); }
    return spritesByLook.get(key);
  }

  function circleSprite(canvas, layer, radius) {
    var scale = L.Browser.retina ? 2 : 1, offset = radius + Math.ceil(layer.options.weight / 2) + 1;
    var image = el("canvas");
    image.width = image.height = 2 * offset * scale;
    if (spritePixels > SPRITE_PIXELS) { forgetSprites(); }
    spritePixels += image.width * image.height;
    var ctx = image.getContext("2d");
    ctx.scale(scale, scale);
    ctx.beginPath();
    ctx.arc(offset, offset, radius, 0, Math.PI * 2, false);
    L.Canvas.prototype._fillStroke.call(canvas, ctx, layer);
    return {image: image, offset: offset, side: 2 * offset};
  }

  // Windows of many months make large circles: past a budget, start the cache afresh.
  function forgetSprites() {
    spritesByLook.clear();
    spritePixels = 0;
    markers.forEach(function (m) { m._sprites = null; });
  }

  function writeCount(withPoints, active) {
    document.getElementById("count").textContent = withPoints + " event" + (withPoints === 1 ? "" : "s") +
      " at " + active + " site" + (active === 1 ? "" : "s") + ", " + monthLabel(D.months[state.from]) +
      (state.to !== state.from ? " – " + monthLabel(D.months[state.to]) : "");
    document.getElementById("from-label").textContent = monthLabel(D.months[state.from]);
    document.getElementById("to-label").textContent = monthLabel(D.months[state.to]);
  }

  function lowerBound(rows, month) {
    var lo = 0, hi = rows.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (rows[mid][1] < month) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }

  var ON = {fillOpacity: 0.9, opacity: 1}, OFF = {fillOpacity: 0.22, opacity: 0.35};

  function update() { if (frame === null) { frame = window.requestAnimationFrame(render); } }

  var LIST_LIMIT = 50;  // rows in each list

  function describe(e) {
    var parts = [D.types[e[5]]];
    if (e[6] >= 0) { parts.push(D.actors[e[6]]); }
    if (e[10]) { parts.push(e[10]); }
    return parts.join(" · ");
  }

  function when(e) { return e[2] + (e[3] !== e[2] ? " – " + e[3] : ""); }

  // The lists keep their rows from step to step and refill them in place: new text in the
  // same nodes costs the browser far less style and layout work than a hundred new elements.
  function showRows(list, rows, newRow, fillRow, empty) {
    var shown = Math.min(rows.length, LIST_LIMIT), items = list.children;
    if (list.lastElementChild && list.lastElementChild.className === "hint") { list.lastElementChild.remove(); }
    for (var k = 0; k < shown; k++) { fillRow(items[k] || list.appendChild(newRow()), rows[k]); }
    while (items.length > shown) { list.lastElementChild.remove(); }
    var more = rows.length > LIST_LIMIT ? "… and " + (rows.length - LIST_LIMIT) + " more" : (rows.length ? "" : empty);
    if (more) { list.appendChild(el("li", "hint", more)); }
  }

  function setText(node, text) {
    var only = node.firstChild;
    if (only && only === node.lastChild && only.nodeType === Node.TEXT_NODE) {
      if (only.nodeValue !== text) { only.nodeValue = text; }
    } else {
      node.textContent = text;
    }
  }

  function setAttr(node, name, value) { if (node.getAttribute(name) !== value) { node.setAttribute(name, value); } }

  // An event row: when, what, where (links to the sites, or the names of areas), disputed.
  function newEventRow() {
    var item = el("li");
    item.appendChild(el("span", "when", ""));
    item.appendChild(document.createTextNode(""));
    item.appendChild(el("span", "where", ""));
    item.appendChild(el("span", "disputed", "disputed"));
    return item;
  }

  function fillEventRow(item, e) {
    var parts = item.childNodes, what = describe(e) + " ";
    setText(parts[0], when(e) + " ");
    if (parts[1].nodeValue !== what) { parts[1].nodeValue = what; }
    if (e[9].length) { siteLinks(parts[2], e[9]); } else { setText(parts[2], "(" + e[14].join(", ") + ")"); }
    parts[3].hidden = !e[8];
  }

  // Links to the event's sites, each followed by a space; clicks are handled by the list.
  function siteLinks(box, sites) {
    for (var k = 0; k < sites.length; k++) {
      var link = box.childNodes[2 * k];
      if (!link) {
        link = box.appendChild(el("a", "site-link"));
        box.appendChild(document.createTextNode(" "));
      }
      setText(link, D.sites[sites[k]][1]);
      setAttr(link, "href", "#site=" + encodeURIComponent(D.sites[sites[k]][0]));
      setAttr(link, "data-site", D.sites[sites[k]][0]);
    }
    while (box.childNodes.length > 2 * sites.length) { box.lastChild.remove(); }
  }

  function listEvents(list, events) { showRows(list, events, newEventRow, fillEventRow, "none"); }

  // The sites of the window as buttons: how a keyboard reaches a marker's popup.
  function listSites(list, eventsAt, mentionsAt) {
    var active = [];
    for (var i = 0; i < eventsAt.length; i++) { if (eventsAt[i] || mentionsAt[i]) { active.push(i); } }
    showRows(list, firstSites(active, eventsAt, mentionsAt), newSiteRow, function (item, i) {
      setText(item.firstChild, D.sites[i][1] + " — " + eventsAt[i] + " event" + (eventsAt[i] === 1 ? "" : "s"));
      setAttr(item.firstChild, "data-site", D.sites[i][0]);
    }, "");
  }

  // The sites in list order (most events, then most mentions, then data order). Only the
  // first LIST_LIMIT are shown, so only the sites that can be among them are sorted.
  function firstSites(active, eventsAt, mentionsAt) {
    var counts = Int32Array.from(active, function (i) { return eventsAt[i]; }).sort();
    var least = counts.length > LIST_LIMIT ? counts[counts.length - LIST_LIMIT] : 0;
    var first = active.filter(function (i) { return eventsAt[i] >= least; });
    first.sort(function (a, b) { return eventsAt[b] - eventsAt[a] || mentionsAt[b] - mentionsAt[a] || a - b; });
    return first.concat(active.filter(function (i) { return eventsAt[i] < least; }));
  }

  function newSiteRow() {
    var item = el("li"), button = item.appendChild(el("button", "site-button"));
    button.type = "button";
    return item;
  }

  // One listener per list: the rows change every step, the handler does not.
  function openFromList(list, selector) {
    list.addEventListener("click", function (ev) {
      var target = ev.target.closest(selector);
      if (!target) { return; }
      ev.preventDefault();
      openSite(siteAt.get(target.getAttribute("data-site")), true);
    });
  }

  function popupContent(i) {
    var s = D.sites[i], box = el("div", "popup");
    box.appendChild(el("h3", null, s[1]));
    box.appendChild(el("p", null, s[2] + " · " + s[3]));
    box.appendChild(el("p", "hint", s[4].toFixed(4) + ", " + s[5].toFixed(4) + " ± " + s[7].toLocaleString("en") +
      " m (" + (s[8] === "fallback" ? "approximate: fallback layer" : "curated") + ", geo_precision " + s[6] + ")"));
    var here = current.events.filter(function (e) { return e[9].indexOf(i) >= 0; });
    box.appendChild(el("p", null, "Events in the window: " + here.length));
    if (here.length) {
      var ul = el("ul", "popup-events");
      here.slice(0, 50).forEach(function (e) {
        var li = el("li", null, when(e) + " · " + describe(e));
        if (e[8]) { li.appendChild(document.createTextNode(" ")); li.appendChild(el("span", "disputed", "disputed")); }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    var docs = Object.keys(citedBy[i]).map(Number).sort(function (a, b) { return a - b; });
    box.appendChild(el("p", null, "Cited by " + docs.length + " document" + (docs.length === 1 ? "" : "s") + ":"));
    var sources = el("ul", "popup-sources");
    docs.forEach(function (d) {
      var doc = D.docs[d], n = citedBy[i][d];
      sources.appendChild(el("li", null, doc[2] + ", " + doc[3] + " — " + n + " mention" + (n === 1 ? "" : "s")));
    });
    box.appendChild(sources);
    var link = el("a", "site-page", "All cited mentions and events →");
    link.href = siteUrl(i);
    box.appendChild(el("p")).appendChild(link);
    return box;
  }

  function openSite(i, pan) {
    var marker = markers[i];
    if (pan) { map.setView(marker.getLatLng(), Math.max(map.getZoom(), 7), {animate: false}); }
    marker.openPopup();
  }

  function selectSite(i) {
    var previous = D.sites.findIndex(function (s) { return s[0] === state.site; });
    if (previous >= 0) { markers[previous].setStyle({color: outline(previous), weight: 1.5}); }
    if (i !== null) { markers[i].setStyle({color: "#ffb300", weight: 4}); }
    state.site = i === null ? null : D.sites[i][0];
    writeHash();
  }

  function outline(i) { return D.sites[i][8] === "fallback" ? "#222" : "#fff"; }

  // The URL follows the window once it settles: replaceState takes milliseconds, too many
  // for every frame of a drag of the slider.
  function writeHashSoon() {
    window.clearTimeout(hashTimer);
    hashTimer = window.setTimeout(writeHash, 250);
  }

  function writeHash() {
    window.clearTimeout(hashTimer);
    var p = new URLSearchParams();
    if (D.months.length) { p.set("from", D.months[state.from]); p.set("to", D.months[state.to]); }
    if (state.site) { p.set("site", state.site); }
    if (state.type) { p.set("type", state.type); }
    if (state.actor) { p.set("actor", state.actor); }
    if (state.status) { p.set("status", state.status); }
    var hash = "#" + p.toString();
    if (location.hash !== hash) { history.replaceState(null, "", hash); }
  }

  function readHash() {
    var p = new URLSearchParams(location.hash.slice(1));
    var from = D.months.indexOf(p.get("from")), to = D.months.indexOf(p.get("to"));
    state.from = from >= 0 ? from : 0;
    state.to = to >= 0 ? Math.max(to, state.from) : D.months.length - 1;
    state.type = D.types.indexOf(p.get("type")) >= 0 ? p.get("type") : "";
    state.actor = D.actors.indexOf(p.get("actor")) >= 0 ? p.get("actor") : "";
    state.status = STATUS_BITS[p.get("status")] ? p.get("status") : "";
    document.getElementById("from").value = state.from;
    document.getElementById("to").value = state.to;
    document.getElementById("f-type").value = state.type;
    document.getElementById("f-actor").value = state.actor;
    document.getElementById("f-status").value = state.status;
    return p.get("site");
  }

  function fillSelect(id, values) {
    var select = document.getElementById(id);
    values.forEach(function (v) { var o = el("option", null, v); o.value = v; select.appendChild(o); });
  }

  function findSite(query) {
    var q = fold(query), exact = -1, partial = -1;
    D.sites.forEach(function (s, i) {
      [s[1]].concat(s[9]).forEach(function (name) {
        var f = fold(name);
        if (f === q && exact < 0) { exact = i; }
        if (partial < 0 && q.length >= 3 && f.indexOf(q) >= 0) { partial = i; }
      });
    });
    return exact >= 0 ? exact : partial;
  }

  function controls() {
    var from = document.getElementById("from"), to = document.getElementById("to");
    from.max = to.max = Math.max(D.months.length - 1, 0);
    from.addEventListener("input", function () {
      state.from = +from.value;
      if (state.to < state.from) { state.to = state.from; to.value = state.to; }
      update();
    });
    to.addEventListener("input", function () {
      state.to = +to.value;
      if (state.from > state.to) { state.from = state.to; from.value = state.from; }
      update();
    });
    fillSelect("f-type", D.types);
    fillSelect("f-actor", D.actors);
    [["f-type", "type"], ["f-actor", "actor"], ["f-status", "status"]].forEach(function (pair) {
      document.getElementById(pair[0]).addEventListener("change", function (ev) {
        state[pair[1]] = ev.target.value; update();
      });
    });
    document.getElementById("play").addEventListener("click", togglePlay);
    openFromList(document.getElementById("site-list"), ".site-button");
    openFromList(document.getElementById("event-list"), "a.site-link");
    var names = document.getElementById("site-names");
    D.sites.forEach(function (s) {
      [s[1]].concat(s[9]).forEach(function (name) { var o = el("option"); o.value = name; names.appendChild(o); });
    });
    var search = document.getElementById("search");
    function go() {
      var i = findSite(search.value);
      document.getElementById("search-result").textContent = i >= 0 ? "" : "No site matches “" + search.value + "”.";
      if (i >= 0) { openSite(i, true); }
    }
    search.addEventListener("change", go);
    search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { go(); } });
  }

  function togglePlay() {
    var button = document.getElementById("play");
    if (playing !== null) {
      window.clearInterval(playing); playing = null;
      button.setAttribute("aria-pressed", "false"); button.textContent = "Play month by month";
      return;
    }
    var last = D.months.length - 1;
    if (state.to >= last || state.from === 0 && state.to === last) { state.from = 0; state.to = 0; }
    button.setAttribute("aria-pressed", "true"); button.textContent = "Pause";
    playing = window.setInterval(function () {
      if (state.to >= last) { togglePlay(); return; }
      state.from++; state.to++;
      document.getElementById("from").value = state.from; document.getElementById("to").value = state.to;
      update();
    }, 900);
    update();
  }

  function legend() {
    var control = L.control({position: "bottomleft"});
    control.onAdd = function () {
      var box = el("div", "legend");
      LEGEND.forEach(function (pair) {
        var row = el("div");
        row.appendChild(el("span", "swatch k-" + pair[0]));
        row.appendChild(document.createTextNode(pair[1]));
        box.appendChild(row);
      });
      var approx = el("div");
      approx.appendChild(el("span", "swatch k-city approx"));
      approx.appendChild(document.createTextNode("approximate (fallback layer)"));
      box.appendChild(approx);
      var dim = el("div");
      dim.appendChild(el("span", "swatch k-city dim"));
      dim.appendChild(document.createTextNode("nothing in the window"));
      box.appendChild(dim);
      box.appendChild(el("div", "hint", "Size: events in the window. Mentions without an event date are " +
        "placed by their document's publication month."));
      return box;
    };
    control.addTo(map);
  }

  function start(leafletMap) {
    D = window.GEO_DATA;
    map = leafletMap;
    index();
    // Sites draw on one canvas in a pane above the outlines (a pane of their own, z 450).
    map.createPane("sites").style.zIndex = 450;
    renderer = spriteCanvas({padding: 0.5, pane: "sites"});
    D.sites.forEach(function (s, i) {
      var kind = KIND_CLASS[s[2]] || "other";
      var marker = L.circleMarker([s[4], s[5]], {
        renderer: renderer, radius: 6, weight: 1.5, color: outline(i), fillColor: COLORS[kind],
        fillOpacity: ON.fillOpacity, opacity: ON.opacity, dashArray: s[8] === "fallback" ? "3 2" : null});
      marker.bindPopup(function () { return popupContent(i); }, {maxWidth: 320, autoPanPadding: [20, 20]});
      marker.bindTooltip(s[1]);
      marker.on("popupopen", function () { selectSite(i); });
      marker.on("popupclose", function () { if (state.site === s[0]) { selectSite(null); } });
      marker.addTo(map);
      markers.push(marker); sizes.push(12); dims.push(false);
    });
    // Frame the theatre; a few far-away sites (Washington, New York) stay reachable by panning.
    var near = D.sites.filter(function (s) { return s[5] > 20 && s[5] < 70 && s[4] > 5 && s[4] < 48; });
    var framed = near.length ? near : D.sites;
    if (framed.length) {
      map.fitBounds(L.latLngBounds(framed.map(function (s) { return [s[4], s[5]]; })).pad(0.1), {animate: false});
    }
    controls();
    legend();
    var site = readHash();
    window.addEventListener("hashchange", function () {
      var wanted = readHash();
      render();
      var i = D.sites.findIndex(function (s) { return s[0] === wanted; });
      if (i >= 0 && state.site !== wanted) { openSite(i, true); }
    });
    render();
    fillLists();
    var i = D.sites.findIndex(function (s) { return s[0] === site; });
    if (i >= 0) { openSite(i, true); }
    window.GeoApp.readyAt = performance.now();
    window.GeoApp.ready = true;
  }

  // For the benchmark: show a window now (the map is drawn in the current frame; the lists
  // are filled by a timeout after it, see fillListsSoon).
  function measureStep(from, to) {
    state.from = from; state.to = to;
    render();
  }

  window.GeoApp = {
    start: start,
    state: state,
    measureStep: measureStep,
    // For tests and the console: ids of the sites with something in the window.
    activeSites: function () {
      return D.sites.filter(function (s, i) { return !dims[i]; }).map(function (s) { return s[0]; });
    },
    // Ids of the sites that have a marker on the map, and where a marker is on the screen.
    markerIds: function () {
      return D.sites.filter(function (s, i) { return map.hasLayer(markers[i]); }).map(function (s) { return s[0]; });
    },
    markerPoint: function (id) {
      var i = D.sites.findIndex(function (s) { return s[0] === id; });
      var p = map.latLngToContainerPoint(markers[i].getLatLng()), box = map.getContainer().getBoundingClientRect();
      return {x: box.left + p.x, y: box.top + p.y};
    },
    // True when no redraw is pending (the last change has been drawn).
    idle: function () { return frame === null && listsTimer === null; },
    ready: false
  };
})();
