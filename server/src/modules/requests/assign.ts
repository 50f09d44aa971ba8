import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { staff, units } from "../../db/schema";
import { badRequest } from "../../http/errors";

/** A unit and an assignee given with a new request must belong to the agency (assignee active). */
export async function assertAssignable(tx: Tx, agencyId: string, unitId?: string, assigneeId?: string) {
  if (unitId) {
    const [u] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, unitId), eq(units.agencyId, agencyId)));
    if (!u) throw badRequest("cases.bad_unit");
  }
  if (assigneeId) {
    const [m] = await tx
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.id, assigneeId), eq(staff.agencyId, agencyId), eq(staff.status, "active")));
    if (!m) throw badRequest("cases.bad_assignee");
  }
}
