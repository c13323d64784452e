// The view: the month window, the filters and the open site, kept in the URL's fragment
// (index.html#from=2023-10&to=2024-01&site=ain-al-asad), so a view can be shared.
(function (GeoApp) {
  "use strict";

  var state = {from: 0, to: 0, type: "", actor: "", status: "", site: null, eventsOnly: false};
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
    if (state.type) { p.set("type", state.type); }
    if (state.actor) { p.set("actor", state.actor); }
    if (state.status) { p.set("status", state.status); }
    var hash = "#" + p.toString();
    if (location.hash !== hash) { history.replaceState(null, "", hash); }
  }

  // Reads the view from the URL into the state and the controls; returns the site asked for.
  function readHash() {
    var p = new URLSearchParams(location.hash.slice(1));
    var from = data.months.indexOf(p.get("from")), to = data.months.indexOf(p.get("to"));
    state.from = from >= 0 ? from : 0;
    state.to = to >= 0 ? Math.max(to, state.from) : data.months.length - 1;
    state.type = data.types.indexOf(p.get("type")) >= 0 ? p.get("type") : "";
    state.actor = data.actors.indexOf(p.get("actor")) >= 0 ? p.get("actor") : "";
    state.status = data.statusBits[p.get("status")] ? p.get("status") : "";
    document.getElementById("from").value = state.from;
    document.getElementById("to").value = state.to;
    document.getElementById("f-type").value = state.type;
    document.getElementById("f-actor").value = state.actor;
    document.getElementById("f-status").value = state.status;
    return p.get("site");
  }

  GeoApp.state = state;
  GeoApp.view = {use: use, readHash: readHash, writeHash: writeHash, writeHashSoon: writeHashSoon};
})(window.GeoApp = window.GeoApp || {});
