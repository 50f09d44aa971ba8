import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { caller, krFile, twFile } from "./test-helpers";

// Outside review item 4: the Korean risk form showed the Taiwanese factors ([004 三十八] is a Taipei
// regulation). Expected codes below are written out by hand from the seeds: TW from [004 三十八(一..七)],
// KR from the seven safeguard measures of [000 제7조] (the KR seeds list no risk factors as such).
const TW_CODES = [
  "identifiability",
  "file_type_volume",
  "sensitivity",
  "processing_environment",
  "access_storage",
  "legality",
  "awareness",
];
const KR_CODES = [
  "internal_plan",
  "handler_minimisation",
  "access_control",
  "access_logs",
  "encryption",
  "security_software",
  "physical_access",
];

let t: TestApp;
let call: ReturnType<typeof caller>;
before(async () => {
  t = await createTestApp();
  call = caller(t);
});
after(async () => t.close());

type Entry = { code: string; name: string; verify?: boolean; confirmed?: boolean };
const factors = async (who: "a" | "b") => {
  const res = await call("GET", "/api/registry/catalogues", undefined, who, "handler", {
    "x-locale": who === "a" ? "ko" : "zh-TW",
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().lists.riskFactors as Entry[];
};

describe("risk factors from the agency's rule pack (E10)", () => {
  test("E10: a KR agency's form gets the KR factors (flagged unconfirmed), a TW agency the [004 三十八] factors", async () => {
    const kr = await factors("a");
    const tw = await factors("b");
    assert.deepEqual(
      kr.map((f) => f.code),
      KR_CODES,
    );
    assert.deepEqual(
      tw.map((f) => f.code),
      TW_CODES,
    );
    assert.equal(kr[0].name, "내부관리계획의 수립 및 시행");
    assert.equal(tw[0].name, "個人資料可識別程度");
    assert.ok(
      kr.every((f) => f.verify === true && f.confirmed === false),
      "KR factors are not from an official list",
    );
    assert.ok(tw.every((f) => !f.verify && f.confirmed === true));
    assert.ok(!kr.some((f) => TW_CODES.includes(f.code)));
  });

  test("E10: a KR assessment is scored on the KR factors; TW factor codes are refused for it", async () => {
    const f = await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "위험 평가 파일" }));
    assert.equal(f.statusCode, 201, f.body);
    const url = `/api/registry/files/${f.json().id}/risk-assessments`;
    const twScores = Object.fromEntries(TW_CODES.map((c) => [c, 3]));
    const wrong = await call("POST", url, { scores: twScores, assessedOn: "2026-03-02" });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().code, "registry.invalid", "TW codes are unknown codes for a KR agency");
    // 1,1,2,2,3,3,4 -> mean 16/7 = 2.2857 -> low (< 2.5).
    const scores = Object.fromEntries(KR_CODES.map((c, i) => [c, [1, 1, 2, 2, 3, 3, 4][i]]));
    const ok = await call("POST", url, { scores, assessedOn: "2026-03-02" });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().level, "low");
    assert.equal(ok.json().mean, 2.29, "stored to two decimals");
    const tf = await call("POST", "/api/registry/files", twFile(t.b.unitId, { name: "風險" }), "b");
    const tw = await call(
      "POST",
      `/api/registry/files/${tf.json().id}/risk-assessments`,
      { scores: Object.fromEntries(KR_CODES.map((c) => [c, 3])), assessedOn: "2026-03-02" },
      "b",
    );
    assert.equal(tw.statusCode, 400, "KR factors are not TW factors");
  });
});
