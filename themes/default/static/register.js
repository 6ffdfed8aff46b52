/* Sign-in sheets: the names of a participant list (CSV) the trainer picks, put into the
   rows for printing. The list is read with the letters' reader (letter-save.js,
   `window.coursebookCsv`), as `coursebook register` reads it: the column `name` (or
   `participant_name`, `participant`, `full name`; else the first) and `organisation` (or
   `organization`, `org`, `employer`, `team`). Nothing is sent anywhere or kept: a reload
   gives the blank sheet again. */
(function () {
  "use strict";
  // The interface strings (theme/i18n-<lang>.js, loaded first); the message id without it.
  var T = (typeof window !== "undefined" && window.coursebookT) || (function () {
    var f = function (id) { return id; };
    f.parts = function (id) { return [id]; };
    return f;
  })();
  var csv = window.coursebookCsv;
  var box = document.querySelector(".register-pick");
  var file = document.getElementById("register-file");
  var table = document.querySelector("table.signin tbody");
  if (!csv || !box || !file || !table || typeof TextDecoder === "undefined") return;
  box.hidden = false;
  var report = box.querySelector(".register-report");
  var clear = box.querySelector(".register-clear");
  var blankRows = table.rows.length;

  function norm(s) {
    return Array.from(String(s)).filter(function (c) { return /[\p{Alphabetic}\p{N}]/u.test(c); }).join("").toLowerCase();
  }
  function column(header, names) {
    for (var i = 0; i < header.length; i++) if (names.indexOf(norm(header[i])) >= 0) return i;
    return -1;
  }
  function say(text, error) {
    report.textContent = "";
    var p = document.createElement("p");
    p.textContent = text;
    if (error) p.className = "is-error";
    report.appendChild(p);
  }
  function row(n) {
    var tr = document.createElement("tr");
    ["num", "name", "org", "sign"].forEach(function (c) {
      var td = document.createElement("td");
      td.className = c;
      if (c === "num") td.textContent = String(n);
      tr.appendChild(td);
    });
    return tr;
  }
  // Blank rows up to the sheet's own number, and at least two after the names.
  function fill(people) {
    while (table.rows.length) table.deleteRow(0);
    var total = Math.max(blankRows, people.length + 2);
    for (var i = 0; i < total; i++) {
      var tr = row(i + 1);
      if (people[i]) {
        tr.querySelector(".name").textContent = people[i].name;
        tr.querySelector(".org").textContent = people[i].org;
      }
      table.appendChild(tr);
    }
    clear.hidden = people.length === 0;
  }
  function read(text) {
    var t = csv.readTable(text);
    if (!t.header) return [];
    var name = column(t.header, ["name", "participantname", "participantsname", "participant", "fullname"]);
    if (name < 0) name = 0;
    var org = column(t.header, ["organisation", "organization", "org", "employer", "team"]);
    var people = [];
    t.rows.forEach(function (cells) {
      var n = csv.clean(cells[name]);
      if (n) people.push({ name: n, org: org >= 0 ? csv.clean(cells[org]) : "" });
    });
    return people;
  }
  file.addEventListener("change", function () {
    var f = file.files && file.files[0];
    if (!f) return;
    f.arrayBuffer().then(function (buf) {
      var text;
      try { text = new TextDecoder("utf-8", { fatal: true }).decode(buf); } catch (e) {
        say(T("not_utf8"), true);
        return;
      }
      var people = read(text);
      fill(people);
      say(people.length ? T("n_names_from", { n: people.length, file: f.name }) : T("no_names_in", { file: f.name }), !people.length);
    });
  });
  clear.addEventListener("click", function () {
    fill([]);
    file.value = "";
    report.textContent = "";
  });
})();
