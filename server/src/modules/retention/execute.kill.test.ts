import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { type Database, openDatabase } from "../../db/client";
import { migrate } from "../../db/migrate";
import type { AppDeps } from "../../http/deps";
import { ephemeralSecrets } from "../../security/keys";
import { executePlan } from "./execute";
import { sweepAgency } from "./sweep";
import { seedPendingRecords, seedSeries } from "./test-helpers";

// The fault: a process killed in the middle of a destruction batch. Each batch commits in ONE
// transaction with its destruction record and ledger entry, so after a SIGKILL inside batch 2 the database
// holds batch 1 complete (records destroyed, record, ledger entry) and nothing of batch 2; a restart
// finishes the plan. Runs on PostgreSQL when TEST_DATABASE_URL is set, else on a PGlite data directory.

const url = process.env.TEST_DATABASE_URL || "";
const schema = url ? `k_${randomBytes(5).toString("hex")}` : "public";
const dir = url ? "" : mkdtempSync(join(tmpdir(), "civicpims-kill-"));
const dataDir = url ? "" : join(dir, "data");
const open = () => openDatabase(url ? { url, schema, poolSize: 3 } : { dataDir });
const DB = url ? "PostgreSQL" : "PGlite";

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const count = async (db: Database, sql: string, params: unknown[] = []) =>
  Number((await db.query<{ n: number }>(sql, params))[0].n);

test(`D8/D5: a process killed inside a destruction batch leaves whole batches only, each with its record (${DB})`, async () => {
  let db = await open();
  await migrate(db);
  const secrets = ephemeralSecrets();
  const deps = () =>
    ({ database: db, secrets, ledger: { secrets, checkpointEvery: 1_000 } }) as unknown as AppDeps;
  const [ag] = await db.query<{ id: string }>(
    `INSERT INTO agencies (code, name_local, name_en, jurisdiction, time_zone, default_locale)
     VALUES ('kill', '가상구', 'Kill', 'KR', 'Asia/Seoul', 'ko') RETURNING id`,
  );
  const [unit] = await db.query<{ id: string }>(
    "INSERT INTO units (agency_id, code, name_local) VALUES ($1, 'u1', '총무과') RETURNING id",
    [ag.id],
  );
  const [officer] = await db.query<{ id: string }>(
    "INSERT INTO staff (agency_id, unit_id, username, display_name) VALUES ($1, $2, 'po', 'PO') RETURNING id",
    [ag.id, unit.id],
  );
  const series = await seedSeries(db, ag.id, unit.id);
  await seedPendingRecords(db, ag.id, unit.id, series, 7);
  const [plan] = await sweepAgency(deps(), ag.id);
  assert.equal(plan.itemCount, 7);
  await db.query(
    "UPDATE destruction_plans SET status = 'approved', approved_by = $2, method_code = 'overwrite' WHERE id = $1",
    [plan.id, officer.id],
  );
  await db.close(); // the child process takes the data directory (PGlite: one process per directory)

  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      fileURLToPath(new URL("./kill-child.ts", import.meta.url)),
      url,
      dataDir,
      schema,
      ag.id,
      plan.id,
      officer.id,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stderr.on("data", (c) => {
    err += c;
  });
  const exit = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on("exit", (_code, sig) => resolve(sig)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (c) => {
      out += c;
      if (out.includes("IN_BATCH 2")) resolve();
    });
    child.on("exit", () => reject(new Error(`child exited before batch 2: ${out} ${err}`)));
  });
  child.kill("SIGKILL");
  assert.equal(await exit, "SIGKILL");

  db = await open();
  // Batch 1 (3 records) complete with its record and ledger entry; batch 2 not started.
  assert.equal(await count(db, "SELECT count(*)::int AS n FROM records WHERE status = 'destroyed'"), 3);
  assert.equal(
    await count(db, "SELECT count(*)::int AS n FROM destruction_records WHERE plan_id = $1", [plan.id]),
    1,
  );
  assert.equal(
    await count(
      db,
      "SELECT count(*)::int AS n FROM destruction_plan_items WHERE plan_id = $1 AND status = 'pending'",
      [plan.id],
    ),
    4,
  );
  assert.equal(
    await count(db, "SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'retention.destroy'"),
    1,
  );
  // Nothing destroyed without a record: destroyed records = sum of the records' item counts.
  assert.equal(await count(db, "SELECT coalesce(sum(item_count), 0)::int AS n FROM destruction_records"), 3);

  // Restart: the plan resumes with what is pending and completes.
  const done = await executePlan(deps(), ag.id, plan.id, { actorId: officer.id, batchSize: 3 });
  assert.deepEqual(
    done.map((b) => [b.batchNo, b.items]),
    [
      [2, 3],
      [3, 1],
    ],
  );
  assert.equal(await count(db, "SELECT count(*)::int AS n FROM records WHERE status = 'destroyed'"), 7);
  assert.equal(await count(db, "SELECT coalesce(sum(item_count), 0)::int AS n FROM destruction_records"), 7);
  assert.equal(
    await count(db, "SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'retention.destroy'"),
    3,
  );
  assert.equal(
    (await db.query<{ status: string }>("SELECT status FROM destruction_plans WHERE id = $1", [plan.id]))[0]
      .status,
    "done",
  );
  if (url) await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.close();
});
