// Full-text search from file://: the example built twice (trainer and participant
// editions) into temp dirs, searched in headless Chromium. The index side is
// tests/search_index.rs; the shared word rules tests/browser/shared-cases.test.mjs.
// Run from the repository root: node --test tests/browser/search.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { collectErrors } from "./helpers.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
let trainer;
let participant;
let browser;
const errors = [];

before(async () => {
  trainer = mkdtempSync(join(tmpdir(), "coursebook-search-t-"));
  participant = mkdtempSync(join(tmpdir(), "coursebook-search-p-"));
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
  assert.deepEqual(errors, [], "console errors");
});

/** A page of `site` (a sub-path: two folders down), searched for `query`; waits for the
    whole index. Returns the page and the results' links. */
async function search(site, query, from = "recording/day-1/01-introduction.html") {
  const page = await browser.newPage();
  collectErrors(page, errors);
  await page.goto(pathToFileURL(join(site, from)).href);
  await page.locator("#search-input").pressSequentially(query, { delay: 5 });
  // Done for the whole query, not for a prefix typed on the way to it.
  await page.locator(`#search-results[data-state=done][data-query="${query.trim().replace(/"/g, '\\"')}"]`).waitFor();
  return { page, links: page.locator("#search-results a") };
}

const marks = (loc) => loc.locator("mark").allTextContents();

test("a word from the last paragraph of a long session is found, marked in a snippet", async () => {
  // "legislation" is only in the footnote at the very end of Action plans.
  const { page, links } = await search(trainer, "legislation");
  assert.equal(await links.count(), 1);
  const a = links.first();
  assert.match(await a.getAttribute("href"), /day-2\/05-action-plans\.html$/);
  assert.match(await a.locator(".sr-title").textContent(), /Action plans/i);
  assert.match(await a.locator(".sr-when").textContent(), /Day 2/);
  const snippet = a.locator(".sr-snippet");
  assert.deepEqual(await marks(snippet), ["legislation"]);
  assert.match(await snippet.textContent(), /Check which legislation and local guidance/);
  await page.close();
});

test("a plural finds the singular through the stemmer, the title first", async () => {
  const { page, links } = await search(trainer, "stickies");
  assert.ok((await links.count()) >= 3, "pages that say 'sticky'");
  const found = (await marks(page.locator("#search-results"))).map((m) => m.toLowerCase());
  assert.ok(found.length > 0 && found.every((m) => m === "sticky"), JSON.stringify(found));
  await page.close();
  const rec = await search(trainer, "recorded");
  const words = new Set((await marks(rec.page.locator("#search-results"))).map((m) => m.toLowerCase()));
  assert.ok(words.has("recording") || words.has("records"), [...words].join(" "));
  // Title matches rank first: "Contact records" has the word in its title.
  assert.match(await rec.links.first().locator(".sr-title").textContent(), /record/i);
  assert.ok((await rec.links.first().locator(".sr-title mark").count()) > 0);
  await rec.page.close();
});

test("a quoted phrase matches only its words, adjacent and in order", async () => {
  const loose = await search(trainer, "seven exercise");
  const n = await loose.links.count();
  assert.ok(n >= 3, `${n} pages have both words`);
  await loose.page.close();
  const phrase = await search(trainer, "\"exercise seven\"");
  const m = await phrase.links.count();
  assert.ok(m >= 3 && m <= n, `${m} of ${n}`);
  const text = (await phrase.page.locator("#search-results .sr-snippet").allTextContents()).join(" | ");
  assert.match(text, /Exercise Seven/i);
  await phrase.page.close();
  const reversed = await search(trainer, "\"seven exercise\"");
  assert.equal(await reversed.links.count(), 0);
  assert.match(await reversed.page.locator("#search-status").textContent(), /No results/);
  await reversed.page.close();
});

test("results are keyboard navigable: arrows, Enter opens, Escape closes", async () => {
  const { page, links } = await search(trainer, "post box");
  assert.ok((await links.count()) >= 2);
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement === document.querySelector("#search-results a")), true);
  await page.keyboard.press("ArrowDown");
  const second = await links.nth(1).getAttribute("href");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), second);
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#search-results").isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
  await page.keyboard.type(" ");
  await page.locator("#search-results a").first().waitFor();
  const href = await links.first().getAttribute("href");
  await Promise.all([page.waitForURL((u) => u.href.endsWith(href.replace(/^(\.\.\/)+/, ""))), page.keyboard.press("Enter")]);
  await page.close();
});

test("a word only in a trainer note: found in the trainer edition, not the participant one", async () => {
  // "derail" is only in a [!TRAINER] note of the introduction.
  const t = await search(trainer, "derail", "index.html");
  assert.equal(await t.links.count(), 1);
  assert.match(await t.links.first().getAttribute("href"), /01-introduction\.html$/);
  assert.deepEqual(await marks(t.links.first()), ["derail"]);
  await t.page.close();
  const p = await search(participant, "derail", "index.html");
  assert.equal(await p.links.count(), 0);
  assert.match(await p.page.locator("#search-status").textContent(), /No results/);
  await p.page.close();
  // The participant edition does search its own text.
  const shared = await search(participant, "sticky", "index.html");
  assert.ok((await shared.links.count()) > 0);
  await shared.page.close();
});
