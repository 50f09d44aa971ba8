import { date, longText, text } from "@civicpims/core/validation/index";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { deferError } from "../auth/deferred-error";
import { agencyInfo } from "../cases/case.service";
import { portalKind, portalKinds } from "./kinds";
import { authorise } from "./portal.routes";
import { agencyByCode } from "./portal.service";
import { progressLookup, publicStage } from "./progress";
import { submitSurvey, surveyStats } from "./survey.service";
import { registerSurveyStatisticsTable } from "./survey.tables";
import { bump, LIMITS, throttleKey } from "./throttle";

const progressBody = z
  .object({ agencyCode: text({ min: 1, max: 64 }), receiptNumber: text({ min: 1, max: 40 }) })
  .strict();
const score = z.number().int().min(1).max(5);
// Same fields as portal.routes accessBody (not imported: that module imports this one at load time).
const surveyBody = z
  .object({
    agencyCode: text({ min: 1, max: 64 }),
    receiptNumber: text({ min: 1, max: 40 }),
    accessCode: text({ min: 1, max: 40 }),
    speed: score,
    kindness: score,
    clarity: score,
    overall: score,
    comment: longText({ max: 1000 }).optional(),
  })
  .strict();
const statsQuery = z
  .object({ from: date().optional(), to: date().optional(), unitId: z.uuid().optional() })
  .strict();

/** Midnight at the start of a calendar date in the agency's zone (the period filter counts local days). */
function localMidnight(day: string, timeZone: string): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  const local = new Date(guess.toLocaleString("en-US", { timeZone }));
  const utc = new Date(guess.toLocaleString("en-US", { timeZone: "UTC" }));
  return new Date(guess.getTime() - (local.getTime() - utc.getTime()));
}

/**
 * Public progress (issue 12 item 2, I3), what a citizen can do per agency, and the satisfaction survey
 * (issue 12 item 1, I6) with its staff results.
 */
export function registerProgressRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerSurveyStatisticsTable();
  const tag = "portal";

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/portal/agencies/:code/services",
    access: "public",
    tag,
    summary: "What a citizen can do at an agency on the portal (the kinds it takes, with their form fields)",
    params: z.object({ code: text({ min: 1, max: 64, trim: false }) }),
    handler: async ({ tx, params }) => {
      const a = await agencyByCode(tx, params.code);
      if (!a) throw notFound("portal.unknown_agency");
      return {
        agencyCode: a.code,
        agencyName: a.nameLocal,
        jurisdiction: a.jurisdiction,
        kinds: portalKinds().map((kind) => {
          const pk = portalKind(kind);
          return { kind, title: pk?.title, fields: pk?.fields?.(a.jurisdiction) ?? null };
        }),
        // Without an access code only petitions are searchable, and only by stage and unit (seed 003).
        progressSearch: true,
        statusLookup: true,
      };
    },
    audit: { skip: "public list of portal services" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/portal/progress",
    access: "public",
    tag,
    summary:
      "Public progress of a petition by receipt number alone: its stage and responsible unit, nothing else",
    body: progressBody,
    // Load-tested hot path: the throttle check and the lookup are ONE statement (progressLookup), and the
    // only write, the failure counter's upsert, is atomic alone and needs nothing else to commit with it.
    transaction: false,
    handler: async (ctx) => {
      const key = throttleKey("progress-ip", ctx.req.ip);
      const number = ctx.body.receiptNumber.trim().toUpperCase();
      const r = await progressLookup(ctx.deps.database, key, ctx.body.agencyCode, number);
      if (r.failures >= LIMITS.progressIp)
        return deferError(429, "portal.rate_limited", {
          headers: { "retry-after": String(Math.max(1, r.retry)) },
        });
      if (!r.state) {
        await bump(ctx.tx, key);
        return deferError(404, "portal.not_found");
      }
      // Exactly these two keys: no name, address, text or date (seed 003 민원처리 인터넷 공개).
      return { stage: publicStage(r.state), unit: r.unit };
    },
    audit: { skip: "public information (stage and unit only); failures are counted by the throttle" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/portal/survey",
    access: "public",
    tag,
    summary: "Satisfaction survey after the case closed (receipt number + access code), once per case",
    body: surveyBody,
    status: 201,
    handler: async (ctx) => {
      const a = await authorise(ctx);
      if ("error" in a) return a.error;
      const { agencyCode: _a, receiptNumber: _r, accessCode: _c, ...answer } = ctx.body;
      const s = await submitSurvey(ctx.tx, ctx.deps, a.c, answer);
      ctx.audit({
        action: "portal.survey.submit",
        agencyId: a.c.agencyId,
        resourceType: "case",
        resourceId: a.c.id,
        details: { surveyId: s.id },
      });
      return { recorded: true as const };
    },
    audit: { skip: "written in the handler (portal.survey.submit / portal.access.failed)" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/petitions/surveys",
    access: "petitions.surveys.read",
    tag: "petitions",
    summary: "Satisfaction survey results: averages per question, per unit and per month, with counts",
    query: statsQuery,
    handler: async ({ tx, agencyId, query }) => {
      const agency = await agencyInfo(tx, agencyId);
      const to = query.to ? localMidnight(query.to, agency.timeZone) : undefined;
      return surveyStats(tx, agencyId, {
        from: query.from ? localMidnight(query.from, agency.timeZone) : undefined,
        // `to` is the last day included.
        to: to ? new Date(to.getTime() + 86_400_000) : undefined,
        unitId: query.unitId,
        timeZone: agency.timeZone,
      });
    },
    audit: { skip: "aggregate scores only (no comment, no person)" },
  });
}
