"use strict";
// Drawing helpers of the run explorer: SVG elements, colour scales, a graph with coloured edges, path overlays.
var SVGNS = "http://www.w3.org/2000/svg";
var SIZE = 420;

function el(name, attrs, parent) {
  var e = document.createElementNS(SVGNS, name);
  for (var k in attrs) { e.setAttribute(k, attrs[k]); }
  if (parent) { parent.appendChild(e); }
  return e;
}

function clearSvg(svg) {
  while (svg.firstChild) { svg.removeChild(svg.firstChild); }
}

function at(graph, v) {
  return [graph.xy[v][0] * SIZE, graph.xy[v][1] * SIZE];
}

function mix(a, b, f) {
  var out = [];
  for (var i = 0; i < 3; i++) { out.push(Math.round(a[i] + (b[i] - a[i]) * f)); }
  return "rgb(" + out.join(",") + ")";
}

// Signed values: blue below zero, white at zero, red above; |v| = max is full colour.
function diverging(v, max) {
  var f = max > 0 ? Math.max(-1, Math.min(1, v / max)) : 0;
  return f < 0 ? mix([247, 247, 247], [33, 102, 172], -f) : mix([247, 247, 247], [178, 24, 43], f);
}

// Values in [0, 1]: light grey to orange-brown.
function sequential(f) {
  return mix([225, 225, 225], [200, 80, 0], Math.max(0, Math.min(1, f)));
}

function maxAbs(values) {
  var m = 0;
  for (var i = 0; i < values.length; i++) { m = Math.max(m, Math.abs(values[i])); }
  return m;
}

// The graph: edges styled by style(e) -> {stroke, width, title}, nodes with s and t marked.
function drawGraph(svg, graph, s, t, style) {
  clearSvg(svg);
  var defs = el("defs", {}, svg);
  ["model", "label", "sln", "steinerberger"].forEach(function (name) {
    var m = el("marker", {id: svg.id + "-arrow-" + name, viewBox: "0 0 10 10", refX: "9", refY: "5",
      markerWidth: "5", markerHeight: "5", orient: "auto-start-reverse"}, defs);
    el("path", {d: "M 0 0 L 10 5 L 0 10 z", "class": "arrow-" + name, fill: PATH_COLOURS[name]}, m);
  });
  var edges = el("g", {"class": "edges"}, svg);
  graph.edges.forEach(function (uv, e) {
    var a = at(graph, uv[0]), b = at(graph, uv[1]);
    var st = style(e);
    var line = el("line", {x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: st.stroke, "stroke-width": st.width,
      "stroke-linecap": "round", "class": "edge", "data-edge": e}, edges);
    if (st.title) { el("title", {}, line).textContent = st.title; }
  });
  el("g", {"class": "paths"}, svg);
  var nodes = el("g", {"class": "nodes"}, svg);
  for (var v = 0; v < graph.n; v++) {
    var p = at(graph, v);
    var fill = v === s ? "#2a9d3f" : v === t ? "#d1495b" : "#fff";
    var c = el("circle", {cx: p[0], cy: p[1], r: 13, fill: fill, stroke: "#333", "stroke-width": 1.5,
      "class": "node" + (v === s ? " source" : "") + (v === t ? " target" : ""), "data-node": v}, nodes);
    el("title", {}, c).textContent = "node " + v + (v === s ? " (s)" : "") + (v === t ? " (t)" : "");
    var label = el("text", {x: p[0], y: p[1] + 4.5, "text-anchor": "middle", "font-size": 13,
      fill: v === s || v === t ? "#fff" : "#222", "pointer-events": "none"}, nodes);
    label.textContent = String(v);
  }
}

var PATH_COLOURS = {model: "#6a3d9a", label: "#1b9e77", sln: "#e7298a", steinerberger: "#e6ab02"};

// A walk drawn as arrows shifted sideways by `offset` pixels so several walks stay visible on one edge.
// Steps to vertices outside the graph are left out; steps along non-edges are dashed.
function drawWalk(svg, graph, path, name, offset) {
  var g = el("g", {"class": "walk walk-" + name}, svg.querySelector(".paths"));
  for (var i = 0; i + 1 < path.length; i++) {
    var u = path[i], v = path[i + 1];
    if (u >= graph.n || v >= graph.n) { continue; }
    var a = at(graph, u), b = at(graph, v);
    var dx = b[0] - a[0], dy = b[1] - a[1], len = Math.max(1e-6, Math.hypot(dx, dy));
    var nx = -dy / len * offset, ny = dx / len * offset, shrink = 15 / len;
    var edge = graph.edges.some(function (uv) { return (uv[0] === u && uv[1] === v) || (uv[0] === v && uv[1] === u); });
    el("line", {x1: a[0] + dx * shrink + nx, y1: a[1] + dy * shrink + ny, x2: b[0] - dx * shrink + nx,
      y2: b[1] - dy * shrink + ny, stroke: PATH_COLOURS[name], "stroke-width": 3.5, "stroke-opacity": 0.85,
      "stroke-dasharray": edge ? "none" : "6 4", "marker-end": "url(#" + svg.id + "-arrow-" + name + ")",
      "class": "step", "data-step": i}, g);
  }
  return g;
}

// A ring around the node at the current step of the slider.
function markNode(svg, graph, v) {
  if (v >= graph.n) { return; }
  var p = at(graph, v);
  el("circle", {cx: p[0], cy: p[1], r: 19, fill: "none", stroke: "#6a3d9a", "stroke-width": 3, "class": "current"},
    svg.querySelector(".paths"));
}

function pearson(x, y) {
  var n = x.length, mx = 0, my = 0;
  for (var i = 0; i < n; i++) { mx += x[i] / n; my += y[i] / n; }
  var sxy = 0, sxx = 0, syy = 0;
  for (i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

function fmt(x, digits) {
  return x === undefined || x === null ? "" : Number(x).toFixed(digits === undefined ? 3 : digits);
}
