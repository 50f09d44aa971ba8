import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Role } from "@civicpims/core/auth/index";
import { analyseCompensation, type CompensationFact } from "@civicpims/core/civil/index";
import { createTestApp, type TestApp } from "../../test-support/app";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

async function call(role: Role, method: string, url: string, payload?: unknown, who: "a" | "b" = "a") {
  const headers = { ...(await t.as(role, who)), "accept-language": "en" };
  return t.inject({ method: method as "GET", url, payload: payload as object, headers });
}
const PC: Role = "petition_clerk";
const PO: Role = "privacy_officer";
const PM: Role = "privacy_manager";

const count = async (table: string) =>
  Number((await t.tdb.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`))[0].n);

async function caseOf(who: "a" | "b") {
  const res = await call(
    PO,
    "POST",
    "/api/requests",
    {
      kind: who === "a" ? "access" : "copy",
      channel: "email",
      requesterType: "self",
      requester: { name: "Case Person", email: "p@example.org" },
      content: "content",
      unitId: (who === "a" ? t.a : t.b).unitId,
    },
    who,
  );
  assert.equal(res.statusCode, 201, res.body);
  return res.json().case.id as string;
}

describe("administrative-error compensation", () => {
  test("I4/K9: record with a linked case; payee stored encrypted and masked on every read", async () => {
    const caseId = await caseOf("a");
    const res = await call(PC, "POST", "/api/civil/compensation", {
      occurredOn: "2026-02-03",
      description: "등본 오발급으로 재방문",
      lossType: "time",
      amount: 15000,
      currency: "KRW",
      caseId,
      unitId: t.a.unitId,
      payee: { name: "홍길동", bank: "국민은행", account: "123-456-789012" },
    });
    assert.equal(res.statusCode, 201, res.body);
    const rec = res.json();
    assert.deepEqual(rec.payee, { name: "홍*동", bank: "국민은행", account: "***-***-**9012" });
    assert.equal(rec.status, "recorded");
    assert.ok(rec.caseNumber);
    const raw = await t.tdb.query<{ payee_enc: string; description_enc: string }>(
      "SELECT payee_enc, description_enc FROM civil_compensations WHERE id = $1",
      [rec.id],
    );
    assert.ok(!raw[0].payee_enc.includes("홍길동") && !raw[0].payee_enc.includes("9012"));
    assert.ok(!raw[0].description_enc.includes("등본"));
    const list = (await call(PO, "GET", "/api/civil/compensation")).json() as Array<Record<string, unknown>>;
    const body = JSON.stringify(list);
    assert.ok(!body.includes("홍길동") && !body.includes("456-789012"), "list shows the payee masked only");
    const one = (await call(PO, "GET", `/api/civil/compensation/${rec.id}`)).json();
    assert.equal(one.payee.name, "홍*동");
    assert.equal(one.description, "등본 오발급으로 재방문");
  });

  test("I4: a link to another agency's case or unit is refused and nothing is saved", async () => {
    const foreign = await caseOf("b");
    const before = await count("civil_compensations");
    const base = {
      occurredOn: "2026-02-03",
      description: "x",
      lossType: "economic",
      amount: 1,
      currency: "KRW",
    };
    const res = await call(PC, "POST", "/api/civil/compensation", { ...base, caseId: foreign });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, "civil.case_not_found");
    assert.match(res.json().message, /petition case was not found/);
    const unit = await call(PC, "POST", "/api/civil/compensation", { ...base, unitId: t.b.unitId });
    assert.equal(unit.json().code, "civil.unit_not_found");
    const lt = await call(PC, "POST", "/api/civil/compensation", { ...base, lossType: "nonsense" });
    assert.equal(lt.statusCode, 400);
    assert.equal(lt.json().code, "civil.compensation.unknown_loss_type");
    assert.equal(await count("civil_compensations"), before);
  });

  test("I4: the record form's case picker finds the agency's cases by receipt number, never another agency's", async () => {
    const own = await caseOf("a");
    const foreign = await caseOf("b");
    const [a] = await t.tdb.query<{ number: string }>("SELECT number FROM cases WHERE id = $1", [own]);
    const [b] = await t.tdb.query<{ number: string }>("SELECT number FROM cases WHERE id = $1", [foreign]);
    // The whole number, and its last digits in lower case, find A's case.
    for (const q of [a.number, a.number.slice(-4).toLowerCase()]) {
      const res = await call(PC, "GET", `/api/civil/compensation/case-picker?q=${encodeURIComponent(q)}`);
      assert.equal(res.statusCode, 200, res.body);
      const hits = res.json() as Array<{ id: string; number: string }>;
      assert.ok(
        hits.some((h) => h.id === own && h.number === a.number),
        q,
      );
      assert.ok(!hits.some((h) => h.id === foreign));
    }
    // B's exact number finds nothing of B (A may happen to hold the same number: only A's rows come back).
    const cross = (
      await call(PC, "GET", `/api/civil/compensation/case-picker?q=${encodeURIComponent(b.number)}`)
    ).json() as Array<{ id: string }>;
    assert.ok(!cross.some((h) => h.id === foreign));
    // LIKE wildcards are matched literally.
    const wild = await call(PC, "GET", "/api/civil/compensation/case-picker?q=%25%25");
    assert.deepEqual(wild.json(), []);
    // Too short: a clear 400; the auditor does not record claims: 403.
    const short = await call(PC, "GET", "/api/civil/compensation/case-picker?q=1");
    assert.equal(short.statusCode, 400);
    const au = await call("auditor", "GET", `/api/civil/compensation/case-picker?q=${a.number}`);
    assert.equal(au.statusCode, 403);
  });

  test("I4: the recorder cannot approve; payment before approval refused; a role without the permission refused", async () => {
    // The privacy manager records (and may approve in general), so the four-eyes check is what refuses.
    const rec = (
      await call(PM, "POST", "/api/civil/compensation", {
        occurredOn: "2026-03-01",
        description: "지연처리",
        lossType: "economic",
        amount: 20000,
        currency: "KRW",
      })
    ).json();
    const early = await call(PO, "POST", `/api/civil/compensation/${rec.id}/pay`, { paidOn: "2026-03-05" });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, "civil.compensation.not_approved");
    const self = await call(PM, "POST", `/api/civil/compensation/${rec.id}/approve`, {
      approvedOn: "2026-03-04",
    });
    assert.equal(self.statusCode, 409);
    assert.equal(self.json().code, "civil.compensation.self_approval");
    const clerk = await call(PC, "POST", `/api/civil/compensation/${rec.id}/approve`, {});
    assert.equal(clerk.statusCode, 403);
    const stillRecorded = (await call(PO, "GET", `/api/civil/compensation/${rec.id}`)).json();
    assert.equal(stillRecorded.status, "recorded");
    assert.equal(stillRecorded.approvedBy, null);
    const ok = await call(PO, "POST", `/api/civil/compensation/${rec.id}/approve`, {
      approvedOn: "2026-03-04",
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().approvedBy, t.a.staffByRole.privacy_officer);
    const before = await call(PO, "POST", `/api/civil/compensation/${rec.id}/pay`, { paidOn: "2026-03-03" });
    assert.equal(before.json().code, "civil.compensation.paid_before_approval");
    const paid = await call(PO, "POST", `/api/civil/compensation/${rec.id}/pay`, { paidOn: "2026-03-05" });
    assert.equal(paid.json().status, "paid");
    assert.equal(paid.json().paidOn, "2026-03-05");
    const actions = await t.tdb.query<{ action: string }>(
      "SELECT action FROM ledger_entries WHERE resource_id = $1 AND result = 'ok' ORDER BY seq",
      [rec.id],
    );
    assert.deepEqual(
      actions.map((a) => a.action).filter((a) => a !== "civil.compensation.read"),
      ["civil.compensation.record", "civil.compensation.approve", "civil.compensation.pay"],
    );
  });

  test("I4/K9: analysis per loss type and unit, hand-counted, with no name in the output", async () => {
    // Agency B (TW) gets a fresh fixture so nothing of the other tests counts.
    const mk = async (body: Record<string, unknown>) => {
      const r = await call(
        PC,
        "POST",
        "/api/civil/compensation",
        { description: "d", currency: "TWD", ...body },
        "b",
      );
      assert.equal(r.statusCode, 201, r.body);
      return r.json().id as string;
    };
    const u = t.b.unitId;
    const p1 = await mk({
      occurredOn: "2026-04-01",
      lossType: "economic",
      amount: 1000,
      unitId: u,
      payee: { name: "王小明", account: "00112233" },
    });
    await mk({ occurredOn: "2026-05-15", lossType: "economic", amount: 500, unitId: u });
    await mk({ occurredOn: "2026-06-30", lossType: "time", amount: 300 });
    await mk({ occurredOn: "2026-07-01", lossType: "time", amount: 9999, unitId: u }); // outside Q2
    await call(PO, "POST", `/api/civil/compensation/${p1}/approve`, { approvedOn: "2026-04-02" }, "b");
    await call(PO, "POST", `/api/civil/compensation/${p1}/pay`, { paidOn: "2026-04-03" }, "b");
    const res = await call(
      PC,
      "GET",
      "/api/civil/compensation/analysis?from=2026-04-01&to=2026-06-30",
      undefined,
      "b",
    );
    assert.equal(res.statusCode, 200, res.body);
    const a = res.json();
    // By hand: three records in Q2, TWD 1000+500+300 = 1800; one paid (1000).
    assert.deepEqual(a.total, {
      key: null,
      count: 3,
      paidCount: 1,
      amount: { TWD: 1800 },
      paid: { TWD: 1000 },
    });
    assert.deepEqual(a.byLossType, [
      { key: "economic", count: 2, paidCount: 1, amount: { TWD: 1500 }, paid: { TWD: 1000 } },
      { key: "time", count: 1, paidCount: 0, amount: { TWD: 300 }, paid: {} },
    ]);
    const byUnit = new Map((a.byUnit as Array<{ key: string | null }>).map((g) => [g.key, g]));
    assert.deepEqual(byUnit.get(u), {
      key: u,
      count: 2,
      paidCount: 1,
      amount: { TWD: 1500 },
      paid: { TWD: 1000 },
    });
    assert.deepEqual(byUnit.get(null), { key: null, count: 1, paidCount: 0, amount: { TWD: 300 }, paid: {} });
    assert.ok(
      !res.body.includes("王") && !res.body.includes("00112233"),
      "K9: no name or account in the analysis",
    );
    // The SQL and the pure aggregation agree on the same rows.
    const rows = await t.tdb.query<CompensationFact & { unitId: string | null }>(
      `SELECT loss_type AS "lossType", unit_id AS "unitId", occurred_on::text AS "occurredOn", amount, currency, status
         FROM civil_compensations WHERE agency_id = $1`,
      [t.b.id],
    );
    const core = analyseCompensation(rows, "2026-04-01", "2026-06-30");
    assert.deepEqual(a.total, core.total);
    assert.deepEqual(a.byLossType, core.byLossType);
    const bad = await call(
      PC,
      "GET",
      "/api/civil/compensation/analysis?from=2026-06-30&to=2026-04-01",
      undefined,
      "b",
    );
    assert.equal(bad.json().code, "civil.period_order");
  });
});

describe("civil-affairs roster", () => {
  test("A17/I5: guardians, a resident monitor (masked), the records unit; current guardians for the picker", async () => {
    const g = await call(PC, "POST", "/api/civil/roster", {
      role: "guardian",
      staffId: t.a.staffByRole.handler,
      validFrom: "2020-01-01",
    });
    assert.equal(g.statusCode, 201, g.body);
    await call(PC, "POST", "/api/civil/roster", {
      role: "guardian",
      staffId: t.a.staffByRole.privacy_manager,
      validFrom: "2020-01-01",
      validTo: "2021-12-31",
    });
    const m = await call(PC, "POST", "/api/civil/roster", {
      role: "monitor",
      person: { name: "김민원", contact: "010-1234-5678" },
      validFrom: "2026-01-01",
    });
    assert.equal(m.statusCode, 201, m.body);
    assert.deepEqual(m.json().person, { name: "김*원", contact: "010-****-5678" });
    const ru = await call(PC, "POST", "/api/civil/roster", { role: "records_unit", validFrom: "2004-01-01" });
    assert.equal(ru.json().code, "civil.roster.unit_required");
    const ru2 = await call(PC, "POST", "/api/civil/roster", {
      role: "records_unit",
      unitId: t.a.unitId,
      validFrom: "2004-01-01",
    });
    assert.equal(ru2.statusCode, 201);
    const foreign = await call(PC, "POST", "/api/civil/roster", {
      role: "guardian",
      staffId: t.b.staffByRole.handler,
      validFrom: "2020-01-01",
    });
    assert.equal(foreign.json().code, "civil.staff_not_found");
    const guardianByResident = await call(PC, "POST", "/api/civil/roster", {
      role: "guardian",
      person: { name: "주민" },
      validFrom: "2020-01-01",
    });
    assert.equal(guardianByResident.json().code, "civil.roster.staff_required");

    const current = (await call("handler", "GET", "/api/civil/roster/guardians")).json() as Array<{
      staffId: string;
    }>;
    assert.deepEqual(
      current.map((x) => x.staffId),
      [t.a.staffByRole.handler],
    );
    const in2021 = (
      await call("handler", "GET", "/api/civil/roster/guardians?on=2021-06-01")
    ).json() as unknown[];
    assert.equal(in2021.length, 2);
    const all = await call("auditor", "GET", "/api/civil/roster");
    assert.ok(!all.body.includes("김민원") && !all.body.includes("1234-5678"));

    const rep = await call(PC, "POST", `/api/civil/roster/${m.json().id}/reports`, {
      reportedOn: "2026-02-01",
      summary: "발급 창구 대기 불편 건의",
      rewardAmount: 50000,
      rewardCurrency: "KRW",
    });
    assert.equal(rep.statusCode, 201, rep.body);
    const notMonitor = await call(PC, "POST", `/api/civil/roster/${g.json().id}/reports`, {
      reportedOn: "2026-02-01",
      summary: "x",
    });
    assert.equal(notMonitor.json().code, "civil.roster.not_monitor");
    const reports = (await call(PC, "GET", `/api/civil/roster/${m.json().id}/reports`)).json();
    assert.equal(reports.reports.length, 1);
    assert.equal(reports.reports[0].rewardAmount, 50000);
    const end = await call(PC, "POST", `/api/civil/roster/${g.json().id}/end`, { validTo: "2019-01-01" });
    assert.equal(end.json().code, "civil.period_order");
  });
});

describe("family-register filings", () => {
  test("I7/K7: one row per filing, outcome notice recorded, report by kind and quarter (hand count)", async () => {
    const log = async (kind: string, filedOn: string, applicant?: { name: string; contact?: string }) => {
      const r = await call(PC, "POST", "/api/civil/family-register", { kind, filedOn, applicant });
      assert.equal(r.statusCode, 201, r.body);
      return r.json();
    };
    const b1 = await log("birth", "2025-02-10", { name: "이출생", contact: "010-2222-3333" });
    assert.deepEqual(b1.applicant, { name: "이*생", contact: "010-****-3333" });
    await log("birth", "2025-05-10");
    await log("marriage", "2025-05-11");
    await log("transfer", "2025-09-30");
    await log("death", "2025-12-31");
    await log("divorce", "2024-12-31"); // previous year
    const early = await call(PC, "POST", `/api/civil/family-register/${b1.id}/notice`, {
      noticeOn: "2025-02-09",
      channel: "sms",
    });
    assert.equal(early.json().code, "civil.notice_before_filing");
    const n = await call(PC, "POST", `/api/civil/family-register/${b1.id}/notice`, {
      noticeOn: "2025-02-12",
      channel: "sms",
    });
    assert.equal(n.json().noticeOn, "2025-02-12");
    const r = (await call("auditor", "GET", "/api/civil/family-register/report?year=2025")).json();
    const row = (k: string) => r.rows.find((x: { kind: string }) => x.kind === k);
    assert.deepEqual(row("birth"), { kind: "birth", quarters: [1, 1, 0, 0], total: 2, notified: 1 });
    assert.deepEqual(row("marriage").quarters, [0, 1, 0, 0]);
    assert.deepEqual(row("transfer").quarters, [0, 0, 1, 0]);
    assert.deepEqual(row("death").quarters, [0, 0, 0, 1]);
    assert.equal(row("divorce").total, 0);
    assert.deepEqual(r.total, [1, 2, 1, 1]);
    assert.equal(r.grandTotal, 5);
    const list = await call(PO, "GET", "/api/civil/family-register?from=2025-01-01&to=2025-12-31");
    assert.ok(!list.body.includes("이출생"));
    const handler = await call("handler", "GET", "/api/civil/family-register");
    assert.equal(handler.statusCode, 403);
  });
});
