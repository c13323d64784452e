// The basemap's names, drawn offline from the labels the page carries (geo/site/mappage.py,
// from Natural Earth): countries while zoomed out, towns as the zoom reaches each one's
// rank (capitals first), rivers from a regional zoom. Under the sites, never clickable.
(function (GeoApp) {
  "use strict";

  var COUNTRIES_UNTIL = 7, RIVERS_FROM = 6;
  var groups = [];  // [layer group, first zoom, last zoom]

  function label(latlng, text, className) {
    var span = document.createElement("span");  // text, never markup
    span.textContent = text;
    return L.marker(latlng, {icon: L.divIcon({className: "map-label " + className, html: span, iconSize: null}),
                             interactive: false, keyboard: false, pane: "labels"});
  }

  function group(first, last) {
    var layer = L.layerGroup();
    groups.push([layer, first, last]);
    return layer;
  }

  function add(map, labels) {
    map.createPane("labels").style.zIndex = 420;  // above the outlines (400), under the sites (450)
    var countries = group(0, COUNTRIES_UNTIL), rivers = group(RIVERS_FROM, 99), towns = {};
    labels.countries.forEach(function (c) { label([c[1], c[2]], c[0], "label-country").addTo(countries); });
    labels.rivers.forEach(function (r) { label([r[1], r[2]], r[0], "label-river").addTo(rivers); });
    labels.towns.forEach(function (t) {
      var layer = towns[t[3]] || (towns[t[3]] = group(t[3], 99));
      label([t[1], t[2]], t[0], t[4] ? "label-town capital" : "label-town").addTo(layer);
    });
    function show() {
      var zoom = map.getZoom();
      groups.forEach(function (g) {
        var wanted = zoom >= g[1] && zoom <= g[2];
        if (wanted !== map.hasLayer(g[0])) { if (wanted) { g[0].addTo(map); } else { map.removeLayer(g[0]); } }
      });
    }
    map.on("zoomend", show);
    show();
  }

  // For tests: the labels on the map now, as "country:Iraq", "town:Baghdad", "river:Tigris".
  function shown() {
    return Array.prototype.map.call(document.querySelectorAll(".leaflet-labels-pane .map-label"), function (n) {
      var kind = ["label-country", "label-town", "label-river"].filter(function (k) { return n.classList.contains(k); })[0];
      return kind.slice(6) + ":" + n.textContent;
    });
  }

  GeoApp.labels = {add: add, shown: shown};
})(window.GeoApp = window.GeoApp || {});
