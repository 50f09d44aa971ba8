import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createSession, SESSION_COOKIE } from "../modules/auth/session.service";
import { createTestApp, type TestApp } from "../test-support/app";
import { seedRecordsDemo } from "./records-seed";
import { findAgencyByCode, findStaff, seedDemo } from "./seed";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test("A17/J2/J3/K5: the demo seeds hanbit-city's records once, with transfers due, expiry candidates and one transfer", async () => {
  await seedDemo(t.deps, { password: "Demo#Password-2026" });
  const hanbit = await findAgencyByCode(t.deps, "hanbit-city");
  const qingshan = await findAgencyByCode(t.deps, "qingshan-district");
  assert.ok(hanbit && qingshan);
  const ids = { "hanbit-city": hanbit.id, "qingshan-district": qingshan.id };
  // Second run: nothing new (idempotent), and the TW agency gets none.
  assert.deepEqual(await seedRecordsDemo(t.deps, ids), { "hanbit-city": 0 });
  const [c] = await t.tdb.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM record_series WHERE agency_id = $1) AS series,
            (SELECT count(*)::int FROM records WHERE agency_id = $1) AS records,
            (SELECT sum(quantity)::int FROM records WHERE agency_id = $1) AS pieces,
            (SELECT count(*)::int FROM record_transfers WHERE agency_id = $1) AS transfers,
            (SELECT count(*)::int FROM records WHERE agency_id = $2) AS tw,
            (SELECT count(*)::int FROM registry_files WHERE agency_id = $1 AND records_series_id IS NOT NULL) AS linked`,
    [hanbit.id, qingshan.id],
  );
  // Hand count of records-seed.ts: 7 series, 13 records; 12+15+9+340+410+1400+30+24+3+14+250+2+2 = 2511;
  // plus retention-seed.ts's two visitor logs of 1 piece each, already destruction_pending.
  assert.deepEqual(c, { series: 7, records: 15, pieces: 2513, transfers: 1, tw: 0, linked: 2 });

  const manager = await findStaff(t.deps, hanbit.id, "records.jung");
  assert.ok(manager);
  const sess = await createSession(t.deps.database.db, t.deps.config, {
    agencyId: hanbit.id,
    staffId: manager.id,
    mfaPassed: true,
  });
  const headers = { cookie: `${SESSION_COOKIE}=${sess.token}`, "x-csrf-token": sess.csrfToken };
  const get = async (url: string) => {
    const res = await t.inject({ method: "GET", url, headers });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const settings = await get("/api/records/settings");
  assert.equal(settings.archiveName, "한빛시 기록관");
  assert.deepEqual(settings.keepAtUnit, ["1y"]);
  assert.ok(settings.recordsUnitId);
  // Past retention (31 Dec of closing year + class years, before today): 5y closed 6 and 8 years ago,
  // 3y closed 4 years ago, 1y closed 2 years ago.
  const due = (await get("/api/records/reviews/due")) as Array<{ refNo: string }>;
  assert.deepEqual(due.map((d) => d.refNo).sort(), ["HB-BUD-002", "HB-CIV-003", "HB-EDOC-001", "HB-VIS-001"]);
  // Due for transfer: held, closed 3+ years ago (2 holding years from 1 Jan after closing), 1y kept at unit.
  const transfer = (await get("/api/records/transfers/due")) as Array<{ refNo: string }>;
  assert.deepEqual(transfer.map((d) => d.refNo).sort(), [
    "HB-BUD-002",
    "HB-CIV-002",
    "HB-EDOC-001",
    "HB-HR-001",
    "HB-URB-001",
  ]);
  const transfers = (await get("/api/records/transfers")) as Array<{
    destination: string;
    recordIds: string[];
  }>;
  assert.equal(transfers.length, 1);
  assert.equal(transfers[0].destination, "archive");
  const moved = await get(`/api/records/items/${transfers[0].recordIds[0]}`);
  assert.equal(moved.refNo, "HB-CIV-003");
  assert.equal(moved.status, "transferred");
});
