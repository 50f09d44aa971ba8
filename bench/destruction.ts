// Destruction benchmark (issue 13): destroy N expired records (100,000; quick 10,000) through the retention
// execution path - batches of 5,000, each one transaction with the records' status change, the destruction
// record with its certificate number, the plan items and the ledger entry - against a bare DELETE of the
// same number of rows in the same batch size. Prints times and the ratio bare/ours (target >= 0.3) on PGlite
// and, when it answers (BENCH_DATABASE_URL, TEST_DATABASE_URL, PG_TEST_URL or 127.0.0.1:5432/test), PostgreSQL.
// The sweep that drafts the plan is set-up, not timed. Usage: node --import tsx bench/destruction.ts [--quick]
import { randomBytes } from "node:crypto";
import { type Database, openDatabase } from "@civicpims/server/db/client";
import { migrate } from "@civicpims/server/db/migrate";
import type { AppDeps } from "@civicpims/server/http/deps";
import { BATCH_SIZE, executePlan } from "@civicpims/server/modules/retention/execute";
import { sweepAgency } from "@civicpims/server/modules/retention/sweep";
import { seedPendingRecords, seedSeries } from "@civicpims/server/modules/retention/test-helpers";
import { ephemeralSecrets } from "@civicpims/server/security/keys";
import { sql } from "drizzle-orm";
import pg from "pg";

async function postgresUrl(): Promise<string | null> {
  const url =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    process.env.PG_TEST_URL ??
    "postgres://postgres@127.0.0.1:5432/test";
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
  try {
    await c.connect();
    await c.end();
    return url;
  } catch {
    return null;
  }
}

async function bench(database: Database, n: number) {
  await migrate(database);
  const secrets = ephemeralSecrets();
  const deps = { database, secrets, ledger: { secrets, checkpointEvery: 1_000 } } as unknown as AppDeps;
  const [ag] = await database.query<{ id: string }>(
    `INSERT INTO agencies (code, name_local, name_en, jurisdiction, time_zone, default_locale)
     VALUES ('bench', '벤치구', 'Bench', 'KR', 'Asia/Seoul', 'ko') RETURNING id`,
  );
  const [unit] = await database.query<{ id: string }>(
    "INSERT INTO units (agency_id, code, name_local) VALUES ($1, 'u1', '총무과') RETURNING id",
    [ag.id],
  );
  const [officer] = await database.query<{ id: string }>(
    "INSERT INTO staff (agency_id, unit_id, username, display_name) VALUES ($1, $2, 'po', 'PO') RETURNING id",
    [ag.id, unit.id],
  );
  const series = await seedSeries(database, ag.id, unit.id);
  await seedPendingRecords(database, ag.id, unit.id, series, n, "A");
  const [plan] = await sweepAgency(deps, ag.id);
  await database.query(
    "UPDATE destruction_plans SET status = 'approved', approved_by = $2, method_code = 'overwrite' WHERE id = $1",
    [plan.id, officer.id],
  );
  // The bare baseline's rows: the same number of records, outside any plan.
  const bare = (await seedPendingRecords(database, ag.id, unit.id, series, n, "B")).map((r) => r.id);
  await database.query("ANALYZE");

  let t0 = performance.now();
  const done = await executePlan(deps, ag.id, plan.id, { actorId: officer.id });
  const oursMs = performance.now() - t0;
  const destroyed = done.reduce((s, b) => s + b.items, 0);
  if (destroyed !== n) throw new Error(`destroyed ${destroyed} of ${n}`);

  t0 = performance.now();
  for (let i = 0; i < bare.length; i += BATCH_SIZE) {
    const ids = bare.slice(i, i + BATCH_SIZE);
    await database.db.transaction(async (tx) => {
      const arr = `{${ids.join(",")}}`;
      await tx.execute(sql`DELETE FROM record_reviews WHERE record_id = ANY(${arr}::uuid[])`);
      await tx.execute(sql`DELETE FROM records WHERE id = ANY(${arr}::uuid[])`);
    });
  }
  const bareMs = performance.now() - t0;
  return { oursMs, bareMs, batches: done.length, ratio: bareMs / oursMs };
}

export async function run(opts: { quick: boolean }): Promise<Record<string, number | string>> {
  const n = opts.quick ? 10_000 : 100_000;
  const out: Record<string, number | string> = { records: n };
  const targets: Array<{
    name: string;
    open: () => Promise<Database>;
    drop: (d: Database) => Promise<void>;
  }> = [{ name: "pglite", open: () => openDatabase({}), drop: (d) => d.close() }];
  const url = await postgresUrl();
  if (url) {
    const schema = `bench_${randomBytes(4).toString("hex")}`;
    targets.push({
      name: "postgres",
      open: () => openDatabase({ url, schema }),
      drop: async (d) => {
        await d.query(`DROP SCHEMA ${schema} CASCADE`);
        await d.close();
      },
    });
  } else out.postgres = "unavailable";
  for (const t of targets) {
    const database = await t.open();
    const r = await bench(database, n);
    await t.drop(database);
    console.log(
      `${t.name.padEnd(8)} destroy ${n} records: ours ${(r.oursMs / 1000).toFixed(2)} s (${r.batches} batches, certificates + ledger) ` +
        `vs bare DELETE ${(r.bareMs / 1000).toFixed(2)} s -> ratio bare/ours ${r.ratio.toFixed(2)} (target >= 0.3)`,
    );
    out[`${t.name}_ours_s`] = Number((r.oursMs / 1000).toFixed(3));
    out[`${t.name}_bare_s`] = Number((r.bareMs / 1000).toFixed(3));
    out[`${t.name}_ratio`] = Number(r.ratio.toFixed(3));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run({ quick: process.argv.includes("--quick") }).then((r) => console.log(JSON.stringify(r)));
}
