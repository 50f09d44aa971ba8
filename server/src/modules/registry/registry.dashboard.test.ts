import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { addDays, todayIn } from "./context";
import { caller, krFile, twFile } from "./test-helpers";

let t: TestApp;
let call: ReturnType<typeof caller>;
before(async () => {
  t = await createTestApp();
  call = caller(t);
});
after(async () => t.close());

// Agency a is KR (safeguard-measure factors), agency b TW ([004 三十八] factors).
const SCORES = {
  internal_plan: 3,
  handler_minimisation: 3,
  access_control: 3,
  access_logs: 3,
  encryption: 3,
  security_software: 3,
  physical_access: 3,
};
const TW_SCORES = {
  identifiability: 3,
  file_type_volume: 3,
  sensitivity: 3,
  processing_environment: 3,
  access_storage: 3,
  legality: 3,
  awareness: 3,
};

async function fileWithRisk(
  name: string,
  reviews: Array<{ assessedOn: string; nextReviewOn: string | null }>,
) {
  const f = await call("POST", "/api/registry/files", krFile(t.a.unitId, { name }));
  assert.equal(f.statusCode, 201, f.body);
  for (const r of reviews) {
    const res = await call("POST", `/api/registry/files/${f.json().id}/risk-assessments`, {
      scores: SCORES,
      ...r,
    });
    assert.equal(res.statusCode, 201, res.body);
  }
  return f.json() as { id: string; version: number };
}

const dashboard = async (who: "a" | "b" = "a") => {
  const res = await call("GET", "/api/registry/dashboard", undefined, who, "auditor");
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};

describe("register dashboard: risk reviews and overdue campaign items", () => {
  test("E10: the latest risk assessment of an active file shows when its next review has passed or falls within 60 days", async () => {
    const today = todayIn("Asia/Seoul");
    const past = addDays(today, -400);
    const overdue = await fileWithRisk("위험 재평가 지남", [
      { assessedOn: past, nextReviewOn: addDays(today, -1) },
    ]);
    const soon = await fileWithRisk("위험 재평가 임박", [
      { assessedOn: past, nextReviewOn: addDays(today, 60) },
    ]);
    await fileWithRisk("위험 재평가 먼 훗날", [{ assessedOn: past, nextReviewOn: addDays(today, 61) }]);
    await fileWithRisk("위험 재평가 없음", [{ assessedOn: past, nextReviewOn: null }]);
    // A newer assessment supersedes an overdue one.
    await fileWithRisk("위험 재평가 갱신됨", [
      { assessedOn: past, nextReviewOn: addDays(today, -30) },
      { assessedOn: addDays(today, -1), nextReviewOn: addDays(today, 365) },
    ]);
    // A retired file is no longer reviewed.
    const retired = await fileWithRisk("위험 재평가 폐기 파일", [
      { assessedOn: past, nextReviewOn: addDays(today, -5) },
    ]);
    const ret = await call("PATCH", `/api/registry/files/${retired.id}`, {
      version: retired.version,
      reason: "폐기",
      status: "retired",
    });
    assert.equal(ret.statusCode, 200, ret.body);
    // Another agency's overdue review never shows in agency a.
    const bf = await call("POST", "/api/registry/files", twFile(t.b.unitId, { name: "B 風險" }), "b");
    await call(
      "POST",
      `/api/registry/files/${bf.json().id}/risk-assessments`,
      { scores: TW_SCORES, assessedOn: past, nextReviewOn: addDays(today, -3) },
      "b",
    );

    const due = (await dashboard()).riskReviewsDue as Array<{
      fileId: string;
      fileName: string;
      nextReviewOn: string;
      overdue: boolean;
      level: string;
    }>;
    assert.deepEqual(
      due.map((d) => [d.fileName, d.nextReviewOn, d.overdue]),
      [
        ["위험 재평가 지남", addDays(today, -1), true],
        ["위험 재평가 임박", addDays(today, 60), false],
      ],
    );
    assert.equal(due[0].fileId, overdue.id);
    assert.equal(due[1].fileId, soon.id);
    assert.equal(due[0].level, "medium");
    const bDue = (await dashboard("b")).riskReviewsDue as Array<{ fileName: string }>;
    assert.deepEqual(
      bDue.map((d) => d.fileName),
      ["B 風險"],
    );
  });

  test("B4: pending items of an open campaign past its due date are counted per unit; confirmed ones and future campaigns are not", async () => {
    const [unit2] = await t.tdb.query<{ id: string }>(
      "INSERT INTO units (agency_id, code, name_local) VALUES ($1, 'u2', '정보화과') RETURNING id",
      [t.a.id],
    );
    const u2File = await call("POST", "/api/registry/files", krFile(unit2.id, { name: "정보화과 파일" }));
    assert.equal(u2File.statusCode, 201, u2File.body);
    const today = todayIn("Asia/Seoul");
    const late = await call("POST", "/api/registry/campaigns", {
      title: "지난 점검",
      dueOn: addDays(today, -1),
    });
    assert.equal(late.statusCode, 201, late.body);
    const camp = late.json();
    const detail = (await call("GET", `/api/registry/campaigns/${camp.id}`)).json();
    const items = detail.items as Array<{ id: string; fileId: string; unitId: string }>;
    const u1Items = items.filter((i) => i.unitId === t.a.unitId);
    const u2Items = items.filter((i) => i.unitId === unit2.id);
    assert.equal(u2Items.length, 1);
    assert.ok(u1Items.length >= 2);
    // One unit-1 item is confirmed: it no longer counts.
    const conf = await call("POST", `/api/registry/campaigns/${camp.id}/items/${u1Items[0].id}/confirm`, {
      note: "변경 없음",
    });
    assert.equal(conf.statusCode, 200, conf.body);

    const overdue = (await dashboard()).campaignOverdue as Array<{
      campaignId: string;
      dueOn: string;
      unitId: string;
      unitCode: string;
      pending: number;
      files: Array<{ id: string; name: string }>;
    }>;
    assert.deepEqual(
      overdue.map((o) => [o.campaignId, o.unitCode, o.pending]),
      [
        [camp.id, "u1", u1Items.length - 1],
        [camp.id, "u2", 1],
      ],
    );
    assert.equal(overdue[0].dueOn, addDays(today, -1));
    assert.deepEqual(overdue[1].files, [{ id: u2File.json().id, name: "정보화과 파일" }]);
    assert.ok(!overdue[0].files.some((f) => f.id === u1Items[0].fileId), "confirmed file left out");
    assert.deepEqual((await dashboard("b")).campaignOverdue, [], "another agency sees nothing");

    // Closing the campaign ends the chase; a campaign due in the future is not overdue.
    const closed = await call("POST", `/api/registry/campaigns/${camp.id}/close`, {});
    assert.equal(closed.statusCode, 200, closed.body);
    const future = await call("POST", "/api/registry/campaigns", {
      title: "올해 점검",
      dueOn: addDays(today, 10),
    });
    assert.equal(future.statusCode, 201, future.body);
    assert.deepEqual((await dashboard()).campaignOverdue, []);
  });
});
