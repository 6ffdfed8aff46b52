// Lists of deliveries: the build lists every delivery with its last date; deliveries.js,
// by the delivery's own zone (Europe/London in the example) and not the device's, marks the
// past ones on the programme's overview and hides them on the home page. Without script,
// every delivery is listed plainly.
// Run from the repository root: node --test tests/browser/deliveries.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { collectErrors } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

let tmp;
let dest;
let browser;
const url = (rel) => pathToFileURL(join(dest, rel)).href;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "coursebook-deliveries-"));
  dest = join(tmp, "site");
  execFileSync("cargo", ["run", "-q", "--", "build", "--dest", dest], { cwd: repo, stdio: "inherit" });
  browser = await chromium.launch({ executablePath: CHROMIUM });
});

after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A page in Tokyo's zone with the clock at `utc`: 00:30 on 14 April in London is already
 * 08:30 in Tokyo, so a script that read the device's date would be a day off at midnight. */
async function open(rel, utc, options = {}) {
  const context = await browser.newContext({ timezoneId: "Pacific/Kiritimati", ...options });
  const page = await context.newPage();
  const errors = [];
  collectErrors(page, errors);
  await page.clock.setFixedTime(new Date(utc));
  await page.goto(url(rel));
  return { page, context, errors };
}

const rows = (page) =>
  page.$$eval("ul.deliveries li", (lis) =>
    lis.map((li) => ({
      text: li.querySelector("a")?.textContent ?? li.textContent,
      past: li.classList.contains("past"),
      hidden: li.hidden,
    })),
  );

test("the overview marks past deliveries by the delivery's zone", async () => {
  // 23:30 on 13 April in London (BST): the spring run's last day is today, not past,
  // though in Kiritimati (UTC+14) it is already the 14th.
  const { page, context, errors } = await open("recording/index.html", "2027-04-13T22:30:00Z");
  const r = await rows(page);
  assert.deepEqual(
    r.map((x) => [x.text.trim(), x.past]),
    [
      ["1 and 2 March 2027, Training Suite, Northshire County Hall", true],
      ["Spring 2027, Eastport", false],
      ["Autumn 2027, four mornings online", false],
    ],
  );
  await page.clock.setFixedTime(new Date("2027-04-13T23:30:00Z"));
  await page.reload();
  const later = await rows(page);
  assert.equal(later[1].past, true, "past once the 14th begins in London");
  assert.match(await page.textContent("ul.deliveries li.past .past-badge"), /Past/);
  assert.deepEqual(errors, []);
  // axe reads the stylesheets itself, which file:// refuses it (console errors of its own).
  const results = await page.evaluate(async (src) => {
    // eslint-disable-next-line no-eval
    (0, eval)(src);
    return (await window.axe.run(document.querySelector("#deliveries").parentElement)).violations;
  }, axeSource);
  assert.deepEqual(results.map((v) => v.id), []);
  await context.close();
});

test("the home page hides past deliveries, and says when none is left", async () => {
  const { page, context, errors } = await open("index.html", "2027-05-01T09:00:00Z");
  const r = await rows(page);
  assert.deepEqual(
    r.filter((x) => !x.hidden).map((x) => x.text.trim()),
    ["Recording in Social Work: Autumn 2027, four mornings online"],
  );
  await page.clock.setFixedTime(new Date("2028-01-01T09:00:00Z"));
  await page.reload();
  const none = await rows(page);
  assert.deepEqual(none.filter((x) => !x.hidden).map((x) => x.text.trim()), ["No upcoming deliveries."]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("without script every delivery is listed", async () => {
  const { page, context } = await open("index.html", "2028-01-01T09:00:00Z", { javaScriptEnabled: false });
  const r = await rows(page);
  assert.equal(r.length, 3);
  assert.ok(r.every((x) => !x.hidden && !x.past));
  await context.close();
});
