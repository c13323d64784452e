// The view: the month window, the filters and the open site, kept in the URL's fragment
// (index.html#from=2023-10&to=2024-01&site=ain-al-asad), so a view can be shared.
(function (GeoApp) {
  "use strict";

  var state = {from: 0, to: 0, types: [], actors: [], statuses: [], site: null, eventsOnly: false, colourBy: "kind"};
  var data = null, hashTimer = null;

  function use(loaded) { data = loaded; }

  // The URL follows the window once it settles: replaceState takes milliseconds, too many
  // for every frame of a drag of the slider.
  function writeHashSoon() {
    window.clearTimeout(hashTimer);
    hashTimer = window.setTimeout(writeHash, 250);
  }

  function writeHash() {
    window.clearTimeout(hashTimer);
    var p = new URLSearchParams();
    if (data.months.length) { p.set("from", data.months[state.from]); p.set("to", data.months[state.to]); }
    if (state.site) { p.set("site", state.site); }
    GeoApp.filters.writeParams(data, state, p);
    if (state.colourBy !== "kind") { p.set("colour", state.colourBy); }
    var hash = "#" + p.toString();
    if (location.hash !== hash) { history.replaceState(null, "", hash); }
  }

  // Reads the view from the URL into the state and the controls; returns the site asked for.
  function readHash() {
    var p = new URLSearchParams(location.hash.slice(1));
    var from = data.months.indexOf(p.get("from")), to = data.months.indexOf(p.get("to"));
    state.from = from >= 0 ? from : 0;
    state.to = to >= 0 ? Math.max(to, state.from) : data.months.length - 1;
    GeoApp.filters.readParams(data, state, p);
    state.colourBy = p.get("colour") === "type" ? "type" : "kind";
    document.getElementById("colour-by").value = state.colourBy;
    document.getElementById("from").value = state.from;
    document.getElementById("to").value = state.to;
    GeoApp.filters.show({data: data, state: state});
    return p.get("site");
  }

  GeoApp.state = state;
  GeoApp.view = {use: use, readHash: readHash, writeHash: writeHash, writeHashSoon: writeHashSoon};
})(window.GeoApp = window.GeoApp || {});
