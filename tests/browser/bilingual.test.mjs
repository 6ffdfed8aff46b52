// A bilingual site, whole: a copy of the example with a Welsh programme index, the spring
// delivery in Welsh (`deliveries/spring-2027.cy.md`) and a Welsh home (`index.cy.md`),
// opened from file://. The switch leads from a delivery page to the same delivery in the
// Welsh edition and back, and from the home page to the Welsh home, which lists the Welsh
// edition and its runs; the pages pass axe.
// Run from the repository root: node --test tests/browser/bilingual.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { collectErrors } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

let tmp, site, browser;
const errors = [];

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "coursebook-bilingual-"));
  const src = join(tmp, "src");
  cpSync(join(repo, "content"), join(src, "content"), { recursive: true });
  writeFileSync(join(src, "book.toml"), readFileSync(join(repo, "book.toml"), "utf8"));
  const content = join(src, "content");
  const prog = join(content, "recording");
  const index = readFileSync(join(prog, "index.md"), "utf8").replace(/^title: .*$/m, "title: Cofnodi mewn Gwaith Cymdeithasol");
  writeFileSync(join(prog, "index.cy.md"), index);
  const spring = readFileSync(join(prog, "deliveries", "spring-2027.md"), "utf8")
    .replace(/^title: .*$/m, "title: Gwanwyn 2027, Eastport")
    .replace(/^venue: .*$/m, "venue: Canolfan Glan yr Afon, Eastport")
    .replace(/\n---\n[\s\S]*$/, "\n---\nMae Canolfan Glan yr Afon ddeng munud ar droed o orsaf Eastport.\n");
  writeFileSync(join(prog, "deliveries", "spring-2027.cy.md"), spring);
  writeFileSync(join(content, "index.cy.md"), "---\ntitle: Hyfforddiant\n---\nCroeso i'n cyrsiau.\n");
  site = join(tmp, "site");
  execFileSync("cargo", ["run", "-q", "--manifest-path", join(repo, "Cargo.toml"), "--", "build", "--dest", site], { cwd: src, stdio: "inherit" });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
});

after(async () => {
  if (browser) await browser.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open(rel) {
  const page = await browser.newPage();
  collectErrors(page, errors);
  await page.goto(pathToFileURL(join(site, rel)).href);
  return page;
}

/** axe-core's violations on `rel`, in a light and a dark page (CSP bypassed for axe's script only). */
async function axe(rel) {
  const problems = [];
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(site, rel)).href);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"], preload: false }));
    for (const v of result.violations) {
      problems.push(`${scheme} ${rel}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    }
    await context.close();
  }
  return problems;
}

test("the switch leads from a delivery to the same delivery in Welsh and back", async () => {
  const page = await open("recording/deliveries/spring-2027/index.html");
  assert.equal(await page.getAttribute("html", "lang"), "en-GB");
  await Promise.all([page.waitForURL(/recording\.cy\//), page.click('nav.lang-switch a[hreflang="cy"]')]);
  assert.ok(page.url().endsWith("/recording.cy/deliveries/spring-2027/index.html"), page.url());
  assert.equal(await page.getAttribute("html", "lang"), "cy");
  assert.match(await page.textContent("main h1"), /Gwanwyn 2027/);
  const main = await page.textContent("main");
  assert.match(main, /Dydd Llun 12 Ebrill 2027/);
  assert.match(main, /Canolfan Glan yr Afon/);
  assert.match(main, /Hyfforddwyr/);
  assert.equal(await page.locator(".untranslated-note").count(), 0);
  assert.equal(await page.locator('nav.lang-switch a[aria-current="true"]').textContent(), "Cymraeg");
  // The run sheet of day 1 is the Welsh edition's, and switches back to the English one.
  await Promise.all([page.waitForURL(/runsheet-day-1/), page.click('main a[href$="runsheet-day-1.html"]')]);
  assert.ok(page.url().endsWith("/recording.cy/deliveries/spring-2027/runsheet-day-1.html"), page.url());
  assert.match(await page.textContent("main"), /Taflen rhedeg/);
  await page.focus('nav.lang-switch a[hreflang="en-GB"]');
  await Promise.all([page.waitForURL(/\/recording\/deliveries\//), page.keyboard.press("Enter")]);
  assert.ok(page.url().endsWith("/recording/deliveries/spring-2027/runsheet-day-1.html"), page.url());
  assert.equal(await page.getAttribute("html", "lang"), "en-GB");
  await page.close();
  assert.deepEqual(errors, []);
});

test("the home page switches to the Welsh home, which lists the Welsh edition", async () => {
  const page = await open("index.html");
  await Promise.all([page.waitForURL(/index\.cy\.html/), page.click('nav.lang-switch a[hreflang="cy"]')]);
  assert.equal(await page.getAttribute("html", "lang"), "cy");
  assert.match(await page.textContent("main h1"), /Hyfforddiant/);
  const card = page.locator(".programme-card h3 a");
  assert.equal(await card.textContent(), "Cofnodi mewn Gwaith Cymdeithasol");
  assert.equal(await page.locator(".untranslated-mark").count(), 0);
  // Upcoming runs, by `deliveries.js` on a day before them all: the Welsh edition's.
  await page.goto(pathToFileURL(join(site, "index.cy.html")).href + "?now=2027-01-04T09:00");
  const runs = await page.$$eval(".deliveries li:not([hidden]) a", (as) => as.map((a) => a.getAttribute("href")));
  // The programme's own dates are one more run, on its Welsh timetable.
  assert.deepEqual(runs, [
    "recording.cy/timetable.html",
    "recording.cy/deliveries/spring-2027/index.html",
    "recording.cy/deliveries/autumn-half-days/index.html",
  ]);
  // Home from a Welsh page is the Welsh home.
  await Promise.all([page.waitForURL(/recording\.cy\//), card.click()]);
  await Promise.all([page.waitForURL(/index\.cy\.html/), page.click("a.site-name")]);
  await page.close();
  assert.deepEqual(errors, []);
});

test("axe-core: the Welsh delivery page, its run sheet and the Welsh home, light and dark", async () => {
  const problems = [];
  for (const rel of ["recording.cy/deliveries/spring-2027/index.html", "recording.cy/deliveries/spring-2027/runsheet-day-1.html", "index.cy.html"]) {
    problems.push(...(await axe(rel)));
  }
  assert.deepEqual(problems, []);
});
