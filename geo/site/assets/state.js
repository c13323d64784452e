// The view: the month window, the filters and the open site, kept in the URL's fragment
// (index.html#from=2023-10&to=2024-01&site=ain-al-asad), so a view can be shared.
(function (GeoApp) {
  "use strict";

  // from, to: months (positions in the data's months); fromDay, toDay: days of those months
// when the window is a span of days (0: the whole month).
var state = {from: 0, to: 0, fromDay: 0, toDay: 0, types: [], actors: [], statuses: [], site: null, eventsOnly: false,
             colourBy: "kind"};
  // known: the fragment the view was last read from or written to.  Another one in the URL
  // is a link the reader followed, whose hashchange is still to come: it is not overwritten.
  var data = null, hashTimer = null, known = null;

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
    if (data.months.length) {
      p.set("from", data.months[state.from] + day(state.fromDay));
      p.set("to", data.months[state.to] + day(state.toDay));
    }
    if (state.site) { p.set("site", state.site); }
    GeoApp.filters.writeParams(data, state, p);
    if (state.colourBy !== "kind") { p.set("colour", state.colourBy); }
    var hash = "#" + p.toString();
    if (known !== null && location.hash !== known) { return; }
    if (location.hash !== hash) { history.replaceState(null, "", hash); }
    known = location.hash;  // as the browser keeps it
  }

  function day(d) { return d ? "-" + (d < 10 ? "0" : "") + d : ""; }

  // A month (YYYY-MM) or a day (YYYY-MM-DD) of the URL: [month's position, day or 0].
  function readDate(value) {
    var text = value || "", month = data.months.indexOf(text.slice(0, 7)), d = /^\d{4}-\d{2}-\d{2}$/.test(text) ?
      parseInt(text.slice(8, 10), 10) : 0;
    return month < 0 || text.length !== (d ? 10 : 7) || d > GeoApp.data.lastDay(data, month) ? [-1, 0] : [month, d];
  }

  // Reads the view from the URL into the state and the controls; returns the site asked for.
  function readHash() {
    known = location.hash;
    var p = new URLSearchParams(location.hash.slice(1));
    var from = readDate(p.get("from")), to = readDate(p.get("to"));
    state.from = from[0] >= 0 ? from[0] : 0;
    state.to = to[0] >= 0 ? Math.max(to[0], state.from) : data.months.length - 1;
    state.fromDay = from[0] >= 0 ? from[1] : 0;
    state.toDay = to[0] >= 0 && to[0] >= state.from ? to[1] : 0;
    if (state.from === state.to && state.fromDay && state.toDay && state.toDay < state.fromDay) { state.toDay = 0; }
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
