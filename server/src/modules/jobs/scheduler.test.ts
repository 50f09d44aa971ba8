import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import type { Database } from "../../db/client";
import { createTestDatabase, onPostgres, type TestDatabase } from "../../test-support/db";
import { nextRun, parseSchedule, retryDelaySeconds } from "./schedule";
import { type JobDefinition, JobRunner, requestRun } from "./scheduler";

// Two runners with different instance ids on one database (PGlite, or PostgreSQL with TEST_DATABASE_URL:
// there the second runner has its own connection pool, as a second server would). The clock is injected,
// so "once per period" is counted over exact, hand-chosen instants.

const DB = onPostgres ? "PostgreSQL" : "PGlite";
/** 2026-01-05 00:00:00 UTC: a multiple of every period used below (grids count from the epoch). */
const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000);

let tdb: TestDatabase;
let other: Database;
let now = T0;
const clock = () => new Date(now);

before(async () => {
  tdb = await createTestDatabase();
  other = await tdb.reopen();
});
after(async () => {
  await other.close();
  await tdb.drop();
});
beforeEach(async () => {
  now = T0;
  await tdb.query("DELETE FROM job_runs");
  await tdb.query("DELETE FROM jobs");
});

function pair(def: JobDefinition) {
  return [
    new JobRunner({ database: tdb, jobs: [def], instanceId: "instance-a", clock }),
    new JobRunner({ database: other, jobs: [def], instanceId: "instance-b", clock }),
  ] as const;
}

async function runsOf(job: string) {
  return tdb.query<{
    instance_id: string;
    status: string;
    error_class: string | null;
    started_at: Date;
    items: number | null;
    trigger: string;
  }>(
    "SELECT instance_id, status, error_class, started_at, items, trigger FROM job_runs WHERE job = $1 ORDER BY started_at, status",
    [job],
  );
}
async function jobRow(name: string) {
  const [r] = await tdb.query<{
    next_run_at: Date;
    attempts: number;
    last_error_class: string | null;
    lease_owner: string | null;
  }>("SELECT next_run_at, attempts, last_error_class, lease_owner FROM jobs WHERE name = $1", [name]);
  return r;
}

describe(`jobs: scheduler on ${DB}`, () => {
  test("jobs: schedules parse, grid and back-off are the hand-computed ones", () => {
    // every:60 at 00:00:20 -> 00:01:00; exactly on a grid point -> the next one.
    assert.equal(nextRun(parseSchedule("every:60"), at(20)).getTime(), at(60).getTime());
    assert.equal(nextRun(parseSchedule("every:60"), at(60)).getTime(), at(120).getTime());
    // daily in the server's own time zone: local constructors, so this holds in any TZ.
    const daily = parseSchedule("daily:03:30");
    assert.equal(nextRun(daily, new Date(2026, 0, 5, 2, 0)).getTime(), new Date(2026, 0, 5, 3, 30).getTime());
    assert.equal(nextRun(daily, new Date(2026, 0, 5, 4, 0)).getTime(), new Date(2026, 0, 6, 3, 30).getTime());
    // 30 s doubling per consecutive failure, capped at an hour.
    assert.deepEqual([1, 2, 3, 7, 8, 20].map(retryDelaySeconds), [30, 60, 120, 1920, 3600, 3600]);
    for (const bad of ["every:0", "every:-5", "daily:24:00", "daily:3:30", "hourly", "every:1e3"])
      assert.throws(() => parseSchedule(bad), /invalid job schedule/);
  });

  test("jobs: two instances on one database run a periodic job exactly once per period", async () => {
    let count = 0;
    const [a, b] = pair({ name: "test.every", schedule: "every:60", run: async () => ++count });
    // Ticks at 0, 20, ... 300 s, both instances at once (SKIP LOCKED and the lease keep them apart).
    for (let s = 0; s <= 300; s += 20) {
      now = T0 + s * 1000;
      await Promise.all([a.tick(), b.tick()]);
    }
    // Due at 60, 120, 180, 240, 300: five periods, five runs.
    assert.equal(count, 5);
    const runs = await runsOf("test.every");
    assert.deepEqual(
      runs.map((r) => [r.started_at.getTime(), r.status]),
      [60, 120, 180, 240, 300].map((s) => [at(s).getTime(), "ok"]),
    );
    assert.deepEqual(
      runs.map((r) => r.items),
      [1, 2, 3, 4, 5],
    );
    assert.equal((await jobRow("test.every")).next_run_at.getTime(), at(360).getTime());
    assert.equal((await jobRow("test.every")).lease_owner, null);
  });

  test("jobs: a run whose lease expired is taken up again and recorded abandoned", async () => {
    let count = 0;
    const def: JobDefinition = {
      name: "test.lease",
      schedule: "every:600",
      leaseSeconds: 120,
      run: async () => ++count,
    };
    const [a, b] = pair(def);
    await a.register();
    now = T0 + 600_000;
    // Instance a claims and "dies": it never executes the claim.
    const lost = await a.claim();
    assert.ok(lost);
    now = T0 + 660_000; // lease runs to 720 s
    assert.deepEqual(await b.tick(), []);
    now = T0 + 720_000;
    const [taken] = await b.tick();
    assert.equal(taken.status, "ok");
    assert.equal(count, 1);
    const runs = await runsOf("test.lease");
    assert.deepEqual(
      runs.map((r) => [r.instance_id, r.status, r.error_class]),
      [
        ["instance-a", "abandoned", "LeaseExpired"],
        ["instance-b", "ok", null],
      ],
    );
    // Ran at 720 s: the next grid point of every:600 is 1200 s.
    assert.equal((await jobRow("test.lease")).next_run_at.getTime(), at(1200).getTime());
    // The dead run coming back late changes nothing: the job is someone else's now.
    const late = await a.execute(lost);
    assert.equal(late.status, "lost");
    assert.equal(count, 2, "its work ran (idempotent work functions), but it records nothing");
    assert.equal((await runsOf("test.lease"))[0].status, "abandoned");
    assert.equal((await jobRow("test.lease")).next_run_at.getTime(), at(1200).getTime());
  });

  test("jobs: a failing job backs off and records the error class only, never the message", async () => {
    let fail = true;
    class SmtpDown extends Error {
      override name = "SmtpDown";
    }
    const [a, b] = pair({
      name: "test.fail",
      schedule: "every:3600",
      run: async () => {
        if (fail) throw new SmtpDown("550 mailbox kim.minji@example.org unavailable");
        return 7;
      },
    });
    await a.register();
    // Due at 3600 s; failures then retry after 30, 60, 120 s (hand-computed: 3630, 3690, 3810).
    const expected = [
      [3600, 1, 3630],
      [3630, 2, 3690],
      [3690, 3, 3810],
    ];
    for (const [s, attempts, next] of expected) {
      now = T0 + s * 1000;
      const [r] = await (s === 3630 ? b : a).tick();
      assert.equal(r.status, "failed");
      const row = await jobRow("test.fail");
      assert.equal(row.attempts, attempts);
      assert.equal(row.next_run_at.getTime(), at(next).getTime());
      assert.equal(row.last_error_class, "SmtpDown");
      // Between retries nothing runs.
      now = T0 + (next - 1) * 1000;
      assert.deepEqual(await a.tick(), []);
    }
    fail = false;
    now = T0 + 3810_000;
    const [ok] = await b.tick();
    assert.equal(ok.status, "ok");
    const row = await jobRow("test.fail");
    assert.equal(row.attempts, 0);
    // Back on the regular grid: 7200 s, not 3810 + 3600.
    assert.equal(row.next_run_at.getTime(), at(7200).getTime());
    const runs = await runsOf("test.fail");
    assert.deepEqual(
      runs.map((r) => [r.status, r.error_class]),
      [
        ["failed", "SmtpDown"],
        ["failed", "SmtpDown"],
        ["failed", "SmtpDown"],
        ["ok", null],
      ],
    );
    const everything = JSON.stringify(
      await tdb.query(
        "SELECT (SELECT json_agg(j) FROM jobs j) AS j, (SELECT json_agg(r) FROM job_runs r) AS r",
      ),
    );
    assert.ok(!everything.includes("kim.minji"), "no message, no address in the scheduler's tables");
    assert.ok(!everything.includes("550"), "no message text at all");
  });

  test("jobs: the back-off never pushes a retry past the job's regular next run", async () => {
    const [a] = pair({
      name: "test.short",
      schedule: "every:20",
      run: async () => {
        throw new TypeError("x");
      },
    });
    await a.register();
    now = T0 + 20_000;
    await a.tick();
    now = T0 + 40_000;
    await a.tick();
    // Second failure: back-off 60 s, but the period is 20 s: next regular run at 60 s.
    const row = await jobRow("test.short");
    assert.equal(row.attempts, 2);
    assert.equal(row.last_error_class, "TypeError");
    assert.equal(row.next_run_at.getTime(), at(60).getTime());
  });

  test("jobs: a disabled job does not run, not even on request", async () => {
    let count = 0;
    const [a, b] = pair({ name: "test.off", schedule: "every:60", run: async () => ++count });
    await a.register();
    await tdb.query("UPDATE jobs SET enabled = false WHERE name = 'test.off'");
    assert.equal(await requestRun(tdb.db, "test.off"), true);
    for (let s = 0; s <= 240; s += 60) {
      now = T0 + s * 1000;
      await Promise.all([a.tick(), b.tick()]);
    }
    assert.equal(count, 0);
    assert.deepEqual(await runsOf("test.off"), []);
  });

  test("jobs: run now makes the next tick of one instance run the job before its time", async () => {
    let count = 0;
    const [a, b] = pair({ name: "test.now", schedule: "every:3600", run: async () => ++count });
    await a.register();
    now = T0 + 100_000;
    assert.equal(await requestRun(tdb.db, "test.now", clock()), true);
    assert.equal(await requestRun(tdb.db, "test.nothing", clock()), false);
    await Promise.all([a.tick(), b.tick()]);
    now = T0 + 110_000;
    await Promise.all([a.tick(), b.tick()]);
    assert.equal(count, 1);
    const runs = await runsOf("test.now");
    assert.deepEqual(
      runs.map((r) => [r.trigger, r.status]),
      [["manual", "ok"]],
    );
    // The regular schedule stands: next at 3600 s.
    assert.equal((await jobRow("test.now")).next_run_at.getTime(), at(3600).getTime());
  });

  test("jobs: a runner started and stopped leaves no timer and no lease behind", async () => {
    let count = 0;
    const a = new JobRunner({
      database: tdb,
      jobs: [{ name: "test.loop", schedule: "every:60", run: async () => ++count }],
      instanceId: "loop",
      clock,
    });
    await a.register();
    now = T0 + 60_000;
    a.start(10);
    const until = Date.now() + 3000;
    while (count === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await a.stop();
    assert.equal(count, 1, "due once at 60 s: the loop ran it once however often it ticked");
    assert.equal((await jobRow("test.loop")).lease_owner, null);
  });
});
