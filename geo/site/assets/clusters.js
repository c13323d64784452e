// Clusters at low zoom: sites whose circles would crowd one another are drawn as one
// circle that counts what its sites have in the window. The groups come from supercluster
// (lib/supercluster, from the npm registry), made once per zoom; the counts are summed at
// every step, as the sites' own are.
(function (GeoApp) {
  "use strict";

  var MAX_ZOOM = 8;  // from zoom 9 on, every site has its own circle
  var RADIUS = 40;  // px: sites closer than this at a zoom are grouped
  var index = null, byZoom = new Map(), sites = 0;

  function build(data) {
    var S = data.S;
    sites = data.sites.length;
    // extent 256: supercluster's zoom is then Leaflet's (its default assumes 512-pixel tiles)
    index = new window.Supercluster({radius: RADIUS, extent: 256, maxZoom: MAX_ZOOM, minPoints: 2});
    index.load(data.sites.map(function (s, i) {
      return {type: "Feature", properties: {i: i}, geometry: {type: "Point", coordinates: [s[S.lon], s[S.lat]]}};
    }));
  }

  // The groups at a zoom (null above MAX_ZOOM): each one's centre, its sites, and the zoom
  // at which it splits; groupOf[i] is site i's group, -1 when it is drawn alone.
  function at(zoom) {
    var z = Math.floor(zoom);
    if (!index || z > MAX_ZOOM) { return null; }
    if (!byZoom.has(z)) {
      var groups = [], groupOf = new Int32Array(sites).fill(-1);
      index.getClusters([-180, -85, 180, 85], z).forEach(function (f) {
        if (!f.properties.cluster) { return; }
        var id = f.properties.cluster_id, members = index.getLeaves(id, Infinity).map(function (leaf) {
          return leaf.properties.i;
        });
        members.forEach(function (i) { groupOf[i] = groups.length; });
        groups.push({lat: f.geometry.coordinates[1], lon: f.geometry.coordinates[0], sites: members,
                     splitsAt: index.getClusterExpansionZoom(id)});
      });
      byZoom.set(z, {groups: groups, groupOf: groupOf});
    }
    return byZoom.get(z);
  }

  // The least zoom, from `zoom` on, at which site i has a circle of its own.
  function zoomShowing(i, zoom) {
    for (var z = Math.floor(zoom); z <= MAX_ZOOM; z++) { if (at(z).groupOf[i] < 0) { return Math.max(z, zoom); } }
    return Math.max(MAX_ZOOM + 1, zoom);
  }

  GeoApp.clusters = {build: build, at: at, zoomShowing: zoomShowing, MAX_ZOOM: MAX_ZOOM};
})(window.GeoApp = window.GeoApp || {});
