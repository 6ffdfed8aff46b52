// Paper: the example site printed to A4 by headless Chromium, both editions. Dark screens
// still print dark text on white; the printed programme, handout and run sheets keep to
// their page counts; Print buttons work; the prompt cards move with the keys.
// Run from the repository root: node --test tests/browser/print.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { pdfPages } from "./helpers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let trainer;
let participant;
let browser;

before(async () => {
  trainer = mkdtempSync(join(tmpdir(), "coursebook-print-"));
  participant = mkdtempSync(join(tmpdir(), "coursebook-print-p-"));
  execFileSync("cargo", ["run", "-q", "--", "build", "--dest", trainer], { cwd: repo, stdio: "inherit" });
  execFileSync("cargo", ["run", "-q", "--", "build", "--audience", "participant", "--dest", participant], { cwd: repo, stdio: "inherit" });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  if (browser) await browser.close();
  for (const d of [trainer, participant]) if (d) rmSync(d, { recursive: true, force: true });
});

const url = (site, rel) => pathToFileURL(join(site, rel)).href;

/** Pages of `rel` printed to A4, counted as the PDF's page objects (not its /Pages tree). */
async function pageCount(site, rel) {
  const page = await browser.newPage();
  await page.goto(url(site, rel));
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  await page.close();
  return pdfPages(pdf);
}

/** [r, g, b] of a computed CSS colour. */
function rgb(css) {
  const m = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/.exec(css);
  assert.ok(m, css);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}
const luminance = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;

test("printing from a dark screen gives dark text on white (handout, session page)", async () => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  // The screen really is dark before printing, so the test could fail.
  await page.goto(url(trainer, "recording/day-1/01-introduction.html"));
  const screenBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.ok(luminance(rgb(screenBg)) < 0.2, `screen background ${screenBg}`);
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  for (const rel of ["recording/handout.html", "recording/day-1/01-introduction.html"]) {
    await page.goto(url(trainer, rel));
    const seen = await page.evaluate(() => {
      const pick = (css) =>
        [...document.querySelectorAll(css)]
          .filter((e) => e.getClientRects().length > 0)
          .map((e) => ({ css, color: getComputedStyle(e).color, bg: getComputedStyle(e).backgroundColor }));
      return {
        body: getComputedStyle(document.body).backgroundColor,
        text: [...pick("main h1"), ...pick("main p"), ...pick("main li"), ...pick("main td"), ...pick(".callout-title")],
        callouts: pick(".callout"),
      };
    });
    assert.deepEqual(rgb(seen.body).slice(0, 3), [255, 255, 255], `${rel}: body ${seen.body}`);
    assert.ok(seen.text.length > 10, rel);
    for (const t of seen.text) {
      assert.ok(luminance(rgb(t.color)) < 0.35, `${rel}: ${t.css} is ${t.color}`);
    }
    for (const c of seen.callouts) {
      const [r, g, b, a] = rgb(c.bg);
      assert.ok(a === 0 || luminance([r, g, b]) > 0.85, `${rel}: callout background ${c.bg}`);
    }
  }
  await context.close();
});

test("page counts on A4: print <= 12, handout <= 4, each run sheet one page", async () => {
  const counts = {};
  for (const [site, name] of [[trainer, "trainer"], [participant, "participant"]]) {
    counts[`${name} print`] = await pageCount(site, "recording/print.html");
    counts[`${name} handout`] = await pageCount(site, "recording/handout.html");
  }
  for (const day of [1, 2]) {
    counts[`run sheet ${day}`] = await pageCount(trainer, `recording/runsheet-day-${day}.html`);
    counts[`sign-in ${day}`] = await pageCount(trainer, `recording/signin-day-${day}.html`);
  }
  counts["prompt cards"] = await pageCount(trainer, "recording/prompt-cards.html");
  console.log(counts);
  for (const name of ["trainer", "participant"]) {
    assert.ok(counts[`${name} print`] <= 12, `${name} print: ${counts[`${name} print`]}`);
    assert.ok(counts[`${name} handout`] <= 4, `${name} handout: ${counts[`${name} handout`]}`);
  }
  assert.equal(counts["run sheet 1"], 1);
  assert.equal(counts["run sheet 2"], 1);
  // 20 expected participants fit one page; one prompt to a page.
  assert.equal(counts["sign-in 1"], 1);
  const page = await browser.newPage();
  await page.goto(url(trainer, "recording/prompt-cards.html"));
  assert.equal(counts["prompt cards"], await page.locator(".prompt-card").count());
  await page.close();
});

test("Print buttons show with script and open the print dialog", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  for (const rel of [
    "recording/handout.html",
    "recording/print.html",
    "recording/runsheet-day-1.html",
    "recording/signin-day-1.html",
    "recording/prompts.html",
    "recording/materials.html",
    "recording/prompt-cards.html",
    "recording/day-1/01-introduction.html",
  ]) {
    await page.goto(url(trainer, rel));
    // The cards open as a deck over the page; Escape shows the list and its tools.
    if (rel.endsWith("prompt-cards.html")) await page.keyboard.press("Escape");
    const button = page.locator("button[data-print]");
    await button.click();
    assert.equal(await page.evaluate(() => window.__printed), 1, rel);
    await page.evaluate(() => {
      window.__printed = 0;
    });
    await page.emulateMedia({ media: "print" });
    assert.equal(await button.isVisible(), false, `${rel}: button printed`);
    await page.emulateMedia({ media: "screen" });
  }
  assert.deepEqual(errors, []);
  await context.close();
  // Without script the button stays hidden.
  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await still.goto(url(trainer, "recording/handout.html"));
  assert.equal(await still.locator("button[data-print]").isVisible(), false);
  await off.close();
});

test("prompt cards: one at a time, moved by the keys, from file://", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url(trainer, "recording/prompt-cards.html"));
  const total = await page.locator(".prompt-card").count();
  assert.ok(total > 5);
  const counter = page.locator(".deck-counter");
  const current = () => page.locator(".prompt-card.is-current .card-text").textContent();
  const texts = await page.locator(".prompt-card .card-text").allTextContents();
  assert.equal(await counter.textContent(), `1 / ${total}`);
  assert.equal(await page.locator(".prompt-card:visible").count(), 1);
  await page.keyboard.press("ArrowRight");
  assert.equal(await counter.textContent(), `2 / ${total}`);
  assert.equal(await current(), texts[1]);
  await page.keyboard.press("PageDown");
  await page.keyboard.press("Space");
  assert.equal(await counter.textContent(), `4 / ${total}`);
  await page.keyboard.press("ArrowLeft");
  assert.equal(await current(), texts[2]);
  await page.keyboard.press("End");
  assert.equal(await counter.textContent(), `${total} / ${total}`);
  await page.keyboard.press("ArrowRight");
  assert.equal(await counter.textContent(), `${total} / ${total}`);
  await page.keyboard.press("Home");
  assert.equal(await current(), texts[0]);
  // The card fills the screen, its type large.
  const box = await page.locator(".prompt-card.is-current").boundingBox();
  assert.ok(box.width >= 1280 && box.height >= 800, JSON.stringify(box));
  const size = await page.locator(".prompt-card.is-current .card-text").evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 48, `font ${size}px`);
  // The bar's buttons, and a swipe to the left, move on too.
  await page.locator(".deck-bar button", { hasText: "Next" }).click();
  assert.equal(await counter.textContent(), `2 / ${total}`);
  await page.evaluate(() => {
    const touch = (x) => new Touch({ identifier: 1, target: document.body, clientX: x, clientY: 300 });
    document.dispatchEvent(new TouchEvent("touchstart", { touches: [touch(600)], changedTouches: [touch(600)] }));
    document.dispatchEvent(new TouchEvent("touchend", { touches: [], changedTouches: [touch(300)] }));
  });
  assert.equal(await counter.textContent(), `3 / ${total}`);
  // Under the deck nothing takes focus: Tab reaches only the card and its bar.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    // (past the bar's last button focus leaves the page, leaving the body active)
    const inside = await page.evaluate(() => {
      const a = document.activeElement;
      return a === document.body || !!a.closest(".prompt-card.is-current, .deck-bar");
    });
    assert.ok(inside, `tab ${i} left the deck`);
  }
  await page.keyboard.press("Home");
  // Escape shows every card again.
  await page.keyboard.press("Escape");
  assert.equal(await page.locator(".prompt-card:visible").count() > 1, true);
  assert.equal(await page.locator(".deck-bar").isVisible(), false);
  await page.locator(".prompt-card").nth(1).locator(".card-text").click();
  assert.equal(await counter.textContent(), `2 / ${total}`);
  await page.keyboard.press("ArrowUp");
  // A reload opens the card in the address.
  await page.keyboard.press("ArrowDown");
  assert.equal(await counter.textContent(), `2 / ${total}`);
  await page.reload();
  assert.equal(await counter.textContent(), `2 / ${total}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the run sheet on a 375 px phone: every cell keeps its column's label", async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const wide = [];
  for (const rel of ["recording/runsheet-day-1.html", "recording/signin-day-1.html", "recording/prompt-cards.html", "recording/materials.html"]) {
    await page.goto(url(trainer, rel));
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    if (w > 375) wide.push(`${rel}: ${w}px`);
  }
  assert.deepEqual(wide, []);
  await page.goto(url(trainer, "recording/runsheet-day-1.html"));
  const cells = await page.evaluate(() =>
    [...document.querySelectorAll("table.runsheet tr.session-row td")]
      .filter((td) => td.getClientRects().length > 0)
      .map((td) => ({ label: td.dataset.label, shown: getComputedStyle(td, "::before").content })),
  );
  assert.ok(cells.length > 20, `${cells.length} cells`);
  for (const c of cells) assert.equal(c.shown, `"${c.label}"`);
  // The column heads are kept for screen readers, not shown.
  const head = await page.locator("table.runsheet thead").boundingBox();
  assert.ok(head.height <= 1 && head.width <= 1, JSON.stringify(head));
  await context.close();
});

for (const scheme of ["light", "dark"]) {
  test(`axe-core: no serious or critical violation on the room pages (${scheme})`, async () => {
    const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
    const page = await context.newPage();
    const problems = [];
    for (const rel of ["recording/runsheet-day-1.html", "recording/signin-day-1.html", "recording/prompt-cards.html", "recording/materials.html", "recording/handout.html"]) {
      await page.goto(url(trainer, rel));
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"], preload: false }));
      for (const v of result.violations) {
        if (v.impact === "serious" || v.impact === "critical") {
          problems.push(`${rel}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
