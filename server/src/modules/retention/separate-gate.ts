import { mayAccessSeparate } from "@civicpims/core/retention/index";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { forbidden } from "../../http/errors";
import { rows } from "./context";

// Separate storage (분리보관, D3) on the routes that show a case or a record: a target in active separate storage is
// refused (detail routes, any method) or left out (list routes) for every role the hold does not name. One gate
// for all routes, called by defineRoute, so a new route under these paths is covered without remembering it.

type TargetType = "case" | "record";

/** Routes addressing one target by `:id` (the case kinds' ids are case ids; records items are record ids). */
const DETAIL: Array<{ re: RegExp; type: TargetType }> = [
  { re: /^\/api\/(cases|requests|petitions|disclosure)\/:id(\/|$)/, type: "case" },
  { re: /^\/api\/records\/items\/:id(\/|$)/, type: "record" },
];
/** List routes whose rows carry the target's `id`. */
const LISTS: Record<string, TargetType> = {
  "GET /api/cases": "case",
  "GET /api/cases/queue": "case",
  "GET /api/requests": "case",
  "GET /api/petitions": "case",
  "GET /api/disclosure": "case",
  "GET /api/records/items": "record",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function detailGate(url: string): TargetType | null {
  return DETAIL.find((d) => d.re.test(url))?.type ?? null;
}
export function listGate(method: string, url: string): TargetType | null {
  return LISTS[`${method} ${url}`] ?? null;
}

/** The active separate-storage holds of the agency for one target type, with the roles each names. */
async function separated(q: Queryable, agencyId: string, type: TargetType, id?: string) {
  return rows<{ targetId: string; roles: string[] }>(
    q,
    sql`SELECT target_id::text AS "targetId", roles FROM retention_holds
        WHERE agency_id = ${agencyId} AND kind = 'separate_storage' AND status = 'active' AND target_type = ${type}
          ${id ? sql`AND target_id = ${id}::uuid` : sql``}`,
  );
}

/** Detail routes: 403 when the target is in separate storage the actor's roles may not open [D3]. */
export async function assertSeparateAccess(
  q: Queryable,
  agencyId: string,
  type: TargetType,
  id: unknown,
  actorRoles: readonly string[],
): Promise<void> {
  if (typeof id !== "string" || !UUID.test(id)) return; // the route's own validation answers
  for (const h of await separated(q, agencyId, type, id))
    if (!mayAccessSeparate(h.roles, actorRoles)) throw forbidden("retention.separate_forbidden");
}

/** List routes: rows in separate storage the actor may not open are left out (and out of the page's total). */
export async function hideSeparated<R>(
  q: Queryable,
  agencyId: string,
  type: TargetType,
  actorRoles: readonly string[],
  result: R,
): Promise<R> {
  const hidden = new Set(
    (await separated(q, agencyId, type))
      .filter((h) => !mayAccessSeparate(h.roles, actorRoles))
      .map((h) => h.targetId),
  );
  if (!hidden.size) return result;
  const keep = (r: unknown) => !hidden.has(String((r as { id?: unknown })?.id ?? ""));
  if (Array.isArray(result)) return result.filter(keep) as R;
  const page = result as { items?: unknown[]; total?: number };
  if (page && Array.isArray(page.items)) {
    const items = page.items.filter(keep);
    const dropped = page.items.length - items.length;
    return {
      ...page,
      items,
      ...(typeof page.total === "number" ? { total: Math.max(0, page.total - dropped) } : {}),
    } as R;
  }
  return result;
}
