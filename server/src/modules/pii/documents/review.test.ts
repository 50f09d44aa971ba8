import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { unzipSync } from "fflate";
import * as mupdf from "mupdf";
import { coreEngine } from "./engine";
import { redactBuffer, scanBuffer } from "./index";
import { buildDocx, buildPdf, pdfAllText } from "./test-fixtures";
import type { DocumentFinding } from "./types";

const engine = coreEngine;
const RRN = "960121-1021413";
const PHONE = "010-1234-5678";

/** Runs a redaction that records what `accept` saw and rejects the findings at `reject`. */
async function redactRejecting(buf: Uint8Array, name: string, reject: number[], extra = {}) {
  const seen: DocumentFinding[] = [];
  const r = await redactBuffer(buf, name, {
    engine,
    accept: (f, i) => {
      seen[i] = f;
      return !reject.includes(i);
    },
    ...extra,
  });
  return { ...r, seen };
}

describe("review decisions (C12: reviewer accepts or rejects findings, adds regions)", () => {
  test("C12: accept() sees the same findings, in the same order, as a scan", async () => {
    const doc = buildDocx([[[`주민등록번호 ${RRN}`]], [[`연락처 ${PHONE}`]]], { header: `담당 ${PHONE}` });
    const scan = await scanBuffer(doc, "a.docx", { engine });
    const { seen } = await redactRejecting(doc, "a.docx", []);
    assert.deepEqual(seen, scan.findings);
  });

  test("C12: a rejected finding (false positive) stays in a docx; the rest is redacted; the re-check accepts it", async () => {
    const doc = buildDocx([[[`주민등록번호 ${RRN}`]], [[`연락처 ${PHONE}`]]]);
    const { result, output } = await redactRejecting(doc, "a.docx", [1]);
    assert.equal(result.status, "ok", result.reason ?? "");
    const xml = new TextDecoder().decode(unzipSync(output!)["word/document.xml"]);
    assert.ok(xml.includes(PHONE), "rejected phone kept");
    assert.ok(!xml.includes(RRN), "accepted RRN redacted");
  });

  test("C12: a rejected finding stays in a txt file", async () => {
    const text = `주민등록번호 ${RRN}\n연락처 ${PHONE}\n`;
    const { output } = await redactRejecting(new TextEncoder().encode(text), "a.txt", [0]);
    const out = new TextDecoder().decode(output);
    assert.ok(out.includes(RRN) && !out.includes(PHONE), out);
  });

  test("C12: a manual region burns out text the detector did not flag; a rejected finding stays", async () => {
    const pdf = await buildPdf([[["kr", `신청인 홍길동 주민등록번호 ${RRN} 연락처 ${PHONE}`]]]);
    const page = mupdf.Document.openDocument(pdf, "application/pdf").loadPage(0);
    const q = page.search("홍길동", {})[0][0];
    const box: [number, number, number, number] = [q[0], q[1], q[6], q[7]];
    const { result, output } = await redactRejecting(pdf, "a.pdf", [1], { regions: [{ page: 1, box }] });
    assert.equal(result.status, "ok", result.reason ?? "");
    const text = pdfAllText(output!);
    assert.ok(!text.includes("홍길동"), "manual region removed the name");
    assert.ok(!text.includes(RRN), "RRN removed");
    assert.ok(text.includes(PHONE), "rejected phone kept");
    assert.ok(text.includes("신청인"), "text outside the region kept");
  });

  test("C12: a redactor that leaves a value behind is caught by the re-check of the output", async () => {
    const leaky = { ...engine, redact: (text: string) => text };
    const txt = await redactBuffer(new TextEncoder().encode(`주민등록번호 ${RRN}\n`), "a.txt", {
      engine: leaky,
    });
    assert.equal(txt.result.status, "needs_review");
    assert.match(txt.result.reason ?? "", /1 findings remain after redaction/);
    const doc = await redactBuffer(buildDocx([[[`주민등록번호 ${RRN}`]]]), "a.docx", { engine: leaky });
    assert.equal(doc.result.status, "needs_review");
    assert.match(doc.result.reason ?? "", /remain after redaction/);
  });
});
