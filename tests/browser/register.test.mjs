// Registers and certificates in the browser (the example, from file://): the sign-in sheet
// takes its names from a CSV the trainer picks (read in the page, nothing kept: no storage,
// gone after a reload); the certificate's page prints as one landscape A4 page and its
// on-page merge leaves out people who did not attend.
// Run from the repository root: node --test tests/browser/register.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { pdfPages, collectErrors } from "./helpers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const LOOK = process.env.COURSEBOOK_LOOK; // a folder: screenshots and PDFs are kept there

let dest;
let browser;
const errors = [];
const url = (rel) => pathToFileURL(join(dest, rel)).href;
const SHEET = "recording/signin-day-1.html";
const CERT = "recording/letters/certificate.html";

// A list as Excel saves it in some locales: a byte-order mark, `;`, a quoted cell.
const LIST = "\ufeffParticipant;Organisation;Email\n\"Okafor, Ben\";Eastfield Trust;b@example.org\nAnna Kowalska;Northshire;a@example.org\nCara Nguyen;<b>Westshire</b>;c@example.org\n";

before(async () => {
  dest = mkdtempSync(join(tmpdir(), "coursebook-register-"));
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

const cells = (page, cls) => page.$$eval(`table.signin tbody td.${cls}`, (tds) => tds.map((td) => td.textContent));

test("the sign-in sheet takes its names from a list picked in the page, and keeps nothing", async () => {
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(url(SHEET));
  await page.waitForSelector(".register-pick:not([hidden])");
  assert.deepEqual((await cells(page, "name")).filter(Boolean), [], "blank before a list is picked");
  const rows = (await cells(page, "name")).length;
  assert.equal(rows, 16, "the example expects 16 participants");

  await page.setInputFiles("#register-file", { name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(LIST) });
  await page.waitForFunction(() => document.querySelector(".register-report").textContent.includes("3 names"));
  const names = await cells(page, "name");
  assert.deepEqual(names.slice(0, 4), ["Okafor, Ben", "Anna Kowalska", "Cara Nguyen", ""]);
  assert.equal(names.length, 16, "the blank rows stay up to the sheet's number");
  const orgs = await cells(page, "org");
  assert.deepEqual(orgs.slice(0, 3), ["Eastfield Trust", "Northshire", "<b>Westshire</b>"], "text, never markup");
  assert.equal(await page.$$eval("table.signin tbody b", (b) => b.length), 0);
  assert.deepEqual(await cells(page, "num").then((n) => n.slice(0, 3)), ["1", "2", "3"]);
  assert.equal(await page.isVisible(".register-pick"), true);

  // Nothing kept: no storage, no cookie, and a reload gives the blank sheet.
  const stored = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]);
  assert.deepEqual(stored, [0, 0, ""]);
  if (LOOK) {
    await page.screenshot({ path: join(LOOK, "register-desktop.png"), fullPage: true });
    await page.pdf({ path: join(LOOK, "register-day-1.pdf"), preferCSSPageSize: true });
  }
  // On paper the picker is not printed.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible(".register-pick"), false);
  await page.emulateMedia({ media: "screen" });

  await page.click(".register-clear");
  assert.deepEqual((await cells(page, "name")).filter(Boolean), []);
  await page.setInputFiles("#register-file", { name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(LIST) });
  await page.waitForFunction(() => document.querySelector(".register-report").textContent.includes("3 names"));
  await page.reload();
  await page.waitForSelector(".register-pick:not([hidden])");
  assert.deepEqual((await cells(page, "name")).filter(Boolean), [], "a reload forgets the names");
  await context.close();
});

test("more names than rows add rows; a list that is not UTF-8 is refused", async () => {
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(url(SHEET));
  await page.waitForSelector(".register-pick:not([hidden])");
  const many = "name\n" + Array.from({ length: 20 }, (_, i) => `Person ${i + 1}`).join("\n") + "\n";
  await page.setInputFiles("#register-file", { name: "many.csv", mimeType: "text/csv", buffer: Buffer.from(many) });
  await page.waitForFunction(() => document.querySelector(".register-report").textContent.includes("20 names"));
  const names = await cells(page, "name");
  assert.equal(names.length, 22, "20 names and two blank rows");
  assert.equal(names[19], "Person 20");
  await page.setInputFiles("#register-file", { name: "latin1.csv", mimeType: "text/csv", buffer: Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xe9, 0x0a]) });
  await page.waitForFunction(() => document.querySelector(".register-report").textContent.includes("not UTF-8"));
  await context.close();
});

test("the certificate prints as one landscape A4 page, and its merge skips who did not attend", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await newPage(context);
  await page.goto(url(CERT));
  assert.match(await page.textContent("#letter"), /8 hours of training/);
  assert.match(await page.textContent("#letter"), /Reflections on the two days and conclusions/);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const text = pdf.toString("latin1");
  assert.equal(pdfPages(pdf), 1, "one page");
  const box = text.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)/);
  assert.ok(box, "a media box");
  assert.ok(Math.abs(Number(box[1]) - 842) < 2 && Math.abs(Number(box[2]) - 595) < 2, `A4 landscape, got ${box[1]} x ${box[2]}`);
  if (LOOK) {
    writeFileSync(join(LOOK, "certificate.pdf"), pdf);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(LOOK, "certificate-desktop.png"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: join(LOOK, "certificate-phone.png"), fullPage: true });
  }

  await page.waitForSelector(".letter-merge:not([hidden])");
  const list = "participant_name,trainer_name,attended\nAnna Kowalska,Jo Williams,yes\nBen Okafor,Jo Williams,no\nCara Nguyen,Jo Williams,x\n";
  await page.setInputFiles("#merge-file", { name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(list) });
  await page.waitForFunction(() => document.querySelector(".merge-report").textContent.includes("2 letters"));
  const report = await page.textContent(".merge-report");
  assert.match(report, /Row 2: no certificate, as “attended” is “no”/);
  assert.match(report, /1 row skipped/);
  assert.doesNotMatch(report, /Ignored/, "the attended column is not an unknown one");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(".merge-save[data-format=txt]")]);
  assert.equal(download.suggestedFilename(), "certificate-letters-txt.zip");
  await context.close();
});
