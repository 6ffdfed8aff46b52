/* coursebook search: works offline and from file://. The index is plain script files
   (searchindex.js at the site root, one shard per programme) loaded by <script> tags,
   each pushing {docs, shards} onto window.coursebookSearch. Results show as you type.
   Each entry's URL comes percent-encoded from the build (render/search.rs), ready for href. */
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var box = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !box || !status) return;
  var list = box.querySelector("ol");
  var root = document.body.getAttribute("data-root") || "";
  var docs = [];
  var seen = 0;
  var pending = 0;
  var started = false;
  var MAX = 20;

  function norm(s) {
    s = (s || "").toLowerCase();
    return s.normalize ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
  }
  function words(s) {
    return norm(s).split(/[^a-z0-9\u00c0-\uffff]+/).filter(Boolean);
  }
  function load(src) {
    pending += 1;
    var s = document.createElement("script");
    s.src = root + src;
    s.async = true;
    s.onload = s.onerror = function () {
      pending -= 1;
      ingest();
    };
    document.head.appendChild(s);
  }
  function ingest() {
    var q = window.coursebookSearch || [];
    for (; seen < q.length; seen += 1) {
      var c = q[seen];
      (c.docs || []).forEach(function (d) {
        d.tw = " " + words(d.t).join(" ");
        d.all = d.tw + " " + words([d.w, d.s, d.x].join(" ")).join(" ");
        docs.push(d);
      });
      (c.shards || []).forEach(load);
    }
    if (input.value.trim()) run();
  }
  function start() {
    if (started) return;
    started = true;
    load("searchindex.js");
  }
  function has(hay, tokens) {
    for (var i = 0; i < tokens.length; i += 1) {
      if (hay.indexOf(" " + tokens[i]) < 0) return false;
    }
    return true;
  }
  function search(q) {
    var tokens = words(q);
    if (!tokens.length) return [];
    var hits = [];
    docs.forEach(function (d, i) {
      if (!has(d.all, tokens)) return;
      var score = 0;
      if (has(d.tw, tokens)) score = 100;
      else if (has(d.tw, tokens.slice(0, 1))) score = 50;
      if (d.tw.indexOf(" " + tokens[0]) === 0) score += 10;
      if (/^Prompt/.test(d.w)) score -= 5;
      hits.push({ d: d, score: score, i: i });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    return hits;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function run() {
    var q = input.value.trim();
    list.textContent = "";
    if (!q) {
      box.hidden = true;
      status.textContent = "";
      return;
    }
    var hits = search(q);
    hits.slice(0, MAX).forEach(function (h) {
      var li = el("li");
      var a = el("a");
      a.href = root + h.d.u;
      a.appendChild(el("span", "sr-title", h.d.t));
      if (h.d.w) a.appendChild(el("span", "sr-when", h.d.w));
      if (h.d.s) a.appendChild(el("span", "sr-snippet", h.d.s));
      li.appendChild(a);
      list.appendChild(li);
    });
    var msg;
    if (hits.length) msg = hits.length + (hits.length === 1 ? " result" : " results") + (hits.length > MAX ? ", first " + MAX + " shown" : "");
    else msg = pending ? "Loading the index…" : "No results for “" + q + "”";
    status.textContent = msg;
    if (!hits.length) list.appendChild(el("li", "sr-empty", msg));
    box.hidden = false;
  }
  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }
  function close() {
    box.hidden = true;
  }
  input.addEventListener("focus", start);
  input.addEventListener("input", function () {
    start();
    run();
  });
  input.addEventListener("keydown", function (e) {
    var l = links();
    if (e.key === "ArrowDown" && l.length) {
      e.preventDefault();
      l[0].focus();
    } else if (e.key === "Enter" && l.length) {
      e.preventDefault();
      l[0].click();
    } else if (e.key === "Escape") {
      input.value = "";
      run();
    }
  });
  box.addEventListener("keydown", function (e) {
    var l = links();
    var i = l.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && i < l.length - 1) {
      e.preventDefault();
      l[i + 1].focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (i > 0) l[i - 1].focus();
      else input.focus();
    } else if (e.key === "Escape") {
      close();
      input.focus();
    }
  });
  document.addEventListener("click", function (e) {
    if (!box.contains(e.target) && e.target !== input) close();
  });
  input.addEventListener("focus", function () {
    if (input.value.trim()) run();
  });
})();
