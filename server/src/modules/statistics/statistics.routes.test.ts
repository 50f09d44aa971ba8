import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../test-support/app";
import { agencyInfo, type CaseRow, createCase, transition } from "../cases/case.service";
import { setGuardianCaseloadSource } from "./sources";

// A known set of petitions and disclosure requests of agency a (KR, Asia/Seoul), built through the case
// engine, and every cell of the tables checked against the hand count written next to each expectation.
let t: TestApp;
const ids = new Map<string, string>();
const HOUR = 3_600_000;
type Fate = "ontime" | "late" | "open" | "withdrawn" | "transferred";
type Outcome = NonNullable<CaseRow["outcome"]>;

// name, kind, subKind, channel, received (Seoul), fate, outcome
const CASES: Array<[string, "petition" | "disclosure", string, CaseRow["channel"], string, Fate, Outcome?]> =
  [
    ["C1", "petition", "cert.resident", "fax", "2025-01-15T10:00", "ontime", "granted"],
    ["C2", "petition", "cert.family", "fax", "2025-03-31T23:30", "ontime", "granted"],
    ["C3", "petition", "cert.resident", "fax", "2025-04-01T00:30", "late", "granted"],
    ["C4", "petition", "cert.resident", "kiosk", "2025-05-10T10:00", "ontime", "granted"],
    ["C5", "petition", "cert.resident", "kiosk", "2025-12-31T23:00", "ontime", "granted"],
    ["C6", "petition", "cert.resident", "kiosk", "2026-01-01T00:10", "ontime", "granted"],
    ["C7", "petition", "cert.family", "online", "2025-07-20T10:00", "ontime", "granted"],
    ["C8", "petition", "cert.family", "online", "2025-10-05T10:00", "ontime", "refused"],
    ["C9", "petition", "cert.resident", "counter", "2025-08-08T10:00", "ontime", "granted"],
    ["C10", "petition", "cert.resident", "visit", "2025-11-11T10:00", "ontime", "granted"],
    ["C11", "petition", "cert.resident", "kiosk", "2024-06-01T10:00", "ontime", "granted"],
    ["C12", "petition", "cert.resident", "kiosk", "2024-12-31T23:59", "ontime", "granted"],
    ["C13", "petition", "cert.resident", "online", "2024-03-03T10:00", "ontime", "granted"],
    ["C14", "petition", "cert.resident", "post", "2025-02-02T10:00", "ontime", "granted"],
    ["C15", "petition", "cert.resident", "kiosk", "2025-09-01T10:00", "ontime", "granted"],
    ["S1", "petition", "permit.factory", "counter", "2025-02-10T10:00", "ontime", "granted"],
    ["S2", "petition", "permit.land_transaction", "online", "2025-04-15T10:00", "late", "granted"],
    ["S3", "petition", "licence", "post", "2025-06-30T23:59", "ontime", "refused"],
    ["S4", "petition", "complaint_objection", "fax", "2025-10-01T00:01", "open"],
    ["S5", "petition", "inspection", "counter", "2025-11-20T10:00", "withdrawn"],
    ["S6", "petition", "approval", "online", "2024-05-05T10:00", "ontime", "granted"],
    ["S7", "petition", "proposal_other", "counter", "2024-10-10T10:00", "late", "granted"],
    ["L1", "petition", "life.cleaning", "patrol", "2025-03-03T10:00", "ontime", "granted"],
    ["L2", "petition", "life.traffic", "phone", "2025-09-09T10:00", "transferred"],
    ["L3", "petition", "life.other", "email", "2025-12-01T10:00", "ontime", "granted"],
    ["L4", "petition", "life.traffic", "phone", "2024-09-09T10:00", "ontime", "granted"],
    ["I1", "petition", "instant.counter", "counter", "2025-01-05T10:00", "ontime", "granted"],
    ["U1", "petition", "custom.x", "online", "2025-05-05T10:00", "ontime", "granted"],
    ["D1", "disclosure", "foi", "online", "2025-01-10T10:00", "ontime", "granted"],
    ["D2", "disclosure", "foi", "online", "2025-02-10T10:00", "late", "granted"],
    ["D3", "disclosure", "foi", "post", "2025-03-10T10:00", "ontime", "partly"],
    ["D4", "disclosure", "foi", "online", "2025-10-10T10:00", "ontime", "refused"],
    ["D5", "disclosure", "foi", "online", "2025-11-10T10:00", "ontime", "not_held"],
    ["D6", "disclosure", "foi", "online", "2025-12-10T10:00", "withdrawn"],
    ["D7", "disclosure", "foi", "online", "2025-12-15T10:00", "transferred"],
    ["D8", "disclosure", "foi", "online", "2025-12-20T10:00", "open"],
    ["D9", "disclosure", "foi", "online", "2024-12-31T23:00", "ontime", "granted"],
    ["D10", "disclosure", "foi", "online", "2026-01-01T01:00", "ontime", "granted"],
  ];
// Petition guardians (민원후견인) assigned to S1, S2, S3.
const GUARDED = ["S1", "S2", "S3"];

before(async () => {
  t = await createTestApp();
  const db = t.deps.database.db;
  const actor = { id: null, label: "test" };
  const audit = () => {};
  await db.transaction(async (tx) => {
    const agency = await agencyInfo(tx, t.a.id);
    for (const [name, kind, subKind, channel, local, fate, outcome] of CASES) {
      const received = new Date(`${local}:00+09:00`);
      const row = await createCase(
        tx,
        agency,
        { kind, subKind, deadlineKind: "foi", channel, receivedAt: received },
        actor,
        audit,
      );
      ids.set(name, row.id);
      const at = (h: number) => ({ actor, audit, now: new Date(received.getTime() + h * HOUR) });
      if (fate === "withdrawn")
        await transition(tx, agency, row.id, { type: "withdraw", reason: "x" }, at(1));
      else if (fate === "transferred")
        await transition(tx, agency, row.id, { type: "transfer", reason: "x", to: "other agency" }, at(1));
      else await transition(tx, agency, row.id, { type: "verify_identity" }, at(1));
      if (fate === "ontime" || fate === "late")
        await transition(
          tx,
          agency,
          row.id,
          { type: "decide", outcome: outcome as Outcome },
          at(fate === "late" ? 40 * 24 : 2),
        );
    }
  });
  // The lead wires the petitions table here; the test stands in with a table of its own.
  await t.tdb.query("CREATE TABLE test_guardians (case_id uuid PRIMARY KEY)");
  for (const g of GUARDED) await t.tdb.query("INSERT INTO test_guardians VALUES ($1)", [ids.get(g)]);
  setGuardianCaseloadSource(async (tx, agencyId, range) => {
    const r =
      (await tx.execute(sql`SELECT c.sub_kind, count(*)::int AS n FROM test_guardians g JOIN cases c ON c.id = g.case_id
      WHERE c.agency_id = ${agencyId} AND c.received_at >= ${new Date(range.from).toISOString()}::timestamptz
        AND c.received_at < ${new Date(range.to).toISOString()}::timestamptz GROUP BY 1`)) as unknown as {
        rows: Array<{ sub_kind: string; n: number }>;
      };
    return r.rows.map((x) => ({ subKind: x.sub_kind, n: Number(x.n) }));
  });
});
after(async () => t.close());

type Table = { id: string; columns: Array<{ id: string }>; rows: Array<{ id: string; cells: unknown[] }> };
async function tables(query: string, role: "privacy_officer" | "petition_clerk" = "privacy_officer") {
  const res = await t.inject({
    method: "GET",
    url: `/api/statistics/tables?${query}`,
    headers: { ...(await t.as(role)), "accept-language": "en" },
  });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json() as { tables: Table[] };
  const byId = new Map(body.tables.map((x) => [x.id, x]));
  return (id: string) => {
    const tb = byId.get(id);
    assert.ok(tb, id);
    return [tb.columns.map((c) => c.id), ...tb.rows.map((r) => [r.id, ...r.cells])];
  };
}

const K2_YEAR = [
  ["q1", "q2", "q3", "q4", "year", "onTimeRate"],
  // fax: Q1 C1 C2, Q2 C3 (late) -> 3, on time 2/3
  ["fax", 2, 1, 0, 0, 3, 0.667],
  // kiosk: Q2 C4, Q3 C15, Q4 C5 (31 Dec 23:00 Seoul); C6 is 2026, C11/C12 are 2024
  ["kiosk", 0, 1, 1, 1, 3, 1],
  // online: Q3 C7 (C8 refused: not issued)
  ["online", 0, 0, 1, 0, 1, 1],
  // counter: Q3 C9, Q4 C10 (visit = counter)
  ["counter", 0, 0, 1, 1, 2, 1],
  // other: Q1 C14 (post)
  ["other", 1, 0, 0, 0, 1, 1],
  // 10 issued, 9 on time
  ["total", 3, 2, 3, 2, 10, 0.9],
];

describe("statistics of the civil-affairs chapter (hand-counted)", () => {
  test("K2, K3, K4, K6: every cell of the 2025 yearly tables", async () => {
    const tb = await tables("year=2025");
    assert.deepEqual(tb("k2"), K2_YEAR);
    assert.deepEqual(tb("k3-channel"), [
      ["counter", "post", "fax", "kiosk", "online", "phone", "email", "patrol", "total", "onTimeRate"],
      // S1 S5 counter, S3 post, S4 fax, S2 online; due S1 S2 S3 S4(open, overdue) -> on time S1 S3: 2/4
      ["statutory", 2, 1, 1, 0, 1, 0, 0, 0, 5, 0.5],
      // L1 patrol, L2 phone (transferred within the hour), L3 email: 3/3
      ["life", 0, 0, 0, 0, 0, 1, 1, 1, 3, 1],
      // C9 C10 counter, C14 post, C1-C3 fax, C4 C5 C15 kiosk, C7 C8 online: 11, on time all but C3: 10/11
      ["certificate", 2, 1, 3, 3, 2, 0, 0, 0, 11, 0.909],
      ["instant", 1, 0, 0, 0, 0, 0, 0, 0, 1, 1],
      ["unclassified", 0, 0, 0, 0, 1, 0, 0, 0, 1, 1],
      // 21 petitions; due 4+3+11+1+1 = 20, on time 2+3+10+1+1 = 17
      ["total", 5, 2, 4, 3, 4, 1, 1, 1, 21, 0.85],
    ]);
    const K3_STAT = [
      "total",
      "permit",
      "licence",
      "approval",
      "report_registration",
      "complaint_objection",
      "proposal_other",
      "inspection",
      "onTimeRate",
    ];
    assert.deepEqual(tb("k3-statutory"), [
      K3_STAT,
      // 2024: S6 approval (on time), S7 proposal (late)
      ["2024", 2, 0, 0, 1, 0, 0, 1, 0, 0.5],
      // 2025: S1 S2 permit, S3 licence, S4 complaint, S5 inspection (withdrawn); on time 2 of 4 due
      ["2025", 5, 2, 1, 0, 0, 1, 0, 1, 0.5],
    ]);
    assert.deepEqual(tb("k3-life"), [
      ["total", "construction", "cleaning", "environment", "building", "traffic", "other", "onTimeRate"],
      ["2024", 1, 0, 0, 0, 0, 1, 0, 1],
      ["2025", 3, 0, 1, 0, 0, 1, 1, 1],
    ]);
    assert.deepEqual(tb("k4-issuance"), [
      ["previous", "current", "change"],
      // kiosk 2024: C11 C12; 2025: C4 C5 C15
      ["kiosk", 2, 3, 1],
      // online 2024: C13; 2025: C7 (C8 refused)
      ["online", 1, 1, 0],
      ["total", 3, 4, 1],
    ]);
    assert.deepEqual(tb("k4-guardian"), [
      ["cases"],
      ["permit.factory", 1],
      ["permit.construction_business", 0],
      ["permit.land_transaction", 1],
      ["permit.building", 0],
      ["licence", 1],
      ["total", 3],
    ]);
    assert.deepEqual(tb("k6"), [
      [
        "received",
        "processed",
        "granted",
        "partly",
        "refused",
        "withdrawn",
        "transferred",
        "notHeld",
        "pending",
        "onTimeRate",
      ],
      // D1-D8 (D9 is 31 Dec 2024 23:00 Seoul, D10 is 2026); due D1-D5 D7 D8, on time D1 D3 D4 D5 D7: 5/7
      ["2025", 8, 4, 2, 1, 1, 1, 1, 1, 1, 0.714],
    ]);
  });

  test("K2, K3, K4, K6: every cell of the Q4 2025 quarterly tables (Seoul quarter boundaries)", async () => {
    const tb = await tables("year=2025&quarter=4", "petition_clerk");
    assert.deepEqual(tb("k2"), K2_YEAR);
    assert.deepEqual(tb("k3-channel"), [
      ["counter", "post", "fax", "kiosk", "online", "phone", "email", "patrol", "total", "onTimeRate"],
      // S4 fax (open, overdue), S5 counter (withdrawn): 0 of 1 due
      ["statutory", 1, 0, 1, 0, 0, 0, 0, 0, 2, 0],
      ["life", 0, 0, 0, 0, 0, 0, 1, 0, 1, 1],
      // C10 counter, C5 kiosk, C8 online
      ["certificate", 1, 0, 0, 1, 1, 0, 0, 0, 3, 1],
      ["instant", 0, 0, 0, 0, 0, 0, 0, 0, 0, null],
      ["unclassified", 0, 0, 0, 0, 0, 0, 0, 0, 0, null],
      ["total", 2, 0, 1, 1, 1, 0, 1, 0, 6, 0.8],
    ]);
    assert.deepEqual(tb("k3-statutory"), [
      [
        "total",
        "permit",
        "licence",
        "approval",
        "report_registration",
        "complaint_objection",
        "proposal_other",
        "inspection",
        "onTimeRate",
      ],
      ["2024-Q4", 1, 0, 0, 0, 0, 0, 1, 0, 0],
      ["2025-Q4", 2, 0, 0, 0, 0, 1, 0, 1, 0],
    ]);
    assert.deepEqual(tb("k3-life"), [
      ["total", "construction", "cleaning", "environment", "building", "traffic", "other", "onTimeRate"],
      ["2024-Q4", 0, 0, 0, 0, 0, 0, 0, null],
      ["2025-Q4", 1, 0, 0, 0, 0, 0, 1, 1],
    ]);
    assert.deepEqual(tb("k4-issuance"), [
      ["previous", "current", "change"],
      // C12 (31 Dec 2024 23:59 Seoul) against C5
      ["kiosk", 1, 1, 0],
      ["online", 0, 0, 0],
      ["total", 1, 1, 0],
    ]);
    assert.deepEqual(tb("k4-guardian"), [
      ["cases"],
      ["permit.factory", 0],
      ["permit.construction_business", 0],
      ["permit.land_transaction", 0],
      ["permit.building", 0],
      ["total", 0],
    ]);
    assert.deepEqual(tb("k6"), [
      [
        "received",
        "processed",
        "granted",
        "partly",
        "refused",
        "withdrawn",
        "transferred",
        "notHeld",
        "pending",
        "onTimeRate",
      ],
      // D4 refused, D5 not held, D6 withdrawn, D7 transferred, D8 open: on time 3 of 4 due
      ["2025-Q4", 5, 1, 0, 0, 1, 1, 1, 1, 1, 0.75],
    ]);
  });

  test("K6: the xlsx export has one sheet per table with the agency's language (ko) and is in the ledger", async () => {
    const res = await t.inject({
      method: "GET",
      url: "/api/statistics/export.xlsx?year=2025",
      headers: { ...(await t.as("auditor")), "accept-language": "en" },
    });
    assert.equal(res.statusCode, 200, res.body);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    // K2-K4, K6 of this module, K5 (records), K7 and K9 (civil), K8 (training) and I6 (portal survey)
    // registered by their modules.
    assert.deepEqual(
      wb.worksheets.map((w) => w.name.split(" ")[0]),
      ["K2", "K3", "K3", "K3", "K4", "K4", "K5", "K6", "K7", "K8", "K9", "I6"],
    );
    const k6 = wb.worksheets.find((w) => w.name.startsWith("K6"));
    assert.ok(k6);
    assert.equal(k6.getRow(4).getCell(2).value, "청구 건수");
    assert.deepEqual((k6.getRow(5).values as unknown[]).slice(1), [
      "2025년",
      8,
      4,
      2,
      1,
      1,
      1,
      1,
      1,
      1,
      0.714,
    ]);
    const [entry] = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'statistics.export' AND agency_id = $1",
      [t.a.id],
    );
    assert.equal(entry.n, 1);
  });

  test("K2: statistics.read is refused to a handler; a bad quarter is a clear 400", async () => {
    const h = await t.inject({
      method: "GET",
      url: "/api/statistics/tables?year=2025",
      headers: await t.as("handler"),
    });
    assert.equal(h.statusCode, 403);
    const bad = await t.inject({
      method: "GET",
      url: "/api/statistics/tables?year=2025&quarter=5",
      headers: await t.as("privacy_officer"),
    });
    assert.equal(bad.statusCode, 400);
  });

  test("K2: agency b (TW) sees none of agency a's cases", async () => {
    const res = await t.inject({
      method: "GET",
      url: "/api/statistics/tables?year=2025",
      headers: await t.as("privacy_officer", "b"),
    });
    assert.equal(res.statusCode, 200);
    const k6 = (res.json() as { tables: Table[] }).tables.find((x) => x.id === "k6");
    assert.deepEqual(k6?.rows[0].cells, [0, 0, 0, 0, 0, 0, 0, 0, 0, null]);
  });
});
