/* coursebook: small progressive enhancements. Pages work without this file. */
(function () {
  "use strict";

  /* Live timetable: on a programme day, mark the session running now and the next one,
     by the local clock. `?now=2027-03-01T10:05` in the address sets the clock (for
     rehearsals and tests). */
  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }
  function clock() {
    var m = /[?&]now=(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(window.location.search);
    if (m) return { date: m[1], time: m[2] };
    var d = new Date();
    return {
      date: d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()),
      time: pad(d.getHours()) + ":" + pad(d.getMinutes())
    };
  }
  function mark(items, time) {
    var next = null;
    items.forEach(function (el) {
      var s = el.getAttribute("data-start");
      var e = el.getAttribute("data-end");
      var now = s <= time && time < e;
      el.classList.toggle("is-now", now);
      el.classList.remove("is-next");
      var link = el.querySelector("a");
      if (link) {
        if (now) link.setAttribute("title", "Running now");
        else link.removeAttribute("title");
      }
      if (!next && s > time && !el.classList.contains("break-row") && !el.classList.contains("free-row")) next = el;
    });
    if (next) next.classList.add("is-next");
  }
  function live() {
    var c = clock();
    var rows = [];
    document.querySelectorAll("table.timetable[data-date]").forEach(function (t) {
      if (t.getAttribute("data-date") === c.date) {
        rows = rows.concat(Array.prototype.slice.call(t.querySelectorAll("tr[data-start]")));
      }
    });
    mark(rows, c.time);
    var items = Array.prototype.slice.call(document.querySelectorAll('.sidebar li[data-date="' + c.date + '"]'));
    mark(items, c.time);
  }
  live();
  window.setInterval(live, 30000);
})();
