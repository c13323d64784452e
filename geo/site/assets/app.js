// The map page: markers per site, a month window with play, filters, a shareable URL.
// It starts once folium's script has made the map (GeoApp.start, called by the page's
// own element, geo/site/mappage.py), from the data of data/map-data.js.
(function (GeoApp) {
  "use strict";

  var app = {data: null, map: null, state: GeoApp.state, markers: [], current: {events: [], sites: 0},
             update: update, openSite: openSite};
  var sizes = [], looks = [], hiddenAt = [], frame = null, listsTimer = null, lastStep = -Infinity;
  var grouping = null, clusterMarkers = [];  // the clusters of the map's zoom (GeoApp.clusters.at)
  var kindColours = [], fills = [];  // each site's colour by its kind, and its fill now

  function render() {
    frame = null;
    var data = app.data, state = app.state, windows = GeoApp.data;
    var start = data.monthStart[state.from], end = data.monthStart[state.to + 1];
    var events = windows.windowEvents(data, state, data.events, start, end);
    var counts = windows.windowCounts(data, state, events);
    var lit = restyleMarkers(counts.eventsAt, counts.mentionsAt, fillColours(events));
    var areaStart = windows.firstOfMonth(data, data.areaEvents, state.from);
    var areaEnd = windows.firstOfMonth(data, data.areaEvents, state.to + 1);
    app.current = {events: events, sites: lit.active, start: start, end: end, areaStart: areaStart, areaEnd: areaEnd,
                   eventsAt: counts.eventsAt, mentionsAt: counts.mentionsAt,
                   areaEvents: windows.windowEvents(data, state, data.areaEvents, areaStart, areaEnd)};
    GeoApp.panel.writeCount(app, events.length, lit.withEvents, lit.active - lit.withEvents);
    GeoApp.timeline.showWindow();
    refreshOpenPopup();
    fillListsSoon();
    GeoApp.view.writeHashSoon();
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
    GeoApp.panel.fillLists(app);
    GeoApp.timeline.showCounts();
    GeoApp.table.refresh();
    GeoApp.listsMs = performance.now() - t0;
  }

  // Gives each marker its look and size, orders them, then draws the canvas once; returns
  // how many sites are on, and how many of them have events. A site inside a cluster is
  // hidden: its cluster is drawn instead.
  // Leaflet's setStyle/setRadius would re-project each marker and queue a redraw per call.
  function restyleMarkers(eventsAt, mentionsAt, fill) {
    var active = 0, withEvents = 0, changed = false, groupOf = grouping && grouping.groupOf;
    for (var i = 0; i < eventsAt.length; i++) {
      if (fills[i] !== fill[i]) { GeoApp.canvas.recolour(app.markers[i], fill[i]); fills[i] = fill[i]; changed = true; }
      var on = eventsAt[i] > 0 || mentionsAt[i] > 0, look = eventsAt[i] > 0 ? "event" : (on ? "mention" : "off");
      var size = GeoApp.canvas.diameter(eventsAt[i], on);
      var hidden = (app.state.eventsOnly && look !== "event") || (groupOf !== null && groupOf[i] >= 0);
      if (on) { active++; }
      if (eventsAt[i] > 0) { withEvents++; }
      if (looks[i] !== look || sizes[i] !== size || hiddenAt[i] !== hidden) {
        GeoApp.canvas.restyle(app.markers[i], look, size, hidden);
        changed = true;
      }
      sizes[i] = size; looks[i] = look; hiddenAt[i] = hidden;
    }
    changed = restyleClusters(eventsAt, mentionsAt) || changed;
    if (changed) {
      // sites and clusters with events drawn above the others, the most events on top
      var drawn = app.markers.map(function (m, i) { return [m, eventsAt[i], mentionsAt[i] > 0, i]; })
        .concat(clusterMarkers.map(function (m, k) { return [m, m._group.events, m._group.active > 0, -1 - k]; }));
      drawn.sort(function (a, b) { return (a[1] - b[1]) || (a[2] - b[2]) || (a[3] - b[3]); });
      GeoApp.canvas.order(drawn.map(function (d) { return d[0]; }));
      GeoApp.canvas.redraw();
    }
    return {active: active, withEvents: withEvents};
  }

  // Each site's fill: its kind's colour, or (coloured by event type) the colour of the type
  // of most of its events in the window, grey without one.
  function fillColours(events) {
    if (app.state.colourBy !== "type") { return kindColours; }
    var data = app.data, E = data.E, types = data.types.length, n = data.sites.length, out = new Array(n);
    var counts = new Int32Array(n * types), colours = data.vocabulary.event_colours;
    events.forEach(function (e) { e[E.sites].forEach(function (s) { counts[s * types + e[E.type]]++; }); });
    for (var i = 0; i < n; i++) {
      var best = -1;
      for (var t = 0; t < types; t++) { if (counts[i * types + t] > (best < 0 ? 0 : counts[i * types + best])) { best = t; } }
      out[i] = best < 0 ? GeoApp.canvas.NO_EVENT_COLOUR : colours[data.types[best]];
    }
    return out;
  }

  // A cluster counts its sites' events and mentions in the window; its label is its events.
  function restyleClusters(eventsAt, mentionsAt) {
    var changed = false;
    clusterMarkers.forEach(function (m) {
      var g = m._group, events = 0, struck = 0, active = 0;
      g.sites.forEach(function (i) {
        events += eventsAt[i];
        struck += eventsAt[i] > 0;
        active += eventsAt[i] > 0 || mentionsAt[i] > 0;
      });
      var look = events > 0 ? "event" : (active ? "mention" : "off"), hidden = app.state.eventsOnly && events === 0;
      var size = GeoApp.canvas.clusterDiameter(events), label = events > 0 ? String(events) : "";
      g.events = events; g.struck = struck; g.active = active;
      if (m._look !== look || m._size !== size || m._hidden !== hidden || m._label !== label) {
        GeoApp.canvas.restyle(m, look, size, hidden);
        m._look = look; m._size = size; m._label = label;
        changed = true;
      }
    });
    return changed;
  }

  // The clusters of the map's zoom, made again when the zoom changes.
  function regroup() {
    var now = GeoApp.clusters.at(app.map.getZoom());
    if (now === grouping) { return; }
    GeoApp.canvas.release(clusterMarkers);
    clusterMarkers = [];
    grouping = now;
    (grouping ? grouping.groups : []).forEach(function (g) {
      var marker = GeoApp.canvas.marker([g.lat, g.lon], {weight: 2, color: "#fff", fillColor: CLUSTER_COLOUR});
      marker._group = g;
      marker.bindPopup(function () { return GeoApp.panel.clusterPopup(app, g); }, POPUP_OPTIONS);
      marker.bindTooltip(function () { return GeoApp.panel.clusterSummary(g); });
      marker.addTo(app.map);
      clusterMarkers.push(marker);
    });
    looks = []; sizes = []; hiddenAt = [];  // every site's look again: some joined or left a cluster
    if (app.current.eventsAt) { render(); }
  }

  function update() { if (frame === null) { frame = window.requestAnimationFrame(render); } }

  // An open popup, a site's or a cluster's, follows the window and the filters (its content
  // is made again).
  function refreshOpenPopup() {
    var i = app.data.siteAt.get(app.state.site);
    if (i !== undefined && app.markers[i].isPopupOpen()) { app.markers[i].getPopup().update(); }
    clusterMarkers.forEach(function (m) { if (m.isPopupOpen()) { m.getPopup().update(); } });
  }

  // Opens site i's popup, from a list, the search or another popup: zoomed in until the
  // site has a circle of its own (pan: centred, at zoom 7 at least).
  function openSite(i, pan) {
    var marker = app.markers[i], zoom = app.map.getZoom();
    var wanted = GeoApp.clusters.zoomShowing(i, pan ? Math.max(zoom, 7) : zoom);
    if (pan || wanted !== zoom) { app.map.setView(marker.getLatLng(), wanted, {animate: false}); }
    GeoApp.canvas.under = [];  // not opened by a click: no other site under a pointer
    marker.openPopup();
  }

  function selectSite(i) {
    var data = app.data, previous = data.siteAt.has(app.state.site) ? data.siteAt.get(app.state.site) : -1;
    if (previous >= 0) { app.markers[previous].setStyle({color: outline(previous), weight: 1.5}); }
    if (i !== null) { app.markers[i].setStyle({color: "#ffb300", weight: 4}); }
    app.state.site = i === null ? null : data.sites[i][data.S.id];
    GeoApp.view.writeHash();
  }

  function approximate(site) { return site[app.data.S.layer] !== app.data.vocabulary.precise_layer; }

  function outline(i) { return approximate(app.data.sites[i]) ? "#222" : "#fff"; }

  var CLUSTER_COLOUR = "#37474f";
  // kept clear of the map's controls (zoom, layers) when it opens
  var POPUP_OPTIONS = {maxWidth: 320, autoPanPaddingTopLeft: [60, 60], autoPanPaddingBottomRight: [20, 20]};

  function addMarkers() {
    var data = app.data, S = data.S, classes = data.vocabulary.marker_classes;
    // Sites draw on one canvas in a pane above the outlines (a pane of their own, z 450).
    app.map.createPane("sites").style.zIndex = 450;
    GeoApp.canvas.layer({padding: 0.5, pane: "sites"});
    data.sites.forEach(function (s, i) {
      var look = data.markers.get(classes[s[S.kind]] || data.vocabulary.other_marker);
      var marker = GeoApp.canvas.marker([s[S.lat], s[S.lon]], {
        weight: 1.5, color: outline(i), fillColor: look.colour, dashArray: approximate(s) ? "3 2" : null});
      kindColours.push(look.colour); fills.push(look.colour);
      marker._site = i;
      marker.bindPopup(function () { return GeoApp.panel.popup(app, i); }, POPUP_OPTIONS);
      marker.bindTooltip(s[S.name]);
      marker.on("popupopen", function () { selectSite(i); });
      marker.on("popupclose", function () { if (app.state.site === s[S.id]) { selectSite(null); } });
      marker.addTo(app.map);
      app.markers.push(marker); sizes.push(12); looks.push("event"); hiddenAt.push(false);
    });
    // Frame where the events are, in the theatre; the other sites (fallback towns only
    // mentioned, Washington, New York) stay reachable by panning.
    var near = data.sites.filter(function (s) { return s[S.lon] > 20 && s[S.lon] < 70 && s[S.lat] > 5 && s[S.lat] < 48; });
    var struck = near.filter(function (s) { return data.eventSites.has(data.siteAt.get(s[S.id])); });
    var framed = struck.length ? struck : (near.length ? near : data.sites);
    if (framed.length) {
      app.map.fitBounds(L.latLngBounds(framed.map(function (s) { return [s[S.lat], s[S.lon]]; })).pad(0.1),
                        {animate: false});
    }
    GeoApp.clusters.build(data);
    regroup();
    app.map.on("zoomend", regroup);
  }

  function start(leafletMap, labels) {
    app.data = GeoApp.data.load(window.GEO_DATA);
    app.map = GeoApp.map = leafletMap;
    GeoApp.labels.add(leafletMap, labels);
    GeoApp.view.use(app.data);
    addMarkers();
    GeoApp.panel.controls(app);
    GeoApp.timeline.build(app);
    GeoApp.table.build(app);
    GeoApp.search.build(app);
    GeoApp.panel.legend(app);
    keyboardPopups();
    var site = GeoApp.view.readHash();
    GeoApp.panel.showLegendFor(app.state.colourBy);
    window.addEventListener("hashchange", function () {
      var wanted = GeoApp.view.readHash();
      GeoApp.panel.showLegendFor(app.state.colourBy);
      render();
      if (app.data.siteAt.has(wanted) && app.state.site !== wanted) { openSite(app.data.siteAt.get(wanted), true); }
    });
    render();
    fillLists();
    if (app.data.siteAt.has(site)) { openSite(app.data.siteAt.get(site), true); }
    GeoApp.readyAt = performance.now();
    GeoApp.ready = true;
  }

  // A popup takes the focus when it opens and gives it back when it closes; Esc closes it
  // (Leaflet's own Esc works only while the map itself has the focus).
  function keyboardPopups() {
    var opener = null;
    app.map.on("popupopen", function (ev) {
      // on a small map (a phone) the popup narrows and scrolls, so that it clears the controls
      var size = app.map.getSize(), options = ev.popup.options;
      var width = Math.min(320, size.x - 130), height = size.y - 160;
      if (options.maxWidth !== width || options.maxHeight !== height) {
        options.maxWidth = width;
        options.minWidth = Math.min(options.minWidth, width);
        options.maxHeight = height;
        ev.popup.update();
      }
      opener = document.activeElement;
      var content = ev.popup.getElement().querySelector(".leaflet-popup-content");
      content.setAttribute("tabindex", "-1");
      content.focus({preventScroll: true});
    });
    app.map.on("popupclose", function () {
      if (opener && document.body.contains(opener) && opener.focus) { opener.focus({preventScroll: true}); }
      opener = null;
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && app.map._popup && app.map.hasLayer(app.map._popup)) { app.map.closePopup(); }
    });
  }

  // For the benchmark: show a window now (the map is drawn in the current frame; the lists
  // are filled by a timeout after it, see fillListsSoon).
  function measureStep(from, to) {
    app.state.from = from; app.state.to = to;
    render();
  }

  function siteIndex(id) { return app.data.siteAt.get(id); }

  function pagePoint(latlng) {
    var p = app.map.latLngToContainerPoint(latlng), box = app.map.getContainer().getBoundingClientRect();
    return {x: box.left + p.x, y: box.top + p.y};
  }

  Object.assign(GeoApp, {
    start: start,
    measureStep: measureStep,
    // For tests and the console: ids of the sites with something in the window.
    activeSites: function () {
      return app.data.sites.filter(function (s, i) { return looks[i] !== "off"; }).map(function (s) { return s[app.data.S.id]; });
    },
    // Ids of the sites that have a marker on the map, and where a marker is on the screen.
    markerIds: function () {
      return app.data.sites.filter(function (s, i) { return app.map.hasLayer(app.markers[i]); })
        .map(function (s) { return s[app.data.S.id]; });
    },
    // Each site's fill colour now, by id.
    markerFills: function () {
      var out = {};
      app.data.sites.forEach(function (s, i) { out[s[app.data.S.id]] = app.markers[i].options.fillColor; });
      return out;
    },
    // The diameters of the circles drawn now (sites', then clusters'), in pixels, and the
    // ids of the sites the switch hides.
    markerSizes: function () {
      return sizes.filter(function (d, i) { return !hiddenAt[i]; })
        .concat(clusterMarkers.filter(function (m) { return !m._hidden; }).map(function (m) { return m._size; }));
    },
    hiddenSites: function () {  // by the "only sites with events" switch
      return app.data.sites.filter(function (s, i) { return app.state.eventsOnly && looks[i] !== "event"; })
        .map(function (s) { return s[app.data.S.id]; });
    },
    markerOf: function (id) { return app.markers[siteIndex(id)]; },
    markerPoint: function (id) { return pagePoint(app.markers[siteIndex(id)].getLatLng()); },
    // The sites of each cluster drawn now, by id.
    clusterSites: function () {
      return clusterMarkers.map(function (m) { return m._group.sites.map(function (i) { return app.data.sites[i][app.data.S.id]; }); });
    },
    // Where the cluster that holds a site is drawn now (null: the site has its own circle).
    clusterPoint: function (id) {
      var k = grouping ? grouping.groupOf[siteIndex(id)] : -1;
      return k < 0 ? null : pagePoint(clusterMarkers[k].getLatLng());
    },
    // True when no redraw is pending (the last change has been drawn).
    idle: function () { return frame === null && listsTimer === null; },
    ready: false
  });
})(window.GeoApp = window.GeoApp || {});
