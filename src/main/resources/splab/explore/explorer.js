"use strict";
// The run explorer's page logic: the query list and its filters, the facts table, and the three views.
var DATA = JSON.parse(document.getElementById("explorer-data").textContent);
var NAV_LABELS = {model: "model", label: "shortest path (label)", sln: "SLN", steinerberger: "Steinerberger"};
var OFFSETS = {model: 0, label: 5, sln: -5, steinerberger: 10};
var state = {query: -1, step: 0, layer: DATA.attentionLayers - 1, head: 0, eig: 0, pcLayer: DATA.layers.length - 1,
  pc: 0, show: {model: true, label: true, sln: false, steinerberger: false}};

function byId(id) { return document.getElementById(id); }
function graphOf(q) { return DATA.graphs[q.graph]; }
function walkText(w) { return "[" + w.path.join(", ") + "] " + w.outcome.replace("_", " "); }

function option(select, value, text) {
  var o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  select.appendChild(o);
}

function distinct(f) {
  var seen = {};
  DATA.queries.forEach(function (q) { seen[f(q)] = true; });
  return Object.keys(seen);
}

function setUp() {
  var mistakes = DATA.queries.filter(function (q) { return q.model.outcome !== "correct"; }).length;
  byId("summary").textContent = DATA.queries.length + " held-out queries on " + DATA.graphs.length +
    " graphs, " + mistakes + " of them answered wrongly by the model (mistakes listed first). Navigators: " +
    Object.keys(DATA.navigators).map(function (k) { return DATA.navigators[k]; }).join(", ") +
    ". Edge representations: " + DATA.position + "; Laplacian of L(G): " + DATA.variant + ".";
  distinct(function (q) { return graphOf(q).n; }).sort(function (a, b) { return a - b; })
    .forEach(function (n) { option(byId("f-n"), n, n); });
  distinct(function (q) { return q.d; }).sort(function (a, b) { return a - b; })
    .forEach(function (d) { option(byId("f-d"), d, d); });
  distinct(function (q) { return q.model.outcome; }).sort()
    .forEach(function (o) { option(byId("f-outcome"), o, o.replace("_", " ")); });
  ["f-n", "f-d", "f-outcome", "f-disagree"].forEach(function (id) { byId(id).addEventListener("change", renderList); });
  Object.keys(NAV_LABELS).forEach(function (name) {
    var label = document.createElement("label");
    label.innerHTML = '<input type="checkbox" id="show-' + name + '"' + (state.show[name] ? " checked" : "") +
      '> <span class="swatch" style="background:' + PATH_COLOURS[name] + '"></span>' + NAV_LABELS[name];
    byId("toggles").appendChild(label);
    byId("show-" + name).addEventListener("change", function (ev) {
      state.show[name] = ev.target.checked;
      renderGraph();
    });
  });
  for (var l = 0; l < DATA.attentionLayers; l++) { option(byId("att-layer"), l, "block " + l); }
  for (var h = 0; h < DATA.heads; h++) { option(byId("att-head"), h, "head " + h); }
  DATA.layers.forEach(function (name, i) { option(byId("pc-layer"), i, name); });
  byId("att-layer").value = state.layer;
  byId("pc-layer").value = state.pcLayer;
  bind("step", "step", renderAttention, "input");
  bind("att-layer", "layer", renderAttention, "change");
  bind("att-head", "head", renderAttention, "change");
  bind("eigvec", "eig", renderSpectrum, "change");
  bind("pc-layer", "pcLayer", renderSpectrum, "change");
  bind("pc", "pc", renderSpectrum, "change");
  window.addEventListener("hashchange", fromHash);
}

function bind(id, key, render, event) {
  byId(id).addEventListener(event, function (ev) {
    state[key] = Number(ev.target.value);
    render();
  });
}

function matches(q) {
  var n = byId("f-n").value, d = byId("f-d").value, o = byId("f-outcome").value, dis = byId("f-disagree").value;
  if ((n && graphOf(q).n !== Number(n)) || (d && q.d !== Number(d)) || (o && q.model.outcome !== o)) { return false; }
  if (!dis) { return true; }
  var parts = dis.split("-"); // model-(right|wrong)-NAV-(right|wrong)
  var modelRight = q.model.outcome === "correct", otherRight = q[parts[2]].outcome === "correct";
  return modelRight === (parts[1] === "right") && otherRight === (parts[3] === "right");
}

function renderList() {
  var list = byId("queries");
  list.innerHTML = "";
  var shown = DATA.queries.filter(matches);
  byId("list-count").textContent = shown.length + " of " + DATA.queries.length + " queries";
  shown.forEach(function (q) {
    var li = document.createElement("li");
    li.dataset.query = q.id;
    li.className = q.id === state.query ? "selected" : "";
    var bad = q.model.outcome !== "correct";
    li.innerHTML = "#" + q.id + " n=" + graphOf(q).n + " d=" + q.d + " " + q.s + "\u2192" + q.t + " " +
      '<span class="' + (bad ? "bad" : "ok") + '">' + q.model.outcome.replace("_", " ") + "</span>";
    li.addEventListener("click", function () { location.hash = "query=" + q.id; });
    list.appendChild(li);
  });
}

function fromHash() {
  var m = /query=(\d+)/.exec(location.hash);
  var id = m ? Number(m[1]) : 0;
  select(id >= 0 && id < DATA.queries.length ? id : 0);
}

function select(id) {
  state.query = id;
  state.step = 0;
  state.eig = 0;
  state.pc = 0;
  var q = DATA.queries[id], g = graphOf(q);
  Array.prototype.forEach.call(byId("queries").children, function (li) {
    li.className = Number(li.dataset.query) === id ? "selected" : "";
  });
  var eig = byId("eigvec");
  eig.innerHTML = "";
  g.eigenvalues.forEach(function (v, j) { option(eig, j, (j + 1) + " (\u03bb = " + fmt(v) + ")"); });
  byId("step").max = Math.max(0, q.attention.length - 1);
  byId("step").value = 0;
  renderFacts();
  renderGraph();
  renderAttention();
  renderSpectrum();
}

function renderFacts() {
  var q = DATA.queries[state.query], g = graphOf(q);
  byId("query-title").textContent = "Query " + q.id + ": " + q.s + " \u2192 " + q.t + " (n = " + g.n + ", m = " +
    g.edges.length + ")";
  var rows = [
    ["correct (any shortest path)", q.model.outcome === "correct" ? "yes" : "no"],
    ["exact (the label path)", q.exact ? "yes" : "no"],
    ["failure kind", q.model.outcome === "correct" ? "none" : q.model.outcome.replace("_", " ")],
    ["distance d", q.d], ["shortest paths", q.shortestPaths],
    ["model", walkText(q.model)], ["label (one shortest path)", "[" + q.label.join(", ") + "]"],
    ["SLN", walkText(q.sln)], ["Steinerberger", walkText(q.steinerberger)],
    ["edges", g.edges.map(function (uv) { return uv[0] + "-" + uv[1]; }).join(" ")]];
  byId("facts").innerHTML = rows.map(function (r) {
    return "<tr><td>" + r[0] + "</td><td>" + r[1] + "</td></tr>";
  }).join("");
}

function walks(q) {
  return {model: q.model.path, label: q.label, sln: q.sln.path, steinerberger: q.steinerberger.path};
}

function renderGraph() {
  var q = DATA.queries[state.query], g = graphOf(q), svg = byId("graph");
  drawGraph(svg, g, q.s, q.t, function () { return {stroke: "#bbb", width: 2}; });
  svg.setAttribute("data-query", q.id);
  var w = walks(q);
  Object.keys(NAV_LABELS).forEach(function (name) {
    if (state.show[name]) { drawWalk(svg, g, w[name], name, OFFSETS[name]); }
  });
}

// A head's attention as probabilities (the data holds thousandths).
function permille(h) {
  var p = function (x) { return x / 1000; };
  return {edges: h.edges.map(p), bos: p(h.bos), query: p(h.query), path: p(h.path), current: p(h.current),
    target: p(h.target)};
}

function renderAttention() {
  var q = DATA.queries[state.query], g = graphOf(q), svg = byId("attention");
  if (q.attention.length === 0) {
    drawGraph(svg, g, q.s, q.t, function () { return {stroke: "#ddd", width: 2}; });
    byId("step-label").textContent = "the model wrote no node, so there is no step to show";
    byId("attention-share").textContent = "";
    byId("attention-heads").innerHTML = "";
    return;
  }
  var step = q.attention[Math.min(state.step, q.attention.length - 1)];
  var head = permille(step.heads[state.layer][state.head]);
  var top = Math.max(0.05, maxAbs(head.edges));
  drawGraph(svg, g, q.s, q.t, function (e) {
    var mass = head.edges[e];
    return {stroke: sequential(mass / top), width: 1.5 + 16 * mass,
      title: "edge " + g.edges[e].join("-") + ": attention " + fmt(mass)};
  });
  svg.setAttribute("data-query", q.id);
  svg.setAttribute("data-step", state.step);
  drawWalk(svg, g, q.model.path, "model", 0);
  markNode(svg, g, step.node);
  var next = state.step + 1 < q.model.path.length ? "node " + q.model.path[state.step + 1] : "<eos>";
  byId("step-label").textContent = "step " + state.step + " of " + (q.attention.length - 1) + ": at node " +
    step.node + ", the model wrote " + next + " next";
  var visible = 3 * g.edges.length + 5 + state.step; // <bos>, the edges, <q> s t <p>, the path so far
  var chance = function (v) {
    return 3 * g.edges.filter(function (uv) { return uv[0] === v || uv[1] === v; }).length / visible;
  };
  byId("attention-share").innerHTML = "Block " + state.layer + ", head " + state.head + ": <b>" + fmt(head.current) +
    "</b> on edges at the current node " + step.node + " (chance " + fmt(chance(step.node)) + "), <b>" +
    fmt(head.target) + "</b> on edges at the target " + q.t + " (chance " + fmt(chance(q.t)) + "); " +
    fmt(head.bos) + " on &lt;bos&gt;, " + fmt(head.query) + " on &lt;q&gt; s t &lt;p&gt;, " + fmt(head.path) +
    " on the path so far.";
  var rows = "<tr><th>block, head</th><th>at current</th><th>at target</th></tr>";
  step.heads.forEach(function (heads, l) {
    heads.forEach(function (h, i) {
      h = permille(h);
      var sel = l === state.layer && i === state.head ? ' class="cur"' : "";
      rows += "<tr><td" + sel + ">" + l + ", " + i + "</td><td" + sel + ">" + fmt(h.current) + "</td><td" + sel + ">" +
        fmt(h.target) + "</td></tr>";
    });
  });
  byId("attention-heads").innerHTML = rows;
}

function renderSpectrum() {
  var q = DATA.queries[state.query], g = graphOf(q);
  var pcs = q.pcs[state.pcLayer], pcSelect = byId("pc");
  pcSelect.innerHTML = "";
  pcs.forEach(function (v, k) {
    option(pcSelect, k, "PC " + (k + 1) + " (" + fmt(100 * q.explained[state.pcLayer][k], 1) + "% of variance)");
  });
  state.eig = Math.min(state.eig, g.eigenvectors.length - 1);
  byId("eigvec").value = state.eig;
  var vec = g.eigenvectors[state.eig], vMax = maxAbs(vec);
  drawGraph(byId("eigen-graph"), g, q.s, q.t, function (e) {
    return {stroke: diverging(vec[e], vMax), width: 7, title: "edge " + g.edges[e].join("-") + ": " + fmt(vec[e])};
  });
  byId("eigen-caption").textContent = "eigenvector " + (state.eig + 1) + " of the Laplacian of L(G), \u03bb = " +
    fmt(g.eigenvalues[state.eig]);
  if (pcs.length === 0) {
    drawGraph(byId("pc-graph"), g, q.s, q.t, function () { return {stroke: "#ddd", width: 7}; });
    byId("pc-caption").textContent = "the edge representations at " + DATA.layers[state.pcLayer] +
      " are the same for every edge (at embed every edge is the same <e> token): no component to show";
    byId("correlation").textContent = "";
    byId("corr-matrix").innerHTML = "";
    return;
  }
  state.pc = Math.min(state.pc, pcs.length - 1);
  pcSelect.value = state.pc;
  var pc = pcs[state.pc], pMax = maxAbs(pc);
  drawGraph(byId("pc-graph"), g, q.s, q.t, function (e) {
    return {stroke: diverging(pc[e], pMax), width: 7, title: "edge " + g.edges[e].join("-") + ": " + fmt(pc[e])};
  });
  byId("pc-caption").textContent = "PC " + (state.pc + 1) + " of the edge representations at " +
    DATA.layers[state.pcLayer];
  byId("correlation").innerHTML = "Pearson r = <b>" + fmt(pearson(vec, pc)) + "</b> over " + g.edges.length + " edges";
  var head = "<tr><th>|r|</th>" + g.eigenvalues.map(function (v, j) { return "<th>eig " + (j + 1) + "</th>"; }).join("") +
    "</tr>";
  byId("corr-matrix").innerHTML = head + pcs.map(function (p, k) {
    var r = g.eigenvectors.map(function (v) { return Math.abs(pearson(v, p)); });
    var best = r.indexOf(Math.max.apply(null, r));
    return "<tr><th>PC " + (k + 1) + "</th>" + r.map(function (x, j) {
      var cls = (j === best ? "best " : "") + (j === state.eig && k === state.pc ? "sel" : "");
      return '<td class="' + cls + '" data-pc="' + k + '" data-eig="' + j + '">' + fmt(x, 2) + "</td>";
    }).join("") + "</tr>";
  }).join("");
  Array.prototype.forEach.call(byId("corr-matrix").querySelectorAll("td"), function (td) {
    td.addEventListener("click", function () {
      state.pc = Number(td.dataset.pc);
      state.eig = Number(td.dataset.eig);
      renderSpectrum();
    });
  });
}

setUp();
renderList();
fromHash();
