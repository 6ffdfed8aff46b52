// Search in the browser, timed: opens a page of a built site from file:// in headless
// Chromium (a fresh context each run, so nothing is cached), focuses the box, types a query
// and measures from the first keystroke to the results painted: the first results (the
// root file and this page's programme's shard loaded, when the query can match it) and all
// of them (every shard whose filter the query can match loaded: the page's data-state
// "done"); and which shards the page loaded.
//
//   node benches/search_load.mjs SITE_DIR [--page REL] [--runs 5] [--query WORD]...
//
// Used by `python3 benches/catalogue.py search`. playwright-core comes from
// tests/browser/node_modules (`npm ci` there); Chromium is /usr/bin/chromium or $CHROMIUM.
import { createRequire } from "node:module";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(repo, "tests", "browser", "package.json"));
const { chromium } = require("playwright-core");

const args = process.argv.slice(2);
const site = args[0];
let rel = "course-0000/s000.html";
let runs = 5;
const queries = [];
for (let i = 1; i < args.length; i += 2) {
  if (args[i] === "--page") rel = args[i + 1];
  else if (args[i] === "--runs") runs = Number(args[i + 1]);
  else if (args[i] === "--query") queries.push(args[i + 1]);
}
if (!site) {
  console.error("usage: node benches/search_load.mjs SITE_DIR [--page REL] [--runs N] [--query WORD]...");
  process.exit(2);
}
if (!queries.length) queries.push("4999");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const query of queries) {
  const times = [];
  const firsts = [];
  let results = "";
  let shards = 0;
  for (let r = 0; r < runs; r += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(site, rel)).href);
    await page.evaluate((q) => {
      const t = (window.__searchTiming = {});
      const input = document.getElementById("search-input");
      const box = document.getElementById("search-results");
      input.addEventListener("input", () => { if (!t.start) t.start = performance.now(); }, { capture: true });
      const stamp = (key) => requestAnimationFrame(() => setTimeout(() => { t[key] = performance.now(); }, 0));
      new MutationObserver(() => {
        if (input.value !== q || !box.querySelector("a")) return;
        // Shown: after the next paint. First results (this page's programme), then all.
        if (!t.firstSeen) { t.firstSeen = true; stamp("first"); }
        if (!t.doneSeen && box.getAttribute("data-state") === "done") { t.doneSeen = true; stamp("end"); }
      }).observe(box, { attributes: true, childList: true, subtree: true });
    }, query);
    await page.focus("#search-input");
    // The query arrives as one input event (as a paste, or the first keystroke of a word
    // already known): the time of typing it key by key is not the index's.
    await page.keyboard.insertText(query);
    await page.waitForFunction(() => window.__searchTiming.end, null, { timeout: 60000 });
    const t = await page.evaluate(() => window.__searchTiming);
    times.push(t.end - t.start);
    firsts.push((t.first || t.end) - t.start);
    results = await page.locator("#search-status").textContent();
    shards = await page.evaluate(() => document.querySelectorAll("script[src$='searchindex.js']").length - 1);
    await context.close();
  }
  const list = (xs) => xs.map((x) => x.toFixed(0)).join(", ");
  console.log(`query ${JSON.stringify(query)} from ${rel}, first keystroke to results shown, median of ${runs}: ` +
    `first results ${median(firsts).toFixed(0)} ms (${list(firsts)}); every shard it can match loaded and all results ${median(times).toFixed(0)} ms (${list(times)}); ${shards} programme shard(s) loaded; ${results}`);
}
await browser.close();
