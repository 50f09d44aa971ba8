import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { coreEngine } from "./engine";
import { redactBuffer, scanBuffer } from "./index";
import { buildHwpx } from "./test-fixtures";
import { extractParagraphs } from "./xml-text";

const engine = coreEngine;

describe("hwpx", () => {
  const doc = buildHwpx(
    [
      ["민원 처리 결과 통지", "신청인 주민등록번호 960121-1021413 확인"],
      ["회신 연락처 010-1234-5678", "끝."],
    ],
    "민원 처리 결과 통지 hong@example.go.kr",
  );

  test("E4: hwpx sections are read with section and paragraph, values split over runs found", async () => {
    const r = await scanBuffer(doc, "notice.zip", { engine });
    assert.equal(r.format, "hwpx");
    assert.equal(r.status, "ok", r.reason ?? "");
    const got = r.findings.map((f) => [f.type, f.location.section ?? f.location.part, f.location.paragraph]);
    assert.deepEqual(got, [
      ["KR_RRN", 1, 2],
      ["KR_PHONE", 2, 1],
      ["EMAIL", "preview", undefined],
    ]);
  });

  test("C12: redacted hwpx keeps runs, holds no value in any part, drops the preview image", async () => {
    const withImage = await (async () => {
      const { unzipSync, zipSync } = await import("fflate");
      const files = unzipSync(doc) as Record<string, Uint8Array | [Uint8Array, { level: 0 }]>;
      files.mimetype = [files.mimetype as Uint8Array, { level: 0 }];
      files["Preview/PrvImage.png"] = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
      return zipSync(files as Parameters<typeof zipSync>[0]);
    })();
    const { result, output } = await redactBuffer(withImage, "notice.hwpx", { engine, policy: "mask" });
    assert.equal(result.status, "ok", result.reason ?? "");
    assert.ok(output);
    const { unzipSync } = await import("fflate");
    const files = unzipSync(output);
    const names = Object.keys(files);
    assert.equal(names[0], "mimetype", "mimetype stays the first entry");
    // Stored, not deflated: the local header's method field (offset 8) is 0.
    assert.equal(output[8] | (output[9] << 8), 0);
    assert.ok(!names.includes("Preview/PrvImage.png"));
    const all = Object.values(files)
      .map((b) => new TextDecoder().decode(b))
      .join("\n");
    for (const v of ["960121-1021413", "010-1234-5678", "hong@example.go.kr"]) assert.ok(!all.includes(v), v);
    const sec = new TextDecoder().decode(files["Contents/section0.xml"]);
    assert.equal((sec.match(/<hp:run /g) ?? []).length, 4, "runs kept");
    const texts = extractParagraphs(sec, { paragraph: new Set(["p"]), text: new Set(["t"]) }).map(
      (p) => p.text,
    );
    assert.equal(texts[1], "신청인 주민등록번호 960121-1****** 확인");
    const again = await scanBuffer(output, "out.hwpx", { engine });
    assert.equal(again.status, "ok");
    assert.equal(again.findings.length, 0);
  });
});
