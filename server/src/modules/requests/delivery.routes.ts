import { longText } from "@civicpims/core/validation/index";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { defineRoute, type RouteContext } from "../../http/route";
import { agencyInfo } from "../cases/case.service";
import { actorOf } from "../cases/cases.routes";
import { assembleRecords, deliveryOverview, releaseFile, withdrawRelease } from "./delivery";
import { idParams } from "./requests.schemas";
import type { ServiceCtx } from "./requests.service";

// biome-ignore lint/suspicious/noExplicitAny: route contexts differ only in body/query/params types
type Ctx = RouteContext<any, any, any>;

const sctx = async (ctx: Ctx): Promise<ServiceCtx> => ({
  tx: ctx.tx,
  deps: ctx.deps,
  agency: await agencyInfo(ctx.tx, ctx.agencyId),
  actor: actorOf(ctx),
  audit: ctx.audit,
});

const releaseBody = z
  .object({
    attachmentId: z.uuid(),
    /** Set after the handler has seen the masked findings; needs a reason (C12). */
    confirmThirdParty: z.boolean().optional(),
    reason: longText({ max: 1000 }).optional(),
  })
  .strict();
const releaseParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

/** Delivery of a granted access request (issue 11 item 4): release package, assembled record, PII check. */
export function registerDeliveryRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "requests";
  const overview = (ctx: Ctx, id: string) => deliveryOverview(ctx.tx, ctx.deps, ctx.agencyId, id);

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/requests/:id/delivery",
    access: "requests.read",
    tag,
    summary: "Files that can be released, their PII findings (masked) and what the requester will see",
    params: idParams,
    handler: (ctx) => overview(ctx, ctx.params.id),
    audit: {
      action: "requests.delivery.read",
      resourceType: "case",
      resourceId: (r) => r.caseId,
      subjectRef: (r) => r.subjectRef,
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/requests/:id/releases",
    access: "requests.process",
    tag,
    summary:
      "Release a case file to the requester (granted access only; third-party findings need confirmThirdParty + reason)",
    params: idParams,
    body: releaseBody,
    status: 201,
    handler: async (ctx) => {
      await releaseFile(await sctx(ctx), ctx.params.id, ctx.body);
      return overview(ctx, ctx.params.id);
    },
    audit: { skip: "releaseFile writes requests.delivery.release" },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/requests/:id/releases/:attachmentId",
    access: "requests.process",
    tag,
    summary: "Withdraw a released file",
    params: releaseParams,
    handler: async (ctx) => {
      await withdrawRelease(await sctx(ctx), ctx.params.id, ctx.params.attachmentId);
      return overview(ctx, ctx.params.id);
    },
    audit: { skip: "withdrawRelease writes requests.delivery.withdraw" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/requests/:id/assemble",
    access: "requests.process",
    tag,
    summary:
      "Assemble what this agency holds about the subject (by blind index) into one workbook and release it",
    params: idParams,
    body: z.object({}).strict(),
    status: 201,
    handler: async (ctx) => {
      const r = await assembleRecords(await sctx(ctx), ctx.params.id);
      return { ...(await overview(ctx, ctx.params.id)), assembled: r };
    },
    audit: { skip: "assembleRecords writes requests.delivery.assemble (and .release)" },
  });
}
