// A delivery's sidebar lists the delivery's days and clock times, so "now and next" marks
// the session running by the delivery's clock there too (the example's four-mornings run,
// Europe/London): on its second morning, the sidebar of its page marks that morning's
// session, and the programme's timetable (whose days are in March) marks nothing. Also a
// phone-width screenshot of the delivery page with its sidebar opened, for looking at.
// Run from the repository root: node --test tests/browser/delivery-nav.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { collectErrors } from "./helpers.mjs";

const repo = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const RUN = "recording/deliveries/autumn-half-days";

let tmp;
let dest;
let browser;
const errors = [];
const url = (rel) => pathToFileURL(join(dest, rel)).href;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "coursebook-delivery-nav-"));
  dest = join(tmp, "site");
  execFileSync("cargo", ["run", "-q", "--", "build", "--dest", dest], { cwd: repo, stdio: "inherit" });
  browser = await chromium.launch({ executablePath: CHROMIUM });
});

after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  assert.deepEqual(errors, []);
});

async function open(rel, width = 1280) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  collectErrors(page, errors);
  await page.goto(rel);
  return page;
}

test("the delivery's sidebar has its dates and marks its session now", async () => {
  // The run's second morning (Wednesday 6 October 2027), 09:40 in London.
  const page = await open(`${url(`${RUN}/index.html`)}?now=2027-10-06T09:40`);
  const headings = await page.locator(".sidebar .nav-day h2").allTextContents();
  assert.deepEqual(
    headings.map((h) => h.trim()),
    ["Monday 4 October 2027", "Wednesday 6 October 2027", "Monday 11 October 2027", "Wednesday 13 October 2027"],
  );
  const now = page.locator(".sidebar li.is-now");
  assert.equal(await now.count(), 1);
  assert.equal(await now.getAttribute("data-date"), "2027-10-06");
  assert.match(await now.textContent(), /^\s*09:30\s/);
  await page.close();
  // The programme's own timetable runs in March: nothing of it is on now.
  const prog = await open(`${url("recording/timetable.html")}?now=2027-10-06T09:40`);
  assert.equal(await prog.locator(".sidebar li.is-now").count(), 0);
  await prog.close();
});

test("a phone-width look at the delivery page", async () => {
  const page = await open(`${url(`${RUN}/runsheet-day-2.html`)}?now=2027-10-06T09:40`, 375);
  const shot = process.env.COURSEBOOK_SHOTS;
  if (shot) await page.screenshot({ path: join(shot, "delivery-runsheet-375.png"), fullPage: false });
  // The sidebar's own run sheet link is the current page.
  const current = page.locator(".sidebar a[aria-current=page]");
  assert.equal(await current.count(), 1);
  assert.match(await current.getAttribute("href"), /autumn-half-days\/runsheet-day-2\.html$/);
  await page.close();
});
