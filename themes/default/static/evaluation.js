/* The evaluation form: what is filled in is kept on this device (localStorage, under the
   form's data-key; never sent anywhere) and saved as Word or text in the page, with the
   letters' save kit and zip writer (letter-save.js, loaded first). Without script the
   form can still be filled in and printed. */
(function () {
  "use strict";
  var form = document.getElementById("eval-form");
  if (!form) return;
  var key = form.getAttribute("data-key");
  var store = null;
  try { store = window.localStorage; } catch (e) { store = null; }

  function fields() {
    return form.querySelectorAll("input[name], textarea[name]");
  }
  // Each answer by its name: a rating's checked number, a comment's text.
  function values() {
    var out = {};
    Array.prototype.forEach.call(fields(), function (i) {
      if (i.type === "radio") { if (i.checked) out[i.name] = i.value; }
      else if (i.value) out[i.name] = i.value;
    });
    return out;
  }
  function remember() {
    if (!store || !key) return;
    try { store.setItem(key, JSON.stringify(values())); } catch (e) { /* full or refused: not kept */ }
  }
  function recall() {
    var kept = null;
    try { kept = store && key ? JSON.parse(store.getItem(key) || "null") : null; } catch (e) { kept = null; }
    if (!kept || typeof kept !== "object") return;
    Array.prototype.forEach.call(fields(), function (i) {
      var v = kept[i.name];
      if (typeof v !== "string") return;
      if (i.type === "radio") i.checked = i.value === v;
      else i.value = v;
    });
  }
  form.addEventListener("input", remember);
  form.addEventListener("change", remember);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  recall();

  var kept = document.querySelector(".eval-kept");
  if (kept) kept.hidden = false;

  var clear = document.querySelector(".eval-clear");
  if (clear) {
    clear.hidden = false;
    clear.addEventListener("click", function () {
      Array.prototype.forEach.call(fields(), function (i) {
        if (i.type === "radio") i.checked = false;
        else i.value = "";
      });
      if (store && key) { try { store.removeItem(key); } catch (e) { /* nothing kept */ } }
    });
  }

  var save = window.coursebookSave;
  var kitEl = document.getElementById("eval-kit");
  var kit = null;
  try { kit = kitEl ? JSON.parse(kitEl.textContent) : null; } catch (e) { kit = null; }
  if (!save || !kit) return;
  Array.prototype.forEach.call(document.querySelectorAll(".eval-save"), function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      var format = b.getAttribute("data-format");
      var v = values();
      var data = save.fillKit(kit, format, function (name) { return save.clean(v[name] || ""); });
      save.save(data, format === "docx" ? save.DOCX : "text/plain;charset=utf-8", kit.name + "." + format);
    });
  });
})();
