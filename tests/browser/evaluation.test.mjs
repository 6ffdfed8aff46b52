// The evaluation form (recording/evaluation.html of the example, from file://): ratings and
// comments survive a reload on this device, save as .txt and .docx in the page, Clear
// forgets them; printed from a dark screen it is dark on white, on A4 pages; axe-core finds
// nothing. Run from the repository root: node --test tests/browser/evaluation.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { unzip, pdfPages, collectErrors } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const LOOK = process.env.COURSEBOOK_LOOK; // a folder: screenshots and a PDF are kept there

let dest;
let browser;
const errors = [];
const requests = [];
const url = (rel) => pathToFileURL(join(dest, rel)).href;
const FORM = "recording/evaluation.html";
// Two sessions of the example and the overall improvement question.
const FIRST = "recording-day-1-01-introduction-rating";
const SECOND = "recording-day-2-03-post-box-organisation-rating";
const COMMENT = "overall-2-comment";

before(async () => {
  dest = mkdtempSync(join(tmpdir(), "coursebook-evaluation-"));
  execFileSync("cargo", ["run", "-q", "--", "build", "--dest", dest], { cwd: repo, stdio: "inherit" });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
});

after(async () => {
  if (browser) await browser.close();
  if (dest) rmSync(dest, { recursive: true, force: true });
  assert.deepEqual(errors, [], "no console errors");
  assert.deepEqual(requests, [], "nothing requested beyond file://");
});

async function newPage(context) {
  const page = await context.newPage();
  collectErrors(page, errors);
  page.on("request", (r) => { if (!/^(file|blob|data):/.test(r.url())) requests.push(r.url()); });
  return page;
}

const rating = (page, name, n) => page.locator(`input[name="${name}"][value="${n}"]`);

test("filled in, kept over a reload, saved as .txt and .docx, then cleared", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await newPage(context);
  await page.goto(url(FORM));
  assert.equal(await page.locator("fieldset.eval-rating").count(), 19, "18 sessions and one overall rating");
  await rating(page, FIRST, 4).check();
  await rating(page, SECOND, 2).check();
  await page.locator(`#${COMMENT}`).fill("More time for the post box & <pairs>.\nAnd tea.");
  await page.reload();
  assert.ok(await rating(page, FIRST, 4).isChecked(), "kept");
  assert.ok(await rating(page, SECOND, 2).isChecked(), "kept");
  assert.equal(await page.locator(`#${COMMENT}`).inputValue(), "More time for the post box & <pairs>.\nAnd tea.");

  const [txt] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as text (.txt)" }).click()]);
  assert.equal(txt.suggestedFilename(), "evaluation-recording.txt");
  const text = readFileSync(await txt.path(), "utf8");
  assert.match(text, /Introduction and organisation for the two days\n-+\n\nRating \(1 = Not useful, 5 = Very useful\): 4\n/);
  assert.match(text, /Post box messages for the organisation\n-+\n\nRating \(1 = Not useful, 5 = Very useful\): 2\n/);
  assert.match(text, /What could we improve\?\n-+\n\nComments: More time for the post box & <pairs>\.\n/);
  // An unanswered session shows a dash, not a blank to fill in.
  assert.match(text, /Case summaries, in pairs\n-+\n\nRating \(1 = Not useful, 5 = Very useful\): –\n/);

  const [word] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as Word (.docx)" }).click()]);
  assert.equal(word.suggestedFilename(), "evaluation-recording.docx");
  const parts = Object.fromEntries(unzip(readFileSync(await word.path())).map(([n, d]) => [n, d.toString("utf8")]));
  assert.ok(parts["[Content_Types].xml"], "a Word package");
  const xml = parts["word/document.xml"];
  assert.match(xml, /Introduction and organisation for the two days/);
  assert.match(xml, /Very useful\): <\/w:t><\/w:r><w:r><w:t xml:space="preserve">4<\/w:t>/);
  assert.match(xml, /More time for the post box &amp; &lt;pairs&gt;\.<\/w:t><w:br\/><w:t xml:space="preserve">And tea\./);
  assert.doesNotMatch(xml, /MERGEFIELD/, "no blanks left as merge fields");

  await page.getByRole("button", { name: "Clear" }).click();
  assert.equal(await page.locator("input[type=radio]:checked").count(), 0);
  assert.equal(await page.locator(`#${COMMENT}`).inputValue(), "");
  await page.reload();
  assert.equal(await page.locator("input[type=radio]:checked").count(), 0, "forgotten");
  assert.equal(await page.locator(`#${COMMENT}`).inputValue(), "");
  for (const [width, name] of [[1280, "evaluation-1280.png"], [375, "evaluation-375.png"]]) {
    await page.setViewportSize({ width, height: 900 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= width, `${width}: no sideways scroll (${wide})`);
    if (LOOK) await page.screenshot({ path: join(LOOK, name), fullPage: true });
  }
  await context.close();
});

test("printed from a dark screen: dark text on white, no buttons, circles and ruled lines", async () => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await newPage(context);
  await page.goto(url(FORM));
  const screenBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(screenBg, "rgb(255, 255, 255)", "the screen really is dark");
  assert.ok(await page.getByRole("button", { name: "Print the form" }).isVisible());
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  const seen = await page.evaluate(() => {
    const shown = (css) => [...document.querySelectorAll(css)].filter((e) => e.getClientRects().length > 0);
    return {
      body: getComputedStyle(document.body).backgroundColor,
      text: shown("main h1, main h2, .eval-title, .eval-end, .eval-comment label").map((e) => getComputedStyle(e).color),
      buttons: shown("button").length,
      radio: getComputedStyle(document.querySelector("input[type=radio]")).borderRadius,
      textarea: getComputedStyle(document.querySelector("textarea")).backgroundImage,
      breaks: getComputedStyle(document.querySelector(".eval-item")).breakInside,
    };
  });
  assert.equal(seen.body, "rgb(255, 255, 255)");
  assert.ok(seen.text.length > 40);
  for (const c of seen.text) assert.match(c, /^rgb\((\d|[1-6]\d), (\d|[1-6]\d), (\d|[1-6]\d)\)$/, `dark text: ${c}`);
  assert.equal(seen.buttons, 0, "no buttons on paper");
  assert.equal(seen.radio, "50%", "a circle to tick");
  assert.match(seen.textarea, /linear-gradient/, "ruled lines");
  assert.equal(seen.breaks, "avoid", "a session's block does not split");
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  const pages = pdfPages(pdf);
  assert.ok(pages >= 2 && pages <= 4, `A4 pages: ${pages}`);
  if (LOOK) await page.pdf({ path: join(LOOK, "evaluation.pdf"), format: "A4", preferCSSPageSize: true });
  await context.close();
});

for (const scheme of ["light", "dark"]) {
  test(`axe-core finds no violation (${scheme})`, async () => {
    // bypassCSP: axe-core is injected as an inline script, which the pages' own policy refuses.
    const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
    const page = await newPage(context);
    await page.goto(url(FORM));
    await rating(page, FIRST, 3).check();
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"], preload: false }));
    assert.deepEqual(result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), []);
    await context.close();
  });
}
