// The sites' layer: one canvas for every circle, drawn from small images made once per
// look and radius, restyled and redrawn once per step of the window.
(function (GeoApp) {
  "use strict";

  // A site's look in the window: with events (filled), only mentioned (a ring), nothing (faded).
  var LOOKS = {event: {fillOpacity: 0.9, opacity: 1}, mention: {fillOpacity: 0.12, opacity: 0.9},
               off: {fillOpacity: 0.22, opacity: 0.35}};
  var spritesByLook = new Map(), spritePixels = 0, SPRITE_PIXELS = 16e6;
  var renderer = null, markers = [];

  // The sites' canvas draws each circle by copying a small image made once per look and
  // radius: software Skia strokes dashed circles slowly (1,778 took some 40 ms a step).
  // (Made in a function, not at load time: this script runs before Leaflet's.)
  function spriteCanvas(options) {
    var SpriteCanvas = L.Canvas.extend({
      _updateCircle: drawCircle,
      _updateStyle: function (layer) { layer._sprites = null; L.Canvas.prototype._updateStyle.call(this, layer); },
      _onClick: function (e) {
        var point = this._map.mouseEventToLayerPoint(e), layer = aimedAt(this, point);
        if (e.type === "click") { GeoApp.canvas.under = under(this, point); }
        var moved = layer && (e.type === "click" || e.type === "preclick") && this._map._draggableMoved(layer);
        this._fireEvent(layer && !moved ? [layer] : false, e);
      },
      _handleMouseHover: function (e, point) {  // Leaflet 1.9's, with the circle aimed at
        if (this._mouseHoverThrottled) { return; }
        var layer = aimedAt(this, point), self = this;
        if (layer !== this._hoveredLayer) {
          this._handleMouseOut(e);
          if (layer) {
            L.DomUtil.addClass(this._container, "leaflet-interactive");
            this._fireEvent([layer], e, "mouseover");
            this._hoveredLayer = layer;
          }
        }
        this._fireEvent(this._hoveredLayer ? [this._hoveredLayer] : false, e);
        this._mouseHoverThrottled = true;
        setTimeout(function () { self._mouseHoverThrottled = false; }, 32);
      }
    });
    renderer = new SpriteCanvas(options);
    return renderer;
  }

  // The circle a pointer aims at, where circles overlap: the one whose centre is nearest,
  // measured in its own radii (a click on a site's centre opens that site, whatever is
  // drawn over it); at one distance, the one drawn last (the most events, see order).
  function aimedAt(canvas, point) {
    var best = null, bestDistance = Infinity;
    for (var order = canvas._drawFirst; order; order = order.next) {
      var layer = order.layer;
      if (!layer.options.interactive || layer._hidden || !layer._containsPoint(point)) { continue; }
      var distance = layer._point.distanceTo(point) / Math.max(layer._radius, 1);
      if (distance <= bestDistance) { best = layer; bestDistance = distance; }
    }
    return best;
  }

  // Every circle under a point (the popup of the one aimed at lists the others).
  function under(canvas, point) {
    var found = [];
    for (var order = canvas._drawFirst; order; order = order.next) {
      var layer = order.layer;
      if (layer.options.interactive && !layer._hidden && layer._containsPoint(point)) { found.push(layer); }
    }
    return found;
  }

  // Draw the circles in this order (the last on top): relinks Leaflet 1.9's draw list in
  // one pass, where bringToFront for each would ask a redraw each time.
  function order(circles) {
    var previous = null;
    circles.forEach(function (circle) {
      var link = circle._order;
      if (!link) { return; }
      link.prev = previous;
      if (previous) { previous.next = link; } else { renderer._drawFirst = link; }
      previous = link;
    });
    if (previous) { previous.next = null; renderer._drawLast = previous; }
  }

  function drawCircle(layer) {
    if (!this._drawing || layer._empty() || layer._hidden) { return; }
    var p = layer._point, radius = Math.max(Math.round(layer._radius), 1);
    var sprites = layer._sprites || (layer._sprites = spritesOf(layer.options));
    var sprite = sprites[radius] || (sprites[radius] = circleSprite(this, layer, radius));
    this._ctx.drawImage(sprite.image, p.x - sprite.offset, p.y - sprite.offset, sprite.side, sprite.side);
    if (layer._label) { drawLabel(this._ctx, layer._label, p); }
  }

  // A cluster's count, white on its dark fill.
  function drawLabel(ctx, text, p) {
    ctx.font = "bold 11px system-ui, sans-serif";
    ctx.fillStyle = "#fff";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(text, p.x, p.y + 0.5);
  }

  // The sprites of one look (colours, outline, opacities), by radius. A marker keeps its
  // look's in _sprites until its style changes.
  function spritesOf(o) {
    var key = [o.fillColor, o.color, o.weight, o.dashArray, o.fillOpacity, o.opacity].join();
    if (!spritesByLook.has(key)) { spritesByLook.set(key, []); }
    return spritesByLook.get(key);
  }

  function circleSprite(canvas, layer, radius) {
    var scale = L.Browser.retina ? 2 : 1, offset = radius + Math.ceil(layer.options.weight / 2) + 1;
    var image = document.createElement("canvas");
    image.width = image.height = 2 * offset * scale;
    if (spritePixels > SPRITE_PIXELS) { forgetSprites(); }
    spritePixels += image.width * image.height;
    var ctx = image.getContext("2d");
    ctx.scale(scale, scale);
    ctx.beginPath();
    ctx.arc(offset, offset, radius, 0, Math.PI * 2, false);
    L.Canvas.prototype._fillStroke.call(canvas, ctx, layer);
    return {image: image, offset: offset, side: 2 * offset};
  }

  // Windows of many months make large circles: past a budget, start the cache afresh.
  function forgetSprites() {
    spritesByLook.clear();
    spritePixels = 0;
    markers.forEach(function (m) { m._sprites = null; });
  }

  // A circle for a site or a cluster: lit (something in the window) or faded, its size in pixels.
  function marker(latlng, options) {
    var circle = L.circleMarker(latlng, Object.assign({renderer: renderer, radius: 6}, LOOKS.event, options));
    markers.push(circle);
    return circle;
  }

  // A circle's fill colour (by kind of site, or by type of event), its sprites made anew.
  function recolour(circle, colour) {
    if (circle.options.fillColor !== colour) { circle.options.fillColor = colour; circle._sprites = null; }
  }

  // Takes circles off the map for good (a zoom's clusters, when the zoom changes).
  function release(circles) {
    var gone = new Set(circles);
    circles.forEach(function (c) { c.remove(); });
    markers = markers.filter(function (m) { return !gone.has(m); });
  }

  // A circle's look ("event", "mention" or "off"), size in pixels, and whether it is hidden
  // (neither drawn nor clickable).
  function restyle(circle, name, size, hidden) {
    var look = LOOKS[name];
    circle._hidden = hidden;
    if (circle.options.opacity !== look.opacity || circle.options.fillOpacity !== look.fillOpacity) {
      circle.options.fillOpacity = look.fillOpacity;
      circle.options.opacity = look.opacity;
      circle._sprites = null;
    }
    circle.options.radius = circle._radius = size / 2;
    if (circle._point) { circle._updateBounds(); }  // the area a click or hover hits
  }

  // Leaflet 1.9 internals (the version in lib/leaflet): a redraw with no bounds clears and
  // draws the whole canvas now, in the step's frame, where Leaflet would wait for the next.
  function redraw() {
    if (!renderer._map) { return; }
    L.Util.cancelAnimFrame(renderer._redrawRequest);
    renderer._redrawBounds = null;
    renderer._redraw();
  }

  // A circle's diameter in pixels: a site with events grows with their logarithm, up to a
  // cap, so that one much-struck base does not cover its region; a site only mentioned is
  // the smallest lit circle, a faded one smaller still.
  var MAX_DIAMETER = 44;
  function diameter(events, on) {
    if (events > 0) { return Math.min(MAX_DIAMETER, Math.round(14 + 6 * Math.log2(events))); }
    return on ? 12 : 10;
  }

  // A cluster's: room for its count, growing with its events' logarithm, to the same cap.
  function clusterDiameter(events) {
    return Math.min(MAX_DIAMETER, Math.round(22 + 4 * Math.log2(1 + events)));
  }

  GeoApp.canvas = {layer: spriteCanvas, marker: marker, release: release, restyle: restyle, recolour: recolour,
                   NO_EVENT_COLOUR: "#90a4ae", order: order, redraw: redraw,
                   diameter: diameter, clusterDiameter: clusterDiameter, MAX_DIAMETER: MAX_DIAMETER, under: []};
})(window.GeoApp = window.GeoApp || {});
