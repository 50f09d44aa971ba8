import {
  type AnalysisGroup,
  approvalProblem,
  type CompensationAnalysis,
  paymentProblem,
} from "@civicpims/core/civil/index";
import { catalogueOf } from "@civicpims/core/jurisdictions/index";
import { and, desc, eq, gte, ilike, lte, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Tx } from "../../db/client";
import { type CompensationPayee, cases, civilCompensations } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { decryptField, encryptField } from "../../security/field-crypto";
import * as s from "./civil.schemas";
import { maskPerson, ownCase, ownUnit, today } from "./shared";

const tag = "civil";
type Row = typeof civilCompensations.$inferSelect;

function maskedPayee(deps: AppDeps, enc: string | null) {
  if (!enc) return null;
  const p = JSON.parse(decryptField(deps.secrets.fieldKey, enc)) as CompensationPayee;
  return {
    name: maskPerson({ name: p.name }).name,
    bank: p.bank ?? null,
    // An account number keeps its last four digits only.
    account: p.account ? p.account.replace(/\d(?=(?:\D*\d){4})/g, "*") : null,
  };
}

/** List view: no description and the payee masked (I4, K9). */
function listView(deps: AppDeps, r: Row) {
  const { agencyId, descriptionEnc, payeeEnc, ...rest } = r;
  return { ...rest, payee: maskedPayee(deps, payeeEnc) };
}

async function load(tx: Tx, agencyId: string, id: string): Promise<Row> {
  const [r] = await tx
    .select()
    .from(civilCompensations)
    .where(and(eq(civilCompensations.agencyId, agencyId), eq(civilCompensations.id, id)))
    .for("update");
  if (!r) throw notFound();
  return r;
}

async function detail(tx: Tx, deps: AppDeps, agencyId: string, id: string) {
  const [r] = await tx
    .select({ row: civilCompensations, caseNumber: cases.number })
    .from(civilCompensations)
    .leftJoin(cases, eq(cases.id, civilCompensations.caseId))
    .where(and(eq(civilCompensations.agencyId, agencyId), eq(civilCompensations.id, id)));
  if (!r) throw notFound();
  return {
    ...listView(deps, r.row),
    caseNumber: r.caseNumber,
    description: decryptField(deps.secrets.fieldKey, r.row.descriptionEnc),
  };
}

/**
 * Counts and sums per loss type and per unit in SQL, shaped like core's analyseCompensation (K9: only codes,
 * unit ids, counts and sums leave the database; no name, account or description is read).
 */
export async function compensationAnalysis(
  tx: Tx,
  agencyId: string,
  from: string,
  to: string,
): Promise<CompensationAnalysis> {
  const t = civilCompensations;
  const agg = {
    currency: t.currency,
    count: sql<string>`count(*)`,
    amount: sql<string>`sum(${t.amount})`,
    paidCount: sql<string>`count(*) filter (where ${t.status} = 'paid')`,
    paid: sql<string>`coalesce(sum(${t.amount}) filter (where ${t.status} = 'paid'), 0)`,
  };
  const where = and(eq(t.agencyId, agencyId), gte(t.occurredOn, from), lte(t.occurredOn, to));
  const byType = await tx
    .select({ key: t.lossType, ...agg })
    .from(t)
    .where(where)
    .groupBy(t.lossType, t.currency);
  const byUnit = await tx
    .select({ key: t.unitId, ...agg })
    .from(t)
    .where(where)
    .groupBy(t.unitId, t.currency);
  type AggRow = {
    key: string | null;
    currency: string;
    count: string;
    amount: string;
    paidCount: string;
    paid: string;
  };
  const fold = (rows: AggRow[]) => {
    const groups = new Map<string | null, AnalysisGroup>();
    for (const r of rows) {
      const g = groups.get(r.key) ?? { key: r.key, count: 0, paidCount: 0, amount: {}, paid: {} };
      groups.set(r.key, g);
      g.count += Number(r.count);
      g.paidCount += Number(r.paidCount);
      g.amount[r.currency] = Number(r.amount);
      if (Number(r.paidCount) > 0) g.paid[r.currency] = Number(r.paid);
    }
    return [...groups.values()].sort((a, b) => (a.key ?? "").localeCompare(b.key ?? ""));
  };
  const types = fold(byType);
  const total: AnalysisGroup = { key: null, count: 0, paidCount: 0, amount: {}, paid: {} };
  for (const g of types) {
    total.count += g.count;
    total.paidCount += g.paidCount;
    for (const [c, v] of Object.entries(g.amount)) total.amount[c] = (total.amount[c] ?? 0) + v;
    for (const [c, v] of Object.entries(g.paid)) total.paid[c] = (total.paid[c] ?? 0) + v;
  }
  return { from, to, total, byLossType: types, byUnit: fold(byUnit) };
}

/** Administrative-error compensation (행정사무착오 보상제, I4, K9). */
export function registerCompensationRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/civil/compensation/loss-types",
    access: "civil.compensation.read",
    tag,
    summary: "Loss types of the agency's rule pack",
    handler: async ({ auth }) => catalogueOf(auth.jurisdiction, "compensationLossTypes")?.entries ?? [],
    audit: { skip: "rule-pack data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/civil/compensation",
    access: "civil.compensation.read",
    tag,
    summary: "Compensation records (payee masked, no description)",
    query: s.compensationList,
    handler: async ({ tx, agencyId, query }) => {
      const t = civilCompensations;
      const rows = await tx
        .select()
        .from(t)
        .where(
          and(
            eq(t.agencyId, agencyId),
            query.from ? gte(t.occurredOn, query.from) : undefined,
            query.to ? lte(t.occurredOn, query.to) : undefined,
            query.status ? eq(t.status, query.status) : undefined,
          ),
        )
        .orderBy(desc(t.occurredOn), desc(t.createdAt))
        .limit(500);
      return rows.map((r) => listView(deps, r));
    },
    audit: {
      action: "civil.compensation.list.read",
      details: (r) => ({ count: r.length, ids: r.map((x) => x.id) }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/civil/compensation/analysis",
    access: "civil.compensation.stats",
    tag,
    summary: "Counts and sums per loss type and per unit for a period (de-identified, K9)",
    query: s.periodQuery,
    handler: async ({ tx, agencyId, query }) => {
      const year = today().slice(0, 4);
      const from = query.from ?? `${year}-01-01`;
      const to = query.to ?? `${year}-12-31`;
      if (to < from) throw badRequest("civil.period_order");
      return compensationAnalysis(tx, agencyId, from, to);
    },
    audit: { skip: "de-identified aggregates: loss-type codes, unit ids, counts and sums (K9)" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/civil/compensation/case-picker",
    access: "civil.compensation.record",
    tag,
    summary: "The agency's cases whose receipt number contains the text (the record form's case picker)",
    query: s.casePickerQuery,
    readOnlyNoTransaction: true,
    handler: async ({ tx, agencyId, query }) => {
      // A fragment of a receipt number, matched literally: LIKE's wildcards in the input are escaped.
      const needle = query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
      return tx
        .select({
          id: cases.id,
          number: cases.number,
          kind: cases.kind,
          state: cases.state,
          receivedAt: cases.receivedAt,
        })
        .from(cases)
        .where(and(eq(cases.agencyId, agencyId), ilike(cases.number, `%${needle}%`)))
        .orderBy(desc(cases.receivedAt))
        .limit(10);
    },
    audit: { skip: "receipt numbers, kinds and states only, no personal data (as the case list)" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/civil/compensation/:id",
    access: "civil.compensation.read",
    tag,
    summary: "One compensation record with what went wrong (payee masked)",
    params: s.idParams,
    handler: async ({ tx, agencyId, params }) => detail(tx, deps, agencyId, params.id),
    audit: { action: "civil.compensation.read", resourceType: "civil_compensation", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/civil/compensation",
    access: "civil.compensation.record",
    tag,
    summary: "Record a compensation claim",
    body: s.compensationCreate,
    status: 201,
    handler: async ({ tx, agencyId, auth, body }) => {
      const known = catalogueOf(auth.jurisdiction, "compensationLossTypes")?.entries ?? [];
      if (!known.some((e) => e.code === body.lossType))
        throw new AppError(400, "civil.compensation.unknown_loss_type", undefined, { value: body.lossType });
      // Checked before anything is written: another agency's case or unit is refused as "not found".
      await ownCase(tx, agencyId, body.caseId);
      await ownUnit(tx, agencyId, body.unitId);
      const key = deps.secrets.fieldKey;
      const [row] = await tx
        .insert(civilCompensations)
        .values({
          agencyId,
          occurredOn: body.occurredOn,
          descriptionEnc: encryptField(key, body.description),
          lossType: body.lossType,
          amount: body.amount,
          currency: body.currency,
          caseId: body.caseId ?? null,
          unitId: body.unitId ?? null,
          payeeEnc: body.payee ? encryptField(key, JSON.stringify(body.payee)) : null,
          recordedBy: auth.staffId,
        })
        .returning();
      return detail(tx, deps, agencyId, row.id);
    },
    audit: {
      action: "civil.compensation.record",
      resourceType: "civil_compensation",
      resourceId: (r) => r.id,
      details: (r) => ({ lossType: r.lossType, amount: r.amount, currency: r.currency }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/civil/compensation/:id/approve",
    access: "civil.compensation.approve",
    tag,
    summary: "Approve a recorded claim (not by its recorder)",
    params: s.idParams,
    body: s.approveBody,
    handler: async ({ tx, agencyId, auth, params, body }) => {
      const row = await load(tx, agencyId, params.id);
      const problem = approvalProblem(row, auth.staffId);
      if (problem) throw new AppError(409, problem);
      await tx
        .update(civilCompensations)
        .set({
          status: "approved",
          approvedBy: auth.staffId,
          approvedOn: body.approvedOn ?? today(),
          updatedAt: new Date(),
        })
        .where(eq(civilCompensations.id, row.id));
      return detail(tx, deps, agencyId, row.id);
    },
    audit: {
      action: "civil.compensation.approve",
      resourceType: "civil_compensation",
      resourceId: (r) => r.id,
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/civil/compensation/:id/pay",
    access: "civil.compensation.approve",
    tag,
    summary: "Record the payment date of an approved claim",
    params: s.idParams,
    body: s.payBody,
    handler: async ({ tx, agencyId, auth, params, body }) => {
      const row = await load(tx, agencyId, params.id);
      const problem = paymentProblem(row, body.paidOn);
      if (problem) throw new AppError(409, problem);
      await tx
        .update(civilCompensations)
        .set({ status: "paid", paidBy: auth.staffId, paidOn: body.paidOn, updatedAt: new Date() })
        .where(eq(civilCompensations.id, row.id));
      return detail(tx, deps, agencyId, row.id);
    },
    audit: { action: "civil.compensation.pay", resourceType: "civil_compensation", resourceId: (r) => r.id },
  });
}
