import { catalogueOf } from "@civicpims/core/jurisdictions/index";
import { twDestructionMethods } from "@civicpims/core/jurisdictions/tw/retention-minima";
import { OWN_KINDS } from "@civicpims/core/retention/index";
import { date, longText, text } from "@civicpims/core/validation/index";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { sniffEvidenceType } from "../registry/entrustments.routes";
import "./messages";
import { certificatePdf } from "./certificate";
import { agencyInfo, todayIn } from "./context";
import { executePlan } from "./execute";
import * as holds from "./holds.service";
import * as plans from "./plans.service";
import { listRules, saveFileRule, saveOwnRule } from "./rules.service";
import { sweepAgency } from "./sweep";

const idParams = z.object({ id: z.uuid() });
const ruleBody = z
  .object({
    periodMonths: z.number().int().min(0).max(1200).nullable(),
    startEvent: z.enum(["collection", "purpose_end", "contract_end", "last_contact"]),
    startOn: date().nullish(),
    legalBasis: text({ min: 1, max: 500 }),
    recordsClassCode: text({ max: 64 }).nullish(),
    recordsSeriesId: z.uuid().nullish(),
    methodCode: text({ max: 64 }).nullish(),
    version: z.number().int().optional(),
  })
  .strict();
const NO_PII = "retention metadata: rules, plan counts, register names; no personal data";

/** The D5 methods of the agency's rule pack (KR catalogue; TW list in the TW rule pack). */
function methodsFor(j: "KR" | "TW") {
  if (j === "TW") return twDestructionMethods;
  return catalogueOf("KR", "destructionMethods")?.entries ?? [];
}

/** Retention and destruction (issue 13; D1-D8). */
export function registerRetentionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "retention";

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/retention/rules",
    access: "retention.read",
    tag,
    summary:
      "Retention rules per register file and per kind of CivicPIMS's own records, with legal minima (D1)",
    handler: ({ tx, agencyId }) => listRules(tx, agencyId),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/retention/methods",
    access: "retention.read",
    tag,
    summary: "Destruction methods of the agency's rule pack (D5, D7)",
    handler: async ({ tx, agencyId }) => methodsFor((await agencyInfo(tx, agencyId)).j),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/retention/rules/files/:id",
    access: "retention.rules",
    tag,
    summary: "Set a register file's retention rule (D1)",
    params: idParams,
    body: ruleBody,
    handler: ({ tx, agencyId, auth, params, body }) =>
      saveFileRule(tx, agencyId, auth.staffId, params.id, body),
    audit: { action: "retention.rule.update", resourceType: "retention_rule", resourceId: (r) => r.id },
  });
  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/retention/rules/own",
    access: "retention.rules",
    tag,
    summary: "Set the rule for a kind of CivicPIMS's own records; never below the legal minimum (D1)",
    body: ruleBody.extend({ kind: z.enum(OWN_KINDS) }),
    handler: ({ tx, agencyId, auth, body }) => saveOwnRule(tx, agencyId, auth.staffId, body.kind, body),
    audit: { action: "retention.rule.update", resourceType: "retention_rule", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/retention/sweep",
    access: "retention.manage",
    tag,
    summary: "Run the agency's retention sweep now (the daily job does it for every agency)",
    // The sweep commits its own transaction (plans and their ledger entries together).
    prepare: ({ deps: d, agencyId }) => sweepAgency(d, agencyId),
    handler: async ({ prepared }) => ({ plans: prepared }),
    audit: { skip: "the sweep writes one ledger entry per drafted plan itself" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/retention/plans",
    access: "retention.read",
    tag,
    summary: "Destruction plans (D2)",
    query: z
      .object({ status: z.enum(["draft", "submitted", "approved", "done", "cancelled"]).optional() })
      .strict(),
    handler: ({ tx, agencyId, query }) => plans.listPlans(tx, agencyId, query.status),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/retention/plans/:id",
    access: "retention.read",
    tag,
    summary: "A plan with item counts, tasks and destruction records",
    params: idParams,
    handler: ({ tx, agencyId, params }) => plans.planDetail(tx, agencyId, params.id),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/retention/plans/:id/submit",
    access: "retention.manage",
    tag,
    summary: "Put a drafted plan forward for approval with its method (D4, D5)",
    params: idParams,
    body: z
      .object({ methodCode: text({ min: 1, max: 64 }), reason: longText({ max: 2000 }).nullish() })
      .strict(),
    handler: async ({ tx, agencyId, auth, params, body }) => {
      const j = (await agencyInfo(tx, agencyId)).j;
      if (!methodsFor(j).some((m) => m.code === body.methodCode))
        throw badRequest("retention.unknown_method");
      return plans.submitPlan(tx, agencyId, auth.staffId, params.id, body);
    },
    audit: { action: "retention.plan.submit", resourceType: "destruction_plan", resourceId: (r) => r.id },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/retention/plans/:id/assess",
    access: "retention.manage",
    tag,
    summary: "TW: impact assessment and handover to the holding unit before deletion (D6)",
    params: idParams,
    body: z.object({ assessment: longText({ min: 1, max: 4000 }), holdingUnitId: z.uuid() }).strict(),
    handler: ({ tx, agencyId, auth, params, body }) =>
      plans.assessPlan(tx, agencyId, auth.staffId, params.id, body),
    audit: { action: "retention.plan.assess", resourceType: "destruction_plan", resourceId: (r) => r.id },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/retention/plans/:id/approve",
    access: "retention.approve",
    tag,
    summary: "Approve a plan: the privacy officer, never the plan's requester (D4)",
    params: idParams,
    body: z.object({ witness: text({ max: 200 }).nullish() }).strict(),
    handler: ({ tx, agencyId, auth, params, body }) =>
      plans.approvePlan(tx, agencyId, auth.staffId, params.id, body),
    audit: { action: "retention.plan.approve", resourceType: "destruction_plan", resourceId: (r) => r.id },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/retention/plans/:id/cancel",
    access: "retention.manage",
    tag,
    summary: "Cancel a plan before any batch ran",
    params: idParams,
    handler: ({ tx, agencyId, params }) => plans.cancelPlan(tx, agencyId, params.id),
    audit: { action: "retention.plan.cancel", resourceType: "destruction_plan", resourceId: (r) => r.id },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/retention/plans/:id/execute",
    access: "retention.execute",
    tag,
    summary:
      "Execute an approved plan in batches; each batch commits with its destruction record and ledger entry",
    params: idParams,
    body: z.object({ witness: text({ max: 200 }).nullish() }).strict(),
    // Batches run in their own transactions (never inside the route's): a crash keeps whole batches only.
    prepare: ({ deps: d, agencyId, auth, params, body }) =>
      executePlan(d, agencyId, params.id, { actorId: auth.staffId, witness: body.witness }),
    handler: async ({ prepared, params }) => ({ id: params.id, batches: prepared }),
    audit: {
      action: "retention.plan.execute",
      resourceType: "destruction_plan",
      resourceId: (r) => r.id,
      details: (r) => ({ batches: r.batches.length, items: r.batches.reduce((s, b) => s + b.items, 0) }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/retention/tasks/:id/complete",
    access: "retention.execute",
    tag,
    summary: "Mark a task done: deletion in another system (multipart evidence file + note) or a notice sent",
    params: idParams,
    handler: async (c) => {
      let note: string | null = null;
      let evidence: { name: string; mime: string; data: Buffer } | undefined;
      if (c.req.isMultipart()) {
        for await (const part of c.req.parts()) {
          if (part.type === "field" && part.fieldname === "note") note = String(part.value).slice(0, 2000);
          else if (part.type === "file") {
            const data = await part.toBuffer();
            const mime = sniffEvidenceType(data);
            if (!mime) throw new AppError(415, "retention.upload_type");
            evidence = { name: part.filename.slice(0, 200), mime, data };
          }
        }
      } else {
        const parsed = z
          .object({ note: longText({ max: 2000 }).nullish() })
          .strict()
          .safeParse(c.req.body ?? {});
        if (!parsed.success) throw badRequest("validation");
        note = parsed.data.note ?? null;
      }
      return plans.completeTask(c.tx, c.deps.secrets.fieldKey, c.agencyId, c.auth.staffId, c.params.id, {
        note,
        evidence,
      });
    },
    audit: { action: "retention.task.complete", resourceType: "destruction_task", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/retention/certificates",
    access: "retention.read",
    tag,
    summary: "Destruction records with their certificate numbers (D5, D8)",
    handler: ({ tx, agencyId }) => plans.listCertificates(tx, agencyId),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/retention/certificates/:id/pdf",
    access: "retention.read",
    tag,
    summary: "The numbered destruction certificate as PDF",
    params: idParams,
    handler: async ({ tx, agencyId, params, locale, reply }) => {
      const { pdf, certificateNo } = await certificatePdf(tx, agencyId, params.id, locale);
      reply.removeHeader("content-security-policy");
      reply
        .header("content-type", "application/pdf")
        .header("cache-control", "no-store")
        .header("content-disposition", `attachment; filename="${certificateNo}.pdf"`);
      return pdf;
    },
    audit: { skip: "certificate of destruction: counts and register names, no personal data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/retention/holds",
    access: "retention.read",
    tag,
    summary: "Legal holds and separate storage with review dates (D3)",
    handler: async ({ tx, agencyId }) =>
      holds.listHolds(tx, agencyId, todayIn((await agencyInfo(tx, agencyId)).tz)),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/retention/holds",
    access: "retention.holds",
    tag,
    summary: "Place a legal hold or move to separate storage (D3)",
    status: 201,
    body: z
      .object({
        kind: z.enum(["litigation", "audit", "other_law", "separate_storage"]),
        targetType: z.enum(["record", "case", "registry_file"]),
        targetId: z.uuid(),
        reason: longText({ min: 1, max: 2000 }),
        legalBasis: text({ max: 500 }).nullish(),
        roles: z
          .array(
            z.enum([
              "system_admin",
              "privacy_officer",
              "privacy_manager",
              "handler",
              "auditor",
              "petition_clerk",
              "records_manager",
            ]),
          )
          .max(7)
          .default([]),
        storageLocation: text({ max: 300 }).nullish(),
        reviewOn: date(),
      })
      .strict(),
    handler: ({ tx, agencyId, auth, body }) => holds.createHold(tx, agencyId, auth.staffId, body),
    audit: { action: "retention.hold.create", resourceType: "retention_hold", resourceId: (r) => r.id },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/retention/holds/:id/release",
    access: "retention.holds",
    tag,
    summary: "Release a hold",
    params: idParams,
    handler: ({ tx, agencyId, auth, params }) => holds.releaseHold(tx, agencyId, auth.staffId, params.id),
    audit: { action: "retention.hold.release", resourceType: "retention_hold", resourceId: (r) => r.id },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/retention/separate/:id",
    access: "retention.read",
    tag,
    summary: "Open a separate storage entry: only the roles the hold names (D3)",
    params: idParams,
    handler: ({ tx, agencyId, auth, params }) =>
      holds.openSeparate(
        tx,
        agencyId,
        params.id,
        auth.roles.map((r) => r.role),
      ),
    audit: {
      action: "retention.separate.read",
      resourceType: "retention_hold",
      resourceId: (r) => r.id as string,
    },
  });
}
