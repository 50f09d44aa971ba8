import { isCurrent, NON_STAFF_ROLES, UNIT_ROLES } from "@civicpims/core/civil/index";
import { and, asc, desc, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Tx } from "../../db/client";
import { civilMonitorReports, civilRoster, type RosterPerson, staff, units } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { decryptField, encryptField } from "../../security/field-crypto";
import * as s from "./civil.schemas";
import { maskPerson, ownStaff, ownUnit, today } from "./shared";

const tag = "civil";

async function rosterRows(tx: Tx, deps: AppDeps, agencyId: string, id?: string) {
  const rows = await tx
    .select({ r: civilRoster, staffName: staff.displayName, unitName: units.nameLocal })
    .from(civilRoster)
    .leftJoin(staff, eq(staff.id, civilRoster.staffId))
    .leftJoin(units, eq(units.id, civilRoster.unitId))
    .where(and(eq(civilRoster.agencyId, agencyId), id ? eq(civilRoster.id, id) : undefined))
    .orderBy(asc(civilRoster.role), desc(civilRoster.validFrom));
  const on = today();
  return rows.map(({ r, staffName, unitName }) => {
    const { agencyId: _a, personEnc, ...rest } = r;
    // Residents (monitors, helpers who are not staff): only the masked name and contact leave the server.
    const person = personEnc
      ? maskPerson(JSON.parse(decryptField(deps.secrets.fieldKey, personEnc)) as RosterPerson)
      : null;
    return { ...rest, staffName, unitName, person, current: isCurrent(r, on) };
  });
}

/** Civil-affairs roster (A17) and the monitor programme (I5). */
export function registerRosterRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/civil/roster",
    access: "civil.roster.read",
    tag,
    summary: "Designations: guardians, monitors, guide helpers, the records-management unit",
    handler: async ({ tx, agencyId }) => rosterRows(tx, deps, agencyId),
    audit: {
      action: "civil.roster.read",
      details: (r) => ({ count: r.length, ids: r.filter((x) => x.person).map((x) => x.id) }),
    },
  });

  // The petition screens' guardian picker reads this (I5): staff only, so no personal data beyond a staff name.
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/civil/roster/guardians",
    access: "civil.roster.read",
    tag,
    summary: "Petition guardians (민원후견인) designated on a day (default today)",
    query: s.rosterQuery,
    handler: async ({ tx, agencyId, query }) => {
      const on = query.on ?? today();
      const rows = await tx
        .select({
          id: civilRoster.id,
          staffId: civilRoster.staffId,
          displayName: staff.displayName,
          unitId: staff.unitId,
          validFrom: civilRoster.validFrom,
          validTo: civilRoster.validTo,
        })
        .from(civilRoster)
        .innerJoin(staff, eq(staff.id, civilRoster.staffId))
        .where(
          and(
            eq(civilRoster.agencyId, agencyId),
            eq(civilRoster.role, "guardian"),
            lte(civilRoster.validFrom, on),
            or(isNull(civilRoster.validTo), gte(civilRoster.validTo, on)),
          ),
        )
        .orderBy(asc(staff.displayName));
      return rows;
    },
    audit: { skip: "staff names of designated guardians, as the staff directory shows them" },
  });

  // Whoever keeps the roster needs to pick staff without the full staff directory (org.staff.read).
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/civil/roster/staff",
    access: "civil.roster.write",
    tag,
    summary: "Active staff to designate (name and unit only)",
    handler: async ({ tx, agencyId }) =>
      tx
        .select({ id: staff.id, displayName: staff.displayName, unitId: staff.unitId })
        .from(staff)
        .where(and(eq(staff.agencyId, agencyId), eq(staff.status, "active")))
        .orderBy(asc(staff.displayName)),
    audit: { skip: "staff names and units, as the staff directory shows them" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/civil/roster",
    access: "civil.roster.write",
    tag,
    summary: "Designate a guardian, monitor, guide helper or the records-management unit",
    body: s.rosterCreate,
    status: 201,
    handler: async ({ tx, agencyId, auth, body }) => {
      const unitRole = UNIT_ROLES.includes(body.role);
      if (unitRole ? !body.unitId : !body.staffId && !body.person)
        throw badRequest(unitRole ? "civil.roster.unit_required" : "civil.roster.person_required");
      if (!unitRole && body.person && !NON_STAFF_ROLES.includes(body.role))
        throw badRequest("civil.roster.staff_required");
      if (body.validTo && body.validTo < body.validFrom) throw badRequest("civil.period_order");
      await ownStaff(tx, agencyId, unitRole ? null : body.staffId);
      await ownUnit(tx, agencyId, body.unitId);
      const [row] = await tx
        .insert(civilRoster)
        .values({
          agencyId,
          role: body.role,
          staffId: unitRole ? null : (body.staffId ?? null),
          unitId: body.unitId ?? null,
          personEnc:
            !unitRole && !body.staffId && body.person
              ? encryptField(deps.secrets.fieldKey, JSON.stringify(body.person))
              : null,
          validFrom: body.validFrom,
          validTo: body.validTo ?? null,
          note: body.note ?? null,
          createdBy: auth.staffId,
        })
        .returning();
      return (await rosterRows(tx, deps, agencyId, row.id))[0];
    },
    audit: {
      action: "civil.roster.designate",
      resourceType: "civil_roster",
      resourceId: (r) => r.id,
      details: (r) => ({ role: r.role }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/civil/roster/:id/end",
    access: "civil.roster.write",
    tag,
    summary: "End a designation on a day",
    params: s.idParams,
    body: s.rosterEnd,
    handler: async ({ tx, agencyId, params, body }) => {
      const [r] = await tx
        .select()
        .from(civilRoster)
        .where(and(eq(civilRoster.agencyId, agencyId), eq(civilRoster.id, params.id)));
      if (!r) throw notFound();
      if (body.validTo < r.validFrom) throw badRequest("civil.period_order");
      await tx.update(civilRoster).set({ validTo: body.validTo }).where(eq(civilRoster.id, r.id));
      return (await rosterRows(tx, deps, agencyId, r.id))[0];
    },
    audit: { action: "civil.roster.end", resourceType: "civil_roster", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/civil/roster/:id/reports",
    access: "civil.roster.read",
    tag,
    summary: "A monitor's reports (I5)",
    params: s.idParams,
    handler: async ({ tx, agencyId, params }) => {
      const [r] = await tx
        .select({ id: civilRoster.id })
        .from(civilRoster)
        .where(and(eq(civilRoster.agencyId, agencyId), eq(civilRoster.id, params.id)));
      if (!r) throw notFound();
      const rows = await tx
        .select()
        .from(civilMonitorReports)
        .where(and(eq(civilMonitorReports.agencyId, agencyId), eq(civilMonitorReports.rosterId, r.id)))
        .orderBy(desc(civilMonitorReports.reportedOn));
      return {
        id: r.id,
        reports: rows.map(({ agencyId: _a, summaryEnc, ...rest }) => ({
          ...rest,
          summary: decryptField(deps.secrets.fieldKey, summaryEnc),
        })),
      };
    },
    audit: { action: "civil.monitor_report.read", resourceType: "civil_roster", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/civil/roster/:id/reports",
    access: "civil.roster.write",
    tag,
    summary: "Record a monitor's report with its reward",
    params: s.idParams,
    body: s.monitorReportCreate,
    status: 201,
    handler: async ({ tx, agencyId, auth, params, body }) => {
      const [r] = await tx
        .select()
        .from(civilRoster)
        .where(and(eq(civilRoster.agencyId, agencyId), eq(civilRoster.id, params.id)));
      if (!r) throw notFound();
      if (r.role !== "monitor") throw new AppError(409, "civil.roster.not_monitor");
      if ((body.rewardAmount ?? null) !== null && !body.rewardCurrency)
        throw badRequest("civil.currency_required");
      const [row] = await tx
        .insert(civilMonitorReports)
        .values({
          agencyId,
          rosterId: r.id,
          reportedOn: body.reportedOn,
          summaryEnc: encryptField(deps.secrets.fieldKey, body.summary),
          rewardAmount: body.rewardAmount ?? null,
          rewardCurrency: body.rewardAmount != null ? (body.rewardCurrency ?? null) : null,
          createdBy: auth.staffId,
        })
        .returning();
      return { id: row.id, rosterId: r.id };
    },
    audit: {
      action: "civil.monitor_report.record",
      resourceType: "civil_monitor_report",
      resourceId: (r) => r.id,
    },
  });
}
