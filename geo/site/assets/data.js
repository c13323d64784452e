// The page's data (window.GEO_DATA, written by geo/site/mapdata.py): tables of rows read
// by column name, and what a month window needs counted before the first frame.
(function (GeoApp) {
  "use strict";

  function columns(names) {
    var at = {};
    names.forEach(function (name, i) { at[name] = i; });
    return at;
  }

  function load(raw) {
    var data = {
      raw: raw, months: raw.months, types: raw.types, actors: raw.actors, docs: raw.docs, sites: raw.sites,
      events: raw.events, areaEvents: raw.areaEvents, mentions: raw.mentions, places: raw.places,
      vocabulary: raw.vocabulary,
      // column positions by name: data.E.status_bits, data.S.name ...
      S: columns(raw.columns.sites), E: columns(raw.columns.events), M: columns(raw.columns.mentions),
      DOC: columns(raw.columns.docs), P: columns(raw.columns.places),
      siteAt: new Map(), citedBy: [], monthStart: [],
      markers: new Map(raw.vocabulary.markers.map(function (m) { return [m.name, m]; }))  // in the legend's order
    };
    index(data);
    return data;
  }

  // Per month boundary and site, what happened before it: eventsBefore[m * sites + s] counts
  // the events at site s in months < m, so a window's counts are two lookups per site.
  function index(data) {
    var E = data.E, M = data.M, n = data.sites.length, months = data.months.length, m, k;
    for (m = 0; m <= months; m++) { data.monthStart.push(data.events.length); }
    for (k = data.events.length - 1; k >= 0; k--) { data.monthStart[data.events[k][E.month]] = k; }
    for (m = months - 1; m >= 0; m--) { data.monthStart[m] = Math.min(data.monthStart[m], data.monthStart[m + 1]); }
    data.sites.forEach(function (site, i) {
      data.citedBy.push({});
      data.siteAt.set(site[data.S.id], i);
    });
    data.eventsBefore = new Int32Array((months + 1) * n);
    data.mentionsBefore = new Int32Array((months + 1) * n);
    data.eventSites = new Set();  // the sites with an event in some month
    data.events.forEach(function (e) {
      e[E.sites].forEach(function (s) { data.eventsBefore[(e[E.month] + 1) * n + s]++; data.eventSites.add(s); });
    });
    data.mentionsOfMonth = data.months.map(function () { return []; });  // row positions, by month
    data.mentions.forEach(function (r, k) {
      data.mentionsOfMonth[r[M.month]].push(k);
      data.mentionsBefore[(r[M.month] + 1) * n + r[M.site]] += r[M.count];
      // per site and citing document: how many mentions, and the first one's start and end
      var cited = data.citedBy[r[M.site]][r[M.doc]];
      if (!cited) { data.citedBy[r[M.site]][r[M.doc]] = [r[M.count], r[M.start], r[M.end]]; return; }
      cited[0] += r[M.count];
      if (r[M.start] < cited[1]) { cited[1] = r[M.start]; cited[2] = r[M.end]; }
    });
    for (k = n; k < data.eventsBefore.length; k++) {
      data.eventsBefore[k] += data.eventsBefore[k - n];
      data.mentionsBefore[k] += data.mentionsBefore[k - n];
    }
  }

  // A window of days inside the months (state.fromDay, state.toDay: 0 for a whole month),
  // as the range of day keys (month * 32 + day) it holds.
  function days(state) { return state.fromDay > 0 || state.toDay > 0; }

  function dayRange(state) { return [state.from * 32 + (state.fromDay || 1), state.to * 32 + (state.toDay || 31)]; }

  function eventKey(data, e) { return e[data.E.month] * 32 + parseInt(e[data.E.date].slice(8, 10), 10); }

  // The last day of month m (a position in data.months).
  function lastDay(data, m) {
    var month = data.months[m];
    return new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).getUTCDate();
  }

  // Events of rows[start, end) (the window's months) that fall in its days and pass the
  // filters, in date order.
  function windowEvents(data, state, rows, start, end) {
    var filtering = GeoApp.filters.filtering(state), byDay = days(state);
    if (!filtering && !byDay) { return rows.slice(start, end); }
    var passes = filtering ? GeoApp.filters.passer(data, state) : null, range = dayRange(state), out = [];
    for (var k = start; k < end; k++) {
      var e = rows[k], key = byDay ? eventKey(data, e) : 0;
      if (byDay && (key < range[0] || key > range[1])) { continue; }
      if (!passes || passes(e)) { out.push(e); }
    }
    return out;
  }

  // Mentions per site in a window of days: a mention known to the day counts when its day
  // is in it; one known only to its month, when the whole month is.
  function mentionsInDays(data, state, mentionsAt) {
    var M = data.M, range = dayRange(state);
    for (var m = state.from; m <= state.to; m++) {
      var whole = m * 32 + 1 >= range[0] && m * 32 + lastDay(data, m) <= range[1];
      data.mentionsOfMonth[m].forEach(function (k) {
        var r = data.mentions[k], key = m * 32 + r[M.day];
        if (r[M.day] ? key >= range[0] && key <= range[1] : whole) { mentionsAt[r[M.site]] += r[M.count]; }
      });
    }
  }

  // Per site: events in the window that pass the filters, and mentions in the window
  // (mentions have no type, actor or attribution, so none count while a filter is set).
  // events: windowEvents of data.events in the window.
  function windowCounts(data, state, events) {
    var n = data.sites.length, eventsAt = new Int32Array(n), mentionsAt = new Int32Array(n), s;
    var lo = state.from * n, hi = (state.to + 1) * n, sites = data.E.sites;
    if (GeoApp.filters.filtering(state) || days(state)) {
      events.forEach(function (e) {
        e[sites].forEach(function (i) { eventsAt[i]++; });
      });
      if (!GeoApp.filters.filtering(state)) { mentionsInDays(data, state, mentionsAt); }
      return {eventsAt: eventsAt, mentionsAt: mentionsAt};
    }
    for (s = 0; s < n; s++) {
      eventsAt[s] = data.eventsBefore[hi + s] - data.eventsBefore[lo + s];
      mentionsAt[s] = data.mentionsBefore[hi + s] - data.mentionsBefore[lo + s];
    }
    return {eventsAt: eventsAt, mentionsAt: mentionsAt};
  }

  // The first row of rows (sorted by month) in month or later.
  function firstOfMonth(data, rows, month) {
    var lo = 0, hi = rows.length, at = data.E.month;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (rows[mid][at] < month) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }

  GeoApp.data = {load: load, days: days, eventKey: eventKey, lastDay: lastDay, windowEvents: windowEvents, windowCounts: windowCounts,
                 firstOfMonth: firstOfMonth};
})(window.GeoApp = window.GeoApp || {});
