/* coursebook search's words: the code that exists twice, in the build and here, held to
   the same cases (tests/cases/shared.json, checked on both sides: tests/shared_cases.rs,
   tests/search_lang_cases.rs, tests/browser/shared-cases.test.mjs). Words, keys and stems
   as src/render/search/words.rs makes them (English: a light stemmer of our own; French,
   German and Spanish: Snowball's, from theme/search-stem-*.js, which search.js loads when
   a shard needs them; other languages: the key), token characters as pack.rs writes them,
   shard filters as filter.rs builds them. Loaded before search.js, which reads them from
   window.coursebookSearchWords; under Node (given a `module`) they are handed over. */
(function () {
  "use strict";
  // ---- Words (src/render/search/words.rs) ----
  var RUN = /[\p{Alphabetic}\p{N}'\u2019\u0300-\u036f]+/gu;
  var LEAD = /^[\p{Alphabetic}\p{N}'\u2019\u0300-\u036f]+/u;
  var DROP = /['\u2019\u0300-\u036f]/g;

  function key(run) {
    if (/^[a-z0-9]*$/.test(run)) return run;
    if (/^[\x00-\x7f]*$/.test(run)) return run.replace(/'/g, "").toLowerCase();
    return run.toLowerCase().normalize("NFD").replace(DROP, "");
  }
  /** The words of `text`: [{start, end, key, run}]. */
  function spans(text) {
    var out = [];
    var m;
    RUN.lastIndex = 0;
    while ((m = RUN.exec(text))) {
      var k = key(m[0]);
      if (k) out.push({ start: m.index, end: m.index + m[0].length, key: k, run: m[0] });
    }
    return out;
  }
  var ELIDED = ["c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"];
  /** French: a run without its elided article or pronoun, "l'action" as "action" (words.rs). */
  function elide(run) {
    var m = /^([A-Za-z]+)['\u2019](?=[\p{Alphabetic}\p{N}])/u.exec(run);
    return m && ELIDED.indexOf(m[1].toLowerCase()) >= 0 ? run.slice(m[0].length) : run;
  }
  function consonant(w, i) {
    var c = w.charAt(i);
    if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
    if (c === "y") return i === 0 || !consonant(w, i - 1);
    return true;
  }
  function measure(w) {
    var m = 0;
    var prevVowel = false;
    for (var i = 0; i < w.length; i += 1) {
      var c = consonant(w, i);
      if (c && prevVowel) m += 1;
      prevVowel = !c;
    }
    return m;
  }
  function hasVowel(w) {
    for (var i = 0; i < w.length; i += 1) if (!consonant(w, i)) return true;
    return false;
  }
  function doubleConsonant(w) {
    var n = w.length;
    return n >= 2 && w.charAt(n - 1) === w.charAt(n - 2) && consonant(w, n - 1);
  }
  function cvc(w) {
    var n = w.length;
    return n >= 3 && consonant(w, n - 3) && !consonant(w, n - 2) && consonant(w, n - 1) &&
      "wxy".indexOf(w.charAt(n - 1)) < 0;
  }
  /** The English stemmer: Porter's steps 1a, 1b, 1c, 5a, 5b with three changes (words.rs). */
  function english(k) {
    if (k.length < 3 || !/^[a-z]+$/.test(k)) return k;
    var w = k;
    function ends(s) {
      return w.length >= s.length && w.slice(w.length - s.length) === s;
    }
    if (ends("sses") || ends("ies") || ends("xes") || ends("ches") || ends("shes")) w = w.slice(0, -2);
    else if (ends("ss") || ends("us") || ends("is")) w = w.slice(0);
    else if (ends("s")) w = w.slice(0, -1);
    if (ends("eed")) {
      if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
    } else {
      var cut = 0;
      if (ends("ed") && hasVowel(w.slice(0, -2))) cut = 2;
      else if (ends("ing") && hasVowel(w.slice(0, -3))) cut = 3;
      if (cut) {
        w = w.slice(0, -cut);
        if (ends("at") || ends("bl") || ends("iz")) w += "e";
        else if (doubleConsonant(w) && "lsz".indexOf(w.charAt(w.length - 1)) < 0) w = w.slice(0, -1);
        else if (measure(w) === 1 && cvc(w)) w += "e";
      }
    }
    var n = w.length;
    if (n >= 2 && w.charAt(n - 1) === "y" && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + "i";
    if (ends("e")) {
      var stem = w.slice(0, -1);
      var m = measure(stem);
      if (m > 1 || (m === 1 && !cvc(stem))) w = stem;
    }
    if (measure(w) > 1 && doubleConsonant(w) && ends("l")) w = w.slice(0, -1);
    return w;
  }
  // Snowball's stemmers, from theme/search-stem-<lang>.js (global constructors).
  var SNOWBALL = { fr: "FrenchStemmer", de: "GermanStemmer", es: "SpanishStemmer" };
  var snowballs = {};
  // Languages whose script failed to load: their words are stemmed as no language's.
  var missing = {};
  function snowball(lang) {
    if (!snowballs[lang]) {
      var g = typeof globalThis !== "undefined" ? globalThis : window;
      var C = g[SNOWBALL[lang]];
      if (typeof C !== "function" || typeof g.BaseStemmer !== "function") return null;
      snowballs[lang] = new C();
    }
    return snowballs[lang];
  }
  /** A word's key and stem in language `lang` (words.rs `Stemmer::key_stem`): Snowball
      stems the word lowercased and composed, apostrophes out, and the stem is folded like a
      key; English stems the key; other languages keep the key. */
  function keyStem(run, lang) {
    var sb = SNOWBALL[lang] && !missing[lang] && snowball(lang);
    if (sb) {
      if (lang === "fr") run = elide(run);
      var k = key(run);
      var bare = run.toLowerCase().normalize("NFC").replace(/['\u2019]/g, "");
      // Past U+FFFF Snowball's positions differ from the build's (UTF-16 here): the key.
      var st = /[\ud800-\udfff]/.test(bare) ? "" : key(sb.stemWord(bare));
      return { key: k, stem: st || k };
    }
    var k2 = key(run);
    return { key: k2, stem: lang === "en" ? english(k2) : k2 };
  }
  /** The stems of `text`'s words (the shared cases' `words`). */
  function stems(text, lang) {
    return spans(text).map(function (s) { return keyStem(s.run, lang).stem; });
  }

  // ---- Token characters (src/render/search/pack.rs) ----
  var BMP_LOW = 0xd800 - 0xa0;
  function code(n) {
    var cp;
    if (n < 93) {
      cp = 0x20 + n;
      if (cp >= 0x22) cp += 1;
      if (cp >= 0x5c) cp += 1;
    } else if (n < 93 + BMP_LOW) cp = 0xa0 + n - 93;
    else cp = 0xe000 + n - 93 - BMP_LOW;
    return cp;
  }
  function entry(cp) {
    if (cp < 0x7f) return cp - 0x20 - (cp > 0x22 ? 1 : 0) - (cp > 0x5c ? 1 : 0);
    if (cp < 0xd800) return 93 + cp - 0xa0;
    return 93 + BMP_LOW + cp - 0xe000;
  }

  // ---- Shard filters (src/render/search/filter.rs) ----
  var PROBES = 7;
  /** The bits item `item` sets in a filter of `m` bits. */
  function probes(item, m) {
    var h1 = 0x811c9dc5;
    for (var i = 0; i < item.length; i += 1) {
      h1 = Math.imul(h1 ^ item.charCodeAt(i), 0x01000193) >>> 0;
    }
    var h2 = (Math.imul(h1 ^ (h1 >>> 15), 0x2c1b3c6d) | 1) >>> 0;
    var out = [];
    for (var k = 0; k < PROBES; k += 1) out.push(((h1 + Math.imul(k, h2)) >>> 0) % m);
    return out;
  }
  /** Whether filter `bits` (bytes) holds `item`; null (no filter) holds everything. */
  function holds(bits, item) {
    if (!bits) return true;
    if (!bits.length) return false;
    return probes(item, bits.length * 8).every(function (b) {
      return (bits[b >> 3] & (1 << (b & 7))) !== 0;
    });
  }
  function unbase64(f) {
    var bin = atob(f);
    var bits = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i += 1) bits[i] = bin.charCodeAt(i);
    return bits;
  }
  /** A word being typed is in the filter by the first four characters of its stem or key. */
  function holdsPrefix(bits, w) {
    return [w.stem, w.key].some(function (x) {
      return !x || holds(bits, "<" + Array.from(x).slice(0, 4).join(""));
    });
  }
  /** Whether a shard with filter `bits` can hold a match for every group of a query. */
  function mayMatch(bits, groups) {
    return groups.every(function (g) {
      return g.every(function (w) {
        return w.prefix ? holdsPrefix(bits, w) : holds(bits, "=" + w.stem);
      });
    });
  }

  var words = {
    RUN: RUN, LEAD: LEAD, key: key, spans: spans, elide: elide, english: english,
    SNOWBALL: SNOWBALL, snowball: snowball, missing: missing, keyStem: keyStem, stems: stems,
    code: code, entry: entry, probes: probes, holds: holds, unbase64: unbase64,
    mayMatch: mayMatch
  };
  if (typeof module === "object" && module && module.exports) module.exports = words;
  else window.coursebookSearchWords = words;
})();
