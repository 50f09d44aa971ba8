import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { addDays, todayIn } from "./context";
import { caller, krFile } from "./test-helpers";

// A valid-checksum RRN (the same test value as the PII module's and the public file list's tests).
const RRN = "960121-1021413";

let t: TestApp;
let call: ReturnType<typeof caller>;
let fileId: string;
before(async () => {
  t = await createTestApp();
  call = caller(t);
  fileId = (await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "위탁 공개 파일" }))).json()
    .id;
});
after(async () => t.close());

const publicList = async () =>
  (await t.inject({ method: "GET", url: `/api/public/registry/${t.a.code}/entrustments` })).json()
    .entrustments as Array<{ seq: number; tasks: string; vendor: string }>;

async function entrust(tasks: string, vendor = "한국지역정보개발원") {
  const today = todayIn("Asia/Seoul");
  const res = await call("POST", "/api/registry/entrustments", {
    vendor,
    tasks,
    fileIds: [fileId],
    contractStart: addDays(today, -10),
    contractEnd: addDays(today, 300),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; seq: number };
}

describe("public entrustment list through the publication guard (outside review item 3)", () => {
  test("B7/E4: an entry whose public text holds a valid RRN is withheld from the portal and listed as a blocked check; the clean one is published", async () => {
    await entrust("민원 콜센터 운영");
    const leaky = await entrust(`콜센터 상담원 홍길동(${RRN}) 배치`);
    const res = await t.inject({ method: "GET", url: `/api/public/registry/${t.a.code}/entrustments` });
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes(RRN), "the identifier reaches the portal");
    assert.deepEqual(
      (await publicList()).map((e) => e.tasks),
      ["민원 콜센터 운영"],
    );
    const checks = await call("GET", "/api/pii/guard/checks?status=blocked");
    assert.equal(checks.statusCode, 200, checks.body);
    const mine = checks
      .json()
      .items.filter((c: { resourceKey: string }) => c.resourceKey === leaky.id) as Array<{
      id: string;
      kind: string;
      label: string | null;
      findings: { type: string }[];
    }>;
    assert.equal(mine.length, 1);
    assert.equal(mine[0].kind, "registry.public_entrustment");
    assert.deepEqual(
      mine[0].findings.map((f) => f.type),
      ["KR_RRN"],
    );
    assert.ok(mine[0].label?.startsWith("#"), "the guard screen names the entrustment");
    assert.ok(!JSON.stringify(mine[0]).includes(RRN));
  });

  test("B7/E3: the privacy officer's override with a reason is ledgered and publishes that exact text; a later edit is checked again", async () => {
    const leaky = await entrust(`수탁 담당 ${RRN}`, "○○정보");
    await publicList();
    const [check] = (await call("GET", "/api/pii/guard/checks?status=blocked"))
      .json()
      .items.filter((c: { resourceKey: string }) => c.resourceKey === leaky.id);
    const handler = await call(
      "POST",
      `/api/pii/guard/checks/${check.id}/override`,
      { reason: "x" },
      "a",
      "handler",
    );
    assert.equal(handler.statusCode, 403);
    const ov = await call("POST", `/api/pii/guard/checks/${check.id}/override`, {
      reason: "법인 등록번호로 확인됨(개인 아님)",
    });
    assert.equal(ov.statusCode, 200, ov.body);
    const [led] = await t.tdb.query<{ details: { reason: string } }>(
      "SELECT details FROM ledger_entries WHERE action = 'pii.guard.override' AND resource_id::text = $1",
      [check.id],
    );
    assert.equal(led?.details.reason, "법인 등록번호로 확인됨(개인 아님)");
    assert.ok(
      (await publicList()).some((e) => e.vendor === "○○정보"),
      "overridden text is published",
    );

    const edit = await call("PATCH", `/api/registry/entrustments/${leaky.id}`, {
      version: 1,
      reason: "업무 범위 변경",
      tasks: `수탁 담당 ${RRN} 및 야간 운영`,
    });
    assert.equal(edit.statusCode, 200, edit.body);
    assert.ok(
      !(await publicList()).some((e) => e.vendor === "○○정보"),
      "the override was for the old text only",
    );
  });
});
