import { and, asc, desc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { agencies, committeeMembers, committees, roleAssignments, staff, units } from "../../db/schema";
import { conflict, notFound } from "../../http/errors";

/**
 * Organisation data access. Every function takes the caller's agencyId and filters by it, so an id
 * from another agency behaves exactly like an unknown id.
 */
export const staffColumns = {
  id: staff.id,
  username: staff.username,
  displayName: staff.displayName,
  unitId: staff.unitId,
  email: staff.email,
  phone: staff.phone,
  position: staff.position,
  locale: staff.locale,
  status: staff.status,
  mfaEnabled: staff.mfaEnabled,
  lastLoginAt: staff.lastLoginAt,
};

export async function getAgency(q: Queryable, agencyId: string) {
  const [a] = await q.select().from(agencies).where(eq(agencies.id, agencyId));
  if (!a) throw notFound("org.unknown_agency");
  return a;
}

export async function listUnits(q: Queryable, agencyId: string) {
  return q.select().from(units).where(eq(units.agencyId, agencyId)).orderBy(asc(units.code));
}

export async function getUnit(q: Queryable, agencyId: string, id: string) {
  const [u] = await q
    .select()
    .from(units)
    .where(and(eq(units.agencyId, agencyId), eq(units.id, id)));
  if (!u) throw notFound();
  return u;
}

/** 409 org.duplicate_code when another unit of the agency already uses `code`. */
export async function assertUnitCodeFree(
  q: Queryable,
  agencyId: string,
  code: string,
  exceptId: string | null,
) {
  const [dup] = await q
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.agencyId, agencyId), eq(units.code, code)));
  if (dup && dup.id !== exceptId) throw conflict("org.duplicate_code");
}

/** Refuses a parent that is the unit itself or one of its descendants (the tree must stay a tree). */
export async function assertValidParent(
  q: Queryable,
  agencyId: string,
  unitId: string | null,
  parentId: string,
) {
  const all = await listUnits(q, agencyId);
  const byId = new Map(all.map((u) => [u.id, u]));
  if (!byId.has(parentId)) throw notFound();
  let cur: string | null = parentId;
  for (let guard = 0; cur && guard < 1000; guard++) {
    if (cur === unitId) throw conflict("org.unit_cycle");
    cur = byId.get(cur)?.parentId ?? null;
  }
}

export async function listStaff(q: Queryable, agencyId: string, filter: { q?: string; unitId?: string }) {
  const conds = [eq(staff.agencyId, agencyId)];
  if (filter.unitId) conds.push(eq(staff.unitId, filter.unitId));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(staff.username, like), ilike(staff.displayName, like))!);
  }
  const rows = await q
    .select(staffColumns)
    .from(staff)
    .where(and(...conds))
    .orderBy(asc(staff.username));
  const roles = await q
    .select({
      id: roleAssignments.id,
      staffId: roleAssignments.staffId,
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
    })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.agencyId, agencyId), isNull(roleAssignments.revokedAt)));
  return rows.map((s) => ({
    ...s,
    roles: roles.filter((r) => r.staffId === s.id).map(({ staffId: _s, ...r }) => r),
  }));
}

export async function getStaff(q: Queryable, agencyId: string, id: string) {
  const [s] = await q
    .select(staffColumns)
    .from(staff)
    .where(and(eq(staff.agencyId, agencyId), eq(staff.id, id)));
  if (!s) throw notFound();
  return s;
}

export async function activeAdminCount(q: Queryable, agencyId: string): Promise<number> {
  const [r] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(roleAssignments)
    .innerJoin(staff, eq(staff.id, roleAssignments.staffId))
    .where(
      and(
        eq(roleAssignments.agencyId, agencyId),
        eq(roleAssignments.role, "system_admin"),
        isNull(roleAssignments.revokedAt),
        eq(staff.status, "active"),
      ),
    );
  return r?.n ?? 0;
}

export async function roleHistory(q: Queryable, agencyId: string) {
  return q
    .select({
      id: roleAssignments.id,
      staffId: roleAssignments.staffId,
      username: staff.username,
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
      grantedBy: roleAssignments.grantedBy,
      grantedAt: roleAssignments.grantedAt,
      reason: roleAssignments.reason,
      revokedBy: roleAssignments.revokedBy,
      revokedAt: roleAssignments.revokedAt,
      revokeReason: roleAssignments.revokeReason,
    })
    .from(roleAssignments)
    .innerJoin(staff, eq(staff.id, roleAssignments.staffId))
    .where(eq(roleAssignments.agencyId, agencyId))
    .orderBy(desc(roleAssignments.grantedAt));
}

export async function listCommittees(q: Queryable, agencyId: string) {
  const cs = await q
    .select()
    .from(committees)
    .where(eq(committees.agencyId, agencyId))
    .orderBy(asc(committees.nameLocal));
  const ms = await q
    .select({
      id: committeeMembers.id,
      committeeId: committeeMembers.committeeId,
      staffId: committeeMembers.staffId,
      staffName: staff.displayName,
      externalName: committeeMembers.externalName,
      unitId: committeeMembers.unitId,
      position: committeeMembers.position,
      since: committeeMembers.since,
      until: committeeMembers.until,
    })
    .from(committeeMembers)
    .leftJoin(staff, eq(staff.id, committeeMembers.staffId))
    .where(eq(committeeMembers.agencyId, agencyId));
  return cs.map((c) => ({ ...c, members: ms.filter((m) => m.committeeId === c.id) }));
}

export async function getCommittee(q: Queryable, agencyId: string, id: string) {
  const [c] = await q
    .select()
    .from(committees)
    .where(and(eq(committees.agencyId, agencyId), eq(committees.id, id)));
  if (!c) throw notFound();
  return c;
}
