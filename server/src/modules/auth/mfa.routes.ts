import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { defineRoute } from "../../http/route";
import { confirmEnrolment, startEnrolment, verifySecondFactor } from "./mfa.service";

const TAG = "auth";
const code = z.string().trim().min(1).max(32);

/** TOTP enrolment and the second-factor step; usable before the second factor is passed. */
export function registerMfaRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/auth/mfa/enrol/start",
    access: "authenticated",
    preMfa: true,
    tag: TAG,
    summary: "Start TOTP enrolment: a new secret and its QR code",
    audit: { skip: "writes auth.mfa_enrol_started itself" },
    handler: async ({ tx, auth, audit }) => startEnrolment(tx, deps, auth, audit),
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/auth/mfa/enrol/confirm",
    access: "authenticated",
    preMfa: true,
    tag: TAG,
    summary: "Confirm TOTP enrolment with a code; returns the one-time recovery codes (shown once)",
    body: z.object({ code }),
    audit: { skip: "writes auth.mfa_enrolled / auth.mfa_failed itself" },
    handler: async ({ tx, auth, body, audit }) => confirmEnrolment(tx, deps, auth, body.code, audit),
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/auth/mfa/verify",
    access: "authenticated",
    preMfa: true,
    tag: TAG,
    summary: "Second factor: a TOTP code or an unused recovery code",
    body: z.object({ code }),
    audit: { skip: "writes auth.mfa_verified / auth.mfa_failed itself" },
    handler: async ({ tx, auth, body, audit }) => verifySecondFactor(tx, deps, auth, body.code, audit),
  });
}
