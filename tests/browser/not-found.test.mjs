// The 404 page at any depth: a web server shows it for /a/b/c/missing.html, where links
// written from the top level would miss. Built from the example (no site-url: the server's
// root), and from a copy with `site-url` under a sub-path, opened from file:// too, where
// theme/not-found.js points the links at the site's root.
// Run from the repository root: node --test tests/browser/not-found.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, dirname, normalize } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const TYPES = { ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml" };

let tmp, browser;
const errors = [];

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "coursebook-404-"));
  execFileSync("cargo", ["run", "-q", "--", "build", "--dest", join(tmp, "top")], { cwd: repo, stdio: "inherit" });
  // A copy of the example whose book.toml says where it is published.
  const copy = join(tmp, "src");
  cpSync(join(repo, "content"), join(copy, "content"), { recursive: true });
  writeFileSync(join(copy, "book.toml"), readFileSync(join(repo, "book.toml"), "utf8") + 'site-url = "https://intranet.example/sub/"\n');
  execFileSync("cargo", ["run", "-q", "--manifest-path", join(repo, "Cargo.toml"), "--", "build", "--dest", join(tmp, "sub")], { cwd: copy, stdio: "inherit" });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
});

after(async () => {
  if (browser) await browser.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Serves `dir` under `prefix`, and 404.html for anything else, as web servers do. */
async function serve(dir, prefix) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const rel = path.startsWith(prefix) ? normalize(path.slice(prefix.length)) : null;
    const file = rel && !rel.startsWith("..") ? join(dir, rel) : null;
    if (file && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, { "content-type": TYPES[file.slice(file.lastIndexOf("."))] || "application/octet-stream" });
      res.end(readFileSync(file));
    } else {
      res.writeHead(404, { "content-type": "text/html" });
      res.end(readFileSync(join(dir, "404.html")));
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

async function look(address) {
  const page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  const response = await page.goto(address);
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).display !== "block"
    || getComputedStyle(document.body).getPropertyValue("--line").trim() !== "");
  const home = await page.locator("main a.home-link").evaluate((a) => a.href);
  return { page, status: response && response.status(), styled, home };
}

test("served from the server's root, a deep missing page is styled and leads home", async () => {
  const { server, base } = await serve(join(tmp, "top"), "/");
  try {
    const { page, status, styled, home } = await look(`${base}/a/b/c/missing.html`);
    assert.equal(status, 404);
    assert.ok(styled, "the stylesheet applies");
    assert.equal(home, `${base}/index.html`);
    await page.locator("main a.home-link").click();
    assert.equal(await page.title(), "Recording in Social Work");
    await page.close();
  } finally {
    server.close();
  }
});

test("with site-url under /sub/, a deep missing page is styled and leads home", async () => {
  const { server, base } = await serve(join(tmp, "sub"), "/sub/");
  try {
    const { page, status, styled, home } = await look(`${base}/sub/a/b/c/missing.html`);
    assert.equal(status, 404);
    assert.ok(styled, "the stylesheet applies");
    assert.equal(home, `${base}/sub/index.html`);
    await page.close();
  } finally {
    server.close();
  }
});

test("the check can fail: the top-level build served under /sub/ without site-url is not styled deep", async () => {
  const { server, base } = await serve(join(tmp, "top"), "/sub/");
  try {
    const { page, styled, home } = await look(`${base}/sub/a/b/c/missing.html`);
    assert.equal(styled, false);
    assert.notEqual(home, `${base}/sub/index.html`);
    await page.close();
  } finally {
    server.close();
  }
});

test("opened from file://, the script points the links at the site's folder", async () => {
  for (const dir of ["top", "sub"]) {
    const { page, styled, home } = await look(pathToFileURL(join(tmp, dir, "404.html")).href);
    assert.ok(styled, `${dir}: the stylesheet applies`);
    assert.equal(home, pathToFileURL(join(tmp, dir, "index.html")).href, dir);
    await page.close();
  }
  assert.deepEqual(errors, []);
});
