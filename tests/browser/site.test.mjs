// Browser tests: the example site, built into a temp dir and opened from file://, in
// headless Chromium (Debian's /usr/bin/chromium driven by playwright-core).
// Run from the repository root: node --test tests/browser/*.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
  collectErrors(page, consoleErrors);
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

/** A zip's entries as [name, text]. */
const unzipText = (buf) => unzip(buf).map(([name, data]) => [name, data.toString("utf8")]);

/**
 * Fills in `letter`'s boxes with `values` (the rest left empty), saves it from the page as
 * Word and as text, and makes the same letter with `coursebook merge` from a CSV of those
 * values. Checks the page's files are the merged ones (the .docx entry by entry), then
 * hands both to `check` with a temp dir, removed afterwards.
 */
async function saveFilledIn(letter, values, slug, check) {
  const page = await newPage({ acceptDownloads: true });
  await page.goto(url(`recording/letters/${letter}.html`));
  const names = await page.locator("#letter-form [name]").evaluateAll((els) => els.map((e) => e.name));
  for (const [name, value] of Object.entries(values)) await page.locator(`#letter-form [name=${name}]`).fill(value);
  const saved = {};
  for (const format of ["docx", "txt"]) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(`button.save-letter[data-format=${format}]`).click(),
    ]);
    assert.equal(download.suggestedFilename(), `${letter}-${slug}.${format}`);
    saved[format] = readFileSync(await download.path());
  }
  await page.context().close();

  const dir = mkdtempSync(join(tmpdir(), "coursebook-merge-"));
  try {
    const cell = (v) => `"${(v || "").replaceAll('"', '""')}"`;
    writeFileSync(join(dir, "people.csv"), `${names.join(",")}\n${names.map((n) => cell(values[n])).join(",")}\n`);
    for (const format of ["docx", "txt"]) {
      execFileSync("cargo", ["run", "-q", "--", "merge", `content/recording/letters/${letter}.md`, "--data", join(dir, "people.csv"), "--out", join(dir, format), "--format", format], { cwd: repo, stdio: ["ignore", "ignore", "ignore"] });
    }
    const merged = (format) => readFileSync(join(dir, format, `01-${slug}.${format}`));
    assert.equal(saved.txt.toString("utf8"), merged("txt").toString("utf8"));
    const entries = unzipText(saved.docx);
    assert.deepEqual(entries, unzipText(merged("docx")));
    const body = entries.find(([n]) => n === "word/document.xml")[1];
    await check({ dir, saved, body, text: saved.txt.toString("utf8") });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a letter filled in on the page saves as the Word and text files `merge` makes", async () => {
  const name = "Zoë O'Brien & <Co>";
  await saveFilledIn("invitation", { participant_name: name, reply_by: "  5 February 2027 " }, "zoë-o-brien-co", ({ dir, saved, body, text }) => {
    assert.match(text, /^Dear Zoë O'Brien & <Co>,$/m);
    // Blanks left empty stay Word merge fields; the filled ones are text, escaped.
    assert.match(body, /MERGEFIELD manager_name/);
    assert.doesNotMatch(body, /MERGEFIELD participant_name/);
    assert.match(body, /Zoë O'Brien &amp; &lt;Co&gt;/);

    // A word processor opens the zip the page made (stored, not deflated like the build's).
    const haveSoffice = spawnSync("soffice", ["--version"]).status === 0;
    assert.ok(haveSoffice || !process.env.CI, "CI is set but soffice is not installed");
    if (haveSoffice) {
      const file = join(dir, "from-page.docx");
      writeFileSync(file, saved.docx);
      execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "txt:Text", "--outdir", dir, file], { env: { ...process.env, HOME: dir }, stdio: "ignore" });
      const converted = readFileSync(join(dir, "from-page.txt"), "utf8");
      assert.match(converted, /Dear Zoë O'Brien & <Co>,/);
      assert.match(converted, /5 February 2027/);
    }
  });
});

test("a box of several lines keeps its line breaks in the preview and the saved letter", async () => {
  const points = "Review the guidance on hunches.\n\tArrange training in analysis.\n\nShare good examples.";
  await saveFilledIn("note-to-managers", { manager_name: "Priya Shah", organisation_points: points }, "priya-shah", ({ body, text }) => {
    assert.match(text, /^Review the guidance on hunches\.\n\tArrange training in analysis\.\n\nShare good examples\.$/m);
    assert.match(body, /hunches\.<\/w:t><w:br\/><w:tab\/><w:t xml:space="preserve">Arrange training in analysis\.<\/w:t><w:br\/><w:br\/>/);
  });
  const page = await newPage();
  await page.goto(url("recording/letters/note-to-managers.html"));
  const box = page.locator("#letter-form textarea[name=organisation_points]");
  assert.equal(await box.getAttribute("rows"), "5");
  await box.fill("one\ntwo");
  const blank = page.locator('#letter .blank[data-field="organisation_points"]');
  await page.waitForFunction(() => document.querySelector('#letter .blank[data-field="organisation_points"]').textContent === "one\ntwo");
  // Shown on two lines.
  const lineHeight = parseFloat(await blank.evaluate((el) => getComputedStyle(el).lineHeight));
  const height = await blank.evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(height > 1.5 * lineHeight, `${height} px for two lines of ${lineHeight} px`);
  await page.context().close();
});

test("a list chosen on the page makes the letters `merge` makes, zipped", async () => {
  // As a spreadsheet in a `;` locale saves it: a byte-order mark, CRLF, quoted cells with the
  // separator, quotes and line breaks (a lone CR too, and a control character), a column
  // named by its label, an extra column, an empty cell and an empty row.
  const csv =
    "\ufeffParticipant's name;manager_name;reply_by;trainer_name;email\r\n" +
    '"Smith; Jo ""JJ""";Priya Shah;1 February 2027;Jo Williams;jo@example.org\r\n' +
    'Ann Lee;;"2 February 2027\r\nat noon";Jo Williams;ann@example.org\r\n' +
    ";;;;\r\n" +
    'Émile Zola;Sam Taylor;"3 February 2027\rmorning\u0007";Jo Williams;emile@example.org\r\n';
  const page = await newPage({ acceptDownloads: true });
  await page.goto(url("recording/letters/invitation.html"));
  await page.locator("#merge-file").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const report = page.locator(".merge-report");
  await report.locator("p").waitFor();
  const said = await report.textContent();
  assert.match(said, /3 letters from people\.csv/);
  assert.match(said, /Ignored.*email/);
  assert.match(said, /Row 2 has no “Line manager's name”/);
  const saved = {};
  for (const format of ["docx", "txt"]) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(`button.merge-save[data-format=${format}]`).click(),
    ]);
    assert.equal(download.suggestedFilename(), `invitation-letters-${format}.zip`);
    saved[format] = unzip(readFileSync(await download.path()));
  }

  const dir = mkdtempSync(join(tmpdir(), "coursebook-merge-"));
  try {
    writeFileSync(join(dir, "people.csv"), csv);
    for (const format of ["docx", "txt"]) {
      execFileSync("cargo", ["run", "-q", "--", "merge", "content/recording/letters/invitation.md", "--data", join(dir, "people.csv"), "--out", join(dir, format), "--format", format], { cwd: repo, stdio: ["ignore", "ignore", "ignore"] });
      const names = readdirSync(join(dir, format)).sort();
      assert.deepEqual(saved[format].map(([n]) => n), names);
      assert.deepEqual(names, [`01-smith-jo-jj.${format}`, `02-ann-lee.${format}`, `03-émile-zola.${format}`]);
    }
    for (const [name, data] of saved.txt) assert.equal(data.toString("utf8"), readFileSync(join(dir, "txt", name), "utf8"), name);
    for (const [name, data] of saved.docx) assert.deepEqual(unzipText(data), unzipText(readFileSync(join(dir, "docx", name))), name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // A list without a column for every blank: the missing one named, nothing to save.
  await page.locator("#merge-file").setInputFiles({ name: "short.csv", mimeType: "text/csv", buffer: Buffer.from("participant_name,reply_by\nAnn,1 Feb\n") });
  await page.waitForFunction(() => /No letters made from short\.csv/.test(document.querySelector(".merge-report").textContent));
  const error = await report.locator("li.is-error").allTextContents();
  assert.equal(error.length, 2);
  assert.match(error[0], /No column for “Line manager's name”/);
  assert.equal(await page.locator("button.merge-save:visible").count(), 0);
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
    // bypassCSP: axe-core is injected as an inline script, which the pages' own policy refuses.
    const page = await newPage({ colorScheme: scheme, bypassCSP: true });
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
  return pdfPages(pdf);
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
