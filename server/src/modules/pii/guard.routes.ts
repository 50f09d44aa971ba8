import { longText } from "@civicpims/core/validation/index";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { actorOf } from "./documents.routes";
import { listChecks, overrideCheck } from "./guard.service";

const tag = "pii";

/** The publication guard's screen: what was held back from the portal, and reviewers' overrides. */
export function registerGuardRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/pii/guard/checks",
    access: "pii.guard.read",
    tag,
    summary: "Publication guard: blocked and overridden content (masked findings)",
    query: z.object({ status: z.enum(["blocked", "overridden"]).optional() }),
    handler: async (c) => ({ items: await listChecks(c.tx, c.agencyId, c.query.status) }),
    audit: { skip: "masked previews and kinds only" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/pii/guard/checks/:id/override",
    access: "pii.guard.override",
    tag,
    summary: "Override a blocked publication with a reason (that exact content may then be published)",
    params: z.object({ id: z.uuid() }),
    body: z.object({ reason: longText({ min: 1, max: 500 }) }),
    handler: async (c) => {
      const row = await overrideCheck(c.tx, c.agencyId, c.params.id, actorOf(c), c.body.reason);
      if (!row) throw notFound();
      return row;
    },
    audit: {
      action: "pii.guard.override",
      resourceType: "pii_publication_check",
      resourceId: (r) => r.id,
      details: (r) => ({
        kind: r.kind,
        resourceKey: r.resourceKey,
        reason: r.overrideReason,
        types: [...new Set(r.findings.map((f) => f.type))],
      }),
    },
  });
}
