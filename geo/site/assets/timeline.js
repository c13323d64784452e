// The timeline under the map: the events of each month that pass the filters, as bars,
// the window shaded. Dragging across the bars chooses the window (the sliders follow and
// stay the keyboard's way to it); a click chooses one month, a double click all of them.
(function (GeoApp) {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg", HEIGHT = 64, AXIS = 14;
  var app = null, svg = null, bars = [], shade = null, perMonth = null, countedFor = null, anchor = -1;

  function node(tag, attrs, parent) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    return parent ? parent.appendChild(n) : n;
  }

  // The month a pointer is over, from its x in the drawing's own units.
  function monthAt(ev) {
    var box = svg.getBoundingClientRect(), months = app.data.months.length;
    var x = (ev.clientX - box.left) / Math.max(box.width, 1) * months;
    return Math.max(0, Math.min(months - 1, Math.floor(x)));
  }

  function choose(from, to) {
    var state = app.state;
    state.from = Math.min(from, to); state.to = Math.max(from, to);
    document.getElementById("from").value = state.from; document.getElementById("to").value = state.to;
    app.update();
  }

  function build(theApp) {
    app = theApp;
    var months = app.data.months, box = document.getElementById("timeline");
    svg = node("svg", {viewBox: "0 0 " + Math.max(months.length, 1) + " " + (HEIGHT + AXIS), preserveAspectRatio: "none",
                       "aria-hidden": "true"}, box.querySelector(".bars"));
    shade = node("rect", {class: "window", y: 0, height: HEIGHT, x: 0, width: 0}, svg);
    months.forEach(function (m, i) {
      bars.push(node("rect", {class: "bar", x: i + 0.1, width: 0.8, y: HEIGHT, height: 0}, svg));
    });
    var years = box.querySelector(".years");  // the years' labels, in HTML (an SVG stretched would distort text)
    months.forEach(function (m, i) {
      if (i > 0 && m.slice(5) !== "01") { return; }
      var label = years.appendChild(document.createElement("span"));
      label.textContent = m.slice(0, 4);
      label.style.left = (100 * i / months.length) + "%";
    });
    svg.addEventListener("pointerdown", function (ev) {
      if (!months.length) { return; }
      anchor = monthAt(ev);
      svg.setPointerCapture(ev.pointerId);
      choose(anchor, anchor);
    });
    svg.addEventListener("pointermove", function (ev) {
      if (anchor < 0) { return; }
      var at = monthAt(ev);
      if (Math.min(anchor, at) !== app.state.from || Math.max(anchor, at) !== app.state.to) { choose(anchor, at); }
    });
    svg.addEventListener("pointerup", function () { anchor = -1; });
    svg.addEventListener("pointercancel", function () { anchor = -1; });
    svg.addEventListener("dblclick", function () { choose(0, months.length - 1); });
  }

  // The events per month that pass the filters (point and area events), counted again
  // only when the filters change.
  function eventsPerMonth() {
    var data = app.data, state = app.state, key = JSON.stringify([state.types, state.actors, state.statuses]);
    if (key === countedFor) { return perMonth; }
    var E = data.E, passes = GeoApp.filters.passer(data, state);
    perMonth = new Int32Array(data.months.length);
    [data.events, data.areaEvents].forEach(function (rows) {
      rows.forEach(function (e) { if (passes(e)) { perMonth[e[E.month]]++; } });
    });
    countedFor = key;
    return perMonth;
  }

  // Bars and shade for the state now: the shade at once (it moves with a drag), the bars
  // with the lists (they change only with the filters).
  function showWindow() {
    if (!svg) { return; }
    shade.setAttribute("x", app.state.from);
    shade.setAttribute("width", app.state.to - app.state.from + 1);
  }

  function showCounts() {
    if (!svg) { return; }
    var counts = eventsPerMonth(), most = Math.max.apply(null, Array.prototype.slice.call(counts).concat([1]));
    bars.forEach(function (bar, i) {
      var h = counts[i] ? Math.max(2, HEIGHT * counts[i] / most) : 0;
      bar.setAttribute("y", HEIGHT - h); bar.setAttribute("height", h);
      bar.classList.toggle("in", i >= app.state.from && i <= app.state.to);
    });
    document.getElementById("timeline-most").textContent = "tallest bar: " + most + " event" + (most === 1 ? "" : "s");
  }

  GeoApp.timeline = {build: build, showWindow: showWindow, showCounts: showCounts, eventsPerMonth: function () {
    return Array.prototype.slice.call(eventsPerMonth());
  }};
})(window.GeoApp = window.GeoApp || {});
