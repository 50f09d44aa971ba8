import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Role } from "@civicpims/core/auth/index";
import { createTestApp, type TestApp } from "../../test-support/app";
import { seedClosedCase, seedPendingRecords, seedSeries } from "./test-helpers";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

async function call(
  method: string,
  url: string,
  payload?: unknown,
  who: Role = "privacy_officer",
  ag: "a" | "b" = "a",
) {
  return t.inject({ method: method as "GET", url, payload: payload as object, headers: await t.as(who, ag) });
}
const one = async <T>(sql: string, params: unknown[] = []) => (await t.tdb.query<T>(sql, params))[0];
const n = async (sql: string, params: unknown[] = []) => Number((await one<{ n: number }>(sql, params)).n);

describe("retention and destruction", () => {
  test("D1: an own-records rule below the rule pack's legal minimum is refused with the minimum; nothing saved", async () => {
    // KR ledger: the longest minimum is 24 months (안전성 확보조치 기준 제8조 단서), so 12 is refused.
    const bad = await call("PUT", "/api/retention/rules/own", {
      kind: "ledger",
      periodMonths: 12,
      startEvent: "collection",
      legalBasis: "내부 규정",
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, "retention.below_minimum");
    assert.equal(await n("SELECT count(*)::int AS n FROM retention_rules WHERE agency_id = $1", [t.a.id]), 0);
    const ok = await call("PUT", "/api/retention/rules/own", {
      kind: "ledger",
      periodMonths: 24,
      startEvent: "collection",
      legalBasis: "안전성 확보조치 기준 제8조",
    });
    assert.equal(ok.statusCode, 200, ok.body);
    // TW: 004 三十九 five years.
    const tw = await call(
      "PUT",
      "/api/retention/rules/own",
      { kind: "ledger", periodMonths: 36, startEvent: "collection", legalBasis: "x" },
      "privacy_officer",
      "b",
    );
    assert.equal(tw.json().code, "retention.below_minimum");
    const rules = (await call("GET", "/api/retention/rules")).json();
    assert.equal(rules.own.find((o: { kind: string }) => o.kind === "ledger").minimum.months, 24);
    const handler = await call(
      "PUT",
      "/api/retention/rules/own",
      { kind: "ledger", periodMonths: 24, startEvent: "collection", legalBasis: "x" },
      "handler",
    );
    assert.equal(handler.statusCode, 403);
  });

  test("D2/D3/D4/D5/D8: sweep skips the held record; requester and a role without permission cannot approve; unapproved execution refused; execution writes record, certificate and ledger", async () => {
    const series = await seedSeries(t.tdb, t.a.id, t.a.unitId);
    const recs = await seedPendingRecords(t.tdb, t.a.id, t.a.unitId, series, 5);
    const hold = await call("POST", "/api/retention/holds", {
      kind: "litigation",
      targetType: "record",
      targetId: recs[4].id,
      reason: "소송 계속 중",
      reviewOn: "2020-01-01",
    });
    assert.equal(hold.statusCode, 201, hold.body);

    const sw = await call("POST", "/api/retention/sweep", undefined, "records_manager");
    assert.equal(sw.statusCode, 200, sw.body);
    const plans = sw.json().plans as Array<{ id: string; itemCount: number }>;
    assert.equal(plans.length, 1);
    assert.equal(plans[0].itemCount, 4); // 5 pending, 1 held
    const planId = plans[0].id;
    // A second sweep plans nothing new.
    assert.equal(
      (await call("POST", "/api/retention/sweep", undefined, "records_manager")).json().plans.length,
      0,
    );

    // Executing a draft (unapproved) plan is refused and nothing changes.
    const early = await call("POST", `/api/retention/plans/${planId}/execute`, {}, "records_manager");
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, "retention.not_approved");
    assert.equal(
      await n("SELECT count(*)::int AS n FROM records WHERE agency_id = $1 AND status = 'destroyed'", [
        t.a.id,
      ]),
      0,
    );

    const badMethod = await call(
      "POST",
      `/api/retention/plans/${planId}/submit`,
      { methodCode: "burn_it" },
      "privacy_officer",
    );
    assert.equal(badMethod.json().code, "retention.unknown_method");
    const sub = await call(
      "POST",
      `/api/retention/plans/${planId}/submit`,
      { methodCode: "overwrite" },
      "privacy_officer",
    );
    assert.equal(sub.statusCode, 200, sub.body);
    // The requester (here the officer) cannot approve their own plan.
    const own = await call("POST", `/api/retention/plans/${planId}/approve`, {}, "privacy_officer");
    assert.equal(own.statusCode, 403);
    assert.equal(own.json().code, "retention.own_plan");
    // A role without retention.approve is refused.
    for (const role of ["privacy_manager", "records_manager", "handler"] as Role[]) {
      assert.equal(
        (await call("POST", `/api/retention/plans/${planId}/approve`, {}, role)).statusCode,
        403,
        role,
      );
    }
    assert.equal(
      (await one<{ status: string }>("SELECT status FROM destruction_plans WHERE id = $1", [planId])).status,
      "submitted",
    );
  });

  test("D4/D3: a plan put forward by the manager is approved by the officer; a hold placed afterwards stops execution; released, it runs", async () => {
    const [plan] = (await call("GET", "/api/retention/plans?status=submitted")).json() as Array<{
      id: string;
    }>;
    await t.tdb.query("UPDATE destruction_plans SET status = 'draft', requested_by = NULL WHERE id = $1", [
      plan.id,
    ]);
    assert.equal(
      (
        await call(
          "POST",
          `/api/retention/plans/${plan.id}/submit`,
          { methodCode: "overwrite" },
          "privacy_manager",
        )
      ).statusCode,
      200,
    );
    const ap = await call(
      "POST",
      `/api/retention/plans/${plan.id}/approve`,
      { witness: "감사관 홍길동" },
      "privacy_officer",
    );
    assert.equal(ap.statusCode, 200, ap.body);
    const target = await one<{ id: string }>(
      "SELECT target_id AS id FROM destruction_plan_items WHERE plan_id = $1 ORDER BY target_id LIMIT 1",
      [plan.id],
    );
    const h = (
      await call("POST", "/api/retention/holds", {
        kind: "audit",
        targetType: "record",
        targetId: target.id,
        reason: "감사",
        reviewOn: "2030-01-01",
      })
    ).json();
    const held = await call("POST", `/api/retention/plans/${plan.id}/execute`, {}, "records_manager");
    assert.equal(held.statusCode, 409);
    assert.equal(held.json().code, "retention.held");
    assert.equal(
      await n("SELECT count(*)::int AS n FROM records WHERE agency_id = $1 AND status = 'destroyed'", [
        t.a.id,
      ]),
      0,
    );
    assert.equal(
      await n("SELECT count(*)::int AS n FROM destruction_records WHERE plan_id = $1", [plan.id]),
      0,
    );
    assert.equal((await call("POST", `/api/retention/holds/${h.id}/release`)).statusCode, 200);

    const ex = await call("POST", `/api/retention/plans/${plan.id}/execute`, {}, "records_manager");
    assert.equal(ex.statusCode, 200, ex.body);
    const year = new Date().getFullYear();
    assert.deepEqual(
      ex.json().batches.map((b: { certificateNo: string; items: number }) => [b.certificateNo, b.items]),
      [[`DC-${year}-000001`, 4]],
    );
    assert.equal(
      await n(
        "SELECT count(*)::int AS n FROM records WHERE agency_id = $1 AND status = 'destroyed' AND left_on IS NOT NULL",
        [t.a.id],
      ),
      4,
    );
    // The held record (first test's hold is still active) survives.
    assert.equal(
      await n(
        "SELECT count(*)::int AS n FROM records WHERE agency_id = $1 AND status = 'destruction_pending'",
        [t.a.id],
      ),
      1,
    );
    const rec = await one<{
      method_code: string;
      item_count: number;
      approver_id: string;
      executor_id: string;
      witness: string;
      ledger_seq: number;
    }>(
      "SELECT method_code, item_count, approver_id, executor_id, witness, ledger_seq FROM destruction_records WHERE plan_id = $1",
      [plan.id],
    );
    assert.equal(rec.method_code, "overwrite");
    assert.equal(rec.item_count, 4);
    assert.equal(rec.approver_id, t.a.staffByRole.privacy_officer);
    assert.equal(rec.executor_id, t.a.staffByRole.records_manager);
    assert.equal(rec.witness, "감사관 홍길동");
    const entry = await one<{ details: Record<string, unknown> }>(
      "SELECT details FROM ledger_entries WHERE seq = $1",
      [rec.ledger_seq],
    );
    assert.equal(entry.details.items, 4);
    assert.equal(entry.details.certificateNo, `DC-${year}-000001`);
    // The ledger says that destruction happened, never what: no register numbers or titles.
    assert.doesNotMatch(JSON.stringify(entry.details), /R-\d|record \d/);
    assert.equal(
      (await one<{ status: string }>("SELECT status FROM destruction_plans WHERE id = $1", [plan.id])).status,
      "done",
    );

    const certs = (await call("GET", "/api/retention/certificates", undefined, "auditor")).json();
    const pdf = await call("GET", `/api/retention/certificates/${certs[0].id}/pdf`, undefined, "auditor");
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), "%PDF-");
  });

  test("D2/D5: an expired closed case is deleted for real with its events; its attachment key destroyed first", async () => {
    // Rights requests kept 36 months from closing; one closed 2020-01-10 (due 2023-01-10), one closed yesterday.
    await call("PUT", "/api/retention/rules/own", {
      kind: "rights_request",
      periodMonths: 36,
      startEvent: "purpose_end",
      legalBasis: "기록관리기준표",
    });
    const oldCase = await seedClosedCase(t.tdb, t.a.id, t.a.unitId, "2020-01-10T03:00:00Z");
    const recent = await seedClosedCase(
      t.tdb,
      t.a.id,
      t.a.unitId,
      new Date(Date.now() - 86_400_000).toISOString(),
    );
    const plans = (await call("POST", "/api/retention/sweep")).json().plans as Array<{
      id: string;
      itemCount: number;
      subjectCount: number;
    }>;
    assert.deepEqual(
      plans.map((p) => [p.itemCount, p.subjectCount]),
      [[1, 1]],
    );
    const id = plans[0].id;
    await call(
      "POST",
      `/api/retention/plans/${id}/submit`,
      { methodCode: "irreversible_technical" },
      "privacy_manager",
    );
    await call("POST", `/api/retention/plans/${id}/approve`, {}, "privacy_officer");
    const ex = await call("POST", `/api/retention/plans/${id}/execute`, {}, "privacy_manager");
    assert.equal(ex.statusCode, 200, ex.body);
    assert.equal(await n("SELECT count(*)::int AS n FROM cases WHERE id = $1", [oldCase]), 0);
    assert.equal(await n("SELECT count(*)::int AS n FROM case_attachments WHERE case_id = $1", [oldCase]), 0);
    assert.equal(await n("SELECT count(*)::int AS n FROM case_events WHERE case_id = $1", [oldCase]), 0);
    assert.equal(await n("SELECT count(*)::int AS n FROM cases WHERE id = $1", [recent]), 1);
    assert.equal(
      await n(
        "SELECT count(*)::int AS n FROM case_attachments WHERE case_id = $1 AND wrapped_key IS NOT NULL",
        [recent],
      ),
      1,
    );
  });

  test("D6: in Taiwan approval waits for the impact assessment and the handover to the holding unit", async () => {
    const series = await seedSeries(t.tdb, t.b.id, t.b.unitId, "TW-1");
    await seedPendingRecords(t.tdb, t.b.id, t.b.unitId, series, 2, "TWR");
    const [plan] = (await call("POST", "/api/retention/sweep", undefined, "privacy_manager", "b")).json()
      .plans;
    assert.equal(plan.itemCount, 2);
    await call(
      "POST",
      `/api/retention/plans/${plan.id}/submit`,
      { methodCode: "irreversible_technical" },
      "privacy_manager",
      "b",
    );
    const early = await call("POST", `/api/retention/plans/${plan.id}/approve`, {}, "privacy_officer", "b");
    assert.equal(early.json().code, "retention.assessment_missing");
    const as = await call(
      "POST",
      `/api/retention/plans/${plan.id}/assess`,
      { assessment: "影響評估：無其他系統依賴", holdingUnitId: t.b.unitId },
      "privacy_manager",
      "b",
    );
    assert.equal(as.statusCode, 200, as.body);
    assert.equal(
      (await call("POST", `/api/retention/plans/${plan.id}/approve`, {}, "privacy_officer", "b")).statusCode,
      200,
    );
    // Agency A cannot see or touch agency B's plan.
    assert.equal((await call("GET", `/api/retention/plans/${plan.id}`)).statusCode, 404);
    assert.equal(
      (await call("POST", `/api/retention/plans/${plan.id}/execute`, {}, "privacy_officer")).statusCode,
      404,
    );
  });

  test("D3: separate storage opens only for the roles the hold names; holds past review show on the register dashboard", async () => {
    const series = await seedSeries(t.tdb, t.a.id, t.a.unitId, "SEP-1");
    const [r] = await seedPendingRecords(t.tdb, t.a.id, t.a.unitId, series, 1, "SEP");
    const noRoles = await call("POST", "/api/retention/holds", {
      kind: "separate_storage",
      targetType: "record",
      targetId: r.id,
      reason: "세법상 보존",
      reviewOn: "2030-01-01",
    });
    assert.equal(noRoles.json().code, "retention.separate_needs_roles");
    const h = await call("POST", "/api/retention/holds", {
      kind: "separate_storage",
      targetType: "record",
      targetId: r.id,
      reason: "국세기본법상 5년 보존",
      roles: ["privacy_officer"],
      storageLocation: "분리 DB 서버 B동",
      reviewOn: "2030-01-01",
    });
    assert.equal(h.statusCode, 201, h.body);
    assert.equal(
      (await call("GET", `/api/retention/separate/${h.json().id}`, undefined, "auditor")).statusCode,
      403,
    );
    assert.equal(
      (await call("GET", `/api/retention/separate/${h.json().id}`, undefined, "privacy_officer")).statusCode,
      200,
    );
    // Swept: the separately stored record stays out.
    const plans = (await call("POST", "/api/retention/sweep", undefined, "records_manager")).json().plans;
    assert.equal(plans.length, 0);
    const dash = (await call("GET", "/api/registry/dashboard")).json();
    // The first test's litigation hold had review date 2020-01-01: past.
    assert.deepEqual(
      dash.retentionDue.holdsPastReview.map((x: { reviewOn: string }) => x.reviewOn),
      ["2020-01-01"],
    );
  });
});
