// The 404 page: a web server shows it at any depth, where its links, written from the
// site's top level (or from the path of `site-url`), would miss. This script, loaded by
// whichever of its two <script> tags reaches the site's theme/ folder, takes the site's
// root from its own address and points the page's links and images there.
(function () {
  "use strict";
  if (window.coursebookNotFound) return;
  var me = document.currentScript;
  var src = me && me.src;
  var tail = "theme/not-found.js";
  if (!src) return;
  var at = src.split(/[?#]/)[0];
  if (at.slice(-tail.length) !== tail) return;
  window.coursebookNotFound = true;
  var root = at.slice(0, -tail.length);
  var written = document.body ? document.body.getAttribute("data-root") || "" : "";
  function mend(el, attr) {
    var v = el.getAttribute(attr);
    if (!v || v.charAt(0) === "#" || /^[a-z][a-z0-9+.-]*:/i.test(v) || v.slice(0, 2) === "//") return;
    if (written && v.indexOf(written) === 0) v = v.slice(written.length);
    else if (written || v.charAt(0) === "/") return;
    el.setAttribute(attr, root + v);
  }
  function run() {
    document.querySelectorAll("a[href]").forEach(function (a) { mend(a, "href"); });
    document.querySelectorAll("img[src]").forEach(function (i) { mend(i, "src"); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
