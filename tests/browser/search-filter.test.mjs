// Search loads only the shards a query can match (each shard's filter in the root index,
// src/render/search/filter.rs): a site of three programmes built into a temp dir, searched
// from file:// in headless Chromium. The other search behaviour is in search.test.mjs.
// Run from the repository root: node --test tests/browser/search-filter.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { collectErrors } from "./helpers.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
let dir;
let site;
let browser;
const errors = [];

const session = (title, body) =>
  `---\ntitle: ${title}\nday: 1\nblock: before-coffee\nduration: 30m\n---\n${body}\n`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "coursebook-search-filter-"));
  const files = {
    "book.toml": "[book]\ntitle = \"Filters\"\n",
    "content/index.md": "---\ntitle: Welcome\n---\nHome.\n",
    "content/alpha/open.md": session("Opening", "Welcome, marmalade and plans for the day."),
    "content/beta/notes.md": session("Case notes", "The xylophonist kept a recording of every visit."),
    "content/gamma/close.md": session("Closing", "Feedback and goodbyes."),
  };
  for (const p of ["alpha", "beta", "gamma"]) {
    files[`content/${p}/index.md`] =
      `---\ntitle: Programme ${p}\ndays:\n  - { title: Day one, date: 2027-03-01 }\n---\nAbout ${p}.\n`;
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  site = join(dir, "site");
  execFileSync("cargo", ["run", "-q", "--", "build", "--root", dir, "--dest", site], { cwd: repo, stdio: "inherit" });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(errors, [], "console errors");
});

/** Alpha's session page, `query` typed key by key; waits for every shard the whole query can match. */
async function search(query, type = (loc) => loc.pressSequentially(query, { delay: 20 })) {
  const page = await browser.newPage();
  collectErrors(page, errors);
  await page.goto(pathToFileURL(join(site, "alpha/open.html")).href);
  await type(page.locator("#search-input"));
  // Done for the whole query, not for a prefix typed on the way to it.
  await page.locator(`#search-results[data-state=done][data-query="${query.trim()}"]`).waitFor();
  // Loaded index files, site-relative.
  const loaded = await page.evaluate(() =>
    Array.from(document.querySelectorAll("script[src$='searchindex.js']"), (s) =>
      s.getAttribute("src").replace(/^(\.\.\/)+/, "")).sort());
  return { page, loaded, links: page.locator("#search-results a") };
}

test("a word only in another programme loads that programme's shard alone and finds it", async () => {
  const { page, loaded, links } = await search("xylophonist");
  assert.deepEqual(loaded, ["beta/searchindex.js", "searchindex.js"]);
  assert.equal(await links.count(), 1);
  assert.match(await links.first().getAttribute("href"), /beta\/notes\.html$/);
  assert.deepEqual(await links.first().locator("mark").allTextContents(), ["xylophonist"]);
  await page.close();
});

test("the word being typed matches as a prefix: 'reco' finds 'recording' in another programme", async () => {
  // Key by key: whatever the one- and two-letter prefixes loaded on the way (a slow
  // machine can rest long enough between keys for them to load), "reco" finds it.
  const typed = await search("reco");
  assert.ok(typed.loaded.includes("beta/searchindex.js"), typed.loaded.join(" "));
  assert.equal(await typed.links.count(), 1);
  assert.deepEqual(await typed.links.first().locator("mark").allTextContents(), ["recording"]);
  await typed.page.close();
  // The four letters at once (pasted): only the shards whose words can start so load.
  const { page, loaded, links } = await search("reco", (loc) => loc.fill("reco"));
  assert.ok(loaded.includes("beta/searchindex.js"), loaded.join(" "));
  assert.ok(!loaded.includes("gamma/searchindex.js"), loaded.join(" "));
  assert.equal(await links.count(), 1);
  assert.deepEqual(await links.first().locator("mark").allTextContents(), ["recording"]);
  await page.close();
});

test("a word in no programme loads no shard and says so", async () => {
  const { page, loaded } = await search("zzyzx ");
  assert.deepEqual(loaded, ["searchindex.js"]);
  assert.match(await page.locator("#search-status").textContent(), /No results/);
  await page.close();
});

test("this page's programme is searched when the query can match it", async () => {
  const { page, loaded, links } = await search("marmalade", (loc) => loc.fill("marmalade"));
  assert.deepEqual(loaded, ["alpha/searchindex.js", "searchindex.js"]);
  assert.match(await links.first().getAttribute("href"), /open\.html$/);
  await page.close();
});
