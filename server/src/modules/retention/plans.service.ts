import { approvalRefusal, type PlanStatus } from "@civicpims/core/retention/index";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { AppError, badRequest, conflict, forbidden } from "../../http/errors";
import { sealFile } from "../../security/file-crypto";
import { agencyInfo, rows } from "./context";

const PLAN_COLS = sql`p.id, p.number, p.source, p.own_kind AS "ownKind", p.unit_id AS "unitId", u.name_local AS "unitName",
  p.file_id AS "fileId", f.name AS "fileName", p.status, p.item_count AS "itemCount", p.subject_count AS "subjectCount",
  p.cutoff_on::text AS "cutoffOn", p.method_code AS "methodCode", p.reason, p.requested_by AS "requestedBy",
  p.submitted_at AS "submittedAt", p.assessment, p.assessed_at AS "assessedAt", p.holding_unit_id AS "holdingUnitId",
  p.approved_by AS "approvedBy", p.approved_at AS "approvedAt", p.executed_by AS "executedBy", p.witness,
  p.done_at AS "doneAt", p.created_at AS "createdAt", p.version`;

export async function listPlans(q: Queryable, agencyId: string, status?: string) {
  return rows<Record<string, unknown>>(
    q,
    sql`SELECT ${PLAN_COLS} FROM destruction_plans p
        LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN registry_files f ON f.id = p.file_id
        WHERE p.agency_id = ${agencyId} ${status ? sql`AND p.status = ${status}` : sql``}
        ORDER BY p.created_at DESC, p.number DESC LIMIT 500`,
  );
}

export interface PlanDetail {
  id: string;
  number: string;
  status: PlanStatus;
  requestedBy: string | null;
  assessedAt: string | null;
  holdingUnitId: string | null;
  fileId: string | null;
  unitId: string | null;
  [k: string]: unknown;
}

export async function getPlan(q: Queryable, agencyId: string, id: string, lock = false): Promise<PlanDetail> {
  const [p] = await rows<PlanDetail>(
    q,
    sql`SELECT ${PLAN_COLS} FROM destruction_plans p
        LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN registry_files f ON f.id = p.file_id
        WHERE p.agency_id = ${agencyId} AND p.id = ${id} ${lock ? sql`FOR UPDATE OF p` : sql``}`,
  );
  if (!p) throw new AppError(404, "retention.plan_not_found");
  return p;
}

export async function planDetail(q: Queryable, agencyId: string, id: string) {
  const plan = await getPlan(q, agencyId, id);
  const counts = await rows<{ targetType: string; status: string; n: number }>(
    q,
    sql`SELECT target_type AS "targetType", status, count(*)::int AS n FROM destruction_plan_items
        WHERE plan_id = ${id} GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const tasks = await rows(
    q,
    sql`SELECT id, kind, target, due_on::text AS "dueOn", status, evidence_name AS "evidenceName", note,
          done_at AS "doneAt" FROM destruction_tasks WHERE plan_id = ${id} AND agency_id = ${agencyId} ORDER BY kind, target`,
  );
  const records = await listCertificates(q, agencyId, id);
  // What the approver is asked to destroy: the records by register number and title (office data, D4). Cases,
  // mail and attachments are shown as counts only: their labels could name a person.
  const targets = await rows<{ refNo: string; title: string; status: string }>(
    q,
    sql`SELECT r.ref_no AS "refNo", r.title, i.status FROM destruction_plan_items i
        JOIN records r ON r.id = i.target_id AND r.agency_id = ${agencyId}
        WHERE i.plan_id = ${id} AND i.target_type = 'record' ORDER BY r.ref_no LIMIT 200`,
  );
  return { ...plan, counts, tasks, records, targets };
}

export async function listCertificates(q: Queryable, agencyId: string, planId?: string) {
  return rows<Record<string, unknown>>(
    q,
    sql`SELECT r.id, r.plan_id AS "planId", p.number AS "planNumber", r.batch_no AS "batchNo",
          r.certificate_no AS "certificateNo", r.file_name AS "fileName", r.items, r.item_count AS "itemCount",
          r.subject_count AS "subjectCount", r.method_code AS "methodCode", r.destroyed_on::text AS "destroyedOn",
          r.executor_id AS "executorId", r.approver_id AS "approverId", r.witness, r.ledger_seq AS "ledgerSeq"
        FROM destruction_records r JOIN destruction_plans p ON p.id = r.plan_id
        WHERE r.agency_id = ${agencyId} ${planId ? sql`AND r.plan_id = ${planId}` : sql``}
        ORDER BY r.certificate_no DESC LIMIT 1000`,
  );
}

/** The requester puts a drafted plan forward for approval; the method is chosen here (D5). */
export async function submitPlan(
  q: Queryable,
  agencyId: string,
  actorId: string,
  id: string,
  body: { methodCode: string; reason?: string | null | undefined },
) {
  const p = await getPlan(q, agencyId, id, true);
  if (p.status !== "draft") throw conflict("retention.not_draft");
  await q.execute(sql`UPDATE destruction_plans SET status = 'submitted', requested_by = ${actorId}, submitted_at = now(),
    method_code = ${body.methodCode}, reason = coalesce(${body.reason ?? null}, reason), version = version + 1 WHERE id = ${id}`);
  return getPlan(q, agencyId, id);
}

/** TW [D6, 004 二十一/二十三]: impact assessment and handover from the collecting unit to the holding unit. */
export async function assessPlan(
  q: Queryable,
  agencyId: string,
  actorId: string,
  id: string,
  body: { assessment: string; holdingUnitId: string },
) {
  const p = await getPlan(q, agencyId, id, true);
  if (p.status !== "submitted") throw conflict("retention.not_submitted");
  const u = await rows(
    q,
    sql`SELECT 1 FROM units WHERE id = ${body.holdingUnitId} AND agency_id = ${agencyId}`,
  );
  if (!u.length) throw badRequest("retention.unknown_unit");
  await q.execute(sql`UPDATE destruction_plans SET assessment = ${body.assessment}, assessed_by = ${actorId}, assessed_at = now(),
    holding_unit_id = ${body.holdingUnitId}, version = version + 1 WHERE id = ${id}`);
  return getPlan(q, agencyId, id);
}

/** D4: the privacy officer approves; never the plan's requester; TW only after assessment and handover. */
export async function approvePlan(
  q: Queryable,
  agencyId: string,
  actorId: string,
  id: string,
  body: { witness?: string | null | undefined },
) {
  const p = await getPlan(q, agencyId, id, true);
  const a = await agencyInfo(q, agencyId);
  const refusal = approvalRefusal(p, actorId, a.j);
  if (refusal === "own_plan") throw forbidden("retention.own_plan");
  if (refusal === "not_submitted") throw conflict("retention.not_submitted");
  if (refusal === "tw_assessment_missing") throw conflict("retention.assessment_missing");
  await q.execute(sql`UPDATE destruction_plans SET status = 'approved', approved_by = ${actorId}, approved_at = now(),
    witness = coalesce(${body.witness ?? null}, witness), version = version + 1 WHERE id = ${id}`);
  return getPlan(q, agencyId, id);
}

/** Cancelling frees its items: the next sweep may plan them again (unless held). */
export async function cancelPlan(q: Queryable, agencyId: string, id: string) {
  const p = await getPlan(q, agencyId, id, true);
  if (p.status === "done" || p.status === "cancelled") throw conflict("retention.plan_closed");
  const done = await rows(q, sql`SELECT 1 FROM destruction_records WHERE plan_id = ${id} LIMIT 1`);
  if (done.length) throw conflict("retention.plan_started");
  await q.execute(sql`DELETE FROM destruction_plan_items WHERE plan_id = ${id}`);
  await q.execute(
    sql`UPDATE destruction_plans SET status = 'cancelled', version = version + 1 WHERE id = ${id}`,
  );
  return getPlan(q, agencyId, id);
}

/** A task done: deletion in another system (with evidence, sealed with its own data key) or a notice sent. */
export async function completeTask(
  q: Queryable,
  fieldKey: Buffer,
  agencyId: string,
  actorId: string,
  taskId: string,
  body: {
    note?: string | null | undefined;
    evidence?: { name: string; mime: string; data: Buffer } | undefined;
  },
) {
  const [t] = await rows<{ id: string; kind: string; status: string; planId: string; planStatus: string }>(
    q,
    sql`SELECT t.id, t.kind, t.status, t.plan_id AS "planId", p.status AS "planStatus" FROM destruction_tasks t
        JOIN destruction_plans p ON p.id = t.plan_id WHERE t.id = ${taskId} AND t.agency_id = ${agencyId} FOR UPDATE OF t`,
  );
  if (!t) throw new AppError(404, "retention.task_not_found");
  if (t.status === "done") throw conflict("retention.task_done");
  if (t.planStatus !== "approved" && t.planStatus !== "done") throw conflict("retention.not_approved");
  if (t.kind === "system_deletion" && !body.evidence) throw badRequest("retention.evidence_required");
  const sealed = body.evidence ? sealFile(fieldKey, body.evidence.data) : null;
  await q.execute(sql`UPDATE destruction_tasks SET status = 'done', done_by = ${actorId}, done_at = now(), note = ${body.note ?? null},
    evidence_name = ${body.evidence?.name ?? null}, evidence_mime = ${body.evidence?.mime ?? null},
    evidence_data = ${sealed?.data ?? null}, evidence_wrapped_key = ${sealed?.wrappedKey ?? null} WHERE id = ${taskId}`);
  return { id: taskId, planId: t.planId, status: "done" as const };
}
