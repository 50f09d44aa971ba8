// Register list benchmark (issue 5): the staff list API (session check, permission, agency scope, filter +
// sort + page, JSON response) over N files vs the equivalent hand-written SQL (count + page query with the
// unit join) through the same driver. Ratio = SQL time / API time; target >= 0.5.
// Runs on PGlite and, when it answers (BENCH_DATABASE_URL or 127.0.0.1:5432/test), on PostgreSQL.
// Usage: node --import tsx bench/registry-list.ts [--quick]
import { registryLists } from "@civicpims/core/registry/lists";
import { units } from "@civicpims/server/db/schema/index";
import { agencyInfo } from "@civicpims/server/modules/registry/context";
import { bulkCreateFiles } from "@civicpims/server/modules/registry/files.service";
import type { RegCtx } from "@civicpims/server/modules/registry/registry-context";
import { createTestApp, type TestApp } from "@civicpims/server/test-support/app";
import { benchFile, median, postgresUrl } from "./registry-fixtures";

async function bench(t: TestApp, n: number, iterations: number) {
  const db = t.deps.database.db;
  const agencyId = t.a.id;
  const more = await db
    .insert(units)
    .values(Array.from({ length: 9 }, (_, i) => ({ agencyId, code: `b${i}`, nameLocal: `부서${i}` })))
    .returning({ id: units.id });
  const unitIds = [t.a.unitId, ...more.map((u) => u.id)];
  const agency = await agencyInfo(db, agencyId);
  await db.transaction(async (tx) => {
    const ctx: RegCtx = {
      tx,
      agencyId,
      agency,
      lists: registryLists("KR"),
      today: "2026-01-01",
      locale: "ko",
      actor: { agencyId, actorId: null, actorLabel: "bench" },
    };
    await bulkCreateFiles(
      ctx,
      Array.from({ length: n }, (_, i) => benchFile(i, unitIds, [])),
    );
  });
  await t.deps.database.query("ANALYZE registry_files");
  const headers = await t.as("privacy_officer");
  const unitId = unitIds[3];
  const pageSize = 50;
  const page = 2;
  const url = `/api/registry/files?unitId=${unitId}&public=true&sort=name&page=${page}&pageSize=${pageSize}`;
  const countSql =
    "SELECT count(*)::int AS n FROM registry_files WHERE agency_id = $1 AND unit_id = $2 AND is_public = true";
  const pageSql = `SELECT f.*, u.code AS unit_code, u.name_local AS unit_name FROM registry_files f LEFT JOIN units u ON u.id = f.unit_id
    WHERE f.agency_id = $1 AND f.unit_id = $2 AND f.is_public = true ORDER BY f.name, f.id LIMIT $3 OFFSET $4`;
  // The response body is produced (serialised) by the API but not parsed by the benchmark client.
  const api = async () => {
    const res = await t.inject({ method: "GET", url, headers });
    if (res.statusCode !== 200) throw new Error(res.body);
    return res;
  };
  const hand = async () => {
    const [c] = await t.deps.database.query<{ n: number }>(countSql, [agencyId, unitId]);
    const rows = await t.deps.database.query(pageSql, [agencyId, unitId, pageSize, (page - 1) * pageSize]);
    return { items: rows, total: c.n };
  };
  const a0 = (await api()).json() as { items: unknown[]; total: number };
  const h0 = await hand();
  if (a0.total !== h0.total || a0.items.length !== h0.items.length)
    throw new Error(`API and SQL disagree: ${a0.total}/${h0.total}`);
  for (let i = 0; i < 20; i++) {
    await api();
    await hand();
  }
  const apiTimes: number[] = [];
  const sqlTimes: number[] = [];
  // Interleaved rounds so background load hits both alike.
  for (let r = 0; r < 5; r++) {
    let t0 = performance.now();
    for (let i = 0; i < iterations; i++) await api();
    apiTimes.push((performance.now() - t0) / iterations);
    t0 = performance.now();
    for (let i = 0; i < iterations; i++) await hand();
    sqlTimes.push((performance.now() - t0) / iterations);
  }
  return { api: median(apiTimes), sql: median(sqlTimes), total: a0.total };
}

export async function run(opts: { quick: boolean }): Promise<Record<string, number | string>> {
  const n = opts.quick ? 1500 : 5000;
  const iterations = opts.quick ? 30 : 100;
  const out: Record<string, number | string> = { files: n };
  const targets: Array<"pglite" | "postgres"> = ["pglite"];
  const pgUrl = await postgresUrl();
  if (pgUrl) targets.push("postgres");
  else out.postgres = "unavailable";
  const saved = process.env.TEST_DATABASE_URL;
  for (const target of targets) {
    if (target === "postgres") process.env.TEST_DATABASE_URL = pgUrl as string;
    else delete process.env.TEST_DATABASE_URL;
    const t = await createTestApp();
    try {
      const r = await bench(t, n, iterations);
      const ratio = r.sql / r.api;
      console.log(
        `${target.padEnd(8)} registry list: ${n} files, filter unit+public (${r.total} match), page 2 of 50: API ${r.api.toFixed(2)} ms/request vs hand-written SQL ${r.sql.toFixed(2)} ms -> ratio ${ratio.toFixed(2)} (target >= 0.5)`,
      );
      out[`${target}_api_ms`] = Number(r.api.toFixed(2));
      out[`${target}_sql_ms`] = Number(r.sql.toFixed(2));
      out[`${target}_ratio`] = Number(ratio.toFixed(3));
    } finally {
      await t.close();
    }
  }
  if (saved === undefined) delete process.env.TEST_DATABASE_URL;
  else process.env.TEST_DATABASE_URL = saved;
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run({ quick: process.argv.includes("--quick") }).then((r) => console.log(JSON.stringify(r)));
}
