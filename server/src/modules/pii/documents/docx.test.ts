import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { piiLabel } from "@civicpims/core/pii/index";
import { unzipSync } from "fflate";
import { coreEngine } from "./engine";
import { redactBuffer, scanBuffer } from "./index";
import { buildDocx } from "./test-fixtures";
import { extractParagraphs } from "./xml-text";

const engine = coreEngine;
const RRN = "960121-1021413";
const PHONE = "010-1234-5678";

/** The RRN cut over three runs, one of them bold, as Word does after an edit in the middle of a number. */
const DOC = buildDocx(
  [
    [["민원 회신문"]],
    [["신청인 홍길동 (주민등록번호 "], ["9601", true], ["21-10"], ["21413) 귀하"]],
    [["연락처: "], [PHONE]],
    [["처리 결과를 알려 드립니다. 문서번호 제2023-1234호"]],
  ],
  { header: `담당자 연락처 ${PHONE}`, creator: `홍길동 ${RRN}` },
);

function allText(zip: Uint8Array): string {
  return Object.values(unzipSync(zip))
    .map((b) => new TextDecoder().decode(b))
    .join("\n");
}

describe("docx", () => {
  test("E4: a value split across runs is found, with paragraph and part", async () => {
    const r = await scanBuffer(DOC, "reply.bin", { engine });
    assert.equal(r.format, "docx");
    assert.equal(r.status, "ok", r.reason ?? "");
    const got = r.findings.map((f) => [f.type, f.location.part ?? "body", f.location.paragraph]);
    assert.deepEqual(got, [
      ["KR_RRN", "body", 2],
      ["KR_PHONE", "body", 3],
      ["KR_PHONE", "header1", 1],
      ["KR_RRN", "docProps/core", 1],
    ]);
    assert.equal(r.findings[0].preview, "960121-1******");
    assert.ok(!JSON.stringify(r).includes(RRN));
  });

  test("C12: redacted docx keeps runs and formatting and holds no value anywhere", async () => {
    const { result, output } = await redactBuffer(DOC, "reply.docx", { engine, policy: "mask" });
    assert.equal(result.status, "ok", result.reason ?? "");
    assert.ok(output);
    const before = new TextDecoder().decode(unzipSync(DOC)["word/document.xml"]);
    const after = new TextDecoder().decode(unzipSync(output)["word/document.xml"]);
    // Same number of runs and the bold run still there: the layout is kept.
    const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
    assert.equal(count(after, /<w:r>/g), count(before, /<w:r>/g));
    assert.equal(count(after, /<w:b\/>/g), 1);
    // A mask is laid over the value character by character, each run keeping its share.
    assert.match(after, /<w:b\/><\/w:rPr><w:t xml:space="preserve">9601<\/w:t>/);
    const paras = extractParagraphs(after, { paragraph: new Set(["p"]), text: new Set(["t"]) }).map(
      (p) => p.text,
    );
    assert.equal(paras[1], "신청인 홍길동 (주민등록번호 960121-1******) 귀하");
    assert.equal(paras[2], "연락처: 010-****-5678");
    // Nothing of the values is left in any part (body, header, properties).
    const everything = allText(output);
    for (const v of [RRN, PHONE, "1021413", "1234-5678"]) assert.ok(!everything.includes(v), v);
    // And a rescan of the output is clean.
    const again = await scanBuffer(output, "out.docx", { engine });
    assert.equal(again.findings.length, 0);
  });

  test("C12: label policy across runs puts the label in the first run and empties the rest", async () => {
    const { output } = await redactBuffer(DOC, "reply.docx", { engine, policy: "label" });
    assert.ok(output);
    const after = new TextDecoder().decode(unzipSync(output)["word/document.xml"]);
    const paras = extractParagraphs(after, { paragraph: new Set(["p"]), text: new Set(["t"]) }).map(
      (p) => p.text,
    );
    assert.equal(paras[1], "신청인 홍길동 (주민등록번호 [주민등록번호]) 귀하");
    assert.ok(!allText(output).includes("21413"));
  });

  test("C12: a Chinese docx gets Chinese labels", async () => {
    const zh = buildDocx([[["申請人王小明，身分證統一編號"], ["A1234"], ["56789。"]]]);
    const { output } = await redactBuffer(zh, "zh.docx", { engine, policy: "label" });
    const xml = new TextDecoder().decode(unzipSync(output!)["word/document.xml"]);
    const [p] = extractParagraphs(xml, { paragraph: new Set(["p"]), text: new Set(["t"]) });
    assert.equal(p.text, `申請人王小明，身分證統一編號[${piiLabel("TW_ID", "zh-TW")}]。`);
  });

  test("C12: text in a chart part is found and redacted", async () => {
    const { unzipSync, zipSync } = await import("fflate");
    const files = unzipSync(buildDocx([[["본문"]]]));
    files["word/charts/chart1.xml"] = new TextEncoder().encode(
      `<c:chartSpace xmlns:c="c" xmlns:a="a"><c:title><a:p><a:r><a:t>신청인 ${RRN}</a:t></a:r></a:p></c:title></c:chartSpace>`,
    );
    const doc = zipSync(files);
    const r = await scanBuffer(doc, "chart.docx", { engine });
    assert.deepEqual(
      r.findings.map((f) => [f.type, f.location.part]),
      [["KR_RRN", "charts/chart1"]],
    );
    const { result, output } = await redactBuffer(doc, "chart.docx", { engine });
    assert.equal(result.status, "ok", result.reason ?? "");
    assert.ok(!allText(output!).includes(RRN));
  });

  test("E4: embedded images make the docx needs review (they are not scanned)", async () => {
    const doc = buildDocx([[["본문"]]], { image: true });
    const r = await scanBuffer(doc, "a.docx", { engine });
    assert.equal(r.status, "needs_review");
    assert.match(r.reason ?? "", /images/);
  });
});
