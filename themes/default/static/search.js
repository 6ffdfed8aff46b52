/* coursebook search: full text, offline and from file://. The index is plain script files
   (searchindex.js at the site root, loaded when the box is focused; one shard per
   programme, loaded by <script> tags when a query can match it, this page's programme
   first), each pushing {v, s, docs, shards, f, lang} onto window.coursebookSearch. The
   root's `f` holds each shard's filter (src/render/search/filter.rs): a Bloom filter of
   its stems and of its stems' and keys' first 1-4 characters, so a query loads only the
   shards whose words it can match.
   A chunk's texts are strings of one character per token (word + what follows it): the
   character's number is an entry of `v` (the token) and `s` (its word's stem). See
   src/render/search/pack.rs. Words and stems follow the same rules as
   src/render/search/words.rs: theme/search-words.js.
   Each chunk's `lang` names the stemmer its words were stemmed by, and the root's `sl` each
   shard's (else the root's): the query is stemmed per shard by its language, French,
   German and Spanish by Snowball's scripts (theme/search-stem-*.js, loaded with the root
   when a shard needs them); a language without a stemmer matches every word as a prefix.
   Each entry's URL comes percent-encoded from the build, ready for href; index text reaches
   the page only as text nodes. */
(function () {
  "use strict";
  // The interface strings (theme/i18n-<lang>.js, loaded first); the message id without it.
  var T = (typeof window !== "undefined" && window.coursebookT) || (function () {
    var f = function (id) { return id; };
    f.parts = function (id) { return [id]; };
    return f;
  })();

  // Words, stems, token characters and filters (theme/search-words.js, loaded first).
  var W = typeof window !== "undefined" && window.coursebookSearchWords;
  if (!W || typeof document === "undefined") return;
  var key = W.key, spans = W.spans, elide = W.elide, keyStem = W.keyStem, code = W.code;
  var entry = W.entry, unbase64 = W.unbase64, mayMatch = W.mayMatch, LEAD = W.LEAD;
  var SNOWBALL = W.SNOWBALL, snowball = W.snowball, missing = W.missing;

  var input = document.getElementById("search-input");
  var box = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !box || !status) return;
  var list = box.querySelector("ol");
  var root = document.body.getAttribute("data-root") || "";
  var chunks = [];
  var docs = [];
  var seen = 0;
  var pending = 0;
  var started = false;
  var lang = "en";
  // The programmes' shards: {src, bits (the filter's bytes, or null), requested, lang}.
  var shards = [];
  var typed = false;
  var ownPending = false;
  var shown = false;
  var timer = 0;
  // This page's programme: the first folder of its path below the site root.
  var here = location.href.slice(new URL(root || "./", location.href).href.length).split(/[/?#]/)[0];
  try {
    here = decodeURIComponent(here);
  } catch (e) {
    here = "";
  }
  var MAX = 20;
  var BEFORE = 10;
  var AFTER = 22;

  function load(src, own, after) {
    pending += 1;
    var s = document.createElement("script");
    s.src = root + src;
    s.async = true;
    s.onload = s.onerror = function () {
      pending -= 1;
      if (own) ownPending = false;
      if (after) after();
      ingest(own);
    };
    document.head.appendChild(s);
  }
  // Snowball's scripts asked for and arrived (or failed), by name: "base", "fr", ...
  var asked = {};
  var settled = {};
  /** Loads Snowball's script for `lang` and their base, once each. */
  function needStemmer(lang) {
    if (!SNOWBALL[lang] || asked[lang]) return;
    ["base", lang].forEach(function (f) {
      if (asked[f]) return;
      asked[f] = true;
      load("theme/search-stem-" + f + ".js", false, function () {
        settled[f] = true;
        Object.keys(SNOWBALL).forEach(function (l) {
          if (settled[l] && settled.base && !snowball(l)) missing[l] = true;
        });
      });
    });
  }
  /** Takes in the index files loaded so far; `own`: this page's programme's shard just
      came, whose results are shown (and painted) before the other shards are asked for,
      so that their scripts do not hold up the first results. */
  function ingest(own) {
    var q = window.coursebookSearch || [];
    for (; seen < q.length; seen += 1) {
      var c = q[seen];
      // The root comes first: its language is the site's, and each shard's by default.
      if (typeof c.lang !== "string") c.lang = lang;
      else if (!chunks.length) lang = c.lang;
      needStemmer(c.lang);
      c.keys = [];
      chunks.push(c);
      (c.docs || []).forEach(function (d) {
        d.c = c;
        d.i = docs.length;
        docs.push(d);
      });
      (c.shards || []).forEach(function (s, i) {
        var f = c.f && c.f[i];
        var l = c.sl && typeof c.sl[i] === "string" ? c.sl[i] : c.lang;
        needStemmer(l);
        shards.push({ src: s, bits: typeof f === "string" ? unbase64(f) : null, requested: false, lang: l });
      });
    }
    if (own && input.value.trim()) {
      run();
      requestAnimationFrame(function () {
        setTimeout(loadShards, 0);
      });
      return;
    }
    loadShards();
    if (!input.value.trim()) return;
    // Results show as soon as there are any (this page's programme first), then once
    // every shard is in: searching again as each arrives would cost more than loading.
    if (!waiting() || !shown) run();
  }
  /** The shards not yet asked for whose filters query `q` can match (by each shard's
      language; a shard whose stemmer is still loading waits for it). */
  function wanted(q) {
    var byLang = {};
    return shards.filter(function (s) {
      if (s.requested) return false;
      if (!(s.lang in byLang)) byLang[s.lang] = parse(q, s.lang);
      var groups = byLang[s.lang];
      return !!groups && groups.length > 0 && mayMatch(s.bits, groups);
    });
  }
  /** Whether results may still come: shards loading, or wanted and not yet asked for. */
  function waiting() {
    return pending > 0 || (typed && wanted(input.value.trim()).length > 0);
  }
  /** Once someone types: the shards the query can match, this page's programme's first. */
  function loadShards() {
    clearTimeout(timer);
    if (!typed || !shards.length || ownPending) return;
    var want = wanted(input.value.trim());
    var own = want.filter(function (s) { return s.src === here + "/searchindex.js"; })[0];
    if (own) {
      own.requested = ownPending = true;
      load(own.src, true);
      return;
    }
    want.forEach(function (s) {
      s.requested = true;
      load(s.src, false);
    });
  }
  /** Loads shards for the query: at once, or once typing rests while the word being typed
      is under three characters (which most shards match). */
  function loadSoon() {
    var groups = parse(input.value.trim(), lang) || [];
    var last = groups.length ? groups[groups.length - 1] : [];
    var w = last[last.length - 1];
    clearTimeout(timer);
    if (w && w.prefix && Array.from(w.key).length < 3) timer = setTimeout(loadShards, 300);
    else loadShards();
  }
  function start() {
    if (started) return;
    started = true;
    load("searchindex.js");
  }

  // ---- Queries ----
  /** Terms and phrases of a query, stemmed by `lang` (null while its stemmer loads); the
      last word, still being typed, matches as a prefix, and in a language without a
      stemmer every word does. */
  function parse(q, lang) {
    if (SNOWBALL[lang] && !missing[lang] && !snowball(lang)) return null;
    q = q.replace(/[\u201c\u201d]/g, "\"");
    var parts = q.split("\"");
    var typing = !/[\s"]$/.test(q);
    var every = lang !== "en" && (!SNOWBALL[lang] || !!missing[lang]);
    var groups = [];
    parts.forEach(function (part, i) {
      var ws = spans(part).map(function (s) {
        var w = keyStem(s.run, lang);
        w.prefix = every;
        return w;
      });
      if (!ws.length) return;
      if (i % 2 === 1 && ws.length > 1) groups.push(ws);
      else ws.forEach(function (w) { groups.push([w]); });
    });
    if (typing && groups.length) {
      var last = groups[groups.length - 1];
      last[last.length - 1].prefix = true;
    }
    return groups;
  }
  function keyOf(c, n) {
    if (c.keys[n] === undefined) {
      var m = LEAD.exec(c.v[n]);
      c.keys[n] = m ? key(c.lang === "fr" ? elide(m[0]) : m[0]) : "";
    }
    return c.keys[n];
  }
  function hex(cp) {
    return "\\u" + ("000" + cp.toString(16)).slice(-4);
  }
  /** A character class of the entries of chunk `c` that word `w` matches (`exact`: by its
      stem alone, not as a prefix), or null. */
  function wordClass(c, w, exact) {
    var out = "";
    var prefix = w.prefix && !exact;
    for (var n = 0; n < c.s.length; n += 1) {
      var s = c.s[n];
      if (!s) continue;
      if (s === w.stem || (prefix && (s.indexOf(w.stem) === 0 || keyOf(c, n).indexOf(w.key) === 0))) {
        out += hex(code(n));
      }
    }
    return out ? "[" + out + "]" : null;
  }
  /** A group's regular expression for chunk `c` (`exact`: by stems alone), or null. */
  function groupRe(c, group, exact) {
    var src = "";
    for (var k = 0; k < group.length; k += 1) {
      var cls = wordClass(c, group[k], exact);
      if (!cls) return null;
      src += cls;
    }
    return new RegExp(src, "g");
  }
  /** Per group, {all, exact} regular expressions for chunk `c` (`exact` is `all` when no
      word is a prefix, null when no exact match is there), or null when a group cannot
      match there. */
  function patterns(c, groups) {
    if (c.cache && c.cache.q === groups.q) return c.cache.res;
    c.cache = { q: groups.q, res: null };
    var res = [];
    for (var g = 0; g < groups.length; g += 1) {
      var all = groupRe(c, groups[g], false);
      if (!all) return null;
      var prefixed = groups[g].some(function (w) { return w.prefix; });
      res.push({ all: all, exact: prefixed ? groupRe(c, groups[g], true) : all });
    }
    c.cache.res = res;
    return res;
  }
  function test(re, s) {
    re.lastIndex = 0;
    return !!s && re.test(s);
  }
  /** A group's score in one of a page's texts: `weight` when it matches there, twice that
      when it matches by stems alone (an exact match ranks over a prefix match). */
  function scored(p, s, weight) {
    if (!test(p.all, s)) return 0;
    return p.exact && (p.exact === p.all || test(p.exact, s)) ? 2 * weight : weight;
  }
  function search(q) {
    // The query stemmed once per language of the chunks (each chunk's `lang`).
    var byLang = {};
    var hits = [];
    docs.forEach(function (d) {
      var l = d.c.lang;
      if (!(l in byLang)) {
        byLang[l] = parse(q, l);
        if (byLang[l]) byLang[l].q = q + "\u0000" + l;
      }
      var groups = byLang[l];
      if (!groups || !groups.length) return;
      var res = patterns(d.c, groups);
      if (!res) return;
      var score = 0;
      for (var g = 0; g < res.length; g += 1) {
        var p = res[g];
        var add = scored(p, d.t, /^Prompt/.test(d.w || "") ? 10 : 100) || scored(p, d.h, 10) ||
          scored(p, d.b, 1);
        if (!add) return;
        score += add;
      }
      hits.push({ d: d, score: score, res: res.map(function (p) { return p.all; }) });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.d.i - b.d.i; });
    return hits;
  }

  // ---- Results ----
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  /** Positions in `s` that a group matches. */
  function marked(s, res) {
    var at = {};
    res.forEach(function (re) {
      re.lastIndex = 0;
      var m;
      while ((m = re.exec(s))) {
        for (var k = 0; k < m[0].length; k += 1) at[m.index + k] = true;
      }
    });
    return at;
  }
  /** Tokens `from`..`to` of `s` into `into`, words at `at` in <mark>. */
  function write(into, c, s, from, to, at) {
    var text = "";
    function flush() {
      if (text) into.appendChild(document.createTextNode(text));
      text = "";
    }
    for (var k = from; k < to; k += 1) {
      var tok = c.v[entry(s.charCodeAt(k))] || "";
      var lead = LEAD.exec(tok);
      var word = lead && c.s[entry(s.charCodeAt(k))] ? lead[0] : "";
      var tail = tok.slice(word.length);
      tail = tail === "\n" && k + 1 < to ? " · " : tail.replace(/\n/g, " ");
      if (word && at[k]) {
        flush();
        into.appendChild(el("mark", "", word));
        text = tail;
      } else {
        text += word + tail;
      }
    }
    flush();
  }
  function snippet(h) {
    var d = h.d;
    var s = d.b || "";
    if (!s) return null;
    var first = -1;
    h.res.forEach(function (re) {
      re.lastIndex = 0;
      var m = re.exec(s);
      if (m && (first < 0 || m.index < first)) first = m.index;
    });
    var from = Math.max(0, first - BEFORE);
    var to = Math.min(s.length, Math.max(first, 0) + AFTER);
    var span = el("span", "sr-snippet");
    if (from > 0) span.appendChild(document.createTextNode("… "));
    write(span, d.c, s, from, to, marked(s.slice(0, to), h.res));
    if (to < s.length) span.appendChild(document.createTextNode(" …"));
    return span;
  }
  function run() {
    var q = input.value.trim();
    list.textContent = "";
    if (!q) {
      box.hidden = true;
      status.textContent = "";
      return;
    }
    var hits = search(q);
    var more = waiting();
    hits.slice(0, MAX).forEach(function (h) {
      var li = el("li");
      var a = el("a");
      a.href = root + h.d.u;
      var title = el("span", "sr-title");
      write(title, h.d.c, h.d.t, 0, h.d.t.length, marked(h.d.t, h.res));
      a.appendChild(title);
      if (h.d.w) a.appendChild(el("span", "sr-when", h.d.w));
      var snip = snippet(h);
      if (snip) a.appendChild(snip);
      li.appendChild(a);
      list.appendChild(li);
    });
    var msg;
    if (hits.length) msg = hits.length > MAX ? T("n_results_first", { n: hits.length, shown: MAX }) : T("n_results", { n: hits.length });
    else msg = more ? T("search_loading") : T("search_none", { query: q });
    status.textContent = msg;
    if (!hits.length) list.appendChild(el("li", "sr-empty", msg));
    if (hits.length) shown = true;
    // The query these results are for, beside whether every shard it can match is in.
    box.setAttribute("data-query", q);
    box.setAttribute("data-state", more ? "loading" : "done");
    box.hidden = false;
  }
  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }
  function close() {
    box.hidden = true;
  }
  // The root file (home and site pages, the list of shards) loads when the box is
  // focused; the programmes' shards when a query can match them.
  input.addEventListener("focus", start);
  input.addEventListener("input", function () {
    start();
    typed = true;
    loadSoon();
    run();
  });
  input.addEventListener("keydown", function (e) {
    var l = links();
    if (e.key === "ArrowDown" && l.length) {
      e.preventDefault();
      l[0].focus();
    } else if (e.key === "Enter" && l.length) {
      e.preventDefault();
      l[0].click();
    } else if (e.key === "Escape") {
      input.value = "";
      run();
    }
  });
  box.addEventListener("keydown", function (e) {
    var l = links();
    var i = l.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && i < l.length - 1) {
      e.preventDefault();
      l[i + 1].focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (i > 0) l[i - 1].focus();
      else input.focus();
    } else if (e.key === "Escape") {
      // Focus first: focusing the box with a query in it opens the results again.
      input.focus();
      close();
    }
  });
  document.addEventListener("click", function (e) {
    if (!box.contains(e.target) && e.target !== input) close();
  });
  input.addEventListener("focus", function () {
    if (input.value.trim()) run();
  });
})();
