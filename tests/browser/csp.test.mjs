// The built site under `Content-Security-Policy: default-src 'self'`: the example site,
// built for trainers and for participants, served over HTTP from a tiny static server that
// sends that header on every response, and driven in headless Chromium. Any inline script,
// inline handler, inline style, eval or other-host load would be a violation.
// Run from the repository root: node --test tests/browser/*.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFile, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, dirname, extname, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const CSP = "default-src 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".csv": "text/csv; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves `root` on 127.0.0.1 with the strict policy on every response, 404s included. */
function serveStrict(root) {
  const server = createServer((req, res) => {
    res.setHeader("Content-Security-Policy", CSP);
    res.setHeader("X-Content-Type-Options", "nosniff");
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    // Chromium asks for one whatever the page says; the site has none.
    if (path === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const builds = {};
let browser;

before(async () => {
  for (const audience of ["trainer", "participant"]) {
    const dest = mkdtempSync(join(tmpdir(), `coursebook-csp-${audience}-`));
    execFileSync("cargo", ["run", "-q", "--", "build", "--audience", audience, "--dest", dest], {
      cwd: repo,
      stdio: "inherit",
    });
    const server = await serveStrict(dest);
    builds[audience] = { dest, server, base: `http://127.0.0.1:${server.address().port}/` };
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
});

after(async () => {
  if (browser) await browser.close();
  for (const b of Object.values(builds)) {
    b.server.close();
    rmSync(b.dest, { recursive: true, force: true });
  }
});

/**
 * A fresh page that records policy violations (from the DOM event, reported through a
 * binding that survives navigation), console errors and uncaught exceptions.
 */
async function strictPage(problems) {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.exposeBinding("__cspViolation", ({ page }, v) => problems.push(`${page.url()}: CSP blocked ${v}`));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolation(`${e.violatedDirective} ${e.blockedURI || "(inline)"} at ${e.sourceFile || "?"}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" || /Content.Security.Policy/i.test(m.text())) problems.push(`${page.url()}: console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  return page;
}

/** Lets late work (deferred scripts, fetches, event reports) finish before moving on. */
async function settle(page) {
  await page.waitForLoadState("load");
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
}

for (const audience of ["trainer", "participant"]) {
  test(`the ${audience} site works under "${CSP}" with no violation`, async () => {
    const { base } = builds[audience];
    const problems = [];
    const page = await strictPage(problems);

    // The response really carries the policy (so the test cannot pass by a missing header).
    const first = await page.goto(base + "index.html");
    assert.equal(first.headers()["content-security-policy"], CSP);

    const pages = [
      "index.html",
      "recording/index.html",
      "recording/timetable.html?now=2027-03-01T10:05",
      "recording/day-1/03-case-summaries.html",
      "recording/prompts.html",
      "recording/handout.html",
      "recording/print.html",
      "recording/materials.html",
      "404.html",
    ];
    // Letters are the trainer's tools (a participant build has none unless shared).
    if (audience === "trainer") pages.push("recording/runsheet-day-1.html", "recording/letters/invitation.html");
    for (const rel of pages) {
      await page.goto(base + rel);
      await settle(page);
    }

    // The stylesheet applied (a blocked stylesheet would leave the sidebar unstyled).
    await page.goto(base + "recording/day-1/03-case-summaries.html");
    const display = await page.locator(".sidebar").evaluate((el) => getComputedStyle(el).display);
    assert.notEqual(display, "inline", "coursebook.css did not apply");

    // The live timetable script ran.
    await page.goto(base + "recording/timetable.html?now=2027-03-01T10:05");
    assert.equal(await page.locator("table.timetable tr.is-now").count(), 1, "timetable script did not run");

    // The letter form fills its preview. Every letter page has the form; a participant
    // build may leave the letter out, but then there is no page at all (never a page
    // without its form, which this check would otherwise pass by skipping).
    const letterPage = "recording/letters/invitation.html";
    if (existsSync(join(builds[audience].dest, letterPage))) {
      await page.goto(base + letterPage);
      const field = page.locator("form input[name=participant_name]");
      assert.equal(await field.count(), 1, `${audience}: the letter page has its form`);
      await field.fill("Ada Lovelace");
      await page.waitForFunction(() => document.querySelector(".letter").textContent.includes("Ada Lovelace"));
      // Saving the filled-in letter makes a blob: download, which the policy allows.
      for (const format of ["docx", "txt"]) {
        const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`button.save-letter[data-format=${format}]`).click()]);
        assert.equal(download.suggestedFilename(), `invitation-ada-lovelace.${format}`);
        assert.equal(await download.failure(), null);
      }
    } else {
      assert.equal(audience, "participant", "the trainer build has the letter page");
      const before = problems.length;
      const missing = await page.goto(base + letterPage);
      assert.equal(missing.status(), 404);
      await settle(page);
      // The 404 asked for is not a problem of the site's.
      problems.splice(before);
    }

    // Search loads its index (a script file) and shows results.
    await page.goto(base + "recording/timetable.html");
    await page.locator("#search-input").pressSequentially("post box", { delay: 10 });
    await page.locator("#search-results a").first().waitFor();
    await Promise.all([page.waitForLoadState("load"), page.locator("#search-results a").first().click()]);
    await settle(page);

    assert.deepEqual(problems, []);
    await page.context().close();
  });
}

test("the violation listener works: an inline script is reported", async () => {
  // A canary: the same recording, on a page that breaks the policy, must report it.
  const problems = [];
  const page = await strictPage(problems);
  await page.route("**/canary.html", (route) =>
    route.fulfill({
      status: 200,
      headers: { "Content-Type": "text/html", "Content-Security-Policy": CSP },
      body: "<!doctype html><title>canary</title><p style=\"color:red\">x</p><script>1</script>",
    }),
  );
  await page.goto(builds.trainer.base + "canary.html");
  await settle(page);
  assert.ok(problems.some((p) => p.includes("CSP blocked")), problems.join("\n"));
  await page.context().close();
});

test("serve's live-reload client works under the policy too: its error overlay shows", async () => {
  // The dev server sends no policy itself, so the page's responses get it on the way in.
  const root = mkdtempSync(join(tmpdir(), "coursebook-csp-serve-"));
  cpSync(join(repo, "book.toml"), join(root, "book.toml"));
  cpSync(join(repo, "content"), join(root, "content"), { recursive: true });
  const child = spawn("cargo", ["run", "-q", "--", "serve", "--root", root, "--port", "0"], { cwd: repo, stdio: ["ignore", "ignore", "pipe"] });
  try {
    const base = await new Promise((resolve, reject) => {
      let seen = "";
      child.stderr.on("data", (d) => {
        seen += d;
        const m = seen.match(/serving (http:\/\/\S+\/)/);
        if (m) resolve(m[1]);
      });
      child.on("exit", (code) => reject(new Error(`serve exited (${code}): ${seen}`)));
    });
    const problems = [];
    const page = await strictPage(problems);
    await page.route("**/*", async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": CSP } });
    });
    const session = "recording/day-1/03-case-summaries.html";
    const first = await page.goto(base + session);
    assert.equal(first.headers()["content-security-policy"], CSP);
    assert.equal(await page.locator('script[src="/__coursebook/live.js"]').count(), 1);
    await settle(page);
    // Break the session's front matter: the overlay must appear, styled from the script.
    const file = join(root, "content", "recording", "day-1", "03-case-summaries.md");
    writeFileSync(file, "---\ntitle: [unclosed\n---\nBroken.\n");
    const overlay = page.locator("#coursebook-errors");
    await overlay.waitFor({ timeout: 15000 });
    assert.equal(await overlay.evaluate((el) => getComputedStyle(el).position), "fixed");
    assert.deepEqual(problems, []);
    await page.context().close();
  } finally {
    child.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
