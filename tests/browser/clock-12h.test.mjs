// `[output.html] clock = "12h"`: the build writes "9:30 am", and now.js, when a trainer
// says the day is running late, writes the moved times in the same 12-hour form (from
// schedule.js's `clock` forms), never a 24-hour time beside 12-hour ones.
// Run from the repository root: node --test tests/browser/clock-12h.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
let tmp, site, browser;
const errors = [];

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "coursebook-12h-"));
  const files = {
    "book.toml": '[book]\ntitle = "Clock"\nlanguage = "en-GB"\n[output.html]\nclock = "12h"\n',
    "content/p/index.md":
      '---\ntitle: Twelve\ntimezone: Europe/London\nstart: "09:30"\nend: "16:30"\nblocks:\n  - { id: am, title: Morning }\n' +
      "days:\n  - { title: Day one, date: 2027-03-01 }\n---\nAbout.\n",
    "content/p/a.md": "---\ntitle: Opening\nday: 1\nblock: am\nduration: 60m\n---\nHello.\n",
    "content/p/b.md": "---\ntitle: Second\nday: 1\nblock: am\nduration: 150m\n---\nMore.\n",
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tmp, "src", rel)), { recursive: true });
    writeFileSync(join(tmp, "src", rel), text);
  }
  site = join(tmp, "site");
  execFileSync("cargo", ["run", "-q", "--manifest-path", join(repo, "Cargo.toml"), "--", "build", "--dest", site], { cwd: join(tmp, "src"), stdio: "inherit" });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
});

after(async () => {
  if (browser) await browser.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const plain = (s) => s.replace(/\u202f/g, " ");

test("moved times keep the 12-hour form", async () => {
  const context = await browser.newContext({ timezoneId: "Europe/London" });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  await page.clock.setFixedTime(new Date("2027-03-01T10:00:00Z"));
  await page.goto(pathToFileURL(join(site, "p/timetable.html")).href);
  const second = page.locator("tr", { hasText: "Second" });
  assert.equal(plain(await second.locator(".time").textContent()), "10:30 am–1:00 pm");
  const control = page.locator("main .late-control").first();
  await control.locator("summary", { hasText: "Running late" }).click();
  await control.getByRole("button", { name: "+15 min" }).click();
  const moved = plain(await second.locator("time.t-start").textContent()) + "–" + plain(await second.locator("time.t-end").textContent());
  assert.equal(moved, "10:45 am–1:15 pm");
  assert.equal(await second.locator("time.t-start").getAttribute("datetime"), "2027-03-01T10:45");
  assert.match(plain(await second.locator(".was").textContent()), /was 10:30 am–1:00 pm/);
  assert.match(plain(await control.locator(".late-status").textContent()), /from 10:00 am/);
  await context.close();
  assert.deepEqual(errors, []);
});
