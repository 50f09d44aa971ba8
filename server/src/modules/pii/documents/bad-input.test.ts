import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { zipSync } from "fflate";
import * as mupdf from "mupdf";
import { coreEngine } from "./engine";
import { redactBuffer, scanBuffer, scanFile } from "./index";
import {
  buildDocx,
  buildHwpx,
  buildPdf,
  buildXlsx,
  findInPdfBytes,
  greyPng,
  pdfAllText,
} from "./test-fixtures";
import type { DocumentScanResult } from "./types";

const engine = coreEngine;
const dir = mkdtempSync(join(tmpdir(), "pii-bad-"));
const RRN = "960121-1021413";

function assertNotClean(r: DocumentScanResult, reason: RegExp) {
  assert.notEqual(r.status, "ok", `must not be clean: ${r.reason}`);
  assert.match(r.reason ?? "", reason);
}

/** Replaces (or adds) one entry of an existing zip, highly compressed. */
async function withEntry(zipBytes: Uint8Array, name: string, data: Uint8Array): Promise<Uint8Array> {
  const { unzipSync } = await import("fflate");
  const files = unzipSync(zipBytes) as Record<string, Uint8Array | [Uint8Array, { level: 9 }]>;
  files[name] = [data, { level: 9 }];
  return zipSync(files as Parameters<typeof zipSync>[0]);
}

describe("bad input", () => {
  test("E4: a PNG named .docx is detected by its bytes and refused with a clear error", async () => {
    const r = await scanBuffer(greyPng(), "minutes.docx", { engine });
    assert.equal(r.status, "error");
    assert.match(r.reason ?? "", /PNG/);
  });

  test("E4: a password-protected Office file is needs review; a legacy .doc is a clear error", async () => {
    const ole = (body: Buffer) =>
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), body]);
    const enc = await scanBuffer(ole(Buffer.from("EncryptedPackage", "utf16le")), "secret.docx", { engine });
    assert.equal(enc.status, "needs_review");
    assert.match(enc.reason ?? "", /encrypted/);
    const legacy = await scanBuffer(ole(Buffer.from("WordDocument", "utf16le")), "old.doc", { engine });
    assert.equal(legacy.status, "error");
    assert.match(legacy.reason ?? "", /legacy/);
  });

  test("E4: random binary named .txt is an error, not scanned as text", async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const path = join(dir, "notes.txt");
    writeFileSync(path, bytes);
    assertNotClean(await scanFile(path, { engine }), /binary|unsupported/);
  });

  test("E4: a docx renamed .pdf is still read as docx (type from content, not name)", async () => {
    const r = await scanBuffer(buildDocx([[[`주민등록번호 ${RRN}`]]]), "letter.pdf", { engine });
    assert.equal(r.format, "docx");
    assert.equal(r.findings[0].type, "KR_RRN");
  });

  const bomb = new Uint8Array(64 * 1024 * 1024); // 64 MB of zeros, about 64 KB compressed
  const limits = { maxDecompressedBytes: 16 * 1024 * 1024 };
  for (const [fmt, make, entry] of [
    ["docx", async () => buildDocx([[["본문"]]]), "word/document.xml"],
    ["xlsx", async () => buildXlsx({ S: [["a"]] }), "xl/worksheets/sheet1.xml"],
    ["hwpx", async () => buildHwpx([["본문"]]), "Contents/section0.xml"],
  ] as const) {
    test(`E4: zip bomb in ${fmt} stops at the decompression cap: needs review, no crash`, async () => {
      const bytes = await withEntry(await make(), entry, bomb);
      assert.ok(bytes.length < 1024 * 1024);
      const rss0 = process.memoryUsage().rss;
      const r = await scanBuffer(bytes, `x.${fmt}`, { engine, limits });
      assert.equal(r.status, "needs_review");
      assert.match(r.reason ?? "", /zip bomb/);
      assert.ok(process.memoryUsage().rss - rss0 < 60 * 1024 * 1024, "did not inflate the whole bomb");
      const red = await redactBuffer(bytes, `x.${fmt}`, { engine, limits });
      assert.notEqual(red.result.status, "ok");
      assert.equal(red.output, undefined);
    });
  }

  test("E4: a zip with too many entries is refused before inflating anything", async () => {
    const files: Record<string, Uint8Array> = { "[Content_Types].xml": new Uint8Array(1) };
    for (let i = 0; i < 6000; i++) files[`word/x${i}.xml`] = new Uint8Array(0);
    assertNotClean(await scanBuffer(zipSync(files), "x.docx", { engine }), /entries/);
  });

  test("E4: a corrupt zip (truncated, or damaged data) is an error, never clean", async () => {
    const doc = buildDocx([[[`주민등록번호 ${RRN} `.repeat(50)]]]);
    assertNotClean(await scanBuffer(doc.subarray(0, doc.length >> 1), "x.docx", { engine }), /corrupt|zip/);
    const damaged = doc.slice();
    // Overwrite the middle of the compressed document.xml data.
    const at = Buffer.from(damaged).indexOf("word/document.xml") + 40;
    damaged.fill(0xff, at, at + 40);
    assertNotClean(await scanBuffer(damaged, "x.docx", { engine }), /corrupt|unreadable|zip/);
  });

  test("E4: a zip that is not docx, xlsx or hwpx is an error", async () => {
    const r = await scanBuffer(zipSync({ "a.txt": new TextEncoder().encode(RRN) }), "a.zip", { engine });
    assert.equal(r.status, "error");
  });

  test("E4: an encrypted pdf is reported as not scanned, needs manual review", async () => {
    const plain = await buildPdf([[["kr", `주민등록번호 ${RRN}`]]]);
    const pdf = new mupdf.PDFDocument(plain);
    const enc = pdf
      .saveToBuffer("encrypt=aes-256,user-password=secret,owner-password=owner")
      .asUint8Array()
      .slice();
    const r = await scanBuffer(enc, "locked.pdf", { engine });
    assert.equal(r.status, "needs_review");
    assert.match(r.reason ?? "", /not scanned, needs manual review: encrypted/);
    const red = await redactBuffer(enc, "locked.pdf", { engine });
    assert.equal(red.output, undefined);
  });

  test("E4: a pdf encrypted with only an owner password is scanned, and its redaction holds no value", async () => {
    const plain = await buildPdf([[["kr", `주민등록번호 ${RRN}`]]]);
    const enc = new mupdf.PDFDocument(plain)
      .saveToBuffer("encrypt=aes-128,owner-password=owner")
      .asUint8Array()
      .slice();
    assert.match(mupdf.Document.openDocument(enc, "application/pdf").getMetaData("encryption") ?? "", /AES/);
    const r = await scanBuffer(enc, "owner.pdf", { engine });
    assert.equal(r.status, "ok", r.reason ?? "");
    assert.deepEqual(
      r.findings.map((f) => f.type),
      ["KR_RRN"],
    );
    const { output } = await redactBuffer(enc, "owner.pdf", { engine });
    assert.ok(output);
    assert.ok(!pdfAllText(output).includes(RRN));
    assert.deepEqual(findInPdfBytes(output, RRN), []);
  });

  test("E4: a truncated pdf is never clean", async () => {
    const plain = await buildPdf([[["kr", `주민등록번호 ${RRN}`]], [["kr", "둘째 쪽"]]]);
    const r = await scanBuffer(plain.subarray(0, Math.floor(plain.length * 0.6)), "cut.pdf", { engine });
    assert.notEqual(r.status, "ok", r.reason ?? "");
  });

  test("E4: files over the configured size are refused", async () => {
    const path = join(dir, "big.txt");
    writeFileSync(path, "가".repeat(5000));
    const r = await scanFile(path, { engine, limits: { maxBytes: 1000 } });
    assert.equal(r.status, "error");
    assert.match(r.reason ?? "", /over the limit/);
    const pdf = await buildPdf([[["helv", "hello"]]]);
    const r2 = await scanBuffer(pdf, "a.pdf", { engine, limits: { maxInMemoryBytes: 100 } });
    assert.equal(r2.status, "error");
  });

  test("E4: undecodable text on disk is needs review", async () => {
    const path = join(dir, "weird.txt");
    writeFileSync(
      path,
      Buffer.concat([Buffer.from("name "), Buffer.from([0xff, 0x81, 0xff, 0xff]), Buffer.from(RRN)]),
    );
    assertNotClean(await scanFile(path, { engine }), /encoding|undecodable/);
  });

  test("E4: a detector that throws makes the file an error, never clean", async () => {
    const throwing = {
      ...engine,
      scan: () => {
        throw new Error("boom");
      },
    };
    const r = await scanBuffer(buildDocx([[["x"]]]), "a.docx", { engine: throwing });
    assert.equal(r.status, "error");
  });
});
