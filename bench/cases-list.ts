// Case list benchmark (issue 6): GET /api/cases (session, permission check, zod query parsing, Drizzle queries
// for the page and the total counted up to 10,000, JSON) with 200,000 cases (20,000 with --quick) filtered by state, due date and unit, page of 50, against the
// equivalent hand-written SQL through the same driver, measured in the same process. Ratio = API throughput /
// SQL throughput (target >= 0.5). Runs on PGlite and, when it answers, on PostgreSQL
// (BENCH_DATABASE_URL or 127.0.0.1:5432/test).
// Usage: node --import tsx bench/cases-list.ts [--quick]
import { randomBytes } from "node:crypto";
import { loadConfig } from "@civicpims/server/config";
import { type Database, openDatabase } from "@civicpims/server/db/client";
import { migrate } from "@civicpims/server/db/migrate";
import { buildApp } from "@civicpims/server/http/app";
import type { AppDeps } from "@civicpims/server/http/deps";
import { createSession, SESSION_COOKIE } from "@civicpims/server/modules/auth/session.service";
import { ephemeralSecrets } from "@civicpims/server/security/keys";
import pg from "pg";

const UNITS = 10;
const STATES = [
  "received",
  "identity_check",
  "in_review",
  "waiting_requester",
  "extended",
  "decided",
  "notified",
  "closed",
  "withdrawn",
  "in_review",
];

async function seed(database: Database, n: number) {
  const [a] = await database.query<{ id: string }>(
    "INSERT INTO agencies (code, name_local, name_en, jurisdiction, time_zone, default_locale) VALUES ('bench', 'Bench', 'Bench', 'KR', 'Asia/Seoul', 'ko') RETURNING id",
  );
  const units: string[] = [];
  for (let i = 0; i < UNITS; i++) {
    const [u] = await database.query<{ id: string }>(
      "INSERT INTO units (agency_id, code, name_local) VALUES ($1, $2, $2) RETURNING id",
      [a.id, `u${i}`],
    );
    units.push(u.id);
  }
  const [s] = await database.query<{ id: string }>(
    "INSERT INTO staff (agency_id, unit_id, username, display_name) VALUES ($1, $2, 'po', 'PO') RETURNING id",
    [a.id, units[0]],
  );
  await database.query(
    "INSERT INTO role_assignments (agency_id, staff_id, role) VALUES ($1, $2, 'privacy_officer')",
    [a.id, s.id],
  );
  const states = `ARRAY[${STATES.map((x) => `'${x}'`).join(",")}]`;
  for (let start = 1; start <= n; start += 50_000) {
    const end = Math.min(n, start + 49_999);
    await database.query(
      `INSERT INTO cases (agency_id, kind, number, state, channel, sub_kind, deadline_kind, received_at, due_at, original_due_at, unit_id, subject_ref)
       SELECT $1, 'rights_request', 'RQ-2026-' || lpad(i::text, 7, '0'), (${states})[1 + (i * 7) % 10], 'online', 'access', 'pipa_access',
              now() - ((i % 400) || ' days')::interval, now() + (((i * 13) % 120) - 40 || ' days')::interval, now() + (((i * 13) % 120) - 40 || ' days')::interval,
              ($2::uuid[])[1 + i % ${UNITS}], md5(i::text)
       FROM generate_series($3::int, $4::int) AS i`,
      [a.id, units, start, end],
    );
  }
  await database.query("ANALYZE cases");
  return { agencyId: a.id, staffId: s.id, units };
}

interface Filter {
  name: string;
  qs: (u: string[]) => string;
  sql: (agencyId: string, u: string[]) => [string[], unknown[]];
}

const DUE_FROM = () => new Date(Date.now() - 10 * 86_400_000).toISOString();
const DUE_TO = () => new Date(Date.now() + 20 * 86_400_000).toISOString();
const CAP = 10_000;

/** The page and the capped count, as the repository does them, written by hand. */
const page = (where: string, offset: number): string[] => [
  `SELECT * FROM cases WHERE ${where} ORDER BY due_at, id LIMIT 50 OFFSET ${offset}`,
  `SELECT count(*) AS n FROM (SELECT 1 FROM cases WHERE ${where} LIMIT ${CAP + 1}) capped`,
];

const FILTERS: Filter[] = [
  {
    name: "state",
    qs: () => "state=in_review&pageSize=50",
    sql: (a) => [page("agency_id = $1 AND state IN ($2)", 0), [a, "in_review"]],
  },
  {
    name: "due",
    qs: () =>
      `dueFrom=${encodeURIComponent(DUE_FROM())}&dueTo=${encodeURIComponent(DUE_TO())}&pageSize=50&page=3`,
    sql: (a) => [page("agency_id = $1 AND due_at >= $2 AND due_at <= $3", 100), [a, DUE_FROM(), DUE_TO()]],
  },
  {
    name: "unit+state",
    qs: (u) => `unitId=${u[3]}&state=received,identity_check,in_review&pageSize=50`,
    sql: (a, u) => [
      page("agency_id = $1 AND state IN ($2, $3, $4) AND unit_id = $5", 0),
      [a, "received", "identity_check", "in_review", u[3]],
    ],
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function benchTarget(database: Database, n: number, rounds: number) {
  const t0 = performance.now();
  const { agencyId, staffId, units } = await seed(database, n);
  const seedMs = performance.now() - t0;
  const secrets = ephemeralSecrets();
  const config = loadConfig({}, { logLevel: "silent", dataDir: "/tmp/civicpims-bench-unused" });
  const deps: AppDeps = { config, database, secrets, ledger: { secrets, checkpointEvery: 1000 } };
  const app = await buildApp(deps, { webDist: null, logger: false });
  await app.ready();
  const session = await createSession(database.db, config, { agencyId, staffId, mfaPassed: true });
  const headers = { cookie: `${SESSION_COOKIE}=${session.token}` };
  const out: Record<string, number> = {};
  try {
    for (const f of FILTERS) {
      const api = async () => {
        const r = await app.inject({ method: "GET", url: `/api/cases?${f.qs(units)}`, headers });
        if (r.statusCode !== 200) throw new Error(`${f.name}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        return r.json().items.length as number;
      };
      const raw = async () => {
        const [[q, c], p] = f.sql(agencyId, units);
        const rows = await database.query(q, p);
        const [n] = await database.query<{ n: string }>(c, p);
        return JSON.stringify(rows).length > 0 && Number(n.n) >= 0 ? rows.length : 0;
      };
      // Same answer size both ways.
      const [na, ns] = [await api(), await raw()];
      if (na !== ns) throw new Error(`${f.name}: API returned ${na} rows, SQL ${ns}`);
      const apiT: number[] = [];
      const sqlT: number[] = [];
      for (let i = 0; i < rounds; i++) {
        // Interleaved so machine noise hits both sides alike.
        let s = performance.now();
        await raw();
        sqlT.push(performance.now() - s);
        s = performance.now();
        await api();
        apiT.push(performance.now() - s);
      }
      const ratio = median(sqlT) / median(apiT);
      out[`${f.name}_api_ms`] = Number(median(apiT).toFixed(2));
      out[`${f.name}_sql_ms`] = Number(median(sqlT).toFixed(2));
      out[`${f.name}_ratio`] = Number(ratio.toFixed(3));
    }
  } finally {
    await app.close();
  }
  return { seedMs, ...out } as Record<string, number>;
}

async function postgresUrl(): Promise<string | null> {
  const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
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
  const n = opts.quick ? 20_000 : 200_000;
  const rounds = opts.quick ? 15 : 60;
  const out: Record<string, number | string> = { cases: n };
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
      for (const f of FILTERS) {
        console.log(
          `${t.name.padEnd(8)} ${f.name.padEnd(10)} API ${r[`${f.name}_api_ms`]} ms vs SQL ${r[`${f.name}_sql_ms`]} ms per page -> ratio ${r[`${f.name}_ratio`]} (target >= 0.5)`,
        );
        out[`${t.name}_${f.name}_ratio`] = r[`${f.name}_ratio`];
        out[`${t.name}_${f.name}_api_ms`] = r[`${f.name}_api_ms`];
      }
      console.log(`${t.name.padEnd(8)} seeded ${n} cases in ${(r.seedMs / 1000).toFixed(1)} s`);
    } finally {
      await t.drop(database);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run({ quick: process.argv.includes("--quick") }).then((r) => console.log(JSON.stringify(r)));
}
