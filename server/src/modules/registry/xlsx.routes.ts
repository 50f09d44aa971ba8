import { fieldLabel } from "@civicpims/core/registry/fields";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { t } from "../../i18n";
import { bulkCreateFiles, updateFile } from "./files.service";
import { importPublicationIssues } from "./publication";
import { regCtx } from "./registry-context";
import { buildWorkbook, exportRows, parseWorkbook, readWorkbook } from "./xlsx";

const tag = "registry";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const importQuery = z.object({
  mode: z.enum(["all", "valid"]).default("all"),
  dryRun: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .default(false),
});

function sendXlsx(reply: import("fastify").FastifyReply, name: string, buf: Buffer) {
  reply
    .header("content-type", XLSX_TYPE)
    .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(buf);
}

/** xlsx template, export and import of the register (issue item 9, B7). */
export function registerXlsxRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/xlsx/template",
    access: "registry.read",
    tag,
    summary: "Empty register workbook in the agency's language, with code lists and dropdowns",
    raw: true,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const buf = await buildWorkbook(c.tx, ctx.agency, ctx.lists, ctx.agency.defaultLocale, []);
      sendXlsx(c.reply, `register-template-${ctx.agency.code}.xlsx`, buf);
      return { size: buf.length };
    },
    audit: { skip: "empty template, no personal data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/xlsx/export",
    access: "registry.export",
    tag,
    summary: "The whole register as xlsx (same columns as the template)",
    // Not raw: the file is returned, so it leaves only after the transaction holding its ledger entry committed.
    handler: async (c) => {
      const ctx = await regCtx(c);
      const rows = await exportRows(c.tx, c.agencyId);
      const buf = await buildWorkbook(c.tx, ctx.agency, ctx.lists, ctx.agency.defaultLocale, rows);
      c.audit({
        action: "registry.export",
        resourceType: "registry_file",
        details: { files: rows.length, bytes: buf.length },
      });
      c.reply
        .header("content-type", XLSX_TYPE)
        .header(
          "content-disposition",
          `attachment; filename*=UTF-8''${encodeURIComponent(`register-${ctx.agency.code}-${ctx.today}.xlsx`)}`,
        );
      return buf;
    },
    audit: { skip: "the export entry is added in the handler (same transaction) with the file count" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/xlsx/import",
    access: "registry.import",
    tag,
    summary:
      "Import a register workbook; mode=all writes nothing unless every row passes, mode=valid writes the valid rows",
    query: importQuery,
    // Reading the upload and unpacking it in a worker happen before the transaction (issue 10 §4).
    prepare: async (c) => {
      if (!c.req.isMultipart()) throw badRequest("registry.upload_missing");
      const part = await c.req.file();
      if (!part) throw badRequest("registry.upload_missing");
      return readWorkbook(await part.toBuffer());
    },
    handler: async (c) => {
      const ctx = await regCtx(c);
      const parsed = await parseWorkbook(c.tx, ctx.agency, ctx.lists, ctx.today, c.locale, c.prepared);
      // Publication guard: a row that would publish personal data is refused like any invalid row.
      const blocked = await importPublicationIssues(c.tx, c.deps, c.agencyId, parsed.rows);
      if (blocked.length) {
        const column = fieldLabel("isPublic", c.locale);
        const rows = new Set(blocked.map((b) => b.row));
        for (const b of blocked)
          parsed.issues.push({
            row: b.row,
            field: "isPublic",
            column,
            code: "publication_blocked",
            message: t(c.locale, "errors.registry.field.publication_blocked", {
              column,
              findings: b.findings,
            }),
          });
        parsed.issues.sort((x, y) => x.row - y.row);
        parsed.rows = parsed.rows.filter((r) => !rows.has(r.row));
      }
      const report = {
        ok: parsed.issues.length === 0,
        rows: parsed.total,
        imported: 0,
        created: 0,
        updated: 0,
        skipped: parsed.total - parsed.rows.length,
        dryRun: c.query.dryRun,
        errors: parsed.issues,
      };
      if (parsed.issues.length && c.query.mode === "all") {
        throw new AppError(422, "registry.import_rejected", report, { count: parsed.issues.length });
      }
      if (c.query.dryRun) return report;
      const creates = parsed.rows.filter((r) => !r.id).map((r) => r.fields);
      report.created = await bulkCreateFiles(ctx, creates);
      for (const r of parsed.rows) {
        if (!r.id) continue;
        await updateFile(
          ctx,
          r.id,
          { ...r.fields, reason: "xlsx import" },
          { skipChecks: true, ignoreVersion: true },
        );
        report.updated++;
      }
      report.imported = report.created + report.updated;
      return report;
    },
    audit: {
      action: "registry.import",
      resourceType: "registry_file",
      details: (r) => ({
        rows: r.rows,
        created: r.created,
        updated: r.updated,
        skipped: r.skipped,
        dryRun: r.dryRun,
      }),
    },
  });
}
