// Who may hold a case (issue 11 item 1): the checks behind intake assignment, reassignment and the queue's
// "hand to" candidates. A staff member may hold a case of a unit when they belong to that unit or hold a role
// there (or agency-wide), and hold a role that can work on cases.
import { can, PERMISSIONS, type Permission, type Role } from "@civicpims/core/auth/index";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { roleAssignments, staff, units } from "../../db/schema";
import { AppError, badRequest, notFound } from "../../http/errors";

export interface StaffRoles {
  id: string;
  name: string;
  unitId: string | null;
  active: boolean;
  roles: Array<{ role: Role; unitId: string | null }>;
}

/** A staff member of the agency with their active role grants; another agency's id -> null. */
export async function staffWithRoles(
  q: Queryable,
  agencyId: string,
  staffId: string,
): Promise<StaffRoles | null> {
  const [m] = await q
    .select({ id: staff.id, name: staff.displayName, unitId: staff.unitId, status: staff.status })
    .from(staff)
    .where(and(eq(staff.id, staffId), eq(staff.agencyId, agencyId)));
  if (!m) return null;
  const roles = await q
    .select({ role: roleAssignments.role, unitId: roleAssignments.unitId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.staffId, m.id),
        eq(roleAssignments.agencyId, agencyId),
        isNull(roleAssignments.revokedAt),
      ),
    );
  return { id: m.id, name: m.name, unitId: m.unitId, active: m.status === "active", roles };
}

/** Roles that count for a case of `unitId`: agency-wide grants and grants in that unit. */
export function rolesIn(s: Pick<StaffRoles, "roles">, unitId: string | null): Role[] {
  return s.roles
    .filter((r) => r.unitId === null || unitId === null || r.unitId === unitId)
    .map((r) => r.role);
}

/**
 * Refuses an assignee who cannot hold a case of `unitId` (stable codes, localised messages):
 * unknown or another agency's -> 404 like an unknown case; disabled -> cases.bad_assignee; not in the unit
 * and no role there -> cases.assignee_other_unit; no role that works on cases -> cases.assignee_no_role;
 * `needs`: the permission of the step the case is handed over for -> cases.assignee_cannot_step.
 */
export async function assertEligible(
  q: Queryable,
  agencyId: string,
  assigneeId: string,
  unitId: string | null,
  needs?: Permission,
): Promise<StaffRoles> {
  const s = await staffWithRoles(q, agencyId, assigneeId);
  if (!s) throw notFound();
  if (!s.active) throw badRequest("cases.bad_assignee");
  const scoped = rolesIn(s, unitId);
  if (unitId && s.unitId !== unitId && !s.roles.some((r) => r.unitId === null || r.unitId === unitId))
    throw badRequest("cases.assignee_other_unit");
  if (!can(scoped, "cases.process") && !(needs && can(scoped, needs)))
    throw badRequest("cases.assignee_no_role");
  if (needs && !can(scoped, needs))
    throw new AppError(400, "cases.assignee_cannot_step", { permission: needs });
  return s;
}

/** Units whose unassigned cases are the caller's to pick up: their own unit and units they hold a role in. */
export function unitsOf(auth: { unitId: string | null; roles: Array<{ unitId: string | null }> }): string[] {
  const ids = new Set<string>();
  if (auth.unitId) ids.add(auth.unitId);
  for (const r of auth.roles) if (r.unitId) ids.add(r.unitId);
  return [...ids];
}

/** Active staff who may take a step needing `permission` on a case of `unitId` (for "hand to ..."). */
export async function candidatesFor(
  q: Queryable,
  agencyId: string,
  permission: Permission,
  unitId: string | null,
) {
  const allowed = PERMISSIONS[permission] as readonly Role[];
  const rows = await q
    .selectDistinct({ id: staff.id, name: staff.displayName, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(staff, eq(staff.id, roleAssignments.staffId))
    .where(
      and(
        eq(roleAssignments.agencyId, agencyId),
        isNull(roleAssignments.revokedAt),
        inArray(roleAssignments.role, [...allowed]),
        eq(staff.status, "active"),
        unitId ? or(isNull(roleAssignments.unitId), eq(roleAssignments.unitId, unitId)) : undefined,
      ),
    )
    .orderBy(staff.displayName);
  const byId = new Map<string, { id: string; name: string; roles: Role[] }>();
  for (const r of rows) {
    const cur = byId.get(r.id) ?? { id: r.id, name: r.name, roles: [] };
    cur.roles.push(r.role);
    byId.set(r.id, cur);
  }
  return [...byId.values()].slice(0, 50);
}

/** The unit's default handler if they may still hold its cases; otherwise null (the case waits in the unit). */
export async function defaultHandlerOf(
  q: Queryable,
  agencyId: string,
  unitId: string,
): Promise<string | null> {
  const [u] = await q
    .select({ h: units.defaultHandlerId })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.agencyId, agencyId)));
  if (!u?.h) return null;
  try {
    await assertEligible(q, agencyId, u.h, unitId);
    return u.h;
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}
