// Incident scope over a large ledger (issue 13): the module's scope query vs the bare indexed SQL, on
// PostgreSQL only (PGlite is skipped: 10 M rows are beyond the embedded database's purpose). Rows go into a
// separate schema with generate_series, bypassing the hash chain, so no real chain is touched.

import { scopeQuery } from "@civicpims/server/modules/incidents/scope";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";

export async function run({ quick = false }: { quick?: boolean } = {}) {
  // The same PostgreSQL the other benchmarks use (CI exports PG_TEST_URL), else the local test server.
  const url =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    process.env.PG_TEST_URL ??
    "postgres://postgres@127.0.0.1:5432/test";
  console.log("incident-scope: PGlite skipped (PostgreSQL only)");
  const n = quick ? 300_000 : 10_000_000;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    console.log("incident-scope: PostgreSQL does not answer, skipped");
    return { skipped: true };
  }
  try {
    await client.query("DROP SCHEMA IF EXISTS bench_incident CASCADE");
    await client.query("CREATE SCHEMA bench_incident");
    await client.query("SET search_path TO bench_incident");
    // The ledger table's columns and the indexes of the migrations (not its append-only triggers).
    await client.query(`CREATE TABLE ledger_entries (
      seq bigint PRIMARY KEY, occurred_at timestamptz(3) NOT NULL, agency_id uuid, actor_id uuid, actor_label text,
      client_ip text, user_agent text, action text NOT NULL, resource_type text, resource_id text, subject_ref text,
      purpose text, result text NOT NULL, details jsonb, prev_hash text NOT NULL, hash text NOT NULL)`);
    for (const ix of [
      "CREATE INDEX ledger_agency_time ON ledger_entries (agency_id, occurred_at)",
      "CREATE INDEX ledger_actor ON ledger_entries (actor_id)",
      "CREATE INDEX ledger_subject ON ledger_entries (subject_ref)",
      "CREATE INDEX ledger_action ON ledger_entries (action)",
      "CREATE INDEX ledger_resource_time ON ledger_entries (resource_id, occurred_at)",
    ])
      await client.query(ix);
    const agency = "11111111-1111-4111-8111-111111111111";
    const t0 = Date.now();
    // 2,000 resources, 500 actors, one year of entries; resource r0001..r0005 are the incident's files.
    await client.query(
      `INSERT INTO ledger_entries (seq, occurred_at, agency_id, actor_id, actor_label, action, resource_type,
         resource_id, result, prev_hash, hash)
       SELECT g, timestamptz '2025-01-01' + (g % 31536000) * interval '1 second', $1::uuid,
              ('00000000-0000-4000-8000-' || lpad((g % 500)::text, 12, '0'))::uuid, 'actor' || (g % 500),
              CASE WHEN g % 10 = 0 THEN 'registry.xlsx.export' ELSE 'registry.file.read' END, 'registry_file',
              'r' || lpad((g % 2000)::text, 4, '0'), 'ok', '', ''
         FROM generate_series(1, $2::int) g`,
      [agency, n],
    );
    await client.query("ANALYZE ledger_entries");
    console.log(`incident-scope: inserted ${n.toLocaleString("en")} entries in ${Date.now() - t0} ms`);
    const ids = ["r0001", "r0002", "r0003", "r0004", "r0005"];
    const from = new Date("2025-03-01T00:00:00Z");
    const to = new Date("2025-09-01T00:00:00Z");
    const db = drizzle(client);
    const time = async (f: () => Promise<unknown>) => {
      await f();
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const s = process.hrtime.bigint();
        await f();
        runs.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      return runs.sort((a, b) => a - b)[2];
    };
    const ours = await time(() => scopeQuery(db as never, agency, ids, from, to));
    const bare = await time(() =>
      client.query(
        `SELECT actor_id, count(*) FROM ledger_entries
          WHERE resource_id = ANY($1::text[]) AND occurred_at >= $2 AND occurred_at < $3 AND agency_id = $4
          GROUP BY actor_id`,
        [ids, from, to, agency],
      ),
    );
    // The same answer written by hand (reads/exports apart, first/last, label): what the module's overhead
    // over SQL is, as against the bare grouping above, which answers a smaller question.
    const same = await time(() =>
      client.query(
        `SELECT actor_id, max(actor_label), count(*) FILTER (WHERE action LIKE ANY (ARRAY['%export%','%download%','%xlsx%','%print%'])),
                count(*), min(occurred_at), max(occurred_at)
           FROM ledger_entries
          WHERE resource_id = ANY($1::text[]) AND occurred_at >= $2 AND occurred_at < $3 AND agency_id = $4
            AND result = 'ok'
          GROUP BY actor_id ORDER BY 4 DESC, actor_id`,
        [ids, from, to, agency],
      ),
    );
    const ratio = bare / ours;
    console.log(
      `incident-scope (PostgreSQL, ${n.toLocaleString("en")} entries): ours ${ours.toFixed(1)} ms, bare ${bare.toFixed(1)} ms, ratio bare/ours ${ratio.toFixed(2)} (target >= 0.7); same aggregate by hand ${same.toFixed(1)} ms, ratio ${(same / ours).toFixed(2)}`,
    );
    return { entries: n, oursMs: ours, bareMs: bare, sameMs: same, ratio, sameRatio: same / ours };
  } finally {
    await client.query("DROP SCHEMA IF EXISTS bench_incident CASCADE").catch(() => {});
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run({ quick: process.argv.includes("--quick") }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
