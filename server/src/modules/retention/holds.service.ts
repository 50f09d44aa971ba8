import { mayAccessSeparate, reviewOverdue } from "@civicpims/core/retention/index";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { AppError, badRequest, conflict, forbidden } from "../../http/errors";
import { rows } from "./context";

export interface HoldInput {
  kind: "litigation" | "audit" | "other_law" | "separate_storage";
  targetType: "record" | "case" | "registry_file";
  targetId: string;
  reason: string;
  legalBasis?: string | null | undefined;
  roles: string[];
  storageLocation?: string | null | undefined;
  reviewOn: string;
}

const TARGET_TABLE = { record: "records", case: "cases", registry_file: "registry_files" } as const;

/** D3: a hold keeps its target out of every sweep and execution until released. */
export async function createHold(q: Queryable, agencyId: string, actorId: string, body: HoldInput) {
  const table = sql.raw(TARGET_TABLE[body.targetType]);
  const found = await rows(
    q,
    sql`SELECT 1 FROM ${table} WHERE id = ${body.targetId} AND agency_id = ${agencyId}`,
  );
  if (!found.length) throw badRequest("retention.unknown_target");
  if (body.kind === "separate_storage" && (!body.roles.length || !body.storageLocation)) {
    throw badRequest("retention.separate_needs_roles");
  }
  const [h] = await rows<{ id: string }>(
    q,
    sql`INSERT INTO retention_holds (agency_id, kind, target_type, target_id, reason, legal_basis, roles, storage_location,
          review_on, created_by)
        VALUES (${agencyId}, ${body.kind}, ${body.targetType}, ${body.targetId}, ${body.reason}, ${body.legalBasis ?? null},
          ${`{${body.roles.join(",")}}`}::text[], ${body.storageLocation ?? null}, ${body.reviewOn}::date, ${actorId})
        RETURNING id`,
  );
  return { id: h.id };
}

export async function releaseHold(q: Queryable, agencyId: string, actorId: string, id: string) {
  const [h] = await rows<{ status: string }>(
    q,
    sql`SELECT status FROM retention_holds WHERE id = ${id} AND agency_id = ${agencyId} FOR UPDATE`,
  );
  if (!h) throw new AppError(404, "retention.hold_not_found");
  if (h.status !== "active") throw conflict("retention.hold_released");
  await q.execute(
    sql`UPDATE retention_holds SET status = 'released', released_by = ${actorId}, released_at = now() WHERE id = ${id}`,
  );
  return { id, status: "released" as const };
}

export async function listHolds(q: Queryable, agencyId: string, today: string) {
  const list = await rows<{ id: string; reviewOn: string; status: string } & Record<string, unknown>>(
    q,
    sql`SELECT h.id, h.kind, h.target_type AS "targetType", h.target_id AS "targetId", h.reason, h.legal_basis AS "legalBasis",
          h.roles, h.storage_location AS "storageLocation", h.review_on::text AS "reviewOn", h.status,
          h.created_at AS "createdAt",
          coalesce(r.ref_no || ' ' || r.title, c.number, f.name) AS "targetLabel"
        FROM retention_holds h
        LEFT JOIN records r ON h.target_type = 'record' AND r.id = h.target_id
        LEFT JOIN cases c ON h.target_type = 'case' AND c.id = h.target_id
        LEFT JOIN registry_files f ON h.target_type = 'registry_file' AND f.id = h.target_id
        WHERE h.agency_id = ${agencyId} ORDER BY h.status, h.review_on`,
  );
  return list.map((h) => ({
    ...h,
    reviewOverdue: h.status === "active" && reviewOverdue(h.reviewOn, today),
  }));
}

/** Separate storage (분리보관) opens only for the roles the hold names [D3]; others get 403. */
export async function openSeparate(
  q: Queryable,
  agencyId: string,
  id: string,
  actorRoles: readonly string[],
) {
  const [h] = await rows<{ kind: string; roles: string[]; status: string } & Record<string, unknown>>(
    q,
    sql`SELECT id, kind, target_type AS "targetType", target_id AS "targetId", reason, legal_basis AS "legalBasis", roles,
          storage_location AS "storageLocation", review_on::text AS "reviewOn", status
        FROM retention_holds WHERE id = ${id} AND agency_id = ${agencyId}`,
  );
  if (!h || h.kind !== "separate_storage") throw new AppError(404, "retention.hold_not_found");
  if (!mayAccessSeparate(h.roles, actorRoles)) throw forbidden("retention.separate_forbidden");
  return h;
}

export interface RetentionDue {
  overduePlans: Array<{ id: string; number: string; status: string; createdAt: string; itemCount: number }>;
  overdueTasks: Array<{ id: string; planNumber: string; kind: string; target: string; dueOn: string }>;
  holdsPastReview: Array<{ id: string; kind: string; reviewOn: string; reason: string }>;
}

/** Register dashboard: destruction not done in time and holds past their review date [D2, D3]. */
export async function retentionDue(
  q: Queryable,
  agencyId: string,
  today: string,
  graceDays = 30,
): Promise<RetentionDue> {
  const overduePlans = await rows<RetentionDue["overduePlans"][number]>(
    q,
    sql`SELECT id, number, status, created_at::date::text AS "createdAt", item_count AS "itemCount" FROM destruction_plans
        WHERE agency_id = ${agencyId} AND status IN ('draft', 'submitted', 'approved')
          AND created_at::date < ${today}::date - ${graceDays}::int ORDER BY created_at LIMIT 100`,
  );
  const overdueTasks = await rows<RetentionDue["overdueTasks"][number]>(
    q,
    sql`SELECT t.id, p.number AS "planNumber", t.kind, t.target, t.due_on::text AS "dueOn" FROM destruction_tasks t
        JOIN destruction_plans p ON p.id = t.plan_id
        WHERE t.agency_id = ${agencyId} AND t.status = 'open' AND t.due_on < ${today}::date ORDER BY t.due_on LIMIT 100`,
  );
  const holdsPastReview = await rows<RetentionDue["holdsPastReview"][number]>(
    q,
    sql`SELECT id, kind, review_on::text AS "reviewOn", reason FROM retention_holds
        WHERE agency_id = ${agencyId} AND status = 'active' AND review_on < ${today}::date ORDER BY review_on LIMIT 100`,
  );
  return { overduePlans, overdueTasks, holdsPastReview };
}
