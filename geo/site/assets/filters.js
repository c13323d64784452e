// The filters: event type, actor and attribution, each a set of values (none chosen: all
// pass). A facet's values are listed with the events of the window that each would show,
// given the other facets' choices, as faceted search does.
(function (GeoApp) {
  "use strict";

  var NO_ACTOR = "(no actor named)";

  // The facets, in the panel's order: the state's key and the URL's parameter, the values
  // and their labels, and an event's value (an index into the values; -1: none).
  function facets(data) {
    var E = data.E, statuses = data.vocabulary.statuses, meanings = data.vocabulary.status_meanings;
    return [
      {key: "types", param: "type", title: "Event type", values: data.types, labels: data.types,
       valueOf: function (e) { return e[E.type]; }},
      {key: "actors", param: "actor", title: "Actor", values: data.actors.concat([NO_ACTOR]),
       labels: data.actors.concat([NO_ACTOR]),
       valueOf: function (e) { return e[E.actor] >= 0 ? e[E.actor] : data.actors.length; }},
      {key: "statuses", param: "status", title: "Attribution", values: statuses,
       labels: statuses.map(function (s) { return meanings[s]; }), bits: true}  // an event has one or more
    ];
  }

  function facetsOf(data) { return data.facets || (data.facets = facets(data)); }

  function filtering(state) { return state.types.length + state.actors.length + state.statuses.length > 0; }

  // The state's choices as flags per value index (null: the facet passes everything).
  function compile(data, state) {
    return facetsOf(data).map(function (facet) {
      var chosen = state[facet.key];
      if (!chosen.length) { return null; }
      var on = new Uint8Array(facet.values.length);
      chosen.forEach(function (v) { var i = facet.values.indexOf(v); if (i >= 0) { on[i] = 1; } });
      return on;
    });
  }

  // Whether event e passes facet k's choice (on: compile's flags for that facet).
  function passesFacet(data, facet, on, e) {
    if (!on) { return true; }
    if (!facet.bits) { return on[facet.valueOf(e)] === 1; }
    var bits = e[data.E.status_bits];
    for (var b = 0; b < on.length; b++) { if (on[b] && (bits & (1 << b))) { return true; } }
    return false;
  }

  // A test of events against the state's filters, compiled once per window.
  function passer(data, state) {
    var list = facetsOf(data), flags = compile(data, state);
    return function (e) {
      for (var k = 0; k < list.length; k++) { if (!passesFacet(data, list[k], flags[k], e)) { return false; } }
      return true;
    };
  }

  // Per facet, per value: the events of rows that would pass with that value chosen and
  // the other facets' choices kept.
  function counts(data, state, rows) {
    var list = facetsOf(data), flags = compile(data, state), out = list.map(function (f) {
      return new Int32Array(f.values.length);
    });
    var ok = new Array(list.length);
    rows.forEach(function (e) {
      var failing = 0, k, j;
      for (k = 0; k < list.length; k++) { ok[k] = passesFacet(data, list[k], flags[k], e); failing += !ok[k]; }
      if (failing > 1) { return; }
      for (k = 0; k < list.length; k++) {
        if (failing && ok[k]) { continue; }  // only the failing facet's values can count it
        if (!list[k].bits) { out[k][list[k].valueOf(e)]++; continue; }
        for (j = 0; j < list[k].values.length; j++) { if (e[data.E.status_bits] & (1 << j)) { out[k][j]++; } }
      }
    });
    return out;
  }

  // The URL's parameters for the choices, and back (unknown values are dropped).
  function writeParams(data, state, params) {
    facetsOf(data).forEach(function (f) { state[f.key].forEach(function (v) { params.append(f.param, v); }); });
  }

  function readParams(data, state, params) {
    facetsOf(data).forEach(function (f) {
      state[f.key] = params.getAll(f.param).filter(function (v, i, all) {
        return f.values.indexOf(v) >= 0 && all.indexOf(v) === i;
      });
    });
  }

  // The panel's controls: per facet, a disclosure of checkboxes with their counts.
  function build(app, box, changed) {
    facetsOf(app.data).forEach(function (facet) {
      var details = box.appendChild(document.createElement("details"));
      details.className = "facet";
      details.id = "f-" + facet.param;
      var summary = details.appendChild(document.createElement("summary"));
      var values = details.appendChild(document.createElement("fieldset"));
      var legend = values.appendChild(document.createElement("legend"));
      legend.className = "visually-hidden";
      legend.textContent = facet.title;
      facet.values.forEach(function (value, i) {
        var label = values.appendChild(document.createElement("label")), input = document.createElement("input");
        input.type = "checkbox"; input.value = value; input.name = facet.param;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + facet.labels[i] + " "));
        label.appendChild(document.createElement("span")).className = "n";
      });
      var clear = details.appendChild(document.createElement("button"));
      clear.type = "button"; clear.className = "clear"; clear.textContent = "Show all";
      values.addEventListener("change", function () {
        app.state[facet.key] = Array.prototype.filter.call(values.querySelectorAll("input"), function (input) {
          return input.checked;
        }).map(function (input) { return input.value; });
        changed();
      });
      clear.addEventListener("click", function () { app.state[facet.key] = []; show(app); changed(); });
    });
  }

  // The controls follow the state (after a URL was read, or "Show all").
  function show(app) {
    facetsOf(app.data).forEach(function (facet) {
      var details = document.getElementById("f-" + facet.param), chosen = app.state[facet.key];
      details.querySelectorAll("input").forEach(function (input) { input.checked = chosen.indexOf(input.value) >= 0; });
      if (chosen.length) { details.open = true; }  // a choice is never out of sight
      details.querySelector("summary").textContent = facet.title + ": " + (chosen.length === 0 ? "all" :
        chosen.length === 1 ? facet.labels[facet.values.indexOf(chosen[0])] : chosen.length + " chosen");
    });
  }

  // Each value's count in the window, "(0)" values dimmed.
  function showCounts(app, rows) {
    var all = counts(app.data, app.state, rows);
    facetsOf(app.data).forEach(function (facet, k) {
      var labels = document.getElementById("f-" + facet.param).querySelectorAll("label");
      labels.forEach(function (label, i) {
        var text = "(" + all[k][i] + ")", n = label.lastChild;
        if (n.textContent !== text) { n.textContent = text; }
        label.classList.toggle("none", all[k][i] === 0);
      });
    });
    show(app);
  }

  GeoApp.filters = {facets: facetsOf, filtering: filtering, passer: passer, counts: counts, writeParams: writeParams,
                    readParams: readParams, build: build, show: show, showCounts: showCounts, NO_ACTOR: NO_ACTOR};
})(window.GeoApp = window.GeoApp || {});
