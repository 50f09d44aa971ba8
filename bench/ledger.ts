// Ledger benchmarks (issue 4), printed as ratios against baselines measured in the same run:
//  1. append throughput (batched, hash-chained, advisory-locked, signed checkpoints every 1,000)
//     vs a plain batched INSERT of the same rows into an unchained table, on PGlite and (when
//     PostgreSQL answers at BENCH_DATABASE_URL or 127.0.0.1:5432/test) on PostgreSQL. Target >= 0.5.
//  2. verify throughput (read back + canonical JSON + SHA-256 + link checks) vs raw SHA-256 over the
//     same canonical bytes in Node. Target >= 0.3.
// Usage: node --import tsx bench/ledger.ts [--quick]
import { createHash, randomBytes } from "node:crypto";
import { canonicalEntry, checkLink } from "@civicpims/core/audit/index";
import { type Database, openDatabase } from "@civicpims/server/db/client";
import { migrate } from "@civicpims/server/db/migrate";
import {
  appendLedger,
  type LedgerInput,
  rowToEntry,
  verifyLedger,
} from "@civicpims/server/modules/audit/ledger.service";
import { ephemeralSecrets } from "@civicpims/server/security/keys";
import { sql } from "drizzle-orm";
import pg from "pg";

const secrets = ephemeralSecrets();
const BATCH = 100;

function makeBatch(b: number): LedgerInput[] {
  return Array.from({ length: BATCH }, (_, i) => ({
    action: "registry.file.read",
    agencyId: "00000000-0000-4000-8000-000000000001",
    actorId: "00000000-0000-4000-8000-000000000002",
    actorLabel: "handler.park",
    clientIp: "127.0.0.1",
    userAgent: "Mozilla/5.0 (bench)",
    resourceType: "registry_file",
    resourceId: `file-${b}-${i}`,
    subjectRef: randomBytes(16).toString("hex"),
    purpose: "rights request R-2026-0001",
    result: "ok" as const,
    details: { batch: b, i },
  }));
}

async function plainInsert(database: Database, rows: LedgerInput[], startSeq: number) {
  await database.db.transaction(async (tx) => {
    const values = rows.map(
      (e, i) =>
        sql`(${startSeq + i}, ${new Date().toISOString()}, ${e.agencyId}, ${e.actorId}, ${e.actorLabel}, ${e.clientIp},
          ${e.userAgent}, ${e.action}, ${e.resourceType}, ${e.resourceId}, ${e.subjectRef}, ${e.purpose}, ${e.result},
          ${JSON.stringify(e.details)}::jsonb, ${"0".repeat(64)}, ${"1".repeat(64)})`,
    );
    await tx.execute(sql`INSERT INTO plain_rows (seq, occurred_at, agency_id, actor_id, actor_label, client_ip, user_agent,
      action, resource_type, resource_id, subject_ref, purpose, result, details, prev_hash, hash)
      VALUES ${sql.join(values, sql`, `)}`);
  });
}

async function appendBench(database: Database, batches: number) {
  await database.query("CREATE TABLE IF NOT EXISTS plain_rows (LIKE ledger_entries INCLUDING DEFAULTS)");
  const data = Array.from({ length: batches }, (_, b) => makeBatch(b));
  // Warm-up both paths once.
  await plainInsert(database, data[0], 1_000_000);
  await database.db.transaction((tx) => appendLedger(tx, data[0], { secrets, checkpointEvery: 1000 }));
  // Alternate rounds so machine noise hits both sides alike.
  let plainMs = 0;
  let ledgerMs = 0;
  for (let b = 1; b < batches; b++) {
    let t = performance.now();
    await plainInsert(database, data[b], b * BATCH);
    plainMs += performance.now() - t;
    t = performance.now();
    await database.db.transaction((tx) => appendLedger(tx, data[b], { secrets, checkpointEvery: 1000 }));
    ledgerMs += performance.now() - t;
  }
  const rows = (batches - 1) * BATCH;
  return {
    plainPerSec: (rows / plainMs) * 1000,
    ledgerPerSec: (rows / ledgerMs) * 1000,
    ratio: plainMs / ledgerMs,
  };
}

async function verifyBench(database: Database) {
  // End to end: what `civicpims verify-ledger` does (read every page, rebuild, hash, link, checkpoints).
  const t0 = performance.now();
  const r = await verifyLedger(database);
  const verifyMs = performance.now() - t0;
  if (!r.ok) throw new Error(`chain invalid: ${r.reason}`);
  // The chain check alone over entries already in memory, vs raw SHA-256 over the same canonical bytes.
  const rows = await database.query<Parameters<typeof rowToEntry>[0]>(
    "SELECT * FROM ledger_entries ORDER BY seq",
  );
  const entries = rows.map(rowToEntry);
  const payloads = entries.map(({ hash: _h, ...c }) => Buffer.from(canonicalEntry(c)));
  const bytes = payloads.reduce((n, p) => n + p.length, 0);
  let best = { check: Number.POSITIVE_INFINITY, sha: Number.POSITIVE_INFINITY };
  for (let round = 0; round < 5; round++) {
    let t = performance.now();
    let prev: { seq: number; hash: string } | null = null;
    for (const e of entries) {
      if (checkLink(prev, e)) throw new Error("broken");
      prev = e;
    }
    const check = performance.now() - t;
    t = performance.now();
    for (const p of payloads) createHash("sha256").update(p).digest("hex");
    const sha = performance.now() - t;
    best = { check: Math.min(best.check, check), sha: Math.min(best.sha, sha) };
  }
  const mb = bytes / 1e6;
  return {
    entries: r.count,
    mb,
    endToEndMBs: mb / (verifyMs / 1000),
    checkMBs: mb / (best.check / 1000),
    shaMBs: mb / (best.sha / 1000),
    ratio: best.sha / best.check,
    endToEndRatio: best.sha / verifyMs,
  };
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
  const batches = opts.quick ? 30 : 200;
  const out: Record<string, number | string> = {};
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
    await migrate(database);
    const a = await appendBench(database, batches);
    const v = await verifyBench(database);
    await t.drop(database);
    console.log(
      `${t.name.padEnd(8)} append: ledger ${a.ledgerPerSec.toFixed(0)}/s vs plain INSERT ${a.plainPerSec.toFixed(0)}/s -> ratio ${a.ratio.toFixed(2)} (target >= 0.5)`,
    );
    console.log(
      `${t.name.padEnd(8)} verify: ${v.entries} entries (${v.mb.toFixed(1)} MB): chain check ${v.checkMBs.toFixed(0)} MB/s vs raw SHA-256 ${v.shaMBs.toFixed(0)} MB/s -> ratio ${v.ratio.toFixed(2)} (target >= 0.3); ` +
        `end to end incl. database read ${v.endToEndMBs.toFixed(1)} MB/s -> ratio ${v.endToEndRatio.toFixed(3)}`,
    );
    out[`${t.name}_append_ratio`] = Number(a.ratio.toFixed(3));
    out[`${t.name}_verify_ratio`] = Number(v.ratio.toFixed(3));
    out[`${t.name}_verify_end_to_end_ratio`] = Number(v.endToEndRatio.toFixed(3));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run({ quick: process.argv.includes("--quick") }).then((r) => console.log(JSON.stringify(r)));
}
