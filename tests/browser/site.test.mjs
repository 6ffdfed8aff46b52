// Browser tests: the example site, built into a temp dir and opened from file://, in
// headless Chromium (Debian's /usr/bin/chromium driven by playwright-core).
// Run from the repository root: node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

let dest;
let browser;
const consoleErrors = [];

const url = (rel) => pathToFileURL(join(dest, rel)).href;

before(async () => {
  dest = mkdtempSync(join(tmpdir(), "coursebook-browser-"));
  execFileSync("cargo", ["run", "-q", "--", "build", "--dest", dest], { cwd: repo, stdio: "inherit" });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (dest) rmSync(dest, { recursive: true, force: true });
});

/** A fresh page that records console errors and uncaught exceptions. */
async function newPage(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

test("home → programme → timetable → session → next, from file://", async () => {
  const page = await newPage();
  await page.goto(url("index.html"));
  await page.locator('main a[href="recording/index.html"]').first().click();
  assert.match(page.url(), /recording\/index\.html$/);
  await page.locator("main .tool-links a", { hasText: "Timetable" }).click();
  assert.match(page.url(), /recording\/timetable\.html$/);
  assert.equal(await page.locator("h1").textContent(), "Timetable");
  await page.locator("table.timetable a").first().click();
  assert.match(page.url(), /day-1\/01-introduction\.html$/);
  await page.locator('a[rel="next"]').click();
  assert.match(page.url(), /day-1\/02-web-based-training\.html$/);
  assert.match(await page.locator("h1").textContent(), /web-based training/);
  await page.context().close();
});

test("search finds a session as you type and opens it from the keyboard", async () => {
  const page = await newPage();
  await page.goto(url("recording/timetable.html"));
  await page.locator("#search-input").pressSequentially("case summ", { delay: 20 });
  const first = page.locator("#search-results a").first();
  await first.waitFor();
  assert.match(await first.textContent(), /Case summaries, in pairs/);
  assert.match(await first.locator(".sr-when").textContent(), /Day 1, 10:45/);
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement.closest("#search-results") !== null), true);
  await Promise.all([page.waitForURL(/03-case-summaries\.html$/), page.keyboard.press("Enter")]);
  // Prompts and letters are covered too.
  await page.locator("#search-input").pressSequentially("invitation", { delay: 10 });
  await page.locator("#search-results a", { hasText: "Invitation" }).first().waitFor();
  await page.context().close();
});

test("the letter form fills its preview", async () => {
  const page = await newPage();
  await page.goto(url("recording/letters/invitation.html"));
  const field = page.locator("form input[name=participant_name]");
  assert.equal(await field.count(), 1);
  await field.fill("Ada Lovelace");
  await page.waitForFunction(() => document.querySelector(".letter").textContent.includes("Ada Lovelace"));
  await page.context().close();
});

test("the live timetable marks the session now and the next", async () => {
  const page = await newPage();
  await page.goto(url("recording/timetable.html") + "?now=2027-03-01T10:05");
  const now = page.locator("table.timetable tr.is-now");
  assert.equal(await now.count(), 1);
  assert.match(await now.textContent(), /web-based training/);
  assert.match(await page.locator("table.timetable tr.is-next").textContent(), /Coffee|Case summaries/);
  assert.equal(await page.locator(".sidebar li.is-now").count(), 1);
  await page.goto(url("recording/timetable.html") + "?now=2031-01-01T10:05");
  assert.equal(await page.locator(".is-now").count(), 0);
  await page.context().close();
});

const axePages = [
  "index.html",
  "recording/timetable.html",
  "recording/day-1/03-case-summaries.html",
  "recording/prompts.html",
  "recording/letters/invitation.html",
];

for (const scheme of ["light", "dark"]) {
  test(`axe-core finds no serious or critical violation (${scheme})`, async () => {
    const page = await newPage({ colorScheme: scheme });
    const problems = [];
    for (const rel of axePages) {
      await page.goto(url(rel));
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"], preload: false }));
      for (const v of result.violations) {
        if (v.impact === "serious" || v.impact === "critical") {
          problems.push(`${rel}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}

test("a 375 px wide screen never scrolls sideways", async () => {
  const page = await newPage({ viewport: { width: 375, height: 800 } });
  const pages = [
    ...axePages,
    "recording/index.html",
    "recording/materials.html",
    "recording/handout.html",
    "recording/print.html",
    "recording/runsheet-day-1.html",
  ];
  const wide = [];
  for (const rel of pages) {
    await page.goto(url(rel));
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    if (w > 375) wide.push(`${rel}: ${w}px`);
  }
  // With search results open too.
  await page.goto(url("index.html"));
  await page.locator("#search-input").pressSequentially("post box");
  await page.locator("#search-results a").first().waitFor();
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  if (w > 375) wide.push(`search results: ${w}px`);
  assert.deepEqual(wide, []);
  await page.context().close();
});

/** Pages in a PDF printed from the page, A4 as the print stylesheet asks. */
async function printedPages(page) {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  await page.emulateMedia({ media: "screen" });
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
}

test("each run sheet prints on one A4 page; print.html breaks the page per day", async () => {
  const page = await newPage();
  for (const day of [1, 2]) {
    await page.goto(url(`recording/runsheet-day-${day}.html`));
    assert.equal(await printedPages(page), 1, `run sheet for day ${day}`);
  }
  await page.goto(url("recording/print.html"));
  await page.emulateMedia({ media: "print" });
  const breaks = await page.$$eval("section.print-day", (days) => days.map((d) => getComputedStyle(d).breakBefore));
  assert.deepEqual(breaks, ["auto", "page"]);
  assert.equal(await page.locator(".sidebar").isVisible(), false);
  await page.context().close();
});

test("no console errors on any page visited", () => {
  assert.deepEqual(consoleErrors, []);
});
