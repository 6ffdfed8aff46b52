// A delivery's own clock: its page, run sheets and sign-in sheets load the delivery's
// `schedule.js`, so "now and next" and "running late" follow that delivery's dates and
// times (the example's four-mornings run, Europe/London), read in the delivery's zone on a
// device in another (Los Angeles); session pages list when they run in each delivery and
// hide the past runs.
// Run from the repository root: node --test tests/browser/delivery-room.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { pdfPages } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const RUN = "recording/deliveries/autumn-half-days";

let tmp;
let dest;
let browser;
const errors = [];
const url = (rel) => pathToFileURL(join(dest, rel)).href;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "coursebook-delivery-room-"));
  dest = join(tmp, "site");
  execFileSync("cargo", ["run", "-q", "--", "build", "--dest", dest], { cwd: repo, stdio: "inherit" });
  browser = await chromium.launch({ executablePath: CHROMIUM });
});

after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  assert.deepEqual(errors, []);
});

/** A page on a device in Los Angeles, its clock fixed at `utc`. */
async function pageAt(utc, { quiet = false } = {}) {
  const context = await browser.newContext({ timezoneId: "America/Los_Angeles" });
  const page = await context.newPage();
  // axe reads the stylesheets itself, which file:// refuses it: errors of its own.
  if (!quiet) page.on("console", (m) => m.type() === "error" && errors.push(`${page.url()}: ${m.text()}`));
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  await page.clock.setFixedTime(new Date(utc));
  return page;
}

const barText = async (page) => (await page.locator("#now-bar .now-line").textContent()).replace(/\s+/g, " ").trim();
const rowTimes = async (page, table, title) => {
  const row = page.locator(`${table} tr[data-start]`, { hasText: title }).first();
  return `${await row.locator(".t-start").textContent()}–${await row.locator(".t-end").textContent()}`;
};

// 09:05 UTC on 11 October 2027 is 10:05 in London (BST): the third morning of the run,
// 02:05 on the device.
const THIRD_MORNING = "2027-10-11T09:05:00Z";

test("the delivery's page says what runs now on its own third morning, by its zone", async () => {
  const page = await pageAt(THIRD_MORNING);
  await page.goto(url(`${RUN}/index.html`));
  assert.equal(await page.locator("#now-bar").isVisible(), true);
  assert.match(await barText(page), /^Now: Involving children and parents.* until 10:30 · Next: .*10:30$/);
  const table = 'table.timetable[data-date="2027-10-11"]';
  assert.match(await page.locator(`${table} tr.is-now`).textContent(), /Involving children and parents/);
  assert.equal(await page.locator("tr.is-now").count(), 1, "only that day's row");
  // The run sheet of that day marks the same row.
  await page.goto(url(`${RUN}/runsheet-day-3.html`));
  assert.match(await page.locator("table.runsheet tr.is-now").textContent(), /Involving children and parents/);
  // The programme's own timetable (its dates are in March) has nothing to say today.
  await page.goto(url("recording/timetable.html"));
  assert.equal(await page.locator("#now-bar").isVisible(), false);
  assert.equal(await page.locator("tr.is-now").count(), 0);
  await page.context().close();
});

test("running late moves that delivery's times, on its page and its run sheet, and no other's", async () => {
  const page = await pageAt(THIRD_MORNING);
  await page.goto(url(`${RUN}/index.html`));
  const table = 'table.timetable[data-date="2027-10-11"]';
  assert.equal(await rowTimes(page, table, "Involving children"), "10:00–10:30");
  const control = page.locator("#day-3 .late-control");
  await control.locator("summary", { hasText: "Running late" }).click();
  await control.getByRole("button", { name: "+10 min" }).click();
  assert.match(await control.locator(".late-status").textContent(), /Running 10 min late from 10:05/);
  assert.equal(await rowTimes(page, table, "Involving children"), "10:00–10:40");
  assert.equal(await rowTimes(page, table, "Coffee"), "10:40–10:55");
  assert.equal(await rowTimes(page, table, "Recap of day one"), "09:30–10:00", "before the delay");
  // Another day of the same run is not moved.
  assert.equal(await rowTimes(page, 'table.timetable[data-date="2027-10-04"]', "Coffee"), "10:30–10:45");
  await page.goto(url(`${RUN}/runsheet-day-3.html`));
  assert.equal(await rowTimes(page, "table.runsheet", "Coffee"), "10:40–10:55");
  // The programme's day two, with the same sessions on its own date, keeps its times.
  await page.goto(url("recording/timetable.html"));
  assert.equal(await page.locator("tr.is-late").count(), 0);
  await page.goto(url(`${RUN}/index.html`));
  await page.locator("#now-bar .late-status").getByRole("button", { name: /Reset/ }).click();
  assert.equal(await rowTimes(page, table, "Coffee"), "10:30–10:45");
  await page.context().close();
});

test("a session page lists its runs in each delivery and hides the past ones", async () => {
  const page = await pageAt(THIRD_MORNING);
  await page.goto(url("recording/day-2/02-involving-children-and-parents.html"));
  const items = page.locator(".session-runs li");
  assert.equal(await items.count(), 2);
  const shown = page.locator(".session-runs li:not([hidden])");
  assert.equal(await shown.count(), 1, "the spring run is past");
  assert.match(await shown.textContent(), /Autumn 2027, four mornings online.*Monday 11 October 2027, 10:00/);
  await shown.locator("a").click();
  assert.match(page.url(), /autumn-half-days\/index\.html#day-3-1000$/);
  assert.match(await page.locator(":target").textContent(), /Involving children and parents/);
  await page.context().close();
});

test("every run sheet and sign-in sheet of a delivery prints on one A4 page", async () => {
  const page = await pageAt(THIRD_MORNING);
  const sheets = [];
  for (const run of [RUN, "recording/deliveries/spring-2027"]) {
    const days = run === RUN ? 4 : 2;
    for (let n = 1; n <= days; n += 1) sheets.push(`${run}/runsheet-day-${n}.html`, `${run}/signin-day-${n}.html`);
  }
  for (const rel of sheets) {
    await page.goto(url(rel));
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    assert.equal(pdfPages(pdf), 1, rel);
  }
  await page.context().close();
});

test("axe-core: a delivery's page with its bar and running-late control", async () => {
  const page = await pageAt(THIRD_MORNING, { quiet: true });
  await page.goto(url(`${RUN}/index.html`));
  await page.locator("#day-3 .late-control summary").click();
  const results = await page.evaluate(async (src) => {
    // eslint-disable-next-line no-eval
    (0, eval)(src);
    return (await window.axe.run(document.querySelector("main"))).violations;
  }, axeSource);
  assert.deepEqual(
    results.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
    [],
  );
  await page.context().close();
});
