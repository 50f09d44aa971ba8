import { diffRecords } from "@civicpims/core/registry/diff";
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { registryHistory } from "../../db/schema";

export const ENTITY_TYPES = [
  "file",
  "system",
  "flow",
  "provision",
  "entrustment",
  "device",
  "risk",
  "campaign",
  "vendor_staff",
  "supervision",
  "local_codes",
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Actor {
  agencyId: string;
  actorId: string | null;
  actorLabel: string | null;
}

/** Keeps the record before and after a change, with who and why (item 8). */
export async function recordHistory(
  q: Queryable,
  actor: Actor,
  entry: {
    entityType: EntityType;
    entityId: string;
    version: number;
    action: "create" | "update" | "delete";
    reason?: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await q.insert(registryHistory).values({
    agencyId: actor.agencyId,
    actorId: actor.actorId,
    actorLabel: actor.actorLabel,
    entityType: entry.entityType,
    entityId: entry.entityId,
    version: entry.version,
    action: entry.action,
    reason: entry.reason ?? null,
    before: entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before)),
    after: entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after)),
  });
}

export async function listHistory(q: Queryable, agencyId: string, entityType: string, entityId: string) {
  const rows = await q
    .select()
    .from(registryHistory)
    .where(
      and(
        eq(registryHistory.agencyId, agencyId),
        eq(registryHistory.entityType, entityType),
        eq(registryHistory.entityId, entityId),
      ),
    )
    .orderBy(asc(registryHistory.id));
  return rows.map((r) => ({
    version: r.version,
    action: r.action,
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    reason: r.reason,
    at: r.at,
    changes: diffRecords(
      r.before as Record<string, unknown> | null,
      r.after as Record<string, unknown> | null,
    ),
  }));
}
