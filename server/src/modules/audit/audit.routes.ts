import { date, dateTime, text } from "@civicpims/core/validation/index";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Queryable } from "../../db/client";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { toSubjectRef } from "../../security/subject-ref";
import { actionPhrase } from "./action-catalogue";
import * as repo from "./audit.repo";
import { verifyLedger } from "./ledger.service";
import { ledgerCsv, ledgerXlsx } from "./ledger-export";
import { actorNames, agencyTimeZone, targetLabels, zonedRange } from "./ledger-view";
import { registerLedgerViewRoutes } from "./ledger-view.routes";

const filterSchema = z.object({
  actor: text({ max: 100, trim: false }).optional(),
  /** The staff member who acted (from the agency's staff select). */
  actorId: z.uuid().optional(),
  /** Blind indexes, comma-separated (from POST /api/audit/ledger/subject-refs), or one identifier. */
  subject: text({ max: 200, trim: false }).optional(),
  action: text({ max: 100, trim: false }).optional(),
  result: z.enum(["ok", "denied", "failed"]).optional(),
  from: dateTime().or(date()).optional(),
  to: dateTime().or(date()).optional(),
});

/** The filter as the repository reads it; dates typed as days are days in the agency's zone. */
async function toFilter(deps: AppDeps, tx: Queryable, agencyId: string, q: z.infer<typeof filterSchema>) {
  const timeZone = await agencyTimeZone(tx, agencyId);
  const { from, to } = zonedRange(q.from, q.to, timeZone);
  if (from && to && from >= to) throw badRequest("audit.bad_range");
  const parts = q.subject?.split(",").map((x) => x.trim()) ?? [];
  const refs = parts.length > 0 && parts.every((x) => /^[0-9a-f]{32}$/.test(x)) ? parts : null;
  const filter: repo.LedgerFilter = {
    actor: q.actor,
    actorId: q.actorId,
    action: q.action,
    result: q.result,
    subjectRefs: refs ?? (q.subject ? [toSubjectRef(deps.secrets, q.subject)] : undefined),
    from,
    to,
  };
  return { filter, timeZone };
}

/** The auditor's view of the access ledger (E3): search, export, verify. */
export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "audit";
  registerLedgerViewRoutes(app, deps);
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/audit/ledger",
    access: "audit.ledger.read",
    tag,
    summary: "Search the agency's ledger entries",
    query: filterSchema.extend({
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
    handler: async ({ tx, agencyId, query, locale }) => {
      const { filter: f } = await toFilter(deps, tx, agencyId, query);
      const r = await repo.searchLedger(tx, agencyId, f, query.page, query.pageSize);
      const [targets, actors] = await Promise.all([
        targetLabels(tx, agencyId, r.items),
        actorNames(tx, agencyId, r.items),
      ]);
      const items = r.items.map((e) => ({
        ...e,
        actionLabel: actionPhrase(locale, e.action),
        targetLabel:
          (e.resourceType && e.resourceId && targets.get(`${e.resourceType}:${e.resourceId}`)) || null,
        actorName: (e.actorId && actors.get(e.actorId)) || null,
      }));
      const { subject: _omit, ...shown } = query;
      return { ...r, items, filter: { ...shown, subject: f.subjectRefs?.join(",") } };
    },
    audit: {
      action: "audit.ledger.search",
      resourceType: "ledger",
      details: (r) => ({ filter: r.filter, total: r.total }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/audit/ledger/export",
    access: "audit.ledger.export",
    tag,
    summary: "Export matching ledger entries as CSV or xlsx (the export is itself logged)",
    query: filterSchema.extend({ format: z.enum(["csv", "xlsx"]).default("csv") }),
    // Not raw: the file is returned, so it leaves only after the transaction holding its ledger entry committed.
    handler: async ({ tx, agencyId, query, reply, audit, locale }) => {
      const { filter: f, timeZone } = await toFilter(deps, tx, agencyId, query);
      const rows = [];
      for await (const row of repo.iterateLedger(tx, agencyId, f)) rows.push(row);
      // Nothing matches: say so (in the caller's language) rather than hand out an empty file.
      if (rows.length === 0) throw new AppError(404, "audit.empty_export");
      const [targets, actors] = await Promise.all([
        targetLabels(tx, agencyId, rows),
        actorNames(tx, agencyId, rows),
      ]);
      const stamp = new Date().toISOString().slice(0, 10);
      const { subject: _omit, ...shown } = query;
      audit({
        action: "audit.ledger.export",
        resourceType: "ledger",
        details: { format: query.format, rows: rows.length, filter: { ...shown, subject: f.subjectRefs } },
      });
      const ctx = { locale, timeZone, targets, actors };
      if (query.format === "csv") {
        reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="ledger-${stamp}.csv"`);
        return ledgerCsv(rows, ctx);
      }
      const buf = await ledgerXlsx(rows, ctx);
      reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="ledger-${stamp}.xlsx"`);
      return buf;
    },
    audit: { skip: "the export entry is added in the handler (same transaction) with format and row count" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/audit/verify",
    access: "audit.ledger.verify",
    tag,
    summary: "Verify the whole hash chain and every signed checkpoint",
    readOnlyNoTransaction: true,
    handler: () =>
      verifyLedger(deps.database, {
        trustedPublicKey: deps.secrets.ledgerPublicKey.export({ type: "spki", format: "pem" }).toString(),
      }),
    audit: {
      action: "audit.ledger.verify",
      resourceType: "ledger",
      details: (r) => ({ ok: r.ok, count: r.count }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/audit/checkpoints",
    access: "audit.ledger.read",
    tag,
    summary: "Signed checkpoints (latest 500)",
    handler: ({ tx }) => repo.listCheckpoints(tx),
    audit: { skip: "hashes and signatures only" },
  });
}
