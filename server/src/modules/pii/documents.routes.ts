import { can } from "@civicpims/core/auth/index";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, forbidden } from "../../http/errors";
import { defineRoute, type RouteContext } from "../../http/route";
import { runJob } from "../../workers/pool";
import { coreEngine } from "./documents/engine";
import {
  addRegion,
  decideFindings,
  decodedText,
  documentView,
  listDocuments,
  loadDocument,
  originalOf,
  pdfPageCount,
  purgeDocuments,
  redactDocument,
  removeRegion,
  scanUpload,
  textMarks,
  uploadDocument,
} from "./review.service";
import { reviewLimitBytes } from "./settings";
import { readUpload } from "./upload";

const tag = "pii";
/** Characters of a txt/csv document sent to the review screen. */
const MAX_TEXT_CHARS = 2_000_000;
const idParams = z.object({ id: z.uuid() });
const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);

// biome-ignore lint/suspicious/noExplicitAny: any route context carries auth
export const actorOf = (c: RouteContext<any, any, any>) => ({ id: c.auth.staffId, label: c.auth.username });

/** Review of uploaded documents (issue 7 item 5): findings, decisions, regions, redacted download, retention. */
export function registerDocumentRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/pii/documents",
    access: "pii.documents",
    tag,
    summary: "Upload a document for PII review (multipart field `file`): scanned, stored encrypted",
    status: 201,
    // Reading and scanning (a worker job) happen before the transaction opens (issue 10 §4).
    prepare: async (c) => {
      const file = await readUpload(c.req, reviewLimitBytes(c.deps));
      return { file, scan: await scanUpload(c.db, c.deps, c.agencyId, file) };
    },
    handler: async (c) => {
      const { file, scan } = c.prepared;
      const row = await uploadDocument(c.tx, c.deps, c.agencyId, actorOf(c), file, new Date(), scan);
      return documentView(row);
    },
    audit: {
      action: "pii.document.upload",
      resourceType: "pii_document",
      resourceId: (r) => r.id,
      details: (r) => ({
        format: r.format,
        size: r.size,
        scanStatus: r.scanStatus,
        findings: r.findingCount,
        types: [...new Set(r.findings.map((f) => f.type))],
        retainUntil: r.retainUntil,
      }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/pii/documents",
    access: "pii.documents",
    tag,
    summary: "Documents under review (names, status, counts)",
    handler: async (c) => ({
      items: await listDocuments(c.tx, c.agencyId),
      limitBytes: reviewLimitBytes(c.deps),
    }),
    audit: { skip: "file names and counts; findings are masked" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/pii/documents/:id",
    access: "pii.documents",
    tag,
    summary: "One document with its findings (masked previews) and decisions",
    params: idParams,
    handler: async (c) => documentView(await loadDocument(c.tx, c.agencyId, c.params.id)),
    audit: { skip: "masked previews only; the text and page views are ledgered" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/pii/documents/:id/text",
    access: "pii.documents",
    tag,
    summary: "txt/csv: the decoded text with the findings' positions, for highlighting",
    params: idParams,
    handler: async (c) => {
      const d = await loadDocument(c.tx, c.agencyId, c.params.id);
      if (d.format !== "txt" && d.format !== "csv") throw badRequest("pii.not_text");
      const full = decodedText(originalOf(c.deps, d));
      // A browser cannot usefully show more; the findings table still lists every finding.
      const text = full.length > MAX_TEXT_CHARS ? full.slice(0, MAX_TEXT_CHARS) : full;
      return {
        id: d.id,
        text,
        marks: textMarks(text, d.findings, coreEngine.mask),
        totalChars: full.length,
        truncated: text.length < full.length,
      };
    },
    audit: {
      action: "pii.document.view",
      resourceType: "pii_document",
      resourceId: (r) => r.id,
      details: (r) => ({ view: "text", chars: r.text.length }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/pii/documents/:id/pages",
    access: "pii.documents",
    tag,
    summary: "pdf: page sizes in the coordinates of the findings' boxes",
    params: idParams,
    // The worker job (mupdf) runs before the transaction opens: nothing is written (issue 10 §4).
    prepare: async (c) => {
      const d = await loadDocument(c.db, c.agencyId, c.params.id);
      if (d.format !== "pdf") throw badRequest("pii.not_pdf");
      const { pages } = await runJob("pii.pdfPages", { data: originalOf(c.deps, d) });
      return { id: d.id, pages };
    },
    handler: async (c) => c.prepared,
    audit: { skip: "page sizes only" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/pii/documents/:id/pages/:page",
    access: "pii.documents",
    tag,
    summary: "pdf: one page of the original rendered as PNG (mupdf)",
    params: z.object({ id: z.uuid(), page: z.coerce.number().int().min(1).max(100_000) }),
    // Rendering (a worker job) runs before the transaction, which then only holds the view's ledger entry.
    prepare: async (c) => {
      const d = await loadDocument(c.db, c.agencyId, c.params.id);
      if (d.format !== "pdf") throw badRequest("pii.not_pdf");
      const { png: bytes } = await runJob("pii.pdfRender", {
        data: originalOf(c.deps, d),
        page: c.params.page,
      });
      return { d, png: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) };
    },
    handler: async (c) => {
      const { d, png } = c.prepared;
      c.audit({
        action: "pii.document.view",
        resourceType: "pii_document",
        resourceId: d.id,
        details: { view: "page", page: c.params.page },
      });
      c.reply.header("content-type", "image/png").header("cache-control", "no-store");
      return png;
    },
    audit: { skip: "the view entry is added in the handler with the page number" },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/pii/documents/:id/findings",
    access: "pii.documents",
    tag,
    summary: "Accept or reject findings; a rejection can be remembered as the agency's false positive",
    params: idParams,
    body: z.object({
      decisions: z
        .array(
          z.object({
            index: z.number().int().min(0),
            decision: z.enum(["pending", "accepted", "rejected"]),
            falsePositive: z.boolean().optional(),
          }),
        )
        .min(1)
        .max(10_000),
    }),
    handler: async (c) => {
      if (
        c.body.decisions.some((d) => d.falsePositive) &&
        !can(
          c.auth.roles.map((r) => r.role),
          "pii.false_positive",
        )
      )
        throw forbidden();
      const d = await loadDocument(c.tx, c.agencyId, c.params.id);
      const { row, remembered } = await decideFindings(c.tx, d, actorOf(c), c.body.decisions);
      return { ...documentView(row), remembered };
    },
    audit: {
      action: "pii.document.review",
      resourceType: "pii_document",
      resourceId: (r) => r.id,
      details: (r) => ({ decided: r.decided, rememberedFalsePositives: r.remembered }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/pii/documents/:id/regions",
    access: "pii.documents",
    tag,
    summary: "Add a manual redaction region: a box on a PDF page, or a text range of a txt/csv file",
    params: idParams,
    body: z.union([
      z.object({ page: z.number().int().min(1), box }),
      z.object({ start: z.number().int().min(0), end: z.number().int().min(1) }),
    ]),
    status: 201,
    // A PDF's pages are counted (a worker job) before the transaction opens (issue 10 §4).
    prepare: async (c) => {
      if (!("page" in c.body)) return undefined;
      const d = await loadDocument(c.db, c.agencyId, c.params.id);
      return d.format === "pdf" ? pdfPageCount(c.deps, d) : undefined;
    },
    handler: async (c) => {
      const d = await loadDocument(c.tx, c.agencyId, c.params.id);
      const { row, region } = await addRegion(c.tx, c.deps, d, c.body, c.prepared);
      return { ...documentView(row), added: region };
    },
    audit: {
      action: "pii.document.region.add",
      resourceType: "pii_document",
      resourceId: (r) => r.id,
      details: (r) => ({ region: r.added }),
    },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/pii/documents/:id/regions/:regionId",
    access: "pii.documents",
    tag,
    summary: "Remove a manual region",
    params: z.object({ id: z.uuid(), regionId: z.uuid() }),
    handler: async (c) => {
      const d = await loadDocument(c.tx, c.agencyId, c.params.id);
      return { ...documentView(await removeRegion(c.tx, d, c.params.regionId)), removed: c.params.regionId };
    },
    audit: {
      action: "pii.document.region.remove",
      resourceType: "pii_document",
      resourceId: (r) => r.id,
      details: (r) => ({ regionId: r.removed }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/pii/documents/:id/redacted",
    access: "pii.documents",
    tag,
    summary: "Download the redacted file (policy mask|remove|label|pseudonym where the format supports it)",
    params: idParams,
    query: z.object({ policy: z.enum(["mask", "remove", "label", "pseudonym"]).default("mask") }),
    // Redaction (a worker job) runs before the transaction opens (issue 10 §4).
    prepare: async (c) => {
      const d = await loadDocument(c.db, c.agencyId, c.params.id);
      return { d, r: await redactDocument(c.db, c.deps, d, c.query.policy) };
    },
    // Not raw: the bytes leave only after the transaction holding the ledger entry committed.
    handler: async (c) => {
      const { r } = c.prepared;
      // Read again in the transaction: a purge since the redaction means the file is gone.
      const d = await loadDocument(c.tx, c.agencyId, c.params.id);
      if (!d.originalEnc) throw new AppError(410, "pii.purged");
      c.audit({
        action: "pii.document.download",
        resourceType: "pii_document",
        resourceId: d.id,
        details: {
          policy: c.query.policy,
          redacted: r.redacted,
          kept: r.kept,
          regions: r.regions,
          status: r.status,
          size: r.output.length,
        },
      });
      const ascii = r.filename.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
      c.reply
        .header("content-type", r.contentType)
        .header("cache-control", "no-store")
        .header("x-redaction-status", r.status)
        .header(
          "content-disposition",
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(r.filename)}`,
        );
      return r.output;
    },
    audit: { skip: "the download entry is added in the handler with the policy and counts" },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/pii/documents/:id",
    access: "pii.documents",
    tag,
    summary: "Destroy the original now (before its retention date); the masked review record stays",
    params: idParams,
    handler: async (c) => {
      const d = await loadDocument(c.tx, c.agencyId, c.params.id);
      const entries = await purgeDocuments(
        c.tx,
        { agencyId: c.agencyId, documentId: d.id, reason: "manual" },
        actorOf(c),
      );
      for (const e of entries) c.audit(e);
      return { id: d.id, purged: entries.length };
    },
    audit: { skip: "the purge entry is added in the handler" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/pii/purge",
    access: "pii.purge",
    tag,
    summary: "Destroy the originals whose retention date has passed (the daily job does the same)",
    handler: async (c) => {
      const entries = await purgeDocuments(c.tx, { agencyId: c.agencyId, reason: "retention" }, actorOf(c));
      for (const e of entries) c.audit(e);
      return { purged: entries.length };
    },
    audit: { skip: "one purge entry per destroyed original is added in the handler" },
  });
}
