// Public progress lookup under load (issue 12): POST /api/portal/progress (receipt number alone -> stage and
// unit) on the BUILT server (server/dist/main.mjs, rebuilt when missing or older than the sources), with
// 100,000 petitions (10,000 with --quick), hit by 200 concurrent clients on loopback for 20 s (50 clients for
// 5 s with --quick) through autocannon. Baseline in the same run: a bare Fastify server (its own process,
// like the built server, so neither shares the load generator's event loop) answering the same indexed
// lookup (agency code + number -> state, unit name) through the same driver on the same data, under the same
// load. Ratio = our requests/s / bare requests/s (target >= 0.5, 0 errors). Runs on PGlite and, when it
// answers, on PostgreSQL (BENCH_DATABASE_URL, PG_TEST_URL, TEST_DATABASE_URL or 127.0.0.1:5432/test).
//
// Unknown receipt numbers: the route counts them per client address (req.ip; the server does not trust
// X-Forwarded-For unless CIVICPIMS_TRUST_PROXY is set, and it is not set here) and answers 429 to every
// lookup from that address once 20 failed in the window. All load comes from 127.0.0.1, so the load itself
// uses known numbers only; a side client sends UNKNOWN (< 20) unknown numbers spread over the run, counted
// apart (each must be 404; a 429 would mean the throttle counted known numbers too).
// Usage: node --import tsx bench/progress-lookup.ts [--quick]
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase, pgliteDir } from "@civicpims/server/db/client";
import { migrate } from "@civicpims/server/db/migrate";
import autocannon from "autocannon";
import pg from "pg";

const AGENCY = "bench";
const UNITS = 20;
const UNKNOWN = 10;
const STATES = ["received", "in_review", "extended", "decided", "notified", "closed", "transferred"];
const numberOf = (i: number) => `MW-2025-${String(i).padStart(7, "0")}`;

async function seed(database: Database, n: number) {
  const [a] = await database.query<{ id: string }>(
    "INSERT INTO agencies (code, name_local, name_en, jurisdiction, time_zone, default_locale) VALUES ($1, '벤치시', 'Bench City', 'KR', 'Asia/Seoul', 'ko') RETURNING id",
    [AGENCY],
  );
  const units: string[] = [];
  for (let i = 0; i < UNITS; i++) {
    const [u] = await database.query<{ id: string }>(
      "INSERT INTO units (agency_id, code, name_local) VALUES ($1, $2, $3) RETURNING id",
      [a.id, `u${i}`, `민원과 ${i + 1}팀`],
    );
    units.push(u.id);
  }
  const states = `ARRAY[${STATES.map((x) => `'${x}'`).join(",")}]`;
  // Straight into cases (the progress search reads cases, agencies and units only); every tenth without a unit.
  for (let start = 1; start <= n; start += 50_000) {
    const end = Math.min(n, start + 49_999);
    await database.query(
      `INSERT INTO cases (agency_id, kind, number, state, channel, sub_kind, deadline_kind, received_at, due_at, original_due_at, unit_id)
       SELECT $1, 'petition', 'MW-2025-' || lpad(i::text, 7, '0'), (${states})[1 + (i * 7) % ${STATES.length}], 'online',
              'general', 'minwon', now() - ((i % 300) || ' days')::interval, now() + interval '7 days', now() + interval '7 days',
              CASE WHEN i % 10 = 0 THEN NULL ELSE ($2::uuid[])[1 + i % ${UNITS}] END
       FROM generate_series($3::int, $4::int) AS i`,
      [a.id, units, start, end],
    );
  }
  await database.query("ANALYZE cases");
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The built server, rebuilt when missing or older than its sources; else null (then the sources run via tsx). */
function builtServer(): string | null {
  const main = "server/dist/main.mjs";
  const stale = () =>
    !existsSync(main) ||
    statSync(main).mtimeMs < Math.max(newestMtime("server/src"), newestMtime("core/src"));
  if (stale()) spawnSync(process.execPath, ["scripts/build-server.mjs"], { stdio: "inherit" });
  return existsSync(main) ? main : null;
}

async function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}`);
    if (performance.now() - t0 > 60_000) throw new Error(`${args.join(" ")} not ready in 60 s`);
    try {
      const r = await fetch(`${base}/readyz`);
      if (r.status === 200) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** The baseline: bare Fastify, one route, the raw driver, no session/validation/transaction/throttle. */
function writeBare(dir: string): string {
  const file = join(dir, "bare.mjs");
  writeFileSync(
    file,
    `import Fastify from "${import.meta.resolve("fastify")}";
const { DB_URL, DB_SCHEMA, DB_DIR } = process.env;
const sql = \`SELECT c.state, u.name_local AS unit FROM agencies a
  JOIN cases c ON c.agency_id = a.id AND c.number = $2 AND c.kind = 'petition'
  LEFT JOIN units u ON u.id = c.unit_id AND u.agency_id = c.agency_id WHERE a.code = $1\`;
let query;
if (DB_URL) {
  const { default: pg } = await import("${import.meta.resolve("pg")}");
  // Same pool size as the server's (db/client.ts default).
  const pool = new pg.Pool({ connectionString: DB_URL, max: 10, options: "-c search_path=" + DB_SCHEMA });
  query = async (a, n) => (await pool.query(sql, [a, n])).rows;
} else {
  const { PGlite } = await import("${import.meta.resolve("@electric-sql/pglite")}");
  const { pg_trgm } = await import("${import.meta.resolve("@electric-sql/pglite/contrib/pg_trgm")}");
  const db = new PGlite(DB_DIR, { extensions: { pg_trgm } });
  await db.waitReady;
  query = async (a, n) => (await db.query(sql, [a, n])).rows;
}
const app = Fastify();
app.get("/readyz", async () => ({ status: "ready" }));
app.post("/api/portal/progress", async (req, reply) => {
  const rows = await query(req.body.agencyCode, String(req.body.receiptNumber).trim().toUpperCase());
  if (!rows.length) return reply.code(404).send({ error: "not found" });
  return { stage: rows[0].state, unit: rows[0].unit };
});
await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT) });
`,
  );
  return file;
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  unknown: string;
}

async function load(base: string, n: number, connections: number, seconds: number): Promise<LoadResult> {
  const body = () =>
    JSON.stringify({ agencyCode: AGENCY, receiptNumber: numberOf(1 + Math.floor(Math.random() * n)) });
  const opts = {
    url: `${base}/api/portal/progress`,
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }) }],
  };
  // Warm-up (JIT, plan caches, connections), not measured.
  await autocannon({ ...opts, connections, duration: 1 });
  // Unknown numbers from a side client, spread over the measured run.
  const unknownStatus = new Map<number, number>();
  const side = (async () => {
    for (let k = 0; k < UNKNOWN; k++) {
      await new Promise((r) => setTimeout(r, (seconds * 1000) / (UNKNOWN + 1)));
      const r = await fetch(opts.url, {
        method: "POST",
        headers: opts.headers,
        body: JSON.stringify({
          agencyCode: AGENCY,
          receiptNumber: `XX-2025-${randomBytes(4).toString("hex")}`,
        }),
      });
      await r.arrayBuffer();
      unknownStatus.set(r.status, (unknownStatus.get(r.status) ?? 0) + 1);
    }
  })();
  const r = await autocannon({ ...opts, connections, duration: seconds });
  await side;
  return {
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.non2xx + r.errors + r.timeouts,
    unknown: [...unknownStatus].map(([s, k]) => `${k}x${s}`).join(", "),
  };
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
  const n = opts.quick ? 10_000 : 100_000;
  const connections = opts.quick ? 50 : 200;
  const seconds = opts.quick ? 5 : 20;
  const main = builtServer();
  const serverArgs = main ? [main] : ["--import", "tsx", "server/src/main.ts"];
  const what = main ? "built server (server/dist/main.mjs)" : "server from sources via tsx (no build)";
  console.log(`${what}; ${n} petitions; ${connections} clients for ${seconds} s on loopback (autocannon)`);
  console.log(
    `load: known receipt numbers only; ${UNKNOWN} unknown numbers from a side client, counted apart`,
  );
  const out: Record<string, number | string> = { petitions: n, connections, seconds, server: what };
  const url = await postgresUrl();
  if (!url) out.postgres = "unavailable";
  const dir = mkdtempSync(join(tmpdir(), "civicpims-progress-"));
  const bare = writeBare(dir);
  try {
    for (const target of url ? ["pglite", "postgres"] : ["pglite"]) {
      const dataDir = join(dir, target);
      // Keys (session, field, ledger) for the server; the database is made below.
      spawnSync(process.execPath, ["cli/bin/civicpims.mjs", "init", "--data-dir", dataDir], {
        stdio: "ignore",
      });
      rmSync(pgliteDir(dataDir), { recursive: true, force: true });
      const schema = `bench_${randomBytes(4).toString("hex")}`;
      const database =
        target === "postgres"
          ? await openDatabase({ url: url as string, schema, poolSize: 5 })
          : await openDatabase({ dataDir: pgliteDir(dataDir) });
      const t0 = performance.now();
      await migrate(database);
      await seed(database, n);
      const seedS = (performance.now() - t0) / 1000;
      await database.close();
      const dbEnv = target === "postgres" ? { DATABASE_URL: url as string, CIVICPIMS_DB_SCHEMA: schema } : {};
      const results: Record<string, LoadResult> = {};
      try {
        for (const [name, args, env] of [
          ["ours", serverArgs, { CIVICPIMS_DATA_DIR: dataDir, ...dbEnv }],
          [
            "bare",
            [bare],
            target === "postgres"
              ? { DB_URL: url as string, DB_SCHEMA: schema }
              : { DB_DIR: pgliteDir(dataDir) },
          ],
        ] as const) {
          const { child, base } = await startChild([...args], env);
          try {
            results[name] = await load(base, n, connections, seconds);
          } finally {
            await stopChild(child);
          }
        }
      } finally {
        if (target === "postgres") {
          const c = new pg.Client({ connectionString: url as string });
          await c.connect();
          await c.query(`DROP SCHEMA ${schema} CASCADE`);
          await c.end();
        }
      }
      const ratio = results.ours.rps / results.bare.rps;
      console.log(`${target.padEnd(8)} seeded in ${seedS.toFixed(1)} s`);
      for (const [name, r] of Object.entries(results))
        console.log(
          `${target.padEnd(8)} ${name === "ours" ? "POST /api/portal/progress" : "bare Fastify route       "}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.requests} requests, ${r.errors} errors; unknown numbers: ${r.unknown}`,
        );
      console.log(
        `${target.padEnd(8)} throughput ratio ours/bare: ${ratio.toFixed(2)} (target >= 0.5, 0 errors)`,
      );
      for (const [name, r] of Object.entries(results)) {
        out[`${target}_${name}_rps`] = Math.round(r.rps);
        out[`${target}_${name}_p50_ms`] = r.p50;
        out[`${target}_${name}_p99_ms`] = r.p99;
        out[`${target}_${name}_errors`] = r.errors;
        out[`${target}_${name}_unknown`] = r.unknown;
      }
      out[`${target}_ratio`] = Math.round(ratio * 100) / 100;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run({ quick: process.argv.includes("--quick") }).then((r) => console.log(JSON.stringify(r)));
}
