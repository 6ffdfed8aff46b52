// The letter page (recording/letters/invitation.html of the example, from file://): what
// was typed survives a reload and "Clear" forgets it; the on-page merge takes a blank the
// list has no column for from the form; the printed letter has the organisation's heading
// and the date. Run from the repository root: node --test tests/browser/letter-page.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { unzip, collectErrors } from "./helpers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const LOOK = process.env.COURSEBOOK_LOOK; // a folder: screenshots and a PDF are kept there

let dest;
let browser;
const errors = [];
const url = (rel) => pathToFileURL(join(dest, rel)).href;
const LETTER = "recording/letters/invitation.html";

before(async () => {
  dest = mkdtempSync(join(tmpdir(), "coursebook-letter-page-"));
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

test("the page reads in order: fill in, print and save, a list, the blank letter with the command line folded", async () => {
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(url(LETTER));
  const order = await page.locator("main > *").evaluateAll((els) => els.map((e) => e.id || e.className.split(" ").filter((c) => c !== "card")[0] || e.tagName));
  const at = (x) => order.indexOf(x);
  assert.ok(at("letter-form") >= 0 && at("letter-form") < at("letter-actions"), order.join(" "));
  assert.ok(at("letter-actions") < at("letter-merge"), order.join(" "));
  assert.ok(at("letter-merge") < at("letter-downloads"), order.join(" "));
  assert.equal(await page.locator(".letter-downloads details summary").count(), 1);
  assert.equal(await page.locator(".letter-downloads details code").first().isVisible(), false, "folded");
  for (const b of ["Print the letter", "Save as Word (.docx)", "Clear"]) {
    assert.ok(await page.getByRole("button", { name: b }).isVisible(), b);
  }
  for (const [width, name] of [[1280, "letter-1280.png"], [375, "letter-375.png"]]) {
    await page.setViewportSize({ width, height: 900 });
    if (LOOK) await page.screenshot({ path: join(LOOK, name), fullPage: true });
  }
  await context.close();
});

test("typed values survive a reload on this device, and Clear empties them", async () => {
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(url(LETTER));
  await page.locator("#field-participant_name").fill("Ada Lovelace");
  await page.locator("#letter-date").fill("2027-03-01");
  await page.reload();
  assert.equal(await page.locator("#field-participant_name").inputValue(), "Ada Lovelace");
  assert.equal(await page.locator("#letter-date").inputValue(), "2027-03-01");
  assert.match(await page.locator("#letter").textContent(), /Ada Lovelace/);
  assert.equal(await page.locator("#letter .letter-date").textContent(), "1 March 2027");
  await page.getByRole("button", { name: "Clear" }).click();
  assert.equal(await page.locator("#field-participant_name").inputValue(), "");
  assert.doesNotMatch(await page.locator("#letter").textContent(), /Ada Lovelace/);
  await page.reload();
  assert.equal(await page.locator("#field-participant_name").inputValue(), "", "forgotten");
  // The other letter keeps its own values.
  await page.locator("#field-participant_name").fill("Grace Hopper");
  await page.goto(url("recording/letters/note-to-managers.html"));
  assert.doesNotMatch(await page.locator("#letter").textContent(), /Grace Hopper/);
  await context.close();
});

test("a list without a Trainer's name column takes it from the form, and says so", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await newPage(context);
  await page.goto(url(LETTER));
  const csv = "participant_name,manager_name,reply_by\nSam Taylor,Priya Shah,1 February 2027\nAnn Lee,Jo Bloggs,2 February 2027\n";
  // Empty in both: refused, naming the blank.
  await page.locator("#merge-file").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const report = page.locator(".merge-report");
  await report.locator("p").waitFor();
  assert.match(await report.textContent(), /No letters made.*No column for “Trainer's name”, and its box in the form is empty/s);
  await page.locator("#field-trainer_name").fill("Jo Williams");
  await page.locator("#merge-file").setInputFiles([]);
  await page.locator("#merge-file").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.waitForFunction(() => /2 letters from people\.csv/.test(document.querySelector(".merge-report").textContent));
  assert.match(await report.textContent(), /Trainer's name taken from the form for every letter\./);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("button.merge-save[data-format=txt]").click()]);
  const files = unzip(readFileSync(await download.path()));
  assert.deepEqual(files.map(([n]) => n), ["01-sam-taylor.txt", "02-ann-lee.txt"]);
  for (const [, data] of files) assert.match(data.toString("utf8"), /Jo Williams/);
  assert.match(files[1][1].toString("utf8"), /Dear Ann Lee/);
  const [word] = await Promise.all([page.waitForEvent("download"), page.locator("button.merge-save[data-format=docx]").click()]);
  const docs = unzip(readFileSync(await word.path()));
  const xml = Object.fromEntries(unzip(docs[0][1]).map(([n, d]) => [n, d.toString("utf8")]))["word/document.xml"];
  assert.match(xml, /Jo Williams/);
  await context.close();
});

test("the printed letter carries the organisation's heading and the date in words", async () => {
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(url(LETTER));
  await page.locator("#letter-date").fill("2027-03-01");
  await page.locator("#field-participant_name").fill("Sam Taylor");
  await page.emulateMedia({ media: "print" });
  const org = page.locator("#letter .letter-head .letter-org");
  assert.equal(await org.textContent(), "Northshire Children's Services Training Team");
  assert.ok(await org.isVisible());
  // The example's book.toml sets no logo (tests/trainers_day.rs checks one that does).
  assert.equal(await page.locator("#letter .letter-head img").count(), 0);
  assert.equal(await page.locator("#letter .letter-date").textContent(), "1 March 2027");
  assert.ok(await page.locator("#letter .letter-date").isVisible());
  assert.equal(await page.locator("#letter-form").isVisible(), false, "only the letter is printed");
  if (LOOK) await page.pdf({ path: join(LOOK, "letter.pdf"), format: "A4" });
  await context.close();
});
