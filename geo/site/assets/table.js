// The event table: the events of the window that pass the filters (those placed at sites
// and those known only to a country or region), sortable by any column, a page at a time,
// each row linking to the passage that tells it; the view can be downloaded as CSV or
// GeoJSON. Text from documents is only ever set with textContent.
(function (GeoApp) {
  "use strict";

  var PAGE_ROWS = 25;
  var app = null, sortKey = "date", descending = false, pageAt = 0, rows = [];

  // The columns: a heading, a sort key of an event, and the text of its cell.
  function columns(data) {
    var E = data.E, S = data.S, DOC = data.DOC;
    function siteNames(e) {
      return e[E.sites].length ? e[E.sites].map(function (s) { return data.sites[s][S.name]; }).join("; ")
                               : "(" + (e[E.area_names].join(", ") || "no place given") + ")";
    }
    return [
      {key: "date", title: "Date", sort: function (e) { return e[E.date] + e[E.date_end]; }, text: function (e) {
        return e[E.date] + (e[E.date_end] !== e[E.date] ? " – " + e[E.date_end] : "");
      }},
      {key: "type", title: "Type", sort: function (e) { return data.types[e[E.type]]; },
       text: function (e) { return data.types[e[E.type]]; }},
      {key: "actor", title: "Actor", sort: actorOf, text: actorOf},
      {key: "site", title: "Site", sort: siteNames, text: siteNames},
      {key: "killed", title: "Killed", numeric: true, sort: function (e) { return e[E.killed]; },
       text: function (e) { return e[E.killed] === null ? "" : String(e[E.killed]); }},
      {key: "wounded", title: "Wounded", numeric: true, sort: function (e) { return e[E.wounded]; },
       text: function (e) { return e[E.wounded] === null ? "" : String(e[E.wounded]); }},
      {key: "status", title: "Attribution", sort: statusWords, text: statusWords},
      {key: "source", title: "Source", sort: function (e) { return data.docs[e[E.doc]][DOC.title]; }, link: true}
    ];
    function actorOf(e) { return e[E.actor] >= 0 ? data.actors[e[E.actor]] : ""; }
    function statusWords(e) { return statusesOf(data, e).join(", ") + (e[E.disputed] ? " (disputed)" : ""); }
  }

  function statusesOf(data, e) {
    return data.vocabulary.statuses.filter(function (s, b) { return e[data.E.status_bits] & (1 << b); });
  }

  function quoteHref(data, e) {
    var E = data.E;
    return "docs/" + encodeURIComponent(data.docs[e[E.doc]][data.DOC.id]) + ".html#q-" + e[E.start] + "-" + e[E.end];
  }

  function build(theApp) {
    app = theApp;
    var head = document.querySelector("#event-table thead tr");
    columns(app.data).forEach(function (col) {
      var th = head.appendChild(document.createElement("th")), button = th.appendChild(document.createElement("button"));
      th.scope = "col";
      th.dataset.key = col.key;
      button.type = "button";
      button.textContent = col.title;
      button.addEventListener("click", function () {
        descending = sortKey === col.key ? !descending : !!col.numeric;  // numbers: the largest first
        sortKey = col.key; pageAt = 0;
        refresh();
      });
    });
    document.getElementById("table-prev").addEventListener("click", function () { pageAt--; showPage(); });
    document.getElementById("table-next").addEventListener("click", function () { pageAt++; showPage(); });
    document.getElementById("download-csv").addEventListener("click", function () {
      save("events-view.csv", "text/csv", toCsv(app.data, rows));
    });
    document.getElementById("download-geojson").addEventListener("click", function () {
      save("events-view.geojson", "application/geo+json", JSON.stringify(toGeoJson(app.data, rows)));
    });
    var toggle = document.getElementById("table-toggle");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      document.getElementById("table-box").hidden = !open;
      document.body.classList.toggle("table-open", open);
      var legend = document.querySelector("details.legend");
      if (open && legend) { legend.open = false; }  // the map is shorter: the legend would cover it
      app.map.invalidateSize({animate: false});
      refresh();
    });
  }

  function isOpen() { return !document.getElementById("table-box").hidden; }

  // The rows of the window, sorted (ties in date order, then by id).
  function viewRows() {
    var data = app.data, E = data.E, col = columns(data).filter(function (c) { return c.key === sortKey; })[0];
    var all = app.current.events.concat(app.current.areaEvents), keys = new Map();
    all.forEach(function (e) { keys.set(e, col.sort(e)); });
    var sign = descending ? -1 : 1;
    return all.sort(function (a, b) {
      var ka = keys.get(a), kb = keys.get(b);
      if (ka === null || kb === null) { if (ka !== kb) { return ka === null ? 1 : -1; } }  // no number: last
      return sign * (ka < kb ? -1 : ka > kb ? 1 : 0) || (a[E.date] < b[E.date] ? -1 : a[E.date] > b[E.date] ? 1 : 0) ||
        (a[E.id] < b[E.id] ? -1 : a[E.id] > b[E.id] ? 1 : 0);
    });
  }

  // Called when the window or the filters change (with the lists), and when the table opens.
  function refresh() {
    if (!app || !isOpen()) { return; }
    rows = viewRows();
    document.querySelectorAll("#event-table th").forEach(function (th) {
      th.setAttribute("aria-sort", th.dataset.key === sortKey ? (descending ? "descending" : "ascending") : "none");
    });
    showPage();
  }

  function showPage() {
    var pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
    pageAt = Math.max(0, Math.min(pageAt, pages - 1));
    var data = app.data, body = document.querySelector("#event-table tbody"), cols = columns(data);
    var first = pageAt * PAGE_ROWS, shown = rows.slice(first, first + PAGE_ROWS);
    body.textContent = "";
    shown.forEach(function (e) {
      var tr = body.appendChild(document.createElement("tr"));
      cols.forEach(function (col) {
        var td = tr.appendChild(document.createElement("td"));
        if (col.numeric) { td.className = "num"; }
        if (!col.link) { td.textContent = col.text(e); return; }
        var a = td.appendChild(document.createElement("a"));
        a.href = quoteHref(data, e);
        a.className = "quote";
        a.textContent = data.docs[e[data.E.doc]][data.DOC.title];
      });
    });
    document.getElementById("table-count").textContent = rows.length ?
      "Rows " + (first + 1) + "–" + (first + shown.length) + " of " + rows.length : "No event in the window";
    document.getElementById("table-prev").disabled = pageAt === 0;
    document.getElementById("table-next").disabled = pageAt >= pages - 1;
  }

  // -- the view as files: the same columns as data/events.csv where they exist, plus the
  // sites' names and a link to the passage.
  var CSV_FIELDS = ["id", "date", "date_end", "sub_event_type", "actor", "site_ids", "site_names", "area_names", "weapon",
                    "killed", "wounded", "status", "disputed", "doc", "doc_title", "quote_link"];

  function record(data, e) {
    var E = data.E, S = data.S, doc = data.docs[e[E.doc]];
    return {id: e[E.id], date: e[E.date], date_end: e[E.date_end], sub_event_type: data.types[e[E.type]],
            actor: e[E.actor] >= 0 ? data.actors[e[E.actor]] : "",
            site_ids: e[E.sites].map(function (s) { return data.sites[s][S.id]; }).join("|"),
            site_names: e[E.sites].map(function (s) { return data.sites[s][S.name]; }).join("|"),
            area_names: e[E.area_names].join("|"), weapon: e[E.weapon] || "", killed: e[E.killed],
            wounded: e[E.wounded], status: statusesOf(data, e).join("|"), disputed: !!e[E.disputed],
            doc: doc[data.DOC.id], doc_title: doc[data.DOC.title], quote_link: quoteHref(data, e)};
  }

  // A field as CSV writes it (RFC 4180); text that a spreadsheet would read as a formula
  // gets a leading apostrophe (document text is untrusted).
  function csvField(value) {
    if (value === null || value === undefined) { return ""; }
    var text = String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function toCsv(data, events) {
    var lines = [CSV_FIELDS.join(",")];
    events.forEach(function (e) {
      var r = record(data, e);
      lines.push(CSV_FIELDS.map(function (f) { return csvField(r[f]); }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  // One feature per event: a point, or several points, at its sites; no geometry for an
  // event known only to a country or region.
  function toGeoJson(data, events) {
    var E = data.E, S = data.S;
    return {type: "FeatureCollection", features: events.map(function (e) {
      var points = e[E.sites].map(function (s) { return [data.sites[s][S.lon], data.sites[s][S.lat]]; });
      var geometry = points.length === 0 ? null : points.length === 1 ? {type: "Point", coordinates: points[0]}
                                                                       : {type: "MultiPoint", coordinates: points};
      return {type: "Feature", geometry: geometry, properties: record(data, e)};
    })};
  }

  function save(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], {type: type})), a = document.createElement("a");
    a.href = url; a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  GeoApp.table = {build: build, refresh: refresh, rows: function () { return rows.slice(); }};
})(window.GeoApp = window.GeoApp || {});
