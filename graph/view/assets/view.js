// The page's behaviour: filters, search, details panels. Every text from the
// articles is put in the page with textContent, never parsed as HTML.
(function () {
  "use strict";

  function readJson(id) { return JSON.parse(document.getElementById(id).textContent); }
  var allNodes = readJson("kg-nodes");
  var allEdges = readJson("kg-edges");
  var options = readJson("kg-options");
  var data = readJson("kg-data");
  var GLYPHS = { dot: "\u25CF", square: "\u25A0", diamond: "\u25C6", triangle: "\u25B2",
                 triangleDown: "\u25BC", star: "\u2605", hexagon: "\u2B22" };
  var BOUND = /^\d{4}(-\d{2}(-\d{2})?)?$/;

  var state = {
    types: new Set(data.types.map(function (t) { return t.name; })),
    kinds: new Set(data.kinds.map(function (k) { return k.name; })),
    from: null, to: null, eventNodes: false
  };
  var visibleEntities = new Set();
  var visibleEvents = new Set();
  var selected = null;
  var ready = false;

  // Entities linked by an edge that is not an event (roles, direct edges).
  var otherEdges = {};
  Object.keys(data.edges).forEach(function (id) {
    var e = data.edges[id];
    if (e.kind === "role" || e.kind === "direct") {
      (otherEdges[e.from] = otherEdges[e.from] || []).push(e.to);
      (otherEdges[e.to] = otherEdges[e.to] || []).push(e.from);
    }
  });

  // ------------------------------------------------------------ visibility

  function interval(value, end) {
    var parts = value.split("-");
    if (parts.length === 1) { return end ? value + "-12-31" : value + "-01-01"; }
    if (parts.length === 2) { return end ? value + "-31" : value + "-01"; }
    return value;
  }

  function inRange(ev) {
    if (!state.from && !state.to) { return true; }
    if (!ev.start || !ev.end) { return false; }
    return (!state.from || ev.end >= state.from) && (!state.to || ev.start <= state.to);
  }

  function computeVisibility() {
    var entities = new Set();
    Object.keys(data.entities).forEach(function (id) {
      if (state.types.has(data.entities[id].type)) { entities.add(id); }
    });
    var events = new Set();
    Object.keys(data.events).forEach(function (id) {
      var ev = data.events[id];
      if (state.kinds.has(ev.kind) && inRange(ev) && ev.links.some(function (l) { return entities.has(l); })) {
        events.add(id);
      }
    });
    if (state.from || state.to || state.kinds.size < data.kinds.length) {
      // Entities that had events and lost them all, with no other edge left, go too.
      var changed = true;
      while (changed) {
        changed = false;
        Array.from(entities).sort().forEach(function (id) {
          var ent = data.entities[id];
          if (ent.events.length === 0 || ent.events.some(function (ev) { return events.has(ev); })) { return; }
          if ((otherEdges[id] || []).some(function (o) { return entities.has(o); })) { return; }
          entities.delete(id);
          changed = true;
        });
      }
    }
    visibleEntities = entities;
    visibleEvents = events;
  }

  function edgeVisible(info) {
    if (info.kind === "event") {
      return !state.eventNodes && visibleEvents.has(info.event) &&
        visibleEntities.has(info.from) && visibleEntities.has(info.to);
    }
    if (info.kind === "link") {
      var entity = data.entities[info.from] ? info.from : info.to;
      return state.eventNodes && visibleEvents.has(info.event) && visibleEntities.has(entity);
    }
    return visibleEntities.has(info.from) && visibleEntities.has(info.to);
  }

  computeVisibility();
  var nodes = new vis.DataSet(allNodes);
  var edges = new vis.DataSet(allEdges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) {
    return data.entities[n.id] ? visibleEntities.has(n.id) : state.eventNodes && visibleEvents.has(n.id);
  } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return edgeVisible(data.edges[e.id]); } });

  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  window.kgNetwork = network;

  // ------------------------------------------------------------ layout

  function finishLayout() {
    if (ready) { return; }
    network.setOptions({ physics: { enabled: false } });
    ready = true;
    window.kgStabilizedMs = performance.now();
    window.kgReady = true;
    document.body.setAttribute("data-ready", "true");
    updateStatus();
  }
  network.on("stabilizationProgress", function (p) {
    setStatus("Laying out\u2026 " + Math.round(100 * p.iterations / Math.max(1, p.total)) + "%");
  });
  network.once("stabilizationIterationsDone", finishLayout);
  if (nodeView.length === 0) { finishLayout(); }

  function savePositions() {
    var positions = network.getPositions();
    nodes.update(Object.keys(positions).map(function (id) {
      return { id: id, x: positions[id].x, y: positions[id].y };
    }));
  }

  function placeEventNodes() {
    // An event node appears next to the entities it links; the layout stays put.
    var positions = network.getPositions();
    var k = 0;
    var updates = [];
    Object.keys(data.events).sort().forEach(function (id) {
      var node = nodes.get(id);
      if (!node || node.x !== undefined) { return; }
      var xs = 0, ys = 0, n = 0;
      data.events[id].links.forEach(function (l) {
        if (positions[l]) { xs += positions[l].x; ys += positions[l].y; n += 1; }
      });
      var angle = 2.399963 * (k += 1);
      updates.push({ id: id, x: (n ? xs / n : 0) + 40 * Math.cos(angle), y: (n ? ys / n : 0) + 40 * Math.sin(angle) });
    });
    nodes.update(updates);
  }

  function refresh() {
    if (ready) { savePositions(); }
    computeVisibility();
    if (state.eventNodes) { placeEventNodes(); }
    nodeView.refresh();
    edgeView.refresh();
    if (selected && !nodeView.get(selected) && !edgeView.get(selected)) { select(null); }
    updateStatus();
  }

  // ------------------------------------------------------------ status

  function setStatus(text) { document.getElementById("kg-status").textContent = text; }
  function counts() {
    return { nodes: nodeView.length, edges: edgeView.length, entities: visibleEntities.size, events: visibleEvents.size };
  }
  function updateStatus() {
    if (!ready) { return; }
    var c = counts();
    setStatus(c.entities + " entities \u00B7 " + c.edges + " edges \u00B7 " + c.events + " events");
  }

  // ------------------------------------------------------------ details

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  function panel() {
    var details = document.getElementById("kg-details");
    details.replaceChildren();
    return details;
  }
  function fields(parent, rows) {
    var dl = el("dl");
    rows.forEach(function (row) {
      if (row[1] === undefined || row[1] === null || row[1] === "") { return; }
      dl.append(el("dt", row[0]), el("dd", row[1]));
    });
    parent.append(dl);
  }
  function sourceList(sources) {
    var ul = el("ul", null, "kg-sources");
    sources.forEach(function (index) {
      var source = data.sources[index];
      var title = data.articles[source[0]];
      var li = el("li");
      li.append(el("span", source[0], "kg-article"));
      if (title) { li.append(el("span", " \u2014 " + title, "kg-title")); }
      li.append(el("span", "\u201C" + source[1] + "\u201D", "kg-sentence"));
      ul.append(li);
    });
    return ul;
  }
  function dateText(ev) {
    if (!ev.date) { return ev.dateText.length ? "unresolved (\u201C" + ev.dateText.join("\u201D, \u201C") + "\u201D)" : "unknown"; }
    var others = ev.dates.filter(function (d) { return d !== ev.date; });
    return others.length ? ev.date + " (also reported: " + others.join(", ") + ")" : ev.date;
  }
  function partyNames(ev, part, except) {
    return ev.parties.filter(function (p) { return p[0] === part && p[1] !== except; })
      .map(function (p) { return p[2]; }).join(", ");
  }
  function hint() {
    panel().append(el("p", "Hover or click a node or an edge to see its names, facts and sources.", "kg-hint"));
  }

  function showEntity(id) {
    var ent = data.entities[id];
    var details = panel();
    details.append(el("h2", ent.name));
    fields(details, [
      ["Type", ent.types.join(", ")],
      ["Also called", ent.aliases.join("; ")],
      ["Mentions", ent.mentions === null ? null : String(ent.mentions)],
      ["In articles", ent.articles.join(", ")]
    ]);
    if (ent.roles.length) {
      details.append(el("h3", "Roles"));
      var roles = el("ul");
      ent.roles.forEach(function (r) {
        var role = data.roles[r];
        var li = el("li", role.label);
        li.append(sourceList(role.sources));
        roles.append(li);
      });
      details.append(roles);
    }
    details.append(el("h3", "Facts (" + ent.events.length + ")"));
    var facts = el("ul");
    ent.events.forEach(function (evId) {
      var ev = data.events[evId];
      var others = ev.parties.filter(function (p) { return p[1] !== id && p[0] !== "place"; })
        .map(function (p) { return p[2]; });
      var text = ev.kind + " \u00B7 " + (ev.date || "undated");
      if (others.length) { text += " \u00B7 with " + others.join(", "); }
      var place = partyNames(ev, "place", id);
      if (place) { text += " \u00B7 in " + place; }
      if (ev.content.length) { text += " \u00B7 \u201C" + ev.content.join(" / ") + "\u201D"; }
      var li = el("li", text);
      if (!visibleEvents.has(evId)) { li.className = "kg-hint"; }
      li.append(sourceList(ev.sources));
      facts.append(li);
    });
    details.append(facts);
  }

  function showEvent(evId, relation) {
    var ev = data.events[evId];
    var details = panel();
    details.append(el("h2", relation ? relation + " (" + ev.kind + ")" : ev.kind));
    fields(details, [
      ["Date", dateText(ev)],
      ["Date precision", ev.precision.join(", ")],
      ["Date origin", ev.origin.join(", ")],
      ["Date words", ev.dateText.join("; ")],
      ["Planned", ev.planned ? "yes" : "no"],
      ["Place", partyNames(ev, "place")],
      ["Agent", partyNames(ev, "agent")],
      ["Participants", partyNames(ev, "participant")],
      ["Object", partyNames(ev, "object")],
      [ev.quote ? "Quote" : "Content", ev.content.join(" / ")]
    ]);
    var articles = Array.from(new Set(ev.sources.map(function (s) { return data.sources[s][0]; })));
    details.append(el("h3", "Sources (" + articles.length + " article" + (articles.length === 1 ? "" : "s") + ")"));
    details.append(sourceList(ev.sources));
  }

  function showEdge(edgeId) {
    var info = data.edges[edgeId];
    if (info.event) { showEvent(info.event, info.kind === "event" ? info.relation : null); return; }
    var details = panel();
    var from = data.entities[info.from].name;
    var to = data.entities[info.to].name;
    if (info.kind === "role") {
      var role = data.roles[info.role];
      details.append(el("h2", role.label));
      fields(details, [["Person", from], ["Title", role.title], ["Of", to], ["Stated on", role.statedOn.join(", ")]]);
      details.append(el("h3", "Sources"));
      details.append(sourceList(role.sources));
      return;
    }
    details.append(el("h2", info.relation));
    fields(details, [["From", from], ["To", to]]);
  }

  function showItem(id) {
    if (data.entities[id]) { showEntity(id); } else if (data.events[id]) { showEvent(id, null); } else if (data.edges[id]) { showEdge(id); }
  }

  function select(id) {
    selected = id;
    if (id === null) { network.unselectAll(); hint(); return; }
    showItem(id);
  }

  network.on("click", function (p) {
    if (p.nodes.length) { select(p.nodes[0]); } else if (p.edges.length) { select(p.edges[0]); } else { select(null); }
  });
  network.on("hoverNode", function (p) { if (!selected) { showItem(p.node); } });
  network.on("hoverEdge", function (p) { if (!selected) { showItem(p.edge); } });
  network.on("blurNode", function () { if (!selected) { hint(); } });
  network.on("blurEdge", function () { if (!selected) { hint(); } });

  // ------------------------------------------------------------ search

  var names = [];
  Object.keys(data.entities).forEach(function (id) {
    var ent = data.entities[id];
    names.push([ent.name, id, 0]);
    ent.aliases.forEach(function (a) { names.push([a, id, 1]); });
  });
  names.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] - b[2]; });
  var datalist = document.getElementById("kg-names");
  var seen = new Set();
  names.forEach(function (n) {
    if (seen.has(n[0])) { return; }
    seen.add(n[0]);
    var option = document.createElement("option");
    option.value = n[0];
    datalist.append(option);
  });

  function findIds(text) {
    var key = text.trim().toLowerCase();
    if (!key) { return []; }
    function ids(test) {
      return Array.from(new Set(names.filter(test).map(function (n) { return n[1]; })));
    }
    var found = ids(function (n) { return n[2] === 0 && n[0].toLowerCase() === key; });
    if (!found.length) { found = ids(function (n) { return n[0].toLowerCase() === key; }); }
    if (!found.length) { found = ids(function (n) { return n[0].toLowerCase().indexOf(key) >= 0; }); }
    return found;
  }

  function search(text) {
    var msg = document.getElementById("kg-search-msg");
    var found = findIds(text);
    var shown = found.filter(function (id) { return visibleEntities.has(id); });
    msg.textContent = "";
    if (!found.length) { msg.textContent = "No match"; return null; }
    if (!shown.length) { msg.textContent = "Hidden by the filters"; return null; }
    var id = shown[0];
    if (shown.length > 1) { msg.textContent = "1 of " + shown.length; }
    network.selectNodes([id], false);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    select(id);
    return id;
  }
  document.getElementById("kg-search-form").addEventListener("submit", function (e) {
    e.preventDefault();
    search(document.getElementById("kg-search").value);
  });

  // ------------------------------------------------------------ filters

  function checkboxRow(parent, glyph, color, text, count, checked, onChange) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    var mark = el("span", glyph, "kg-glyph");
    mark.style.color = color;
    label.append(box, mark, el("span", text + " "), el("span", "(" + count + ")", "kg-count"));
    parent.append(label);
    return box;
  }
  var legend = document.getElementById("kg-legend");
  data.types.forEach(function (t) {
    var box = checkboxRow(legend, GLYPHS[t.shape] || "\u25CF", t.color, t.label, t.count, true, function (on) {
      if (on) { state.types.add(t.name); } else { state.types.delete(t.name); }
      refresh();
    });
    box.setAttribute("data-type", t.name);
  });
  var eventKey = el("div", null, "kg-count");
  var eventGlyph = el("span", "\u25CF", "kg-glyph");
  eventGlyph.style.color = data.eventStyle.color;
  eventKey.append(eventGlyph, el("span", data.eventStyle.label));
  legend.append(eventKey);
  var kindBox = document.getElementById("kg-kinds");
  data.kinds.forEach(function (k) {
    var box = checkboxRow(kindBox, "\u2014", "#8a8a8a", k.name, k.count, true, function (on) {
      if (on) { state.kinds.add(k.name); } else { state.kinds.delete(k.name); }
      refresh();
    });
    box.setAttribute("data-kind", k.name);
  });

  function readBound(input, end) {
    var value = input.value.trim();
    input.classList.remove("kg-invalid");
    if (!value) { return null; }
    if (!BOUND.test(value)) { input.classList.add("kg-invalid"); return undefined; }
    return interval(value, end);
  }
  function setDates() {
    var from = readBound(document.getElementById("kg-date-from"), false);
    var to = readBound(document.getElementById("kg-date-to"), true);
    if (from === undefined || to === undefined) { return; }
    state.from = from;
    state.to = to;
    refresh();
  }
  document.getElementById("kg-date-form").addEventListener("submit", function (e) { e.preventDefault(); setDates(); });
  document.getElementById("kg-date-from").addEventListener("change", setDates);
  document.getElementById("kg-date-to").addEventListener("change", setDates);
  document.getElementById("kg-date-clear").addEventListener("click", function () {
    document.getElementById("kg-date-from").value = "";
    document.getElementById("kg-date-to").value = "";
    setDates();
  });
  var eventNodes = document.getElementById("kg-event-nodes");
  eventNodes.addEventListener("change", function () { state.eventNodes = eventNodes.checked; refresh(); });
  document.getElementById("kg-reset").addEventListener("click", function () {
    document.querySelectorAll("#kg-controls input[type=checkbox]").forEach(function (b) { b.checked = true; });
    state.types = new Set(data.types.map(function (t) { return t.name; }));
    state.kinds = new Set(data.kinds.map(function (k) { return k.name; }));
    document.getElementById("kg-date-from").value = "";
    document.getElementById("kg-date-to").value = "";
    state.from = null;
    state.to = null;
    refresh();
  });

  hint();
  updateStatus();

  // What tests and scripts may read: the data, what is drawn, and where an edge is on screen.
  window.kgView = {
    data: data,
    counts: counts,
    search: search,
    select: select,
    edgeMidpoint: function (edgeId) {
      var edge = network.body.edges[edgeId];
      return network.canvasToDOM(edge.edgeType.getPoint(0.5));
    }
  };
}());
