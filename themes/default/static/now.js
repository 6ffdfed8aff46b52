/* coursebook: "now and next" and "running late", by the programme's clock.

   Loaded only on the pages of a programme with dated days, after its `schedule.js`, which
   sets `window.coursebookSchedule` ({ programme, timezone, days: [{ number, title, date,
   label, start, end, rows: [{ start, end, title, kind, href, fixed }] }] }). Pages work
   without this file.

   - The clock is the programme's time zone (its `timezone`, an IANA name), whatever the
     device's zone. `?now=2027-03-01T10:05` in the address sets it (programme time), for
     rehearsals and tests.
   - The bar (#now-bar) says what runs now and what comes next, on programme days only.
   - Timetable and run-sheet tables (`table[data-date]`, rows `tr[data-start][data-end]`,
     times `time.t-start` / `time.t-end`) and the sidebar (`li[data-date][data-start]`) get
     `is-now` / `is-next`.
   - Running late: each `.late-control[data-date]` gets +5, +10, +15 (added to the delay still
     running), a number of minutes (the whole delay) and Reset. The
     delay is kept on this device (localStorage, one key per programme and date) with the
     clock time it was set at (the day's start when set on another day), and moves every
     time of that day from then on, up to the next fixed break (`fixed`, pinned with `at:`)
     or the day's end, which stay put: times that would pass them stop there. */
(function () {
  "use strict";
  // The interface strings (theme/i18n-<lang>.js, loaded first); the message id without it.
  var T = (typeof window !== "undefined" && window.coursebookT) || (function () {
    var f = function (id) { return id; };
    f.parts = function (id) { return [id]; };
    return f;
  })();

  var S = window.coursebookSchedule;
  if (!S || !S.days || !S.days.length) return;
  var root = document.body.getAttribute("data-root") || "";
  var MAX_LATE = 600;

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }
  function toMin(hhmm) {
    return parseInt(hhmm.slice(0, 2), 10) * 60 + parseInt(hhmm.slice(3, 5), 10);
  }
  function toClock(m) {
    return pad(Math.floor(m / 60)) + ":" + pad(m % 60);
  }
  /* A clock time as the page shows it: the build's 12-hour forms when the site asks for
     them (`[output.html] clock`, schedule.js `clock`), else HH:MM. */
  function clockText(m) {
    var c = S.clock;
    if (!c) return toClock(m);
    var h = Math.floor(m / 60) % 24;
    var t = ((h % 12) || 12) + ":" + pad(m % 60);
    return (h < 12 ? c.am : c.pm).replace("{t}", t);
  }

  /* The programme-zone date and time of `when`. */
  function zoneClock(tz, when) {
    var opts = { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    var f;
    try {
      f = new Intl.DateTimeFormat("en-GB", opts);
    } catch (e) {
      opts.timeZone = "UTC";
      f = new Intl.DateTimeFormat("en-GB", opts);
    }
    var o = {};
    f.formatToParts(when).forEach(function (p) {
      o[p.type] = p.value;
    });
    return { date: o.year + "-" + o.month + "-" + o.day, time: (o.hour === "24" ? "00" : o.hour) + ":" + o.minute };
  }
  var override = /[?&]now=(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(window.location.search);
  function clock() {
    if (override) return { date: override[1], time: override[2] };
    return zoneClock(S.timezone || "UTC", new Date());
  }
  /* Links from the bar keep a rehearsal's `?now=`. */
  function link(href) {
    return root + href + (override ? "?now=" + override[1] + "T" + override[2] : "");
  }

  var byDate = {};
  S.days.forEach(function (d) {
    byDate[d.date] = d;
  });
  function dayOf(date) {
    return Object.prototype.hasOwnProperty.call(byDate, date) ? byDate[date] : null;
  }

  /* Running late, as stored: { minutes, from: "HH:MM" }. */
  function storeKey(date) {
    return "coursebook-late:" + S.programme + ":" + date;
  }
  function loadLate(date) {
    try {
      var v = JSON.parse(window.localStorage.getItem(storeKey(date)));
      if (v && typeof v.minutes === "number" && v.minutes > 0 && /^\d\d:\d\d$/.test(v.from)) return v;
    } catch (e) {
      /* No storage (private mode, a policy): no delay. */
    }
    return null;
  }
  function saveLate(date, v) {
    try {
      if (v) window.localStorage.setItem(storeKey(date), JSON.stringify(v));
      else window.localStorage.removeItem(storeKey(date));
    } catch (e) {
      /* Not kept; the page still shows it until reloaded. */
      memory[date] = v;
    }
  }
  var memory = {};

  /* A day's delay as a plan: times in [from, stop) move by `minutes`, capped at `stop`, the
     first fixed break after `from` or the day's end. */
  var plans = {}; /* per refresh: the sidebar asks once per session */
  function plan(day) {
    if (!Object.prototype.hasOwnProperty.call(plans, day.date)) plans[day.date] = makePlan(day);
    return plans[day.date];
  }
  function makePlan(day) {
    var late = Object.prototype.hasOwnProperty.call(memory, day.date) ? memory[day.date] : loadLate(day.date);
    if (!late) return null;
    var from = toMin(late.from);
    var stop = toMin(day.end);
    var stopRow = null;
    day.rows.forEach(function (r) {
      var s = toMin(r.start);
      if (r.fixed && s > from && s < stop) {
        stop = s;
        stopRow = r;
      }
    });
    if (from >= stop) return null;
    return { minutes: Math.min(late.minutes, MAX_LATE), from: from, stop: stop, stopRow: stopRow };
  }
  function shift(p, t) {
    if (!p || t < p.from || t >= p.stop) return t;
    return Math.min(t + p.minutes, p.stop);
  }
  /* Whether the delay still moves anything from now on (today), or at all (another day). */
  function active(day, p, c) {
    return !!p && (c.date !== day.date || toMin(c.time) < p.stop);
  }

  function setLate(day, minutes) {
    var c = clock();
    minutes = Math.max(0, Math.min(MAX_LATE, Math.round(minutes)));
    delete memory[day.date];
    if (!minutes) saveLate(day.date, null);
    else saveLate(day.date, { minutes: minutes, from: c.date === day.date ? c.time : day.start });
    refresh();
  }
  function addLate(day, n) {
    var p = plan(day);
    setLate(day, (active(day, p, clock()) ? p.minutes : 0) + n);
  }

  /* The rows of a day as they now stand. */
  function shifted(day, p) {
    return day.rows.map(function (r) {
      return { row: r, start: shift(p, toMin(r.start)), end: shift(p, toMin(r.end)) };
    });
  }

  /* ---- Marks on the timetable, run sheet and sidebar ---- */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function stopName(p) {
    return p.stopRow ? T("late_stop_fixed", { title: p.stopRow.title, time: clockText(p.stop) }) : T("late_stop_day_end", { time: clockText(p.stop) });
  }

  function setTime(t, m, date) {
    if (!t) return;
    t.textContent = clockText(m);
    if (t.hasAttribute("datetime")) t.setAttribute("datetime", (date ? date + "T" : "") + toClock(m));
  }

  /* One row of a table: its shown times, the struck-through times it had, and whether the
     delay squeezed it against a fixed time. */
  function moveRow(tr, p, date) {
    var s = toMin(tr.getAttribute("data-start"));
    var e = toMin(tr.getAttribute("data-end"));
    var ns = shift(p, s);
    var ne = shift(p, e);
    /* Untouched since the last refresh: nothing to write. */
    var shown = ns + "-" + ne + "-" + (p ? p.stop : "");
    if (tr.getAttribute("data-shown") === shown) return { start: ns, end: ne };
    tr.setAttribute("data-shown", shown);
    setTime(tr.querySelector(".t-start"), ns, date);
    setTime(tr.querySelector(".t-end"), ne, date);
    var moved = ns !== s || ne !== e;
    var squeezed = ne - ns < e - s;
    tr.classList.toggle("is-late", moved);
    tr.classList.toggle("is-squeezed", squeezed);
    var cell = tr.querySelector(".t-start");
    cell = cell && cell.parentNode;
    if (!cell) return { start: ns, end: ne };
    var old = cell.querySelectorAll(".was, .squeezed");
    for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
    if (moved) {
      var was = el("span", "was");
      was.appendChild(document.createTextNode("was "));
      was.appendChild(el("s", null, clockText(s) + "–" + clockText(e)));
      cell.appendChild(was);
    }
    if (squeezed) {
      cell.appendChild(el("span", "squeezed", ne > ns ? "cut short by " + stopName(p) : "no time left before " + stopName(p)));
    }
    return { start: ns, end: ne };
  }

  function clear(it) {
    it.el.classList.remove("is-now", "is-next");
  }
  function mark(items, t) {
    var next = null;
    items.forEach(function (it) {
      var now = it.start <= t && t < it.end;
      it.el.classList.toggle("is-now", now);
      it.el.classList.remove("is-next");
      var a = it.el.querySelector("a");
      if (a) {
        if (now) a.setAttribute("title", T("running_now"));
        else if (a.getAttribute("title") === T("running_now")) a.removeAttribute("title");
      }
      var plain = it.el.classList.contains("break-row") || it.el.classList.contains("free-row");
      if (!next && it.start > t && it.end > it.start && !plain) next = it;
    });
    if (next) next.el.classList.add("is-next");
  }

  function marks(c) {
    var t = toMin(c.time);
    var tables = document.querySelectorAll("table[data-date]");
    for (var i = 0; i < tables.length; i++) {
      var date = tables[i].getAttribute("data-date");
      var day = dayOf(date);
      if (!day) continue;
      var p = plan(day);
      var items = [];
      var rows = tables[i].querySelectorAll("tr[data-start]");
      for (var j = 0; j < rows.length; j++) {
        var r = moveRow(rows[j], p, date);
        items.push({ el: rows[j], start: r.start, end: r.end });
      }
      if (date === c.date) mark(items, t);
      else items.forEach(clear);
    }
    var side = [];
    document.querySelectorAll(".sidebar li[data-date][data-start]").forEach(function (li) {
      var d = dayOf(li.getAttribute("data-date"));
      var p = d && plan(d);
      var s = shift(p, toMin(li.getAttribute("data-start")));
      var e = shift(p, toMin(li.getAttribute("data-end")));
      var label = li.querySelector(".nav-time");
      if (label) {
        label.textContent = clockText(s);
        label.classList.toggle("moved", s !== toMin(li.getAttribute("data-start")));
      }
      if (li.getAttribute("data-date") === c.date) side.push({ el: li, start: s, end: e });
      else clear({ el: li });
    });
    mark(side, t);
  }

  /* ---- The bar ---- */

  /* A row's name: a link to its page where it has one. */
  function named(r) {
    if (r.href) {
      var a = el("a", null, r.title);
      a.href = link(r.href);
      return a;
    }
    return el("span", "now-title", r.title);
  }
  function part(node, pieces) {
    pieces.forEach(function (x) {
      node.appendChild(typeof x === "string" ? document.createTextNode(x) : x);
    });
    return node;
  }
  function when(m) {
    return el("time", null, clockText(m));
  }
  function firstSession(rows) {
    for (var i = 0; i < rows.length; i++) if (rows[i].row.kind === "session" || rows[i].row.kind === "reserved") return rows[i];
    return rows[0];
  }

  /* What the bar says at `c`: a list of parts (strings and nodes), or null for nothing. */
  function barLine(c) {
    var t = toMin(c.time);
    var day = dayOf(c.date);
    if (!day) return null;
    var rows = shifted(day, plan(day));
    if (!rows.length) return null;
    var first = rows[0];
    if (t < first.start) {
      var s = firstSession(rows);
      return T.parts("bar_day_starts", { day: el("strong", null, day.title), time: when(first.start), session: named(s.row) });
    }
    var end = toMin(day.end);
    if (t >= end) {
      var later = null;
      for (var i = 0; i < S.days.length; i++) if (S.days[i].date > c.date && (!later || S.days[i].date < later.date)) later = S.days[i];
      if (!later) return [el("strong", null, T("bar_ended")), " ", T("bar_thanks")];
      var lr = shifted(later, plan(later));
      if (!lr.length) return null;
      var ls = firstSession(lr);
      return T.parts("bar_next_day_starts", { day: el("strong", null, later.title), date: later.label, time: when(lr[0].start), session: named(ls.row) });
    }
    var k = -1;
    for (var j = 0; j < rows.length; j++) if (rows[j].start <= t && t < rows[j].end) k = j;
    var out = [];
    if (k >= 0) {
      var cur = rows[k];
      var plain = cur.row.kind === "break" || cur.row.kind === "free";
      if (plain) out = out.concat(T.parts("bar_until", { title: el("strong", null, cur.row.title), time: when(cur.end) }));
      else out = out.concat(T.parts("bar_now_until", { session: named(cur.row), time: when(cur.end) }));
    }
    var nx = null;
    for (var n = k + 1; n < rows.length; n++) {
      if (rows[n].start >= t && rows[n].row.kind !== "free" && rows[n].end > rows[n].start) {
        nx = rows[n];
        break;
      }
    }
    if (out.length) out.push(el("span", "now-sep", " · "));
    if (nx) out = out.concat(T.parts("bar_next_at", { session: named(nx.row), time: when(nx.start) }));
    else out = out.concat(T.parts("bar_day_ends", { time: when(end) }));
    return out;
  }

  function bar(c) {
    var box = document.getElementById("now-bar");
    if (!box) return;
    var parts = barLine(c);
    if (!parts) {
      box.hidden = true;
      return;
    }
    /* Replaced only when it says something else, so a focused link keeps its focus. */
    var fresh = part(el("p", "now-line"), parts);
    var line = box.querySelector(".now-line");
    if (!line) box.insertBefore(fresh, box.firstChild);
    else if (line.innerHTML !== fresh.innerHTML) box.replaceChild(fresh, line);
    var day = dayOf(c.date);
    var control = box.querySelector(".late-control");
    if (day && toMin(c.time) < toMin(day.end)) {
      if (!control || control.getAttribute("data-date") !== day.date) {
        if (control) control.parentNode.removeChild(control);
        control = el("div", "late-control");
        control.setAttribute("data-day", String(day.number));
        control.setAttribute("data-date", day.date);
        box.appendChild(control);
      }
    } else if (control) {
      control.parentNode.removeChild(control);
    }
    box.hidden = false;
  }

  /* ---- The "Running late" controls ---- */

  var made = 0;
  function makeControl(box, day) {
    var id = "late-" + ++made;
    var group = el("div", "late");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", T("running_late_day", { day: day.title }));
    var status = el("p", "late-status");
    status.setAttribute("aria-live", "polite");
    status.id = id + "-status";
    var msg = el("span", "late-message");
    var reset = el("button", "late-reset", T("late_reset"));
    reset.type = "button";
    reset.setAttribute("aria-label", T("late_reset_day", { day: day.title }));
    reset.addEventListener("click", function () {
      setLate(day, 0);
    });
    status.appendChild(msg);
    status.appendChild(document.createTextNode(" "));
    status.appendChild(reset);
    var details = el("details", "late-set");
    var summary = el("summary", null, T("running_late"));
    details.appendChild(summary);
    var row = el("div", "late-buttons");
    [5, 10, 15].forEach(function (n) {
      var b = el("button", "late-add", T("n_late_add", { n: n }));
      b.type = "button";
      b.setAttribute("data-add", String(n));
      b.addEventListener("click", function () {
        addLate(day, n);
      });
      row.appendChild(b);
    });
    var label = el("label", "late-custom");
    label.appendChild(document.createTextNode(T("minutes_late") + " "));
    var input = el("input");
    input.type = "number";
    input.min = "0";
    input.max = String(MAX_LATE);
    input.step = "1";
    input.setAttribute("inputmode", "numeric");
    input.id = id + "-minutes";
    label.htmlFor = input.id;
    label.appendChild(input);
    var apply = el("button", "late-apply", T("late_set"));
    apply.type = "button";
    function fromInput() {
      var v = parseInt(input.value, 10);
      if (!isNaN(v) && v >= 0) setLate(day, v);
    }
    apply.addEventListener("click", fromInput);
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        e.preventDefault();
        fromInput();
      }
    });
    row.appendChild(label);
    row.appendChild(apply);
    details.appendChild(row);
    group.appendChild(status);
    group.appendChild(details);
    box.textContent = "";
    box.appendChild(group);
    box.setAttribute("data-ready", "");
  }

  function controls(c) {
    document.querySelectorAll(".late-control[data-date]").forEach(function (box) {
      var day = dayOf(box.getAttribute("data-date"));
      if (!day) return;
      if (!box.hasAttribute("data-ready")) makeControl(box, day);
      var p = plan(day);
      var status = box.querySelector(".late-status");
      var msg = box.querySelector(".late-message");
      var on = !!p && active(day, p, c);
      msg.textContent = "";
      if (p) {
        msg.appendChild(el("strong", null, T(on ? "n_running_late" : "n_ran_late", { n: p.minutes })));
        msg.appendChild(document.createTextNode(" " + T(on ? "late_from_until" : "late_from_to", { from: clockText(p.from), stop: stopName(p) })));
      }
      /* The status stays in the page (empty) so that screen readers hear it change. */
      status.classList.toggle("is-empty", !p);
      status.querySelector(".late-reset").hidden = !p;
      box.classList.toggle("is-late", on);
    });
  }

  function refresh() {
    plans = {};
    var c = clock();
    marks(c);
    bar(c);
    controls(c);
  }

  refresh();
  window.setInterval(refresh, 30000);
  window.addEventListener("storage", function (e) {
    if (!e.key || e.key.indexOf("coursebook-late:") === 0) refresh();
  });
})();
