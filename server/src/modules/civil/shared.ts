import { maskValue } from "@civicpims/core/pii/index";
import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { cases, staff, units } from "../../db/schema";
import { notFound } from "../../http/errors";
import "./messages";

/** Masked form of a person's name and contact for screens (the full values stay encrypted). */
export function maskPerson(p: { name: string; contact?: string | null }) {
  return {
    name: maskValue("PERSON_NAME", p.name),
    contact: p.contact ? maskValue(p.contact.includes("@") ? "EMAIL" : "KR_PHONE", p.contact) : null,
  };
}

/** Today in the agency's time zone would need the agency; the server's UTC day is close enough for a default. */
export const today = () => new Date().toISOString().slice(0, 10);

/** A unit of the caller's agency, or a refusal naming the field (another agency's unit is "not found"). */
export async function ownUnit(tx: Tx, agencyId: string, unitId: string | null | undefined) {
  if (!unitId) return;
  const [u] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.agencyId, agencyId), eq(units.id, unitId)));
  if (!u) throw notFound("civil.unit_not_found");
}

export async function ownStaff(tx: Tx, agencyId: string, staffId: string | null | undefined) {
  if (!staffId) return;
  const [s] = await tx
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.agencyId, agencyId), eq(staff.id, staffId)));
  if (!s) throw notFound("civil.staff_not_found");
}

export async function ownCase(tx: Tx, agencyId: string, caseId: string | null | undefined) {
  if (!caseId) return null;
  const [c] = await tx
    .select({ id: cases.id, number: cases.number })
    .from(cases)
    .where(and(eq(cases.agencyId, agencyId), eq(cases.id, caseId)));
  if (!c) throw notFound("civil.case_not_found");
  return c;
}
