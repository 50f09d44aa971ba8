import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestApp, type TestApp } from "../test-support/app";
import { seedRegistryDemo } from "./registry-seed";
import { findAgencyByCode, seedDemo } from "./seed";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test("B1/B7/B10/E10: the demo register seeds both demo agencies once, with valid files and dashboard items", async () => {
  await seedDemo(t.deps, { password: "Demo#Password-2026" });
  const ids: Record<string, string> = {};
  for (const code of ["hanbit-city", "qingshan-district"])
    ids[code] = (await findAgencyByCode(t.deps, code))?.id as string;
  // seedDemo seeds the register too; count what it made.
  const first: Record<string, number> = {};
  for (const [code, id] of Object.entries(ids)) {
    const [r] = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM registry_files WHERE agency_id = $1",
      [id],
    );
    first[code] = r.n;
  }
  assert.ok(first["hanbit-city"] >= 8 && first["hanbit-city"] <= 12, JSON.stringify(first));
  assert.ok(first["qingshan-district"] >= 8 && first["qingshan-district"] <= 12, JSON.stringify(first));
  const again = await seedRegistryDemo(t.deps, ids);
  assert.deepEqual(again, { "hanbit-city": 0, "qingshan-district": 0 });
  for (const id of Object.values(ids)) {
    const [c] = await t.tdb.query<{
      devices: number;
      expiring: number;
      overdue: number;
      risks: number;
      riskLate: number;
      nonpublic: number;
      ledgered: number;
      files: number;
    }>(
      `SELECT (SELECT count(*)::int FROM registry_devices WHERE agency_id = $1) AS devices,
              (SELECT count(*)::int FROM registry_entrustments WHERE agency_id = $1 AND contract_end <= current_date + 60) AS expiring,
              (SELECT count(*)::int FROM registry_corrective_actions WHERE agency_id = $1 AND done_on IS NULL AND due_on < current_date) AS overdue,
              (SELECT count(*)::int FROM registry_risk_assessments WHERE agency_id = $1) AS risks,
              (SELECT count(*)::int FROM registry_risk_assessments WHERE agency_id = $1 AND next_review_on < current_date) AS "riskLate",
              (SELECT count(*)::int FROM registry_files WHERE agency_id = $1 AND NOT is_public) AS nonpublic,
              (SELECT count(*)::int FROM registry_files WHERE agency_id = $1) AS files,
              (SELECT count(*)::int FROM ledger_entries WHERE agency_id = $1 AND action = 'registry.file.create'
                 AND resource_type = 'registry_file') AS ledgered`,
      [id],
    );
    assert.equal(c.devices, 2);
    assert.ok(c.expiring >= 1 && c.overdue >= 1 && c.risks >= 1 && c.nonpublic >= 1, JSON.stringify(c));
    // Issue 11 item 8: the dashboard has an overdue risk re-assessment to show.
    assert.equal(c.riskLate, 1, JSON.stringify(c));
    // The ledger records each registration once (the second run created nothing).
    assert.equal(c.ledgered, c.files, JSON.stringify(c));
  }
});
