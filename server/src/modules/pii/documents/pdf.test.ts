import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import * as mupdf from "mupdf";
import { coreEngine } from "./engine";
import { redactBuffer, scanBuffer } from "./index";
import { buildPdf, findInPdfBytes, greyPng, pdfAllText, withXmp } from "./test-fixtures";
import type { DocumentScanResult } from "./types";

const engine = coreEngine;
const KR_RRN = "960121-1021413";
const KR_RRN2 = "050912-2000019";
const KR_PHONE = "010-1234-5678";
const TW_ID = "A123456789";
const TW_PHONE = "0912-345-678";
const EMAIL = "wang.xiaoming@example.gov.tw";
const ALL = [KR_RRN, KR_RRN2, KR_PHONE, TW_ID, TW_PHONE, EMAIL];

let input: Uint8Array;
let scanned: DocumentScanResult;
let redacted: { result: DocumentScanResult; output?: Uint8Array };

before(async () => {
  const pdf = await buildPdf(
    [
      [
        ["kr", "민원 처리 결과 통지서"],
        ["kr", `신청인 홍길동 주민등록번호 ${KR_RRN} 연락처 ${KR_PHONE}`],
        ["kr", `배우자 김영희(주민번호${KR_RRN2})의 정보공개청구에 대하여 다음과 같이 회신합니다.`],
        ["kr", "문서번호 제2023-1234호, 처리기한 10일"],
      ],
      [
        ["tc", "臺北市政府 函"],
        ["tc", `申請人王小明，身分證統一編號${TW_ID}，電話${TW_PHONE}。`],
        ["tc", `電子郵件 ${EMAIL}，依個人資料保護法第十條辦理。`],
        ["tc", "聯絡承辦人", `mailto:${KR_PHONE.replace(/-/g, "")}@example.gov.tw?subject=${TW_ID}`],
      ],
    ],
    { title: `민원 ${KR_RRN}`, formValue: `연락처 ${KR_PHONE}` },
  );
  input = withXmp(pdf, `申請人 ${TW_ID}`);
  scanned = await scanBuffer(input, "notice.pdf", { engine });
  redacted = await redactBuffer(input, "notice.pdf", { engine, policy: "mask" });
});

describe("pdf (Korean and Traditional Chinese text layer)", () => {
  test("E4: findings carry page and a box that sits on the value", () => {
    assert.equal(scanned.format, "pdf");
    assert.equal(scanned.status, "ok", scanned.reason ?? "");
    const doc = mupdf.Document.openDocument(input, "application/pdf");
    const onPages = scanned.findings.filter((f) => f.location.box);
    assert.deepEqual(
      onPages.map((f) => [f.type, f.location.page]),
      [
        ["KR_RRN", 1],
        ["KR_PHONE", 1],
        ["KR_RRN", 1],
        ["TW_ID", 2],
        ["TW_PHONE", 2],
        ["EMAIL", 2],
      ],
    );
    // mupdf's own search for each value finds the same box we report.
    const values = [KR_RRN, KR_PHONE, KR_RRN2, TW_ID, TW_PHONE, EMAIL];
    onPages.forEach((f, i) => {
      const hits = doc.loadPage((f.location.page ?? 1) - 1).search(values[i], {});
      assert.equal(hits.length, 1, values[i]);
      const q = hits[0][0];
      const box = f.location.box!;
      assert.ok(
        Math.abs(box[0] - Math.min(q[0], q[4])) < 1.5 && Math.abs(box[2] - Math.max(q[2], q[6])) < 1.5,
        values[i],
      );
      assert.ok(
        Math.abs(box[1] - Math.min(q[1], q[3])) < 3 && Math.abs(box[3] - Math.max(q[5], q[7])) < 3,
        values[i],
      );
    });
    // Metadata, XMP and the form field are scanned too.
    const parts = scanned.findings.map((f) => f.location.part).filter(Boolean);
    for (const p of ["metadata", "xmp", "form", "link"])
      assert.ok(parts.includes(p), `${p} in ${parts.join(",")}`);
    assert.ok(!JSON.stringify(scanned).includes(KR_RRN) && !JSON.stringify(scanned).includes(TW_ID));
  });

  test("C12: positive control: the checks below do see the values in the input", () => {
    const text = pdfAllText(input);
    for (const v of ALL) assert.ok(text.includes(v), `input text has ${v}`);
    assert.ok(findInPdfBytes(input, KR_RRN).length > 0, "RRN in Info bytes");
    assert.ok(findInPdfBytes(input, TW_ID).length > 0, "TW ID in XMP bytes");
    assert.ok(findInPdfBytes(input, KR_PHONE).length > 0, "phone in form field bytes");
    assert.ok(findInPdfBytes(input, `subject=${TW_ID}`).length > 0, "TW ID in the link target");
  });

  test("C12: redacted pdf holds none of the values: not in text, not in any byte of any inflated stream", () => {
    const { result, output } = redacted;
    assert.ok(output, result.reason ?? "no output");
    assert.equal(result.status, "ok", result.reason ?? "");
    const text = pdfAllText(output);
    for (const v of ALL) {
      assert.ok(!text.includes(v), `${v} extracted from output`);
      assert.deepEqual(findInPdfBytes(output, v), [], `${v} in output bytes`);
    }
    // Unredacted text survives: the redaction removed the values, not the page.
    for (const keep of ["민원 처리 결과 통지서", "신청인 홍길동", "臺北市政府", "個人資料保護法"])
      assert.ok(text.includes(keep), keep);
    const doc = mupdf.Document.openDocument(output, "application/pdf").asPDF()!;
    assert.equal(doc.getMetaData("info:Title") ?? "", "");
    assert.ok(doc.getTrailer().get("Root").get("Metadata").isNull());
    assert.ok(doc.getTrailer().get("Root").get("AcroForm").isNull());
    assert.equal(doc.loadPage(1).getLinks().length, 0, "the link holding an identifier is gone");
  });

  test("C12: the redacted pages render, with black boxes where the values were", () => {
    const output = redacted.output!;
    const doc = mupdf.Document.openDocument(output, "application/pdf");
    const scale = 2;
    for (const [pageIndex, lang] of [
      [0, "kr"],
      [1, "zh"],
    ] as const) {
      const pix = doc
        .loadPage(pageIndex)
        .toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false);
      const png = pix.asPNG();
      assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      writeFileSync(join(tmpdir(), `pii-redacted-${lang}.png`), png);
      const samples = pix.getPixels();
      const w = pix.getWidth();
      const n = pix.getNumberOfComponents();
      for (const f of scanned.findings.filter((x) => x.location.page === pageIndex + 1 && x.location.box)) {
        const [x0, y0, x1, y1] = f.location.box!;
        const cx = Math.round(((x0 + x1) / 2) * scale);
        const cy = Math.round(((y0 + y1) / 2) * scale);
        const at = (cy * w + cx) * n;
        assert.deepEqual(
          [samples[at], samples[at + 1], samples[at + 2]],
          [0, 0, 0],
          `black box on ${f.type}`,
        );
      }
    }
  });

  test("C12: a value wrapped over two lines is found and both pieces are burnt out", async () => {
    const pdf = await buildPdf([
      [
        ["kr", "신청인 홍길동 주민등록번호 960121-"],
        ["kr", "1021413 연락처 010-1234-"],
        ["kr", "5678 끝"],
      ],
    ]);
    const r = await scanBuffer(pdf, "wrapped.pdf", { engine });
    assert.deepEqual(
      r.findings.map((f) => [f.type, f.preview]),
      [
        ["KR_RRN", "960121-1******"],
        ["KR_PHONE", "010-****-5678"],
      ],
    );
    const { output } = await redactBuffer(pdf, "wrapped.pdf", { engine });
    const text = pdfAllText(output!);
    for (const piece of ["960121", "1021413", "010-1234", "5678"]) assert.ok(!text.includes(piece), piece);
    for (const keep of ["신청인 홍길동 주민등록번호", "연락처", "끝"]) assert.ok(text.includes(keep), keep);
  });

  test("E4: a text page with a large picture needs review; a small logo does not", async () => {
    const big = await buildPdf([[["helv", "Cover"]]], { imagePage: greyPng(), imageWidth: 500 });
    const r = await scanBuffer(big, "id-copy.pdf", { engine });
    assert.equal(r.status, "needs_review");
    assert.match(r.reason ?? "", /page 2 has large images/);
    const small = await buildPdf([[["helv", "Cover"]]], { imagePage: greyPng(), imageWidth: 60 });
    assert.equal((await scanBuffer(small, "logo.pdf", { engine })).status, "ok");
  });

  test("E4: a page of drawn shapes without text (outlined text) needs review; a blank page does not", async () => {
    const PDFKit = (await import("pdfkit")).default;
    const render = async (draw: (d: InstanceType<typeof PDFKit>) => void) => {
      const d = new PDFKit();
      const chunks: Buffer[] = [];
      d.on("data", (c: Buffer) => chunks.push(c));
      const done = new Promise((r) => d.on("end", r));
      draw(d);
      d.end();
      await done;
      return new Uint8Array(Buffer.concat(chunks));
    };
    const shapes = await render((d) => {
      for (let i = 0; i < 30; i++) d.rect(72 + i * 6, 72, 4, 14).fill("#000");
    });
    const r = await scanBuffer(shapes, "outlined.pdf", { engine });
    assert.equal(r.status, "needs_review");
    assert.match(r.reason ?? "", /drawn shapes/);
    const blank = await render(() => {});
    assert.equal((await scanBuffer(blank, "blank.pdf", { engine })).status, "ok");
  });

  test("E4: a page without a text layer is reported as needs manual review, never clean", async () => {
    const pdf = await buildPdf([[["helv", "Cover letter without identifiers"]]], { imagePage: greyPng() });
    const r = await scanBuffer(pdf, "scan.pdf", { engine });
    assert.equal(r.status, "needs_review");
    assert.match(r.reason ?? "", /page 2 has no text layer/);
  });
});
