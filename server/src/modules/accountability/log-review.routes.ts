import { ANOMALY_RULE_IDS } from "@civicpims/core/accountability/index";
import { date, longText, text } from "@civicpims/core/validation/index";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { logReviewSettings } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { defineRoute } from "../../http/route";
import { findingEntries, getReview, loadOverrides, signOffReview } from "./log-review.service";
import "./messages";

// The month's format (YYYY-MM) is checked in the service, so a bad month gets its own clear message
// and body fields still get theirs (the input guard fills path parameters with ids).
const month = text({ min: 1, max: 40 });
const monthParams = z.object({ month });
const clock = text({ min: 5, max: 5 }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");

const disposition = z.object({
  key: text({ min: 1, max: 300 }),
  kind: z.enum(["explained", "follow_up"]),
  explanation: longText({ max: 2000 }).optional(),
  owner: text({ max: 200 }).optional(),
  dueDate: date().optional(),
});

const signOffBody = z.object({
  note: longText({ max: 4000 }),
  dispositions: z.array(disposition).max(500),
});

const overridesBody = z.object({
  rules: z
    .partialRecord(
      z.enum(ANOMALY_RULE_IDS),
      z.object({
        threshold: z.number().int().min(1).max(100_000).optional(),
        severity: z.enum(["high", "medium", "low"]).optional(),
      }),
    )
    .optional(),
  officeOpen: clock.optional(),
  officeClose: clock.optional(),
});

/** Access-log review over the ledger (issue 14, accountability item 2; E3, E9, E11). */
export function registerLogReviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "accountability";
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/accountability/log-reviews/:month",
    access: "accountability.logreview.read",
    tag,
    summary: "The month's access-log review: anomaly findings over the ledger and the sign-off, if any",
    params: monthParams,
    handler: async ({ tx, agencyId, params }) => getReview(tx, deps.secrets, agencyId, params.month),
    audit: {
      action: "accountability.logreview.view",
      resourceType: "log_review",
      resourceId: (r) => r.month,
      details: (r) => ({ findings: r.findings.length }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/accountability/log-reviews/:month/findings/:finding",
    access: "accountability.logreview.read",
    tag,
    summary: "The ledger entries behind one finding of the month's review",
    params: z.object({ month, finding: text({ min: 1, max: 300 }) }),
    handler: async ({ tx, agencyId, params, locale }) =>
      findingEntries(tx, agencyId, params.month, params.finding, locale),
    audit: {
      action: "accountability.logreview.entries",
      resourceType: "log_review",
      resourceId: (r) => r.key,
      details: (r) => ({ entries: r.items.length }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/accountability/log-reviews/:month/sign-off",
    access: "accountability.logreview.signoff",
    tag,
    summary: "Sign the month's review off with a disposition per finding (refused while a high one is open)",
    params: monthParams,
    body: signOffBody,
    status: 201,
    handler: async ({ tx, agencyId, params, body, auth }) =>
      signOffReview(tx, deps.secrets, agencyId, params.month, auth.staffId, body),
    audit: {
      action: "accountability.logreview.signoff",
      resourceType: "log_review",
      resourceId: (r) => r.id,
      details: (r) => ({ month: r.month, findings: r.findings, followUps: r.followUps }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/accountability/log-review-settings",
    access: "accountability.logreview.read",
    tag,
    summary: "The agency's overrides of the anomaly thresholds",
    handler: async ({ tx, agencyId }) => ({ overrides: await loadOverrides(tx, agencyId) }),
    audit: { skip: "threshold numbers, no personal data" },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/accountability/log-review-settings",
    access: "accountability.logreview.signoff",
    tag,
    summary: "Override the anomaly thresholds, severities or office window for this agency",
    body: overridesBody,
    handler: async ({ tx, agencyId, body, auth }) => {
      await tx
        .insert(logReviewSettings)
        .values({ agencyId, overrides: body, updatedBy: auth.staffId })
        .onConflictDoUpdate({
          target: logReviewSettings.agencyId,
          set: { overrides: body, updatedBy: auth.staffId, updatedAt: sql`now()` },
        });
      return { overrides: body };
    },
    audit: { action: "accountability.logreview.settings", details: (r) => ({ overrides: r.overrides }) },
  });
}
