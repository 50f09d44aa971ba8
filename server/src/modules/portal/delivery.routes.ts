import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { defineRoute } from "../../http/route";
import { deferError } from "../auth/deferred-error";
import { portalDelivery } from "./delivery-providers";
import { accessBody, authorise } from "./portal.routes";

/**
 * The requester downloads a released file (issue 11 item 4) with the receipt number and access code: the
 * same check, rate limits and neutral 404 as the letter download; the file is decrypted on the fly and
 * leaves only after its ledger entry has committed.
 */
export function registerPortalDeliveryRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/portal/files/:attachmentId",
    access: "public",
    tag: "portal",
    summary: "Download a file released to the requester (receipt number + access code)",
    params: z.object({ attachmentId: z.uuid() }),
    body: accessBody,
    handler: async (ctx) => {
      const a = await authorise(ctx);
      if ("error" in a) return a.error;
      const f = await portalDelivery(a.c.kind).file(ctx.tx, ctx.deps, a.c, ctx.params.attachmentId);
      if (!f) return deferError(404, "portal.not_found");
      ctx.audit({
        action: "portal.file.download",
        agencyId: a.c.agencyId,
        resourceType: "case_attachment",
        resourceId: ctx.params.attachmentId,
        subjectRef: a.c.subjectRef,
        details: { caseId: a.c.id },
      });
      ctx.reply
        .header("content-type", f.mimeType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .header("x-content-type-options", "nosniff");
      return f.data;
    },
    audit: { skip: "written in the handler (portal.file.download / portal.access.failed)" },
  });
}
