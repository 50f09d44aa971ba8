import assert from "node:assert/strict";
import { test } from "node:test";
import * as mupdf from "mupdf";
import { coreEngine } from "../pii/documents/engine";
import { scanBuffer } from "../pii/documents/index";
import { locationKey } from "../pii/jobs";
import { releaseJob } from "./jobs";
import { FIXTURE_RRN, fixturePdf } from "./test-fixture";

const text = (buf: Uint8Array) => {
  const doc = mupdf.Document.openDocument(buf, "application/pdf");
  let s = "";
  for (let i = 0; i < doc.countPages(); i++)
    s += `${doc.loadPage(i).toStructuredText("preserve-whitespace").asText()}\n`;
  return s;
};
// mupdf's text extraction maps the circled digit glyph back to U+2460 or the dingbat U+2780 (one glyph).
const hasLabel = (s: string, n: string) => new RegExp(`9[\u2460\u2780]${n}`).test(s);
const cover = { title: "비공개 사유", intro: "가려진 부분의 근거 조항" };
const ground6 = {
  short: "9①6",
  article: "공공기관의 정보공개에 관한 법률 제9조제1항제6호",
  name: "개인에 관한 사항",
};

test("J1: the engine proposes the resident registration number of a generated PDF", async () => {
  const pdf = await fixturePdf();
  assert.ok(text(pdf).includes(FIXTURE_RRN), "fixture holds the number in its text layer");
  const r = await scanBuffer(pdf, "a.pdf", { engine: coreEngine });
  const rrn = r.findings.find((f) => f.type === "KR_RRN");
  assert.ok(rrn, `an RRN proposal among ${r.findings.map((f) => f.type).join(",")}`);
  assert.equal(rrn.location.page, 1);
  assert.ok(rrn.location.box);
  assert.ok(!rrn.preview.includes(FIXTURE_RRN), "the proposal is masked");
});

test("J1: released PDF has the number burned out and the short citation printed on the box, plus a cover page", async () => {
  const pdf = await fixturePdf();
  const scan = await scanBuffer(pdf, "a.pdf", { engine: coreEngine });
  const labels = scan.findings
    .filter((f) => f.location.box)
    .map((f) => ({ page: 1, box: f.location.box as [number, number, number, number], label: "9①6" }));
  const manual = { page: 1, box: [72, 150, 300, 165] as [number, number, number, number] };
  const r = await releaseJob({
    data: pdf,
    filename: "a.pdf",
    rejected: [],
    regions: [manual],
    ranges: [],
    labels: [...labels, { ...manual, label: "9①5" }],
    cover,
    grounds: [ground6],
  });
  assert.equal(r.remaining.length, 0, JSON.stringify(r.remaining));
  assert.ok(r.output);
  const out = text(r.output);
  assert.ok(!out.includes(FIXTURE_RRN), "number removed");
  assert.ok(!out.includes("1021413"), "no piece of it left");
  assert.ok(hasLabel(out, "6"), `label 9①6 printed: ${out}`);
  assert.ok(hasLabel(out, "5"), "manual box label 9①5 printed");
  assert.ok(out.replace(/\s+/g, "").includes("제9조제1항제6호"), "cover page cites the article");
  assert.equal(mupdf.Document.openDocument(r.output, "application/pdf").countPages(), 2);
});

test("J1: a release where the number survives (proposal rejected, manual box elsewhere) reports it masked", async () => {
  const pdf = await fixturePdf();
  const scan = await scanBuffer(pdf, "a.pdf", { engine: coreEngine });
  const rejected = scan.findings.map((f) => locationKey(f.type, f.fingerprint, f.location));
  const manual = { page: 1, box: [72, 75, 200, 92] as [number, number, number, number] };
  const r = await releaseJob({
    data: pdf,
    filename: "a.pdf",
    rejected,
    regions: [manual],
    ranges: [],
    labels: [{ ...manual, label: "9①5" }],
    cover,
    grounds: [ground6],
  });
  const rrn = r.remaining.find((f) => f.type === "KR_RRN");
  assert.ok(rrn, "the surviving number is found again");
  assert.ok(!rrn.preview.includes(FIXTURE_RRN) && !rrn.preview.includes("1021413"), rrn.preview);
});
