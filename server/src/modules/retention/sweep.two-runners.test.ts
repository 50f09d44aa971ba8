import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Database } from "../../db/client";
import { createTestApp, type TestApp } from "../../test-support/app";
import { onPostgres } from "../../test-support/db";
import type { JobRunner } from "../jobs/scheduler";
import { startScheduler } from "../jobs/server-jobs";
import { seedPendingRecords, seedSeries } from "./test-helpers";

// Two instances (on PostgreSQL each with its own pool) run the scheduler; the sweep job runs once and the
// due records land in exactly one plan (a 2-second period watched for 3 seconds: at most one run per period).
const DB = onPostgres ? "PostgreSQL" : "PGlite";
let t: TestApp;
let second: Database;
const runners: JobRunner[] = [];
before(async () => {
  t = await createTestApp();
  second = await t.tdb.reopen();
});
after(async () => {
  for (const r of runners) await r.stop();
  await second.close();
  await t.close();
});

test(`D2: two instances running the daily sweep on ${DB} run it once`, async () => {
  const series = await seedSeries(t.tdb, t.a.id, t.a.unitId);
  await seedPendingRecords(t.tdb, t.a.id, t.a.unitId, series, 6);
  const schedules = { "retention.sweep": "every:2" };
  runners.push(await startScheduler(t.deps, undefined, { instanceId: "app-1", tickMs: 50, schedules }));
  runners.push(
    await startScheduler({ ...t.deps, database: second }, undefined, {
      instanceId: "app-2",
      tickMs: 50,
      schedules,
    }),
  );
  await new Promise((r) => setTimeout(r, 3_000));
  for (const r of runners.splice(0)) await r.stop();
  const runs = await t.tdb.query<{ status: string; items: number; started_at: Date }>(
    "SELECT status, items, started_at FROM job_runs WHERE job = 'retention.sweep' ORDER BY started_at",
  );
  assert.ok(runs.length >= 1 && runs.length <= 2, `runs: ${runs.length}`);
  // One run per 2-second period, whichever instance took it; only the first finds something to plan.
  for (let i = 1; i < runs.length; i++) {
    assert.ok(new Date(runs[i].started_at).getTime() - new Date(runs[i - 1].started_at).getTime() >= 1_500);
  }
  assert.deepEqual(
    runs.map((r) => [r.status, r.items]),
    runs.map((_, i) => ["ok", i === 0 ? 1 : 0]),
  );
  const plans = await t.tdb.query<{ item_count: number }>("SELECT item_count FROM destruction_plans");
  assert.deepEqual(plans, [{ item_count: 6 }]);
});
