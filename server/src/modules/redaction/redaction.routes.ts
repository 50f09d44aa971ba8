import { text } from "@civicpims/core/validation/index";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { defineRoute } from "../../http/route";
import { runJob } from "../../workers/pool";
import { attachmentBytes } from "../cases/attachments";
import { actorOf } from "../pii/documents.routes";
import {
  createRedaction,
  groundsOf,
  groundView,
  listRedactions,
  loadRedaction,
  loadSource,
  prepareRelease,
  proposeFor,
  redactionView,
  saveRedaction,
  storeRelease,
} from "./redaction.service";

const tag = "redaction";
const caseParams = z.object({ id: z.uuid() });
const sourceParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
const redactionParams = z.object({ id: z.uuid(), redactionId: z.uuid() });
const pageParams = z.object({
  id: z.uuid(),
  redactionId: z.uuid(),
  pageNo: z.coerce.number().int().min(1).max(10_000),
});
/** A ground's catalogue code (checked against the agency's rule pack in the service). */
const code = text({ min: 1, max: 40 });
const coord = z.number().min(-100_000).max(100_000);
const saveBody = z.object({
  decisions: z
    .array(
      z.object({
        id: z.number().int().min(0),
        decision: z.enum(["pending", "accepted", "rejected"]),
        ground: code.nullable().optional(),
      }),
    )
    .max(10_000),
  // One flat shape (not a union) so every field error is reported at its field; the service checks
  // that a box has page and box, a text range start and end.
  regions: z
    .array(
      z.object({
        kind: z.enum(["box", "text"]),
        page: z.number().int().min(1).max(10_000).optional(),
        box: z.tuple([coord, coord, coord, coord]).optional(),
        start: z.number().int().min(0).optional(),
        end: z.number().int().min(0).optional(),
        ground: code,
      }),
    )
    .max(2_000),
});

/** Partial disclosure by redaction on case attachments (issue 12 item 3, J1). */
export function registerRedactionRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/redaction/grounds",
    access: "cases.read",
    tag,
    summary: "The agency's non-disclosure grounds (rule pack) with short citation and article",
    handler: async (c) => ({
      grounds: (await groundsOf(c.tx, c.agencyId)).map((g) => groundView(g, c.locale)),
    }),
    audit: { skip: "a public legal catalogue" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/cases/:id/attachments/:attachmentId/redactions",
    access: "cases.redact",
    tag,
    summary: "Start a redaction of an attachment: the PII engine's proposals (masked) are stored",
    params: sourceParams,
    status: 201,
    // The scan is a worker job: before the transaction opens (issue 10 §4).
    prepare: (c) => proposeFor(c.db, c.deps, c.agencyId, c.params.id, c.params.attachmentId),
    handler: async (c) => {
      const row = await createRedaction(c.tx, c.agencyId, c.params.id, c.prepared, actorOf(c));
      return redactionView(row, await groundsOf(c.tx, c.agencyId), c.locale);
    },
    audit: {
      action: "cases.redaction.create",
      resourceType: "case_redaction",
      resourceId: (r) => r.id,
      details: (r) => ({
        caseId: r.caseId,
        attachmentId: r.sourceAttachmentId,
        proposals: r.proposals.length,
        types: [...new Set(r.proposals.map((p) => p.type))],
      }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases/:id/redactions",
    access: "cases.read",
    tag,
    summary: "Redactions of a case (status, counts)",
    params: caseParams,
    handler: async (c) => {
      const grounds = await groundsOf(c.tx, c.agencyId);
      const rows = await listRedactions(c.tx, c.agencyId, c.params.id);
      return { items: rows.map((r) => redactionView(r, grounds, c.locale)) };
    },
    audit: { skip: "masked previews only" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases/:id/redactions/:redactionId",
    access: "cases.read",
    tag,
    summary: "One redaction: proposals (masked), areas, grounds",
    params: redactionParams,
    handler: async (c) =>
      redactionView(
        await loadRedaction(c.tx, c.agencyId, c.params.id, c.params.redactionId),
        await groundsOf(c.tx, c.agencyId),
        c.locale,
      ),
    audit: { skip: "masked previews only; page images are ledgered" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases/:id/redactions/:redactionId/pages",
    access: "cases.redact",
    tag,
    summary: "PDF page sizes of the source (the editor's coordinate space)",
    params: redactionParams,
    prepare: async (c) => {
      const r = await loadRedaction(c.db, c.agencyId, c.params.id, c.params.redactionId);
      if (r.format !== "pdf") return { pages: [] };
      const a = await loadSource(c.db, c.agencyId, r.caseId, r.sourceAttachmentId);
      return runJob("pii.pdfPages", { data: attachmentBytes(c.deps.secrets.fieldKey, a) });
    },
    handler: async (c) => c.prepared,
    audit: { skip: "page sizes only" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases/:id/redactions/:redactionId/page-images/:pageNo",
    access: "cases.redact",
    tag,
    summary: "One page of the source as PNG (unredacted: staff only, ledgered)",
    params: pageParams,
    raw: true,
    prepare: async (c) => {
      const r = await loadRedaction(c.db, c.agencyId, c.params.id, c.params.redactionId);
      const a = await loadSource(c.db, c.agencyId, r.caseId, r.sourceAttachmentId);
      const { png } = await runJob("pii.pdfRender", {
        data: attachmentBytes(c.deps.secrets.fieldKey, a),
        page: c.params.pageNo,
      });
      return { png: Buffer.from(png), attachmentId: a.id };
    },
    handler: async (c) => {
      c.audit({
        action: "cases.redaction.view",
        resourceType: "case_redaction",
        resourceId: c.params.redactionId,
        details: { caseId: c.params.id, page: c.params.pageNo },
      });
      return c.reply
        .header("content-type", "image/png")
        .header("cache-control", "no-store")
        .send(c.prepared.png);
    },
    audit: { skip: "written in the handler (cases.redaction.view)" },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/cases/:id/redactions/:redactionId",
    access: "cases.redact",
    tag,
    summary: "Save decisions and manual areas, each with its non-disclosure ground",
    params: redactionParams,
    body: saveBody,
    handler: async (c) => {
      const r = await loadRedaction(c.tx, c.agencyId, c.params.id, c.params.redactionId);
      const row = await saveRedaction(c.tx, r, c.body);
      return redactionView(row, await groundsOf(c.tx, c.agencyId), c.locale);
    },
    audit: {
      action: "cases.redaction.update",
      resourceType: "case_redaction",
      resourceId: (r) => r.id,
      details: (r) => ({ caseId: r.caseId, decided: r.decided, areas: r.regions.length }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/cases/:id/redactions/:redactionId/release",
    access: "cases.redact",
    tag,
    summary: "Burn in, label and re-scan; the released file becomes a new attachment of the case",
    params: redactionParams,
    status: 201,
    prepare: async (c) => {
      const r = await loadRedaction(c.db, c.agencyId, c.params.id, c.params.redactionId);
      return { r, release: await prepareRelease(c.db, c.deps, r, c.locale) };
    },
    handler: async (c) => {
      const { r, release } = c.prepared;
      const { redaction, attachment } = await storeRelease(c.tx, c.deps, r, release, actorOf(c));
      return {
        ...redactionView(redaction, await groundsOf(c.tx, c.agencyId), c.locale),
        attachment,
      };
    },
    audit: {
      action: "cases.redaction.release",
      resourceType: "case_redaction",
      resourceId: (r) => r.id,
      details: (r) => ({
        caseId: r.caseId,
        source: r.sourceAttachmentId,
        output: r.outputAttachmentId,
        grounds: r.groundsUsed,
        accepted: r.decided.accepted,
        rejected: r.decided.rejected,
        areas: r.regions.length,
      }),
    },
  });
}
