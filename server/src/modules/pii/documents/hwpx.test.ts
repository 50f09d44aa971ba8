import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { coreEngine } from "./engine";
import { redactBuffer, scanBuffer } from "./index";
import { buildHwpx } from "./test-fixtures";

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

  test("C12: redaction of hwpx is refused with a clear error, not a silent copy", async () => {
    const { result, output } = await redactBuffer(doc, "notice.hwpx", { engine });
    assert.equal(result.status, "error");
    assert.match(result.reason ?? "", /hwpx/);
    assert.equal(output, undefined);
  });
});
