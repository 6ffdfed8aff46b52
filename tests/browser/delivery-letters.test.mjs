// A delivery's letter pages (recording/deliveries/spring-2027/letters/ of the example, from
// file://): the delivery's page links them; the preview carries the delivery's dates and
// venue and fills in as one types; the certificate's merge on the page skips people who
// attended no day (a column per day, as `coursebook merge` reads it) and its Word files
// carry the delivery's dates. Screenshots at 1280 and 375 px when COURSEBOOK_LOOK is set.
// Run from the repository root: node --test tests/browser/delivery-letters.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { unzip, collectErrors } from "./helpers.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const LOOK = process.env.COURSEBOOK_LOOK;
const DIR = "recording/deliveries/spring-2027";

let dest;
let browser;
const errors = [];
const url = (rel) => pathToFileURL(join(dest, rel)).href;

before(async () => {
  dest = mkdtempSync(join(tmpdir(), "coursebook-delivery-letters-"));
  execFileSync("cargo", ["run", "-q", "--", "build", "--dest", dest], { cwd: repo, stdio: "inherit" });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
});

after(async () => {
  if (browser) await browser.close();
  if (dest) rmSync(dest, { recursive: true, force: true });
  assert.deepEqual(errors, [], "no console errors");
});

async function newPage(context) {
  const page = await context.newPage();
  collectErrors(page, errors);
  return page;
}

test("the delivery's page links its letter, whose preview shows the delivery's dates and fills in", async () => {
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(url(`${DIR}/index.html`));
  await page.locator(".delivery-documents").getByRole("link", { name: "Invitation to the programme", exact: true }).click();
  assert.ok(page.url().endsWith(`${DIR}/letters/invitation.html`), page.url());
  const filled = await page.locator("#letter .filled").allTextContents();
  assert.ok(filled.includes("12 and 13 April 2027"), filled.join(" | "));
  assert.ok(filled.includes("Riverside Centre, Eastport"), filled.join(" | "));
  assert.ok(!filled.some((t) => /March 2027/.test(t)), "not the programme's own dates");
  await page.locator("#field-participant_name").fill("Grace Hopper");
  assert.match(await page.locator("#letter").textContent(), /Grace Hopper/);
  if (LOOK) {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(LOOK, `delivery-letter-${width}.png`), fullPage: true });
    }
  }
  await context.close();
});

test("the certificate's merge skips who attended no day and carries the delivery's dates", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await newPage(context);
  await page.goto(url(`${DIR}/letters/certificate.html`));
  const csv = "participant_name,trainer_name,Day 1,Day 2\nSam Taylor,Jo Williams,yes,no\nAnn Lee,Jo Williams,,\nKim Park,Jo Williams,no,✓\n";
  await page.locator("#merge-file").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const report = page.locator(".merge-report");
  await report.locator("p").first().waitFor();
  const text = await report.textContent();
  assert.match(text, /Row 2: no certificate, as no day is marked as attended/, text);
  assert.match(text, /1 row skipped/, text);
  assert.doesNotMatch(text, /Ignored/, "the day columns are not reported as unused: " + text);
  const [word] = await Promise.all([page.waitForEvent("download"), page.locator("button.merge-save[data-format=docx]").click()]);
  const docs = unzip(readFileSync(await word.path()));
  assert.deepEqual(docs.map(([n]) => n), ["01-sam-taylor.docx", "03-kim-park.docx"]);
  const xml = Object.fromEntries(unzip(docs[0][1]).map(([n, d]) => [n, d.toString("utf8")]))["word/document.xml"];
  assert.match(xml, /12 and 13 April 2027/);
  assert.match(xml, /Sam Taylor/);
  await context.close();
});
