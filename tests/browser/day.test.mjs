// The trainer's day: the "now and next" bar on every page of a programme, by the
// programme's clock (Europe/London in the example) whatever the device's time zone, and
// "Running late". The clock is fixed with playwright's page.clock; the device is put in
// another zone with the context's timezoneId, so a script that read the device's clock
// would show the wrong session.
// Run from the repository root: node --test tests/browser/day.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { collectErrors } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

let tmp;
let dest; // the example, trainer edition
let fixtureDest; // a small fixture, participant edition
let browser;
const consoleErrors = [];

const url = (rel) => pathToFileURL(join(dest, rel)).href;
const furl = (rel) => pathToFileURL(join(fixtureDest, rel)).href;

const SECRET = "Secret trainer huddle";

/** A small programme: a trainer-only session, free time before a lunch pinned at 12:30. */
function writeFixture(root) {
  const files = {
    "book.toml": '[book]\ntitle = "Fixture course"\n',
    "content/p/index.md":
      '---\ntitle: Fixture programme\ntimezone: Europe/London\nstart: "09:30"\nblocks:\n' +
      "  - { id: morning, title: Morning }\n" +
      '  - { break: Lunch, duration: 45m, at: "12:30" }\n' +
      "  - { id: afternoon, title: Afternoon }\n" +
      "days:\n  - { title: Day one, date: 2027-03-01 }\n---\nThe fixture.\n",
    "content/p/a.md": "---\ntitle: Opening\nday: 1\nblock: morning\nduration: 60m\n---\nHello.\n",
    "content/p/b.md": `---\ntitle: ${SECRET}\nday: 1\nblock: morning\nduration: 30m\naudience: trainer\n---\nOnly trainers.\n`,
    "content/p/c.md": "---\ntitle: Group work\nday: 1\nblock: morning\nduration: 45m\n---\nGroups.\n",
    "content/p/d.md": "---\ntitle: Afternoon talk\nday: 1\nblock: afternoon\nduration: 60m\n---\nTalk.\n",
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "coursebook-day-"));
  dest = join(tmp, "example");
  execFileSync("cargo", ["run", "-q", "--", "build", "--dest", dest], { cwd: repo, stdio: "inherit" });
  const fixture = join(tmp, "fixture");
  writeFixture(fixture);
  fixtureDest = join(tmp, "fixture-site");
  execFileSync("cargo", ["run", "-q", "--", "build", "--root", fixture, "--audience", "participant", "--dest", fixtureDest], {
    cwd: repo,
    stdio: "inherit",
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  assert.deepEqual(consoleErrors, []);
});

/** A page in a device zone far from London, its clock fixed at `utc` (London is on UTC in March). */
async function pageAt(utc, options = {}) {
  const context = await browser.newContext({ timezoneId: "Asia/Tokyo", ...options });
  const page = await context.newPage();
  collectErrors(page, consoleErrors);
  if (utc) await page.clock.setFixedTime(new Date(utc));
  return page;
}

const barText = async (page) => (await page.locator("#now-bar .now-line").textContent()).replace(/\s+/g, " ").trim();

test("the bar on a session page names the session running and the next, by London time on a Tokyo device", async () => {
  const page = await pageAt("2027-03-01T10:50:00Z");
  await page.goto(url("recording/day-2/01-recap.html"));
  const bar = page.locator("#now-bar");
  assert.equal(await bar.isVisible(), true);
  assert.equal(
    await barText(page),
    "Now: Case summaries, in pairs until 11:15 · Next: Main points emerging from the case summaries at 11:15",
  );
  const links = bar.locator(".now-line a");
  assert.match(await links.nth(0).getAttribute("href"), /^\.\.\/\.\.\/recording\/day-1\/03-case-summaries\.html$/);
  await links.nth(1).click();
  assert.match(page.url(), /04-emerging-points\.html$/);
  // The device's own clock (19:50 in Tokyo) would have said the day was over.
  assert.doesNotMatch(await barText(page), /Day two|ended/);
  // On the timetable and in the sidebar, the same session is "now".
  await page.goto(url("recording/timetable.html"));
  assert.match(await page.locator("table.timetable tr.is-now").textContent(), /Case summaries/);
  assert.match(await page.locator("table.timetable tr.is-next").textContent(), /Main points/);
  assert.match(await page.locator(".sidebar li.is-now").textContent(), /Case summaries/);
  await page.context().close();
});

test("the bar moves on with the clock, and a focused link in it keeps its focus meanwhile", async () => {
  const page = await pageAt(null);
  await page.clock.install({ time: new Date("2027-03-01T10:50:00Z") });
  await page.goto(url("recording/day-1/03-case-summaries.html"));
  await page.locator("#now-bar .now-line a").first().focus();
  await page.clock.runFor(31000);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Case summaries, in pairs");
  await page.clock.runFor(26 * 60 * 1000);
  assert.equal(
    await barText(page),
    "Now: Main points emerging from the case summaries until 11:30 · Next: Post box and learning points at 11:30",
  );
  assert.match(await page.locator(".sidebar li.is-now").textContent(), /Main points/);
  await page.context().close();
});

test("in a break the bar says when it ends and what comes next", async () => {
  const page = await pageAt("2027-03-01T10:35:00Z", { timezoneId: "America/New_York" });
  await page.goto(url("recording/prompts.html"));
  assert.equal(await barText(page), "Coffee until 10:45 · Next: Case summaries, in pairs at 10:45");
  await page.context().close();
});

test("before, after and outside the programme's days", async () => {
  const page = await pageAt(null);
  await page.goto(url("recording/index.html") + "?now=2027-03-01T08:10");
  assert.equal(await barText(page), "Day one starts at 09:30 with Introduction and organisation for the two days");
  await page.goto(url("recording/materials.html") + "?now=2027-03-01T17:00");
  assert.equal(await barText(page), "Day two (Tuesday 2 March 2027) starts at 09:30 with Recap of day one");
  // Sessions end at 14:45; the day runs to its `end`, 16:30, as free time.
  await page.goto(url("recording/timetable.html") + "?now=2027-03-02T15:00");
  assert.match(await barText(page), /^Free time until 16:30/);
  await page.goto(url("recording/timetable.html") + "?now=2027-03-02T16:40");
  assert.match(await barText(page), /^The programme has ended\./);
  await page.goto(url("recording/timetable.html") + "?now=2027-02-27T10:00");
  assert.equal(await page.locator("#now-bar").isVisible(), false, "no bar on a day that is not a programme day");
  assert.equal(await page.locator(".is-now").count(), 0);
  // Pages outside a programme have no bar.
  await page.goto(url("index.html") + "?now=2027-03-01T10:50");
  assert.equal(await page.locator("#now-bar").count(), 0);
  await page.context().close();
});

test("the bar is on every kind of programme page, within a 375x667 phone screen", async () => {
  const page = await pageAt("2027-03-01T10:50:00Z", { viewport: { width: 375, height: 667 } });
  for (const rel of [
    "recording/day-1/03-case-summaries.html",
    "recording/index.html",
    "recording/timetable.html",
    "recording/handout.html",
    "recording/runsheet-day-1.html",
    "recording/letters/invitation.html",
    "recording/before-you-come.html",
  ]) {
    await page.goto(url(rel));
    const box = await page.locator("#now-bar").boundingBox();
    assert.ok(box, `${rel}: no bar`);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.ok(box.y >= 0 && box.y + box.height <= 667, `${rel}: the bar is at ${box.y}..${box.y + box.height}`);
    assert.ok(box.width <= 375, `${rel}: the bar is ${box.width} px wide`);
    assert.match(await barText(page), /^Now: Case summaries, in pairs until 11:15/, rel);
  }
  await page.context().close();
});

/** The shown times of the row whose title starts with `title` (or matches it, a RegExp). */
const rowTimes = async (page, day, title) => {
  const name = title instanceof RegExp ? title : new RegExp("^" + title);
  const row = page.locator(`table.timetable[data-day="${day}"] tr`).filter({ has: page.locator("th", { hasText: name }) });
  return `${await row.locator(".t-start").textContent()}–${await row.locator(".t-end").textContent()}`;
};

test("running late +15 moves the rest of the day on the timetable and the bar; the day's end stays; a reload keeps it; Reset restores", async () => {
  const page = await pageAt("2027-03-01T10:50:00Z", { timezoneId: "America/New_York" });
  await page.goto(url("recording/timetable.html"));
  const control = page.locator('#day-1 .late-control');
  await control.locator("summary", { hasText: "Running late" }).click();
  await control.getByRole("button", { name: "+15 min" }).click();
  assert.match(await control.locator(".late-status").textContent(), /Running 15 min late from 10:50/);
  // The session running now ends later; its start, already past, stays.
  assert.equal(await rowTimes(page, 1, "Case summaries"), "10:45–11:30");
  assert.equal(await rowTimes(page, 1, "Main points"), "11:30–11:45");
  assert.equal(await rowTimes(page, 1, "Lunch"), "12:00–12:45");
  assert.match(await page.locator('table.timetable[data-day="1"] tr', { hasText: "Main points emerging" }).locator(".was").textContent(), /was 11:15–11:30/);
  // The day's end (16:30) stays put: the free time before it absorbs the delay.
  assert.equal(await rowTimes(page, 1, /end of day one/), "14:45–15:00");
  assert.equal(await rowTimes(page, 1, "Free time"), "15:00–16:30");
  assert.equal(await page.locator('table.timetable[data-day="1"] tfoot time').textContent(), "16:30");
  // Day two is another day.
  assert.equal(await rowTimes(page, 2, "Recap of day one"), "09:30–10:00");
  assert.match(await barText(page), /Next: Main points emerging from the case summaries at 11:30$/);
  // The bar's own control shows the same delay.
  assert.match(await page.locator("#now-bar .late-status").textContent(), /Running 15 min late/);
  await page.reload();
  assert.equal(await rowTimes(page, 1, "Main points"), "11:30–11:45");
  // The run sheet and a session page's bar read the same delay.
  await page.goto(url("recording/runsheet-day-1.html"));
  const sheetRow = page.locator("table.runsheet tr", { hasText: "Main points" });
  assert.equal(await sheetRow.locator(".t-start").textContent(), "11:30");
  await page.goto(url("recording/day-1/01-introduction.html"));
  assert.match(await barText(page), /at 11:30$/);
  await page.locator("#now-bar .late-status").getByRole("button", { name: /Reset/ }).click();
  assert.match(await barText(page), /at 11:15$/);
  await page.goto(url("recording/timetable.html"));
  assert.equal(await rowTimes(page, 1, "Main points"), "11:15–11:30");
  assert.equal(await page.locator("tr.is-late").count(), 0);
  await page.context().close();
});

test("running late from the keyboard: a number of minutes, set with Enter", async () => {
  const page = await pageAt("2027-03-01T10:50:00Z");
  await page.goto(url("recording/runsheet-day-1.html"));
  const control = page.locator("main .late-control");
  await control.locator("summary").focus();
  await page.keyboard.press("Enter");
  await control.getByLabel("Minutes late").fill("20");
  await control.getByLabel("Minutes late").press("Enter");
  assert.equal(await page.locator("table.runsheet tr", { hasText: "Main points" }).locator(".t-start").textContent(), "11:35");
  assert.equal(await control.getByRole("group", { name: "Running late, Day one" }).count(), 1);
  await page.context().close();
});

test("participant edition: the bar shows Trainers' time, never a trainer-only session; a fixed break stays", async () => {
  const schedule = readFileSync(join(fixtureDest, "p/schedule.js"), "utf8");
  assert.doesNotMatch(schedule, /Secret/);
  const page = await pageAt("2027-03-01T10:40:00Z");
  await page.goto(furl("p/a.html"));
  assert.equal(await barText(page), "Now: Trainers' time until 11:00 · Next: Group work at 11:00");
  assert.equal(await page.locator("#now-bar .now-line a").count(), 1, "only Group work is a link");
  for (const t of ["09:00", "10:15", "10:29"]) {
    await page.goto(furl("p/c.html") + `?now=2027-03-01T${t}`);
    assert.doesNotMatch(await page.locator("body").textContent(), /Secret/);
  }
  // 60 minutes late at 10:40: Group work runs into the lunch pinned at 12:30 and is cut short;
  // lunch and the afternoon stay.
  await page.goto(furl("p/timetable.html"));
  const control = page.locator("main .late-control");
  await control.locator("summary").click();
  await control.getByLabel("Minutes late").fill("60");
  await control.getByRole("button", { name: "Set", exact: true }).click();
  assert.equal(await rowTimes(page, 1, "Group work"), "12:00–12:30");
  assert.match(await page.locator("tr", { hasText: "Group work" }).locator(".squeezed").textContent(), /cut short by Lunch \(fixed at 12:30\)/);
  assert.equal(await page.locator("tr[data-fixed]").count(), 1);
  assert.equal(await rowTimes(page, 1, "Lunch"), "12:30–13:15");
  assert.equal(await rowTimes(page, 1, "Afternoon talk"), "13:15–14:15");
  assert.match(await control.locator(".late-status").textContent(), /until Lunch \(fixed at 12:30\)/);
  await page.context().close();
});

test("axe-core: the bar and the running-late controls, light and dark", async () => {
  const problems = [];
  for (const scheme of ["light", "dark"]) {
    const page = await pageAt("2027-03-01T10:50:00Z", { colorScheme: scheme, bypassCSP: true });
    for (const rel of ["recording/day-1/03-case-summaries.html", "recording/timetable.html", "recording/runsheet-day-1.html"]) {
      await page.goto(url(rel));
      if (rel.endsWith("timetable.html")) {
        await page.locator("#day-1 .late-control summary").click();
        await page.locator("#day-1 .late-control").getByRole("button", { name: "+15 min" }).click();
      }
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"], preload: false }));
      for (const v of result.violations) {
        problems.push(`${scheme} ${rel}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      }
    }
    await page.context().close();
  }
  assert.deepEqual(problems, []);
});
