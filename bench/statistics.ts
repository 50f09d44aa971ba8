// Quarterly statistics benchmark (issue 12): the statistics module's K2 table (certificates issued by channel
// and quarter of a year, with the on-time rate: petition-type lookup, one SQL aggregate, table layout) and
// its K3 table of one quarter (petitions by type and channel) over 1,000,000 petitions (50,000 with
// --quick), against the same aggregates written by hand as one SQL query each, through the same driver in the
// same process. Ratio = hand SQL time / module time (target >= 0.7). Runs on PGlite and, when it answers, on
// PostgreSQL (BENCH_DATABASE_URL, PG_TEST_URL, TEST_DATABASE_URL or 127.0.0.1:5432/test).
// Usage: node --import tsx bench/statistics.ts [--quick]
import { randomBytes } from "node:crypto";
import { codesOf, lookupOf, SEED_003_PETITION_TYPES } from "@civicpims/core/statistics/index";
import { type Database, openDatabase } from "@civicpims/server/db/client";
import { migrate } from "@civicpims/server/db/migrate";
import { registerCivilTables } from "@civicpims/server/modules/statistics/civil.tables";
import { statisticsTable } from "@civicpims/server/modules/statistics/registry";
import { statisticsPeriod } from "@civicpims/server/modules/statistics/statistics.service";
import pg from "pg";

const TZ = "Asia/Seoul";
const CHANNELS = ["counter", "post", "fax", "kiosk", "online", "phone", "email", "patrol"];
const OUTCOMES = ["granted", "granted", "granted", "partly", "refused", "withdrawn", "transferred", null];

async function seed(database: Database, n: number) {
  const [a] = await database.query<{ id: string }>(
    "INSERT INTO agencies (code, name_local, name_en, jurisdiction, time_zone, default_locale) VALUES ('bench', 'Bench', 'Bench', 'KR', $1, 'ko') RETURNING id",
    [TZ],
  );
  const kinds = `ARRAY[${SEED_003_PETITION_TYPES.map((x) => `'${x.code}'`).join(",")}]`;
  const channels = `ARRAY[${CHANNELS.map((x) => `'${x}'`).join(",")}]`;
  const outcomes = `ARRAY[${OUTCOMES.map((x) => (x ? `'${x}'` : "NULL")).join(",")}]::text[]`;
  // Two years (2024, 2025) of petitions spread evenly; certificates are half of them, as in seed 003.
  for (let start = 1; start <= n; start += 50_000) {
    const end = Math.min(n, start + 49_999);
    await database.query(
      `INSERT INTO cases (agency_id, kind, number, state, channel, sub_kind, deadline_kind, received_at, due_at, original_due_at, decided_at, closed_at, outcome)
       SELECT $1, 'petition', 'PT-' || lpad(i::text, 8, '0'), CASE WHEN o IS NULL THEN 'in_review' ELSE 'closed' END,
              (${channels})[1 + (i * 7) % ${CHANNELS.length}],
              CASE WHEN i % 2 = 0 THEN (ARRAY['cert.resident','cert.family'])[1 + (i / 2) % 2] ELSE (${kinds})[1 + (i * 11) % ${SEED_003_PETITION_TYPES.length}] END,
              'minwon', r, r + interval '7 days', r + interval '7 days',
              CASE WHEN o IS NULL OR o IN ('withdrawn','transferred') THEN NULL ELSE r + ((i % 10) || ' days')::interval END,
              CASE WHEN o IS NULL THEN NULL ELSE r + ((i % 10) || ' days')::interval END, o
       FROM (SELECT i, timestamptz '2023-12-31 15:00:00+00' + (i::float8 / $2 * 730 || ' days')::interval AS r,
                    (${outcomes})[1 + (i * 13) % ${OUTCOMES.length}] AS o
             FROM generate_series($3::int, $4::int) AS i) s`,
      [a.id, n, start, end],
    );
  }
  await database.query("ANALYZE cases");
  return a.id;
}

/** The module's K2 query, written by hand: one statement, literal values. */
function handK2(agencyId: string, from: string, to: string, certs: string[], asOf: string): string {
  return `SELECT channel, extract(quarter FROM received_at AT TIME ZONE '${TZ}')::int AS quarter, count(*)::int AS n,
    count(*) FILTER (WHERE outcome IS DISTINCT FROM 'withdrawn' AND (coalesce(decided_at, closed_at) IS NOT NULL OR due_at < '${asOf}'))::int AS due,
    count(*) FILTER (WHERE outcome IS DISTINCT FROM 'withdrawn' AND coalesce(decided_at, closed_at) <= due_at)::int AS on_time
  FROM cases WHERE agency_id = '${agencyId}' AND kind = 'petition' AND received_at >= '${from}' AND received_at < '${to}'
    AND sub_kind IN (${certs.map((c) => `'${c}'`).join(", ")}) AND outcome IN ('granted', 'partly')
  GROUP BY 1, 2`;
}

function handK3(agencyId: string, from: string, to: string, asOf: string): string {
  return `SELECT sub_kind, channel, count(*)::int AS n,
    count(*) FILTER (WHERE outcome IS DISTINCT FROM 'withdrawn' AND (coalesce(decided_at, closed_at) IS NOT NULL OR due_at < '${asOf}'))::int AS due,
    count(*) FILTER (WHERE outcome IS DISTINCT FROM 'withdrawn' AND coalesce(decided_at, closed_at) <= due_at)::int AS on_time
  FROM cases WHERE agency_id = '${agencyId}' AND kind = 'petition' AND received_at >= '${from}' AND received_at < '${to}'
  GROUP BY 1, 2`;
}

async function time(rounds: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up (plan cache, buffers)
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) await fn();
  return (performance.now() - t0) / rounds;
}

async function benchTarget(database: Database, n: number, rounds: number) {
  const t0 = performance.now();
  const agencyId = await seed(database, n);
  const seedMs = performance.now() - t0;
  registerCivilTables();
  const asOf = new Date("2026-03-01T00:00:00Z");
  const year = statisticsPeriod({ year: 2025 }, TZ, asOf);
  const q3 = statisticsPeriod({ year: 2025, quarter: 3 }, TZ, asOf);
  const certs = codesOf(lookupOf(SEED_003_PETITION_TYPES), "certificate");
  const iso = (ms: number) => new Date(ms).toISOString();
  const out: Record<string, number> = { seedMs };
  for (const [name, id, p, hand] of [
    [
      "k2_year",
      "k2",
      year,
      handK2(agencyId, iso(year.range.from), iso(year.range.to), certs, asOf.toISOString()),
    ],
    [
      "k3_quarter",
      "k3-channel",
      q3,
      handK3(agencyId, iso(q3.range.from), iso(q3.range.to), asOf.toISOString()),
    ],
  ] as const) {
    const def = statisticsTable(id);
    if (!def) throw new Error(`table ${id} not registered`);
    const check = await def.load(database.db, agencyId, p);
    if (!check.rows.some((r) => (r.cells[0] ?? 0) > 0)) throw new Error(`${id}: empty table`);
    const moduleMs = await time(rounds, () => def.load(database.db, agencyId, p));
    const handMs = await time(rounds, () => database.query(hand));
    out[`${name}_module_ms`] = Math.round(moduleMs * 10) / 10;
    out[`${name}_sql_ms`] = Math.round(handMs * 10) / 10;
    out[`${name}_ratio`] = Math.round((handMs / moduleMs) * 100) / 100;
  }
  return out;
}

async function postgresUrl(): Promise<string | null> {
  const url =
    process.env.BENCH_DATABASE_URL ??
    process.env.PG_TEST_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/test";
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.end();
    return url;
  } catch {
    return null;
  }
}

export async function run(opts: { quick: boolean }): Promise<Record<string, number | string>> {
  const n = opts.quick ? 50_000 : 1_000_000;
  const rounds = opts.quick ? 5 : 10;
  const out: Record<string, number | string> = { petitions: n };
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
      open: () => openDatabase({ url, schema, poolSize: 5 }),
      drop: async (d) => {
        await d.query(`DROP SCHEMA ${schema} CASCADE`);
        await d.close();
      },
    });
  } else out.postgres = "unavailable";
  for (const t of targets) {
    const database = await t.open();
    try {
      await migrate(database);
      const r = await benchTarget(database, n, rounds);
      console.log(`${t.name.padEnd(8)} seeded ${n} petitions in ${(r.seedMs / 1000).toFixed(1)} s`);
      for (const k of ["k2_year", "k3_quarter"]) {
        console.log(
          `${t.name.padEnd(8)} ${k.padEnd(10)} module ${r[`${k}_module_ms`]} ms vs hand SQL ${r[`${k}_sql_ms`]} ms -> ratio ${r[`${k}_ratio`]} (target >= 0.7)`,
        );
        out[`${t.name}_${k}_ratio`] = r[`${k}_ratio`];
        out[`${t.name}_${k}_module_ms`] = r[`${k}_module_ms`];
        out[`${t.name}_${k}_sql_ms`] = r[`${k}_sql_ms`];
      }
    } finally {
      await t.drop(database);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run({ quick: process.argv.includes("--quick") }).then((r) => console.log(JSON.stringify(r)));
}
