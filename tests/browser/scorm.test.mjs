// The SCORM 1.2 package of the example (`build --lms scorm12`) inside a stand-in learning
// platform: the package unzipped and served over HTTP with a platform page that defines
// `window.API` (recording every call) and opens the package's pages in an iframe, as a
// platform does. A session page starts, completes, commits and, when left, finishes; a page
// that is not a session makes no call; search and the evaluation form's download work in
// the frame; a session page with no platform around it works with no error.
// Run from the repository root: node --test tests/browser/scorm.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, dirname, normalize, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { unzip, collectErrors } from "./helpers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const SESSION = "recording/day-1/01-introduction.html";

let dest;
let pkg;
let server;
let origin;
let browser;
const errors = [];

// The stand-in platform: its own page, not the package's, so an inline script is its to run.
const PLATFORM = `<!doctype html><html><head><meta charset="utf-8"><title>Platform</title><link rel="icon" href="data:,">
<script>
window.calls = [];
function rec(name, ret) { return function () { window.calls.push([name].concat([].slice.call(arguments))); return ret; }; }
window.API = {
  LMSInitialize: rec("LMSInitialize", "true"), LMSFinish: rec("LMSFinish", "true"),
  LMSGetValue: rec("LMSGetValue", "not attempted"), LMSSetValue: rec("LMSSetValue", "true"),
  LMSCommit: rec("LMSCommit", "true"), LMSGetLastError: rec("LMSGetLastError", "0"),
  LMSGetErrorString: rec("LMSGetErrorString", ""), LMSGetDiagnostic: rec("LMSGetDiagnostic", "")
};
</script></head><body><iframe id="content" name="content" width="1000" height="700"></iframe></body></html>`;

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".xml": "application/xml" };

before(async () => {
  dest = mkdtempSync(join(tmpdir(), "coursebook-scorm-"));
  execFileSync("cargo", ["run", "-q", "--", "build", "--dest", join(dest, "site"), "--lms", "scorm12"], { cwd: repo, stdio: "inherit" });
  pkg = join(dest, "pkg");
  for (const [name, data] of unzip(readFileSync(join(dest, "site", "recording-scorm12.zip")))) {
    mkdirSync(dirname(join(pkg, name)), { recursive: true });
    writeFileSync(join(pkg, name), data);
  }
  writeFileSync(join(pkg, "platform.html"), PLATFORM);
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^\/+/, "");
    // A browser asks the server for its icon; the package has none (nor does the site).
    if (path === "favicon.ico") {
      res.writeHead(204);
      res.end();
      return;
    }
    try {
      const body = readFileSync(join(pkg, path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  if (dest) rmSync(dest, { recursive: true, force: true });
  assert.deepEqual(errors, [], "no console errors");
});

async function newPage(context) {
  const page = await context.newPage();
  collectErrors(page, errors);
  return page;
}

/** The platform page with `rel` (a package path) in its frame, loaded. */
async function platform(context, rel) {
  const page = await newPage(context);
  await page.goto(`${origin}/platform.html`);
  await page.evaluate((src) => new Promise((ok) => {
    const f = document.getElementById("content");
    f.addEventListener("load", ok, { once: true });
    f.src = src;
  }), rel);
  return { page, frame: page.frameLocator("#content") };
}

const calls = (page) => page.evaluate(() => window.calls);
const names = (cs) => cs.map((c) => c[0]);

test("a session page in the platform's frame starts, completes, commits, and finishes when left", async () => {
  const context = await browser.newContext();
  const { page } = await platform(context, SESSION);
  await page.waitForFunction(() => window.calls.some((c) => c[0] === "LMSCommit"));
  const before = await calls(page);
  assert.deepEqual(before[0], ["LMSInitialize", ""]);
  assert.ok(before.some((c) => c[0] === "LMSSetValue" && c[1] === "cmi.core.lesson_status" && c[2] === "completed"), JSON.stringify(before));
  assert.deepEqual(before.at(-1), ["LMSCommit", ""]);
  assert.ok(!names(before).includes("LMSFinish"), "not finished while open");
  // Away to a page that is not a session: the session finishes; the new page calls nothing.
  await page.evaluate(() => new Promise((ok) => {
    const f = document.getElementById("content");
    f.addEventListener("load", ok, { once: true });
    f.src = "recording/timetable.html";
  }));
  await page.waitForFunction(() => window.calls.some((c) => c[0] === "LMSFinish"));
  await page.waitForTimeout(300);
  const after = await calls(page);
  assert.deepEqual(names(after).filter((n) => n === "LMSFinish"), ["LMSFinish"], "finished once");
  assert.equal(names(after).filter((n) => n === "LMSInitialize").length, 1, "the timetable is no SCO");
  await context.close();
});

test("search works inside the frame, and its results stay in the frame", async () => {
  const context = await browser.newContext();
  const { page, frame } = await platform(context, SESSION);
  await frame.locator("#search-input").pressSequentially("analysis", { delay: 5 });
  await frame.locator('#search-results[data-state=done][data-query="analysis"]').waitFor();
  const first = frame.locator("#search-results a").first();
  assert.ok((await frame.locator("#search-results a").count()) > 0);
  await first.click();
  await page.waitForFunction(() => /analysis/i.test(document.getElementById("content").contentDocument.title));
  assert.equal(new URL(page.url()).pathname, "/platform.html", "the platform page stays");
  await context.close();
});

test("the evaluation form downloads its Word file from inside the frame", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page, frame } = await platform(context, "recording/evaluation.html");
  const save = frame.getByRole("button", { name: "Save as Word (.docx)" });
  await save.waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), save.click()]);
  const parts = unzip(readFileSync(await download.path())).map(([n]) => n);
  assert.ok(parts.includes("word/document.xml"), parts.join(" "));
  assert.deepEqual(await calls(page), [], "the evaluation form is no SCO");
  await context.close();
});

test("a session page with no platform around it works and reports nothing", async () => {
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(`${origin}/${SESSION}`);
  await page.locator("main h1").waitFor();
  assert.equal(await page.locator('script[src$="theme/scorm.js"]').count(), 1, "the page loads scorm.js");
  assert.equal(await page.evaluate(() => typeof window.API), "undefined");
  await page.locator("#search-input").pressSequentially("record", { delay: 5 });
  await page.locator('#search-results[data-state=done][data-query="record"]').waitFor();
  await context.close();
});
