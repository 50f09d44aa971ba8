import { randomUUID } from "node:crypto";
import { diffRecords } from "@civicpims/core/registry/diff";
import {
  checkFileRules,
  deriveItemFlags,
  type FieldIssue,
  type FileFields,
  type FileFieldsPatch,
  normaliseItems,
} from "@civicpims/core/registry/validate";
import { and, asc, desc, eq, getTableColumns, ilike, inArray, lte, ne, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { recordSeries, registryFiles, registrySystems, units } from "../../db/schema";
import { AppError } from "../../http/errors";
import { addDays } from "./context";
import { recordHistory } from "./history";
import { localiseIssues } from "./i18n";
import { fileReferences } from "./references";
import type { RegCtx } from "./registry-context";
import { assertVersion, loadOwned, requireReason, updateVersioned } from "./versioned";

export type FileRow = typeof registryFiles.$inferSelect;

/** The record as history keeps it: content fields only (derived and bookkeeping columns left out). */
export function historyView(row: FileRow) {
  const {
    agencyId,
    itemKinds,
    hasSensitive,
    hasUniqueIdentifier,
    createdAt,
    createdBy,
    updatedAt,
    updatedBy,
    ...rest
  } = row;
  return rest;
}

export function toApiFile(row: FileRow, unit?: { code: string; nameLocal: string } | null) {
  const { itemKinds, createdBy, updatedBy, ...rest } = row;
  return { ...rest, unitCode: unit?.code ?? null, unitName: unit?.nameLocal ?? null };
}
export type ApiFile = ReturnType<typeof toApiFile>;

export function invalid(ctx: Pick<RegCtx, "locale">, issues: FieldIssue[]): AppError {
  return new AppError(400, "registry.invalid", localiseIssues(ctx.locale, issues));
}

/** Unit and system ids must belong to the caller's agency. */
async function existenceIssues(ctx: RegCtx, f: Partial<FileFields>): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const unitIds = [f.unitId, f.custodianUnitId, f.accessRequestUnitId].filter((x): x is string => !!x);
  if (unitIds.length) {
    const found = new Set(
      (
        await ctx.tx
          .select({ id: units.id })
          .from(units)
          .where(and(eq(units.agencyId, ctx.agencyId), inArray(units.id, unitIds)))
      ).map((r) => r.id),
    );
    for (const k of ["unitId", "custodianUnitId", "accessRequestUnitId"] as const) {
      const v = f[k];
      if (v && !found.has(v)) issues.push({ field: k, code: "unknown_unit", params: { value: v } });
    }
  }
  if (f.systemIds?.length) {
    const found = new Set(
      (
        await ctx.tx
          .select({ id: registrySystems.id })
          .from(registrySystems)
          .where(and(eq(registrySystems.agencyId, ctx.agencyId), inArray(registrySystems.id, f.systemIds)))
      ).map((r) => r.id),
    );
    for (const s of f.systemIds)
      if (!found.has(s)) issues.push({ field: "systemIds", code: "unknown_system", params: { value: s } });
  }
  if (f.recordsSeriesId) {
    const [series] = await ctx.tx
      .select({ id: recordSeries.id })
      .from(recordSeries)
      .where(and(eq(recordSeries.agencyId, ctx.agencyId), eq(recordSeries.id, f.recordsSeriesId)));
    if (!series)
      issues.push({ field: "recordsSeriesId", code: "unknown_series", params: { value: f.recordsSeriesId } });
  }
  return issues;
}

async function assertUniqueName(ctx: RegCtx, unitId: string, name: string, exceptId?: string) {
  const conds = [
    eq(registryFiles.agencyId, ctx.agencyId),
    eq(registryFiles.unitId, unitId),
    eq(registryFiles.name, name),
  ];
  if (exceptId) conds.push(ne(registryFiles.id, exceptId));
  const [dup] = await ctx.tx
    .select({ id: registryFiles.id })
    .from(registryFiles)
    .where(and(...conds))
    .limit(1);
  if (dup) throw new AppError(409, "registry.duplicate_name", { field: "name", value: name });
}

/** What the stored row adds to or changes in the fields: items normalised, derived flags. */
function derivedValues(f: FileFields) {
  const items = normaliseItems(f.items);
  return {
    items,
    ...deriveItemFlags(items),
    exemptionReason: f.isPublic ? (f.exemptionReason ?? null) : f.exemptionReason,
  };
}

function rowValues(f: FileFields) {
  return { ...f, ...derivedValues(f) };
}

async function unitOf(ctx: RegCtx, unitId: string) {
  const [u] = await ctx.tx
    .select({ code: units.code, nameLocal: units.nameLocal })
    .from(units)
    .where(eq(units.id, unitId));
  return u ?? null;
}

export async function createFile(
  ctx: RegCtx,
  input: FileFields,
  opts: { skipChecks?: boolean } = {},
): Promise<ApiFile> {
  if (!opts.skipChecks) {
    const issues = [...checkFileRules(input, ctx), ...(await existenceIssues(ctx, input))];
    if (issues.length) throw invalid(ctx, issues);
    await assertUniqueName(ctx, input.unitId, input.name);
  }
  const [row] = await ctx.tx
    .insert(registryFiles)
    .values({
      ...rowValues(input),
      agencyId: ctx.agencyId,
      createdBy: ctx.actor.actorId,
      updatedBy: ctx.actor.actorId,
    })
    .returning();
  await recordHistory(ctx.tx, ctx.actor, {
    entityType: "file",
    entityId: row.id,
    version: row.version,
    action: "create",
    reason: null,
    after: historyView(row),
  });
  return toApiFile(row, await unitOf(ctx, row.unitId));
}

export async function getFileRow(q: Queryable, agencyId: string, id: string): Promise<FileRow> {
  return loadOwned(q, registryFiles, agencyId, id);
}

export async function getFile(ctx: RegCtx, id: string): Promise<ApiFile> {
  const row = await getFileRow(ctx.tx, ctx.agencyId, id);
  return toApiFile(row, await unitOf(ctx, row.unitId));
}

function toFields(row: FileRow): FileFields {
  const h = historyView(row) as Record<string, unknown>;
  delete h.id;
  delete h.version;
  return h as unknown as FileFields;
}

export async function updateFile(
  ctx: RegCtx,
  id: string,
  patch: FileFieldsPatch & { version?: number; reason?: string },
  opts: { skipChecks?: boolean; ignoreVersion?: boolean } = {},
): Promise<ApiFile> {
  const reason = requireReason(patch.reason);
  const before = await getFileRow(ctx.tx, ctx.agencyId, id);
  if (!opts.ignoreVersion) assertVersion(before.version, patch.version);
  const { version: _v, reason: _r, ...fields } = patch;
  const merged: FileFields = { ...toFields(before), ...fields } as FileFields;
  if (!opts.skipChecks) {
    const issues = [
      ...checkFileRules(merged, { ...ctx, wasPublic: before.isPublic }),
      ...(await existenceIssues(ctx, fields)),
    ];
    if (issues.length) throw invalid(ctx, issues);
    if (fields.name !== undefined || fields.unitId !== undefined)
      await assertUniqueName(ctx, merged.unitId, merged.name, id);
  }
  const next = rowValues(merged);
  // A write that changes nothing (re-imported row, double submit) leaves version and history alone.
  if (diffRecords(historyView(before), historyView({ ...before, ...next } as FileRow)).length === 0) {
    return toApiFile(before, await unitOf(ctx, before.unitId));
  }
  const after = await updateVersioned(ctx.tx, registryFiles, ctx.agencyId, id, before.version, {
    ...next,
    updatedBy: ctx.actor.actorId,
    updatedAt: new Date(),
  });
  await recordHistory(ctx.tx, ctx.actor, {
    entityType: "file",
    entityId: id,
    version: after.version,
    action: "update",
    reason,
    before: historyView(before),
    after: historyView(after),
  });
  return toApiFile(after, await unitOf(ctx, after.unitId));
}

export async function deleteFile(
  ctx: RegCtx,
  id: string,
  version: number | undefined,
  reasonIn: string | undefined,
) {
  const reason = requireReason(reasonIn);
  const before = await getFileRow(ctx.tx, ctx.agencyId, id);
  assertVersion(before.version, version);
  const refs = await fileReferences(ctx.tx, ctx.agencyId, id);
  if (refs.length) {
    throw new AppError(409, "registry.file_referenced", refs, {
      kinds: refs.map((r) => `${r.kind} ${r.count}`).join(", "),
    });
  }
  await ctx.tx.execute(
    sql`DELETE FROM registry_campaign_items WHERE agency_id = ${ctx.agencyId} AND file_id = ${id}`,
  );
  await ctx.tx
    .delete(registryFiles)
    .where(and(eq(registryFiles.agencyId, ctx.agencyId), eq(registryFiles.id, id)));
  await recordHistory(ctx.tx, ctx.actor, {
    entityType: "file",
    entityId: id,
    version: before.version + 1,
    action: "delete",
    reason,
    before: historyView(before),
  });
  return { id, name: before.name };
}

export interface FileListQuery {
  q?: string;
  unitId?: string;
  sensitive?: boolean;
  uniqueId?: boolean;
  entrusted?: boolean;
  public?: boolean;
  reviewDue?: boolean;
  status?: "active" | "retired";
  page: number;
  pageSize: number;
  sort: string;
}

export function fileListConditions(
  agencyId: string,
  today: string,
  f: Omit<FileListQuery, "page" | "pageSize" | "sort">,
) {
  const conds: SQL[] = [eq(registryFiles.agencyId, agencyId)];
  if (f.q) conds.push(ilike(registryFiles.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.unitId) conds.push(eq(registryFiles.unitId, f.unitId));
  if (f.sensitive !== undefined) conds.push(eq(registryFiles.hasSensitive, f.sensitive));
  if (f.uniqueId !== undefined) conds.push(eq(registryFiles.hasUniqueIdentifier, f.uniqueId));
  if (f.entrusted !== undefined) conds.push(eq(registryFiles.entrusted, f.entrusted));
  if (f.public !== undefined) conds.push(eq(registryFiles.isPublic, f.public));
  if (f.status) conds.push(eq(registryFiles.status, f.status));
  if (f.reviewDue) conds.push(lte(registryFiles.nextReviewOn, addDays(today, 30)));
  return and(...conds) as SQL;
}

const SORTS: Record<string, SQL[]> = {
  name: [asc(registryFiles.name), asc(registryFiles.id)],
  "-name": [desc(registryFiles.name), asc(registryFiles.id)],
  updatedAt: [asc(registryFiles.updatedAt), asc(registryFiles.id)],
  "-updatedAt": [desc(registryFiles.updatedAt), asc(registryFiles.id)],
  nextReviewOn: [sql`${registryFiles.nextReviewOn} asc nulls last`, asc(registryFiles.id)],
  "-nextReviewOn": [sql`${registryFiles.nextReviewOn} desc nulls last`, asc(registryFiles.id)],
  unit: [asc(units.code), asc(registryFiles.name), asc(registryFiles.id)],
};
export const FILE_SORTS = Object.keys(SORTS) as [string, ...string[]];

/**
 * The list's select list, written once: columns aliased to their API names, dates as text (both drivers
 * then agree), bookkeeping columns left out. The list runs as plain SQL because it is the register's
 * hottest read; filters and sorts are the same SQL fragments drizzle would build.
 */
const LIST_HIDDEN = new Set(["itemKinds", "createdBy", "updatedBy"]);
const LIST_SELECT = sql.raw(
  Object.entries(getTableColumns(registryFiles))
    .filter(([key]) => !LIST_HIDDEN.has(key))
    .map(
      ([key, col]) =>
        `"registry_files"."${col.name}"${col.columnType === "PgDateString" ? "::text" : ""} AS "${key}"`,
    )
    .join(", "),
);

type Rows<T> = { rows: T[] };

export async function listFiles(ctx: Pick<RegCtx, "tx" | "agencyId" | "today">, query: FileListQuery) {
  const where = fileListConditions(ctx.agencyId, ctx.today, query);
  const order = sql.join(SORTS[query.sort] ?? SORTS.name, sql`, `);
  // Count and page are sent together (issue 10): outside a transaction they run on two pooled
  // PostgreSQL connections at once (one round trip, not two); PGlite and a transaction queue them.
  const [counted, page] = (await Promise.all([
    ctx.tx.execute(sql`SELECT count(*)::int AS n FROM ${registryFiles} WHERE ${where}`),
    ctx.tx.execute(
      sql`SELECT ${LIST_SELECT}, ${units.code} AS "unitCode", ${units.nameLocal} AS "unitName"
      FROM ${registryFiles} LEFT JOIN ${units} ON ${units.id} = ${registryFiles.unitId}
      WHERE ${where} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    ),
  ])) as unknown as [Rows<{ n: number }>, Rows<ApiFile>];
  return {
    items: page.rows,
    total: Number(counted.rows[0]?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** camelCase key -> column name, and the jsonb_build_object that rebuilds historyView(row) in SQL. */
const FILE_COLUMNS = Object.entries(getTableColumns(registryFiles)).map(([key, col]) => ({
  key,
  name: col.name,
}));
const HISTORY_HIDDEN = new Set([
  "agencyId",
  "itemKinds",
  "hasSensitive",
  "hasUniqueIdentifier",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy",
]);
const HISTORY_JSON = sql.raw(
  `jsonb_build_object(${FILE_COLUMNS.filter((c) => !HISTORY_HIDDEN.has(c.key))
    .map((c) => `'${c.key}', ins."${c.name}"`)
    .join(", ")})`,
);

/**
 * Creates many validated files (xlsx import) in one statement per chunk: rows travel as one JSON
 * parameter and their history rows are written from the inserted rows in the same statement, in the
 * same shape historyView gives (so later diffs compare like with like).
 */
export async function bulkCreateFiles(ctx: RegCtx, inputs: FileFields[]): Promise<number> {
  const CHUNK = 2000;
  const now = new Date().toISOString();
  let n = 0;
  for (let i = 0; i < inputs.length; i += CHUNK) {
    // One object per row keyed by column name, built in one pass (no intermediate spread copies): the
    // same values rowValues() gives, plus the bookkeeping columns.
    const fixed = {
      agencyId: ctx.agencyId,
      version: 1,
      createdBy: ctx.actor.actorId,
      updatedBy: ctx.actor.actorId,
      createdAt: now,
      updatedAt: now,
    } as Record<string, unknown>;
    const objs = inputs.slice(i, i + CHUNK).map((f) => {
      const derived: Record<string, unknown> = derivedValues(f);
      const src = f as unknown as Record<string, unknown>;
      const o: Record<string, unknown> = {};
      for (const c of FILE_COLUMNS) {
        const v =
          c.key === "id"
            ? randomUUID()
            : c.key in fixed
              ? fixed[c.key]
              : c.key in derived
                ? derived[c.key]
                : src[c.key];
        if (v !== undefined) o[c.name] = v;
      }
      return o;
    });
    // Only the count comes back: returning every history id would ship thousands of rows to JS for nothing.
    const res = (await ctx.tx.execute(sql`WITH ins AS (
        INSERT INTO registry_files SELECT * FROM json_populate_recordset(null::registry_files, ${JSON.stringify(objs)}::json) RETURNING *
      ), hist AS (
        INSERT INTO registry_history (agency_id, actor_id, actor_label, entity_type, entity_id, version, action, reason, "after")
        SELECT ins.agency_id, ${ctx.actor.actorId}::uuid, ${ctx.actor.actorLabel}, 'file', ins.id, ins.version, 'create', 'xlsx import', ${HISTORY_JSON}
        FROM ins RETURNING 1
      )
      SELECT count(*)::int AS n FROM hist`)) as unknown as { rows: Array<{ n: number }> };
    n += Number(res.rows[0]?.n ?? 0);
  }
  return n;
}
