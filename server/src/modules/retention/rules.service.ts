import { checkOwnRule, legalMinimum, OWN_KINDS, type OwnKind } from "@civicpims/core/retention/index";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { registryFiles, retentionRules } from "../../db/schema";
import { AppError, badRequest, conflict } from "../../http/errors";
import { agencyInfo, rows } from "./context";

export interface RuleInput {
  periodMonths: number | null;
  startEvent: "collection" | "purpose_end" | "contract_end" | "last_contact";
  startOn?: string | null | undefined;
  legalBasis: string;
  recordsClassCode?: string | null | undefined;
  recordsSeriesId?: string | null | undefined;
  methodCode?: string | null | undefined;
  version?: number | undefined;
}

/** Rules of the agency: one per register file (with the file's own retention fields) and one per own kind. */
export async function listRules(q: Queryable, agencyId: string) {
  const a = await agencyInfo(q, agencyId);
  const files = await rows<Record<string, unknown>>(
    q,
    sql`SELECT f.id AS "fileId", f.name AS "fileName", f.unit_id AS "unitId", f.retention_period AS "fileRetention",
          f.records_class_code AS "fileClass", f.system_ids AS "systemIds", f.subject_count AS "subjectCount",
          r.id, r.period_months AS "periodMonths", r.start_event AS "startEvent", r.start_on::text AS "startOn",
          r.legal_basis AS "legalBasis", r.records_class_code AS "recordsClassCode",
          r.records_series_id AS "recordsSeriesId", r.method_code AS "methodCode", r.version
        FROM registry_files f LEFT JOIN retention_rules r ON r.file_id = f.id AND r.agency_id = ${agencyId}
        WHERE f.agency_id = ${agencyId} AND f.status = 'active' ORDER BY f.name`,
  );
  const own = await q
    .select()
    .from(retentionRules)
    .where(and(eq(retentionRules.agencyId, agencyId), isNotNull(retentionRules.ownKind)));
  return {
    files,
    own: OWN_KINDS.map((kind) => ({
      kind,
      rule: own.find((r) => r.ownKind === kind) ?? null,
      minimum: legalMinimum(a.j, kind),
    })),
  };
}

async function upsert(
  q: Queryable,
  agencyId: string,
  actorId: string,
  key: { fileId?: string; ownKind?: OwnKind },
  body: RuleInput,
) {
  const where = key.fileId
    ? and(eq(retentionRules.agencyId, agencyId), eq(retentionRules.fileId, key.fileId))
    : and(eq(retentionRules.agencyId, agencyId), eq(retentionRules.ownKind, key.ownKind as OwnKind));
  const [existing] = await q.select().from(retentionRules).where(where);
  const values = {
    periodMonths: body.periodMonths,
    startEvent: body.startEvent,
    startOn: body.startOn ?? null,
    legalBasis: body.legalBasis,
    recordsClassCode: body.recordsClassCode ?? null,
    recordsSeriesId: body.recordsSeriesId ?? null,
    methodCode: body.methodCode ?? null,
    updatedBy: actorId,
    updatedAt: new Date(),
  };
  if (existing) {
    if (body.version !== undefined && body.version !== existing.version) throw conflict("retention.stale");
    const [r] = await q
      .update(retentionRules)
      .set({ ...values, version: existing.version + 1 })
      .where(eq(retentionRules.id, existing.id))
      .returning();
    return r;
  }
  const [r] = await q
    .insert(retentionRules)
    .values({ agencyId, ...(key.fileId ? { fileId: key.fileId } : { ownKind: key.ownKind }), ...values })
    .returning();
  return r;
}

async function checkSeries(q: Queryable, agencyId: string, seriesId: string | null | undefined) {
  if (!seriesId) return;
  const found = await rows(
    q,
    sql`SELECT 1 FROM record_series WHERE id = ${seriesId} AND agency_id = ${agencyId}`,
  );
  if (!found.length) throw badRequest("retention.unknown_series");
}

/** D1: a register file's rule (period, start event, legal basis, records class). */
export async function saveFileRule(
  q: Queryable,
  agencyId: string,
  actorId: string,
  fileId: string,
  body: RuleInput,
) {
  const [f] = await q
    .select({ id: registryFiles.id })
    .from(registryFiles)
    .where(and(eq(registryFiles.id, fileId), eq(registryFiles.agencyId, agencyId)));
  if (!f) throw new AppError(404, "retention.file_not_found");
  if (
    (body.startEvent === "purpose_end" || body.startEvent === "contract_end") &&
    body.startOn === undefined
  ) {
    // Allowed: the date is set when the purpose ends or the contract ends; until then nothing is due.
  }
  await checkSeries(q, agencyId, body.recordsSeriesId);
  return upsert(q, agencyId, actorId, { fileId }, body);
}

/** D1: a rule for CivicPIMS's own records; never shorter than the rule pack's legal minimum. */
export async function saveOwnRule(
  q: Queryable,
  agencyId: string,
  actorId: string,
  kind: OwnKind,
  body: RuleInput,
) {
  const a = await agencyInfo(q, agencyId);
  const problem = checkOwnRule(a.j, kind, body.periodMonths);
  if (problem) {
    throw new AppError(
      400,
      "retention.below_minimum",
      { minimumMonths: problem.minimumMonths, citation: problem.citation },
      {
        months: problem.minimumMonths,
      },
    );
  }
  await checkSeries(q, agencyId, body.recordsSeriesId);
  return upsert(q, agencyId, actorId, { ownKind: kind }, body);
}
