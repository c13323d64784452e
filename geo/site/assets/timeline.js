// The timeline under the map: the events that pass the filters, per month or per week, as
// bars, the window shaded. Dragging across the bars chooses the window (whole months, or
// days by weeks); the sliders follow and stay the keyboard's way to it. A click chooses one
// bar, a double click all of them.
(function (GeoApp) {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg", HEIGHT = 64;
  var app = null, svg = null, bars = [], shade = null, bins = [], perBin = null, countedFor = null, anchor = -1;

  function node(tag, attrs, parent) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    return parent ? parent.appendChild(n) : n;
  }

  // Day keys (month position * 32 + day), as data.js compares them (GeoApp.data.eventKey).
  function key(m, d) { return m * 32 + d; }

  // The bars: each month, or each week from the first month's first day; a bin knows its
  // first and last day as [month, day].
  function makeBins(step) {
    var months = app.data.months, out = [];
    if (step === "month") {
      months.forEach(function (m, i) {
        out.push({from: [i, 1], to: [i, GeoApp.data.lastDay(app.data, i)], label: m.slice(5) === "01" || !i ? m.slice(0, 4) : ""});
      });
      return spaced(out);
    }
    if (!months.length) { return out; }
    var DAY = 864e5, day = Date.UTC(+months[0].slice(0, 4), +months[0].slice(5, 7) - 1, 1), year = "";
    var end = Date.UTC(+months[months.length - 1].slice(0, 4), +months[months.length - 1].slice(5, 7), 0);
    function at(t) {
      var d = new Date(t);
      return [months.indexOf(d.toISOString().slice(0, 7)), d.getUTCDate()];
    }
    for (; day <= end; day += 7 * DAY) {
      var starts = new Date(day).toISOString().slice(0, 4);
      out.push({from: at(day), to: at(Math.min(day + 6 * DAY, end)), label: starts !== year ? starts : ""});
      year = starts;
    }
    return spaced(out);
  }

  // The years' labels kept apart: over a long span (a corpus from 1865 to 2026), every
  // 2nd, 5th, 10th ... year, so that a dozen labels at most share the axis.
  var LABELS = 12, YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500];

  function spaced(out) {
    var labelled = out.filter(function (b) { return b.label; });
    if (labelled.length <= LABELS) { return out; }
    var first = +labelled[0].label, last = +labelled[labelled.length - 1].label;
    var every = YEAR_STEPS.filter(function (n) { return (last - first) / n < LABELS; })[0] || YEAR_STEPS[YEAR_STEPS.length - 1];
    out.forEach(function (b) { if (b.label && +b.label % every) { b.label = ""; } });
    return out;
  }

  function binAt(ev) {
    var box = svg.getBoundingClientRect(), x = (ev.clientX - box.left) / Math.max(box.width, 1) * bins.length;
    return Math.max(0, Math.min(bins.length - 1, Math.floor(x)));
  }

  // The window from bar a to bar b: whole months, or the days of the weeks.
  function choose(a, b) {
    var state = app.state, first = bins[Math.min(a, b)], last = bins[Math.max(a, b)], byMonth = step() === "month";
    state.from = first.from[0]; state.to = last.to[0];
    state.fromDay = byMonth ? 0 : first.from[1];
    state.toDay = byMonth ? 0 : last.to[1];
    document.getElementById("from").value = state.from; document.getElementById("to").value = state.to;
    app.update();
  }

  function step() { return document.getElementById("timeline-step").value; }

  function draw() {
    var box = document.getElementById("timeline").querySelector(".bars"), years = document.querySelector("#timeline .years");
    bins = makeBins(step());
    box.textContent = ""; years.textContent = ""; bars = []; countedFor = null;
    svg = node("svg", {viewBox: "0 0 " + Math.max(bins.length, 1) + " " + HEIGHT, preserveAspectRatio: "none",
                       "aria-hidden": "true"}, box);
    shade = node("rect", {class: "window", y: 0, height: HEIGHT, x: 0, width: 0}, svg);
    bins.forEach(function (bin, i) {
      bars.push(node("rect", {class: "bar", x: i + 0.1, width: 0.8, y: HEIGHT, height: 0}, svg));
      if (bin.label) {  // the years' labels, in HTML (text in a stretched SVG would be distorted)
        var label = years.appendChild(document.createElement("span"));
        label.textContent = bin.label;
        label.style.left = (100 * i / bins.length) + "%";
      }
    });
    svg.addEventListener("pointerdown", function (ev) {
      if (!bins.length) { return; }
      anchor = binAt(ev);
      svg.setPointerCapture(ev.pointerId);
      choose(anchor, anchor);
    });
    svg.addEventListener("pointermove", function (ev) { if (anchor >= 0) { choose(anchor, binAt(ev)); } });
    svg.addEventListener("pointerup", function () { anchor = -1; });
    svg.addEventListener("pointercancel", function () { anchor = -1; });
    svg.addEventListener("dblclick", function () {
      var state = app.state;
      state.from = 0; state.to = app.data.months.length - 1; state.fromDay = state.toDay = 0;
      document.getElementById("from").value = state.from; document.getElementById("to").value = state.to;
      app.update();
    });
    showWindow();
    showCounts();
  }

  function build(theApp) {
    app = theApp;
    document.getElementById("timeline-step").addEventListener("change", draw);
    draw();
  }

  // The events per bar that pass the filters (point and area events), counted again only
  // when the filters or the bars change.
  function eventsPerBin() {
    var data = app.data, state = app.state, filters = JSON.stringify([state.types, state.actors, state.statuses, step()]);
    if (filters === countedFor) { return perBin; }
    var passes = GeoApp.filters.passer(data, state), starts = bins.map(function (b) { return key(b.from[0], b.from[1]); });
    perBin = new Int32Array(bins.length);
    [data.events, data.areaEvents].forEach(function (rows) {
      rows.forEach(function (e) {
        if (!passes(e)) { return; }
        var k = GeoApp.data.eventKey(data, e), lo = 0, hi = starts.length - 1;
        while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= k) { lo = mid; } else { hi = mid - 1; } }
        perBin[lo]++;
      });
    });
    countedFor = filters;
    return perBin;
  }

  // The bars the window covers, [first, last].
  function covered() {
    var state = app.state, lo = key(state.from, state.fromDay || 1), hi = key(state.to, state.toDay || 31), first = -1, last = -1;
    bins.forEach(function (b, i) {
      if (key(b.to[0], b.to[1]) >= lo && key(b.from[0], b.from[1]) <= hi) { if (first < 0) { first = i; } last = i; }
    });
    return [first, last];
  }

  // The shade at once (it moves with a drag), the bars with the lists.
  function showWindow() {
    if (!svg) { return; }
    var span = covered();
    shade.setAttribute("x", Math.max(span[0], 0));
    shade.setAttribute("width", span[0] < 0 ? 0 : span[1] - span[0] + 1);
  }

  function showCounts() {
    if (!svg) { return; }
    var counts = eventsPerBin(), most = 1, span = covered();
    for (var i = 0; i < counts.length; i++) { most = Math.max(most, counts[i]); }
    bars.forEach(function (bar, i) {
      var h = counts[i] ? Math.max(2, HEIGHT * counts[i] / most) : 0;
      bar.setAttribute("y", HEIGHT - h); bar.setAttribute("height", h);
      bar.classList.toggle("in", i >= span[0] && i <= span[1]);
    });
    document.getElementById("timeline-most").textContent = "tallest bar: " + most + " event" + (most === 1 ? "" : "s");
  }

  GeoApp.timeline = {build: build, showWindow: showWindow, showCounts: showCounts,
    // For tests: the bars' first and last days ([month, day]) and their counts.
    bins: function () { return bins.map(function (b) { return [b.from, b.to]; }); },
    eventsPerBin: function () { return Array.prototype.slice.call(eventsPerBin()); }};
})(window.GeoApp = window.GeoApp || {});
