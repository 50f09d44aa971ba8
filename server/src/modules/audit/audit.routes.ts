import { date, dateTime, text } from "@civicpims/core/validation/index";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { badRequest } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { toSubjectRef } from "../../security/subject-ref";
import * as repo from "./audit.repo";
import { verifyLedger } from "./ledger.service";

const filterSchema = z.object({
  actor: text({ max: 100, trim: false }).optional(),
  subject: text({ max: 100, trim: false }).optional(),
  action: text({ max: 100, trim: false }).optional(),
  result: z.enum(["ok", "denied", "failed"]).optional(),
  from: dateTime().or(date()).optional(),
  to: dateTime().or(date()).optional(),
});

function toFilter(deps: AppDeps, q: z.infer<typeof filterSchema>): repo.LedgerFilter {
  const from = q.from ? new Date(q.from) : undefined;
  // A bare date as "to" means the whole of that day.
  const to = q.to ? new Date(q.to.length === 10 ? new Date(q.to).getTime() + 86_400_000 : q.to) : undefined;
  if (from && to && from >= to) throw badRequest("audit.bad_range");
  return {
    actor: q.actor,
    action: q.action,
    result: q.result,
    subjectRef: q.subject ? toSubjectRef(deps.secrets, q.subject) : undefined,
    from,
    to,
  };
}

const COLUMNS = [
  "seq",
  "occurredAt",
  "actorLabel",
  "clientIp",
  "action",
  "resourceType",
  "resourceId",
  "subjectRef",
  "purpose",
  "result",
  "hash",
] as const;

function csvCell(v: unknown): string {
  const s = v instanceof Date ? v.toISOString() : v === null || v === undefined ? "" : String(v);
  // Quote always; neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The auditor's view of the access ledger (E3): search, export, verify. */
export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "audit";
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
    handler: async ({ tx, agencyId, query }) => {
      const f = toFilter(deps, query);
      const r = await repo.searchLedger(tx, agencyId, f, query.page, query.pageSize);
      const { subject: _omit, ...shown } = query;
      return { ...r, filter: { ...shown, subject: f.subjectRef } };
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
    handler: async ({ tx, agencyId, query, reply, audit }) => {
      const f = toFilter(deps, query);
      const rows = [];
      for await (const row of repo.iterateLedger(tx, agencyId, f)) rows.push(row);
      const stamp = new Date().toISOString().slice(0, 10);
      audit({
        action: "audit.ledger.export",
        resourceType: "ledger",
        details: { format: query.format, rows: rows.length },
      });
      if (query.format === "csv") {
        const lines = [COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(","))];
        // BOM so spreadsheet programs open Korean/Chinese text as UTF-8.
        reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="ledger-${stamp}.csv"`);
        return `\uFEFF${lines.join("\r\n")}\r\n`;
      }
      // Loaded on first use: exceljs is large and most starts never need it (issue 10 cold start).
      const { default: ExcelJS } = await import("exceljs");
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("ledger");
      ws.columns = COLUMNS.map((c) => ({ header: c, key: c, width: c === "hash" ? 66 : 20 }));
      for (const r of rows) ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c, r[c]])));
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
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
