import { createPublicKey, sign, verify } from "node:crypto";
import {
  canonicalJson,
  checkLink,
  checkpointPayload,
  GENESIS_HASH,
  hashEntry,
  type LedgerEntry,
  type LedgerEntryContent,
} from "@civicpims/core/audit/index";
import { sql } from "drizzle-orm";
import type { Database, Queryable } from "../../db/client";
import type { Secrets } from "../../security/keys";

/** What a caller supplies; the ledger fills in seq, time, chain links. */
export type LedgerInput = Partial<Omit<LedgerEntryContent, "seq" | "prevHash" | "occurredAt" | "action">> & {
  action: string;
  occurredAt?: Date;
};

/** Any fixed number; every appender in every instance serialises on it. */
const LEDGER_LOCK = 7_402_113;

type Rows<T> = { rows: T[] };
async function rows<T>(q: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await q.execute(query)) as unknown as Rows<T>).rows;
}

export interface LedgerOptions {
  secrets: Pick<Secrets, "ledgerPrivateKey" | "ledgerPublicKey" | "ledgerKeyId">;
  checkpointEvery: number;
}

/**
 * Appends entries inside the caller's transaction, so an audit entry commits with the change it
 * records (or not at all). An advisory transaction lock makes concurrent appenders, across any
 * number of instances, take turns at the chain head; the lock is held only for the tail of the
 * transaction because callers append last.
 */
export async function appendLedger(
  tx: Queryable,
  inputs: LedgerInput[],
  opts: LedgerOptions,
): Promise<LedgerEntry[]> {
  if (inputs.length === 0) return [];
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LEDGER_LOCK})`);
  const head = await rows<{ seq: string | number; hash: string }>(
    tx,
    sql`SELECT seq, hash FROM ledger_entries ORDER BY seq DESC LIMIT 1`,
  );
  let seq = head.length ? Number(head[0].seq) : 0;
  let prevHash = head.length ? head[0].hash : GENESIS_HASH;
  const startSeq = seq;
  const now = Date.now();
  const entries: LedgerEntry[] = inputs.map((i) => {
    seq += 1;
    const content: LedgerEntryContent = {
      seq,
      // Millisecond precision: the column keeps exactly what was hashed.
      occurredAt: new Date(i.occurredAt ? i.occurredAt.getTime() : now).toISOString(),
      agencyId: i.agencyId ?? null,
      actorId: i.actorId ?? null,
      actorLabel: i.actorLabel ?? null,
      clientIp: i.clientIp ?? null,
      userAgent: i.userAgent ? i.userAgent.slice(0, 300) : null,
      action: i.action,
      resourceType: i.resourceType ?? null,
      resourceId: i.resourceId ?? null,
      subjectRef: i.subjectRef ?? null,
      purpose: i.purpose ?? null,
      result: i.result ?? "ok",
      details: i.details ? (JSON.parse(canonicalJson(i.details)) as Record<string, unknown>) : null,
      prevHash,
    };
    const hash = hashEntry(content);
    prevHash = hash;
    return { ...content, hash };
  });
  const values = entries.map(
    (e) =>
      sql`(${e.seq}, ${e.occurredAt}, ${e.agencyId}, ${e.actorId}, ${e.actorLabel}, ${e.clientIp}, ${e.userAgent},
        ${e.action}, ${e.resourceType}, ${e.resourceId}, ${e.subjectRef}, ${e.purpose}, ${e.result},
        ${e.details === null ? null : JSON.stringify(e.details)}::jsonb, ${e.prevHash}, ${e.hash})`,
  );
  await tx.execute(sql`INSERT INTO ledger_entries (seq, occurred_at, agency_id, actor_id, actor_label, client_ip,
    user_agent, action, resource_type, resource_id, subject_ref, purpose, result, details, prev_hash, hash)
    VALUES ${sql.join(values, sql`, `)}`);
  const last = entries[entries.length - 1];
  if (Math.floor(last.seq / opts.checkpointEvery) > Math.floor(startSeq / opts.checkpointEvery)) {
    await writeCheckpoint(tx, { seq: last.seq, hash: last.hash }, opts);
  }
  return entries;
}

export interface Checkpoint {
  seq: number;
  hash: string;
  createdAt: string;
  keyId: string;
  publicKey: string;
  signature: string;
}

export async function writeCheckpoint(
  tx: Queryable,
  head: { seq: number; hash: string },
  opts: Pick<LedgerOptions, "secrets">,
): Promise<Checkpoint> {
  const cp = {
    seq: head.seq,
    hash: head.hash,
    createdAt: new Date().toISOString(),
    keyId: opts.secrets.ledgerKeyId,
  };
  const signature = sign(null, Buffer.from(checkpointPayload(cp)), opts.secrets.ledgerPrivateKey).toString(
    "base64",
  );
  const publicKey = opts.secrets.ledgerPublicKey.export({ type: "spki", format: "pem" }).toString();
  await tx.execute(sql`INSERT INTO ledger_checkpoints (seq, hash, created_at, key_id, public_key, signature)
    VALUES (${cp.seq}, ${cp.hash}, ${cp.createdAt}, ${cp.keyId}, ${publicKey}, ${signature})
    ON CONFLICT (seq) DO NOTHING`);
  return { ...cp, publicKey, signature };
}

/** Time-based checkpoint: signs the head if it moved since the last checkpoint. Run by a timer. */
export async function checkpointIfStale(database: Database, opts: LedgerOptions): Promise<Checkpoint | null> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LEDGER_LOCK})`);
    const head = await rows<{ seq: string; hash: string }>(
      tx,
      sql`SELECT seq, hash FROM ledger_entries ORDER BY seq DESC LIMIT 1`,
    );
    if (!head.length) return null;
    const lastCp = await rows<{ seq: string }>(tx, sql`SELECT max(seq) AS seq FROM ledger_checkpoints`);
    if (lastCp[0]?.seq !== null && Number(lastCp[0]?.seq) >= Number(head[0].seq)) return null;
    return writeCheckpoint(tx, { seq: Number(head[0].seq), hash: head[0].hash }, opts);
  });
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  checkpoints: number;
  firstBadSeq?: number;
  reason?: string;
}

interface RawEntryRow {
  seq: string | number;
  occurred_at: Date | string;
  agency_id: string | null;
  actor_id: string | null;
  actor_label: string | null;
  client_ip: string | null;
  user_agent: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  subject_ref: string | null;
  purpose: string | null;
  result: "ok" | "denied" | "failed";
  details: Record<string, unknown> | string | null;
  prev_hash: string;
  hash: string;
}

export function rowToEntry(r: RawEntryRow): LedgerEntry {
  return {
    seq: Number(r.seq),
    occurredAt: new Date(r.occurred_at).toISOString(),
    agencyId: r.agency_id,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    clientIp: r.client_ip,
    userAgent: r.user_agent,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    subjectRef: r.subject_ref,
    purpose: r.purpose,
    result: r.result,
    details: typeof r.details === "string" ? JSON.parse(r.details) : r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * Walks the whole chain in seq order (pages of `pageSize`) and every checkpoint. Reports the first
 * broken entry. With `trustedPublicKey`, checkpoints must be signed by that key: a rewritten chain
 * re-signed with another key is caught.
 */
export async function verifyLedger(
  database: Database,
  opts: { pageSize?: number; trustedPublicKey?: string } = {},
): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 5000;
  let prev: { seq: number; hash: string } | null = null;
  let count = 0;
  const hashes = new Map<number, string>();
  const cps = await database.query<{
    seq: string;
    hash: string;
    created_at: Date | string;
    key_id: string;
    public_key: string;
    signature: string;
  }>("SELECT seq, hash, created_at, key_id, public_key, signature FROM ledger_checkpoints ORDER BY seq");
  const cpSeqs = new Set(cps.map((c) => Number(c.seq)));
  for (;;) {
    const page = await database.query<RawEntryRow>(
      `SELECT seq, occurred_at, agency_id, actor_id, actor_label, client_ip, user_agent, action, resource_type,
        resource_id, subject_ref, purpose, result, details, prev_hash, hash
       FROM ledger_entries WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [prev?.seq ?? 0, pageSize],
    );
    if (!page.length) break;
    for (const r of page) {
      const e = rowToEntry(r);
      const problem = checkLink(prev, e);
      if (problem)
        return {
          ok: false,
          count,
          checkpoints: cps.length,
          firstBadSeq: problem.seq,
          reason: problem.reason,
        };
      if (cpSeqs.has(e.seq)) hashes.set(e.seq, e.hash);
      prev = { seq: e.seq, hash: e.hash };
      count++;
    }
  }
  for (const c of cps) {
    const seq = Number(c.seq);
    const fail = (reason: string): VerifyResult => ({
      ok: false,
      count,
      checkpoints: cps.length,
      firstBadSeq: seq,
      reason,
    });
    if (opts.trustedPublicKey && normalisePem(c.public_key) !== normalisePem(opts.trustedPublicKey)) {
      return fail(`checkpoint at seq ${seq} is signed by an untrusted key`);
    }
    const payload = checkpointPayload({
      seq,
      hash: c.hash,
      createdAt: new Date(c.created_at).toISOString(),
      keyId: c.key_id,
    });
    const good = verify(
      null,
      Buffer.from(payload),
      createPublicKey(c.public_key),
      Buffer.from(c.signature, "base64"),
    );
    if (!good) return fail(`checkpoint signature at seq ${seq} is invalid`);
    const actual = hashes.get(seq);
    if (actual === undefined)
      return fail(`checkpoint at seq ${seq} points past the end of the chain (entries removed)`);
    if (actual !== c.hash) return fail(`entry ${seq} differs from its signed checkpoint`);
  }
  return { ok: true, count, checkpoints: cps.length };
}

function normalisePem(pem: string): string {
  return pem.replace(/\s+/g, "");
}

/** All checkpoints plus the public key, for keeping outside the database. */
export async function exportCheckpoints(database: Database): Promise<Checkpoint[]> {
  const cps = await database.query<{
    seq: string;
    hash: string;
    created_at: Date | string;
    key_id: string;
    public_key: string;
    signature: string;
  }>("SELECT * FROM ledger_checkpoints ORDER BY seq");
  return cps.map((c) => ({
    seq: Number(c.seq),
    hash: c.hash,
    createdAt: new Date(c.created_at).toISOString(),
    keyId: c.key_id,
    publicKey: c.public_key,
    signature: c.signature,
  }));
}
