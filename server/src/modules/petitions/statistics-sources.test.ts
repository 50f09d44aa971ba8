import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { agencyInfo, transition } from "../cases/case.service";
import { assignGuardian, createPetition } from "./petitions.service";
import { createType, seedPetitionTypes } from "./types.service";

// K3 / K4 from real petitions: the agency's own catalogue (seed 003 codes plus one type the agency added)
// and the guardian column of the petitions table, wired at module registration.
let t: TestApp;
const HOUR = 3_600_000;
// name, type code, channel, received (Seoul), decided on time?, guardian?
const PETITIONS: Array<
  [string, string, "counter" | "online" | "post" | "fax" | "phone" | "email", string, boolean, boolean]
> = [
  ["P1", "permit", "counter", "2025-02-10T10:00", true, true],
  ["P2", "permit", "online", "2025-05-12T10:00", false, true],
  ["P3", "license", "post", "2025-06-02T10:00", true, true],
  ["P4", "grievance", "fax", "2025-08-04T10:00", true, false],
  ["P5", "life_traffic", "phone", "2025-03-03T10:00", true, false],
  ["P6", "night_noise", "email", "2025-09-09T10:00", true, false],
  ["P7", "permit", "counter", "2024-04-08T10:00", true, true],
];

before(async () => {
  t = await createTestApp();
  await t.deps.database.db.transaction(async (tx) => {
    await seedPetitionTypes(tx, t.a.id);
    // The agency's own everyday-life type, counted in the 환경 column.
    await createType(tx, t.a.id, {
      code: "night_noise",
      group: "life_report",
      nameKo: "야간 소음",
      nameZh: "夜間噪音",
      nameEn: "Night noise",
      periodDays: 7,
      citation: "기관 지정",
      category: "environment",
    });
    const agency = await agencyInfo(tx, t.a.id);
    const actor = { id: null, label: "test" };
    const s = { tx, deps: t.deps, agency, actor, audit: () => {} };
    for (const [name, typeCode, channel, local, decided, guardian] of PETITIONS) {
      const receivedAt = new Date(`${local}:00+09:00`);
      const c = await createPetition(
        s,
        { typeCode, title: `${name} 제목`, content: `${name} 내용`, petitioner: { name: `민원인${name}` } },
        { channel, receivedAt, locale: "ko", receiptSlip: false },
      );
      if (guardian) await assignGuardian(s, c.id, t.a.staffByRole.handler);
      if (decided) {
        const at = { actor, audit: () => {}, now: new Date(receivedAt.getTime() + 2 * HOUR) };
        await transition(tx, agency, c.id, { type: "verify_identity" }, at);
        await transition(tx, agency, c.id, { type: "decide", outcome: "granted" }, at);
      }
    }
  });
});
after(async () => t.close());

type Table = { id: string; columns: Array<{ id: string }>; rows: Array<{ id: string; cells: unknown[] }> };
async function tables(query: string) {
  const res = await t.inject({
    method: "GET",
    url: `/api/statistics/tables?${query}`,
    headers: { ...(await t.as("privacy_officer")), "accept-language": "en" },
  });
  assert.equal(res.statusCode, 200, res.body);
  const byId = new Map((res.json() as { tables: Table[] }).tables.map((x) => [x.id, x]));
  return (id: string) => {
    const tb = byId.get(id);
    assert.ok(tb, id);
    return [tb.columns.map((c) => c.id), ...tb.rows.map((r) => [r.id, ...r.cells])];
  };
}

describe("statistics from the petitions module (hand-counted)", () => {
  test("K3: statutory and life tables count the agency's petition type codes in their categories", async () => {
    const tb = await tables("year=2025");
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
      // 2024: P7 permit, answered within 2 hours
      ["2024", 1, 1, 0, 0, 0, 0, 0, 0, 1],
      // 2025: P1 P2 permit, P3 license -> licence, P4 grievance -> complaint_objection; P2 still open and
      // overdue: 3 of 4 on time
      ["2025", 4, 2, 1, 0, 0, 1, 0, 0, 0.75],
    ]);
    const life = tb("k3-life");
    assert.deepEqual(life[0], [
      "total",
      "construction",
      "cleaning",
      "environment",
      "building",
      "traffic",
      "other",
      "onTimeRate",
    ]);
    // 2025: P5 life_traffic -> traffic, P6 night_noise (the agency's own type) -> environment; both on time
    assert.deepEqual(life[2], ["2025", 2, 0, 0, 1, 0, 1, 0, 1]);
  });

  test("K4: guardian caseload from the petitions with a guardian, by type (permit types always listed)", async () => {
    const tb = await tables("year=2025");
    assert.deepEqual(tb("k4-guardian"), [
      ["cases"],
      // P1 P2 permit (P7 is 2024), P3 license; P4-P6 have no guardian
      ["permit", 2],
      ["license", 1],
      ["total", 3],
    ]);
  });
});
