import { randomUUID } from "node:crypto";
import {
  type Candidate,
  cutoffFor,
  type DraftPlan,
  draftPlans,
  dueOn,
  type OwnKind,
} from "@civicpims/core/retention/index";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import type { AppDeps } from "../../http/deps";
import { appendLedger, type LedgerInput } from "../audit/ledger.service";
import { addDaysIso, agencyInfo, rows, todayIn } from "./context";

/** Days the sweep gives a system owner or a recipient to act on a destruction task. */
export const TASK_DAYS = 30;
/** A rolling register file (collection, last contact) gets at most one plan per this many days. */
export const ROLLING_PLAN_DAYS = 30;
const CHUNK = 5_000;

interface RuleRow {
  ownKind: OwnKind | null;
  fileId: string | null;
  periodMonths: number | null;
  startEvent: string;
  startOn: string | null;
  methodCode: string | null;
}

const notPlanned = (type: string, col: ReturnType<typeof sql>) =>
  sql`NOT EXISTS (SELECT 1 FROM destruction_plan_items pi WHERE pi.target_type = ${type} AND pi.target_id = ${col})`;
const notHeld = (type: string, col: ReturnType<typeof sql>) =>
  sql`NOT EXISTS (SELECT 1 FROM retention_holds h WHERE h.status = 'active' AND h.target_type = ${type} AND h.target_id = ${col})`;

/** Everything due in one agency (D2), held things excluded in SQL (D3: never swept). */
export async function findCandidates(
  q: Queryable,
  agencyId: string,
  today: string,
  tz: string,
): Promise<Candidate[]> {
  const rules = await rows<RuleRow>(
    q,
    sql`SELECT own_kind AS "ownKind", file_id AS "fileId", period_months AS "periodMonths", start_event AS "startEvent",
          start_on::text AS "startOn", method_code AS "methodCode" FROM retention_rules WHERE agency_id = ${agencyId}`,
  );
  const out: Candidate[] = [];
  // 1. Records whose expiry review approved destruction (records module: destruction_pending).
  const recs = await rows<{ id: string; unitId: string; fileId: string | null }>(
    q,
    sql`SELECT r.id, r.custodian_unit_id AS "unitId",
          (SELECT f.id FROM registry_files f WHERE f.agency_id = r.agency_id AND f.records_series_id = r.series_id
           ORDER BY f.name LIMIT 1) AS "fileId"
        FROM records r
        WHERE r.agency_id = ${agencyId} AND r.status = 'destruction_pending'
          AND ${notPlanned("record", sql`r.id`)} AND ${notHeld("record", sql`r.id`)}`,
  );
  const heldFiles = new Set(
    (
      await rows<{ id: string }>(
        q,
        sql`SELECT target_id AS id FROM retention_holds WHERE agency_id = ${agencyId} AND status = 'active'
            AND target_type = 'registry_file'`,
      )
    ).map((r) => r.id),
  );
  for (const r of recs) {
    out.push({
      targetType: "record",
      targetId: r.id,
      unitId: r.unitId,
      fileId: r.fileId,
      source: "records",
      subjects: 0,
      held: !!r.fileId && heldFiles.has(r.fileId),
    });
  }
  // 2. CivicPIMS's own closed cases past their kind's period (from the closing date in the agency's zone).
  for (const rule of rules) {
    if (!rule.ownKind || rule.periodMonths === null) continue;
    const cutoff = cutoffFor({ periodMonths: rule.periodMonths, startEvent: "collection" }, today) as string;
    if (rule.ownKind === "rights_request" || rule.ownKind === "petition" || rule.ownKind === "disclosure") {
      const cs = await rows<{ id: string; unitId: string | null }>(
        q,
        sql`SELECT c.id, c.unit_id AS "unitId" FROM cases c
            WHERE c.agency_id = ${agencyId} AND c.kind = ${rule.ownKind} AND c.closed_at IS NOT NULL
              AND (c.closed_at AT TIME ZONE ${tz})::date < ${cutoff}::date + 1
              AND ${notPlanned("case", sql`c.id`)} AND ${notHeld("case", sql`c.id`)}`,
      );
      for (const c of cs)
        out.push({
          targetType: "case",
          targetId: c.id,
          unitId: c.unitId,
          fileId: null,
          source: "own",
          ownKind: rule.ownKind,
          subjects: 1,
          held: false,
        });
    } else if (rule.ownKind === "attachment") {
      const at = await rows<{ id: string; unitId: string | null }>(
        q,
        sql`SELECT a.id, c.unit_id AS "unitId" FROM case_attachments a JOIN cases c ON c.id = a.case_id
            WHERE a.agency_id = ${agencyId} AND c.closed_at IS NOT NULL
              AND (c.closed_at AT TIME ZONE ${tz})::date < ${cutoff}::date + 1
              AND ${notPlanned("attachment", sql`a.id`)} AND ${notPlanned("case", sql`c.id`)}
              AND ${notHeld("case", sql`c.id`)}`,
      );
      for (const a of at)
        out.push({
          targetType: "attachment",
          targetId: a.id,
          unitId: a.unitId,
          fileId: null,
          source: "own",
          ownKind: "attachment",
          subjects: 0,
          held: false,
        });
    } else if (rule.ownKind === "mail") {
      const ms = await rows<{ id: string }>(
        q,
        sql`SELECT m.id FROM mail_outbox m
            WHERE m.agency_id = ${agencyId} AND m.status IN ('sent', 'failed')
              AND (m.created_at AT TIME ZONE ${tz})::date < ${cutoff}::date + 1
              AND ${notPlanned("mail", sql`m.id`)}
              AND (m.case_id IS NULL OR ${notHeld("case", sql`m.case_id`)})`,
      );
      for (const m of ms)
        out.push({
          targetType: "mail",
          targetId: m.id,
          unitId: null,
          fileId: null,
          source: "own",
          ownKind: "mail",
          subjects: 1,
          held: false,
        });
    }
    // The ledger is never swept: it is append-only; its rule only records how long it is kept (>= minimum).
  }
  // 3. Register files whose data lives in other systems: a task per system, evidence on return.
  const files = await rows<{
    id: string;
    unitId: string;
    subjects: number | null;
    systems: string[];
    lastPlan: string | null;
    open: number;
  }>(
    q,
    sql`SELECT f.id, f.unit_id AS "unitId", f.subject_count AS subjects, f.system_ids AS systems,
          (SELECT max(p.created_at)::date::text FROM destruction_plans p WHERE p.file_id = f.id AND p.source = 'register'
             AND p.status <> 'cancelled') AS "lastPlan",
          (SELECT count(*)::int FROM destruction_plans p WHERE p.file_id = f.id AND p.source = 'register'
             AND p.status IN ('draft', 'submitted', 'approved')) AS open
        FROM registry_files f
        WHERE f.agency_id = ${agencyId} AND f.status = 'active' AND cardinality(f.system_ids) > 0`,
  );
  for (const f of files) {
    const rule = rules.find((r) => r.fileId === f.id);
    if (!rule || rule.periodMonths === null || f.open > 0 || heldFiles.has(f.id)) continue;
    const once = rule.startEvent === "purpose_end" || rule.startEvent === "contract_end";
    if (once) {
      const due = dueOn({ periodMonths: rule.periodMonths, startEvent: "purpose_end" }, rule.startOn);
      if (!due || due > today || f.lastPlan) continue;
    } else if (f.lastPlan && f.lastPlan > addDaysIso(today, -ROLLING_PLAN_DAYS)) continue;
    out.push({
      targetType: "file_rows",
      targetId: randomUUID(),
      unitId: f.unitId,
      fileId: f.id,
      source: "register",
      subjects: f.subjects ?? 0,
      held: false,
    });
  }
  return out;
}

async function nextPlanNumber(q: Queryable, agencyId: string, year: string): Promise<number> {
  const [r] = await rows<{ n: number }>(
    q,
    sql`SELECT count(*)::int AS n FROM destruction_plans WHERE agency_id = ${agencyId} AND number LIKE ${`DP-${year}-%`}`,
  );
  return r.n + 1;
}

/** Inserts one plan with its items and tasks (systems of the file, recipients of its provisions). */
async function insertPlan(
  q: Queryable,
  agencyId: string,
  today: string,
  p: DraftPlan,
  seq: number,
  rules: RuleRow[],
) {
  const number = `DP-${today.slice(0, 4)}-${String(seq).padStart(4, "0")}`;
  const rule = p.fileId
    ? rules.find((r) => r.fileId === p.fileId)
    : rules.find((r) => r.ownKind === p.ownKind);
  const cutoff =
    p.source === "register" && rule?.periodMonths != null
      ? cutoffFor({ periodMonths: rule.periodMonths, startEvent: "collection" }, today)
      : null;
  const [plan] = await rows<{ id: string }>(
    q,
    sql`INSERT INTO destruction_plans (agency_id, number, source, own_kind, unit_id, file_id, item_count, subject_count,
          cutoff_on, method_code, reason)
        VALUES (${agencyId}, ${number}, ${p.source}, ${p.ownKind}, ${p.unitId}, ${p.fileId}, ${p.itemCount},
          ${p.subjectCount}, ${cutoff}, ${rule?.methodCode ?? null}, ${p.source === "records" ? "records_review" : "period_ended"})
        RETURNING id`,
  );
  for (let i = 0; i < p.items.length; i += CHUNK) {
    const part = p.items.slice(i, i + CHUNK);
    await q.execute(sql`INSERT INTO destruction_plan_items (agency_id, plan_id, target_type, target_id, subjects)
      SELECT ${agencyId}, ${plan.id}, t, id, s
      FROM unnest(${`{${part.map((c) => c.targetType).join(",")}}`}::text[], ${`{${part.map((c) => c.targetId).join(",")}}`}::uuid[],
                  ${`{${part.map((c) => c.subjects).join(",")}}`}::int[]) AS x(t, id, s)`);
  }
  if (p.fileId) {
    const due = addDaysIso(today, TASK_DAYS);
    if (p.source === "register") {
      await q.execute(sql`INSERT INTO destruction_tasks (agency_id, plan_id, kind, system_id, target, due_on)
        SELECT ${agencyId}, ${plan.id}, 'system_deletion', s.id, s.name, ${due}::date
        FROM registry_files f JOIN registry_systems s ON s.id = ANY(f.system_ids) AND s.agency_id = ${agencyId}
        WHERE f.id = ${p.fileId}`);
    }
    // 004 二十三: agencies that received the data are told of its deletion.
    await q.execute(sql`INSERT INTO destruction_tasks (agency_id, plan_id, kind, provision_id, target, due_on)
      SELECT ${agencyId}, ${plan.id}, 'recipient_notice', pr.id, pr.recipient, ${due}::date
      FROM registry_provisions pr WHERE pr.agency_id = ${agencyId} AND pr.file_id = ${p.fileId}
        AND pr.status IN ('active', 'approved')`);
  }
  return { id: plan.id, number, itemCount: p.itemCount, subjectCount: p.subjectCount };
}

/** One agency's sweep in one transaction: find what is due, draft plans, one ledger entry per plan. */
export async function sweepAgency(deps: AppDeps, agencyId: string, now = new Date()) {
  return deps.database.db.transaction(async (tx) => {
    const a = await agencyInfo(tx, agencyId);
    const today = todayIn(a.tz, now);
    const candidates = await findCandidates(tx, agencyId, today, a.tz);
    const plans = draftPlans(candidates);
    if (!plans.length) return [];
    const rules = await rows<RuleRow>(
      tx,
      sql`SELECT own_kind AS "ownKind", file_id AS "fileId", period_months AS "periodMonths", start_event AS "startEvent",
            start_on::text AS "startOn", method_code AS "methodCode" FROM retention_rules WHERE agency_id = ${agencyId}`,
    );
    let seq = await nextPlanNumber(tx, agencyId, today.slice(0, 4));
    const made = [];
    for (const p of plans) made.push(await insertPlan(tx, agencyId, today, p, seq++, rules));
    const entries: LedgerInput[] = made.map((m) => ({
      agencyId,
      actorLabel: "system",
      action: "retention.plan.draft",
      resourceType: "destruction_plan",
      resourceId: m.id,
      details: { number: m.number, items: m.itemCount, subjects: m.subjectCount },
    }));
    await appendLedger(tx, entries, deps.ledger);
    return made;
  });
}

/** The daily "retention.sweep" job: every agency, one transaction each; returns the plans drafted. */
export async function runRetentionSweep(deps: AppDeps, now = new Date()): Promise<number> {
  const agencies = await deps.database.query<{ id: string }>("SELECT id FROM agencies ORDER BY code");
  let n = 0;
  for (const a of agencies) n += (await sweepAgency(deps, a.id, now)).length;
  return n;
}
