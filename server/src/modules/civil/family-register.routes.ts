import { familyRegisterReport } from "@civicpims/core/civil/index";
import { and, desc, eq, gte, lt, lte } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Tx } from "../../db/client";
import { civilFamilyRegisterFilings, type FilingApplicant } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { badRequest, notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { decryptField, encryptField } from "../../security/field-crypto";
import * as s from "./civil.schemas";
import { maskPerson } from "./shared";

const tag = "civil";
type Row = typeof civilFamilyRegisterFilings.$inferSelect;

function view(deps: AppDeps, r: Row) {
  const { agencyId, applicantEnc, ...rest } = r;
  return {
    ...rest,
    applicant: applicantEnc
      ? maskPerson(JSON.parse(decryptField(deps.secrets.fieldKey, applicantEnc)) as FilingApplicant)
      : null,
  };
}

async function one(tx: Tx, agencyId: string, id: string) {
  const [r] = await tx
    .select()
    .from(civilFamilyRegisterFilings)
    .where(and(eq(civilFamilyRegisterFilings.agencyId, agencyId), eq(civilFamilyRegisterFilings.id, id)));
  if (!r) throw notFound();
  return r;
}

/**
 * Family-register filings (호적 제신고, I7, K7). One row per filing rather than a daily count: I7 asks that
 * each applicant be told the outcome, and a notice can only be recorded against the filing it answers; the
 * counts of K7 are then a plain aggregation of the rows.
 */
export function registerFamilyRegisterRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/civil/family-register",
    access: "civil.family_register.read",
    tag,
    summary: "Filings (applicant masked)",
    query: s.filingList,
    handler: async ({ tx, agencyId, query }) => {
      const t = civilFamilyRegisterFilings;
      const rows = await tx
        .select()
        .from(t)
        .where(
          and(
            eq(t.agencyId, agencyId),
            query.from ? gte(t.filedOn, query.from) : undefined,
            query.to ? lte(t.filedOn, query.to) : undefined,
            query.kind ? eq(t.kind, query.kind) : undefined,
          ),
        )
        .orderBy(desc(t.filedOn), desc(t.createdAt))
        .limit(500);
      return rows.map((r) => view(deps, r));
    },
    audit: {
      action: "civil.family_register.list.read",
      details: (r) => ({ count: r.length, ids: r.filter((x) => x.applicant).map((x) => x.id) }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/civil/family-register/report",
    access: "civil.family_register.read",
    tag,
    summary: "Filings by kind and quarter of a year (K7)",
    query: s.reportQuery,
    handler: async ({ tx, agencyId, query }) => {
      const t = civilFamilyRegisterFilings;
      const year = query.year ?? Number(new Date().toISOString().slice(0, 4));
      const y = String(year).padStart(4, "0");
      const rows = await tx
        .select({ kind: t.kind, filedOn: t.filedOn, noticeOn: t.noticeOn })
        .from(t)
        .where(
          and(eq(t.agencyId, agencyId), gte(t.filedOn, `${y}-01-01`), lt(t.filedOn, `${year + 1}-01-01`)),
        );
      return familyRegisterReport(rows, year);
    },
    audit: { skip: "counts by kind and quarter: no person" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/civil/family-register",
    access: "civil.family_register.write",
    tag,
    summary: "Log a filing",
    body: s.filingCreate,
    status: 201,
    handler: async ({ tx, agencyId, auth, body }) => {
      const [row] = await tx
        .insert(civilFamilyRegisterFilings)
        .values({
          agencyId,
          kind: body.kind,
          filedOn: body.filedOn,
          reference: body.reference ?? null,
          applicantEnc: body.applicant
            ? encryptField(deps.secrets.fieldKey, JSON.stringify(body.applicant))
            : null,
          createdBy: auth.staffId,
        })
        .returning();
      return view(deps, row);
    },
    audit: {
      action: "civil.family_register.record",
      resourceType: "civil_family_register_filing",
      resourceId: (r) => r.id,
      details: (r) => ({ kind: r.kind }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/civil/family-register/:id/notice",
    access: "civil.family_register.write",
    tag,
    summary: "Record that the applicant was told the outcome (I7)",
    params: s.idParams,
    body: s.filingNotice,
    handler: async ({ tx, agencyId, params, body }) => {
      const r = await one(tx, agencyId, params.id);
      if (body.noticeOn < r.filedOn) throw badRequest("civil.notice_before_filing");
      const [row] = await tx
        .update(civilFamilyRegisterFilings)
        .set({ noticeOn: body.noticeOn, noticeChannel: body.channel })
        .where(eq(civilFamilyRegisterFilings.id, r.id))
        .returning();
      return view(deps, row);
    },
    audit: {
      action: "civil.family_register.notice",
      resourceType: "civil_family_register_filing",
      resourceId: (r) => r.id,
    },
  });
}
