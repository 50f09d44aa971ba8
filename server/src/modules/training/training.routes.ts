import { completionByUnit, type SessionKind } from "@civicpims/core/training/index";
import { and, asc, desc, eq, gte, inArray, lte } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Tx } from "../../db/client";
import {
  staff,
  type TrainingMaterial,
  trainingAcknowledgements,
  trainingAttendance,
  trainingCertifications,
  trainingPlans,
  trainingSessions,
  units,
  type VendorPerson,
} from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { decryptField, encryptField } from "../../security/field-crypto";
import { maskPerson } from "../civil/shared";
import * as s from "./training.schemas";
import "./messages";

const tag = "training";
const thisYear = () => new Date().getUTCFullYear();
const yearRange = (y: number) => {
  const p = String(y).padStart(4, "0");
  return { from: `${p}-01-01`, to: `${p}-12-31` };
};

/** Staff ids that must all belong to the agency (another agency's staff is "not found"). */
async function ownStaff(tx: Tx, agencyId: string, ids: readonly string[]) {
  const uniq = [...new Set(ids)];
  if (!uniq.length) return;
  const rows = await tx
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.agencyId, agencyId), inArray(staff.id, uniq)));
  if (rows.length !== uniq.length) throw notFound("training.staff_not_found");
}

/** A vendor's staff member leaves the server masked only (name and company stay encrypted). */
function maskedVendor(deps: AppDeps, enc: string | null) {
  if (!enc) return null;
  const v = JSON.parse(decryptField(deps.secrets.fieldKey, enc)) as VendorPerson;
  return { name: maskPerson({ name: v.name }).name, company: v.company };
}

async function sessionsOfYear(tx: Tx, deps: AppDeps, agencyId: string, year: number) {
  const { from, to } = yearRange(year);
  const rows = await tx
    .select()
    .from(trainingSessions)
    .where(
      and(
        eq(trainingSessions.agencyId, agencyId),
        gte(trainingSessions.heldOn, from),
        lte(trainingSessions.heldOn, to),
      ),
    )
    .orderBy(desc(trainingSessions.heldOn));
  const ids = rows.map((r) => r.id);
  const att = ids.length
    ? await tx
        .select({ a: trainingAttendance, staffName: staff.displayName })
        .from(trainingAttendance)
        .leftJoin(staff, eq(staff.id, trainingAttendance.staffId))
        .where(and(eq(trainingAttendance.agencyId, agencyId), inArray(trainingAttendance.sessionId, ids)))
    : [];
  return rows.map(({ agencyId: _a, materials, ...r }) => ({
    ...r,
    materials: JSON.parse(materials) as TrainingMaterial[],
    attendance: att
      .filter((x) => x.a.sessionId === r.id)
      .map((x) => ({
        id: x.a.id,
        staffId: x.a.staffId,
        staffName: x.staffName,
        vendor: maskedVendor(deps, x.a.vendorEnc),
      })),
  }));
}

/** Training plans, sessions, attendance, acknowledgements of the directions, certifications (E12, E13, K8). */
export function registerTrainingRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/training/plans",
    access: "training.read",
    tag,
    summary: "Training plans of a year (default this year) with the sessions held so far",
    query: s.yearQuery,
    handler: async ({ tx, agencyId, query }) => {
      const year = query.year ?? thisYear();
      const plans = await tx
        .select()
        .from(trainingPlans)
        .where(and(eq(trainingPlans.agencyId, agencyId), eq(trainingPlans.year, year)))
        .orderBy(asc(trainingPlans.title));
      const sessions = await sessionsOfYear(tx, deps, agencyId, year);
      return plans.map(({ agencyId: _a, ...p }) => ({
        ...p,
        heldSessions: sessions.filter((x) => x.planId === p.id).length,
      }));
    },
    audit: { skip: "plan titles and counts, no personal data" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/training/plans",
    access: "training.write",
    tag,
    summary: "Record a yearly training plan",
    body: s.planCreate,
    status: 201,
    handler: async ({ tx, agencyId, auth, body }) => {
      const [row] = await tx
        .insert(trainingPlans)
        .values({ agencyId, ...body, createdBy: auth.staffId })
        .returning();
      const { agencyId: _a, ...rest } = row;
      return rest;
    },
    audit: {
      action: "training.plan.create",
      resourceType: "training_plan",
      resourceId: (r) => r.id,
      details: (r) => ({ year: r.year, targetGroup: r.targetGroup }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/training/sessions",
    access: "training.read",
    tag,
    summary: "Sessions of a year with their attendance (vendor staff masked)",
    query: s.yearQuery,
    handler: async ({ tx, agencyId, query }) => sessionsOfYear(tx, deps, agencyId, query.year ?? thisYear()),
    audit: {
      action: "training.sessions.read",
      details: (r) => ({ count: r.length }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/training/sessions",
    access: "training.write",
    tag,
    summary: "Record a training session with its topic, kind, trainer and material links (E13)",
    body: s.sessionCreate,
    status: 201,
    handler: async ({ tx, agencyId, auth, body }) => {
      if (body.planId) {
        const [p] = await tx
          .select()
          .from(trainingPlans)
          .where(and(eq(trainingPlans.agencyId, agencyId), eq(trainingPlans.id, body.planId)));
        if (!p) throw notFound("training.plan_not_found");
        if (!body.heldOn.startsWith(`${String(p.year).padStart(4, "0")}-`))
          throw badRequest("training.plan_year");
      }
      const [row] = await tx
        .insert(trainingSessions)
        .values({
          agencyId,
          planId: body.planId ?? null,
          heldOn: body.heldOn,
          topic: body.topic,
          kind: body.kind,
          trainer: body.trainer ?? null,
          materials: JSON.stringify(body.materials),
          createdBy: auth.staffId,
        })
        .returning();
      return { id: row.id, heldOn: row.heldOn, kind: row.kind as SessionKind };
    },
    audit: {
      action: "training.session.create",
      resourceType: "training_session",
      resourceId: (r) => r.id,
      details: (r) => ({ kind: r.kind, heldOn: r.heldOn }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/training/sessions/:id/attendance",
    access: "training.write",
    tag,
    summary: "Add attendees: staff of the agency, or vendor staff by name and company (encrypted)",
    params: s.idParams,
    body: s.attendanceCreate,
    status: 201,
    handler: async ({ tx, agencyId, params, body }) => {
      const [sess] = await tx
        .select({ id: trainingSessions.id })
        .from(trainingSessions)
        .where(and(eq(trainingSessions.agencyId, agencyId), eq(trainingSessions.id, params.id)));
      if (!sess) throw notFound();
      if (!body.staffIds.length && !body.vendors.length) throw badRequest("training.attendee_required");
      await ownStaff(tx, agencyId, body.staffIds);
      const already = body.staffIds.length
        ? await tx
            .select({ id: trainingAttendance.staffId })
            .from(trainingAttendance)
            .where(
              and(
                eq(trainingAttendance.sessionId, sess.id),
                inArray(trainingAttendance.staffId, body.staffIds),
              ),
            )
        : [];
      if (already.length || new Set(body.staffIds).size !== body.staffIds.length)
        throw new AppError(409, "training.already_attended");
      const values = [
        ...body.staffIds.map((staffId) => ({ agencyId, sessionId: sess.id, staffId, vendorEnc: null })),
        ...body.vendors.map((v) => ({
          agencyId,
          sessionId: sess.id,
          staffId: null,
          vendorEnc: encryptField(deps.secrets.fieldKey, JSON.stringify(v)),
        })),
      ];
      const rows = await tx
        .insert(trainingAttendance)
        .values(values)
        .returning({ id: trainingAttendance.id });
      return { id: sess.id, added: rows.length };
    },
    audit: {
      action: "training.attendance.record",
      resourceType: "training_session",
      resourceId: (r) => r.id,
      details: (r) => ({ added: r.added }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/training/acknowledgements",
    access: "training.read",
    tag,
    summary: "Who acknowledged which document and version of the directions, and when (E12)",
    query: s.yearQuery,
    handler: async ({ tx, agencyId, query }) => {
      const { from, to } = yearRange(query.year ?? thisYear());
      const rows = await tx
        .select({ a: trainingAcknowledgements, staffName: staff.displayName })
        .from(trainingAcknowledgements)
        .leftJoin(staff, eq(staff.id, trainingAcknowledgements.staffId))
        .where(
          and(
            eq(trainingAcknowledgements.agencyId, agencyId),
            gte(trainingAcknowledgements.acknowledgedOn, from),
            lte(trainingAcknowledgements.acknowledgedOn, to),
          ),
        )
        .orderBy(desc(trainingAcknowledgements.acknowledgedOn));
      return rows.map(({ a: { agencyId: _a, vendorEnc, ...rest }, staffName }) => ({
        ...rest,
        staffName,
        vendor: maskedVendor(deps, vendorEnc),
      }));
    },
    audit: { action: "training.acknowledgements.read", details: (r) => ({ count: r.length }) },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/training/acknowledgements",
    access: "training.write",
    tag,
    summary: "Record that new or vendor staff read the directions (document, version, date)",
    body: s.acknowledgementCreate,
    status: 201,
    handler: async ({ tx, agencyId, auth, body }) => {
      const vendor = body.role === "vendor_staff";
      if (vendor ? !body.vendor || body.staffId : !body.staffId || body.vendor)
        throw badRequest("training.person_required");
      if (body.staffId) await ownStaff(tx, agencyId, [body.staffId]);
      const [row] = await tx
        .insert(trainingAcknowledgements)
        .values({
          agencyId,
          role: body.role,
          staffId: body.staffId ?? null,
          vendorEnc: body.vendor ? encryptField(deps.secrets.fieldKey, JSON.stringify(body.vendor)) : null,
          document: body.document,
          version: body.version,
          acknowledgedOn: body.acknowledgedOn,
          recordedBy: auth.staffId,
        })
        .returning({ id: trainingAcknowledgements.id, role: trainingAcknowledgements.role });
      return row;
    },
    audit: {
      action: "training.acknowledgement.record",
      resourceType: "training_acknowledgement",
      resourceId: (r) => r.id,
      details: (r) => ({ role: r.role }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/training/certifications",
    access: "training.write",
    tag,
    summary: "Record a staff member's IT-skill certification (K8)",
    body: s.certificationCreate,
    status: 201,
    handler: async ({ tx, agencyId, auth, body }) => {
      await ownStaff(tx, agencyId, [body.staffId]);
      const [row] = await tx
        .insert(trainingCertifications)
        .values({ agencyId, ...body, recordedBy: auth.staffId })
        .returning({ id: trainingCertifications.id });
      return row;
    },
    audit: {
      action: "training.certification.record",
      resourceType: "training_certification",
      resourceId: (r) => r.id,
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/training/completion",
    access: "training.read",
    tag,
    summary: "Yearly completion per unit: staff with a privacy session in the year / staff of the unit (E12)",
    query: s.yearQuery,
    handler: async ({ tx, agencyId, query }) => {
      const year = query.year ?? thisYear();
      const { from, to } = yearRange(year);
      const people = await tx
        .select({ id: staff.id, unitId: staff.unitId })
        .from(staff)
        .where(and(eq(staff.agencyId, agencyId), eq(staff.status, "active")));
      const att = await tx
        .select({
          staffId: trainingAttendance.staffId,
          kind: trainingSessions.kind,
          heldOn: trainingSessions.heldOn,
        })
        .from(trainingAttendance)
        .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
        .where(
          and(
            eq(trainingAttendance.agencyId, agencyId),
            gte(trainingSessions.heldOn, from),
            lte(trainingSessions.heldOn, to),
          ),
        );
      const unitRows = await tx
        .select({ id: units.id, name: units.nameLocal })
        .from(units)
        .where(eq(units.agencyId, agencyId));
      const names = new Map(unitRows.map((u) => [u.id, u.name]));
      const rows = completionByUnit(
        people,
        att.flatMap((a) => (a.staffId ? [{ staffId: a.staffId, kind: a.kind, heldOn: a.heldOn }] : [])),
        year,
      );
      return {
        year,
        units: rows
          .map((r) => ({ ...r, unitName: r.unitId ? (names.get(r.unitId) ?? null) : null }))
          .sort((x, y) => (x.unitName ?? "\uffff").localeCompare(y.unitName ?? "\uffff")),
      };
    },
    audit: { skip: "counts per unit, no personal data" },
  });

  // The forms pick staff without the full staff directory (org.staff.read is not the trainer's).
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/training/staff",
    access: "training.write",
    tag,
    summary: "Active staff to record attendance for (name and unit only)",
    handler: async ({ tx, agencyId }) =>
      tx
        .select({ id: staff.id, displayName: staff.displayName, unitId: staff.unitId })
        .from(staff)
        .where(and(eq(staff.agencyId, agencyId), eq(staff.status, "active")))
        .orderBy(asc(staff.displayName)),
    audit: { skip: "staff names and units, as the staff directory shows them" },
  });
}
