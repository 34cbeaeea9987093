// Draws the correspondence network as SVG with a small force layout.
// Data: /network.json (nodes with id, label, href, docs; edges with source,
// target, weight and the dated letters). No libraries.
(function () {
  "use strict";
  var box = document.getElementById("network");
  if (!box) return;
  var SVG = "http://www.w3.org/2000/svg";
  var form = document.getElementById("years");
  var fromIn = document.getElementById("from"), toIn = document.getElementById("to");
  var countEl = document.getElementById("netcount"), list = document.getElementById("edges");
  var data = null;

  function el(name, attrs) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  function year(v) { var n = parseInt(v, 10); return isNaN(n) ? 0 : n; }

  // filter keeps the letters of the chosen years, as the server does.
  function filter(net, from, to) {
    if (!from && !to) return net;
    var edges = [], used = {};
    net.edges.forEach(function (e) {
      var docs = e.docs.filter(function (d) {
        return d.year && (!from || d.year >= from) && (!to || d.year <= to);
      });
      if (!docs.length) return;
      edges.push({ source: e.source, target: e.target, weight: docs.length, docs: docs });
      used[e.source] = (used[e.source] || 0) + docs.length;
      used[e.target] = (used[e.target] || 0) + docs.length;
    });
    var nodes = net.nodes.filter(function (n) { return used[n.id]; });
    return { nodes: nodes, edges: edges };
  }

  // layout places the nodes with Fruchterman and Reingold's force model:
  // every pair repels, every edge attracts (more with more letters), a weak
  // pull keeps the drawing centred, and the step shrinks as it cools.
  function layout(nodes, edges, w, h) {
    var byId = {}, n = Math.max(nodes.length, 1);
    nodes.forEach(function (nd, i) {
      var a = 2 * Math.PI * i / n;
      nd.x = w / 2 + Math.cos(a) * w / 4; nd.y = h / 2 + Math.sin(a) * h / 4;
      byId[nd.id] = nd;
    });
    var k = Math.sqrt(w * h / n) * 0.55, steps = 300;
    for (var step = 0; step < steps; step++) {
      var temp = (w / 12) * (1 - step / steps) + 0.5;
      nodes.forEach(function (nd) { nd.dx = 0; nd.dy = 0; });
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y;
          var d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.01), f = k * k / d;
          a.dx += dx / d * f; a.dy += dy / d * f; b.dx -= dx / d * f; b.dy -= dy / d * f;
        }
      }
      edges.forEach(function (e) {
        var a = byId[e.source], b = byId[e.target];
        var dx = a.x - b.x, dy = a.y - b.y, d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.01);
        var f = d * d / k * (1 + Math.log(e.weight));
        a.dx -= dx / d * f; a.dy -= dy / d * f; b.dx += dx / d * f; b.dy += dy / d * f;
      });
      nodes.forEach(function (nd) {
        nd.dx += (w / 2 - nd.x) * 0.6; nd.dy += (h / 2 - nd.y) * 0.6;
        var len = Math.max(Math.sqrt(nd.dx * nd.dx + nd.dy * nd.dy), 0.01), m = Math.min(len, temp);
        nd.x += nd.dx / len * m; nd.y += nd.dy / len * m;
        nd.x = Math.max(30, Math.min(w - 140, nd.x)); nd.y = Math.max(25, Math.min(h - 25, nd.y));
      });
    }
    return byId;
  }

  function draw() {
    var net = filter(data, year(fromIn.value), year(toIn.value));
    while (box.firstChild) box.removeChild(box.firstChild);
    list.textContent = "";
    var w = box.clientWidth || 800, h = box.clientHeight || 500;
    var svg = el("svg", { viewBox: "0 0 " + w + " " + h, role: "img", "aria-label": "Correspondence network" });
    var nodes = net.nodes.map(function (n) { return { id: n.id, label: n.label, href: n.href, docs: n.docs }; });
    var byId = layout(nodes, net.edges, w, h);
    var letters = 0;
    net.edges.forEach(function (e) {
      var a = byId[e.source], b = byId[e.target];
      letters += e.weight;
      var line = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": 1 + Math.min(e.weight, 8) });
      var title = el("title", {});
      title.textContent = a.label + " – " + b.label + ": " + e.weight + " letter" + (e.weight === 1 ? "" : "s");
      line.appendChild(title);
      svg.appendChild(line);
      var li = document.createElement("li");
      li.textContent = a.label + " – " + b.label + ": " + e.weight;
      list.appendChild(li);
    });
    nodes.forEach(function (n) {
      var g = el("g", { "class": "node", "data-id": n.id });
      var c = el("circle", { cx: n.x, cy: n.y, r: 5 + Math.min(Math.sqrt(n.docs) * 3, 14), tabindex: 0 });
      var title = el("title", {});
      title.textContent = n.label + " (" + n.docs + ")";
      c.appendChild(title);
      var open = function () { if (n.href) window.location.href = n.href; };
      c.addEventListener("click", open);
      c.addEventListener("keydown", function (ev) { if (ev.key === "Enter") open(); });
      var text = el("text", { x: n.x + 9, y: n.y + 4 });
      text.textContent = n.label;
      g.appendChild(c); g.appendChild(text); svg.appendChild(g);
    });
    box.appendChild(svg);
    countEl.textContent = nodes.length + " people, " + letters + " letters";
    box.setAttribute("data-ready", "1");
  }

  form.addEventListener("submit", function (ev) {
    if (!data) return;
    ev.preventDefault();
    draw();
    var q = [];
    if (fromIn.value) q.push("from=" + encodeURIComponent(fromIn.value));
    if (toIn.value) q.push("to=" + encodeURIComponent(toIn.value));
    history.replaceState(null, "", "/network" + (q.length ? "?" + q.join("&") : ""));
  });

  fetch(box.getAttribute("data-src"), { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (net) { data = net; draw(); })
    .catch(function (err) { box.textContent = "Could not load the network: " + err.message; });
})();
