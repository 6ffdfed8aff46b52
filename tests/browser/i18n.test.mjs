// Interface strings in the browser: the example built in Welsh (`language = "cy"`) shows
// the now-bar, the running-late control, the search box's messages and the letter page's
// buttons in Welsh, from theme/i18n-cy.js, with no script error.
// Run from the repository root: node --test tests/browser/i18n.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { collectErrors } from "./helpers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

let tmp;
let dest;
let browser;
const errors = [];
const url = (rel) => pathToFileURL(join(dest, rel)).href;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "coursebook-i18n-"));
  const root = join(tmp, "site-src");
  cpSync(join(repo, "content"), join(root, "content"), { recursive: true });
  const toml = readFileSync(join(repo, "book.toml"), "utf8").replace(/^language = .*$/m, 'language = "cy"');
  writeFileSync(join(root, "book.toml"), toml);
  dest = join(tmp, "out");
  execFileSync("cargo", ["run", "-q", "--", "build", "--root", root, "--dest", dest], { cwd: repo, stdio: "inherit" });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
});

after(async () => {
  if (browser) await browser.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  assert.deepEqual(errors, []);
});

async function pageAt(utc) {
  const context = await browser.newContext({ timezoneId: "Europe/London" });
  const page = await context.newPage();
  collectErrors(page, errors);
  if (utc) await page.clock.setFixedTime(new Date(utc));
  return page;
}

test("the now-bar and the running-late control speak Welsh", async () => {
  const page = await pageAt("2027-03-01T10:50:00Z");
  await page.goto(url("recording/timetable.html"));
  const bar = (await page.locator("#now-bar .now-line").textContent()).replace(/\s+/g, " ").trim();
  assert.match(bar, /^Nawr: .+ tan \d\d:\d\d · Nesaf: .+ am \d\d:\d\d$/, bar);
  const control = page.locator(".late-control").first();
  assert.equal(await control.locator("summary").textContent(), "Yn hwyr");
  await control.locator("summary").click();
  await control.locator("button.late-add").first().click();
  const status = await control.locator(".late-status").textContent();
  assert.match(status, /5 munud yn hwyr o \d\d:\d\d tan /, status);
  assert.equal(await control.locator(".late-reset").textContent(), "Ailosod");
});

test("the search box says in Welsh when nothing is found", async () => {
  const page = await pageAt(null);
  await page.goto(url("index.html"));
  assert.equal(await page.locator("#search-input").getAttribute("placeholder"), "Chwilio");
  await page.locator("#search-input").fill("zzqqxx");
  await page.locator("#search-results .sr-empty").waitFor();
  const empty = await page.locator("#search-results .sr-empty").textContent();
  assert.equal(empty, "Dim canlyniadau ar gyfer “zzqqxx”");
});

test("the letter page's buttons are Welsh", async () => {
  const page = await pageAt(null);
  await page.goto(url("recording/letters/invitation.html"));
  assert.equal(await page.locator("button.print-letter").textContent(), "Argraffu'r llythyr");
  assert.equal(await page.locator("button.clear-letter").textContent(), "Clirio");
  assert.equal(await page.locator('button.save-letter[data-format="docx"]').textContent(), "Cadw fel Word (.docx)");
  assert.equal(await page.locator("#letter-form-title").textContent(), "Llenwi'r llythyr");
});
