// Helpers the browser tests share (not a test file: `node --test tests/browser/*.test.mjs`
// leaves it out).
import assert from "node:assert/strict";
import { crc32, inflateRawSync } from "node:zlib";

/** A zip's entries in order, [name, bytes], read from its central directory, each checked
 * against its CRC. */
export function unzip(buf) {
  const end = buf.length - 22;
  assert.equal(buf.readUInt32LE(end), 0x06054b50, "end of central directory");
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, "central directory entry");
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const [n, x, c] = [buf.readUInt16LE(p + 28), buf.readUInt16LE(p + 30), buf.readUInt16LE(p + 32)];
    const name = buf.toString("utf8", p + 46, p + 46 + n);
    const local = buf.readUInt32LE(p + 42);
    assert.equal(buf.readUInt32LE(local), 0x04034b50, `local header of ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    const data = method === 0 ? raw : inflateRawSync(raw);
    assert.equal(crc32(data), crc, `CRC of ${name}`);
    entries.push([name, Buffer.from(data)]);
    p += 46 + n + x + c;
  }
  return entries;
}

/** How many pages a PDF (as Chromium writes it) has: its `/Type /Page` objects, not `/Pages`. */
export function pdfPages(pdf) {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

/** Records `page`'s console errors and uncaught exceptions in `errors`, each with the URL
 * of the page it came from. */
export function collectErrors(page, errors) {
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
}
