/* Letter pages: fill the letter in as the trainer types, print it, and save it as Word or
   text as filled in. Without this file the page shows the letter with its blanks, and the
   downloads work. */
(function () {
  "use strict";
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

  // Each blank keeps its "[Label]" so clearing a box shows the blank again.
  var blanks = letter.querySelectorAll(".blank[data-field]");
  Array.prototype.forEach.call(blanks, function (b) { b.setAttribute("data-blank", b.textContent); });

  function fill(input) {
    var value = input.value.trim();
    Array.prototype.forEach.call(blanks, function (b) {
      if (b.getAttribute("data-field") !== input.name) return;
      // textContent: what the trainer types is text, never markup.
      b.textContent = value || b.getAttribute("data-blank");
      b.classList.toggle("is-filled", value !== "");
    });
  }

  var inputs = form.querySelectorAll("input[name], textarea[name]");
  form.addEventListener("input", function (e) {
    if (e.target && e.target.name) fill(e.target);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  // Values the browser kept (back and forward) fill in straight away.
  Array.prototype.forEach.call(inputs, fill);

  // Saving: the build put the letter's Word and text versions on the page in pieces
  // (#letter-kit); a field's slot takes what is typed, or its blank if the box is empty.
  var kitEl = document.getElementById("letter-kit");
  var kit = null;
  try { kit = kitEl ? JSON.parse(kitEl.textContent) : null; } catch (e) { kit = null; }
  if (!kit || typeof TextEncoder === "undefined" || typeof Blob === "undefined") return;

  function valueOf(name) {
    var input = form.elements[name];
    if (!input) return "";
    // Without the control characters Word files cannot hold; a box of several lines keeps
    // its line breaks (and tabs), as a cell does in `coursebook merge`.
    return input.value
      .replace(/\r\n?/g, "\n")
      .replace(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g, "")
      .trim();
  }
  function xml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function join(pieces, word) {
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
      var v = valueOf(p.field);
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
  // As `coursebook merge` names its files: the slug of the first field's value.
  function slug(s) {
    var out = "", dash = false;
    Array.from(s).forEach(function (c) {
      if (/[\p{Alphabetic}\p{N}]/u.test(c)) {
        if (dash && out) out += "-";
        dash = false;
        out += c.toLowerCase();
      } else if (/[\s_\-!-\/:-@\[-`{-~]/.test(c)) {
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
  // A zip of stored (uncompressed) entries dated 1980-01-01, which Word and LibreOffice
  // open like any other .docx.
  function zip(files) {
    var enc = new TextEncoder(), chunks = [], central = [], offset = 0;
    files.forEach(function (f) {
      var name = enc.encode(f[0]), data = enc.encode(f[1]), crc = crc32(data);
      var h = new DataView(new ArrayBuffer(30));
      h.setUint32(0, 0x04034b50, true);
      h.setUint16(4, 20, true);
      h.setUint16(8, 0, true);
      h.setUint16(12, 0x21, true);
      h.setUint32(14, crc, true);
      h.setUint32(18, data.length, true);
      h.setUint32(22, data.length, true);
      h.setUint16(26, name.length, true);
      chunks.push(h, name, data);
      var d = new DataView(new ArrayBuffer(46));
      d.setUint32(0, 0x02014b50, true);
      d.setUint16(4, 20, true);
      d.setUint16(6, 20, true);
      d.setUint16(14, 0x21, true);
      d.setUint32(16, crc, true);
      d.setUint32(20, data.length, true);
      d.setUint32(24, data.length, true);
      d.setUint16(28, name.length, true);
      d.setUint32(42, offset, true);
      central.push(d, name);
      offset += 30 + name.length + data.length;
    });
    var size = central.reduce(function (s, a) { return s + a.byteLength; }, 0);
    var e = new DataView(new ArrayBuffer(22));
    e.setUint32(0, 0x06054b50, true);
    e.setUint16(8, files.length, true);
    e.setUint16(10, files.length, true);
    e.setUint32(12, size, true);
    e.setUint32(16, offset, true);
    return chunks.concat(central, [e]);
  }
  function save(parts, type, ext) {
    var first = form.querySelector("input[name], textarea[name]");
    var s = first ? slug(valueOf(first.name)) : "";
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob(parts, { type: type }));
    a.download = kit.name + (s ? "-" + s : "") + "." + ext;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  Array.prototype.forEach.call(document.querySelectorAll(".save-letter"), function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      if (b.getAttribute("data-format") === "docx") {
        var files = kit.docx.map(function (part) { return [part[0], join(part[1], true)]; });
        save(zip(files), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
      } else {
        save([join(kit.txt, false)], "text/plain;charset=utf-8", "txt");
      }
    });
  });
})();
