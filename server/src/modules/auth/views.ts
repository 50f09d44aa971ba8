import { permissionsOf, type Role } from "@civicpims/core/auth/index";
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { agencies, roleAssignments, staff } from "../../db/schema";

/** The signed-in user and agency as the web app sees them (docs/api.md, GET /api/auth/session). */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  locale: "ko" | "zh-TW" | "en" | null;
  mfaEnabled: boolean;
  roles: Array<{ role: Role; unitId: string | null }>;
}

export interface AgencyView {
  id: string;
  code: string;
  nameLocal: string;
  nameEn: string;
  jurisdiction: "KR" | "TW";
  timeZone: string;
  defaultLocale: "ko" | "zh-TW" | "en";
}

export async function activeRoles(q: Queryable, staffId: string): Promise<UserView["roles"]> {
  const rows = await q
    .select({ role: roleAssignments.role, unitId: roleAssignments.unitId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.staffId, staffId), isNull(roleAssignments.revokedAt)));
  return rows as UserView["roles"];
}

export async function loadUserView(q: Queryable, staffId: string): Promise<UserView | null> {
  const [row] = await q
    .select({
      id: staff.id,
      username: staff.username,
      displayName: staff.displayName,
      unitId: staff.unitId,
      locale: staff.locale,
      mfaEnabled: staff.mfaEnabled,
    })
    .from(staff)
    .where(eq(staff.id, staffId))
    .limit(1);
  if (!row) return null;
  return { ...row, roles: await activeRoles(q, staffId) };
}

export async function loadAgencyView(q: Queryable, agencyId: string): Promise<AgencyView | null> {
  const [row] = await q
    .select({
      id: agencies.id,
      code: agencies.code,
      nameLocal: agencies.nameLocal,
      nameEn: agencies.nameEn,
      jurisdiction: agencies.jurisdiction,
      timeZone: agencies.timeZone,
      defaultLocale: agencies.defaultLocale,
    })
    .from(agencies)
    .where(eq(agencies.id, agencyId))
    .limit(1);
  return row ?? null;
}

export function permissionsFor(roles: UserView["roles"]): string[] {
  return permissionsOf(roles.map((r) => r.role));
}
