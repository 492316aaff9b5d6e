// The fleet report's behaviour: pan and zoom of the graph, search, and the link from a node to
// its row. No dependencies; the page's Content-Security-Policy allows this script only.
(function () {
  'use strict';
  var svg = document.getElementById('graph');
  var viewport = document.getElementById('viewport');
  var search = document.getElementById('search');
  var count = document.getElementById('search-count');
  var full = { x: 0, y: 0, w: Number(svg.dataset.width) || 1, h: Number(svg.dataset.height) || 1 };
  var view = null;

  // Names come from the page as data, never as markup or selectors: look them up in maps.
  var nodes = new Map();
  svg.querySelectorAll('g.node').forEach(function (g) { nodes.set(g.dataset.node, g); });
  var edges = Array.prototype.slice.call(svg.querySelectorAll('path.edge'));
  var imageRows = new Map();
  var words = new Map();
  document.querySelectorAll('#image-table tbody tr').forEach(function (tr) {
    imageRows.set(tr.dataset.image, tr);
    words.set(tr.dataset.image, tr.dataset.search);
  });
  var otherRows = Array.prototype.slice.call(document.querySelectorAll('tr[data-image]:not([data-search])'));

  function show(v) {
    view = v;
    svg.setAttribute('viewBox', [v.x, v.y, v.w, v.h].join(' '));
  }

  // The view keeps the viewport's aspect ratio, so a pixel maps to the same length both ways.
  function ratio() {
    return viewport.clientWidth / Math.max(1, viewport.clientHeight);
  }

  // The whole graph, but never larger than life: a small fleet stays at its natural size.
  function fit() {
    var r = ratio();
    var w = Math.max(full.w, full.h * r, viewport.clientWidth);
    var h = w / r;
    show({ x: full.x - (w - full.w) / 2, y: full.y - (h - full.h) / 2, w: w, h: h });
  }

  // A graph too big to read whole opens at the top left of its largest component (the popular
  // base images and what is built from them), as wide as fits but no smaller than 60 %; Fit
  // shows all of it.
  function start() {
    fit();
    if (viewport.clientWidth / view.w >= 0.3) { return; }
    var box = (svg.dataset.largest || '0 0 0 0').split(' ').map(Number);
    var w = Math.min(Math.max(box[2] + 24, viewport.clientWidth), viewport.clientWidth / 0.6);
    show({ x: box[0] - 12, y: box[1] - 12, w: w, h: w / ratio() });
  }

  function zoom(factor, px, py) {
    var limit = Math.max(full.w, full.h) * 4;
    var w = Math.min(limit, Math.max(40, view.w * factor));
    var f = w / view.w;
    var cx = view.x + px * view.w;
    var cy = view.y + py * view.h;
    show({ x: cx - (cx - view.x) * f, y: cy - (cy - view.y) * f, w: w, h: view.h * f });
  }

  function centerOn(g) {
    var box = g.getBBox();
    var t = g.transform.baseVal.consolidate();
    var x = (t ? t.matrix.e : 0) + box.width / 2;
    var y = (t ? t.matrix.f : 0) + box.height / 2;
    var w = Math.min(view.w, 900);
    var h = w / ratio();
    show({ x: x - w / 2, y: y - h / 2, w: w, h: h });
  }

  viewport.addEventListener('wheel', function (e) {
    e.preventDefault();
    var rect = viewport.getBoundingClientRect();
    zoom(Math.exp(e.deltaY * 0.0015), (e.clientX - rect.left) / rect.width, (e.clientY - rect.top) / rect.height);
  }, { passive: false });

  var drag = null;
  viewport.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) { return; }
    drag = { x: e.clientX, y: e.clientY, view: view, moved: false };
    viewport.setPointerCapture(e.pointerId);
  });
  viewport.addEventListener('pointermove', function (e) {
    if (!drag) { return; }
    var dx = e.clientX - drag.x;
    var dy = e.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) {
      drag.moved = true;
      viewport.classList.add('dragging');
    }
    var scale = drag.view.w / viewport.clientWidth;
    show({ x: drag.view.x - dx * scale, y: drag.view.y - dy * scale, w: drag.view.w, h: drag.view.h });
  });
  viewport.addEventListener('pointerup', function (e) {
    var wasClick = drag && !drag.moved;
    drag = null;
    viewport.classList.remove('dragging');
    // Pointer capture sends the click to the viewport: find the node under the pointer ourselves.
    var hit = wasClick ? document.elementFromPoint(e.clientX, e.clientY) : null;
    var g = hit && hit.closest ? hit.closest('g.node') : null;
    if (g && svg.contains(g)) { select(g.dataset.node, true); }
  });
  viewport.addEventListener('pointercancel', function () {
    drag = null;
    viewport.classList.remove('dragging');
  });

  document.getElementById('zoom-in').addEventListener('click', function () { zoom(1 / 1.5, 0.5, 0.5); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoom(1.5, 0.5, 0.5); });
  document.getElementById('fit').addEventListener('click', fit);
  window.addEventListener('resize', fit);

  var selected = null;
  function select(name, scroll) {
    if (selected) {
      var old = nodes.get(selected);
      if (old) { old.classList.remove('selected'); }
      var oldRow = imageRows.get(selected);
      if (oldRow) { oldRow.classList.remove('hl'); }
    }
    selected = name;
    var g = nodes.get(name);
    if (g) { g.classList.add('selected'); }
    var row = imageRows.get(name);
    if (row) {
      row.hidden = false;
      row.classList.add('hl');
      if (scroll) { row.scrollIntoView({ block: 'center' }); }
    }
  }

  // A name in any table shows its node in the graph.
  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('button.focus') : null;
    var tr = button ? button.closest('tr[data-image]') : null;
    if (!tr) { return; }
    var g = nodes.get(tr.dataset.image);
    select(tr.dataset.image, false);
    if (g) {
      centerOn(g);
      viewport.scrollIntoView({ block: 'center' });
    }
  });

  function filter() {
    var q = search.value.trim().toLowerCase();
    var matches = new Set();
    words.forEach(function (text, name) {
      if (!q || text.indexOf(q) >= 0) { matches.add(name); }
    });
    imageRows.forEach(function (tr, name) { tr.hidden = !matches.has(name); });
    otherRows.forEach(function (tr) { tr.hidden = !matches.has(tr.dataset.image); });
    nodes.forEach(function (g, name) { g.classList.toggle('dim', !matches.has(name)); });
    edges.forEach(function (p) {
      p.classList.toggle('dim', !(matches.has(p.dataset.from) && matches.has(p.dataset.to)));
    });
    count.textContent = q ? matches.size + ' of ' + words.size + ' images' : '';
  }
  search.addEventListener('input', filter);

  // A small graph gets a viewport of its own height rather than a mostly empty box.
  viewport.style.height = Math.max(160, Math.min(window.innerHeight * 0.7, full.h + 2)) + 'px';
  start();
  if (search.value) { filter(); }
  // Marks the moment the graph is on screen, for people and the browser test to measure.
  window.requestAnimationFrame(function () {
    window.requestAnimationFrame(function () {
      performance.mark('report-drawn');
      document.documentElement.setAttribute('data-ready', 'true');
    });
  });
}());
