// The JavaScript half of tests/cases/shared.json: the letter page's CSV reading, cell
// cleaning, file slugs and zip writer (letter-save.js), and the date in words (letters.js),
// must give the outputs the Rust code gives (tests/shared_cases.rs); search-words.js's words,
// stems and token characters those of the search index (src/render/search/). (Search links come
// encoded from the build: no JS half.)
// The scripts are loaded as the browser loads them, in a fresh context; given a `module`,
// they hand over their helpers instead of looking for the page.
// Run from the repository root: node --test tests/browser/*.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cases = JSON.parse(readFileSync(join(repo, "tests/cases/shared.json"), "utf8"));

function load(name) {
  const module = { exports: {} };
  const code = readFileSync(join(repo, "themes/default/static", name), "utf8");
  vm.runInNewContext(code, { module, TextEncoder }, { filename: name });
  assert.ok(Object.keys(module.exports).length > 0, `${name} handed over no helpers`);
  return module.exports;
}
const letters = load("letter-save.js");
const search = load("search-words.js");

/** Runs `f` on each case's input; every mismatch is listed, not only the first. */
function each(kind, f) {
  const list = cases[kind];
  assert.ok(Array.isArray(list) && list.length > 0, `no ${kind} cases`);
  const wrong = [];
  for (const c of list) {
    // Through JSON: values made in the script's context have that context's prototypes.
    const got = JSON.parse(JSON.stringify(f(c.in)));
    const want = "out" in c ? c.out : { separator: c.separator, header: c.header, rows: c.rows };
    try {
      assert.deepEqual(got, want);
    } catch {
      wrong.push(`${JSON.stringify(c.in)}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    }
  }
  assert.deepEqual(wrong, [], `${kind}:\n${wrong.join("\n")}`);
}

test("trim", () => each("trim", letters.trim));
test("cell cleaning", () => each("clean", letters.clean));
test("file slugs", () => each("slug", letters.slug));
test("separator detection", () => each("separator", letters.detectSeparator));
test("CSV reading", () => each("csv", letters.readTable));
test("a date in words, in each language", () => {
  const { dateInWords } = load("letters.js");
  const wrong = [];
  for (const c of cases.date_words) {
    const got = dateInWords(c.in, c.lang || "en-GB");
    if (got !== c.out) wrong.push(`${c.lang || "en-GB"} ${JSON.stringify(c.in)}: got ${JSON.stringify(got)}, want ${JSON.stringify(c.out)}`);
  }
  assert.deepEqual(wrong, [], wrong.join("\n"));
});
test("the pseudo-locale's words (en-XA)", () => each("pseudo_words", load("letters.js").pseudoWords));
test("attendance: a cell's yes or no", () => each("attendance_yes", letters.yes));
test("attendance: which columns", () => each("attendance_columns", (c) => letters.attendanceColumns(c.header, c.days)));
test("attendance: who attended", () =>
  each("attendance_rows", (c) => letters.absence(letters.attendanceColumns(c.header, c.days), c.header, c.cells) === null));
test("search stems", () => each("search_stem", search.english));
test("search stems and words by language (Snowball's scripts loaded as a page loads them)", () => {
  const module = { exports: {} };
  const ctx = vm.createContext({ module });
  for (const f of ["search-stem-base.js", "search-stem-fr.js", "search-stem-de.js", "search-stem-es.js", "search-words.js"]) {
    vm.runInContext(readFileSync(join(repo, "themes/default/static", f), "utf8"), ctx, { filename: f });
  }
  const s = module.exports;
  const wrong = [];
  for (const [lang, list] of Object.entries(cases.search_stem_lang)) {
    assert.ok(list.length >= 50, `${lang}: ${list.length} cases`);
    for (const c of list) {
      const got = s.keyStem(c.in, lang).stem;
      if (got !== c.out) wrong.push(`${lang} ${JSON.stringify(c.in)}: got ${got}, want ${c.out}`);
    }
  }
  for (const c of cases.search_words_lang) {
    const got = JSON.stringify(s.stems(c.in, c.lang));
    if (got !== JSON.stringify(c.out)) wrong.push(`${c.lang} ${JSON.stringify(c.in)}: got ${got}, want ${JSON.stringify(c.out)}`);
  }
  assert.deepEqual(wrong, [], wrong.join("\n"));
});
test("search words", () => each("search_words", (t) => search.stems(t, "en")));
test("search token characters", () =>
  each("search_codes", (n) => {
    const cp = search.code(Number(n));
    assert.equal(search.entry(cp), Number(n));
    return String.fromCharCode(cp);
  }));

test("search shard filter probes", () => {
  assert.ok(cases.search_filter.length > 0);
  for (const c of cases.search_filter) {
    assert.deepEqual(JSON.parse(JSON.stringify(search.probes(c.in, c.m))), c.out, `${JSON.stringify(c.in)} in ${c.m} bits`);
  }
});

/** Entry count and names from a zip's end records (ZIP64 when the classic one is full). */
function readZip(bytes) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = bytes.length - 22;
  assert.equal(v.getUint32(eocd, true), 0x06054b50, "end of central directory");
  let count = v.getUint16(eocd + 10, true);
  let at = v.getUint32(eocd + 16, true);
  if (count === 0xffff) {
    const locator = eocd - 20;
    assert.equal(v.getUint32(locator, true), 0x07064b50, "ZIP64 locator");
    const z = Number(v.getBigUint64(locator + 8, true));
    assert.equal(v.getUint32(z, true), 0x06064b50, "ZIP64 end record");
    count = Number(v.getBigUint64(z + 32, true));
    at = Number(v.getBigUint64(z + 48, true));
  }
  const names = [];
  const dec = new TextDecoder();
  for (let i = 0; i < count; i++) {
    assert.equal(v.getUint32(at, true), 0x02014b50, `central header ${i}`);
    const n = v.getUint16(at + 28, true), extra = v.getUint16(at + 30, true), comment = v.getUint16(at + 32, true);
    names.push(dec.decode(bytes.subarray(at + 46, at + 46 + n)));
    at += 46 + n + extra + comment;
  }
  return names;
}

test("zip entry counts past 16 bits", () => {
  for (const n of cases.zip_entries) {
    const files = Array.from({ length: n }, (_, i) => [`${i}.txt`, String(i)]);
    const names = readZip(letters.zip(files));
    assert.equal(names.length, n, `${n} entries`);
    if (n) assert.equal(names[n - 1], `${n - 1}.txt`);
  }
});
