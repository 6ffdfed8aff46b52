/* coursebook serve: reloads the page when the site changes, keeping the scroll position,
   and shows build errors over the page. Added by `coursebook serve` only, never by `build`. */
(function () {
  "use strict";
  var me = document.currentScript;
  var generation = me ? me.getAttribute("data-generation") : null;
  var key = "coursebook-scroll:" + location.pathname;

  try {
    var saved = sessionStorage.getItem(key);
    if (saved !== null) {
      sessionStorage.removeItem(key);
      var y = parseInt(saved, 10) || 0;
      window.scrollTo(0, y);
      // Images and fonts can move things after load; try again once they are in.
      window.addEventListener("load", function () { window.scrollTo(0, y); });
    }
  } catch (e) { /* storage may be disabled */ }

  function reload() {
    try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) { }
    location.reload();
  }

  var overlay = null;
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function line(d) {
    var where = d.path || "";
    if (where && d.line > 0) where += ":" + d.line + ":" + Math.max(d.col, 1);
    return (where ? where + ": " : "") + d.severity + ": " + d.message;
  }
  function show(diags) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "coursebook-errors";
    overlay.setAttribute("role", "alert");
    var s = overlay.style;
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0";
    s.maxHeight = "60vh"; s.overflow = "auto"; s.zIndex = "2147483647";
    s.background = "#2b0b0b"; s.color = "#fff"; s.padding = "1em 1.5em";
    s.font = "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
    s.borderTop = "4px solid #e5484d"; s.boxShadow = "0 -4px 16px rgba(0,0,0,.4)";
    var head = document.createElement("strong");
    head.textContent = "The site has " + diags.length + " problem(s); showing the last good version. Fix and save to clear this.";
    overlay.appendChild(head);
    diags.forEach(function (d) {
      var p = document.createElement("pre");
      p.style.whiteSpace = "pre-wrap"; p.style.margin = ".75em 0 0";
      p.textContent = line(d) + (d.hint ? "\n  = hint: " + d.hint : "");
      overlay.appendChild(p);
    });
    var close = document.createElement("button");
    close.type = "button"; close.textContent = "Hide";
    close.style.position = "absolute"; close.style.top = ".5em"; close.style.right = "1em";
    close.addEventListener("click", hide);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }

  if (!window.EventSource) return;
  var events = new EventSource("/__coursebook/events");
  events.addEventListener("ok", function (e) {
    if (generation !== null && e.data !== generation) { reload(); return; }
    hide();
  });
  events.addEventListener("errors", function (e) {
    var diags = [];
    try { diags = JSON.parse(e.data); } catch (x) { }
    show(diags);
  });
})();
