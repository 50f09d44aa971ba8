import { and, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { type EntityType, recordHistory } from "./history";
import type { RegCtx } from "./registry-context";
import { assertVersion, loadOwned, requireReason, updateVersioned } from "./versioned";

type VT = PgTable & { id: PgColumn; agencyId: PgColumn; version: PgColumn };

const strip = (row: Record<string, unknown>) => {
  const { agencyId, createdAt, updatedAt, ...rest } = row;
  return rest;
};

/** Insert + history "create". */
export async function insertWithHistory<T extends VT>(
  ctx: RegCtx,
  table: T,
  entityType: EntityType,
  values: Record<string, unknown>,
) {
  const [row] = (await ctx.tx
    .insert(table as PgTable)
    .values({ ...values, agencyId: ctx.agencyId } as never)
    .returning()) as Array<T["$inferSelect"] & { id: string; version: number }>;
  await recordHistory(ctx.tx, ctx.actor, {
    entityType,
    entityId: row.id,
    version: row.version,
    action: "create",
    after: strip(row),
  });
  return row;
}

/** Versioned update + history "update" with the reason. */
export async function patchWithHistory<T extends VT>(
  ctx: RegCtx,
  table: T,
  entityType: EntityType,
  id: string,
  body: { version?: number; reason?: string } & Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  const reason = requireReason(body.reason);
  const before = (await loadOwned(ctx.tx, table, ctx.agencyId, id)) as Record<string, unknown> & {
    version: number;
  };
  assertVersion(before.version, body.version);
  const { version: _v, reason: _r, ...fields } = body;
  const values: Record<string, unknown> = { ...fields, ...extra };
  if ("updatedAt" in (table as unknown as Record<string, unknown>)) values.updatedAt = new Date();
  const after = (await updateVersioned(ctx.tx, table, ctx.agencyId, id, before.version, values)) as Record<
    string,
    unknown
  > & {
    id: string;
    version: number;
  };
  await recordHistory(ctx.tx, ctx.actor, {
    entityType,
    entityId: id,
    version: after.version,
    action: "update",
    reason,
    before: strip(before),
    after: strip(after),
  });
  return after as T["$inferSelect"] & { id: string; version: number };
}

/** Versioned delete + history "delete". */
export async function deleteWithHistory<T extends VT>(
  ctx: RegCtx,
  table: T,
  entityType: EntityType,
  id: string,
  body: { version?: number; reason?: string },
) {
  const reason = requireReason(body.reason);
  const before = (await loadOwned(ctx.tx, table, ctx.agencyId, id)) as Record<string, unknown> & {
    version: number;
  };
  assertVersion(before.version, body.version);
  await ctx.tx.delete(table as PgTable).where(and(eq(table.agencyId, ctx.agencyId), eq(table.id, id)));
  await recordHistory(ctx.tx, ctx.actor, {
    entityType,
    entityId: id,
    version: before.version + 1,
    action: "delete",
    reason,
    before: strip(before),
  });
  return { id };
}
