import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { onPostgres } from "../../test-support/db";
import { JobRunner } from "./scheduler";

let t: TestApp;
const TOKEN = "operator-token-for-jobs-test-0123456789abcdef";
const bearer = { authorization: `Bearer ${TOKEN}`, "x-csrf-token": TOKEN };
let runner: JobRunner;

before(async () => {
  t = await createTestApp();
  t.deps.operatorToken = TOKEN;
  runner = new JobRunner({
    database: t.tdb,
    instanceId: "routes-test",
    jobs: [
      { name: "test.ok", schedule: "every:3600", run: async () => 3 },
      {
        name: "test.broken",
        schedule: "every:3600",
        run: async () => {
          throw Object.assign(new Error("connect ECONNREFUSED for lee@example.org"), {
            code: "ECONNREFUSED",
          });
        },
      },
    ],
  });
  await runner.register();
});
after(async () => t.close());

describe(`jobs: run history routes on ${onPostgres ? "PostgreSQL" : "PGlite"}`, () => {
  test("jobs: the system administrator sees jobs, next run, last runs and failures; other roles do not", async () => {
    for (const role of ["privacy_officer", "auditor", "handler"] as const) {
      const res = await t.inject({ method: "GET", url: "/api/system/jobs", headers: await t.as(role) });
      assert.equal(res.statusCode, 403, `${role}: ${res.body}`);
    }
    // Run both now, then read the history.
    for (const name of ["test.ok", "test.broken"]) {
      const res = await t.inject({
        method: "POST",
        url: `/api/system/jobs/${name}/run`,
        headers: await t.as("system_admin"),
      });
      assert.equal(res.statusCode, 200, res.body);
    }
    const outcomes = await runner.tick();
    assert.deepEqual(outcomes.map((o) => [o.job, o.status]).sort(), [
      ["test.broken", "failed"],
      ["test.ok", "ok"],
    ]);
    const res = await t.inject({
      method: "GET",
      url: "/api/system/jobs",
      headers: await t.as("system_admin"),
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as {
      jobs: Array<Record<string, unknown> & { runs: Array<Record<string, unknown>> }>;
    };
    const ok = body.jobs.find((j) => j.name === "test.ok");
    const broken = body.jobs.find((j) => j.name === "test.broken");
    assert.ok(ok && broken);
    assert.equal(ok.runs[0].status, "ok");
    assert.equal(ok.runs[0].items, 3);
    assert.equal(ok.runs[0].trigger, "manual");
    assert.equal(broken.failuresInRow, 1);
    assert.equal(broken.lastErrorClass, "ECONNREFUSED");
    assert.equal(broken.runs[0].errorClass, "ECONNREFUSED");
    assert.ok(!res.body.includes("lee@example.org"), "error messages never reach the history");
    // The manual triggers are in the ledger with the actor and the job's name only.
    const entries = await t.tdb.query<{ action: string; details: { job: string } }>(
      "SELECT action, details FROM ledger_entries WHERE action = 'system.jobs.run_now' ORDER BY seq",
    );
    assert.deepEqual(
      entries.map((e) => e.details.job),
      ["test.ok", "test.broken"],
    );
  });

  test("jobs: the local operator may run a job now; bad or unknown names are refused in the caller's language", async () => {
    const res = await t.inject({ method: "POST", url: "/api/system/jobs/test.ok/run", headers: bearer });
    assert.equal(res.statusCode, 200, res.body);
    const unknown = await t.inject({
      method: "POST",
      url: "/api/system/jobs/no.such.job/run",
      headers: { ...(await t.as("system_admin")), "accept-language": "ko" },
    });
    assert.equal(unknown.statusCode, 404, unknown.body);
    assert.equal(unknown.json().code, "jobs.not_found");
    assert.equal(unknown.json().message, "해당 이름의 예약 작업이 없습니다.");
    const bad = await t.inject({
      method: "POST",
      url: "/api/system/jobs/DROP%20TABLE/run",
      headers: await t.as("system_admin"),
    });
    assert.equal(bad.statusCode, 400, bad.body);
    const refused = await t.inject({
      method: "POST",
      url: "/api/system/jobs/test.ok/run",
      headers: await t.as("privacy_officer"),
    });
    assert.equal(refused.statusCode, 403);
  });

  test("jobs: a switched-off job cannot be run now", async () => {
    await t.tdb.query("UPDATE jobs SET enabled = false WHERE name = 'test.ok'");
    const res = await t.inject({
      method: "POST",
      url: "/api/system/jobs/test.ok/run",
      headers: { ...(await t.as("system_admin")), "accept-language": "en" },
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, "jobs.disabled");
    await t.tdb.query("UPDATE jobs SET enabled = true WHERE name = 'test.ok'");
  });
});
