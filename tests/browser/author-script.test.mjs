// No author script runs: a session with an inline <script> and an <img onerror>, built by
// default (sanitised) and with `sanitize = false` (then the page's own
// Content-Security-Policy must stop it), opened from file:// in headless Chromium. The
// theme's own scripts still run there (search works).
// Run from the repository root: node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const SESSION = `---
title: Hostile session
day: 1
duration: 30m
---
Searchable words: marmalade.

<script>window.pwned = "inline"; document.title = "pwned";</script>

<img src="missing.png" onerror="window.pwned = 'onerror'; document.title = 'pwned'">

<div id="marker">still here</div>
`;

const tmp = [];
let browser;
const sites = {};

/** Builds the hostile fixture with `extra` book.toml lines into a temp folder. */
function build(extra) {
  const root = mkdtempSync(join(tmpdir(), "coursebook-author-script-"));
  tmp.push(root);
  mkdirSync(join(root, "content/p"), { recursive: true });
  writeFileSync(join(root, "book.toml"), `[book]\ntitle = "T"\n${extra}`);
  writeFileSync(join(root, "content/p/index.md"), "---\ntitle: P\nblocks:\n  - { id: all, title: All }\n---\n");
  writeFileSync(join(root, "content/p/a.md"), SESSION);
  const dest = join(root, "out");
  execFileSync("cargo", ["run", "-q", "--", "build", "--root", root, "--dest", dest], { cwd: repo, stdio: "inherit" });
  return dest;
}

before(async () => {
  sites.sanitised = build("");
  sites.trusted = build("[output.html]\nsanitize = false\n");
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
});

after(async () => {
  if (browser) await browser.close();
  for (const t of tmp) rmSync(t, { recursive: true, force: true });
});

for (const kind of ["sanitised", "trusted"]) {
  test(`no author script runs from file:// (${kind})`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const console = [];
    page.on("console", (m) => console.push(m.text()));
    await page.goto(pathToFileURL(join(sites[kind], "p/a.html")).href);
    await page.waitForLoadState("load");
    // Give an onerror handler every chance to fire.
    await page.waitForTimeout(300);
    assert.equal(await page.locator("#marker").textContent(), "still here");
    assert.equal(await page.evaluate(() => typeof window.pwned), "undefined");
    assert.doesNotMatch(await page.title(), /pwned/);
    if (kind === "trusted") {
      // The script is in the page, and the page's own policy refused it.
      assert.equal(await page.locator("main script").count(), 1);
      assert.ok(
        console.some((t) => /Content Security Policy/.test(t)),
        `no CSP refusal logged: ${console.join("\n")}`,
      );
    } else {
      assert.equal(await page.locator("main script, main [onerror]").count(), 0);
    }
    // The theme's scripts are not blocked: search (which loads its index by <script>) works.
    await page.locator("#search-input").pressSequentially("marmal", { delay: 10 });
    await page.locator("#search-results a", { hasText: "Hostile session" }).first().waitFor({ timeout: 10000 });
    await context.close();
  });
}
