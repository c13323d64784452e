// The panel and the popups: the lists of sites and events in the window, a site's popup,
// the legend, and the controls (months, play, filters, search). Text from documents is
// only ever set with textContent, never parsed as HTML.
(function (GeoApp) {
  "use strict";

  var LIST_LIMIT = 50;  // rows in each list
  var SOURCES_SHOWN = 10;  // citing documents in a popup

  function docHref(data, d) { return "docs/" + encodeURIComponent(data.docs[d][data.DOC.id]) + ".html"; }

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

  // "Jan 2024 – Mar 2024", or with days "15 Jan 2024 – 10 Feb 2024".
  function windowLabel(app) {
    var months = app.data.months, state = app.state;
    if (!GeoApp.data.days(state)) {
      return monthLabel(months[state.from]) + (state.to !== state.from ? " – " + monthLabel(months[state.to]) : "");
    }
    return (state.fromDay || 1) + " " + monthLabel(months[state.from]) + " – " +
      (state.toDay || GeoApp.data.lastDay(app.data, state.to)) + " " + monthLabel(months[state.to]);
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function describe(data, e) {
    var E = data.E, parts = [data.types[e[E.type]]];
    if (e[E.actor] >= 0) { parts.push(data.actors[e[E.actor]]); }
    if (e[E.weapon]) { parts.push(e[E.weapon]); }
    return parts.join(" · ");
  }

  function when(data, e) {
    var E = data.E;
    return e[E.date] + (e[E.date_end] !== e[E.date] ? " – " + e[E.date_end] : "");
  }

  // "12 events at 5 sites (+30 sites only mentioned), Jan 2024 – Mar 2024": the sites that
  // an article of the window merely names are counted apart.
  function writeCount(app, events, eventSites, mentionedOnly) {
    var months = app.data.months, state = app.state;
    document.getElementById("count").textContent = plural(events, "event") + " at " + plural(eventSites, "site") +
      (mentionedOnly ? " (+" + plural(mentionedOnly, "site") + " only mentioned)" : "") + ", " +
      (months.length ? windowLabel(app) : "no dated month");
    [["from", state.from], ["to", state.to]].forEach(function (pair) {
      var label = months.length ? monthLabel(months[pair[1]]) : "";
      document.getElementById(pair[0] + "-label").textContent = label;
      document.getElementById(pair[0]).setAttribute("aria-valuetext", label);  // read out as a month, not "3"
    });
  }

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

  function eventRowFiller(data) {
    var E = data.E;
    return function (item, e) {
      var parts = item.childNodes, what = describe(data, e) + " ";
      setText(parts[0], when(data, e) + " ");
      if (parts[1].nodeValue !== what) { parts[1].nodeValue = what; }
      if (e[E.sites].length) {
        siteLinks(data, parts[2], e[E.sites]);
      } else {
        setText(parts[2], e[E.area_names].length ? "(" + e[E.area_names].join(", ") + ")" : "(no place given)");
      }
      parts[3].hidden = !e[E.disputed];
    };
  }

  // Links to the event's sites, each followed by a space; clicks are handled by the list.
  function siteLinks(data, box, sites) {
    var S = data.S;
    for (var k = 0; k < sites.length; k++) {
      var link = box.childNodes[2 * k], site = data.sites[sites[k]];
      if (!link) {
        link = box.appendChild(el("a", "site-link"));
        box.appendChild(document.createTextNode(" "));
      }
      setText(link, site[S.name]);
      setAttr(link, "href", "#site=" + encodeURIComponent(site[S.id]));
      setAttr(link, "data-site", site[S.id]);
    }
    while (box.childNodes.length > 2 * sites.length) { box.lastChild.remove(); }
  }

  function listEvents(data, list, events) { showRows(list, events, newEventRow, eventRowFiller(data), "none"); }

  // The sites of the window as buttons: how a keyboard reaches a marker's popup.
  function listSites(data, list, eventsAt, mentionsAt) {
    var active = [], S = data.S;
    for (var i = 0; i < eventsAt.length; i++) { if (eventsAt[i] || mentionsAt[i]) { active.push(i); } }
    showRows(list, firstSites(active, eventsAt, mentionsAt), newSiteRow, function (item, i) {
      setText(item.firstChild, data.sites[i][S.name] + " — " + plural(eventsAt[i], "event"));
      setAttr(item.firstChild, "data-site", data.sites[i][S.id]);
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

  function fillLists(app) {
    var current = app.current, data = app.data;
    GeoApp.filters.showCounts(app, data.events.slice(current.start, current.end)
      .concat(data.areaEvents.slice(current.areaStart, current.areaEnd)));
    listSites(app.data, document.getElementById("site-list"), current.eventsAt, current.mentionsAt);
    listEvents(app.data, document.getElementById("event-list"), current.events);
    listEvents(app.data, document.getElementById("area-list"), current.areaEvents);
  }

  // One listener per list: the rows change every step, the handler does not.
  function openFromList(app, list, selector) {
    list.addEventListener("click", function (ev) {
      var target = ev.target.closest(selector);
      if (!target) { return; }
      ev.preventDefault();
      app.openSite(app.data.siteAt.get(target.getAttribute("data-site")), true);
    });
  }

  function popup(app, i) {
    var data = app.data, S = data.S, E = data.E, DOC = data.DOC, s = data.sites[i], box = el("div", "popup");
    box.appendChild(el("h3", null, s[S.name]));
    box.appendChild(el("p", null, s[S.kind] + " · " + s[S.country]));
    box.appendChild(el("p", "hint", s[S.lat].toFixed(4) + ", " + s[S.lon].toFixed(4) + " ± " +
      s[S.uncertainty_m].toLocaleString("en") + " m: " + data.vocabulary.layer_meanings[s[S.layer]] +
      "; events here are placed at " + data.vocabulary.geo_precisions[s[S.geo_precision]] + "."));
    var here = app.current.events.filter(function (e) { return e[E.sites].indexOf(i) >= 0; });
    box.appendChild(el("p", null, "Events in the window: " + here.length));
    if (here.length) {
      var ul = el("ul", "popup-events");
      here.slice(0, 50).forEach(function (e) {
        var li = el("li", null, when(data, e) + " · " + describe(data, e) + " "), quote = el("a", "quote", "quote");
        quote.href = docHref(data, e[E.doc]) + "#q-" + e[E.start] + "-" + e[E.end];  // the passage that tells it
        li.appendChild(quote);
        if (e[E.disputed]) { li.appendChild(document.createTextNode(" ")); li.appendChild(el("span", "disputed", "disputed")); }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    // the citing documents by title, the newest first, a few: the site page lists them all
    var cited = data.citedBy[i], docs = Object.keys(cited).map(Number).sort(function (a, b) {
      return data.docs[b][DOC.published].localeCompare(data.docs[a][DOC.published]) || a - b;
    });
    box.appendChild(el("p", null, "Cited by " + plural(docs.length, "document") + ":"));
    var sources = el("ul", "popup-sources");
    docs.slice(0, SOURCES_SHOWN).forEach(function (d) {
      var doc = data.docs[d], item = el("li"), title = el("a", null, doc[DOC.title]);
      title.href = docHref(data, d) + "#m-" + cited[d][1] + "-" + cited[d][2];  // its first mention of the site
      item.appendChild(title);
      item.appendChild(document.createTextNode(" — " + doc[DOC.publisher] + ", " + doc[DOC.published] + " · " +
        plural(cited[d][0], "mention")));
      if (/^https?:\/\//.test(doc[DOC.url])) {
        var original = el("a", "original", "original");
        original.href = doc[DOC.url];
        original.rel = "noopener noreferrer";
        item.appendChild(document.createTextNode(" · "));
        item.appendChild(original);
      }
      sources.appendChild(item);
    });
    if (docs.length > SOURCES_SHOWN) { sources.appendChild(el("li", "hint", "… and " + (docs.length - SOURCES_SHOWN) + " more")); }
    box.appendChild(sources);
    var link = el("a", "site-page", "All cited mentions and events →");
    link.href = "sites/" + encodeURIComponent(s[S.id]) + ".html";
    box.appendChild(el("p")).appendChild(link);
    // the other sites under the pointer that opened this one, where circles overlap
    var others = GeoApp.canvas.under.filter(function (m) { return m._site !== undefined && m._site !== i; });
    if (others.length) {
      box.appendChild(el("p", null, "Also under the pointer:"));
      box.appendChild(siteButtons(app, others.map(function (m) { return m._site; }), others.length));
    }
    return box;
  }

  // Buttons that open sites' popups, the most events in the window first.
  function siteButtons(app, sites, limit) {
    var current = app.current, S = app.data.S, list = el("ul", "popup-sites");
    var ranked = sites.slice().sort(function (a, b) {
      return current.eventsAt[b] - current.eventsAt[a] || current.mentionsAt[b] - current.mentionsAt[a] || a - b;
    });
    ranked.slice(0, limit).forEach(function (i) {
      var button = el("button", "site-button", app.data.sites[i][S.name] + " — " + plural(current.eventsAt[i], "event"));
      button.type = "button";
      button.setAttribute("data-site", app.data.sites[i][S.id]);
      button.addEventListener("click", function () { app.openSite(i, false); });
      list.appendChild(el("li")).appendChild(button);
    });
    if (ranked.length > limit) { list.appendChild(el("li", "hint", "… and " + (ranked.length - limit) + " more")); }
    return list;
  }

  // "12 events at 3 sites (+5 only mentioned), of 40 sites": what a cluster holds in the window.
  function clusterSummary(g) {
    return plural(g.events, "event") + " at " + plural(g.struck, "site") +
      (g.active > g.struck ? " (+" + plural(g.active - g.struck, "site") + " only mentioned)" : "") +
      " in the window, of " + plural(g.sites.length, "site") + " here";
  }

  var CLUSTER_SITES_SHOWN = 15;

  function clusterPopup(app, g) {
    var box = el("div", "popup cluster");
    box.appendChild(el("h3", null, plural(g.sites.length, "site") + " close together"));
    box.appendChild(el("p", null, clusterSummary(g) + "."));
    box.appendChild(siteButtons(app, g.sites, CLUSTER_SITES_SHOWN));
    var zoom = el("button", "zoom-in", "Zoom in to see them apart");
    zoom.type = "button";
    zoom.addEventListener("click", function () { app.map.setView([g.lat, g.lon], g.splitsAt); });
    box.appendChild(el("p")).appendChild(zoom);
    return box;
  }

  function swatch(colour, extra) {
    var node = el("span", "swatch" + (extra ? " " + extra : ""));
    node.style.background = colour;
    return node;
  }

  function legend(app) {
    var markers = app.data.markers, town = markers.get(app.data.vocabulary.approximate_marker).colour;
    var control = L.control({position: "bottomleft"});
    control.onAdd = function () {
      // a disclosure: open on a wide screen, closed on a phone, where it would cover the map
      var legendBox = el("details", "legend"), box = legendBox;
      legendBox.open = !window.matchMedia("(max-width: 700px)").matches;
      legendBox.appendChild(el("summary", null, "Legend"));
      L.DomEvent.disableClickPropagation(legendBox);
      var kinds = box.appendChild(el("div", "by-kind")), types = box.appendChild(el("div", "by-type"));
      markers.forEach(function (look) {
        if (look.in_legend) { kinds.appendChild(legendRow(swatch(look.colour), look.label)); }
      });
      var colours = app.data.vocabulary.event_colours;
      Object.keys(colours).forEach(function (type) { types.appendChild(legendRow(swatch(colours[type]), type)); });
      types.appendChild(legendRow(swatch(GeoApp.canvas.NO_EVENT_COLOUR), "no event in the window"));
      [["approx", "approximate (a derived layer)"], ["ring", "only mentioned in the window"],
       ["dim", "nothing in the window"]].forEach(function (pair) {
        box.appendChild(legendRow(swatch(town, pair[0]), pair[1]));
      });
      var sizes = el("div", "sizes");  // the size key: circles for 1, 10 and 100 events
      [1, 10, 100].forEach(function (n) {
        var d = GeoApp.canvas.diameter(n, true), key = swatch(town, "size");
        key.style.width = key.style.height = d + "px";
        sizes.appendChild(key);
        sizes.appendChild(document.createTextNode(n === 100 ? "100+ " : n + " "));
      });
      box.appendChild(el("div", "hint", "Size: events in the window (capped)."));
      box.appendChild(sizes);
      box.appendChild(el("div", "hint", "Mentions without an event date are placed by their document's " +
        "publication day (or month, when only that is known)."));
      return legendBox;
    };
    control.addTo(app.map);
    showLegendFor(app.state.colourBy);
  }

  function legendRow(mark, text) {
    var row = el("div");
    row.appendChild(mark);
    row.appendChild(document.createTextNode(text));
    return row;
  }

  // The legend's colours: the kinds of site, or the types of event.
  function showLegendFor(colourBy) {
    document.querySelector(".legend .by-kind").hidden = colourBy !== "kind";
    document.querySelector(".legend .by-type").hidden = colourBy !== "type";
  }

  function controls(app) {
    var data = app.data, state = app.state;
    var from = document.getElementById("from"), to = document.getElementById("to");
    from.max = to.max = Math.max(data.months.length - 1, 0);
    from.addEventListener("input", function () {
      state.from = +from.value; state.fromDay = state.toDay = 0;  // the sliders choose whole months
      if (state.to < state.from) { state.to = state.from; to.value = state.to; }
      app.update();
    });
    to.addEventListener("input", function () {
      state.to = +to.value; state.fromDay = state.toDay = 0;
      if (state.from > state.to) { state.from = state.to; from.value = state.from; }
      app.update();
    });
    GeoApp.filters.build(app, document.getElementById("filters"), app.update);
    document.getElementById("play").addEventListener("click", function () { togglePlay(app); });
    document.getElementById("events-only").addEventListener("change", function (ev) {
      state.eventsOnly = ev.target.checked; app.update();
    });
    document.getElementById("colour-by").addEventListener("change", function (ev) {
      state.colourBy = ev.target.value; showLegendFor(state.colourBy); app.update();
    });
    openFromList(app, document.getElementById("site-list"), ".site-button");
    openFromList(app, document.getElementById("event-list"), "a.site-link");
  }

  var playing = null;

  // Play steps the window a month at a time, keeping its length (a whole-range window
  // plays month by month), at the speed chosen beside the button.
  function stopPlay() {
    var button = document.getElementById("play");
    window.clearTimeout(playing); playing = null;
    button.setAttribute("aria-pressed", "false"); button.textContent = "Play month by month";
  }

  function togglePlay(app) {
    var button = document.getElementById("play"), state = app.state;
    if (playing !== null) { stopPlay(); return; }
    var last = app.data.months.length - 1, length = state.to - state.from;
    if (length === last) { length = 0; }
    if (state.to >= last) { state.from = 0; state.to = length; }
    state.fromDay = state.toDay = 0;  // play steps whole months
    button.setAttribute("aria-pressed", "true"); button.textContent = "Pause";
    function step() {
      if (state.to >= last) { stopPlay(); return; }
      state.from++; state.to++;
      document.getElementById("from").value = state.from; document.getElementById("to").value = state.to;
      app.update();
      playing = window.setTimeout(step, +document.getElementById("play-speed").value);
    }
    playing = window.setTimeout(step, +document.getElementById("play-speed").value);
    document.getElementById("from").value = state.from; document.getElementById("to").value = state.to;
    app.update();
  }

  GeoApp.panel = {monthLabel: monthLabel, writeCount: writeCount, fillLists: fillLists, popup: popup, clusterPopup: clusterPopup,
                  clusterSummary: clusterSummary, legend: legend, showLegendFor: showLegendFor, controls: controls};
})(window.GeoApp = window.GeoApp || {});
