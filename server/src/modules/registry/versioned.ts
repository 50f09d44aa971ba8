import { and, eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client";
import { AppError, badRequest, conflict, notFound } from "../../http/errors";

type VersionedTable = PgTable & { id: PgColumn; agencyId: PgColumn; version: PgColumn };

export function requireReason(reason: string | undefined | null): string {
  const r = reason?.trim();
  if (!r) throw badRequest("registry.reason_required");
  return r;
}

/** Loads a row of the caller's agency or 404 (another agency's id behaves like an unknown id). */
export async function loadOwned<T extends VersionedTable>(
  q: Queryable,
  table: T,
  agencyId: string,
  id: string,
): Promise<T["$inferSelect"]> {
  const [row] = await q
    .select()
    .from(table as PgTable)
    .where(and(eq(table.agencyId, agencyId), eq(table.id, id)));
  if (!row) throw notFound();
  return row as T["$inferSelect"];
}

export function assertVersion(current: number, given: number | undefined): void {
  if (given === undefined || given !== current) {
    throw new AppError(409, "registry.stale_version", { currentVersion: current });
  }
}

/**
 * Writes a change only if nobody else did in between: the UPDATE matches the version read, so two
 * concurrent writers cannot both succeed (the loser gets 409 instead of silently overwriting).
 */
export async function updateVersioned<T extends VersionedTable>(
  q: Queryable,
  table: T,
  agencyId: string,
  id: string,
  version: number,
  values: Record<string, unknown>,
): Promise<T["$inferSelect"]> {
  const rows = await q
    .update(table as PgTable)
    .set({ ...values, version: sql`${table.version} + 1` } as never)
    .where(and(eq(table.agencyId, agencyId), eq(table.id, id), eq(table.version, version)))
    .returning();
  if (!rows.length) throw conflict("registry.stale_version", { currentVersion: null });
  return rows[0] as T["$inferSelect"];
}
