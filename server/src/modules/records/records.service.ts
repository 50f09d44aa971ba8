// Records management service (issue 12 item 4): series, records, transfers and expiry reviews. Every query
// is scoped by the caller's agency; every unit and series an input names must be the agency's own, checked
// before anything is written (a foreign id is refused and nothing is saved).
import { catalogueOf, type Jurisdiction } from "@civicpims/core/jurisdictions/index";
import {
  classFromEntry,
  DEFAULT_TRANSFER_POLICY,
  isExpired,
  type RetentionClassLike,
  retentionEnd,
  type TransferPolicy,
  transferDueOn,
} from "@civicpims/core/records/index";
import { and, asc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable, Tx } from "../../db/client";
import {
  agencies,
  recordReviews,
  recordSeries,
  recordSettings,
  records,
  recordTransfers,
  units,
} from "../../db/schema";
import { AppError, badRequest, conflict, notFound } from "../../http/errors";
import type * as s from "./records.schemas";

export type RecordRow = typeof records.$inferSelect;

export async function jurisdictionOf(q: Queryable, agencyId: string): Promise<Jurisdiction> {
  const [a] = await q.select({ j: agencies.jurisdiction }).from(agencies).where(eq(agencies.id, agencyId));
  return a.j;
}

/** The agency's retention classes from its rule pack, in catalogue order. */
export async function retentionClasses(q: Queryable, agencyId: string): Promise<RetentionClassLike[]> {
  const def = catalogueOf(await jurisdictionOf(q, agencyId), "recordsRetentionClasses");
  return (def?.entries ?? []).map(classFromEntry);
}

async function classOf(q: Queryable, agencyId: string, code: string): Promise<RetentionClassLike> {
  const c = (await retentionClasses(q, agencyId)).find((x) => x.code === code);
  if (!c) throw badRequest("records.unknown_class");
  return c;
}

export async function getSettings(q: Queryable, agencyId: string) {
  const [row] = await q.select().from(recordSettings).where(eq(recordSettings.agencyId, agencyId));
  return {
    recordsUnitId: row?.recordsUnitId ?? null,
    archiveName: row?.archiveName ?? null,
    holdingYears: row?.holdingYears ?? DEFAULT_TRANSFER_POLICY.holdingYears,
    keepAtUnit: row?.keepAtUnit ?? DEFAULT_TRANSFER_POLICY.keepAtUnit,
    /** The transfer rule is practice, not a seed: screens mark it for confirmation. */
    verify: !row,
  };
}

export async function policyOf(q: Queryable, agencyId: string): Promise<TransferPolicy> {
  const st = await getSettings(q, agencyId);
  return { holdingYears: st.holdingYears, keepAtUnit: st.keepAtUnit };
}

/** Refuses any unit id that is not the agency's (another agency's unit looks the same as an unknown one). */
export async function assertOwnUnits(q: Queryable, agencyId: string, ids: Array<string | null | undefined>) {
  const want = [...new Set(ids.filter((x): x is string => !!x))];
  if (!want.length) return;
  const found = await q
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.agencyId, agencyId), inArray(units.id, want)));
  if (found.length !== want.length) throw badRequest("records.unknown_unit");
}

export async function saveSettings(tx: Tx, agencyId: string, body: z.output<typeof s.settingsBody>) {
  await assertOwnUnits(tx, agencyId, [body.recordsUnitId]);
  const classes = (await retentionClasses(tx, agencyId)).map((c) => c.code);
  if (body.keepAtUnit.some((c) => !classes.includes(c))) throw badRequest("records.unknown_class");
  const values = {
    ...body,
    recordsUnitId: body.recordsUnitId ?? null,
    archiveName: body.archiveName ?? null,
  };
  await tx
    .insert(recordSettings)
    .values({ agencyId, ...values })
    .onConflictDoUpdate({ target: recordSettings.agencyId, set: { ...values, updatedAt: new Date() } });
  return getSettings(tx, agencyId);
}

// Series

export async function listSeries(q: Queryable, agencyId: string) {
  return q
    .select()
    .from(recordSeries)
    .where(eq(recordSeries.agencyId, agencyId))
    .orderBy(asc(recordSeries.code));
}

async function seriesRow(q: Queryable, agencyId: string, id: string) {
  const [row] = await q
    .select()
    .from(recordSeries)
    .where(and(eq(recordSeries.agencyId, agencyId), eq(recordSeries.id, id)));
  if (!row) throw notFound("records.series_not_found");
  return row;
}

export async function createSeries(tx: Tx, agencyId: string, body: z.output<typeof s.seriesBody>) {
  await assertOwnUnits(tx, agencyId, [body.unitId, body.custodianUnitId]);
  await classOf(tx, agencyId, body.retentionClass);
  const [dup] = await tx
    .select({ id: recordSeries.id })
    .from(recordSeries)
    .where(and(eq(recordSeries.agencyId, agencyId), eq(recordSeries.code, body.code)));
  if (dup) throw conflict("records.duplicate_code");
  const [row] = await tx
    .insert(recordSeries)
    .values({ ...body, agencyId })
    .returning();
  return row;
}

export async function updateSeries(
  tx: Tx,
  agencyId: string,
  id: string,
  body: z.output<typeof s.seriesPatch>,
) {
  const cur = await seriesRow(tx, agencyId, id);
  if (cur.version !== body.version) throw conflict("records.stale");
  const { version, ...patch } = body;
  await assertOwnUnits(tx, agencyId, [patch.unitId, patch.custodianUnitId]);
  if (patch.retentionClass) await classOf(tx, agencyId, patch.retentionClass);
  const [row] = await tx
    .update(recordSeries)
    .set({ ...patch, version: cur.version + 1, updatedAt: new Date() })
    .where(and(eq(recordSeries.id, id), eq(recordSeries.agencyId, agencyId)))
    .returning();
  return row;
}

// Records

/** What the screens show with every record: retention end, expiry and transfer due dates. */
export function withSchedule(
  r: RecordRow,
  classes: RetentionClassLike[],
  policy: TransferPolicy,
  asOf: string,
) {
  const years = classes.find((c) => c.code === r.retentionClass)?.years ?? null;
  const transferDue = r.status === "held" ? transferDueOn(r.closedOn, r.retentionClass, policy) : null;
  return {
    ...r,
    retentionEnd: retentionEnd(r.closedOn, years),
    expired: isExpired(r.closedOn, years, asOf),
    transferDueOn: transferDue,
  };
}

export async function listRecords(q: Queryable, agencyId: string, f: z.output<typeof s.recordsQuery>) {
  const conds: SQL[] = [eq(records.agencyId, agencyId)];
  if (f.seriesId) conds.push(eq(records.seriesId, f.seriesId));
  if (f.unitId) conds.push(eq(records.custodianUnitId, f.unitId));
  if (f.status) conds.push(eq(records.status, f.status));
  if (f.retentionClass) conds.push(eq(records.retentionClass, f.retentionClass));
  if (f.medium) conds.push(eq(records.medium, f.medium));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(records.title, like), ilike(records.refNo, like)) as SQL);
  }
  return q
    .select()
    .from(records)
    .where(and(...conds))
    .orderBy(asc(records.refNo))
    .limit(f.limit);
}

export async function recordRow(q: Queryable, agencyId: string, id: string): Promise<RecordRow> {
  const [row] = await q
    .select()
    .from(records)
    .where(and(eq(records.agencyId, agencyId), eq(records.id, id)));
  if (!row) throw notFound("records.not_found");
  return row;
}

export async function createRecord(
  tx: Tx,
  agencyId: string,
  actorId: string,
  body: z.output<typeof s.recordBody>,
) {
  const series = await seriesRow(tx, agencyId, body.seriesId).catch(() => {
    throw badRequest("records.unknown_series");
  });
  if (body.closedOn < body.producedOn) throw badRequest("records.closed_before_produced");
  const custodianUnitId = body.custodianUnitId ?? series.custodianUnitId ?? series.unitId;
  await assertOwnUnits(tx, agencyId, [custodianUnitId]);
  const retentionClass = body.retentionClass ?? series.retentionClass;
  await classOf(tx, agencyId, retentionClass);
  const [dup] = await tx
    .select({ id: records.id })
    .from(records)
    .where(and(eq(records.agencyId, agencyId), eq(records.refNo, body.refNo)));
  if (dup) throw conflict("records.duplicate_ref_no");
  const [row] = await tx
    .insert(records)
    .values({
      agencyId,
      seriesId: series.id,
      refNo: body.refNo,
      title: body.title,
      productionYear: Number(body.producedOn.slice(0, 4)),
      producedOn: body.producedOn,
      closedOn: body.closedOn,
      retentionClass,
      medium: body.medium ?? series.mediumDefault,
      quantity: body.quantity,
      location: body.location ?? null,
      custodianUnitId,
      createdBy: actorId,
    })
    .returning();
  return row;
}

export async function updateRecord(
  tx: Tx,
  agencyId: string,
  id: string,
  body: z.output<typeof s.recordPatch>,
) {
  const cur = await recordRow(tx, agencyId, id);
  if (cur.version !== body.version) throw conflict("records.stale");
  const { version, ...patch } = body;
  await assertOwnUnits(tx, agencyId, [patch.custodianUnitId]);
  const [row] = await tx
    .update(records)
    .set({ ...patch, version: cur.version + 1, updatedAt: new Date() })
    .where(and(eq(records.id, id), eq(records.agencyId, agencyId)))
    .returning();
  return row;
}

// Transfers

export async function transfer(
  tx: Tx,
  agencyId: string,
  actorId: string,
  body: z.output<typeof s.transferBody>,
) {
  const ids = [...new Set(body.recordIds)];
  const rows = await tx
    .select()
    .from(records)
    .where(and(eq(records.agencyId, agencyId), inArray(records.id, ids)));
  if (rows.length !== ids.length) throw badRequest("records.unknown_record");
  // Out of the agency a record may go from the archive too; into the archive only what the unit holds.
  const allowed = body.destination === "archive" ? ["held"] : ["held", "transferred"];
  if (rows.some((r) => !allowed.includes(r.status))) throw conflict("records.not_transferable");
  const status = body.destination === "archive" ? ("transferred" as const) : ("transferred_out" as const);
  await tx
    .update(records)
    .set({
      status,
      transferredAt: body.transferredOn,
      archiveLocation: body.archiveLocation,
      leftOn: body.destination === "external" ? body.transferredOn : null,
      version: sqlIncrement(),
      updatedAt: new Date(),
    })
    .where(and(eq(records.agencyId, agencyId), inArray(records.id, ids)));
  const [t] = await tx
    .insert(recordTransfers)
    .values({ ...body, recordIds: ids, agencyId, transferredBy: actorId, note: body.note ?? null })
    .returning();
  return t;
}

function sqlIncrement() {
  return sql`${records.version} + 1`;
}

// Expiry reviews (J5: the approval route is recorded; proposer and approver must differ)

export async function proposeReview(
  tx: Tx,
  agencyId: string,
  actorId: string,
  body: z.output<typeof s.reviewBody>,
) {
  const rec = await recordRow(tx, agencyId, body.recordId).catch(() => {
    throw badRequest("records.unknown_record");
  });
  if (rec.status !== "held" && rec.status !== "transferred" && rec.status !== "reclassified")
    throw conflict("records.not_reviewable");
  if (body.decision === "reclassify") {
    if (!body.newClass) throw badRequest("records.new_class_required");
    await classOf(tx, agencyId, body.newClass);
    if (body.newClass === rec.retentionClass) throw badRequest("records.same_class");
  }
  const [open] = await tx
    .select({ id: recordReviews.id })
    .from(recordReviews)
    .where(and(eq(recordReviews.recordId, rec.id), eq(recordReviews.status, "proposed")));
  if (open) throw conflict("records.review_open");
  const [row] = await tx
    .insert(recordReviews)
    .values({
      agencyId,
      recordId: rec.id,
      decision: body.decision,
      newClass: body.decision === "reclassify" ? (body.newClass ?? null) : null,
      reason: body.reason,
      proposedBy: actorId,
    })
    .returning();
  return row;
}

export async function approveReview(tx: Tx, agencyId: string, actorId: string, id: string) {
  const [rev] = await tx
    .select()
    .from(recordReviews)
    .where(and(eq(recordReviews.agencyId, agencyId), eq(recordReviews.id, id)));
  if (!rev) throw notFound("records.review_not_found");
  if (rev.status !== "proposed") throw conflict("records.review_closed");
  if (rev.proposedBy === actorId) throw new AppError(403, "records.self_approval");
  const now = new Date();
  const [approved] = await tx
    .update(recordReviews)
    .set({ status: "approved", approvedBy: actorId, approvedAt: now })
    .where(eq(recordReviews.id, id))
    .returning();
  const set =
    rev.decision === "destroy"
      ? { status: "destruction_pending" as const, destructionReviewId: rev.id }
      : rev.decision === "reclassify"
        ? { status: "reclassified" as const, retentionClass: rev.newClass as string }
        : {};
  if (Object.keys(set).length)
    await tx
      .update(records)
      .set({ ...set, version: sqlIncrement(), updatedAt: now })
      .where(and(eq(records.id, rev.recordId), eq(records.agencyId, agencyId)));
  return approved;
}

export async function listReviews(q: Queryable, agencyId: string, status?: "proposed" | "approved") {
  const conds: SQL[] = [eq(recordReviews.agencyId, agencyId)];
  if (status) conds.push(eq(recordReviews.status, status));
  return q
    .select({
      review: recordReviews,
      refNo: records.refNo,
      title: records.title,
      retentionClass: records.retentionClass,
    })
    .from(recordReviews)
    .innerJoin(records, eq(records.id, recordReviews.recordId))
    .where(and(...conds))
    .orderBy(asc(recordReviews.proposedAt));
}
