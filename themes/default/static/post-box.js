/* The post-box summary: keep the points typed under each session on this device
   (localStorage, under the form's key; never sent anywhere), and gather them, grouped by
   session, into the note's points slot, which letter-save.js puts in the saved note. */
(function () {
  "use strict";
  // The interface strings (theme/i18n-<lang>.js, loaded first); the message id without it.
  var T = (typeof window !== "undefined" && window.coursebookT) || function (id) { return id; };
  var form = document.getElementById("letter-form");
  if (!form) return;
  var areas = form.querySelectorAll("textarea[data-heading]");
  var points = form.querySelector(".post-box-points");
  var status = document.querySelector(".post-box-status");
  var inputs = form.querySelectorAll("input[name], textarea[name]:not(.post-box-points)");
  var key = form.getAttribute("data-key");
  var store = null;
  try { store = window.localStorage; } catch (e) { store = null; }

  // One point per line; empty lines and a leading "-" or "*" are left out.
  function lines(text) {
    return text.split(/\r\n?|\n/).map(function (l) {
      return l.replace(/^\s*[-*\u2022]\s*/, "").trim();
    }).filter(function (l) { return l !== ""; });
  }

  // Each session that has points: its heading, then its points as "- " lines.
  function gather() {
    var groups = [], count = 0;
    Array.prototype.forEach.call(areas, function (a) {
      var ls = lines(a.value);
      if (!ls.length) return;
      count += ls.length;
      groups.push(a.getAttribute("data-heading") + "\n" + ls.map(function (l) { return "- " + l; }).join("\n"));
    });
    if (points) points.value = groups.join("\n\n");
    if (status) {
      status.textContent = count ? T("n_points_into_note", { n: count, sessions: T("n_sessions", { n: groups.length }) }) : "";
    }
  }
  function remember() {
    if (!store || !key) return;
    var values = {};
    Array.prototype.forEach.call(inputs, function (i) { if (i.value) values[i.name] = i.value; });
    try { store.setItem(key, JSON.stringify(values)); } catch (e) { /* full or refused: not kept */ }
  }
  function recall() {
    var kept = null;
    try { kept = store && key ? JSON.parse(store.getItem(key) || "null") : null; } catch (e) { kept = null; }
    if (!kept || typeof kept !== "object") return;
    Array.prototype.forEach.call(inputs, function (i) {
      if (typeof kept[i.name] === "string") i.value = kept[i.name];
    });
  }

  form.addEventListener("input", function () { gather(); remember(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  recall();
  gather();

  var clear = document.querySelector(".clear-post-box");
  if (clear) {
    clear.hidden = false;
    clear.addEventListener("click", function () {
      Array.prototype.forEach.call(inputs, function (i) { i.value = ""; });
      if (store && key) { try { store.removeItem(key); } catch (e) { /* nothing kept */ } }
      gather();
    });
  }
})();
