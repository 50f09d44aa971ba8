import { and, eq, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Tx } from "../../db/client";
import { agencies, committeeMembers, committees, roleAssignments, staff, units } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, conflict, notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { assertPasswordPolicy, hashPassword } from "../auth/password.service";
import { assertEligible } from "../cases/assignees";
import { seedPetitionTypes } from "../petitions/types.service";
import * as repo from "./org.repo";
import * as s from "./org.schemas";

const JURISDICTION_DEFAULTS = {
  KR: { timeZone: "Asia/Seoul", defaultLocale: "ko" },
  TW: { timeZone: "Asia/Taipei", defaultLocale: "zh-TW" },
} as const;

/** A unit's default handler must be able to hold its cases (issue 11); any refusal -> one clear code. */
async function assertDefaultHandler(tx: Tx, agencyId: string, staffId: string, unitId: string | null) {
  try {
    await assertEligible(tx, agencyId, staffId, unitId);
  } catch (e) {
    if (e instanceof AppError) throw badRequest("cases.bad_default_handler");
    throw e;
  }
}

/** Agency profile, units, staff, roles and committees (module A). */
export function registerOrgRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "org";

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/org/agency",
    access: "org.agency.read",
    tag,
    summary: "The caller's agency profile (A1)",
    handler: ({ tx, agencyId }) => repo.getAgency(tx, agencyId),
    audit: { skip: "agency profile is public information" },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/org/agency",
    access: "org.agency.update",
    tag,
    summary: "Update the agency profile",
    body: s.agencyPatch,
    handler: async ({ tx, agencyId, body }) => {
      const [a] = await tx
        .update(agencies)
        .set({ ...body, updatedAt: new Date() })
        .where(eq(agencies.id, agencyId))
        .returning();
      return a;
    },
    audit: { action: "org.agency.update", resourceType: "agency", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/org/agencies",
    access: "org.agencies.create",
    tag,
    summary: "Create another agency on this installation, with its first system administrator",
    body: s.agencyCreate,
    status: 201,
    handler: async ({ tx, body }) => {
      assertPasswordPolicy(body.admin.password, body.admin.username);
      const [exists] = await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(eq(agencies.code, body.code));
      if (exists) throw conflict("org.duplicate_code");
      const [a] = await tx
        .insert(agencies)
        .values({
          code: body.code,
          nameLocal: body.nameLocal,
          nameEn: body.nameEn,
          jurisdiction: body.jurisdiction,
          ...JURISDICTION_DEFAULTS[body.jurisdiction],
        })
        .returning();
      const [admin] = await tx
        .insert(staff)
        .values({
          agencyId: a.id,
          username: body.admin.username,
          displayName: body.admin.displayName,
          passwordHash: await hashPassword(body.admin.password),
          passwordChangedAt: new Date(),
        })
        .returning({ id: staff.id });
      await tx
        .insert(roleAssignments)
        .values({ agencyId: a.id, staffId: admin.id, role: "system_admin", reason: "agency created" });
      // A Korean agency starts with the petition types of seed 003 (editable; TW has no 陳情 kind yet).
      if (a.jurisdiction === "KR") await seedPetitionTypes(tx, a.id);
      return { id: a.id, code: a.code, adminId: admin.id };
    },
    audit: {
      action: "org.agency.create",
      resourceType: "agency",
      resourceId: (r) => r.id,
      details: (r) => ({ code: r.code, adminId: r.adminId }),
    },
  });

  // Units (A2)
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/org/units",
    access: "org.units.read",
    tag,
    summary: "Units of the agency (flat list with parentId; the client builds the tree)",
    handler: ({ tx, agencyId }) => repo.listUnits(tx, agencyId),
    audit: { skip: "organisation chart, no personal data beyond public office contacts" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/org/units",
    access: "org.units.write",
    tag,
    summary: "Create a unit",
    body: s.unitInput,
    status: 201,
    handler: async ({ tx, agencyId, body }) => {
      if (body.parentId) await repo.assertValidParent(tx, agencyId, null, body.parentId);
      await repo.assertUnitCodeFree(tx, agencyId, body.code, null);
      if (body.defaultHandlerId) await assertDefaultHandler(tx, agencyId, body.defaultHandlerId, null);
      const [u] = await tx
        .insert(units)
        .values({ ...body, agencyId })
        .returning();
      return u;
    },
    audit: {
      action: "org.unit.create",
      resourceType: "unit",
      resourceId: (r) => r.id,
      details: (r) => ({ code: r.code }),
    },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/org/units/:id",
    access: "org.units.write",
    tag,
    summary: "Update or deactivate a unit",
    params: s.idParams,
    body: s.unitPatch,
    handler: async ({ tx, agencyId, params, body }) => {
      await repo.getUnit(tx, agencyId, params.id);
      if (body.parentId) await repo.assertValidParent(tx, agencyId, params.id, body.parentId);
      if (body.code) await repo.assertUnitCodeFree(tx, agencyId, body.code, params.id);
      if (body.defaultHandlerId) await assertDefaultHandler(tx, agencyId, body.defaultHandlerId, params.id);
      const [u] = await tx
        .update(units)
        .set({ ...body, updatedAt: new Date() })
        .where(and(eq(units.agencyId, agencyId), eq(units.id, params.id)))
        .returning();
      return u;
    },
    audit: { action: "org.unit.update", resourceType: "unit", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/org/units/:id",
    access: "org.units.write",
    tag,
    summary: "Delete an empty unit (units with staff or sub-units can only be deactivated)",
    params: s.idParams,
    handler: async ({ tx, agencyId, params }) => {
      await repo.getUnit(tx, agencyId, params.id);
      const [child] = await tx
        .select({ id: units.id })
        .from(units)
        .where(eq(units.parentId, params.id))
        .limit(1);
      const [member] = await tx
        .select({ id: staff.id })
        .from(staff)
        .where(eq(staff.unitId, params.id))
        .limit(1);
      if (child || member) throw conflict("org.unit_in_use");
      await tx.delete(units).where(and(eq(units.agencyId, agencyId), eq(units.id, params.id)));
      return { id: params.id };
    },
    audit: { action: "org.unit.delete", resourceType: "unit", resourceId: (r) => r.id },
  });

  // Staff (A3-A5, A12): names, e-mails and phones of staff are personal data, so reads are logged.
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/org/staff",
    access: "org.staff.read",
    tag,
    summary: "Staff accounts with their active roles",
    query: s.staffQuery,
    handler: ({ tx, agencyId, query }) => repo.listStaff(tx, agencyId, query),
    audit: { action: "org.staff.list", resourceType: "staff", details: (r) => ({ count: r.length }) },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/org/staff",
    access: "org.staff.write",
    tag,
    summary: "Create a staff account with an initial password",
    body: s.staffCreate,
    status: 201,
    handler: async ({ tx, agencyId, body }) => {
      assertPasswordPolicy(body.password, body.username);
      if (body.unitId) await repo.getUnit(tx, agencyId, body.unitId);
      const [dup] = await tx
        .select({ id: staff.id })
        .from(staff)
        .where(and(eq(staff.agencyId, agencyId), eq(staff.username, body.username)));
      if (dup) throw conflict("org.duplicate_username");
      const { password, ...rest } = body;
      const [row] = await tx
        .insert(staff)
        .values({
          ...rest,
          agencyId,
          passwordHash: await hashPassword(password),
          passwordChangedAt: new Date(),
        })
        .returning({ id: staff.id, username: staff.username });
      return repo.getStaff(tx, agencyId, row.id);
    },
    audit: {
      action: "org.staff.create",
      resourceType: "staff",
      resourceId: (r) => r.id,
      details: (r) => ({ username: r.username }),
    },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/org/staff/:id",
    access: "org.staff.write",
    tag,
    summary: "Update a staff account (disable it to end access)",
    params: s.idParams,
    body: s.staffPatch,
    handler: async ({ tx, agencyId, params, body, audit }) => {
      const before = await repo.getStaff(tx, agencyId, params.id);
      if (body.unitId) await repo.getUnit(tx, agencyId, body.unitId);
      if (body.status === "disabled" && before.status === "active") {
        await tx.update(staff).set({ status: "disabled" }).where(eq(staff.id, params.id));
        if ((await repo.activeAdminCount(tx, agencyId)) === 0) throw conflict("org.last_admin");
        audit({ action: "org.staff.disable", resourceType: "staff", resourceId: params.id });
      }
      await tx
        .update(staff)
        .set({ ...body, updatedAt: new Date() })
        .where(and(eq(staff.agencyId, agencyId), eq(staff.id, params.id)));
      return repo.getStaff(tx, agencyId, params.id);
    },
    audit: { action: "org.staff.update", resourceType: "staff", resourceId: (r) => r.id },
  });

  // Role grants: every grant and revocation is kept (who, whom, what, when) and logged.
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/org/staff/:id/roles",
    access: "org.roles.grant",
    tag,
    summary: "Grant a role, for the whole agency or one unit",
    params: s.idParams,
    body: s.roleGrant,
    status: 201,
    handler: async ({ tx, agencyId, auth, params, body }) => {
      await repo.getStaff(tx, agencyId, params.id);
      if (body.unitId) await repo.getUnit(tx, agencyId, body.unitId);
      const existing = await tx
        .select({ id: roleAssignments.id, unitId: roleAssignments.unitId })
        .from(roleAssignments)
        .where(
          and(
            eq(roleAssignments.staffId, params.id),
            eq(roleAssignments.role, body.role),
            isNull(roleAssignments.revokedAt),
          ),
        );
      if (existing.some((e) => (e.unitId ?? null) === (body.unitId ?? null)))
        throw conflict("org.role_exists");
      const [r] = await tx
        .insert(roleAssignments)
        .values({
          agencyId,
          staffId: params.id,
          role: body.role,
          unitId: body.unitId ?? null,
          grantedBy: auth.staffId,
          reason: body.reason ?? null,
        })
        .returning();
      return r;
    },
    audit: {
      action: "org.role.grant",
      resourceType: "staff",
      resourceId: (r) => r.staffId,
      details: (r) => ({ role: r.role, unitId: r.unitId, assignmentId: r.id }),
    },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/org/staff/:id/roles/:assignmentId",
    access: "org.roles.grant",
    tag,
    summary: "Revoke a role (the grant stays in the history)",
    params: s.roleRevokeParams,
    body: s.roleRevoke,
    handler: async ({ tx, agencyId, auth, params, body }) => {
      const [r] = await tx
        .update(roleAssignments)
        .set({ revokedAt: new Date(), revokedBy: auth.staffId, revokeReason: body?.reason ?? null })
        .where(
          and(
            eq(roleAssignments.agencyId, agencyId),
            eq(roleAssignments.staffId, params.id),
            eq(roleAssignments.id, params.assignmentId),
            isNull(roleAssignments.revokedAt),
          ),
        )
        .returning();
      if (!r) throw notFound();
      if (r.role === "system_admin" && (await repo.activeAdminCount(tx, agencyId)) === 0)
        throw conflict("org.last_admin");
      return r;
    },
    audit: {
      action: "org.role.revoke",
      resourceType: "staff",
      resourceId: (r) => r.staffId,
      details: (r) => ({ role: r.role, unitId: r.unitId, assignmentId: r.id }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/org/role-history",
    access: "org.roles.read",
    tag,
    summary: "Every role grant and revocation: who granted what to whom, when and why",
    handler: ({ tx, agencyId }) => repo.roleHistory(tx, agencyId),
    audit: { action: "org.role.history.read", resourceType: "role_assignment" },
  });

  // Committees (A10, A14) and their members.
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/org/committees",
    access: "org.committees.read",
    tag,
    summary: "Committees and officer groups with members",
    handler: ({ tx, agencyId }) => repo.listCommittees(tx, agencyId),
    audit: { skip: "roster of official roles" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/org/committees",
    access: "org.committees.write",
    tag,
    summary: "Create a committee",
    body: s.committeeInput,
    status: 201,
    handler: async ({ tx, agencyId, body }) => {
      const [c] = await tx
        .insert(committees)
        .values({ ...body, agencyId })
        .returning();
      return c;
    },
    audit: { action: "org.committee.create", resourceType: "committee", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/org/committees/:id",
    access: "org.committees.write",
    tag,
    summary: "Update a committee",
    params: s.idParams,
    body: s.committeeInput.partial(),
    handler: async ({ tx, agencyId, params, body }) => {
      await repo.getCommittee(tx, agencyId, params.id);
      const [c] = await tx
        .update(committees)
        .set({ ...body, updatedAt: new Date() })
        .where(and(eq(committees.agencyId, agencyId), eq(committees.id, params.id)))
        .returning();
      return c;
    },
    audit: { action: "org.committee.update", resourceType: "committee", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/org/committees/:id/members",
    access: "org.committees.write",
    tag,
    summary: "Add a member (staff or external person) to a committee",
    params: s.idParams,
    body: s.memberInput,
    status: 201,
    handler: async ({ tx, agencyId, params, body }) => {
      await repo.getCommittee(tx, agencyId, params.id);
      if (body.staffId) await repo.getStaff(tx, agencyId, body.staffId);
      if (body.unitId) await repo.getUnit(tx, agencyId, body.unitId);
      const [m] = await tx
        .insert(committeeMembers)
        .values({ ...body, agencyId, committeeId: params.id })
        .returning();
      return m;
    },
    audit: {
      action: "org.committee.member.add",
      resourceType: "committee",
      resourceId: (r) => r.committeeId,
    },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/org/committees/:id/members/:memberId",
    access: "org.committees.write",
    tag,
    summary: "Remove a committee member",
    params: s.memberParams,
    handler: async ({ tx, agencyId, params }) => {
      const [m] = await tx
        .delete(committeeMembers)
        .where(
          and(
            eq(committeeMembers.agencyId, agencyId),
            eq(committeeMembers.committeeId, params.id),
            eq(committeeMembers.id, params.memberId),
          ),
        )
        .returning();
      if (!m) throw notFound();
      return m;
    },
    audit: {
      action: "org.committee.member.remove",
      resourceType: "committee",
      resourceId: (r) => r.committeeId,
    },
  });
}
