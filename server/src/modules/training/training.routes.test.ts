import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Role } from "@civicpims/core/auth/index";
import { createTestApp, type TestApp } from "../../test-support/app";

// A known training year of agency a (KR), entered through the routes, and completion per unit and every
// cell of K8 checked against the hand count written next to the data.
let t: TestApp;
let u2: string;
const extra: string[] = [];

async function req(role: Role, method: string, url: string, payload?: unknown, who: "a" | "b" = "a") {
  const headers = { ...(await t.as(role, who)), "accept-language": "en" };
  return t.inject({ method: method as "GET", url, payload: payload as object, headers });
}
async function call(role: Role, method: string, url: string, payload?: unknown, who: "a" | "b" = "a") {
  const res = await req(role, method, url, payload, who);
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
const PO: Role = "privacy_officer";

before(async () => {
  t = await createTestApp();
  // A second unit of agency a with two staff members (unit u1 holds the seven role holders).
  const u = await t.tdb.query(
    "INSERT INTO units (agency_id, code, name_local) VALUES ($1, 'u2', 'Unit 2') RETURNING id",
    [t.a.id],
  );
  u2 = (u[0] as { id: string }).id;
  for (const n of ["x1", "x2"]) {
    const s = await t.tdb.query(
      "INSERT INTO staff (agency_id, unit_id, username, display_name) VALUES ($1, $2, $3, $3) RETURNING id",
      [t.a.id, u2, `train.${n}`],
    );
    extra.push((s[0] as { id: string }).id);
  }
  const a = t.a.staffByRole;
  const plan = await call(PO, "POST", "/api/training/plans", {
    year: 2025,
    title: "2025 개인정보 보호 교육계획",
    targetGroup: "all_staff",
    plannedSessions: 4,
  });
  const session = async (heldOn: string, topic: string, kind: string, planId: string | null = null) =>
    (await call(PO, "POST", "/api/training/sessions", { planId, heldOn, topic, kind, trainer: "보호책임자" }))
      .id;
  const p1 = await session("2025-03-10", "개인정보 보호 기본", "privacy", plan.id);
  await call(PO, "POST", `/api/training/sessions/${p1}/attendance`, {
    staffIds: [a.privacy_officer, a.privacy_manager, a.handler, extra[0]],
    vendors: [{ name: "홍길동", company: "가나시스템" }],
  });
  const p2 = await session("2025-09-09", "개인정보 보호 기본", "privacy", plan.id);
  await call(PO, "POST", `/api/training/sessions/${p2}/attendance`, {
    staffIds: [a.system_admin, a.privacy_officer],
  });
  const s1 = await session("2025-06-01", "사무실 보안", "security");
  await call(PO, "POST", `/api/training/sessions/${s1}/attendance`, { staffIds: [a.auditor, extra[1]] });
  await session("2025-12-31", "엑셀 활용", "it_skill");
  const old = await session("2024-11-11", "개인정보 보호 기본", "privacy");
  await call(PO, "POST", `/api/training/sessions/${old}/attendance`, { staffIds: [a.records_manager] });
  for (const [staffId, obtainedOn] of [
    [a.privacy_manager, "2025-05-05"],
    [a.handler, "2025-11-11"],
    [a.auditor, "2026-01-01"],
  ])
    await call(PO, "POST", "/api/training/certifications", { staffId, certificate: "ITQ 엑셀", obtainedOn });
  // Agency b's 2025 session must not count for a.
  const b1 = (
    await call(
      PO,
      "POST",
      "/api/training/sessions",
      { heldOn: "2025-04-04", topic: "個資保護", kind: "privacy" },
      "b",
    )
  ).id;
  await call(
    PO,
    "POST",
    `/api/training/sessions/${b1}/attendance`,
    { staffIds: [t.b.staffByRole.handler] },
    "b",
  );
});
after(async () => t.close());

describe("training (E12, E13, K8)", () => {
  test("E13: sessions carry date, topic, kind, trainer and material links; the plan counts its sessions", async () => {
    const sessions = (await call("auditor", "GET", "/api/training/sessions?year=2025")) as Array<{
      heldOn: string;
      topic: string;
      kind: string;
      attendance: Array<{ staffId: string | null; vendor: { name: string; company: string } | null }>;
    }>;
    assert.deepEqual(
      sessions.map((s) => [s.heldOn, s.kind, s.attendance.length]),
      [
        ["2025-12-31", "it_skill", 0],
        ["2025-09-09", "privacy", 2],
        ["2025-06-01", "security", 2],
        ["2025-03-10", "privacy", 5],
      ],
    );
    const vendor = sessions[3].attendance.find((x) => x.vendor);
    assert.equal(vendor?.vendor?.company, "가나시스템");
    assert.notEqual(vendor?.vendor?.name, "홍길동");
    const plans = await call("privacy_manager", "GET", "/api/training/plans?year=2025");
    assert.deepEqual(
      plans.map((p: { plannedSessions: number; heldSessions: number }) => [
        p.plannedSessions,
        p.heldSessions,
      ]),
      [[4, 2]],
    );
    const link = await call(PO, "POST", "/api/training/sessions", {
      heldOn: "2025-02-02",
      topic: "지침 숙지",
      kind: "directions",
      materials: [{ title: "지침", url: "https://example.org/directions.pdf" }],
    });
    const again = (await call(PO, "GET", "/api/training/sessions?year=2025")) as Array<{
      id: string;
      materials: unknown[];
    }>;
    assert.deepEqual(again.find((s) => s.id === link.id)?.materials, [
      { title: "지침", url: "https://example.org/directions.pdf" },
    ]);
    await t.tdb.query("DELETE FROM training_sessions WHERE id = $1", [link.id]);
  });

  test("E12: yearly completion per unit (hand count)", async () => {
    const r = await call("auditor", "GET", "/api/training/completion?year=2025");
    // u1 (7 staff): officer, manager, handler (10 Mar) and administrator (9 Sep); the auditor only had
    // security, the records manager's privacy session was in 2024. u2 (2 staff): x1 privacy, x2 security.
    assert.deepEqual(
      r.units.map((u: { unitId: string; staff: number; completed: number; rate: number }) => [
        u.unitId,
        u.staff,
        u.completed,
        u.rate,
      ]),
      [
        [t.a.unitId, 7, 4, 0.571],
        [u2, 2, 1, 0.5],
      ],
    );
  });

  test("E12: new and vendor staff acknowledge the directions (who, document, version, when)", async () => {
    await call(PO, "POST", "/api/training/acknowledgements", {
      role: "new_staff",
      staffId: extra[1],
      document: "개인정보 보호 지침",
      version: "v3",
      acknowledgedOn: "2025-02-01",
    });
    await call(PO, "POST", "/api/training/acknowledgements", {
      role: "vendor_staff",
      vendor: { name: "김용역", company: "다라정보" },
      document: "개인정보 보호 지침",
      version: "v3",
      acknowledgedOn: "2025-02-03",
    });
    const list = await call("auditor", "GET", "/api/training/acknowledgements?year=2025");
    assert.deepEqual(
      list.map((x: { role: string; staffName: string | null; version: string; acknowledgedOn: string }) => [
        x.role,
        x.staffName,
        x.version,
        x.acknowledgedOn,
      ]),
      [
        ["vendor_staff", null, "v3", "2025-02-03"],
        ["new_staff", "train.x2", "v3", "2025-02-01"],
      ],
    );
    assert.ok(!JSON.stringify(list).includes("김용역"));
    const raw = await t.tdb.query(
      "SELECT vendor_enc FROM training_acknowledgements WHERE role = 'vendor_staff'",
    );
    assert.ok(!JSON.stringify(raw).includes("김용역"));
  });

  test("E12: bad input is refused with a clear message and nothing is half saved", async () => {
    const before = await t.tdb.query("SELECT count(*)::int AS n FROM training_attendance");
    const sessions = await call(PO, "GET", "/api/training/sessions?year=2025");
    const id = sessions[0].id;
    // Another agency's staff member among good ones: not found, none recorded.
    let res = await req(PO, "POST", `/api/training/sessions/${id}/attendance`, {
      staffIds: [t.a.staffByRole.handler, t.b.staffByRole.handler],
    });
    assert.equal(res.statusCode, 404);
    assert.match(res.json().message, /staff member was not found/);
    res = await req(PO, "POST", `/api/training/sessions/${id}/attendance`, {});
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /at least one staff member/);
    const after = await t.tdb.query("SELECT count(*)::int AS n FROM training_attendance");
    assert.equal((after[0] as { n: number }).n, (before[0] as { n: number }).n);
    res = await req(PO, "POST", "/api/training/acknowledgements", {
      role: "vendor_staff",
      staffId: t.a.staffByRole.handler,
      document: "지침",
      version: "v1",
      acknowledgedOn: "2025-01-01",
    });
    assert.equal(res.statusCode, 400);
    res = await req(PO, "POST", "/api/training/sessions", {
      heldOn: "2025-13-40",
      topic: "x",
      kind: "privacy",
    });
    assert.equal(res.statusCode, 400);
    const plan = (await call(PO, "GET", "/api/training/plans?year=2025"))[0];
    res = await req(PO, "POST", "/api/training/sessions", {
      planId: plan.id,
      heldOn: "2026-01-05",
      topic: "x",
      kind: "privacy",
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /plan's year/);
    // Handlers neither read nor write training records.
    assert.equal((await req("handler", "GET", "/api/training/sessions")).statusCode, 403);
  });

  test("K8: the statistics frame carries sessions, topics, attendees and certifications (hand count)", async () => {
    const res = await call(PO, "GET", "/api/statistics/tables?year=2025");
    const k8 = res.tables.find((x: { id: string }) => x.id === "k8") as {
      title: string;
      columns: Array<{ id: string }>;
      rows: Array<{ id: string; label: string; cells: unknown[] }>;
    };
    assert.ok(k8);
    assert.deepEqual(
      [k8.columns.map((c) => c.id), ...k8.rows.map((r) => [r.id, ...r.cells])],
      [
        ["sessions", "topics", "attendees", "certifications"],
        // 10 Mar (4 staff + 1 vendor) and 9 Sep (2) share one topic; the 2024 session and b's are left out
        ["privacy", 2, 1, 7, null],
        ["security", 1, 1, 2, null],
        // 31 Dec with nobody listed; certifications 5 May and 11 Nov (1 Jan 2026 is next year)
        ["it_skill", 1, 1, 0, 2],
        ["directions", 0, 0, 0, null],
        ["total", 4, 3, 9, 2],
      ],
    );
    assert.equal(k8.rows[0].label, "Privacy");
    // Quarter 1: only the 10 March session.
    const q1 = await call(PO, "GET", "/api/statistics/tables?year=2025&quarter=1");
    const k8q = q1.tables.find((x: { id: string }) => x.id === "k8");
    assert.deepEqual(k8q.rows.at(-1).cells, [1, 1, 5, 0]);
  });

  test("K8: the xlsx workbook carries the training table in Korean", async () => {
    const headers = { ...(await t.as("auditor")) };
    const res = await t.inject({ method: "GET", url: "/api/statistics/export.xlsx?year=2025", headers });
    assert.equal(res.statusCode, 200);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const k8 = wb.worksheets.find((w) => w.name.startsWith("K8"));
    assert.ok(k8);
    assert.equal(k8.getRow(5).getCell(1).value, "개인정보보호");
    assert.deepEqual((k8.getRow(9).values as unknown[]).slice(1), ["계", 4, 3, 9, 2]);
  });
});
