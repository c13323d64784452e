// The search box: the sites of the map and the places with a page (countries, regions,
// seas), found by any of their names in any spelling (the geoparser's skeleton, see
// skeleton.js), by a prefix, or with a typo or two, offered as a ranked list.
(function (GeoApp) {
  "use strict";

  var LIMIT = 8;
  var app = null, entries = null, shown = [], active = -1;

  // What can be found: each site and place with the skeletons of its names.
  function index(data) {
    var S = data.S, P = data.P, n = data.sites.length, last = data.months.length * n, out = [];
    data.sites.forEach(function (s, i) {
      out.push(entry([s[S.name]].concat(s[S.aliases]), s[S.kind], s[S.country], {site: i,
        curated: s[S.layer] === data.vocabulary.precise_layer, events: data.eventsBefore[last + i],
        mentions: data.mentionsBefore[last + i]}));
    });
    data.places.forEach(function (p) {
      out.push(entry([p[P.name]].concat(p[P.aliases]), p[P.kind], p[P.country], {page: p[P.id], curated: true,
        events: 0, mentions: 0}));
    });
    return out;
  }

  function entry(names, kind, country, what) {
    var keys = [], shownNames = [];
    names.forEach(function (name) {
      var key = GeoApp.skeleton(name);
      if (key && keys.indexOf(key) < 0) { keys.push(key); shownNames.push(name); }
    });
    return Object.assign({names: shownNames, keys: keys, kind: kind, country: country}, what);
  }

  // Optimal string alignment distance (edits, and swaps of two neighbours), or max + 1
  // once it must exceed max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var rows = [[]], i, j;
    for (j = 0; j <= b.length; j++) { rows[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      var row = rows[i] = [i], least = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        row[j] = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
        }
        least = Math.min(least, row[j]);
      }
      if (least > max) { return max + 1; }
    }
    return rows[a.length][b.length];
  }

  // How well a query's skeleton q matches a name's skeleton (lower is better): the name
  // itself, its start, a word's start, a part of it, then with typos (1, 2 from 6 letters).
  function score(q, key) {
    if (key === q) { return 0; }
    if (key.lastIndexOf(q, 0) === 0) { return 1; }
    if ((" " + key).indexOf(" " + q) >= 0) { return 2; }
    if (q.length >= 2 && key.indexOf(q) >= 0) { return 3; }
    if (q.length < 4) { return Infinity; }
    var typos = q.length >= 6 ? 2 : 1;
    if (distance(q, key, typos) <= typos) { return 4; }
    if (distance(q, key.slice(0, q.length), typos) <= typos) { return 5; }
    var words = key.split(" ");
    for (var k = 0; k < words.length; k++) { if (distance(q, words[k], typos) <= typos) { return 5; } }
    return Infinity;
  }

  // The best entries for a query: the names found as typed (whole, their start, a part)
  // before those found with typos; among them the curated sites first (Harir Air Base before
  // a derived town named Harir), then the better match, then by events and mentions.
  function candidates(query) {
    var q = GeoApp.skeleton(query), found = [];
    if (!q) { return []; }
    entries = entries || index(app.data);
    entries.forEach(function (e) {
      var best = Infinity, name = e.names[0];
      e.keys.forEach(function (key, k) {
        var s = score(q, key);
        if (s < best) { best = s; name = e.names[k]; }
      });
      if (best < Infinity) { found.push({entry: e, score: best, matched: name}); }
    });
    found.sort(function (a, b) {
      return (a.score >= 4) - (b.score >= 4) || b.entry.curated - a.entry.curated || a.score - b.score ||
        b.entry.events - a.entry.events ||
        b.entry.mentions - a.entry.mentions || (a.entry.names[0] < b.entry.names[0] ? -1 : 1);
    });
    return found.slice(0, LIMIT);
  }

  function choose(found) {
    var input = document.getElementById("search");
    close();
    if (!found) {
      document.getElementById("search-result").textContent = "No site or place matches “" + input.value + "”.";
      return;
    }
    document.getElementById("search-result").textContent = "";
    if (found.entry.page) { window.location.href = "sites/" + encodeURIComponent(found.entry.page) + ".html"; return; }
    app.openSite(found.entry.site, true);
  }

  function describe(found) {
    var e = found.entry, parts = [e.kind, e.country].filter(Boolean);
    parts.push(e.page ? "its page" : e.events + " event" + (e.events === 1 ? "" : "s"));
    return parts.join(" · ");
  }

  function show(list) {
    var box = document.getElementById("search-list"), input = document.getElementById("search");
    shown = list; active = -1;
    box.textContent = "";
    list.forEach(function (found, k) {
      var item = box.appendChild(document.createElement("li"));
      item.id = "search-option-" + k;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.appendChild(document.createElement("strong")).textContent = found.entry.names[0];
      if (found.matched !== found.entry.names[0]) { item.appendChild(document.createTextNode(" (" + found.matched + ")")); }
      item.appendChild(document.createElement("span")).textContent = describe(found);
      item.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(found); });
    });
    box.hidden = list.length === 0;
    input.setAttribute("aria-expanded", String(list.length > 0));
    input.removeAttribute("aria-activedescendant");
  }

  function close() { show([]); }

  function move(step) {
    if (!shown.length) { return; }
    active = (active + step + shown.length) % shown.length;
    document.querySelectorAll("#search-list li").forEach(function (item, k) {
      item.setAttribute("aria-selected", String(k === active));
    });
    document.getElementById("search").setAttribute("aria-activedescendant", "search-option-" + active);
  }

  function build(theApp) {
    app = theApp;
    var input = document.getElementById("search");
    input.addEventListener("input", function () {
      document.getElementById("search-result").textContent = "";
      show(candidates(input.value));
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") { ev.preventDefault(); move(ev.key === "ArrowDown" ? 1 : -1); }
      else if (ev.key === "Escape") { close(); }
      else if (ev.key === "Enter") {
        ev.preventDefault();
        var list = shown.length ? shown : candidates(input.value);
        choose(list[Math.max(active, 0)]);
      }
    });
    input.addEventListener("blur", close);
  }

  GeoApp.search = {build: build, candidates: function (query) {
    return candidates(query).map(function (f) { return f.entry.page || app.data.sites[f.entry.site][app.data.S.id]; });
  }};
})(window.GeoApp = window.GeoApp || {});
