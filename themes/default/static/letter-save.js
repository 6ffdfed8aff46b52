/* Letter pages: save the letter as filled in, as Word or text, and make one letter per row
   of a list (CSV), in the page: nothing is sent anywhere, and it works from file://.

   The build put the letter's Word and text versions on the page in pieces (#letter-kit):
   a field's slot takes a value, or its blank when there is none. The files are the ones
   `coursebook merge` writes for the same values, named as it names them. */
(function () {
  "use strict";
  // The interface strings (theme/i18n-<lang>.js, loaded first); the message id without it.
  var T = (typeof window !== "undefined" && window.coursebookT) || (function () {
    var f = function (id) { return id; };
    f.parts = function (id) { return [id]; };
    return f;
  })();
  /* Trimmed of all that Rust's `str::trim` or JavaScript's `trim` removes (Rust's keeps
     U+FEFF, JavaScript's U+0085): merge.rs `trim` is the same, so both sides agree. */
  function trim(s) {
    return s.replace(/^[\s\u0085]+|[\s\u0085]+$/g, "");
  }
  // Without the control characters Word files cannot hold; several lines keep their line
  // breaks (and tabs), as a cell does in `coursebook merge`.
  function clean(value) {
    return trim(String(value || "")
      .replace(/\r\n?/g, "\n")
      .replace(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g, ""));
  }
  // As `coursebook merge` names its files: the slug of the first field's value. Letters
  // and digits (Unicode's Alphabetic and N, as Rust's `is_alphanumeric`) kept, lowercased;
  // runs of white space (Rust's White_Space), `_` and ASCII punctuation become one hyphen.
  var SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000_\-!-\/:-@\[-`{-~]/;
  function slug(s) {
    var out = "", dash = false;
    Array.from(s).forEach(function (c) {
      if (/[\p{Alphabetic}\p{N}]/u.test(c)) {
        if (dash && out) out += "-";
        dash = false;
        out += c.toLowerCase();
      } else if (SPACE.test(c)) {
        dash = true;
      }
    });
    return Array.from(out).slice(0, 60).join("").replace(/-+$/, "");
  }

  var CRC = [];
  for (var n = 0; n < 256; n++) {
    var c = n;
    for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    CRC[n] = c >>> 0;
  }
  function crc32(bytes) {
    var c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }
  var enc = typeof TextEncoder === "undefined" ? null : new TextEncoder();
  function bytes(x) { return typeof x === "string" ? enc.encode(x) : x; }
  /* A zip of stored (uncompressed) entries dated 1980-01-01, [name, text or bytes] each,
     as one array of bytes. Word and LibreOffice open it like any other .docx. */
  function zip(files) {
    var chunks = [], central = [], offset = 0;
    files.forEach(function (f) {
      var name = enc.encode(f[0]), data = bytes(f[1]), crc = crc32(data);
      var h = new DataView(new ArrayBuffer(30));
      h.setUint32(0, 0x04034b50, true);
      h.setUint16(4, 20, true);
      h.setUint16(6, 0x0800, true); // names are UTF-8
      h.setUint16(12, 0x21, true);
      h.setUint32(14, crc, true);
      h.setUint32(18, data.length, true);
      h.setUint32(22, data.length, true);
      h.setUint16(26, name.length, true);
      chunks.push(new Uint8Array(h.buffer), name, data);
      var d = new DataView(new ArrayBuffer(46));
      d.setUint32(0, 0x02014b50, true);
      d.setUint16(4, 20, true);
      d.setUint16(6, 20, true);
      d.setUint16(8, 0x0800, true);
      d.setUint16(14, 0x21, true);
      d.setUint32(16, crc, true);
      d.setUint32(20, data.length, true);
      d.setUint32(24, data.length, true);
      d.setUint16(28, name.length, true);
      d.setUint32(42, offset, true);
      central.push(new Uint8Array(d.buffer), name);
      offset += 30 + name.length + data.length;
    });
    var size = central.reduce(function (s, a) { return s + a.length; }, 0);
    if (offset + size > 0xffffffff) throw new Error("the zip would be over 4 GiB");
    var end = [];
    // 65,535 entries or more: the count is in a ZIP64 end record (the classic one holds
    // 16 bits, and 0xFFFF there means "see ZIP64").
    var count = files.length;
    if (count >= 0xffff) {
      var z = new DataView(new ArrayBuffer(56 + 20));
      z.setUint32(0, 0x06064b50, true);
      z.setBigUint64(4, BigInt(44), true);
      z.setUint16(12, 45, true);
      z.setUint16(14, 45, true);
      z.setBigUint64(24, BigInt(count), true);
      z.setBigUint64(32, BigInt(count), true);
      z.setBigUint64(40, BigInt(size), true);
      z.setBigUint64(48, BigInt(offset), true);
      z.setUint32(56, 0x07064b50, true);
      z.setBigUint64(64, BigInt(offset + size), true);
      z.setUint32(72, 1, true);
      end.push(new Uint8Array(z.buffer));
    }
    var e = new DataView(new ArrayBuffer(22));
    e.setUint32(0, 0x06054b50, true);
    e.setUint16(8, Math.min(count, 0xffff), true);
    e.setUint16(10, Math.min(count, 0xffff), true);
    e.setUint32(12, size, true);
    e.setUint32(16, offset, true);
    end.push(new Uint8Array(e.buffer));
    var all = chunks.concat(central, end);
    var out = new Uint8Array(all.reduce(function (s, a) { return s + a.length; }, 0)), at = 0;
    all.forEach(function (a) { out.set(a, at); at += a.length; });
    return out;
  }


  /* The separator of a CSV: whichever of `,` `;` and tab is commonest in its first line,
     outside quotes; `,` when there is none (merge.rs `detect_separator`). */
  function detectSeparator(text) {
    var counts = { ",": 0, ";": 0, "\t": 0 }, quoted = false;
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === "\n" || ch === "\r")) break;
      else if (!quoted && ch in counts) counts[ch]++;
    }
    var sep = ",";
    if (counts[";"] > counts[sep]) sep = ";";
    if (counts["\t"] > counts[sep]) sep = "\t";
    return sep;
  }

  /* A CSV as Excel and LibreOffice save it, read as `coursebook merge` reads it
     (merge.rs `read_table`): a byte-order mark dropped, the separator detected, quoted
     cells with separators, "" and line breaks, rows with no text skipped, the header's
     cells trimmed. Returns { separator, header, rows } (header null for an empty list). */
  function readTable(text) {
    text = text.replace(/^\ufeff/, "");
    var sep = detectSeparator(text);
    var rows = [], row = [], cell = "", start = true, quoted = false, ch;
    for (var i = 0; i < text.length; i++) {
      ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
        else if (ch === '"') quoted = false;
        else cell += ch;
        continue;
      }
      // A quote opens a quoted cell only at its start; elsewhere it is text.
      if (ch === '"' && start) { quoted = true; start = false; }
      else if (ch === sep) { row.push(cell); cell = ""; start = true; }
      else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i++;
        row.push(cell); rows.push(row); row = []; cell = ""; start = true;
      } else { cell += ch; start = false; }
    }
    if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
    rows = rows.filter(function (r) { return r.some(function (c) { return trim(c) !== ""; }); });
    return {
      separator: sep,
      header: rows.length ? rows[0].map(trim) : null,
      rows: rows.slice(1),
    };
  }

  function xml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* One format's pieces joined, with `value(field)` in each slot. */
  function join(pieces, word, value) {
    var out = "", heading = 0;
    pieces.forEach(function (p) {
      if (typeof p === "string") { out += p; return; }
      if (p.heading) { heading = out.length; return; }
      if (p.underline) {
        // As wide as the heading's longest line, now that its blanks are filled.
        var width = Math.max.apply(null, out.slice(heading).split("\n").map(function (l) { return Array.from(l).length; }));
        out += p.underline.repeat(width);
        return;
      }
      var v = value(p.field);
      if (!v) out += p.blank;
      else if (!word) out += v.split("\n").join("\n" + " ".repeat(p.indent || 0));
      else {
        // Word: a line break is <w:br/>, a tab <w:tab/>, each piece of text a <w:t>.
        out += p.before + v.split("\n").map(function (line) {
          return line.split("\t").map(function (t) {
            return t ? '<w:t xml:space="preserve">' + xml(t) + "</w:t>" : "";
          }).join("<w:tab/>");
        }).join("<w:br/>") + p.after;
      }
    });
    return out;
  }

  /* Who attended, as `coursebook merge` and `register` read it (src/merge/attendance.rs; the
     attendance_* cases of tests/cases/shared.json). A cell's yes (true), no (false) or
     neither (null). */
  var YES = ["yes", "y", "x", "\u2713", "\u2714", "\u2611", "true", "1", "present", "attended"];
  var NO = ["no", "n", "", "false", "0", "absent", "-", "\u2717", "\u2718"];
  function yes(cell) {
    var v = String(cell == null ? "" : cell).trim().toLowerCase();
    return YES.indexOf(v) >= 0 ? true : NO.indexOf(v) >= 0 ? false : null;
  }
  function norm(s) {
    return Array.from(String(s)).filter(function (c) { return /[\p{Alphabetic}\p{N}]/u.test(c); }).join("").toLowerCase();
  }
  /* The `attended` column and, per day ({number, title, date}), the column named `Day N`,
     its title or its date: { attended: index or null, days: [[number, index]] }. */
  function attendanceColumns(header, days) {
    var h = header.map(norm);
    var out = { attended: h.indexOf("attended") >= 0 ? h.indexOf("attended") : null, days: [] };
    (days || []).forEach(function (d) {
      var names = ["day" + d.number, norm(d.title), d.date ? norm(d.date) : ""];
      for (var i = 0; i < h.length; i++) {
        if (h[i] !== "" && names.indexOf(h[i]) >= 0) { out.days.push([d.number, i]); return; }
      }
    });
    return out;
  }
  /* Why a row's person did not attend, or null if they did (or the list does not say). */
  function absence(cols, header, cells) {
    function cell(c) { return String(cells[c] == null ? "" : cells[c]); }
    if (cols.attended !== null) {
      var v = cell(cols.attended);
      if (yes(v) === true) return null;
      return "\u201c" + header[cols.attended] + "\u201d is " + (v.trim() ? "\u201c" + v.trim() + "\u201d" : "empty");
    }
    if (cols.days.length && !cols.days.some(function (d) { return yes(cell(d[1])) === true; })) return "no day is marked as attended";
    return null;
  }

  var DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  /* A save kit's document as a file's contents, with `value(field)` in its slots. */
  function fillKit(kit, format, value) {
    if (format === "docx") {
      var parts = kit.docx.map(function (part) { return [part[0], join(part[1], true, value)]; });
      // The logo's image, carried in the kit as base64 (a page from file:// can fetch nothing).
      if (kit.media) parts.push([kit.media[0], Uint8Array.from(atob(kit.media[1]), function (c) { return c.charCodeAt(0); })]);
      return zip(parts);
    }
    return enc.encode(join(kit.txt, false, value));
  }
  function save(data, type, filename) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([data], { type: type }));
    a.download = filename;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  var shared = { trim: trim, clean: clean, slug: slug, detectSeparator: detectSeparator, readTable: readTable, zip: zip, fillKit: fillKit, save: save, DOCX: DOCX, yes: yes, attendanceColumns: attendanceColumns, absence: absence };
  // Under Node (tests/browser/shared-cases.test.mjs) the helpers are handed over; a page
  // has no `module`: other pages' scripts (evaluation.js) take them from a global, and
  // the letter page goes on.
  if (typeof module === "object" && module && module.exports) {
    module.exports = shared;
    return;
  }
  window.coursebookSave = shared;
  // The sign-in sheet's names from a list (register.js) read it with the same reader.
  window.coursebookCsv = shared;

  var kitEl = document.getElementById("letter-kit");
  var kit = null;
  try { kit = kitEl ? JSON.parse(kitEl.textContent) : null; } catch (e) { kit = null; }
  if (!kit || typeof TextEncoder === "undefined" || typeof Blob === "undefined") return;
  var form = document.getElementById("letter-form");
  var fields = kit.fields || [];

  // What is typed in the form's box for a field ("" when none).
  function typed(name) {
    return form && form.elements[name] ? clean(form.elements[name].value) : "";
  }

  // The letter as filled in on the page.
  if (form) {
    Array.prototype.forEach.call(document.querySelectorAll(".save-letter"), function (b) {
      b.hidden = false;
      b.addEventListener("click", function () {
        var format = b.getAttribute("data-format");
        var s = fields.length ? slug(typed(fields[0].name)) : "";
        save(fillKit(kit, format, typed), format === "docx" ? DOCX : "text/plain;charset=utf-8", kit.name + (s ? "-" + s : "") + "." + format);
      });
    });
  }

  // What `attended` holds for yes (merge/attendance.rs `yes`).

  /* The letters for a list: { files: [[name, bytes]], problems: [{error, text}] }, files
     empty if there is an error. */
  function mergeList(text, format) {
    var table = readTable(text), problems = [];
    if (!table.header) {
      return { files: [], problems: [{ error: true, text: T("list_empty") }] };
    }
    var header = table.header;
    // A blank without a column takes what the form holds for it, in every letter; only
    // a blank empty in both is refused.
    var fromForm = {};
    var cols = fields.map(function (f) {
      var at = header.indexOf(f.name);
      if (at < 0) {
        at = header.map(function (h) { return h.toLowerCase(); }).indexOf(f.label.toLowerCase());
      }
      if (at < 0 && typed(f.name)) fromForm[f.name] = typed(f.name);
      else if (at < 0) problems.push({ error: true, text: "No column for “" + f.label + "”, and its box in the form is empty: fill it in above, or name a column “" + f.name + "” or “" + f.label + "”. The columns are: " + header.join(", ") + "." });
      return at;
    });
    if (problems.length) return { files: [], problems: problems };
    var taken = fields.filter(function (f) { return f.name in fromForm; }).map(function (f) { return f.label; });
    if (taken.length) problems.push({ error: false, text: taken.join(", ") + " taken from the form for every letter." });
    // A certificate only for those who came, when the list has an `attended` column or a
    // column per day (as `coursebook merge` reads them).
    var att = kit.certificate ? attendanceColumns(header, kit.days) : { attended: null, days: [] };
    function holds(i) { return i === att.attended || att.days.some(function (d) { return d[1] === i; }); }
    var extra = header.filter(function (h, i) { return h && cols.indexOf(i) < 0 && !holds(i); });
    if (extra.length) problems.push({ error: false, text: "Ignored, as the letter has no blank for it: " + extra.join(", ") + "." });
    var body = table.rows;
    var width = Math.max(2, String(body.length).length);
    var skipped = 0;
    var files = body.map(function (cells, r) {
      var why = kit.certificate ? absence(att, header, cells) : null;
      if (why) {
        skipped++;
        problems.push({ error: false, text: "Row " + (r + 1) + ": no certificate, as " + why + "." });
        return null;
      }
      var values = {};
      fields.forEach(function (f, i) {
        var v = f.name in fromForm ? fromForm[f.name] : clean(cells[cols[i]]);
        if (!v) problems.push({ error: false, text: "Row " + (r + 1) + " has no “" + f.label + "”: its letter keeps the blank." });
        values[f.name] = v;
      });
      var s = fields.length ? slug(values[fields[0].name]) : "";
      var number = String(r + 1).padStart(width, "0");
      return [number + (s ? "-" + s : "") + "." + format, fillKit(kit, format, function (name) { return values[name] || ""; })];
    });
    files = files.filter(function (f) { return f; });
    if (skipped) problems.push({ error: false, text: skipped + (skipped === 1 ? " row" : " rows") + " skipped: people who did not attend get no certificate." });
    else if (!files.length) problems.push({ error: false, text: T("list_no_rows") });
    return { files: files, problems: problems };
  }

  var box = document.querySelector(".letter-merge");
  var file = document.getElementById("merge-file");
  if (!box || !file) return;
  box.hidden = false;
  var report = box.querySelector(".merge-report");
  var buttons = box.querySelectorAll(".merge-save");
  var list = null;
  function show(result, name) {
    report.textContent = "";
    var made = result.files.length;
    var p = document.createElement("p");
    p.textContent = made ? T("n_letters_from", { n: made, file: name }) : T("no_letters_from", { file: name });
    report.appendChild(p);
    if (result.problems.length) {
      var ul = document.createElement("ul");
      result.problems.forEach(function (pr) {
        var li = document.createElement("li");
        li.className = pr.error ? "is-error" : "is-warning";
        li.textContent = pr.text;
        ul.appendChild(li);
      });
      report.appendChild(ul);
    }
    Array.prototype.forEach.call(buttons, function (b) { b.hidden = made === 0; });
  }
  file.addEventListener("change", function () {
    var f = file.files && file.files[0];
    list = null;
    if (!f) {
      report.textContent = "";
      Array.prototype.forEach.call(buttons, function (b) { b.hidden = true; });
      return;
    }
    f.arrayBuffer().then(function (buf) {
      var text;
      try { text = new TextDecoder("utf-8", { fatal: true }).decode(buf); } catch (e) {
        show({ files: [], problems: [{ error: true, text: T("not_utf8") }] }, f.name);
        return;
      }
      list = { text: text, name: f.name };
      show(mergeList(text, "txt"), f.name);
    });
  });
  Array.prototype.forEach.call(buttons, function (b) {
    b.addEventListener("click", function () {
      if (!list) return;
      var format = b.getAttribute("data-format");
      var result = mergeList(list.text, format);
      if (!result.files.length) return;
      save(zip(result.files), "application/zip", kit.name + "-letters-" + format + ".zip");
    });
  });
})();
