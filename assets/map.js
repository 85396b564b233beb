// unxref map.html: the page script. Reads the graph from the JSON element
// #map-data, draws it with sigma.js (WebGL), and wires the search box, the
// Details region, the filters, hover highlighting, the URL hash and PNG
// export. No network: everything it uses is in the page.
(function () {
  "use strict";

  var T0 = performance.now(), timings = {};
  var D = JSON.parse(document.getElementById("map-data").textContent);
  timings.parse = performance.now() - T0;
  var N = D.nodes.id, NK = D.nodes, E = D.edges;
  var n = N.length, m = E.source.length;
  var UNKNOWN_KIND = D.kinds.length - 1;
  var $ = function (id) { return document.getElementById(id); };

  // ---------------------------------------------------------------- adjacency
  var incoming = [], outgoing = [];
  for (var i = 0; i < n; i++) { incoming.push([]); outgoing.push([]); }
  for (var e = 0; e < m; e++) {
    outgoing[E.source[e]].push(e);
    incoming[E.target[e]].push(e);
  }

  // ------------------------------------------------------------------ search
  // An id as users type it: "70/1", "resolution 2178 (2014)",
  // "S/RES/2178 (2014)", "217 A (III)", "decision 73/546", "A/RES/70/1".
  function idKey(s) {
    var t = String(s).toUpperCase().replace(/[\u00a0\s]+/g, " ").trim();
    t = t.replace(/^(?:(?:GENERAL ASSEMBLY|SECURITY COUNCIL|HUMAN RIGHTS COUNCIL|ECOSOC|GA|SC|HRC)\s+)?(?:RESOLUTIONS?|RES\.?|DECISIONS?|DEC\.?)\s+/, "");
    t = t.replace(/\s+/g, "");
    // "217A(III)", "53/243AANDB" → "217(III)", "53/243"
    t = t.replace(/^(\d+)[A-H](\()/, "$1$2").replace(/^(\d+\/\d+)[A-H](?:AND[A-H])?$/, "$1");
    return t;
  }
  var byKey = new Map();
  function addKey(k, i) {
    if (!k) return;
    var list = byKey.get(k);
    if (!list) byKey.set(k, (list = []));
    if (list.indexOf(i) < 0) list.push(i);
  }
  var keys = new Array(n), labelKeys = new Array(n), haystack = new Array(n);
  for (i = 0; i < n; i++) {
    keys[i] = idKey(N[i]);
    labelKeys[i] = idKey(NK.label[i]);
    addKey(keys[i], i);
    addKey(labelKeys[i], i);
    // "dec. 73/546" → also "73/546"
    addKey(labelKeys[i].replace(/^(?:E|HRC)?(?:DEC\.)?/, ""), i);
    haystack[i] = (N[i] + " " + NK.title[i]).toLowerCase();
  }
  byKey.forEach(function (list) { list.sort(byRank); });
  function byRank(a, b) { return NK.rank[a] - NK.rank[b]; }

  /** Best matches of a query, best first: exact ids, then ids starting
   *  with it, then texts whose id or title holds every word. */
  function search(q, limit) {
    q = String(q || "").trim();
    if (!q) return [];
    var k = idKey(q), seen = new Set(), out = [];
    function take(i) { if (!seen.has(i)) { seen.add(i); out.push(i); } }
    (byKey.get(k) || []).forEach(take);
    var prefix = [], words = [];
    var ws = q.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    for (var i = 0; i < n; i++) {
      if (seen.has(i)) continue;
      if (k.length >= 2 && (keys[i].indexOf(k) === 0 || labelKeys[i].indexOf(k) === 0)) prefix.push(i);
      else if (ws.every(function (w) { return haystack[i].indexOf(w) >= 0; })) words.push(i);
    }
    prefix.sort(byRank).forEach(take);
    words.sort(byRank).forEach(take);
    return out.slice(0, limit || 10);
  }

  // ----------------------------------------------------------------- filters
  var visible = new Uint8Array(n).fill(1);
  var years = NK.year.filter(function (y) { return y !== null; });
  var minYear = years.length ? Math.min.apply(null, years) : 1945;
  var maxYear = years.length ? Math.max.apply(null, years) : 2030;
  var kindsBox = $("kinds");
  var kindCount = new Array(D.kinds.length).fill(0);
  NK.kind.forEach(function (k) { kindCount[k]++; });
  D.kinds.forEach(function (k, ki) {
    if (!kindCount[ki]) return;
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.value = String(ki);
    box.setAttribute("data-kind", k.name);
    var sw = document.createElement("span");
    sw.className = "swatch"; sw.style.background = k.color;
    label.appendChild(box); label.appendChild(sw);
    label.appendChild(document.createTextNode(k.legend + " (" + kindCount[ki] + ")"));
    kindsBox.appendChild(label);
  });
  $("year-min").value = minYear; $("year-min").min = minYear; $("year-min").max = maxYear;
  $("year-max").value = maxYear; $("year-max").min = minYear; $("year-max").max = maxYear;
  if (D.note) $("note").textContent = D.note;

  function applyFilters() {
    var kinds = new Set();
    kindsBox.querySelectorAll("input").forEach(function (b) { if (b.checked) kinds.add(+b.value); });
    var y0 = parseInt($("year-min").value, 10), y1 = parseInt($("year-max").value, 10);
    if (isNaN(y0)) y0 = minYear;
    if (isNaN(y1)) y1 = maxYear;
    var narrowed = y0 > minYear || y1 < maxYear;
    var corpusOnly = $("corpus-only").checked;
    var minCited = parseInt($("min-cited").value, 10) || 0;
    var shown = 0;
    for (var i = 0; i < n; i++) {
      var y = NK.year[i];
      var ok = kinds.has(NK.kind[i]) &&
        (y === null ? !narrowed : y >= y0 && y <= y1) &&
        (!corpusOnly || NK.corpus[i] === 1) &&
        NK.cited_by[i] >= minCited;
      visible[i] = ok ? 1 : 0;
      shown += visible[i];
    }
    $("count").textContent = shown.toLocaleString("en") + " of " + n.toLocaleString("en") +
      " texts shown, " + m.toLocaleString("en") + " citation links in all";
    refresh();
  }
  ["year-min", "year-max", "corpus-only", "min-cited"].forEach(function (id) {
    $(id).addEventListener("change", applyFilters);
    $(id).addEventListener("input", applyFilters);
  });
  kindsBox.addEventListener("change", applyFilters);

  // ------------------------------------------------------------------- graph
  var graph = null, renderer = null, hovered = null, selected = null;
  var focusSet = null; // the focused node and its neighbours
  var color = function (i) { return D.kinds[NK.kind[i]].color; };
  function position(i, mode) {
    if (mode === "year") {
      var y = NK.year[i];
      var span = Math.max(1, maxYear - minYear);
      var x = y === null ? -1100 : -1000 + 2000 * (y - minYear) / span;
      return { x: x, y: NK.y[i] };
    }
    return { x: NK.x[i], y: NK.y[i] };
  }
  function setFocus() {
    var f = hovered !== null ? hovered : selected;
    if (f === null) { focusSet = null; return; }
    focusSet = new Set([f]);
    incoming[f].forEach(function (e) { focusSet.add(E.source[e]); });
    outgoing[f].forEach(function (e) { focusSet.add(E.target[e]); });
  }
  function refresh() {
    setFocus();
    if (renderer) renderer.refresh({ skipIndexation: true });
  }

  var status = { ready: false, webgl: false, error: null, timings: timings };
  try {
    var GraphClass = (window.graphology && (window.graphology.Graph || window.graphology));
    graph = new GraphClass({ type: "directed", multi: false, allowSelfLoops: false });
    for (i = 0; i < n; i++) {
      var p = position(i, "force");
      graph.addNode(String(i), {
        x: p.x, y: p.y, size: NK.size[i], color: color(i), label: NK.label[i],
        borderColor: NK.corpus[i] ? "#222222" : color(i),
        borderSize: NK.corpus[i] ? 0.18 : 0
      });
    }
    for (e = 0; e < m; e++) {
      graph.addDirectedEdgeWithKey(String(e), String(E.source[e]), String(E.target[e]),
        { size: Math.min(4, 0.6 + 0.3 * Math.log(1 + E.weight[e])) });
    }
    timings.graph = performance.now() - T0;
    var SigmaClass = window.Sigma;
    var Bordered = SigmaClass.rendering.createNodeBorderProgram({
      borders: [
        { size: { attribute: "borderSize", defaultValue: 0 }, color: { attribute: "borderColor" } },
        { size: { fill: true }, color: { attribute: "color" } }
      ]
    });
    renderer = new SigmaClass(graph, $("graph"), {
      defaultNodeType: "bordered",
      nodeProgramClasses: { bordered: Bordered },
      // Arrow heads double the triangles to draw: above 20,000 links the
      // direction is left to the Details panel (and to the highlight colours).
      defaultEdgeType: m > 20000 ? "line" : "arrow",
      hideEdgesOnMove: m > 20000,
      defaultEdgeColor: "#c8c8c8",
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 4,
      labelFont: "system-ui, sans-serif",
      zIndex: true,
      minEdgeThickness: 0.5,
      stagePadding: 20,
      nodeReducer: function (node, data) {
        var i = +node, res = Object.assign({}, data);
        if (!visible[i]) { res.hidden = true; return res; }
        if (focusSet) {
          if (focusSet.has(i)) {
            res.zIndex = 2;
            var f = hovered !== null ? hovered : selected;
            if (i === f) { res.highlighted = true; res.forceLabel = true; res.zIndex = 3; }
            else if (focusSet.size <= 60) res.forceLabel = true;
          } else {
            res.color = "#e6e6e6"; res.borderColor = "#e6e6e6"; res.label = ""; res.zIndex = 0;
          }
        }
        return res;
      },
      edgeReducer: function (edge, data) {
        var e = +edge, s = E.source[e], t = E.target[e], res = Object.assign({}, data);
        if (!visible[s] || !visible[t]) { res.hidden = true; return res; }
        if (focusSet) {
          var f = hovered !== null ? hovered : selected;
          if (s === f || t === f) { res.color = s === f ? "#555555" : "#0b57d0"; res.zIndex = 1; }
          else res.hidden = true;
        }
        return res;
      }
    });
    renderer.on("enterNode", function (ev) { hovered = +ev.node; refresh(); });
    renderer.on("leaveNode", function () { hovered = null; refresh(); });
    renderer.on("clickNode", function (ev) { select(+ev.node, { center: false }); });
    status.webgl = true;
    timings.sigma = performance.now() - T0;
  } catch (err) {
    status.error = String(err && err.message || err);
    var msg = document.createElement("p");
    msg.className = "webgl-error";
    msg.textContent = "The map cannot be drawn in this browser (" + status.error +
      "); search and details still work.";
    $("graph").appendChild(msg);
    renderer = null;
  }

  $("layout").addEventListener("change", function () {
    if (!graph) return;
    var mode = $("layout").value;
    graph.updateEachNodeAttributes(function (node, attr) {
      var p = position(+node, mode);
      attr.x = p.x; attr.y = p.y;
      return attr;
    });
    if (renderer) renderer.getCamera().animatedReset({ duration: 300 });
  });

  // ----------------------------------------------------------------- details
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined && text !== null) x.textContent = text;
    return x;
  }
  function fmtPr(x) { return x.toPrecision(3); }
  function yearOf(i) { return NK.date[i] || (NK.year[i] === null ? "" : String(NK.year[i])); }
  function entry(i, e, showPassage) {
    var li = el("li");
    var b = el("button", null, N[i]);
    b.type = "button";
    b.setAttribute("data-node", N[i]);
    b.addEventListener("click", function () { select(i, { center: true }); });
    li.appendChild(b);
    var meta = [yearOf(i), D.kinds[NK.kind[i]].legend].filter(Boolean).join(" · ");
    li.appendChild(el("span", "meta", " " + meta));
    if (NK.title[i]) li.appendChild(el("div", "meta", NK.title[i]));
    if (showPassage && e !== null) {
      var para = E.paragraph[e], ctx = E.context[e] || E.cue[e];
      if (para || ctx) {
        var pass = el("p", "passage");
        if (para) pass.appendChild(el("span", "para", para));
        pass.appendChild(document.createTextNode(ctx || ""));
        if (E.weight[e] > 1) pass.appendChild(el("span", "meta", " (" + E.weight[e] + " mentions)"));
        li.appendChild(pass);
      }
    }
    return li;
  }
  var LIST_MAX = 300;
  function list(box, heading, items, showPassage) {
    box.appendChild(el("h3", null, heading + " (" + items.length + ")"));
    var ol = el("ol");
    ol.setAttribute("aria-label", heading);
    function fill(upTo) {
      ol.textContent = "";
      items.slice(0, upTo).forEach(function (it) { ol.appendChild(entry(it.node, it.edge, showPassage)); });
      if (items.length > upTo) {
        var more = el("button", null, "Show all " + items.length);
        more.type = "button";
        more.addEventListener("click", function () { fill(items.length); });
        var li = el("li"); li.appendChild(more); ol.appendChild(li);
      }
    }
    fill(LIST_MAX);
    box.appendChild(ol);
  }
  function byYearThenId(a, b) {
    var ya = NK.year[a.node], yb = NK.year[b.node];
    if (ya !== yb) {
      if (ya === null) return 1;
      if (yb === null) return -1;
      return ya - yb;
    }
    return N[a.node] < N[b.node] ? -1 : N[a.node] > N[b.node] ? 1 : 0;
  }
  function showDetails(i) {
    var box = $("details");
    box.textContent = "";
    if (i === null) {
      box.appendChild(el("p", "hint", "Search a text or click one on the map to see who cites it and why."));
      return;
    }
    box.appendChild(el("h2", null, N[i]));
    box.appendChild(el("p", "title", NK.title[i] || "(no title known)"));
    var dl = el("dl");
    function row(k, v) { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, v)); }
    row("Kind", D.kinds[NK.kind[i]].legend);
    if (NK.date[i]) row("Date", NK.date[i]);
    row("Year", NK.year[i] === null ? "unknown" : String(NK.year[i]));
    if (NK.body[i]) row("Body", NK.body[i]);
    row("In corpus", NK.corpus[i] ? "yes" : "no (only cited)");
    row("PageRank", fmtPr(NK.pagerank[i]) + " (rank " + NK.rank[i].toLocaleString("en") + " of " +
      D.graph_nodes.toLocaleString("en") + ")");
    row("Cited by", NK.cited_by[i] + " texts");
    row("Cites", NK.cites[i] + " texts");
    box.appendChild(dl);
    var citing = incoming[i].map(function (e) { return { node: E.source[e], edge: e }; }).sort(byYearThenId);
    var cited = outgoing[i].map(function (e) { return { node: E.target[e], edge: e }; }).sort(byYearThenId);
    list(box, "Cited by", citing, true);
    list(box, "Cites", cited, true);
  }

  function centre(i) {
    if (!renderer) return;
    var d = renderer.getNodeDisplayData(String(i));
    if (!d) return;
    var cam = renderer.getCamera();
    cam.animate({ x: d.x, y: d.y, ratio: Math.min(cam.ratio, 0.5) }, { duration: 400 });
  }

  function select(i, opts) {
    selected = i;
    showDetails(i);
    refresh();
    if (i !== null) {
      var h = "#" + encodeURI(N[i]).replace(/#/g, "%23");
      if (location.hash !== h) history.replaceState(null, "", h);
      if (!opts || opts.center !== false) centre(i);
    }
    status.selected = i === null ? null : N[i];
  }

  // ------------------------------------------------------- suggestions, keys
  var input = $("search"), sug = $("suggestions"), active = -1, current = [];
  function closeSuggestions() {
    sug.hidden = true; sug.textContent = ""; active = -1; current = [];
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
  function setActive(k) {
    var items = sug.querySelectorAll("li");
    items.forEach(function (li, j) { li.setAttribute("aria-selected", j === k ? "true" : "false"); });
    active = k;
    if (k >= 0 && items[k]) {
      input.setAttribute("aria-activedescendant", items[k].id);
      items[k].scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  }
  function suggest() {
    current = search(input.value, 10);
    sug.textContent = "";
    if (!current.length) { closeSuggestions(); return; }
    current.forEach(function (i, j) {
      var li = el("li");
      li.id = "sug-" + j;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.appendChild(el("span", "sid", N[i]));
      li.appendChild(el("span", "meta", " " + [yearOf(i), D.kinds[NK.kind[i]].legend].filter(Boolean).join(" · ")));
      if (NK.title[i]) li.appendChild(el("span", "stitle", NK.title[i]));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      sug.appendChild(li);
    });
    sug.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
  }
  function choose(i) {
    closeSuggestions();
    input.value = N[i];
    select(i, { center: true });
  }
  input.addEventListener("input", suggest);
  input.addEventListener("focus", function () { if (input.value) suggest(); });
  input.addEventListener("blur", function () { setTimeout(closeSuggestions, 150); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") {
      if (sug.hidden) suggest();
      if (current.length) setActive((active + 1) % current.length);
      ev.preventDefault();
    } else if (ev.key === "ArrowUp") {
      if (current.length) setActive(active <= 0 ? current.length - 1 : active - 1);
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      var pick = active >= 0 ? current[active] : search(input.value, 1)[0];
      if (pick !== undefined) choose(pick);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      if (!sug.hidden) closeSuggestions();
      else { input.value = ""; select(null); }
      ev.preventDefault();
    }
  });

  // --------------------------------------------------------------- URL hash
  function fromHash() {
    var h = location.hash.slice(1);
    if (!h) return;
    var id;
    try { id = decodeURIComponent(h); } catch (err) { id = h; }
    var hit = search(id, 1)[0];
    if (hit !== undefined && (selected === null || hit !== selected)) {
      input.value = N[hit];
      select(hit, { center: true });
    }
  }
  window.addEventListener("hashchange", fromHash);

  // ---------------------------------------------------------------- PNG save
  /** The map as drawn now, on one 2D canvas over a white background. */
  function snapshot() {
    if (!renderer) return null;
    renderer.refresh();
    var canvases = renderer.getCanvases();
    var dims = renderer.getDimensions();
    var ratio = window.devicePixelRatio || 1;
    var out = document.createElement("canvas");
    out.width = dims.width * ratio; out.height = dims.height * ratio;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    Object.keys(canvases).forEach(function (k) {
      ctx.drawImage(canvases[k], 0, 0, out.width, out.height);
    });
    return out;
  }
  function savePng() {
    var out = snapshot();
    if (!out) return;
    out.toBlob(function (blob) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "map.png";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    }, "image/png");
  }
  /** Share of the snapshot's pixels that are not white (0 for a blank map). */
  function ink() {
    var c = snapshot();
    if (!c) return 0;
    var d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data, k = 0;
    for (var j = 0; j < d.length; j += 4) if (d[j] < 250 || d[j + 1] < 250 || d[j + 2] < 250) k++;
    return k / (d.length / 4);
  }
  $("save-png").addEventListener("click", savePng);

  // ------------------------------------------------------------------- start
  applyFilters();
  fromHash();
  timings.ready = performance.now() - T0;
  status.ready = true;
  window.unxrefMap = { status: status, search: function (q) { return search(q, 10).map(function (i) { return N[i]; }); },
    select: function (id) { var i = search(id, 1)[0]; if (i !== undefined) select(i, { center: true }); return i !== undefined; },
    snapshot: snapshot, ink: ink, nodes: n, edges: m };
})();
