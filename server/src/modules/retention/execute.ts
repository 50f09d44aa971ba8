import { randomUUID } from "node:crypto";
import { certificateNumber } from "@civicpims/core/retention/index";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, conflict } from "../../http/errors";
import { appendLedger } from "../audit/ledger.service";
import { agencyInfo, rows, todayIn } from "./context";

export const BATCH_SIZE = 5_000;

interface PlanRow {
  id: string;
  agencyId: string;
  number: string;
  status: string;
  source: string;
  ownKind: string | null;
  fileId: string | null;
  unitId: string | null;
  methodCode: string | null;
  approvedBy: string | null;
  witness: string | null;
  reason: string | null;
}

/** Tables whose foreign keys point at `table` (without ON DELETE CASCADE), cached per process. */
const fkCache = new Map<string, Array<{ child: string; col: string; hasId: boolean }>>();
async function referencing(q: Queryable, table: string) {
  const hit = fkCache.get(table);
  if (hit) return hit;
  const r = await rows<{ child: string; col: string; hasId: boolean }>(
    q,
    sql`SELECT cl.relname AS child, a.attname AS col,
          EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = cl.oid AND x.attname = 'id' AND NOT x.attisdropped) AS "hasId"
        FROM pg_constraint c
        JOIN pg_class cl ON cl.oid = c.conrelid
        JOIN pg_class p ON p.oid = c.confrelid
        JOIN pg_namespace n ON n.oid = p.relnamespace AND n.nspname = current_schema()
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND p.relname = ${table} AND c.confdeltype <> 'c'`,
  );
  fkCache.set(table, r);
  return r;
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad identifier ${name}`);
  return sql.raw(`"${name}"`);
};
const uuidArray = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/** Crypto-shredding: the wrapped data key is destroyed and the body overwritten before the row goes. */
async function shredAttachments(q: Queryable, where: ReturnType<typeof sql>) {
  await q.execute(sql`UPDATE case_attachments SET wrapped_key = NULL, data = '\\x'::bytea WHERE ${where}`);
}

/** Deletes rows and, first, every row that references them (any depth): real deletion of CivicPIMS's rows. */
async function deleteDeep(
  q: Queryable,
  table: string,
  ids: string[],
  seen = new Set<string>(),
): Promise<void> {
  if (!ids.length) return;
  seen.add(table);
  for (const ref of await referencing(q, table)) {
    if (ref.child === "destruction_plan_items" || ref.child === "destruction_records") continue;
    if (ref.child === "case_attachments")
      await shredAttachments(q, sql`${ident(ref.col)} = ANY(${uuidArray(ids)})`);
    if (ref.hasId && !seen.has(ref.child) && (await referencing(q, ref.child)).length) {
      const childIds = (
        await rows<{ id: string }>(
          q,
          sql`SELECT id::text AS id FROM ${ident(ref.child)} WHERE ${ident(ref.col)} = ANY(${uuidArray(ids)})`,
        )
      ).map((r) => r.id);
      await deleteDeep(q, ref.child, childIds, new Set(seen));
    }
    if (ref.child !== table)
      await q.execute(sql`DELETE FROM ${ident(ref.child)} WHERE ${ident(ref.col)} = ANY(${uuidArray(ids)})`);
    else
      await q.execute(
        sql`UPDATE ${ident(table)} SET ${ident(ref.col)} = NULL WHERE ${ident(ref.col)} = ANY(${uuidArray(ids)})`,
      );
  }
  await q.execute(sql`DELETE FROM ${ident(table)} WHERE id = ANY(${uuidArray(ids)})`);
}

async function destroyTargets(q: Queryable, agencyId: string, type: string, ids: string[], today: string) {
  if (type === "record") {
    // Records stay in the register as destroyed with the date (K5 counts them by left_on).
    const r = await rows<{ n: number }>(
      q,
      sql`WITH u AS (UPDATE records SET status = 'destroyed', left_on = ${today}::date, version = version + 1, updated_at = now()
            WHERE agency_id = ${agencyId} AND id = ANY(${uuidArray(ids)}) AND status = 'destruction_pending' RETURNING 1)
          SELECT count(*)::int AS n FROM u`,
    );
    if (r[0].n !== ids.length) throw conflict("retention.target_changed");
  } else if (type === "case") {
    await q.execute(
      sql`DELETE FROM mail_outbox WHERE agency_id = ${agencyId} AND case_id = ANY(${uuidArray(ids)})`,
    );
    await deleteDeep(q, "cases", ids);
  } else if (type === "attachment") {
    await shredAttachments(q, sql`agency_id = ${agencyId} AND id = ANY(${uuidArray(ids)})`);
    await deleteDeep(q, "case_attachments", ids);
  } else if (type === "mail") {
    await q.execute(
      sql`DELETE FROM mail_outbox WHERE agency_id = ${agencyId} AND id = ANY(${uuidArray(ids)})`,
    );
  }
  // file_rows: the data lives in other systems; their deletion is proven by the tasks' evidence.
}

export interface ExecuteOptions {
  actorId: string;
  witness?: string | null | undefined;
  methodCode?: string | null | undefined;
  batchSize?: number;
  now?: Date;
  /** Test hook: runs inside each batch's transaction after the deletions, before the commit. */
  inBatch?: (batchNo: number) => Promise<void>;
}

/**
 * Runs ONE batch in ONE transaction: the deletions, the destruction record with its certificate number and
 * the ledger entry commit together or not at all, so a process killed mid-batch leaves either the whole
 * batch with its record or nothing of it. Returns null when nothing is left.
 */
export async function executeBatch(deps: AppDeps, agencyId: string, planId: string, opts: ExecuteOptions) {
  return deps.database.db.transaction(async (tx) => {
    const [plan] = await rows<PlanRow>(
      tx,
      sql`SELECT id, agency_id AS "agencyId", number, status, source, own_kind AS "ownKind", file_id AS "fileId",
            unit_id AS "unitId", method_code AS "methodCode", approved_by AS "approvedBy", witness, reason
          FROM destruction_plans WHERE id = ${planId} AND agency_id = ${agencyId} FOR UPDATE`,
    );
    if (!plan) throw new AppError(404, "retention.plan_not_found");
    if (plan.status === "done") return null;
    if (plan.status !== "approved") throw conflict("retention.not_approved");
    const method = opts.methodCode ?? plan.methodCode;
    if (!method) throw badRequest("retention.method_required");
    if (plan.source === "register") {
      const [open] = await rows<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM destruction_tasks WHERE plan_id = ${planId} AND kind = 'system_deletion' AND status = 'open'`,
      );
      if (open.n > 0) throw conflict("retention.tasks_open");
    }
    const a = await agencyInfo(tx, agencyId);
    const today = todayIn(a.tz, opts.now);
    // One set-based statement per batch (no ids travel to the client and back): take the batch and mark its items
    // destroyed with the record id known up front, move the records among them to "destroyed", and count the
    // active holds on any of them. A hold found rolls the whole transaction back (D3), so nothing is changed.
    // Only cases, attachments and mail come back as ids: they go through the deep delete and crypto-shredding.
    const recordId = randomUUID();
    const [batch] = await rows<{
      n: number;
      subjects: number;
      records: number;
      recordsDone: number;
      held: number;
      others: Array<{ t: string; id: string }> | null;
    }>(
      tx,
      sql`WITH b AS (SELECT id FROM destruction_plan_items WHERE plan_id = ${planId} AND status = 'pending'
                     ORDER BY id LIMIT ${opts.batchSize ?? BATCH_SIZE}),
          u AS (UPDATE destruction_plan_items i SET status = 'destroyed', destruction_record_id = ${recordId}
                FROM b WHERE i.id = b.id RETURNING i.target_type, i.target_id, i.subjects),
          r AS (UPDATE records SET status = 'destroyed', left_on = ${today}::date, version = version + 1, updated_at = now()
                WHERE agency_id = ${agencyId} AND status = 'destruction_pending'
                  AND id IN (SELECT target_id FROM u WHERE target_type = 'record') RETURNING 1)
          SELECT (SELECT count(*)::int FROM u) AS n,
                 (SELECT coalesce(sum(subjects), 0)::int FROM u) AS subjects,
                 (SELECT count(*)::int FROM u WHERE target_type = 'record') AS records,
                 (SELECT count(*)::int FROM r) AS "recordsDone",
                 (SELECT count(*)::int FROM retention_holds h WHERE h.agency_id = ${agencyId} AND h.status = 'active' AND (
                    (h.target_type = 'registry_file' AND h.target_id = ${plan.fileId})
                    OR (h.target_type IN ('record', 'case')
                        AND EXISTS (SELECT 1 FROM u WHERE u.target_type = h.target_type AND u.target_id = h.target_id)))) AS held,
                 (SELECT json_agg(json_build_object('t', target_type, 'id', target_id)) FROM u WHERE target_type <> 'record') AS others`,
    );
    if (!batch.n) {
      await tx.execute(
        sql`UPDATE destruction_plans SET status = 'done', done_at = now(), version = version + 1 WHERE id = ${planId}`,
      );
      return null;
    }
    // D3: a hold placed after the plan was drafted stops the destruction (the record, the case or the file).
    if (batch.held > 0) throw conflict("retention.held");
    if (batch.recordsDone !== batch.records) throw conflict("retention.target_changed");
    const byType = new Map<string, string[]>();
    for (const it of batch.others ?? []) byType.set(it.t, [...(byType.get(it.t) ?? []), it.id]);
    for (const [type, ids] of byType) await destroyTargets(tx, agencyId, type, ids, today);

    const [{ batchNo }] = await rows<{ batchNo: number }>(
      tx,
      sql`SELECT coalesce(max(batch_no), 0)::int + 1 AS "batchNo" FROM destruction_records WHERE plan_id = ${planId}`,
    );
    const year = Number(today.slice(0, 4));
    const [{ next }] = await rows<{ next: number }>(
      tx,
      sql`INSERT INTO destruction_counters (agency_id, year, next) VALUES (${agencyId}, ${year}, 1)
          ON CONFLICT (agency_id, year) DO UPDATE SET next = destruction_counters.next + 1 RETURNING next`,
    );
    const certificateNo = certificateNumber(year, next);
    const file = plan.fileId
      ? (
          await rows<{ name: string; kinds: string[] }>(
            tx,
            sql`SELECT name, item_kinds AS kinds FROM registry_files WHERE id = ${plan.fileId}`,
          )
        )[0]
      : undefined;
    const subjects = batch.subjects;
    const kinds = file?.kinds?.length ? file.kinds : [plan.ownKind ?? plan.source];
    const [rec] = await rows<{ id: string }>(
      tx,
      sql`INSERT INTO destruction_records (id, agency_id, plan_id, batch_no, certificate_no, file_id, file_name, unit_id, items,
            item_count, subject_count, method_code, destroyed_on, executor_id, approver_id, witness, reason)
          VALUES (${recordId}, ${agencyId}, ${planId}, ${batchNo}, ${certificateNo}, ${plan.fileId}, ${file?.name ?? null}, ${plan.unitId},
            ${JSON.stringify(kinds)}::jsonb, ${batch.n}, ${subjects}, ${method}, ${today}::date, ${opts.actorId},
            ${plan.approvedBy}, ${opts.witness ?? plan.witness}, ${plan.reason})
          RETURNING id`,
    );
    await tx.execute(sql`UPDATE destruction_plans SET executed_by = ${opts.actorId}, witness = coalesce(${opts.witness ?? null}, witness),
      method_code = ${method} WHERE id = ${planId}`);
    // The ledger records that destruction happened: counts, plan, certificate; never the destroyed data.
    const [entry] = await appendLedger(
      tx,
      [
        {
          agencyId,
          actorId: opts.actorId,
          action: "retention.destroy",
          resourceType: "destruction_plan",
          resourceId: planId,
          details: { plan: plan.number, certificateNo, batchNo, items: batch.n, subjects, method },
        },
      ],
      deps.ledger,
    );
    await tx.execute(sql`UPDATE destruction_records SET ledger_seq = ${entry.seq} WHERE id = ${rec.id}`);
    if (opts.inBatch) await opts.inBatch(batchNo);
    return { batchNo, certificateNo, items: batch.n, subjects };
  });
}

/** Executes an approved plan batch by batch; resumable (a re-run continues with what is still pending). */
export async function executePlan(deps: AppDeps, agencyId: string, planId: string, opts: ExecuteOptions) {
  const done: Array<{ batchNo: number; certificateNo: string; items: number; subjects: number }> = [];
  for (;;) {
    const r = await executeBatch(deps, agencyId, planId, opts);
    if (!r) break;
    done.push(r);
  }
  return done;
}
