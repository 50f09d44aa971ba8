// Civil-affairs roster (A17, I5): who holds which civil-affairs designation, and when.

/**
 * guardian 민원후견인 (I5, since 1995.12.1), monitor 민원모니터요원 (residents, I5), guide_helper 민원안내 도우미,
 * records_unit 기록물관리 전담부서 (a unit, not a person; seed 003 II: set up 2004.1).
 */
export const ROSTER_ROLES = ["guardian", "monitor", "guide_helper", "records_unit"] as const;
export type RosterRole = (typeof ROSTER_ROLES)[number];

/** Roles held by a unit rather than a person. */
export const UNIT_ROLES: readonly RosterRole[] = ["records_unit"];
/** Roles that may be held by people who are not staff (their name and contact are then stored encrypted). */
export const NON_STAFF_ROLES: readonly RosterRole[] = ["monitor", "guide_helper"];

export interface Designation {
  validFrom: string;
  validTo: string | null;
}

/** A designation is current on `on` (YYYY-MM-DD) when it started on or before and has not ended before it. */
export function isCurrent(d: Designation, on: string): boolean {
  return d.validFrom <= on && (d.validTo === null || d.validTo >= on);
}
