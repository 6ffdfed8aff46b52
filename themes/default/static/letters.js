/* Letter pages: fill the letter in as the trainer types, keep what was typed on this
   device (localStorage, under the page's own key; never sent anywhere), date the letter,
   and print it (saving it is letter-save.js). Without this file the page shows the letter
   with its blanks, and the downloads work. */
(function () {
  "use strict";
  /* "2027-03-01" -> "1 March 2027" ("1 Mawrth 2027", "1. März 2027"...) in the
     programme's language, as the site writes a date (clock.rs `Locale::date_words`, held
     to the same cases in tests/cases/shared.json); "" when it is not a date. */
  // The same words as the build's (model/clock.rs `Locale::date_words`, ICU4X): both
  // from CLDR, held together by the `date_words` shared cases of each language.
  function dateInWords(iso, lang) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return "";
    var y = +m[1], mo = +m[2], d = +m[3];
    var at = new Date(Date.UTC(2000, mo - 1, d));
    at.setUTCFullYear(y);
    if (mo < 1 || mo > 12 || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) return "";
    // The pseudo-locale en-XA: British English, every letter accented, in brackets (as
    // clock.rs `Locale::say` and the interface strings write it).
    var pseudo = lang === "en-XA";
    var f = new Intl.DateTimeFormat(pseudo ? "en-GB" : lang || "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    return pseudo ? pseudoWords(f.format(at)) : f.format(at);
  }
  // i18n/pseudo.rs `accent`, letter for letter (a to z: \u00E5 \u0180 \u00E7 ...).
  var LOWER = "\u00E5\u0180\u00E7\u00F0\u00E9\u0192\u011D\u0125\u00EE\u0135\u0137\u013C\u0271\u00F1\u00F6\u00FE\u01EB\u0155\u0161\u0163\u00FB\u1E7D\u0175\u1E8B\u00FD\u017E", UPPER = "\u00C5\u0181\u00C7\u00D0\u00C9\u0191\u011C\u0124\u00CE\u0134\u0136\u013B\u1E40\u00D1\u00D6\u00DE\u01EA\u0154\u0160\u0162\u00DB\u1E7C\u0174\u1E8A\u00DD\u017D";
  function pseudoWords(text) {
    if (!/[A-Za-z]/.test(text)) return text;
    return "\u27E6" + text.replace(/[A-Za-z]/g, function (c) {
      var i = c.toLowerCase().charCodeAt(0) - 97;
      return (c === c.toLowerCase() ? LOWER : UPPER).charAt(i);
    }) + "\u27E7";
  }
  // Under Node (tests/browser/shared-cases.test.mjs) the helper is handed over.
  if (typeof module === "object" && module && module.exports) {
    module.exports = { dateInWords: dateInWords, pseudoWords: pseudoWords };
    return;
  }

  var letter = document.getElementById("letter");
  if (!letter) return;

  var print = document.querySelector(".print-letter");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }

  var form = document.getElementById("letter-form");
  if (!form) return;
  form.hidden = false;
  var list = document.querySelector(".letter-blanks-list");
  if (list) list.hidden = true;

  function today() {
    var d = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  // Each blank keeps its "[Label]" so clearing a box shows the blank again.
  var blanks = letter.querySelectorAll(".blank[data-field]");
  Array.prototype.forEach.call(blanks, function (b) { b.setAttribute("data-blank", b.textContent); });
  var dateBox = form.elements["letter-date"];
  var dateLine = letter.querySelector(".letter-date");

  function fill(input) {
    if (input === dateBox) {
      if (!dateLine) return;
      // textContent: what the trainer types is text, never markup.
      dateLine.textContent = dateInWords(input.value, form.getAttribute("data-date-lang"));
      dateLine.hidden = dateLine.textContent === "";
      return;
    }
    var value = input.value.trim();
    Array.prototype.forEach.call(blanks, function (b) {
      if (b.getAttribute("data-field") !== input.name) return;
      b.textContent = value || b.getAttribute("data-blank");
      b.classList.toggle("is-filled", value !== "");
    });
  }

  var inputs = form.querySelectorAll("input[name], textarea[name]");
  var key = form.getAttribute("data-key");
  var store = null;
  try { store = window.localStorage; } catch (e) { store = null; }
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

  form.addEventListener("input", function (e) {
    if (e.target && e.target.name) fill(e.target);
    remember();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  recall();
  if (dateBox && !dateBox.value) dateBox.value = today();
  // Values kept on this device, or by the browser (back and forward), fill in straight away.
  Array.prototype.forEach.call(inputs, fill);

  var clear = document.querySelector(".clear-letter");
  if (clear) {
    clear.hidden = false;
    clear.addEventListener("click", function () {
      Array.prototype.forEach.call(inputs, function (i) { i.value = ""; });
      if (store && key) { try { store.removeItem(key); } catch (e) { /* nothing kept */ } }
      if (dateBox) dateBox.value = today();
      Array.prototype.forEach.call(inputs, fill);
    });
  }
})();
