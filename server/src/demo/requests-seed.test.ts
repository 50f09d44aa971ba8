import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createTestApp, type TestApp } from "../test-support/app";
import { seedRegistryDemo } from "./registry-seed";
import { seedRequestsDemo } from "./requests-seed";
import { findAgencyByCode, seedDemo } from "./seed";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test("C7, K: demo requests show open, overdue, extended, waiting and closed requests in both countries, once", async () => {
  await seedDemo(t.deps, { password: "Demo#Password-2026" });
  const ids: Record<string, string> = {};
  for (const code of ["hanbit-city", "qingshan-district"])
    ids[code] = (await findAgencyByCode(t.deps, code))?.id as string;
  // seedDemo seeds the register and the requests too; count what it made.
  assert.deepEqual(await seedRegistryDemo(t.deps, ids), { "hanbit-city": 0, "qingshan-district": 0 });
  for (const id of Object.values(ids)) {
    const [r] = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM cases WHERE agency_id = $1 AND kind = 'rights_request'",
      [id],
    );
    assert.equal(r.n, 6);
  }
  assert.deepEqual(await seedRequestsDemo(t.deps, ids), { "hanbit-city": 0, "qingshan-district": 0 });
  for (const id of Object.values(ids)) {
    const [c] = await t.tdb.query<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE state IN ('received','identity_check','in_review','extended','waiting_requester'))::int AS open,
              count(*) FILTER (WHERE state IN ('in_review','extended','received') AND due_at < now())::int AS overdue,
              count(*) FILTER (WHERE state = 'closed')::int AS closed,
              count(*) FILTER (WHERE state = 'waiting_requester')::int AS waiting,
              (SELECT count(*)::int FROM letters WHERE agency_id = $1) AS letters,
              (SELECT count(*)::int FROM request_items i WHERE i.agency_id = $1 AND i.file_id IS NOT NULL) AS with_files
       FROM cases WHERE agency_id = $1`,
      [id],
    );
    assert.ok(
      c.open >= 3 &&
        c.overdue >= 1 &&
        c.closed >= 1 &&
        c.waiting === 1 &&
        c.letters >= 2 &&
        c.with_files >= 6,
      JSON.stringify(c),
    );
  }
  const verify = await t.tdb.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM ledger_entries WHERE action LIKE 'cases.%' AND subject_ref IS NOT NULL",
  );
  assert.ok(verify[0].n >= 20);
});

test("I1: the demo seeds hanbit-city's petition types (seed 003) and a handful of petitions, once", async () => {
  await seedDemo(t.deps, { password: "Demo#Password-2026" });
  const a = await findAgencyByCode(t.deps, "hanbit-city");
  const [types] = await t.tdb.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM petition_types WHERE agency_id = $1",
    [a?.id],
  );
  // 7 statutory + 6 everyday-life + 2 certificates + 3 instant counter items.
  assert.equal(types.n, 18);
  const [p] = await t.tdb.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM cases WHERE agency_id = $1 AND kind = 'petition'",
    [a?.id],
  );
  assert.equal(p.n, 5);
});
