// The language switch: a copy of the example with a Welsh translation of the programme's
// index and of its first session (`.cy.md` beside each), opened from file://. From the
// English session page the switch leads to the same session in Welsh and back; it is
// usable from the keyboard; a page not translated yet says so and keeps its English `lang`.
// Run from the repository root: node --test tests/browser/language-switch.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

let tmp, site, browser;
const errors = [];

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "coursebook-lang-"));
  const src = join(tmp, "src");
  cpSync(join(repo, "content"), join(src, "content"), { recursive: true });
  writeFileSync(join(src, "book.toml"), readFileSync(join(repo, "book.toml"), "utf8"));
  const prog = join(src, "content", "recording");
  // The Welsh index: the English one with its title and day titles translated.
  const index = readFileSync(join(prog, "index.md"), "utf8").replace(/^title: .*$/m, "title: Cofnodi mewn Gwaith Cymdeithasol");
  writeFileSync(join(prog, "index.cy.md"), index);
  const intro = readFileSync(join(prog, "day-1", "01-introduction.md"), "utf8")
    .replace(/^title: .*$/m, "title: Cyflwyniad a threfniadaeth y ddau ddiwrnod")
    .replace(/\n---\n[\s\S]*$/, "\n---\nCroeso i'r cwrs. Dyma siâp y ddau ddiwrnod.\n");
  writeFileSync(join(prog, "day-1", "01-introduction.cy.md"), intro);
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
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(pathToFileURL(join(site, rel)).href);
  return page;
}

test("the switch leads from a session to the same session in Welsh and back", async () => {
  const page = await open("recording/day-1/01-introduction.html");
  assert.equal(await page.getAttribute("html", "lang"), "en-GB");
  const current = page.locator('nav.lang-switch a[aria-current="true"]');
  assert.equal(await current.textContent(), "English");
  await Promise.all([page.waitForURL(/recording\.cy\//), page.click('nav.lang-switch a[hreflang="cy"]')]);
  assert.ok(page.url().endsWith("/recording.cy/day-1/01-introduction.html"), page.url());
  assert.equal(await page.getAttribute("html", "lang"), "cy");
  assert.match(await page.textContent("main h1"), /Cyflwyniad/);
  assert.equal(await page.locator('nav.lang-switch a[aria-current="true"]').textContent(), "Cymraeg");
  assert.equal(await page.locator(".untranslated-note").count(), 0);
  // Back by keyboard: focus the English link and press Enter.
  await page.focus('nav.lang-switch a[hreflang="en-GB"]');
  await Promise.all([page.waitForURL(/\/recording\/day-1\//), page.keyboard.press("Enter")]);
  assert.ok(page.url().endsWith("/recording/day-1/01-introduction.html"), page.url());
  await page.close();
  assert.deepEqual(errors, []);
});

test("an untranslated Welsh page says so and keeps the original's lang", async () => {
  const page = await open("recording.cy/day-1/02-web-based-training.html");
  assert.equal(await page.getAttribute("html", "lang"), "cy");
  assert.equal(await page.getAttribute("main", "lang"), "en-GB");
  assert.ok(await page.locator(".untranslated-note").isVisible());
  // The Welsh timetable shows the translated title and Welsh dates.
  await page.goto(pathToFileURL(join(site, "recording.cy/timetable.html")).href);
  const text = await page.textContent("main");
  assert.match(text, /Cyflwyniad a threfniadaeth/);
  assert.match(text, /Dydd /);
  await page.close();
  assert.deepEqual(errors, []);
});

test("axe-core: a Welsh session page with the switch, and an untranslated one, light and dark", async () => {
  const problems = [];
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
    const page = await context.newPage();
    for (const rel of ["recording.cy/day-1/01-introduction.html", "recording.cy/day-1/02-web-based-training.html"]) {
      await page.goto(pathToFileURL(join(site, rel)).href);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"], preload: false }));
      for (const v of result.violations) {
        problems.push(`${scheme} ${rel}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      }
    }
    await context.close();
  }
  assert.deepEqual(problems, []);
});
