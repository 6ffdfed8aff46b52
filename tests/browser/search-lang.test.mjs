// Search by language from file://: tests/fixtures/search-lang built into a temp dir (an
// English site with a French programme, a Welsh programme and an English programme with a
// German edition) and searched in headless Chromium. Each programme's shard is searched with
// its own language's stemmer: Snowball's scripts for French and German, loaded from
// theme/search-stem-*.js by search.js; Welsh has none and matches every word as a prefix.
// The index side is tests/search_lang.rs; the shared word rules tests/search_lang_cases.rs.
// Run from the repository root: node --test tests/browser/search-lang.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { collectErrors } from "./helpers.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
let site;
let browser;
const errors = [];

before(async () => {
  site = mkdtempSync(join(tmpdir(), "coursebook-search-lang-"));
  execFileSync("cargo", ["run", "-q", "--", "build", "--root", "tests/fixtures/search-lang", "--dest", site], {
    cwd: repo,
    stdio: "inherit",
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (site) rmSync(site, { recursive: true, force: true });
  assert.deepEqual(errors, [], "console errors");
});

/** Page `from` of the site, searched for `query` (typed key by key); waits for the whole
    index. Returns the page and the results' titles and links, in order. */
async function search(from, query) {
  const page = await browser.newPage();
  collectErrors(page, errors);
  await page.goto(pathToFileURL(join(site, from)).href);
  await page.locator("#search-input").pressSequentially(query, { delay: 5 });
  await page.locator(`#search-results[data-state=done][data-query="${query.trim().replace(/"/g, '\\"')}"]`).waitFor();
  const links = page.locator("#search-results a");
  const titles = await links.locator(".sr-title").allTextContents();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  return { page, titles, hrefs };
}

test("French: 'enregistrements' finds the page that says \"L'enregistrement\", Snowball's script loaded", async () => {
  const { page, titles, hrefs } = await search("francais/01-notes.html", "enregistrements");
  assert.ok(titles.includes("Prendre des notes"), JSON.stringify(titles));
  assert.ok(hrefs.some((h) => h.endsWith("francais/01-notes.html")), JSON.stringify(hrefs));
  const marks = await page.locator("#search-results .sr-snippet mark").allTextContents();
  assert.ok(marks.includes("L\u2019enregistrement"), JSON.stringify(marks)); // smart punctuation
  const scripts = await page.locator("script[src]").evaluateAll((s) => s.map((x) => x.getAttribute("src")));
  assert.ok(scripts.some((s) => s.endsWith("theme/search-stem-fr.js")), JSON.stringify(scripts));
  assert.ok(scripts.some((s) => s.endsWith("theme/search-stem-base.js")), JSON.stringify(scripts));
  // Stemmed the French way: "enregistrements" is no English word, and no prefix of the text.
  assert.equal(await page.evaluate(() => typeof window.FrenchStemmer), "function");
  await page.close();
});

test("French: \"l'action\" finds the page that says \"actions\"", async () => {
  const { page, titles } = await search("francais/index.html", "l'action ");
  // The session, and the theme's own "Fiche de plan d'action" (its action plan sheet).
  assert.deepEqual(titles.slice().sort(), ["Fiche de plan d'action", "Les plans"]);
  await page.close();
});

test("German edition: 'Aufzeichnung' finds 'Aufzeichnungen' by the German stemmer", async () => {
  const { page, titles } = await search("english.de/01-board.html", "Aufzeichnung ");
  assert.ok(titles.includes("Die Tafel"), JSON.stringify(titles));
  await page.close();
});

test("Welsh: 'cofnod' finds 'cofnodion' as a prefix, every word, the exact match first", async () => {
  const { page, titles } = await search("cymraeg/01-cofnodion.html", "cofnod ");
  // Not the word being typed (the query ends in a space): still a prefix, as Welsh has no stemmer.
  assert.deepEqual(titles, ["Darllen", "Ysgrifennu"]);
  await page.close();
  const two = await search("cymraeg/index.html", "cofnod bwysig");
  assert.deepEqual(two.titles, ["Ysgrifennu"]);
  await two.page.close();
});

test("English: 'stickies' still finds 'sticky', and English words are not prefixes", async () => {
  const { page, titles } = await search("english/index.html", "stickies ");
  assert.deepEqual(titles, ["The board"]);
  await page.close();
  const none = await search("english/index.html", "stic board");
  assert.deepEqual(none.titles, [], "a whole English word is not a prefix");
  await none.page.close();
});
